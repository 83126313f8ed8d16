/**
/**
 * The workspace's sections, in the navigation's order: one list for the navigation, the command
 * palette and the every-route end-to-end test (test/e2e/pwa-every-route.e2e.ts), so a section
 * added here is reachable from the palette and visited at every screen size and theme.
 * `heading` is the page's <h1>, which the test waits for; `keywords` are other words people
 * search with ("risk" finds the register).
 */
export interface Section {
  /** The route's first segment: `#/<path>`. */
  path: string;
  /** The navigation's label. */
  label: string;
  /** The page's <h1> (a part of it is enough). */
  heading: string;
  keywords: readonly string[];
}

export const SECTIONS: readonly Section[] = [
  {
    path: 'dashboard',
    label: 'Dashboard',
    heading: 'Dashboard',
    keywords: ['overview', 'charts', 'heat map'],
  },
  {
    path: 'inbox',
    label: 'Inbox',
    heading: 'Inbox',
    keywords: ['discoveries', 'triage', 'new tools'],
  },
  {
    path: 'notifications',
    label: 'Notifications',
    heading: 'Notifications',
    keywords: ['assigned to me', 'mentions', 'due', 'reviews', 'clock', 'bell'],
  },
  {
    path: 'inventory',
    label: 'Inventory',
    heading: 'Inventory',
    keywords: ['records', 'register', 'systems'],
  },
  {
    path: 'import',
    label: 'Import',
    heading: 'Import',
    keywords: ['network log', 'upload', 'csv'],
  },
  {
    path: 'catalog',
    label: 'Catalog',
    heading: 'Workspace catalog',
    keywords: ['workspace catalog', 'tools', 'hosts'],
  },
  {
    path: 'tools',
    label: 'Tools',
    heading: 'Tool catalog',
    keywords: ['catalog browser', 'built-in catalog', 'vendors', 'detected', 'tools'],
  },
  {
    path: 'assessments',
    label: 'Assessments',
    heading: 'Assessments',
    keywords: ['impact', 'risk assessment', 'review'],
  },
  {
    path: 'templates',
    label: 'Templates',
    heading: 'Assessment templates',
    keywords: ['assessment templates'],
  },
  {
    path: 'risks',
    label: 'Risks',
    heading: 'Risk register',
    keywords: ['risk register', 'treatment', 'risk'],
  },
  {
    path: 'incidents',
    label: 'Incidents',
    heading: 'Incidents',
    keywords: ['serious incident', 'concerns'],
  },
  {
    path: 'soa',
    label: 'SoA',
    heading: 'Statement of Applicability',
    keywords: ['statement of applicability', 'annex a', 'controls', 'ISO 42001'],
  },
  {
    path: 'aims',
    label: 'AIMS',
    heading: 'Management system',
    keywords: ['management system', 'ISO 42001'],
  },
  {
    path: 'settings',
    label: 'Settings',
    heading: 'Settings',
    keywords: ['people', 'invitations', 'workspace'],
  },
];
