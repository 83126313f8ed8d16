import type { RegisterSpec } from './registers.ts';

/**
 * Competence and AI literacy (ISO/IEC 42001 7.2, 7.3, A.4.6; EU AI Act Art. 4 and Art. 26(2)),
 * two registers of the registry document:
 *
 *   aimsCompetences  competenceId → a competence, the roles that need it, the people named for it
 *                    (the human oversight of high-risk systems: Art. 26(2)), the systems it is
 *                    for, and the course that gives it
 *   aimsTraining     trainingId → one person's course: the day completed, the evidence, expiry
 *
 * Who lacks what is computed (competence.ts), never stored: a training record is the only fact.
 */
const LONG = 4000;
const SHORT = 200;

export const AIMS_COMPETENCES: RegisterSpec = {
  id: 'aimsCompetences',
  clause: '7.2',
  title: 'Competences',
  noun: 'competence',
  labelField: 'title',
  maxEntries: 500,
  fields: [
    { kind: 'text', key: 'title', label: 'Competence', max: SHORT, required: true },
    { kind: 'ids', key: 'roleIds', label: 'Roles that need it', of: 'roles', max: 100 },
    { kind: 'people', key: 'people', label: 'People named for it', max: 200 },
    { kind: 'ids', key: 'systemIds', label: 'Human oversight of systems', of: 'records', max: 200 },
    { kind: 'text', key: 'course', label: 'Course that gives it', max: SHORT, required: true },
    { kind: 'text', key: 'notes', label: 'How it is assessed', max: LONG, long: true },
  ],
};

export const AIMS_TRAINING: RegisterSpec = {
  id: 'aimsTraining',
  clause: '7.2',
  title: 'Training records',
  noun: 'training record',
  labelField: 'course',
  maxEntries: 20000,
  fields: [
    { kind: 'text', key: 'person', label: 'Person', max: SHORT, required: true },
    { kind: 'text', key: 'course', label: 'Course', max: SHORT, required: true },
    { kind: 'date', key: 'completedAt', label: 'Completed on' },
    { kind: 'text', key: 'evidence', label: 'Evidence link', max: 2000 },
    { kind: 'date', key: 'expiresAt', label: 'Expires on' },
  ],
};
