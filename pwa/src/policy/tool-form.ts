import * as v from 'valibot';
import {
  CATEGORIES,
  WorkspaceToolSchema,
  type Category,
  type Facts,
  type ToolEntry,
} from '../../../shared/catalog/schema.ts';
import { MAX_TOOL_LIST, type WorkspaceToolInput } from '../../../shared/documents/policy/index.ts';

/** What the catalog editor's form holds: text as typed, lists one item a line (or comma). */
export interface ToolForm {
  id: string;
  name: string;
  vendor: string;
  category: Category;
  hosts: string;
  apiHosts: string;
  extensionIds: string;
}
export type ToolField = keyof ToolForm;
/** Errors by field; `form` holds those about the tool as a whole. */
export type ToolErrors = Partial<Record<ToolField | 'form', string[]>>;

export const EMPTY_TOOL_FORM: ToolForm = {
  id: '',
  name: '',
  vendor: '',
  category: 'other',
  hosts: '',
  apiHosts: '',
  extensionIds: '',
};

export function formFromTool(tool: ToolEntry): ToolForm {
  return {
    id: tool.id,
    name: tool.name,
    vendor: tool.vendor === 'Unknown' ? '' : tool.vendor,
    category: tool.category,
    hosts: tool.hosts.join('\n'),
    apiHosts: tool.apiHosts.join('\n'),
    extensionIds: tool.extensionIds.join('\n'),
  };
}

/** Items one a line, or separated by commas; blanks and repeats dropped (a space stays in, and is refused). */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]+/)
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

const LIST_FIELDS = new Set<ToolField>(['hosts', 'apiHosts', 'extensionIds']);

/** One issue in words a lead can act on. */
function issueShown(field: ToolField, issue: v.BaseIssue<unknown>): string {
  const item = JSON.stringify(String(issue.input));
  switch (field) {
    case 'id':
      return issue.type === 'max_length'
        ? 'At most 80 characters.'
        : 'Lower-case letters and digits, with single hyphens between them (like notes-ai).';
    case 'name':
    case 'vendor':
      return issue.type === 'max_length' ? 'At most 100 characters.' : 'Required.';
    case 'hosts':
    case 'apiHosts':
      return `${item} is not a hostname: write it like tool.example.com — lower case, no https://, port or path.`;
    case 'extensionIds':
      return `${item} is not a Chrome extension id: 32 letters from a to p (as chrome://extensions shows it).`;
    default:
      return issue.message;
  }
}

/**
 * The form as a workspace tool, validated exactly as the policy's writer validates it
 * (WorkspaceToolSchema), with each problem on the field it concerns. Hosts are lower-cased;
 * nothing else is changed. `facts` are kept from the tool being edited (the form has none).
 */
export function toolFromForm(
  form: ToolForm,
  facts: Facts = {},
): { ok: true; tool: WorkspaceToolInput } | { ok: false; errors: ToolErrors } {
  const tool: WorkspaceToolInput = {
    id: form.id.trim(),
    name: form.name.trim(),
    category: CATEGORIES.includes(form.category) ? form.category : 'other',
    hosts: splitList(form.hosts.toLowerCase()),
    apiHosts: splitList(form.apiHosts.toLowerCase()),
    extensionIds: splitList(form.extensionIds),
    facts,
  };
  if (form.vendor.trim() !== '') tool.vendor = form.vendor.trim();
  const errors: ToolErrors = {};
  const add = (field: ToolField | 'form', message: string) =>
    (errors[field] ??= []).includes(message) || errors[field].push(message);
  for (const field of LIST_FIELDS) {
    if ((tool[field as 'hosts'] ?? []).length > MAX_TOOL_LIST)
      add(field, `At most ${MAX_TOOL_LIST} items.`);
  }
  const parsed = v.safeParse(WorkspaceToolSchema, tool);
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      const field = issue.path?.[0]?.key as ToolField | undefined;
      if (field === undefined || !(field in EMPTY_TOOL_FORM)) {
        add('form', `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`);
      } else add(field, issueShown(field, issue));
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, tool };
}
