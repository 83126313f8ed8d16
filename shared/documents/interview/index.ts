/** Stakeholder interviews of the gap analysis, one document each (`W/interview/<id>`). */
export * from './schema.ts';
export * from './interview.ts';
export * from './questionnaires.ts';
