import { CATEGORY_LABELS } from '../../../shared/catalog/schema.ts';
import type { Discovery } from '../../../shared/documents/discoveries/index.ts';
import {
  riskBand,
  riskScore,
  type AssessmentIndexEntry,
  type RegistryRecord,
  type Risk,
} from '../../../shared/documents/registry/index.ts';
import { aimsPaletteCommands } from '../aims/aims-palette.ts';
import { assessmentHref } from '../assessments/assessment-href.ts';
import type { CatalogTool } from '../catalog-browser/catalog-source.ts';
import { toolHref } from '../catalog-browser/tool-href.ts';
import { actionHref } from '../router/route-action.ts';
import { SECTIONS } from '../router/sections.ts';
import type { PaletteCommand } from './palette-commands.ts';

export type Navigate = (hash: string) => void;

/** What this role may do: actions it may not are not offered. */
export interface PaletteRights {
  editRegistry: boolean;
}

/** Places and actions rank above records and tools that match as well. */
const PLACE = 4;
const ACTION = 3.5;
const ITEM = 1.5;

/** Every section, the management system's registers, and the common actions. */
export function placesAndActions(navigate: Navigate, rights: PaletteRights): PaletteCommand[] {
  const places = SECTIONS.map((section): PaletteCommand => ({
    id: `go.${section.path}`,
    group: 'Go to',
    label: `Go to ${section.label}`,
    keywords: [...section.keywords],
    weight: PLACE,
    run: () => navigate(`#/${section.path}`),
  }));
  const action = (
    id: string,
    label: string,
    hash: string,
    keywords: string[] = [],
  ): PaletteCommand => ({
    id: `action.${id}`,
    group: 'Actions',
    label,
    keywords,
    weight: ACTION,
    run: () => navigate(hash),
  });
  const actions = [
    ...(rights.editRegistry
      ? [
          action('new-record', 'New record', actionHref('inventory', 'new-record'), [
            'create',
            'add system',
          ]),
          action('new-risk', 'New risk', actionHref('risks', 'new-risk'), ['create', 'add']),
          action(
            'start-assessment',
            'Start assessment',
            actionHref('assessments', 'new-assessment'),
            ['new assessment', 'impact', 'risk assessment', 'create'],
          ),
          action('import-log', 'Import a network log…', '#/import', ['upload', 'proxy', 'csv']),
        ]
      : []),
    action(
      'export-inventory-csv',
      'Export the inventory (CSV)…',
      actionHref('inventory', 'export-csv'),
      ['download', 'register', 'spreadsheet'],
    ),
    action(
      'export-inventory-json',
      'Export the inventory (JSON)…',
      actionHref('inventory', 'export-json'),
      ['download', 'register'],
    ),
    action(
      'export-risks-csv',
      'Export the risk register (CSV)…',
      actionHref('risks', 'export-csv'),
      ['download', 'risks'],
    ),
  ];
  return [...places, ...aimsPaletteCommands(navigate), ...actions];
}

const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The workspace's records, risks, assessments and tools, one command each. */
export function workspaceItems(options: {
  navigate: Navigate;
  records: Iterable<RegistryRecord>;
  risks: Iterable<Risk>;
  riskRefs?: ReadonlyMap<string, string>;
  assessments: readonly AssessmentIndexEntry[];
  discoveries: readonly Discovery[];
  catalog: readonly CatalogTool[];
}): PaletteCommand[] {
  const { navigate } = options;
  const names = new Map<string, string>();
  const commands: PaletteCommand[] = [];
  for (const record of options.records) {
    names.set(record.id, record.name);
    commands.push({
      id: `record.${record.id}`,
      group: 'Records',
      label: record.name,
      detail: [record.vendor, record.owner].filter(Boolean).join(' · '),
      keywords: ['record'],
      weight: ITEM,
      run: () => navigate(`#/inventory/${encodeURIComponent(record.id)}`),
    });
  }
  for (const risk of options.risks) {
    const ref = options.riskRefs?.get(risk.id);
    const score = riskScore(risk.likelihood, risk.impact);
    commands.push({
      id: `risk.${risk.id}`,
      group: 'Risks',
      label: ref ? `${ref} ${clip(risk.description)}` : clip(risk.description),
      detail: `${riskBand(score)} · score ${score} · ${risk.status}`,
      keywords: ['risk', ...(ref ? [ref] : []), ...risk.systemIds.map((id) => names.get(id) ?? id)],
      weight: ITEM,
      run: () => navigate(actionHref('risks', 'open-risk', risk.id)),
    });
  }
  for (const entry of options.assessments) {
    commands.push({
      id: `assessment.${entry.id}`,
      group: 'Assessments',
      label: entry.title,
      detail: `${entry.kind === 'impact' ? 'Impact' : 'Risk'} assessment · ${names.get(entry.recordId) ?? entry.recordId}`,
      keywords: ['assessment'],
      weight: ITEM,
      run: () => navigate(assessmentHref(entry.id)),
    });
  }
  // One command per tool: a tool the workspace has seen opens in the inbox, any other in the
  // tool catalog (where "is X already detected?" is answered).
  const seen = new Map(options.discoveries.map((tool) => [tool.toolKey, tool]));
  for (const tool of options.catalog) {
    const discovery = seen.get(tool.id);
    commands.push({
      id: `tool.${tool.id}`,
      group: 'Tools',
      label: tool.name,
      detail: `${tool.vendor} · ${CATEGORY_LABELS[tool.category]} · ${discovery ? 'seen in this workspace' : 'not seen here'}`,
      keywords: ['tool', tool.id, ...tool.hosts],
      run: () => navigate(discovery ? `#/inbox/${encodeURIComponent(tool.id)}` : toolHref(tool.id)),
    });
  }
  const inCatalog = new Set(options.catalog.map((tool) => tool.id));
  for (const tool of options.discoveries) {
    if (inCatalog.has(tool.toolKey)) continue;
    commands.push({
      id: `tool.${tool.toolKey}`,
      group: 'Tools',
      label: tool.name,
      detail: `${CATEGORY_LABELS[tool.category]} · seen in this workspace`,
      keywords: ['tool', tool.toolKey, ...tool.hosts],
      run: () => navigate(`#/inbox/${encodeURIComponent(tool.toolKey)}`),
    });
  }
  return commands;
}
