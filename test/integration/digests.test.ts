import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { saveIncident, saveRisk } from '../../shared/documents/registry/index.ts';
import { readDiscoveries } from '../../shared/documents/discoveries/index.ts';
import { recordSightings } from '../../shared/documents/report/index.ts';
import { incidentFields } from '../../shared/incidents/fixture.test-support.ts';
import { fraudRiskFields } from '../../shared/notifications/fixture.test-support.ts';
import { runCli } from '../../server/cli/run-cli.ts';
import type { RelayOptions } from '../../server/relay/relay.ts';
import { hasPostgres, warnIfNoPostgres } from '../helpers/postgres-server.ts';
import { connectClient, waitFor } from '../helpers/relay-client.ts';
import { startSmtpReceiver, type ReceivedMail } from '../helpers/smtp-receiver.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { postgresForBlock, relayTestKit } from '../helpers/relay-test-kit.ts';
import type { TestServer } from '../helpers/test-server.ts';

const kit = relayTestKit();
const { cleanups } = kit;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FROM = 'sightline@example.com';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(check: () => Promise<boolean>, what: string, ms: number) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await pause(100);
  }
}

/**
 * A relay whose clock reads 02:00 UTC tomorrow, so that today — when the test's documents are
 * written — is the latest whole day, the one a daily digest tells (DIG2). Looks every 150 ms.
 */
const tomorrow = (Math.floor(Date.now() / DAY) + 1) * DAY;
const shift = tomorrow + 2 * HOUR - Date.now();
async function relay(smtpUrl: string, options: Parameters<typeof kit.relay>[0] = {}) {
  const digests: RelayOptions['digests'] = {
    smtp: { url: smtpUrl, from: FROM },
    intervalMs: 150,
    backoffMs: [300, 300],
    now: () => Date.now() + shift,
    baseUrl: 'https://sightline.example.com',
  };
  return kit.relay({ digests, ...options });
}

async function smtp() {
  const server = await startSmtpReceiver();
  cleanups.push(() => server.close());
  return server;
}

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let code: number;
  try {
    code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  } catch (error) {
    err.push((error as Error).message);
    code = 2;
  }
  return { code, out, err };
}

async function subscribe(storage: string[], to = 'governance@example.com') {
  const added = await cli([
    'digest',
    'add',
    ...storage,
    '--workspace',
    'acme',
    '--to',
    to,
    '--every',
    'daily',
  ]);
  expect(added.err).toEqual([]);
  expect(added.code).toBe(0);
  return JSON.parse(added.out[0]!) as { id: string; address: string; every: string };
}

/**
 * The three things a digest tells, written the way they are in use: an extension reports a
 * sighting of ChatGPT (its host from OpenAI's documentation, https://chatgpt.com), and a lead
 * records a serious incident with a personal-data breach (three legal clocks: AI Act Art. 26(5)
 * at once, GDPR Art. 33(1) 72 h, Art. 73(2) 15 days) and an open risk due two days ago.
 */
async function writeWorkspace(server: TestServer) {
  const now = Date.now();
  const reporter = connectClient(
    server.syncUrl,
    'acme/reports/r1',
    await server.token('acme', 'member', 'r1'),
  );
  cleanups.push(() => reporter.destroy());
  await waitFor(() => reporter.provider.synced, 'report synced');
  recordSightings(reporter.doc, [
    {
      toolKey: 'openai-chatgpt',
      name: 'ChatGPT',
      category: 'chat-assistant',
      host: 'chatgpt.com',
      signal: 'visit',
      at: now,
    },
  ]);
  await reporter.acknowledged();
  const lead = connectClient(server.syncUrl, 'acme/registry', await server.token('acme', 'lead'));
  cleanups.push(() => lead.destroy());
  await waitFor(() => lead.provider.synced, 'lead synced');
  const detectedAt = now - HOUR;
  saveIncident(
    lead.doc,
    'inc-1',
    incidentFields({ detectedAt, serious: ['a'], personalDataBreach: true }),
    'Dana',
    detectedAt,
  );
  saveRisk(lead.doc, 'risk-1', fraudRiskFields({ dueDate: now - 2 * DAY }), 'Dana', detectedAt);
  await lead.acknowledged();
  // The relay derives the tool from the report within its debounce; the digest reads it there.
  const discoveries = connectClient(
    server.syncUrl,
    'acme/discoveries',
    await server.token('acme', 'lead'),
  );
  cleanups.push(() => discoveries.destroy());
  await waitFor(
    () => readDiscoveries(discoveries.doc).tools.length === 1,
    'ChatGPT derived',
    10_000,
  );
}

