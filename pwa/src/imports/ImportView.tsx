import { useEffect, useRef, useState, type DragEvent } from 'react';
import type * as Y from 'yjs';
import { CATEGORY_LABELS } from '../../../shared/catalog/schema.ts';
import { LOG_FORMATS } from '../../../shared/detection/logs/log-reader.ts';
import { importNetworkLog } from '../../../shared/documents/registry/network-log.ts';
import { formatDay } from '../inbox/inbox-rows.ts';
import { usePolicy } from '../sync/documents.ts';
import type { LogScanResult } from './log-accumulator.ts';
import { LikelyHosts } from './LikelyHosts.tsx';
import {
  ImportCancelled,
  workerImportRunner,
  type LogImportJob,
  type LogImportRunner,
} from './log-import-runner.ts';
import type { StreamProgress } from './scan-log-stream.ts';
import './imports.css';

export interface ImportViewProps {
  registry: Y.Doc | undefined;
  /** The workspace's own tools are matched too. */
  policy?: Y.Doc | undefined;
  /** Whether this role may write the registry (where imported discoveries are kept). */
  canImport: boolean;
  me: string;
  now?: () => number;
  /** Runs the scan; a Web Worker unless a test gives another. */
  runner?: LogImportRunner;
}

type Step =
  | { kind: 'choose' }
  | { kind: 'scanning'; fileName: string; progress?: StreamProgress }
  | { kind: 'scanned'; fileName: string; result: LogScanResult };

const count = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** Network-log import: a proxy or DNS export matched on this device, in a worker. */
export function ImportView({
  registry,
  policy,
  canImport,
  me,
  now = Date.now,
  runner,
}: ImportViewProps) {
  const { tools: workspaceTools } = usePolicy(policy);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [message, setMessage] = useState<{ text: string; error?: boolean; toInbox?: boolean }>();
  const [inputFormat, setInputFormat] = useState('auto');
  const job = useRef<LogImportJob>(undefined);
  // Leaving the page stops a scan still running.
  useEffect(() => () => job.current?.cancel(), []);

  function start(file: File) {
    job.current?.cancel();
    setMessage(undefined);
    setStep({ kind: 'scanning', fileName: file.name });
    const run = runner ?? workerImportRunner();
    const current = run({ file, workspaceTools, inputFormat }, (progress) =>
      setStep((s) => (s.kind === 'scanning' ? { ...s, progress } : s)),
    );
    job.current = current;
    current.result.then(
      (result) => {
        if (job.current !== current) return;
        job.current = undefined;
        if (result.problem) {
          // Never an all-clear from a log that could not be read: nothing is offered to add.
          setStep({ kind: 'choose' });
          setMessage({
            text: `Nothing was added from ${file.name}. ${result.problem} If it is another kind of log, choose its format under “Log format” and choose the file again.`,
            error: true,
          });
        } else setStep({ kind: 'scanned', fileName: file.name, result });
      },
      (error: unknown) => {
        if (job.current !== current) return;
        job.current = undefined;
        setStep({ kind: 'choose' });
        setMessage(
          error instanceof ImportCancelled
            ? { text: 'Import cancelled: nothing was kept.' }
            : { text: `Could not read ${file.name}: ${(error as Error).message}`, error: true },
        );
      },
    );
  }

  function confirm(result: LogScanResult) {
    if (!registry) return;
    try {
      importNetworkLog(registry, result.tools, { importedBy: me, importedAt: now() });
    } catch (error) {
      setMessage({ text: `Nothing was added: ${(error as Error).message}`, error: true });
      return;
    }
    setStep({ kind: 'choose' });
    setMessage({
      text: `Added ${plural(result.tools.length, 'tool', 'tools')} to the inbox as network-log discoveries.`,
      toInbox: true,
    });
  }

  return (
    <div className="prose log-import">
      <h1>Import a network log</h1>
      <p>
        A proxy, DNS or firewall log — Squid, nginx, Apache or ProxySG access logs, BIND, dnsmasq or
        Pi-hole, Windows DNS debug logs, Zeek, Suricata eve.json, Cloudflare Gateway, Route 53
        Resolver, Zscaler, Umbrella, Palo Alto URL logs, Defender exports, a CSV with a host or URL
        column, or hostnames one per line; gzipped too. It is read and matched on this device; only
        the AI tools found are kept — their hostnames, how many lines and when — never paths,
        queries or who made the requests.
      </p>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'note'}>
          {message.text}
          {message.toInbox && (
            <>
              {' '}
              <a href="#/inbox">Open the inbox</a>
            </>
          )}
        </p>
      )}
      {!canImport || !registry ? (
        <p className="muted">Only admins and leads can import network logs into the registry.</p>
      ) : step.kind === 'choose' ? (
        <FileChooser onFile={start} inputFormat={inputFormat} onInputFormat={setInputFormat} />
      ) : step.kind === 'scanning' ? (
        <Scanning step={step} onCancel={() => job.current?.cancel()} />
      ) : (
        <ScanResult
          fileName={step.fileName}
          result={step.result}
          onConfirm={() => confirm(step.result)}
          onDiscard={() => {
            setStep({ kind: 'choose' });
            setMessage({ text: 'Discarded: nothing was kept.' });
          }}
        />
      )}
    </div>
  );
}

