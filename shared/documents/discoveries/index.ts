/** The discoveries document (`<workspace>/discoveries`): every report combined per tool. */
export * from './schema.ts';
export { combineSummaries, type ReporterRow } from './combine.ts';
export { writeDiscovery } from './write.ts';
export { discoveriesReader, discoveryFields, readDiscoveries } from './read.ts';
export { ACTIVITY, readActivity, writeActivity, type ReporterActivity } from './activity.ts';
export * from './concerns.ts';
export * from './policy-acks.ts';
