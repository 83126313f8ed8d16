import type * as Y from 'yjs';
import { createAssessment } from '../documents/assessment/index.ts';
import { friaRequirement, type DeployerContext } from './fria.ts';
import type { PrefillContext } from './prefill.ts';
import type { AssessmentTemplate } from './template-format.ts';
import { templateSections } from './templates.ts';

export interface StartAssessment extends Omit<PrefillContext, 'fria'> {
  template: AssessmentTemplate;
  deployer?: DeployerContext;
  /** Defaults to `<template title>: <record name>`. */
  title?: string;
}

/**
 * Starts an assessment of a registry record from a template, in an empty document (create it
 * with new Y.Doc({ gc: false })): the sections the template calls for (the FRIA ones only when
 * Art. 27 requires them). Their text starts empty: what the register says of the system is a
 * live view beside it (sign-off-gate.ts, liveRegisterView) until a sign-off freezes it (S8), so
 * a signed-off version never shows the register as it was weeks before. Throws, changing
 * nothing, on bad input.
 */
export function startAssessment(doc: Y.Doc, input: StartAssessment, by: string, at: number): void {
  const fria = friaRequirement(input.record.classification, input.deployer);
  const sections = templateSections(input.template, { friaRequired: fria.required === 'yes' });
  const title = input.title ?? `${input.template.title}: ${input.record.name}`;
  createAssessment(
    doc,
    {
      kind: input.template.kind,
      recordId: input.record.id,
      templateId: input.template.id,
      templateVersion: input.template.version,
      title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
      outline: sections.map(({ id, title, guidance, references }) => ({
        id,
        title,
        guidance,
        references,
      })),
    },
    by,
    at,
  );
}
