export * from './words.ts';
export * from './workspace-export.ts';
