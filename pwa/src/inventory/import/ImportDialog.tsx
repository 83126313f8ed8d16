import { Dialog } from 'radix-ui';
import { memo, useMemo, useState, type ChangeEvent } from 'react';
import type * as Y from 'yjs';
import { readPolicy } from '../../../../shared/documents/policy/index.ts';
import { readRegistry } from '../../../../shared/documents/registry/index.ts';
import {
  applyImportPlan,
  planImport,
  readSheet,
  savedMapping,
  setUpImport,
  type CatalogTool,
  type ColumnTarget,
  type EnumField,
  type ImportSetup,
  type ValueTargets,
} from '../../../../shared/inventory/import/index.ts';
import { useDeviceValues } from '../../session/device-values.ts';
import '../../ui/form-dialog.css';
import { newRecordId } from '../list/new-record-id.ts';
import { ColumnStep } from './ColumnStep.tsx';
import { PreviewStep, outcomeLine } from './PreviewStep.tsx';
import { savedMappings } from './saved-mappings.ts';
import { ValueStep, hasValueStep } from './ValueStep.tsx';
import './import-dialog.css';

interface Props {
  registry: Y.Doc;
  /** The workspace's policy: its own catalog additions are matched too. */
  policy?: Y.Doc | undefined;
  me: string;
  now: () => number;
  workspace?: string | undefined;
}

type Step = 'columns' | 'values' | 'preview';

interface Loaded {
  file: string;
  sheet: string[][];
  columns: Record<string, ColumnTarget>;
  values: ValueTargets;
  /** The mapping was the one saved on this device for these headers. */
  remembered: boolean;
  catalog: CatalogTool[];
}

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

async function catalogFor(policy: Y.Doc | undefined): Promise<CatalogTool[]> {
  // Loaded on first import, not with the app: most sessions never import.
  const { builtInCatalog } = await import('../../../../shared/catalog/catalog.ts');
  return [...builtInCatalog(), ...(policy ? readPolicy(policy).tools : [])];
}

/**
 * Import of an inventory spreadsheet (CSV or XLSX) in three steps: where each column goes, what
 * each enumerated value becomes, and what each row will do. Nothing is written before the last
 * step is confirmed; the mapping is then remembered on this device for the same headers.
 */
