/** ISO/IEC 42001:2023 as data: Annex A controls, Annex C risk sources and objectives. */
export * from './annex-a.ts';
export * from './risk-sources.ts';
export * from './clauses.ts';
