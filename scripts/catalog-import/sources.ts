/**
 * The public sources the catalog import reads (scripts/catalog-sources/README.md): each one a
 * snapshot committed under scripts/catalog-sources/, with where and when it was taken and the
 * licence that allows the use. The import never downloads anything.
 */
export interface Source {
  id: string;
  /** Where it came from: the repository, and the commit the snapshot is of. */
  repository: string;
  commit: string;
  /** The commit's date: when the source said what the snapshot holds. */
  date: string;
  licence: 'MIT' | 'CC0-1.0';
  kind: 'markdown-list' | 'v2fly';
  /** Files under scripts/catalog-sources/. */
  files: string[];
}

export const SOURCES: readonly Source[] = [
  {
    id: 'v2fly-category-ai',
    repository: 'https://github.com/v2fly/domain-list-community',
    commit: 'c975ccef9c19f005a3bfa7a33255d1b406deea64',
    date: '2026-08-19',
    licence: 'MIT',
    kind: 'v2fly',
    files: ['v2fly/category-ai-!cn', 'v2fly/category-ai-cn', 'v2fly/category-ai-ru'],
  },
  {
    id: 'steven2358-awesome-generative-ai',
    repository: 'https://github.com/steven2358/awesome-generative-ai',
    commit: '63d863418c0a6db3db92cacf150a72f76933e15c',
    date: '2026-08-03',
    licence: 'CC0-1.0',
    kind: 'markdown-list',
    files: ['lists/steven2358+awesome-generative-ai.md'],
  },
  {
    id: 'eudk-awesome-ai-tools',
    repository: 'https://github.com/eudk/awesome-ai-tools',
    commit: '626be08c52c330c8aadf000e7ad3046d16481904',
    date: '2026-06-07',
    licence: 'CC0-1.0',
    kind: 'markdown-list',
    files: ['lists/eudk+awesome-ai-tools.md'],
  },
  {
    id: 'mahseema-awesome-ai-tools',
    repository: 'https://github.com/mahseema/awesome-ai-tools',
    commit: 'b55186e97bc01635d637f544431700f331077944',
    date: '2025-08-24',
    licence: 'MIT',
    kind: 'markdown-list',
    files: ['lists/mahseema+awesome-ai-tools.md'],
  },
  {
    id: 'filipecalegario-awesome-generative-ai',
    repository: 'https://github.com/filipecalegario/awesome-generative-ai',
    commit: '822bda6cb154727ff15cc0ad51bfddac2d6d5328',
    date: '2025-08-08',
    licence: 'CC0-1.0',
    kind: 'markdown-list',
    files: ['lists/filipecalegario+awesome-generative-ai.md'],
  },
  {
    id: 'sindresorhus-awesome-chatgpt',
    repository: 'https://github.com/sindresorhus/awesome-chatgpt',
    commit: 'fdf528f64b40c8f4f510f0eb22831a2696e87da7',
    date: '2026-02-16',
    licence: 'CC0-1.0',
    kind: 'markdown-list',
    files: ['lists/sindresorhus+awesome-chatgpt.md'],
  },
  {
    id: 'hannibal046-awesome-llm',
    repository: 'https://github.com/Hannibal046/Awesome-LLM',
    commit: '538eed00fcb05634fd81a68e24397c620fdcd3e8',
    date: '2025-07-31',
    licence: 'CC0-1.0',
    kind: 'markdown-list',
    files: ['lists/hannibal046+awesome-llm.md'],
  },
  {
    id: 'sourcegraph-awesome-code-ai',
    repository: 'https://github.com/sourcegraph/awesome-code-ai',
    commit: '0a8ba1e760b5a6f2f2dae1956f5a05de0a3a220a',
    date: '2026-02-23',
    licence: 'CC0-1.0',
    kind: 'markdown-list',
    files: ['lists/sourcegraph+awesome-code-ai.md'],
  },
];

/** The list of discontinued AI products the eudk list keeps: a name there is not imported. */
export const GRAVEYARD_FILE = 'lists/eudk+awesome-ai-tools.graveyard.md';

/** When the snapshots under scripts/catalog-sources/ were taken (the `fetch` of each repository). */
export const SNAPSHOTS_TAKEN = '2026-12-07';
