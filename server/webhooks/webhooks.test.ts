import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addWebhook,
  MAX_DELIVERIES,
  readDeliveries,
  readWebhooks,
  recordDelivery,
} from '../../shared/documents/admin/webhooks.ts';
import { isPrivateAddress } from './address-policy.ts';
import { bodyFor, signature, verifySignature, type WebhookEventBody } from './payloads.ts';

const event: WebhookEventBody = {
  id: 'discovery.new/acme/openai-chatgpt',
  event: 'discovery.new',
  workspace: 'acme',
  at: '2026-12-07T04:00:00.000Z',
  summary: 'New AI tool seen: ChatGPT (1 reporter).',
  data: { toolKey: 'openai-chatgpt' },
};

describe('webhook payloads (docs/sync.md HOOK4–HOOK5)', () => {
  it('HOOK4: Slack gets {text} (https://api.slack.com/messaging/webhooks)', () => {
    expect(JSON.parse(bodyFor({ format: 'slack' }, event))).toEqual({
      text: 'Sightline (acme): New AI tool seen: ChatGPT (1 reporter).',
    });
  });

  it('HOOK4: Teams gets a message with one Adaptive Card attachment (Microsoft Learn, "Send Adaptive Cards using an Incoming Webhook")', () => {
    const body = JSON.parse(bodyFor({ format: 'teams' }, event)) as {
      type: string;
      attachments: { contentType: string; content: { type: string; body: { text?: string }[] } }[];
    };
    expect(body.type).toBe('message');
    expect(body.attachments).toHaveLength(1);
    expect(body.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.attachments[0]!.content.type).toBe('AdaptiveCard');
    expect(body.attachments[0]!.content.body.map((b) => b.text)).toContain(event.summary);
  });

  it('HOOK5: the signature is HMAC-SHA256 of "<t>.<body>" keyed by the hex secret', () => {
    // Known answer, computed independently: printf '1700000000.{}' | openssl dgst -sha256 -mac HMAC -macopt hexkey:<32×"ab">
    const secret = 'ab'.repeat(32);
    expect(signature(secret, '{}', 1_700_000_000)).toBe(
      't=1700000000,v1=6df747ec2a677e38cd4adba46f3b9f033d1d7c71a409be531dd908316c24ccba',
    );
  });

  it('HOOK5: verification accepts the signed body within 5 minutes only', () => {
    const secret = 'cd'.repeat(32);
    const header = signature(secret, '{"a":1}', 1_000_000);
    expect(verifySignature(secret, '{"a":1}', header, 1_000_000 + 299)).toBe(true);
    expect(verifySignature(secret, '{"a":1}', header, 1_000_000 + 301)).toBe(false);
    expect(verifySignature(secret, '{"a":2}', header, 1_000_000)).toBe(false);
  });
});

describe('webhook addresses (HOOK7)', () => {
  it('refuses loopback, private, link-local, shared, multicast and mapped addresses; allows public ones', () => {
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
      'not-an-ip',
    ])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ['93.184.215.14', '1.1.1.1', '2606:4700:4700::1111'])
      expect(isPrivateAddress(address), address).toBe(false);
  });
});

describe('W/admin webhooks (HOOK1)', () => {
  const webhook = {
    id: 'abcdef0123456789',
    url: 'https://hooks.example.com/x',
    events: ['discovery.new' as const],
    format: 'json' as const,
    secret: 'ab'.repeat(32),
    createdBy: 'Admin',
    createdAt: 1,
  };

  it('reads back what was written, and skips what is not a webhook', () => {
    const doc = new Y.Doc();
    addWebhook(doc, webhook);
    doc.getMap('webhooks').set('zzzzzzzzzz', { url: 'javascript:alert(1)' });
    const problems: string[] = [];
    expect(readWebhooks(doc, problems)).toEqual([webhook]);
    expect(problems).toHaveLength(1);
  });

  it('refuses bad input and changes nothing', () => {
    const doc = new Y.Doc();
    expect(() => addWebhook(doc, { ...webhook, url: 'ftp://x' })).toThrow(/https/);
    expect(() => addWebhook(doc, { ...webhook, events: [] })).toThrow(/event/);
    expect(() => addWebhook(doc, { ...webhook, secret: 'short' })).toThrow(/secret/);
    expect(readWebhooks(doc)).toEqual([]);
  });

  it('HOOK6: keeps the latest attempts only', () => {
    const doc = new Y.Doc();
    addWebhook(doc, webhook);
    for (let i = 1; i <= MAX_DELIVERIES + 5; i++)
      recordDelivery(doc, webhook.id, {
        at: i,
        event: 'discovery.new',
        eventId: `e${i}`,
        attempt: 1,
        status: 204,
        ok: true,
      });
    const log = readDeliveries(doc, webhook.id);
    expect(log).toHaveLength(MAX_DELIVERIES);
    expect(log.at(-1)!.eventId).toBe(`e${MAX_DELIVERIES + 5}`);
  });
});
