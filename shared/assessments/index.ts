/** Assessments: templates as data, pre-fill from the registry, FRIA rule, review cycles, exports. */
export * from './approval-check.ts';
export * from './assessment-export.ts';
export * from './assessment-html.ts';
export * from './escape.ts';
export * from './fria.ts';
export * from './gap-analysis.ts';
export * from './prefill.ts';
export * from './registers-export.ts';
export * from './review-cycle.ts';
export * from './start.ts';
export * from './template-format.ts';
export * from './templates.ts';
export * from './signed-view.ts';
export * from './sign-off-gate.ts';
export * from './provenance.ts';
export * from './soa-view.ts';
export * from './grc-export.ts';
