/** The EU AI Act deployer-obligations tracker (docs/classification.md). */
export * from './tracker-csv.ts';
export * from './tracker-items.ts';
export * from './tracker-summary.ts';