function FileChooser({
  onFile,
  inputFormat,
  onInputFormat,
}: {
  onFile(file: File): void;
  inputFormat: string;
  onInputFormat(id: string): void;
}) {
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div
      className={over ? 'drop-zone over' : 'drop-zone'}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <label className="log-format">
        Log format{' '}
        <select value={inputFormat} onChange={(event) => onInputFormat(event.target.value)}>
          <option value="auto">Detect from its content</option>
          {LOG_FORMATS.map((format) => (
            <option key={format.id} value={format.id}>
              {format.label.charAt(0).toUpperCase() + format.label.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <p>Drop a log file here, or</p>
      <label className="file-button">
        Choose a log file
        <input
          type="file"
          accept=".csv,.tsv,.txt,.log,.json,.jsonl,.gz,text/plain,text/csv,application/json,application/gzip"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) onFile(file);
          }}
        />
      </label>
    </div>
  );
}

function Scanning({
  step,
  onCancel,
}: {
  step: Extract<Step, { kind: 'scanning' }>;
  onCancel(): void;
}) {
  const p = step.progress;
  const percent = p && p.totalBytes > 0 ? Math.round((p.bytesRead / p.totalBytes) * 100) : 0;
  const detail = p
    ? `${plural(p.linesRead, 'line', 'lines')} read, ${plural(p.toolsFound, 'AI tool', 'AI tools')} found`
    : 'Starting…';
  return (
    <section aria-label="Reading the log" className="scan-progress">
      <p>
        Reading <strong>{step.fileName}</strong>: {detail}
      </p>
      <div
        role="progressbar"
        aria-label={`Reading ${step.fileName}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%: ${detail}`}
        className="progress-track"
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}

function ScanResult({
  fileName,
  result,
  onConfirm,
  onDiscard,
}: {
  fileName: string;
  result: LogScanResult;
  onConfirm(): void;
  onDiscard(): void;
}) {
  const found = result.tools.length;
  const catalogued = result.tools.filter((tool) => !tool.likely);
  const likely = result.tools.filter((tool) => tool.likely);
  return (
    <section aria-labelledby="scan-result-heading">
      <h2 id="scan-result-heading">{fileName}</h2>
      <p className="scan-summary">
        Read as {result.format.label}: {plural(catalogued.length, 'AI tool', 'AI tools')}
        {likely.length > 0 &&
          ` and ${plural(likely.length, 'possibly AI host', 'possibly AI hosts')}`}{' '}
        found in {plural(result.linesRead, 'line', 'lines')} (
        {plural(result.matchedLines, 'line', 'lines')} matched,{' '}
        {plural(result.unreadable, 'line', 'lines')} not understood).
      </p>
      {catalogued.length > 0 && (
        <table className="log-tools table-cards">
          <caption className="visually-hidden">AI tools found in {fileName}</caption>
          <thead>
            <tr>
              <th scope="col">Tool</th>
              <th scope="col">Category</th>
              <th scope="col">Hosts</th>
              <th scope="col">Lines</th>
              <th scope="col">First seen</th>
              <th scope="col">Last seen</th>
            </tr>
          </thead>
          <tbody>
            {catalogued.map((tool) => (
              <tr key={tool.toolKey}>
                <th scope="row">{tool.name}</th>
                <td data-label="Category">{CATEGORY_LABELS[tool.category] ?? tool.category}</td>
                <td data-label="Hosts">{tool.hosts.join(', ')}</td>
                <td className="number" data-label="Lines">
                  {count(tool.lines)}
                </td>
                <td data-label="First seen">
                  {tool.firstSeen === undefined ? '—' : formatDay(tool.firstSeen)}
                </td>
                <td data-label="Last seen">
                  {tool.lastSeen === undefined ? '—' : formatDay(tool.lastSeen)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LikelyHosts fileName={fileName} findings={likely} />
      <div className="actions">
        {found > 0 && (
          <button type="button" className="primary" onClick={onConfirm}>
            Add {plural(found, 'tool', 'tools')} to the inbox
          </button>
        )}
        <button type="button" onClick={onDiscard}>
          {found > 0 ? 'Discard' : 'Done'}
        </button>
      </div>
    </section>
  );
}
