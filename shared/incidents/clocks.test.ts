import { describe, expect, it } from 'vitest';
import { clockCounts, incidentClocks, timeLeftWords } from './clocks.ts';
import { DAY, DETECTED, HOUR, incident } from './fixture.test-support.ts';

/** [citation, due at, state] per clock, in the order they fall due. */
const summary = (inc: ReturnType<typeof incident>, now: number) =>
  incidentClocks(inc, now).map((clock) => [clock.period.citation, clock.dueAt, clock.state]);

describe('incident clocks (docs/incidents.md I1–I6)', () => {
  it('I1: an incident that is not serious and breaches no personal data starts no clock', () => {
    expect(incidentClocks(incident(), DETECTED + HOUR)).toEqual([]);
  });

  it('I1: a near miss starts no clock', () => {
    expect(incidentClocks(incident({ kind: 'near-miss' }), DETECTED)).toEqual([]);
  });

  it('I2, Art. 26(5): a serious incident means informing the provider immediately', () => {
    const [provider] = incidentClocks(incident({ serious: ['c'] }), DETECTED + 5 * 60_000);
    expect(provider?.period.citation).toBe('AI Act Art. 26(5)');
    expect(provider?.party).toBe('provider');
    expect(provider?.dueAt).toBe(DETECTED);
    expect(provider?.state).toBe('due-now');
    expect(timeLeftWords(provider!)).toBe('immediately');
  });

  it('I3, I7, Art. 73(2): a serious incident in general is reported within 15 days of becoming aware, to the hour', () => {
    const inc = incident({ serious: ['c'] });
    expect(summary(inc, DETECTED + 14 * DAY)).toEqual([
      ['AI Act Art. 26(5)', DETECTED, 'due-now'],
      ['AI Act Art. 73(2)', DETECTED + 15 * DAY, 'running'],
    ]);
    expect(summary(inc, DETECTED + 15 * DAY + 1)[1]).toEqual([
      'AI Act Art. 73(2)',
      DETECTED + 15 * DAY,
      'overdue',
    ]);
  });

  it('I4, Art. 73(4): where a person died, within 10 days', () => {
    const inc = incident({ serious: ['a'], death: true, type: 'harm', severity: 'critical' });
    expect(summary(inc, DETECTED + DAY)[1]).toEqual([
      'AI Act Art. 73(4)',
      DETECTED + 10 * DAY,
      'running',
    ]);
  });

  it('I5, Art. 73(3): a serious incident under Art. 3(49)(b), critical infrastructure, within 2 days', () => {
    const inc = incident({ serious: ['b'] });
    expect(summary(inc, DETECTED + DAY)[1]).toEqual([
      'AI Act Art. 73(3)',
      DETECTED + 2 * DAY,
      'running',
    ]);
  });

  it('I5, Art. 73(3): a widespread infringement, within 2 days', () => {
    const inc = incident({ serious: ['c'], widespread: true });
    expect(summary(inc, DETECTED + 3 * DAY)[1]).toEqual([
      'AI Act Art. 73(3)',
      DETECTED + 2 * DAY,
      'overdue',
    ]);
  });

  it('I5: when a death and critical infrastructure both apply, the shorter period (2 days) wins', () => {
    const inc = incident({ serious: ['a', 'b'], death: true });
    expect(summary(inc, DETECTED)[1]?.[0]).toBe('AI Act Art. 73(3)');
  });

  it('I6, GDPR Art. 33(1): a personal data breach is notified within 72 hours', () => {
    const inc = incident({ personalDataBreach: true, type: 'security' });
    expect(summary(inc, DETECTED + 71 * HOUR)).toEqual([
      ['GDPR Art. 33(1)', DETECTED + 72 * HOUR, 'running'],
    ]);
    const [clock] = incidentClocks(inc, DETECTED + 71 * HOUR);
    expect(timeLeftWords(clock!)).toBe('1 h 0 min left');
  });

  it('I8: a clock is met when the party was informed by the due time, late when after', () => {
    const informed = (hours: number) => ({
      'market-surveillance': { at: DETECTED + hours * HOUR, by: 'Compliance' },
      provider: { at: DETECTED + HOUR, by: 'Compliance' },
    });
    const onTime = incident({ serious: ['b'], informed: informed(47) });
    expect(summary(onTime, DETECTED + 10 * DAY).map(([, , state]) => state)).toEqual([
      'met',
      'met',
    ]);
    const late = incident({ serious: ['b'], informed: informed(49) });
    const clock = incidentClocks(late, DETECTED + 10 * DAY)[1]!;
    expect(clock.state).toBe('late');
    expect(clock.informedAt).toBe(DETECTED + 49 * HOUR);
    expect(clock.msLeft).toBeUndefined();
  });

  it('shows time left and time overdue in words', () => {
    const inc = incident({ serious: ['c'] });
    const at = (ms: number) => timeLeftWords(incidentClocks(inc, ms)[1]!);
    expect(at(DETECTED + 10 * DAY + 30 * 60_000)).toBe('4 d 23 h left');
    expect(at(DETECTED + 15 * DAY + 3 * HOUR + 7 * 60_000)).toBe('3 h 7 min overdue');
  });

  it('I8: counts open and overdue clocks over a register, closed incidents included', () => {
    const now = DETECTED + 3 * DAY;
    const register = [
      incident({ id: 'a', serious: ['b'], status: 'closed' }), // 26(5) due now, 73(3) overdue
      incident({ id: 'b', personalDataBreach: true }), // GDPR 72 h: exactly due, running
      incident({ id: 'c' }), // no clock
    ];
    expect(clockCounts(register, now)).toEqual({ open: 3, overdue: 1 });
  });
});
