import { describe, expect, it } from 'vitest';
import { parseLogTime, splitCsvLine } from './log-format.ts';

describe('CSV lines and log times', () => {
  it('splits quoted fields with escaped quotes and delimiters inside', () => {
    expect(splitCsvLine('a,"b,""c""",d', ',')).toEqual(['a', 'b,"c"', 'd']);
    expect(splitCsvLine('x,,', ',')).toEqual(['x', '', '']);
    expect(splitCsvLine('"open', ',')).toBeUndefined();
    expect(splitCsvLine('<14>syslog 1,a,b', ',', 11)).toEqual(['1', 'a', 'b']);
  });

  it('reads epoch seconds, milliseconds and dates; refuses junk and implausible times', () => {
    expect(parseLogTime('1767607200.5')).toBe(1_767_607_200_500);
    expect(parseLogTime('1767607200000')).toBe(1_767_607_200_000);
    expect(parseLogTime(1_767_607_200.25)).toBe(1_767_607_200_250);
    expect(parseLogTime('2026-01-05T10:00:00Z')).toBe(Date.UTC(2026, 0, 5, 10));
    expect(parseLogTime('1')).toBeUndefined();
    expect(parseLogTime('tomorrow')).toBeUndefined();
    expect(parseLogTime('')).toBeUndefined();
  });
});
