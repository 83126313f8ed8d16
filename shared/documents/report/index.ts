/** The report document (`<workspace>/reports/<reporterId>`): one extension's sightings and flags. */
export * from './schema.ts';
export { recordSightings, setReportMeta } from './record.ts';
export { addFlag, removeFlag } from './flags.ts';
export { readReport } from './read.ts';
export { MAX_PURPOSES, summariseReport, type ReporterToolSummary } from './summary.ts';
export * from './concerns.ts';
export * from './policy-acks.ts';
export * from './client-status.ts';
export * from './accounts.ts';
