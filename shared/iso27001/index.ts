/** ISO/IEC 27001:2022 as data, and its crosswalk to ISO/IEC 42001:2023. */
export * from './iso27001.ts';
export * from './crosswalk.ts';
export * from './soa-import.ts';
export * from './reuse.ts';
export * from './crosswalk-export.ts';