export const ImportDialog = memo(function ImportDialog({
  registry,
  policy,
  me,
  now,
  workspace,
}: Props) {
  const values = useDeviceValues();
  const mappings = useMemo(() => savedMappings(values, workspace), [values, workspace]);
  const [loaded, setLoaded] = useState<Loaded>();
  const [fatal, setFatal] = useState<{ file: string; text: string }>();
  const [step, setStep] = useState<Step>('columns');
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();

  async function chosen(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const file = input.files?.[0];
    // Cleared, so that choosing the same file again (after fixing it) reads it again.
    input.value = '';
    if (!file) return;
    setMessage(undefined);
    setError(undefined);
    setFatal(undefined);
    setLoaded(undefined);
    setStep('columns');
    try {
      const sheet = await readSheet(new Uint8Array(await file.arrayBuffer()), decode);
      const first = setUpImport(sheet);
      const saved = await mappings.find(first.table.labels);
      setLoaded({
        file: file.name,
        sheet,
        columns: saved?.columns ?? {},
        values: saved?.values ?? {},
        remembered: saved !== undefined,
        catalog: await catalogFor(policy),
      });
    } catch (failure) {
      if (!(failure instanceof RangeError)) throw failure;
      setFatal({ file: file.name, text: failure.message });
    }
  }

  const setup: ImportSetup | undefined = useMemo(
    () => loaded && setUpImport(loaded.sheet, { columns: loaded.columns, values: loaded.values }),
    [loaded],
  );
  const plan = useMemo(
    () =>
      loaded && setup && step === 'preview'
        ? planImport(setup.table, setup.targets, setup.values, {
            existing: readRegistry(registry).records.values(),
            catalog: loaded.catalog,
          })
        : undefined,
    [loaded, setup, step, registry],
  );

  const close = () => {
    setLoaded(undefined);
    setFatal(undefined);
  };
  const changeColumn = (label: string, target: ColumnTarget) =>
    setLoaded(
      (current) => current && { ...current, columns: { ...current.columns, [label]: target } },
    );
  const changeValue = (field: EnumField, value: string, target: string | null) =>
    setLoaded(
      (current) =>
        current && {
          ...current,
          values: { ...current.values, [field]: { ...current.values[field], [value]: target } },
        },
    );

  function confirm() {
    if (!loaded || !setup) return;
    try {
      // Planned again on the registry as it is now: a record a lead made meanwhile is updated.
      const fresh = planImport(setup.table, setup.targets, setup.values, {
        existing: readRegistry(registry).records.values(),
        catalog: loaded.catalog,
      });
      applyImportPlan(registry, fresh, me, now(), newRecordId);
      void mappings.save(savedMapping(setup.table.labels, setup.targets, setup.values));
      setMessage({ text: `Imported ${loaded.file}: ${outcomeLine(fresh)}.`, failed: false });
      close();
    } catch (failure) {
      const why = failure instanceof Error ? failure.message : String(failure);
      setError(`Nothing was imported: ${why}`);
    }
  }

  const next = () => {
    if (step === 'columns') setStep(setup && hasValueStep(setup) ? 'values' : 'preview');
    else setStep('preview');
  };
  const back = () =>
    setStep(step === 'preview' && setup && hasValueStep(setup) ? 'values' : 'columns');
  const problems = setup?.problems ?? [];
  const title = fatal
    ? `Nothing to import from ${fatal.file}`
    : `Import from ${loaded?.file ?? ''}`;
  const stepName = {
    columns: 'Step 1 of 3: columns',
    values: 'Step 2 of 3: values',
    preview: 'Step 3 of 3: preview',
  }[step];

  return (
    <>
      <label className="button-like file-button">
        Import CSV or XLSX…
        <input
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="visually-hidden"
          onChange={(event) => void chosen(event)}
        />
      </label>
      {message && (
        <p role={message.failed ? 'alert' : 'status'} className="import-message">
          {message.text}
        </p>
      )}
      <Dialog.Root
        open={loaded !== undefined || fatal !== undefined}
        onOpenChange={(open) => !open && close()}
      >
        <Dialog.Portal>
          <Dialog.Overlay className="form-dialog-overlay" />
          <Dialog.Content className="form-dialog import-dialog">
            <Dialog.Title>{title}</Dialog.Title>
            <Dialog.Description className="muted">
              {fatal
                ? fatal.text
                : `${stepName}${loaded?.remembered ? ' · the mapping saved for these headers' : ''}`}
            </Dialog.Description>
            {setup && step === 'columns' && <ColumnStep setup={setup} onChange={changeColumn} />}
            {setup && step === 'values' && <ValueStep setup={setup} onChange={changeValue} />}
            {plan && step === 'preview' && <PreviewStep plan={plan} />}
            {problems.length > 0 && (
              <ul role="alert" className="error">
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            )}
            {error && (
              <p role="alert" className="error">
                {error}
              </p>
            )}
            <div className="form-dialog-actions">
              <Dialog.Close asChild>
                <button type="button">{fatal ? 'Close' : 'Cancel'}</button>
              </Dialog.Close>
              {setup && step !== 'columns' && (
                <button type="button" onClick={back}>
                  Back
                </button>
              )}
              {setup && step !== 'preview' && (
                <button
                  type="button"
                  className="primary"
                  onClick={next}
                  disabled={problems.length > 0}
                >
                  Next
                </button>
              )}
              {plan && step === 'preview' && (
                <button
                  type="button"
                  className="primary"
                  onClick={confirm}
                  disabled={problems.length > 0}
                >
                  Import {plan.rows.length === 1 ? '1 row' : `${plan.rows.length} rows`}
                </button>
              )}
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </>
  );
});
