export * from './words.ts';
export * from './workspace-export.ts';
export * from './aims-export.ts';
