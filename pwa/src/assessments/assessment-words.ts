import type { AssessmentIndexEntry } from '../../../shared/documents/registry/index.ts';

export const kindLabel = (kind: AssessmentIndexEntry['kind']): string =>
  kind === 'risk' ? 'AI risk assessment' : 'AI system impact assessment';
