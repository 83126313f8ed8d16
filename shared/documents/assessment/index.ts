/** The assessment document (`<workspace>/assessment/<id>`): rich text per section, workflow, versions. */
export * from './schema.ts';
export { createAssessment, isSectionId, type NewAssessment } from './create.ts';
export {
  appendParagraphs,
  blocksText,
  fragmentBlocks,
  sectionFragment,
  type Block,
  type BlockType,
} from './fragments.ts';
export { readAssessment, readOutline } from './read.ts';
export { assignSection, setReviewer, setSectionStatus } from './workflow.ts';
export { readReviews, recordReview } from './reviews.ts';
export {
  SignOffError,
  canSignOff,
  signOff,
  signOffBlockers,
  type SignOffInput,
} from './signoff.ts';
export {
  compareSections,
  currentSections,
  freezeSections,
  sectionsFromSnapshot,
  versionSections,
  type ChangeKind,
  type SectionComparison,
  type SectionText,
} from './versions.ts';
