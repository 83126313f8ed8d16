import { describe, expect, it } from 'vitest';
import { fakeBackgroundClient, notEnrolledStatus } from '../ui/fake-background-client.ts';
import { askedEarly } from './asked-early.ts';

describe('askedEarly', () => {
  it('asks for the status at once, gives that answer to the first caller, and asks again after', async () => {
    const client = fakeBackgroundClient();
    const statusCalls = () => client.calls.filter((call) => call.method === 'status').length;
    const early = askedEarly(client);
    expect(statusCalls()).toBe(1);
    await expect(early.status()).resolves.toEqual(notEnrolledStatus);
    expect(statusCalls()).toBe(1);
    await early.status();
    expect(statusCalls()).toBe(2);
  });
});
