import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAccountDomains } from '../../../shared/documents/policy/index.ts';
import { button, cleanup, click, field, render, type } from '../test-support/render.tsx';
import { AccountDomainsSection } from './AccountDomainsSection.tsx';

afterEach(cleanup);

describe('the workspace’s email domains', () => {
  it('saves the domains a lead types into the policy document, and refuses an address', async () => {
    const policy = new Y.Doc();
    const view = await render(<AccountDomainsSection policy={policy} canEdit />);
    await type(field(view, 'The organisation’s email domains'), 'Acme.com, acme.de');
    await click(button(view, 'Save domains'));
    expect(readAccountDomains(policy)).toEqual(['acme.com', 'acme.de']);
    await type(field(view, 'The organisation’s email domains'), 'ana@acme.com');
    await click(button(view, 'Save domains'));
    expect(view.querySelector('[role="alert"]')?.textContent).toMatch(/not an email domain/);
    expect(readAccountDomains(policy)).toEqual(['acme.com', 'acme.de']);
  });
});