/**
 * A workspace on a relay whose one clock — for its derivations and its digests — is days ahead of
 * the real one (so a subscription made now predates every period) and moved by the test; a daily
 * subscription; and what a test needs to report sightings and read the discoveries. Day D is
 * tomorrow; the clock starts at D 10:00. `restart` stops the relay and starts it again on the same
 * data folder, without an SMTP server when asked (a relay that makes no digest, DIG1); `reported`
 * moves the clock and has a new reporter report a tool, until the relay has derived it.
 */
async function clockedWorkspace(mail: { url: string }, backoffMs = [300]) {
  const data = tempDir();
  cleanups.push(data.remove);
  const D = (Math.floor(Date.now() / DAY) + 1) * DAY;
  let clock = D + 10 * HOUR;
  const digests = { smtp: { url: mail.url, from: FROM }, intervalMs: 150, backoffMs };
  const options = { dataDir: data.path, now: () => clock, digests };
  let server = await relay(mail.url, options);
  const subscription = await subscribe(['--data', data.path]);
  const open = async (name: string, role: 'member' | 'lead', reporterId?: string) => {
    const client = connectClient(
      server.syncUrl,
      name,
      await server.token('acme', role, reporterId),
    );
    cleanups.push(() => client.destroy());
    await waitFor(() => client.provider.synced, `${name} synced`);
    return client;
  };
  const report = async (reporterId: string, sightings: Parameters<typeof recordSightings>[1]) => {
    const client = await open(`acme/reports/${reporterId}`, 'member', reporterId);
    if (sightings.length > 0) recordSightings(client.doc, sightings);
    await client.acknowledged();
    return client;
  };
  const tool = (doc: Y.Doc, key: string) =>
    readDiscoveries(doc).tools.find((t) => t.toolKey === key);
  const sighting = (toolKey: string, name: string, host: string, at: number) => ({
    toolKey,
    name,
    category: 'chat-assistant' as const,
    host,
    signal: 'visit' as const,
    at,
  });
  let lead: ReturnType<typeof open> | undefined;
  let reporters = 0;
  const listed = () => cli(['digest', 'list', '--data', data.path, '--workspace', 'acme']);
  return {
    D,
    subscription,
    dataDir: data.path,
    setClock: (at: number) => void (clock = at),
    async restart({ sending = true } = {}) {
      await server.close();
      lead = undefined;
      server = await relay(mail.url, { ...options, digests: sending ? digests : undefined });
    },
    discoveries: () => open('acme/discoveries', 'lead'),
    report,
    /** At `at`, a tool sighted an hour before is reported; resolves once derived, stamped `at`. */
    async reported(toolKey: string, name: string, host: string, at: number) {
      clock = at;
      await report(`r${++reporters}`, [sighting(toolKey, name, host, at - HOUR)]);
      lead ??= open('acme/discoveries', 'lead');
      const { doc } = await lead;
      await waitFor(() => tool(doc, toolKey) !== undefined, `${name} derived`, 10_000);
      expect(tool(doc, toolKey)!.firstReportedAt).toBe(at);
    },
    /** The subscription's line of `digest list`. */
    logged: async () => (await listed()).out[0] ?? '',
    /** Resolves once the subscription's latest digest is logged as matching `outcome`. */
    untilLogged: (outcome: RegExp, what: string) =>
      eventually(async () => outcome.test((await listed()).out[0] ?? ''), what, 10_000),
    tool,
    day: (at: number) => new Date(at).toISOString().slice(0, 10),
    sighting,
  };
}

/**
 * Day D: ChatGPT (https://chatgpt.com) is reported; at D + 1, 00:20 its digest is refused with
 * `code` and logged as `outcome`; D + 1, 10:00: Claude (https://claude.ai) is reported.
 */
