/** Classification: the EU AI Act category and a suggested risk tier from a use profile. */
export * from './eu-ai-act-profile.ts';
export * from './eu-ai-act.ts';
export * from './tiers.ts';
