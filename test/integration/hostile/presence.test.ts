import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { waitFor, type TestClient } from '../../helpers/relay-client.ts';
import { useTestServer } from '../../helpers/test-server.ts';
import { frames, useConnections, type RawSocket } from './attacker.ts';

/**
 * Finding 4 of issue 13: a contributor appeared on a lead's record page as another person, any
 * client could overwrite another's presence, and the bare enrolment code pushed 4 MiB presence
 * blobs to every extension on W/policy.
 */
const server = useTestServer();
const connections = useConnections(server);
const open = connections.synced;

async function invited(role: 'lead' | 'contributor', label: string) {
  const minted = await server().tokens.mint({ workspace: 'acme', role, ttlMs: 3_600_000, label });
  return minted.token;
}

/** An awareness frame that says `clientId`'s state is `state`. */
function awarenessFrame(address: string, clientId: number, state: unknown, clock = 1): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new Awareness(doc);
  awareness.setLocalState(state as Record<string, unknown>);
  for (let i = 1; i < clock; i++) awareness.setLocalState(state as Record<string, unknown>);
  const update = encodeAwarenessUpdate(awareness, [clientId]);
  awareness.destroy();
  return frames.awareness(address, update);
}

const stateOf = (client: TestClient, clientId: number) =>
  client.provider.awareness!.getStates().get(clientId) as { user?: { name?: string } } | undefined;

async function authenticated(name: string, token: string): Promise<RawSocket> {
  const raw = await connections.raw();
  raw.send(frames.auth(name, token));
  expect(await raw.answer(name)).toBe(true);
  return raw;
}

describe('H5–H7: presence follows permissions', () => {
  it('H5: a read-only connection shows no presence; H7: a writer is named by its token, not by itself', async () => {
    const lead = await open('acme/registry', await invited('lead', 'Dana (lead)'));
    const contributor = await open('acme/registry', await invited('contributor', 'Sam'));
    const other = await open('acme/registry', await invited('lead', 'Alex'));
    contributor.provider.awareness!.setLocalStateField('user', {
      name: 'Dana (lead)',
      colour: '#d1495b',
    });
    contributor.provider.awareness!.setLocalStateField('viewing', 'rec-1');
    other.provider.awareness!.setLocalStateField('user', {
      name: 'Dana (lead)',
      colour: '#2e86de',
    });
    other.provider.awareness!.setLocalStateField('viewing', 'rec-1');
    const otherId = other.provider.awareness!.clientID;
    await waitFor(() => stateOf(lead, otherId) !== undefined, 'the other lead’s presence');
    expect(stateOf(lead, otherId)).toEqual({
      user: { name: 'Alex', colour: '#2e86de' },
      viewing: 'rec-1',
    });
    // The contributor's connection to the registry is read-only: its presence never arrives.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stateOf(lead, contributor.provider.awareness!.clientID)).toBeUndefined();
  });

  it('H6: no client can overwrite another’s presence', async () => {
    const lead = await open('acme/assessment/a1', await invited('lead', 'Dana'));
    const victim = await open('acme/assessment/a1', await invited('contributor', 'Sam'));
    victim.provider.awareness!.setLocalStateField('user', { name: 'Sam', colour: '#2a9d8f' });
    const victimId = victim.provider.awareness!.clientID;
    await waitFor(() => stateOf(lead, victimId)?.user?.name === 'Sam', 'the victim’s presence');
    const attacker = await authenticated('acme/assessment/a1', await invited('contributor', 'Eve'));
    attacker.send(
      awarenessFrame(
        'acme/assessment/a1',
        victimId,
        { user: { name: 'Sam', colour: '#000000' }, viewing: 'x' },
        50,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stateOf(lead, victimId)).toEqual({ user: { name: 'Sam', colour: '#2a9d8f' } });

    // The same person on a second socket (a reconnect the relay has not noticed yet) keeps it.
    const samToken = await invited('contributor', 'Sam again');
    const first = await authenticated('acme/assessment/a1', samToken);
    first.send(awarenessFrame('acme/assessment/a1', 777, { viewing: 'a' }));
    await waitFor(() => stateOf(lead, 777) !== undefined, 'the first socket’s presence');
    const second = await authenticated('acme/assessment/a1', samToken);
    second.send(awarenessFrame('acme/assessment/a1', 777, { viewing: 'b' }, 5));
    await waitFor(() => (stateOf(lead, 777) as { viewing?: string }).viewing === 'b', 'taken over');
    attacker.send(awarenessFrame('acme/assessment/a1', 777, { viewing: 'evil' }, 50));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stateOf(lead, 777)).toEqual({ viewing: 'b', user: { name: 'Sam again' } });
  });

  it('H6: the enrolment code cannot push presence to W/policy, and no writer can push a large one', async () => {
    const extension = await open('acme/policy', await server().token('acme', 'member'));
    const code = await authenticated('acme/policy', await server().token('acme', 'member'));
    // Over the 4 KiB a presence state may hold, under what closes a connection outright.
    const blob = 'x'.repeat(8 * 1024);
    code.send(awarenessFrame('acme/policy', 4242, { user: { name: 'Everyone' } }));
    const lead = await authenticated('acme/policy', await invited('lead', 'Dana'));
    lead.send(awarenessFrame('acme/policy', 4343, { user: { name: 'Dana' }, blob }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stateOf(extension, 4242)).toBeUndefined();
    expect(stateOf(extension, 4343)).toBeUndefined();
    // A 4 MiB blob is not even decoded: its connection is closed.
    const huge = await authenticated('acme/policy', await invited('lead', 'Mallory'));
    huge.send(awarenessFrame('acme/policy', 4444, { blob: 'x'.repeat(4 * 1024 * 1024) }));
    expect(await huge.closed).toBe(4413);
    expect(stateOf(extension, 4444)).toBeUndefined();
  });
});
