import {
  AIMS_COMPETENCES,
  AIMS_DOCUMENTS,
  AIMS_OBJECTIVES,
  AIMS_TRAINING,
} from '../../../shared/documents/aims/index.ts';
import { PEOPLE } from '../organisation.ts';
import { AUDITOR, CEO, dayOf, type AimsEntry } from './entry.ts';

/** Clauses 6–7 of the demo's management system: objectives, competences, training, documents. */
export function supportEntries(now: number): AimsEntry[] {
  const day = (daysAgo: number) => dayOf(now, daysAgo);
  return [
    [
      AIMS_OBJECTIVES,
      'obj-fair-shortlists',
      50,
      {
        annexC: 'Fairness',
        title: 'No unexplained gap in shortlisting rates',
        measure: 'Selection-rate ratio between age groups, each quarter',
        target: '≥ 0.8 (four-fifths rule)',
        owner: PEOPLE.hr,
        dueDate: day(-90),
        status: 'at-risk',
        systemIds: ['candidate-screening'],
      },
    ],
    [
      AIMS_COMPETENCES,
      'comp-literacy',
      45,
      {
        title: 'AI literacy',
        roleIds: ['role-hr', 'role-support'],
        course: 'AI literacy essentials',
        notes: 'Quiz at the end of the course, pass mark 80 %',
      },
    ],
    [
      AIMS_COMPETENCES,
      'comp-oversight',
      45,
      {
        title: 'Human oversight of candidate screening',
        people: [PEOPLE.hr],
        systemIds: ['candidate-screening'],
        course: 'Overseeing automated shortlisting',
        notes: 'EU AI Act Art. 14 and 26(2): knows the system’s limits and when to override',
      },
    ],
    [
      AIMS_TRAINING,
      'train-priya-literacy',
      40,
      {
        person: PEOPLE.hr,
        course: 'AI literacy essentials',
        completedAt: day(400),
        evidence: 'https://training.northwind.example/certificates/1042',
        expiresAt: day(35),
      },
    ],
    [
      AIMS_TRAINING,
      'train-leila-literacy',
      40,
      {
        person: PEOPLE.support,
        course: 'AI literacy essentials',
        completedAt: day(300),
        evidence: 'https://training.northwind.example/certificates/0871',
        expiresAt: day(-65),
      },
    ],
    [
      AIMS_DOCUMENTS,
      'doc-risk-procedure',
      44,
      {
        title: 'AI risk assessment procedure',
        kind: 'procedure',
        version: '1.1',
        owner: PEOPLE.ciso,
        link: 'https://wiki.northwind.example/aims/risk-assessment',
        status: 'approved',
        approvedBy: CEO,
        approvedAt: day(44),
        reviewDue: day(-320),
      },
    ],
    [
      AIMS_DOCUMENTS,
      'doc-audit-programme',
      30,
      {
        title: 'Internal audit programme 2026–2027',
        kind: 'plan',
        version: '1.0',
        owner: AUDITOR,
        link: 'https://wiki.northwind.example/aims/audit-programme',
        status: 'approved',
        approvedBy: CEO,
        approvedAt: day(400),
        reviewDue: day(5),
      },
    ],
  ];
}