async function refusedOnDayD(code: number, backoffMs: number[] | undefined, outcome: RegExp) {
  const mail = await smtp();
  mail.failNext(1, code);
  const w = await clockedWorkspace(mail, backoffMs);
  await w.reported('openai-chatgpt', 'ChatGPT', 'chatgpt.com', w.D + 10 * HOUR);
  w.setClock(w.D + DAY + 20 * 60_000);
  await w.untilLogged(outcome, `day D's digest logged ${outcome.source}`);
  await w.reported('anthropic-claude', 'Claude', 'claude.ai', w.D + DAY + 10 * HOUR);
  return { mail, w };
}

const to = (mails: ReceivedMail[], address: string) =>
  mails.filter((mail) => mail.to.includes(address));

describe('e-mail digests through a real SMTP server (docs/sync.md DIG1–DIG10)', () => {
  it('DIG3 DIG6: one digest with the new tool, the overdue review and the running clocks; once per period', async () => {
    const mail = await smtp();
    const server = await relay(mail.url);
    await writeWorkspace(server);
    // Added while the relay runs: it counts from the relay's next look, no restart.
    const digest = await subscribe(['--data', server.dataDir]);
    await waitFor(() => mail.received.length > 0, 'the digest delivered', 10_000);
    // Many more looks in the same period: nothing more is sent.
    await pause(1_500);
    expect(mail.received).toHaveLength(1);
    const [message] = mail.received;
    expect(message!.to).toEqual(['governance@example.com']);
    expect(message!.from).toBe(FROM);
    const today = new Date().toISOString().slice(0, 10);
    expect(message!.header('Subject')).toBe(
      `Sightline daily digest for acme, ${today}: 1 new tool, 3 clocks running, 1 review overdue`,
    );
    expect(message!.header('Message-ID')).toBe(
      `<sightline-digest.${digest.id}.${today}@example.com>`,
    );
    expect(message!.header('Auto-Submitted')).toBe('auto-generated');
    const body = message!.decoded;
    expect(body).toContain('New AI tools seen (1)');
    expect(body).toContain('- ChatGPT (chat-assistant): 1 reporter; chatgpt.com');
    expect(body).toContain('Legal reporting clocks running (3)');
    expect(body).toContain('inform the data-protection supervisory authority');
    expect(body).toContain('Reviews overdue (1)');
    expect(body).toContain('Legitimate payments declined after a model update');
    expect(body).toContain('https://sightline.example.com/#/incidents/inc-1');
    expect(body).toContain('<h2>New AI tools seen (1)</h2>');
    const listed = await cli(['digest', 'list', '--data', server.dataDir, '--workspace', 'acme']);
    expect(listed.out).toEqual([`${digest.id}  daily  governance@example.com  last ${today} sent`]);
    const metrics = await fetch(`${server.url}/metrics`, {
      headers: { Authorization: `Bearer ${await server.token('acme', 'admin')}` },
    });
    expect(await metrics.text()).toContain('sightline_digest_attempts_total{outcome="sent"} 1');
  }, 30_000);

  it('DIG3: a sighting reported after its period was told is in the next digest and in no other; a reload or recount keeps when it was first reported', async () => {
    const mail = await smtp();
    const w = await clockedWorkspace(mail);
    const { D, report, tool, day, sighting } = w;
    let lead = await w.discoveries();
    // Day D, 10:00: ChatGPT (https://chatgpt.com), sighted and reported the same day.
    const r1 = await report('r1', [
      sighting('openai-chatgpt', 'ChatGPT', 'chatgpt.com', D + 9 * HOUR),
    ]);
    await waitFor(() => tool(lead.doc, 'openai-chatgpt') !== undefined, 'ChatGPT derived', 10_000);
    expect(tool(lead.doc, 'openai-chatgpt')!.firstReportedAt).toBe(D + 10 * HOUR);
    // D + 1, 00:20: day D's digest is made and sent, with ChatGPT.
    w.setClock(D + DAY + 20 * 60_000);
    await waitFor(() => mail.received.length === 1, "day D's digest", 10_000);

    // D + 1, 09:00: an extension offline since day D reports Claude (https://claude.ai), sighted
    // on day D at 11:00, a period already told.
    w.setClock(D + DAY + 9 * HOUR);
    const r2 = await report('r2', [
      sighting('anthropic-claude', 'Claude', 'claude.ai', D + 11 * HOUR),
    ]);
    await waitFor(() => tool(lead.doc, 'anthropic-claude') !== undefined, 'Claude derived', 10_000);
    const claude = tool(lead.doc, 'anthropic-claude')!;
    expect(day(claude.firstSeen)).toBe(day(D));
    expect(claude.firstReportedAt).toBe(D + DAY + 9 * HOUR);
    // D + 2, 00:20: day D + 1's digest tells of Claude, with the day it was first seen.
    w.setClock(D + 2 * DAY + 20 * 60_000);
    await waitFor(() => mail.received.length === 2, "day D + 1's digest", 10_000);

    // D + 2: the relay restarts; the extensions reconnect (their reports are loaded again, D6)...
    w.setClock(D + 2 * DAY + 10 * HOUR);
    for (const client of [r1, r2, lead]) client.destroy();
    await w.restart();
    lead = await w.discoveries();
    await report('r1', []);
    await report('r2', []);
    // ...and a third reports Claude, sighted the day before D (a recount that moves firstSeen
    // back), and Gemini (https://gemini.google.com), new today.
    await report('r3', [
      sighting('anthropic-claude', 'Claude', 'claude.ai', D - DAY + 8 * HOUR),
      sighting('google-gemini', 'Gemini', 'gemini.google.com', D + 2 * DAY + 9 * HOUR),
    ]);
    await waitFor(
      () =>
        tool(lead.doc, 'anthropic-claude')?.reporters === 2 &&
        tool(lead.doc, 'google-gemini') !== undefined,
      'the recount',
      10_000,
    );
    expect(day(tool(lead.doc, 'anthropic-claude')!.firstSeen)).toBe(day(D - DAY));
    expect(tool(lead.doc, 'anthropic-claude')!.firstReportedAt).toBe(claude.firstReportedAt);
    expect(tool(lead.doc, 'openai-chatgpt')!.firstReportedAt).toBe(D + 10 * HOUR);
    // D + 3, 00:20: day D + 2's digest has Gemini only.
    w.setClock(D + 3 * DAY + 20 * 60_000);
    await waitFor(() => mail.received.length === 3, "day D + 2's digest", 10_000);
    await pause(1_000);
    expect(mail.received).toHaveLength(3);

    const bodies = mail.received.map((m) => `${m.header('Subject')}\n${m.decoded}`);
    const tells = (name: string) =>
      bodies.map((body) => body.includes(`- ${name} (chat-assistant)`));
    expect(tells('ChatGPT')).toEqual([true, false, false]);
    expect(tells('Claude')).toEqual([false, true, false]);
    expect(tells('Gemini')).toEqual([false, false, true]);
    expect(bodies[0]).toContain(`Sightline daily digest for acme, ${day(D)}: 1 new tool`);
    expect(bodies[1]).toContain(`Sightline daily digest for acme, ${day(D + DAY)}: 1 new tool`);
    expect(bodies[1]).toContain(
      `- Claude (chat-assistant): 1 reporter; claude.ai; first seen ${day(D)}, reported late`,
    );
    expect(bodies[0]).not.toContain('reported late');
  }, 60_000);

  it('DIG2: after days with no relay sending digests, the next digest lists every tool first reported since the last one sent, once', async () => {
    const mail = await smtp();
    const w = await clockedWorkspace(mail);
    const { D, day, reported } = w;
    // Day D: ChatGPT (https://chatgpt.com); its digest is sent at D + 1, 00:20.
    await reported('openai-chatgpt', 'ChatGPT', 'chatgpt.com', D + 10 * HOUR);
    w.setClock(D + DAY + 20 * 60_000);
    await waitFor(() => mail.received.length === 1, "day D's digest", 10_000);

    // Days D + 1 to D + 3 the relay runs without an SMTP server: the tools are derived, no digest
    // is made. Claude (https://claude.ai), Gemini (https://gemini.google.com), Microsoft Copilot
    // (https://copilot.microsoft.com), one a day.
    await w.restart({ sending: false });
    await reported('anthropic-claude', 'Claude', 'claude.ai', D + DAY + 10 * HOUR);
    await reported('google-gemini', 'Gemini', 'gemini.google.com', D + 2 * DAY + 10 * HOUR);
    await reported(
      'microsoft-copilot',
      'Microsoft Copilot',
      'copilot.microsoft.com',
      D + 3 * DAY + 10 * HOUR,
    );
    // D + 4, 00:20: sending again, the relay makes only the latest period's digest (DIG2), and
    // it covers the three days since the last one sent.
    w.setClock(D + 4 * DAY + 20 * 60_000);
    await w.restart();
    await waitFor(() => mail.received.length === 2, "day D + 3's digest", 10_000);
    // D + 5, 00:20: nothing new since: no e-mail (DIG4).
    w.setClock(D + 5 * DAY + 20 * 60_000);
    await pause(1_000);
    expect(mail.received).toHaveLength(2);

    const [first, second] = mail.received.map((m) => `${m.header('Subject')}\n${m.decoded}`);
    expect(first).toContain(`Sightline daily digest for acme, ${day(D)}: 1 new tool`);
    expect(second).toContain(
      `Sightline daily digest for acme, ${day(D + DAY)} to ${day(D + 3 * DAY)}: 3 new tools`,
    );
    expect(second).toContain(
      `for ${day(D + DAY)} to ${day(D + 3 * DAY)} (UTC), 3 days: no digest was sent for the ones before it`,
    );
    for (const name of ['Claude', 'Gemini', 'Microsoft Copilot']) {
      expect(first).not.toContain(`- ${name} (`);
      expect(second).toContain(`- ${name} (chat-assistant): 1 reporter`);
    }
    expect(second).not.toContain('- ChatGPT (');
    expect(second).not.toContain('reported late');
    expect(mail.received[1]!.header('Message-ID')).toBe(
      `<sightline-digest.${w.subscription.id}.${day(D + 3 * DAY)}@example.com>`,
    );
  }, 60_000);

  it('DIG2 DIG7: the tools of a digest refused for good are in the next one', async () => {
    // Day D's digest is refused for good (550), and logged failed.
    const { mail, w } = await refusedOnDayD(550, undefined, /last \S+ failed/);
    const { D, day } = w;
    // D + 2, 00:20: day D + 1's digest has both.
    w.setClock(D + 2 * DAY + 20 * 60_000);
    await waitFor(() => mail.received.length === 1, "day D + 1's digest", 10_000);
    // D + 3, 00:20: nothing new since, nothing sent.
    w.setClock(D + 3 * DAY + 20 * 60_000);
    await pause(1_000);
    expect(mail.received).toHaveLength(1);
    const body = `${mail.received[0]!.header('Subject')}\n${mail.received[0]!.decoded}`;
    expect(body).toContain(
      `Sightline daily digest for acme, ${day(D)} to ${day(D + DAY)}: 2 new tools`,
    );
    expect(body).toContain('- ChatGPT (chat-assistant): 1 reporter; chatgpt.com');
    expect(body).toContain('- Claude (chat-assistant): 1 reporter; claude.ai');
    expect(await w.logged()).toMatch(new RegExp(`last ${day(D + 2 * DAY)} empty$`));
  }, 60_000);

  it('DIG2 DIG7: a digest waits while the one before it is still retried, then each tells its own tools once', async () => {
    // Day D's digest is refused for now (451), to be tried again 30 hours later, at D + 2, 06:20:
    // still queued when day D + 1's is due.
    const { mail, w } = await refusedOnDayD(451, [30 * HOUR], /last \S+ queued/);
    const { D, day } = w;
    // D + 2, 00:20: day D + 1's digest is due, but waits for day D's outcome.
    w.setClock(D + 2 * DAY + 20 * 60_000);
    await pause(1_000);
    expect(mail.received).toEqual([]);
    // D + 2, 07:00: day D's is sent, then day D + 1's: each with its own tool.
    w.setClock(D + 2 * DAY + 7 * HOUR);
    await waitFor(() => mail.received.length === 2, 'both digests', 10_000);
    await pause(1_000);
    expect(mail.received).toHaveLength(2);
    const [first, second] = mail.received.map((m) => `${m.header('Subject')}\n${m.decoded}`);
    expect(first).toContain(`Sightline daily digest for acme, ${day(D)}: 1 new tool`);
    expect(first).toContain('- ChatGPT (');
    expect(first).not.toContain('- Claude (');
    expect(second).toContain(`Sightline daily digest for acme, ${day(D + DAY)}: 1 new tool`);
    expect(second).toContain('- Claude (');
    expect(second).not.toContain('- ChatGPT (');
  }, 60_000);

  it('DIG4: a workspace with nothing new and nothing due gets no e-mail; the log says so', async () => {
    const mail = await smtp();
    const server = await relay(mail.url);
    const digest = await subscribe(['--data', server.dataDir]);
    const listed = () => cli(['digest', 'list', '--data', server.dataDir, '--workspace', 'acme']);
    await eventually(
      async () => (await listed()).out[0]?.includes(' empty') === true,
      'the period settled as empty',
      10_000,
    );
    await pause(500);
    expect(mail.received).toEqual([]);
    expect((await listed()).out[0]).toMatch(new RegExp(`^${digest.id}  daily .* empty$`));
  }, 30_000);

  it('DIG7: an SMTP server refusing for a while is retried with backoff; each failure logged', async () => {
    const mail = await smtp();
    mail.failNext(2, 451);
    const server = await relay(mail.url);
    await writeWorkspace(server);
    const digest = await subscribe(['--data', server.dataDir]);
    await waitFor(() => mail.received.length > 0, 'delivered on the third attempt', 15_000);
    await pause(800);
    expect(mail.received).toHaveLength(1);
    const listed = await cli(['digest', 'list', '--data', server.dataDir, '--workspace', 'acme']);
    expect(listed.out[0]).toMatch(new RegExp(`^${digest.id}  daily .* sent after 3 attempts$`));
  }, 30_000);

  it('DIG7: a final refusal (5xx) is not retried: the digest is logged failed with the reply', async () => {
    const mail = await smtp();
    mail.failNext(100, 550);
    const server = await relay(mail.url);
    await writeWorkspace(server);
    await subscribe(['--data', server.dataDir]);
    const listed = () => cli(['digest', 'list', '--data', server.dataDir, '--workspace', 'acme']);
    await eventually(
      async () => /last \S+ failed/.test((await listed()).out[0] ?? ''),
      'refused for good',
      15_000,
    );
    await pause(800);
    expect((await listed()).out[0]).toMatch(
      /last \S+ failed \(Message failed: 550 Mailbox unavailable\)$/,
    );
    expect(mail.received).toEqual([]);
  }, 30_000);

  it('DIG5: bad input gets a clear error and changes nothing', async () => {
    const data = tempDir();
    cleanups.push(() => data.remove());
    const mail = await smtp();
    const server = await relay(mail.url, { dataDir: data.path });
    const at = ['--data', server.dataDir, '--workspace', 'acme'];
    const cases: [string[], RegExp][] = [
      [
        ['digest', 'add', ...at, '--to', 'lead@example.com\r\nBcc: x@example.com'],
        /one e-mail address/,
      ],
      [['digest', 'add', ...at, '--to', 'Lead <lead@example.com>'], /one e-mail address/],
      [['digest', 'add', ...at, '--to', 'a@example.com,b@example.com'], /one e-mail address/],
      [['digest', 'add', ...at], /needs --to/],
      [
        ['digest', 'add', ...at, '--to', 'lead@example.com', '--every', 'hourly'],
        /daily or weekly/,
      ],
      [['digest', 'add', '--data', server.dataDir, '--to', 'lead@example.com'], /--workspace W/],
      [
        ['digest', 'add', ...at.slice(0, 2), '--workspace', '../x', '--to', 'a@example.com'],
        /--workspace W/,
      ],
      [['digest', 'subscribe', ...at], /add, list, remove, preview or send-now/],
      [['digest', 'remove', ...at], /needs --id/],
      [['digest', 'send-now', ...at, '--to', 'lead@example.com'], /needs --smtp-url/],
      [
        ['digest', 'add', ...at, '--to', 'lead@example.com', '--database', 'mysql://x'],
        /--database must be a URL/,
      ],
    ];
    for (const [args, error] of cases) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err.join('\n'), args.join(' ')).toMatch(error);
    }
    const missing = join(data.path, 'nowhere');
    const result = await cli([
      'digest',
      'add',
      '--data',
      missing,
      '--workspace',
      'acme',
      '--to',
      'a@example.com',
    ]);
    expect(result.err.join('\n')).toMatch(/no Sightline database/);
    expect(existsSync(missing)).toBe(false);
    // One added, the same again refused, one unknown id not removed.
    await subscribe(['--data', server.dataDir], 'lead@example.com');
    const again = await cli([
      'digest',
      'add',
      ...at,
      '--to',
      'LEAD@example.com',
      '--every',
      'daily',
    ]);
    expect(again.err.join('\n')).toMatch(/already receives the daily digest/);
    const unknown = await cli(['digest', 'remove', ...at, '--id', 'nope']);
    expect(unknown).toMatchObject({ code: 1, err: ['sightline: no digest nope in acme'] });
    const listed = await cli(['digest', 'list', ...at]);
    expect(listed.out).toHaveLength(1);
    expect(listed.out[0]).toContain('lead@example.com');
  }, 30_000);

  it('DIG5: admins and leads manage digests through the API; others are refused; bad input changes nothing', async () => {
    const mail = await smtp();
    const server = await relay(mail.url);
    const call = async (
      role: 'admin' | 'lead' | 'contributor',
      method: string,
      path = '',
      body?: unknown,
    ) => {
      const response = await fetch(`${server.url}/api/digests${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${await server.token('acme', role)}`,
          'Content-Type': 'application/json',
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const added = await call('lead', 'POST', '', { to: 'governance@example.com', every: 'daily' });
    expect(added).toMatchObject({
      status: 201,
      body: { address: 'governance@example.com', every: 'daily' },
    });
    expect(
      (await call('admin', 'POST', '', { to: 'a@example.com\nBcc: b@example.com' })).status,
    ).toBe(400);
    expect(
      (await call('admin', 'POST', '', { to: 'a@example.com', every: 'hourly' })).body,
    ).toEqual({
      error: 'every is daily or weekly',
    });
    expect(
      (await call('admin', 'POST', '', { to: 'GOVERNANCE@example.com', every: 'daily' })).status,
    ).toBe(400);
    expect((await call('contributor', 'GET')).status).toBe(403);
    expect((await call('contributor', 'POST', '', { to: 'c@example.com' })).status).toBe(403);
    const listed = await call('admin', 'GET');
    expect(listed.body.sending).toBe(true);
    expect((listed.body.digests as { id: string }[]).map((d) => d.id)).toEqual([added.body.id]);
    expect((await call('admin', 'DELETE', '/0123456789abcdef')).status).toBe(404);
    expect((await call('admin', 'DELETE', `/${String(added.body.id)}`)).status).toBe(200);
    expect((await call('lead', 'GET')).body.digests).toEqual([]);
  }, 30_000);

  it('DIG10: preview prints the digest; send-now sends it to the address given', async () => {
    const mail = await smtp();
    const server = await relay(mail.url, { digests: undefined });
    await writeWorkspace(server);
    const at = ['--data', server.dataDir, '--workspace', 'acme', '--every', 'weekly'];
    const preview = await cli(['digest', 'preview', ...at]);
    expect(preview.code).toBe(0);
    expect(preview.out[0]).toMatch(/^Subject: Sightline weekly digest for acme, week of /);
    expect(preview.out.join('\n')).toContain('Legal reporting clocks running (3)');
    const sent = await cli([
      'digest',
      'send-now',
      ...at,
      '--to',
      'admin@example.com',
      '--smtp-url',
      mail.url,
      '--smtp-from',
      FROM,
    ]);
    expect(sent.err).toEqual([]);
    expect(sent.out).toEqual(['sent the weekly digest of acme to admin@example.com']);
    expect(to(mail.received, 'admin@example.com')).toHaveLength(1);
  }, 30_000);
});

warnIfNoPostgres('E-MAIL DIGESTS ON SEVERAL RELAYS');
describe.skipIf(!hasPostgres())('several relays sharing one Postgres (DIG6)', () => {
  const postgres = postgresForBlock();

  it('DIG6: three relays looking at the same subscriptions send each digest once', async () => {
    const database = await postgres().createDatabase('digests');
    const mail = await smtp();
    const relays: TestServer[] = [];
    for (let i = 0; i < 3; i++) relays.push(await relay(mail.url, { database }));
    await writeWorkspace(relays[0]!);
    await subscribe(['--database', database]);
    await subscribe(['--database', database], 'ciso@example.com');
    await waitFor(() => mail.received.length >= 2, 'both digests delivered', 15_000);
    await pause(1_500);
    expect(to(mail.received, 'governance@example.com')).toHaveLength(1);
    expect(to(mail.received, 'ciso@example.com')).toHaveLength(1);
    expect(mail.received).toHaveLength(2);
  }, 60_000);
});
