import { useState, type ChangeEvent } from 'react';
import type * as Y from 'yjs';
import { appendObservations } from '../../../shared/documents/monitoring/observations.ts';
import { observationsFromSheet } from '../../../shared/documents/monitoring/observations-sheet.ts';
import { readSheet } from '../../../shared/inventory/import/read-sheet.ts';
import { errorText } from './error-text.ts';

const decodeUtf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

/** Observations from a CSV or XLSX file: checked like the pipeline API's batch, all or nothing. */
export function ObservationImport(props: {
  doc: Y.Doc;
  metrics: string[];
  me: string;
  now: () => number;
}) {
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();
  const chosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const rows = await readSheet(new Uint8Array(await file.arrayBuffer()), decodeUtf8);
      const at = props.now();
      const observations = observationsFromSheet(rows, new Set(props.metrics), at);
      appendObservations(props.doc, observations, props.me, at);
      setMessage({
        text: `Added ${observations.length} observations from ${file.name}.`,
        failed: false,
      });
    } catch (e) {
      setMessage({ text: `Nothing added: ${errorText(e)}`, failed: true });
    }
  };
  return (
    <p>
      <label className="button-like file-button">
        Import observations (CSV or XLSX)…
        <input
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="visually-hidden"
          onChange={(event) => void chosen(event)}
        />
      </label>{' '}
      {message && <span role={message.failed ? 'alert' : 'status'}>{message.text}</span>}
    </p>
  );
}
