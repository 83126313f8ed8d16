import type { Extension } from '@hocuspocus/server';
import { TOOLS, discoveryFields } from '../../shared/documents/discoveries/index.ts';
import { parseDocumentName } from '../../shared/documents/names.ts';
import type { WebhookDispatcher } from './dispatcher.ts';

/** Numbers of distinct reporters at which a tool's spread is announced (`discovery.spike`, HOOK3). */
export const SPIKE_STEPS = [5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 20_000];

interface ToolFacts {
  name: string;
  category: string;
  reporters: number;
  hosts: string[];
}

/** A discovery's few fields events carry, from either schema; undefined when it is not one. */
function facts(value: unknown): ToolFacts | undefined {
  const fields = discoveryFields(value);
  if (!fields) return undefined;
  const get = (key: string): unknown => fields.get(key);
  const reporters = get('reporters');
  const hosts = get('hosts');
  return {
    name: typeof get('name') === 'string' ? (get('name') as string).slice(0, 200) : '',
    category: typeof get('category') === 'string' ? (get('category') as string).slice(0, 64) : '',
    reporters: typeof reporters === 'number' && Number.isSafeInteger(reporters) ? reporters : 0,
    hosts: Array.isArray(hosts)
      ? hosts.filter((h): h is string => typeof h === 'string').slice(0, 20)
      : [],
  };
}

/**
 * Turns changes to `W/discoveries` into events (HOOK3): a tool key that appears is
 * `discovery.new`; a tool whose reporters reach a step of SPIKE_STEPS is `discovery.spike`. Only
 * changes after the document loaded count, so a restart announces nothing again. Event ids are
 * derived from the change itself, so every relay that sees it names it alike (HOOK8).
 */
export function discoveryEventsExtension(dispatcher: WebhookDispatcher): Extension {
  return {
    extensionName: 'webhook-discovery-events',
    async afterLoadDocument({ documentName, document }) {
      const name = parseDocumentName(documentName);
      if (name?.kind !== 'discoveries') return;
      const workspace = name.workspace;
      const tools = document.getMap<unknown>(TOOLS);
      tools.observe((event) => {
        const at = new Date().toISOString();
        for (const [toolKey, change] of event.changes.keys) {
          if (change.action === 'delete') continue;
          const now = facts(tools.get(toolKey));
          if (!now) continue;
          const before = change.action === 'update' ? facts(change.oldValue) : undefined;
          const data = { toolKey, ...now };
          if (change.action === 'add')
            dispatcher.emit({
              id: `discovery.new/${workspace}/${toolKey}`,
              event: 'discovery.new',
              workspace,
              at,
              summary: `New AI tool seen: ${now.name || toolKey} (${now.reporters} reporter${now.reporters === 1 ? '' : 's'}).`,
              data,
            });
          const step = SPIKE_STEPS.filter(
            (s) => now.reporters >= s && (before?.reporters ?? 0) < s,
          ).pop();
          if (step !== undefined)
            dispatcher.emit({
              id: `discovery.spike/${workspace}/${toolKey}/${step}`,
              event: 'discovery.spike',
              workspace,
              at,
              summary: `${now.name || toolKey} is now used by ${now.reporters} reporters (≥ ${step}).`,
              data: { ...data, step },
            });
        }
      });
    },
  };
}
