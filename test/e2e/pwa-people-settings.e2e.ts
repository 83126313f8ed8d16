import { describe, expect, it } from 'vitest';
import { hasChromium } from './harness/browser.ts';
import { seriousViolations, usePwaWorkspace } from './harness/pwa-workspace.ts';

/**
 * Settings → People against a real relay (docs/sync.md H2–H4, H8): a lead makes an enrolment
 * code with a cap, extensions enrol with it, the list shows who minted it and its extensions, and
 * revoking it can revoke them too — after which they are refused.
 */
describe.skipIf(!hasChromium())('people and enrolment settings (end to end)', () => {
  const ws = usePwaWorkspace();

  it('H2–H4: shows a code’s extensions under it and revokes them with it', async () => {
    const context = await ws.browser().newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await ws.joinAsLead(page, '--label', 'Dana (lead)');
    // On a phone the sections are in the menu's drawer.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Settings' }).click();

    const enrol = page.getByRole('form', { name: 'Enrol browser extensions' });
    await enrol.getByLabel('What it is for').fill('Pilot group');
    await enrol.getByLabel(/^Most extensions/).fill('25');
    await enrol.getByRole('button', { name: 'Make an enrolment code' }).click();
    const code = await page.getByLabel('Enrolment code', { exact: true }).inputValue();
    expect(code).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    const enrolled: { token: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${ws.relay().url}/api/enrol`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: code }),
      });
      expect(response.status).toBe(201);
      enrolled.push((await response.json()) as { token: string });
    }

    await page.reload();
    const row = page.getByRole('row', { name: /Pilot group/ });
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('3 of 25');
    expect(await row.textContent()).toContain('You');
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      expect(await seriousViolations(page)).toEqual([]);
    }

    await row.getByRole('button', { name: 'Revoke “Pilot group”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke “Pilot group”?' });
    await dialog.getByLabel(/Also revoke the 3 extensions/).check();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect
      .poll(() => page.locator('.people .status-line').textContent(), { timeout: 10_000 })
      .toContain('and the 3 extensions it enrolled');

    // The extensions' own tokens no longer work.
    const whoami = await fetch(`${ws.relay().url}/api/whoami`, {
      headers: { Authorization: `Bearer ${enrolled[0]!.token}` },
    });
    expect(whoami.status).toBe(401);
    await context.close();
  });
});
