/** Pieces every document module shares: versions and migrations, safe readers, careful writers. */
export * from './problems.ts';
export * from './read.ts';
export * from './read-lists.ts';
export * from './values.ts';
export * from './version.ts';
export * from './write.ts';
