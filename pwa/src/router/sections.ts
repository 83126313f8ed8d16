/**
 * The workspace's sections, in the navigation's order: one list for the navigation and for the
 * every-route end-to-end test (test/e2e/pwa-every-route.e2e.ts), so a section added here is
 * visited at every screen size and theme. `heading` is the page's <h1>, which the test waits for.
 */
export interface Section {
  /** The route's first segment: `#/<path>`. */
  path: string;
  /** The navigation's label. */
  label: string;
  /** The page's <h1> (a part of it is enough). */
  heading: string;
}

export const SECTIONS: readonly Section[] = [
  { path: 'dashboard', label: 'Dashboard', heading: 'Dashboard' },
  { path: 'inbox', label: 'Inbox', heading: 'Inbox' },
  { path: 'inventory', label: 'Inventory', heading: 'Inventory' },
  { path: 'import', label: 'Import', heading: 'Import' },
  { path: 'catalog', label: 'Catalog', heading: 'Workspace catalog' },
  { path: 'assessments', label: 'Assessments', heading: 'Assessments' },
  { path: 'templates', label: 'Templates', heading: 'Assessment templates' },
  { path: 'risks', label: 'Risks', heading: 'Risk register' },
  { path: 'incidents', label: 'Incidents', heading: 'Incidents' },
  { path: 'soa', label: 'SoA', heading: 'Statement of Applicability' },
  { path: 'aims', label: 'AIMS', heading: 'Management system' },
  { path: 'settings', label: 'Settings', heading: 'Settings' },
];
