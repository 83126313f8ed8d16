/** AI incidents and near misses: the legal periods as data, their clocks, their exports. */
export * from './reporting-periods.ts';
export * from './clocks.ts';
export * from './incident-export.ts';
