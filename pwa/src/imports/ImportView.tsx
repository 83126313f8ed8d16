import type * as Y from 'yjs';

export interface ImportViewProps {
  registry: Y.Doc | undefined;
  /** Whether this role may write the registry (where imported discoveries are kept). */
  canImport: boolean;
  me: string;
  now?: () => number;
}

/** Network-log import: a proxy or DNS export matched on this device, in a worker. */
export function ImportView(_props: ImportViewProps) {
  return (
    <div className="prose">
      <h1>Import a network log</h1>
    </div>
  );
}
