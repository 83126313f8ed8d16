import { describe, expect, it } from 'vitest';
import {
  EMPTY_TOOL_FORM,
  formFromTool,
  splitList,
  toolFromForm,
  type ToolForm,
} from './tool-form.ts';

const form = (patch: Partial<ToolForm>): ToolForm => ({
  ...EMPTY_TOOL_FORM,
  id: 'notes-ai',
  name: 'Notes AI',
  hosts: 'notes-ai.example',
  ...patch,
});

describe('the catalog form', () => {
  it('splits lists on lines and commas, dropping blanks and repeats', () => {
    expect(splitList(' a.example\n\nb.example, c.example\r\n a.example ,')).toEqual([
      'a.example',
      'b.example',
      'c.example',
    ]);
    expect(splitList('not a host!')).toEqual(['not a host!']);
  });

  it('makes a valid tool, lower-casing hosts and keeping the facts it is given', () => {
    const facts = { headquarters: { value: 'DE', source: 'https://notes-ai.example/imprint' } };
    const result = toolFromForm(
      form({
        id: ' notes-ai ',
        vendor: ' Notes GmbH ',
        category: 'meeting-notes',
        hosts: 'Notes-AI.example\napp.notes-ai.example',
        apiHosts: 'api.notes-ai.example',
        extensionIds: 'a'.repeat(32),
      }),
      facts,
    );
    expect(result).toEqual({
      ok: true,
      tool: {
        id: 'notes-ai',
        name: 'Notes AI',
        vendor: 'Notes GmbH',
        category: 'meeting-notes',
        hosts: ['notes-ai.example', 'app.notes-ai.example'],
        apiHosts: ['api.notes-ai.example'],
        extensionIds: ['a'.repeat(32)],
        facts,
      },
    });
    // Round trip: an unknown vendor shows as an empty field.
    expect(
      formFromTool({
        ...(result.ok ? result.tool : ({} as never)),
        vendor: 'Unknown',
        facts: {},
      } as never).vendor,
    ).toBe('');
  });

  it('puts each problem on its field, in words', () => {
    const result = toolFromForm(
      form({
        id: 'Notes AI',
        name: ' ',
        hosts: 'not a host!',
        apiHosts: 'https://api.example.com/v1',
        extensionIds: 'nope',
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.id).toEqual([expect.stringMatching(/Lower-case letters and digits/)]);
    expect(result.errors.name).toEqual(['Required.']);
    expect(result.errors.hosts).toEqual([
      '"not a host!" is not a hostname: write it like tool.example.com — lower case, no https://, port or path.',
    ]);
    expect(result.errors.apiHosts).toEqual([
      expect.stringMatching(/"https:\/\/api.example.com\/v1" is not a hostname/),
    ]);
    expect(result.errors.extensionIds).toEqual([
      expect.stringMatching(/"nope" is not a Chrome extension id/),
    ]);
  });

  it('needs a host, an API host or an extension id', () => {
    const result = toolFromForm(form({ hosts: '' }));
    expect(result).toEqual({
      ok: false,
      errors: { form: ['A tool needs a host, an API host or an extension id.'] },
    });
  });

  it('refuses lists longer than the policy holds', () => {
    const hosts = Array.from({ length: 201 }, (_, i) => `h${i}.example.com`).join('\n');
    const result = toolFromForm(form({ hosts }));
    expect(result.ok || result.errors.hosts).toEqual(['At most 200 items.']);
  });
});
