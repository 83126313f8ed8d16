/** The EU AI Act rules as versioned data with their sources (docs/classification.md, "The rules as data"). */
export * from './annex-iii.ts';
export * from './dates.ts';
export * from './obligations.ts';
export * from './prohibitions.ts';
export * from './sources.ts';
export * from './validate.ts';
export * from './version.ts';
