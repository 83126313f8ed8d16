import { describe, expect, it } from 'vitest';
import { LogLimiter } from './log-limiter.ts';

describe('the log limiter (docs/sync.md H15)', () => {
  it('H15: writes one line per offender a minute, then one summary with counts per reason', () => {
    let now = 0;
    const lines: string[] = [];
    const log = new LogLimiter({ now: () => now, write: (line) => lines.push(line) });
    for (let i = 0; i < 500; i++) log.refused('203.0.113.7', 'invalid token');
    for (let i = 0; i < 3; i++) log.refused('203.0.113.7', 'malformed frame');
    log.refused('198.51.100.1', 'invalid token');
    expect(lines).toEqual([
      'relay: refused 203.0.113.7: invalid token',
      'relay: refused 198.51.100.1: invalid token',
    ]);
    now = 30_000;
    log.flush();
    expect(lines).toHaveLength(2); // the minute has not ended
    now = 60_000;
    log.flush();
    expect(lines.slice(2)).toEqual([
      'relay: refused 203.0.113.7 again within a minute: 499 × invalid token, 3 × malformed frame',
    ]);
    // A new minute starts with a line of its own again.
    log.refused('203.0.113.7', 'invalid token');
    expect(lines.at(-1)).toBe('relay: refused 203.0.113.7: invalid token');
    log.close();
  });

  it('H15: an offender refused once writes no summary, and closing writes what is left', () => {
    let now = 0;
    const lines: string[] = [];
    const log = new LogLimiter({ now: () => now, write: (line) => lines.push(line) });
    log.refused('a', 'x');
    now = 61_000;
    log.flush();
    expect(lines).toEqual(['relay: refused a: x']);
    log.refused('b', 'y');
    log.refused('b', 'y');
    log.close();
    expect(lines.at(-1)).toBe('relay: refused b again within a minute: 1 × y');
  });
});
