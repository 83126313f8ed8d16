import type * as Y from 'yjs';
import { readString, readTimestamp, topMap } from '../schema/read.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp, setIfChanged } from '../schema/write.ts';
import { REPORT_SCHEMA } from './schema.ts';

/**
 * What an admin needs to know about this extension's own health, beside `meta.extensionVersion`:
 * why the browser's policy last failed to enrol it, while it is enrolled otherwise (a new code in
 * the policy that the relay refused, say). A new optional top-level map of the report, written
 * only by that extension:
 *
 *   clientStatus  { policyError?, policyErrorAt? }
 *
 * The message is the extension's own words about its enrolment — never anything from a page.
 */
export const CLIENT_STATUS = 'clientStatus';
export const MAX_POLICY_ERROR = 300;

export interface ClientStatus {
  policyError?: { message: string; at: number };
}

/** Makes the map say `status` (removing what it no longer says); only changes are written. */
export function setClientStatus(doc: Y.Doc, status: ClientStatus): void {
  const message = status.policyError?.message.trim().slice(0, MAX_POLICY_ERROR) || undefined;
  const error = message === undefined ? undefined : status.policyError;
  if (error && message !== undefined) {
    checkText('policy error', message, { min: 1, max: MAX_POLICY_ERROR });
    checkTimestamp('policy error at', error.at);
  }
  doc.transact(() => {
    const map = doc.getMap<unknown>(CLIENT_STATUS);
    if (error && message !== undefined) {
      if (map.get('policyError') === message && map.get('policyErrorAt') === error.at) return;
      ensureWritable(doc, REPORT_SCHEMA);
      setIfChanged(map, 'policyError', message);
      setIfChanged(map, 'policyErrorAt', error.at);
    } else if (map.has('policyError') || map.has('policyErrorAt')) {
      ensureWritable(doc, REPORT_SCHEMA);
      map.delete('policyError');
      map.delete('policyErrorAt');
    }
  });
}

/** The extension's status, read without trust: an unreadable error is left out (and listed). */
export function readClientStatus(doc: Y.Doc, problems: string[] = []): ClientStatus {
  const map = topMap(doc, CLIENT_STATUS, problems);
  if (map === undefined) return {};
  const path = CLIENT_STATUS;
  const message = readString(map, 'policyError', problems, { path, max: MAX_POLICY_ERROR });
  const at = readTimestamp(map, 'policyErrorAt', problems, { path });
  return message !== undefined && message !== '' && at !== undefined
    ? { policyError: { message, at } }
    : {};
}
