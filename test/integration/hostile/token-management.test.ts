import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../helpers/test-server.ts';
import { api } from './attacker.ts';

/**
 * Finding 6 of issue 13: a lead could revoke admins' tokens (the first admin's too), and nothing
 * recorded who minted a token.
 */
const cli = join(import.meta.dirname, '..', '..', '..', 'server', 'cli.ts');
const server = useTestServer();

async function invitation(token: string, body: Record<string, unknown>) {
  return api(server().url, '/api/tokens', { method: 'POST', token, body });
}

describe('H8–H10: token management', () => {
  it('H10: a lead cannot revoke an admin’s token, the first admin’s included; an admin can', async () => {
    const firstAdmin = await server().tokens.mint({
      workspace: 'acme',
      role: 'admin',
      ttlMs: 30 * 86_400_000,
      kind: 'cli',
      label: 'first admin',
    });
    const admin = await server().token('acme', 'admin');
    const lead = (await invitation(admin, { role: 'lead', ttl: '7d', label: 'Lee' })).body
      .token as string;
    const byLead = await api(server().url, `/api/tokens/${firstAdmin.id}`, {
      method: 'DELETE',
      token: lead,
    });
    expect(byLead.status).toBe(403);
    expect((await server().tokenStore.get(firstAdmin.id))?.revokedAt).toBeNull();
    const otherAdmin = (await invitation(admin, { role: 'admin', ttl: '7d' })).body.id as string;
    expect(
      (await api(server().url, `/api/tokens/${otherAdmin}`, { method: 'DELETE', token: lead }))
        .status,
    ).toBe(403);
    // A lead still revokes leads and below.
    const contributor = (await invitation(lead, { role: 'contributor', ttl: '7d' })).body
      .id as string;
    expect(
      (await api(server().url, `/api/tokens/${contributor}`, { method: 'DELETE', token: lead }))
        .status,
    ).toBe(200);
    const byAdmin = await api(server().url, `/api/tokens/${otherAdmin}`, {
      method: 'DELETE',
      token: admin,
    });
    expect(byAdmin.status).toBe(200);
  });

  it('H8: keeps who minted each token and shows it in the list and on the command line', async () => {
    const admin = await server().tokens.mint({
      workspace: 'acme',
      role: 'admin',
      ttlMs: 86_400_000,
      label: 'Ada (admin)',
    });
    const lead = await invitation(admin.token, { role: 'lead', ttl: '7d', label: 'Lee (lead)' });
    const invited = await invitation(lead.body.token as string, {
      role: 'contributor',
      ttl: '7d',
      label: 'Cara',
    });
    const listed = await api(server().url, '/api/tokens', { token: admin.token });
    const rows = new Map(
      (listed.body.tokens as { id: string; mintedBy: unknown }[]).map((row) => [row.id, row]),
    );
    expect(rows.get(lead.body.id as string)?.mintedBy).toEqual({
      id: admin.id,
      role: 'admin',
      label: 'Ada (admin)',
    });
    expect(rows.get(invited.body.id as string)?.mintedBy).toEqual({
      id: lead.body.id,
      role: 'lead',
      label: 'Lee (lead)',
    });
    expect(rows.get(admin.id)?.mintedBy).toBeNull();
    const list = spawnSync(
      process.execPath,
      [cli, 'token', 'list', '--workspace', 'acme', '--data', server().dataDir],
      { encoding: 'utf8' },
    );
    expect(list.status).toBe(0);
    const line = list.stdout.split('\n').find((l) => l.startsWith(invited.body.id as string));
    expect(line).toContain(`${lead.body.id as string} (Lee (lead))`);
    expect(list.stdout).not.toMatch(/eyJ/); // never a token
  });

  it('H9: roles mint at or below their own, within a lifetime bounded per role', async () => {
    const admin = await server().token('acme', 'admin');
    const lead = await server().token('acme', 'lead');
    expect((await invitation(lead, { role: 'admin', ttl: '1d' })).status).toBe(403);
    expect((await invitation(lead, { role: 'lead', ttl: '90d' })).status).toBe(201);
    for (const [role, ttl] of [
      ['admin', '91d'],
      ['lead', '1y'],
      ['contributor', '181d'],
      ['member', '366d'],
    ] as const) {
      const refused = await invitation(admin, { role, ttl });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatch(/lives at most \d+ days/);
    }
    expect((await invitation(admin, { role: 'member', ttl: '365d' })).status).toBe(201);
    const contributor = await server().token('acme', 'contributor');
    expect((await invitation(contributor, { role: 'member', ttl: '1d' })).status).toBe(403);
    const cliTooLong = spawnSync(
      process.execPath,
      [
        cli,
        'token',
        '--workspace',
        'acme',
        '--role',
        'admin',
        '--ttl',
        '1y',
        '--data',
        server().dataDir,
      ],
      { encoding: 'utf8' },
    );
    expect(cliTooLong.status).toBe(2);
    expect(cliTooLong.stdout).toBe('');
  });
});
