import { describe, expect, it } from 'vitest';
import { syncStatusTone, syncStatusWords, type SyncFacts } from './sync-status.ts';

const calm: SyncFacts = {
  online: true,
  socket: 'connected',
  allSynced: true,
  unsyncedChanges: 0,
  refused: false,
};

describe('the sync status in words', () => {
  it('says online when everything is acknowledged', () => {
    expect(syncStatusWords(calm)).toBe('online');
  });

  it('says offline without a network or a socket', () => {
    expect(syncStatusWords({ ...calm, online: false })).toBe('offline');
    expect(syncStatusWords({ ...calm, socket: 'disconnected' })).toBe('offline');
  });

  it('says syncing while connecting and during the first exchange', () => {
    expect(syncStatusWords({ ...calm, socket: 'connecting' })).toBe('syncing');
    expect(syncStatusWords({ ...calm, allSynced: false, unsyncedChanges: 3 })).toBe('syncing');
  });

  it('counts the changes waiting for the relay, online or not', () => {
    expect(syncStatusWords({ ...calm, unsyncedChanges: 1 })).toBe('1 change waiting');
    expect(syncStatusWords({ ...calm, unsyncedChanges: 4 })).toBe('4 changes waiting');
    expect(syncStatusWords({ ...calm, online: false, unsyncedChanges: 2 })).toBe(
      'offline · 2 changes waiting',
    );
  });

  it('says so when the relay refuses the token', () => {
    expect(syncStatusWords({ ...calm, refused: true })).toBe('access refused');
  });

  it('asks for an update when the relay refuses a document this app is too old to read (S5)', () => {
    const words = syncStatusWords({ ...calm, updateRequired: true, refused: true });
    expect(words).toBe('update the app');
    expect(syncStatusTone(words)).toBe('offline');
  });

  it('says so when the relay cannot store changes, which this device keeps (DR2)', () => {
    expect(syncStatusWords({ ...calm, relayCannotStore: true, unsyncedChanges: 2 })).toBe(
      'relay cannot save · 2 changes waiting',
    );
    expect(syncStatusTone('relay cannot save · 2 changes waiting')).toBe('offline');
  });

  it('gives each a tone', () => {
    expect(syncStatusTone('online')).toBe('online');
    expect(syncStatusTone('offline · 2 changes waiting')).toBe('offline');
    expect(syncStatusTone('syncing')).toBe('busy');
    expect(syncStatusTone('3 changes waiting')).toBe('busy');
  });
});
