/**
 * The app's sections: the navigation lists them and the palette reaches each of them, so both
 * read this one list. `keywords` are other words people search with ("risk" finds the register).
 */
export interface Section {
  label: string;
  /** `#/<path>` */
  path: string;
  keywords: readonly string[];
}

export const SECTIONS: readonly Section[] = [
  { label: 'Dashboard', path: 'dashboard', keywords: ['overview', 'charts', 'heat map'] },
  { label: 'Inbox', path: 'inbox', keywords: ['discoveries', 'triage', 'new tools'] },
  { label: 'Inventory', path: 'inventory', keywords: ['records', 'register', 'systems'] },
  { label: 'Import', path: 'import', keywords: ['network log', 'upload', 'csv'] },
  { label: 'Catalog', path: 'catalog', keywords: ['workspace catalog', 'tools', 'hosts'] },
  {
    label: 'Tools',
    path: 'tools',
    keywords: ['catalog browser', 'built-in catalog', 'vendors', 'detected', 'tools'],
  },
  { label: 'Assessments', path: 'assessments', keywords: ['impact', 'risk assessment', 'review'] },
  { label: 'Templates', path: 'templates', keywords: ['assessment templates'] },
  { label: 'Risks', path: 'risks', keywords: ['risk register', 'treatment', 'risk'] },
  { label: 'Incidents', path: 'incidents', keywords: ['serious incident', 'concerns'] },
  {
    label: 'SoA',
    path: 'soa',
    keywords: ['statement of applicability', 'annex a', 'controls', 'ISO 42001'],
  },
  { label: 'AIMS', path: 'aims', keywords: ['management system', 'ISO 42001'] },
  { label: 'Settings', path: 'settings', keywords: ['people', 'invitations', 'workspace'] },
];
