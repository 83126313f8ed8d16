import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './discoveries/schema.ts';
import {
  CLIENT_READS,
  declaredVersion,
  formatClientReads,
  tooOldFor,
  withClientReads,
} from './client-reads.ts';

describe('what a client declares it reads (docs/sync.md S5)', () => {
  it('declares the discoveries version this code writes', () => {
    expect(CLIENT_READS.discoveries).toBe(SCHEMA_VERSION);
    expect(formatClientReads()).toBe(`discoveries.${SCHEMA_VERSION}`);
    expect(tooOldFor(formatClientReads(), 'discoveries')).toBe(false);
  });

  it('takes an app that declares nothing for one that reads version 2 of the discoveries', () => {
    expect(declaredVersion(null, 'discoveries')).toBe(2);
    expect(tooOldFor(undefined, 'discoveries')).toBe(true);
    expect(tooOldFor('', 'discoveries')).toBe(true);
  });

  it('checks only the kinds whose shape older apps misread', () => {
    expect(tooOldFor(null, 'registry')).toBe(false);
    expect(tooOldFor(null, 'policy')).toBe(false);
  });

  it('never trusts the text: junk, huge numbers and other kinds read as nothing', () => {
    expect(declaredVersion('discoveries.x', 'discoveries')).toBe(0);
    expect(declaredVersion('discoveries.99999', 'discoveries')).toBe(0);
    expect(declaredVersion('registry.3', 'discoveries')).toBe(0);
    expect(declaredVersion(`${'a'.repeat(300)},discoveries.3`, 'discoveries')).toBe(0);
    expect(declaredVersion('policy.1, discoveries.3', 'discoveries')).toBe(3);
  });

  it('adds the declaration to a sync URL with or without a query', () => {
    expect(withClientReads('ws://relay.example/sync', 'discoveries.3')).toBe(
      'ws://relay.example/sync?reads=discoveries.3',
    );
    expect(withClientReads('ws://relay.example/sync?x=1', 'a.1,b.2')).toBe(
      'ws://relay.example/sync?x=1&reads=a.1%2Cb.2',
    );
  });
});
