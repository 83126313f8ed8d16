import {
  AIMS_GAPS,
  AIMS_ISSUES,
  AIMS_PARTIES,
  AIMS_POLICY_ASSESSMENTS,
  AIMS_ROLES,
  AIMS_SCOPE,
  AIMS_SCOPE_ITEMS,
} from '../../../shared/documents/aims/index.ts';
import { PEOPLE } from '../organisation.ts';
import { CEO, dayOf, type AimsEntry } from './entry.ts';

/**
 * Clauses 4–5 of the demo's management system: the gap analysis, the policies assessed against
 * the AI policy, roles, the AIMS scope, internal and external issues and interested parties.
 */
export function contextEntries(now: number): AimsEntry[] {
  const day = (daysAgo: number) => dayOf(now, daysAgo);
  return [
    [
      AIMS_GAPS,
      'gap-resources',
      30,
      {
        title: 'No budget line for the AIMS yet',
        requirements: ['7.1'],
        status: 'partial',
        evidence: 'Budget request for 2027 submitted to the board',
        owner: PEOPLE.ciso,
        dueDate: day(-45),
      },
    ],
    [
      AIMS_GAPS,
      'gap-communication',
      30,
      {
        title: 'No plan for what is communicated about AI, to whom',
        requirements: ['7.4'],
        status: 'not-started',
        owner: PEOPLE.legal,
        dueDate: day(-75),
      },
    ],
    [
      AIMS_POLICY_ASSESSMENTS,
      'policy-privacy',
      30,
      {
        title: 'Data protection policy',
        owner: PEOPLE.legal,
        requirements: ['A.7.4', 'A.7.5', 'A.8.5'],
        status: 'gaps',
        gaps: 'Says nothing about personal data in prompts or about training data provenance',
        dueDate: day(-60),
      },
    ],
    [
      AIMS_POLICY_ASSESSMENTS,
      'policy-procurement',
      30,
      {
        title: 'Procurement policy',
        owner: PEOPLE.ciso,
        requirements: ['A.10.3'],
        status: 'embedded',
      },
    ],
    [
      AIMS_ROLES,
      'role-board',
      60,
      {
        title: 'Management board',
        kind: 'committee',
        responsibilities: 'Sets AI direction, approves the AI policy, chairs the management review',
        people: [CEO, PEOPLE.ciso],
        topManagement: true,
      },
    ],
    [
      AIMS_ROLES,
      'role-hr',
      60,
      {
        title: 'People & HR',
        kind: 'role',
        responsibilities: 'Deploys the candidate-screening pilot; assigns its human oversight',
        people: [PEOPLE.hr],
      },
    ],
    [
      AIMS_ROLES,
      'role-support',
      60,
      {
        title: 'Customer Support leads',
        kind: 'role',
        responsibilities: 'Review AI-drafted replies before they are sent',
        people: [PEOPLE.support],
      },
    ],
    [
      AIMS_SCOPE,
      'aims',
      58,
      {
        statement:
          'AI systems Northwind Demo Ltd deploys in HR, Customer Support and Engineering, at its EU sites',
        boundaries: 'Excludes AI embedded in office software used without company data',
        applicability: 'Depends on the IT security ISMS (ISO 27001) for access control and logging',
      },
    ],
    [
      AIMS_SCOPE_ITEMS,
      'scope-screening',
      58,
      {
        kind: 'record',
        name: 'Candidate screening pilot',
        recordIds: ['candidate-screening'],
        included: true,
        reason: 'High-risk use under EU AI Act Annex III point 4(a)',
      },
    ],
    [
      AIMS_SCOPE_ITEMS,
      'scope-deepl',
      58,
      {
        kind: 'record',
        name: 'DeepL Pro',
        recordIds: ['deepl-pro'],
        included: false,
        reason: 'Translation only, no decisions about people; covered by the acceptable-use policy',
      },
    ],
    [
      AIMS_ISSUES,
      'issue-literacy',
      55,
      {
        kind: 'external',
        title: 'AI literacy duty for staff using AI',
        effect: 'Everyone using AI tools needs training and records of it',
        source: 'EU AI Act Art. 4 (applies from 2 February 2025)',
        reviewedAt: day(55),
      },
    ],
    [
      AIMS_ISSUES,
      'issue-shadow',
      55,
      {
        kind: 'internal',
        title: 'Unapproved AI tools used by staff',
        effect: 'Systems in use outside the inventory and its risk assessment',
        source: 'Sightline discovery reports',
        reviewedAt: day(55),
      },
    ],
    [
      AIMS_PARTIES,
      'party-candidates',
      55,
      {
        name: 'Job candidates',
        kind: 'external',
        requirements: 'To be told when AI is used on them and to get a human review of decisions',
        source: 'EU AI Act Art. 26(11); GDPR Art. 22',
        addressed: true,
      },
    ],
    [
      AIMS_PARTIES,
      'party-works-council',
      55,
      {
        name: 'Works council',
        kind: 'internal',
        requirements: 'Informed before AI systems that monitor or evaluate staff are deployed',
        source: 'EU AI Act Art. 26(7)',
        addressed: false,
      },
    ],
  ];
}
