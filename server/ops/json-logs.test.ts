import { afterEach, describe, expect, it } from 'vitest';
import { LogLimiter } from '../relay/log-limiter.ts';
import { jsonLine, useJsonLogs } from './json-logs.ts';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('structured logs (docs/sync.md OPS3)', () => {
  it('OPS3: one JSON object a line with level, time, msg and the fields it carries', () => {
    const line = JSON.parse(
      jsonLine(
        'warn',
        ['relay: refused %s: %s', '203.0.113.7', 'rate limit exceeded'],
        new Date(0),
      ),
    ) as Record<string, string>;
    expect(line).toEqual({
      level: 'warn',
      time: '1970-01-01T00:00:00.000Z',
      msg: 'relay: refused 203.0.113.7: rate limit exceeded',
      component: 'relay',
      offender: '203.0.113.7',
      reason: 'rate limit exceeded',
    });
  });

  it('OPS3 + H15: the log limiter still decides how many lines a flood makes', () => {
    const out: string[] = [];
    const err: string[] = [];
    restore = useJsonLogs(
      (l) => out.push(l),
      (l) => err.push(l),
    );
    const limiter = new LogLimiter();
    for (let i = 0; i < 500; i++) limiter.refused('203.0.113.7', 'malformed frame');
    limiter.close();
    console.log('Sightline is running at http://localhost:8787/');
    expect(err.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual([
      'relay: refused 203.0.113.7: malformed frame',
      'relay: refused 203.0.113.7 again within a minute: 499 × malformed frame',
    ]);
    expect(JSON.parse(out[0]!)).toMatchObject({
      level: 'info',
      msg: 'Sightline is running at http://localhost:8787/',
    });
    for (const l of [...out, ...err]) expect(l).not.toContain('\n');
  });
});
