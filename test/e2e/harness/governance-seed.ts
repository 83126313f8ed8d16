import { AI_RISK_ASSESSMENT, startAssessment } from '../../../shared/assessments/index.ts';
import {
  createRecord,
  indexAssessment,
  readRegistry,
  saveRisk,
} from '../../../shared/documents/registry/index.ts';
import { savePlanMetric } from '../../../shared/documents/monitoring/plan.ts';
import { setWorkspaceTool } from '../../../shared/documents/policy/index.ts';
import { addFlag, recordSightings } from '../../../shared/documents/report/index.ts';
import type { PwaWorkspace } from './pwa-workspace.ts';

/** The pages the seed fills beyond the sections: a record and an assessment. */
export const seededPages = [
  { name: 'record', hash: '#/inventory/rec-gpt', heading: 'ChatGPT Enterprise' },
  {
    name: 'assessment',
    hash: '#/assessments/a1',
    heading: 'AI risk assessment: ChatGPT Enterprise',
  },
] as const;

/**
 * A small governance workspace through the relay, so every page has something to show: a report
 * with two tools (Claude flagged), a record of ChatGPT Enterprise with a risk and a monitoring plan,
 * an assessment of that record listed in the registry, and a tool in the workspace's own catalog —
 * so each table a page has is on screen (and must be cards on a phone).
 */
export async function seedGovernanceWorkspace(ws: PwaWorkspace<unknown>): Promise<void> {
  const report = ws.client('acme/reports/r1', '--role', 'member', '--reporter', 'r1');
  const at = Date.now();
  recordSightings(report.doc, [
    {
      toolKey: 'openai-chatgpt',
      name: 'ChatGPT',
      category: 'chat-assistant',
      host: 'chatgpt.com',
      signal: 'visit',
      at,
    },
    {
      toolKey: 'anthropic-claude',
      name: 'Claude',
      category: 'chat-assistant',
      host: 'claude.ai',
      signal: 'visit',
      at,
    },
  ]);
  addFlag(report.doc, {
    id: 'f1',
    toolKey: 'anthropic-claude',
    host: 'claude.ai',
    name: 'Claude',
    purpose: 'summarise support tickets',
    dataCategories: ['customer'],
    note: '',
    createdAt: at,
  });
  await report.acknowledged();
  const registry = ws.client('acme/registry', '--role', 'lead');
  await registry.outcome();
  createRecord(
    registry.doc,
    'rec-gpt',
    { name: 'ChatGPT Enterprise', toolKeys: ['openai-chatgpt'] },
    'dana',
    at,
  );
  saveRisk(
    registry.doc,
    'risk-1',
    {
      systemIds: ['rec-gpt'],
      source: 'privacy',
      description: 'Customer data pasted into prompts',
      likelihood: 4,
      impact: 4,
      treatment: 'mitigate',
      controls: ['A.7.4'],
      status: 'open',
    },
    'dana',
    at,
  );
  const assessment = ws.client('acme/assessment/a1', '--role', 'lead');
  await assessment.outcome();
  startAssessment(
    assessment.doc,
    { template: AI_RISK_ASSESSMENT, record: readRegistry(registry.doc).records.get('rec-gpt')! },
    'dana',
    at,
  );
  indexAssessment(registry.doc, {
    id: 'a1',
    recordId: 'rec-gpt',
    kind: 'risk',
    title: 'AI risk assessment: ChatGPT Enterprise',
    createdAt: at,
    createdBy: 'dana',
  });
  await assessment.acknowledged();
  await registry.acknowledged();
  const monitoring = ws.client('acme/monitoring/rec-gpt', '--role', 'lead');
  await monitoring.outcome();
  savePlanMetric(
    monitoring.doc,
    {
      name: 'answer-accuracy',
      kind: 'accuracy',
      direction: 'at-least',
      threshold: 0.9,
      subgroups: ['support', 'sales'],
      onBreach: 'risk',
    },
    'dana',
    at,
  );
  await monitoring.acknowledged();
  const policy = ws.client('acme/policy', '--role', 'lead');
  await policy.outcome();
  setWorkspaceTool(policy.doc, {
    id: 'acme-assistant',
    name: 'Acme Assistant',
    vendor: 'Acme Ltd',
    category: 'chat-assistant',
    hosts: ['assistant.acme.example'],
    apiHosts: ['api.assistant.acme.example'],
    extensionIds: [],
  });
  await policy.acknowledged();
}
