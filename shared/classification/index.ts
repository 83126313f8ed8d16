/** Classification: the EU AI Act category and a suggested risk tier from a use profile. */
export * from './duty-timing.ts';
export * from './eu-ai-act-profile.ts';
export * from './eu-ai-act.ts';
export * from './fria-rule.ts';
export * from './rules/index.ts';
export * from './tiers.ts';
