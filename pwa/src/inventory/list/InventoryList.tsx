import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useRouteAction } from '../../router/route-action.ts';
import type * as Y from 'yjs';
import { DEFAULT_TIER_SCHEME } from '../../../../shared/classification/index.ts';
import {
  readCustomFields,
  readRecordLogs,
  readTierScheme,
  type WorkspaceTierScheme,
} from '../../../../shared/documents/registry/index.ts';
import { registerCsv, registerJson } from '../../../../shared/inventory/index.ts';
import { useExportProvenance } from '../../exports/provenance.tsx';
import { tierName } from '../classification-words.ts';
import { parseRoute, replaceRoute, useHash } from '../../router/hash-route.ts';
import { useRegistry } from '../../sync/documents.ts';
import { useDocument } from '../../sync/use-document.ts';
import { ImportDialog } from '../import/ImportDialog.tsx';
import { DutyTrackerExport } from '../duties/DutyTrackerExport.tsx';
import { browserSaveFile, exportFileName, type SaveFile } from './download.ts';
import { InventoryFilters } from './InventoryFilters.tsx';
import { filterRows, inventorySearch, searchedText } from './inventory-search.ts';
import { inventoryRow, sortRows, type Sort } from './inventory-rows.ts';
import { InventoryTable } from './InventoryTable.tsx';
import {
  EMPTY_QUERY,
  hasFilters,
  listQueryString,
  parseListQuery,
  type ListQuery,
} from './list-query.ts';
import { NewRecordDialog } from './NewRecordDialog.tsx';
import { recordHref } from './record-href.ts';
import { SavedViews } from './SavedViews.tsx';
import './inventory-list.css';

export interface InventoryListProps {
  registry: Y.Doc;
  /** The workspace's policy, whose own catalog additions an import matches too. */
  policy?: Y.Doc | undefined;
  canEdit: boolean;
  me: string;
  now?: (() => number) | undefined;
  /** Saved views are kept per workspace; without one they are not offered. */
  workspace?: string | undefined;
  /** Where exports go (a download in the browser). */
  saveFile?: SaveFile | undefined;
}

const DEFAULT_TIERS: WorkspaceTierScheme = {
  scheme: DEFAULT_TIER_SCHEME,
  isDefault: true,
  removed: [],
  problems: [],
};
/** Typing settles for this long before the address follows (browsers throttle history writes). */
const ADDRESS_DELAY_MS = 300;

function writeAddress(query: ListQuery) {
  const route = parseRoute(window.location.hash);
  // Only while the list is showing: never rewrite a record's address after leaving the list.
  if (route.rest.length > 0 || (route.path !== 'inventory' && route.path !== '')) return;
  const search = listQueryString(query);
  replaceRoute(`#/inventory${search ? `?${search}` : ''}`);
}

/** The inventory list: search, filters, saved views, sort, and the register's import and export. */
export function InventoryList({
  registry,
  policy,
  canEdit,
  me,
  now = Date.now,
  workspace,
  saveFile = browserSaveFile,
}: InventoryListProps) {
  const { records } = useRegistry(registry);
  const provenance = useExportProvenance();
  const tiers = useDocument(registry, readTierScheme, DEFAULT_TIERS);
  const hash = useHash();
  const addressQuery = useMemo(() => parseListQuery(parseRoute(hash).params), [hash]);

  // The search text is the input's own while typing; the address follows once typing settles.
  const [text, setText] = useState(addressQuery.q);
  const written = useRef(addressQuery.q);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    // The address changed from elsewhere (a link, back, a saved view): follow it.
    if (addressQuery.q !== written.current) {
      written.current = addressQuery.q;
      setText(addressQuery.q);
    }
  }, [addressQuery.q]);
  const query = useMemo(() => ({ ...addressQuery, q: text }), [addressQuery, text]);

  // The latest query, for callbacks that stay the same across keystrokes (so the filters, the
  // dialogs and the table's header need not render again for each letter typed).
  const latest = useRef(query);
  latest.current = query;
  const apply = useCallback((next: ListQuery) => {
    clearTimeout(timer.current);
    written.current = next.q;
    setText(next.q);
    writeAddress(next);
  }, []);
  const typed = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      written.current = value;
      writeAddress({ ...parseListQuery(parseRoute(window.location.hash).params), q: value });
    }, ADDRESS_DELAY_MS);
  };
  const changeFilters = useCallback(
    (patch: Partial<ListQuery>) => apply({ ...latest.current, ...patch }),
    [apply],
  );
  const changeSort = useCallback((sort: Sort) => apply({ ...latest.current, sort }), [apply]);
  const applySaved = useCallback(
    (saved: string) => apply(parseListQuery(new URLSearchParams(saved))),
    [apply],
  );
  const open = useCallback((id: string) => void (window.location.hash = recordHref(id)), []);

  const nameOfTier = useMemo(() => (id: string) => tierName(id, tiers), [tiers]);
  const tierRank = useMemo(() => {
    const order = tiers.scheme.tiers.map((t) => t.id);
    return (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  }, [tiers]);
  const allRows = useMemo(
    () => [...records.values()].map((record) => inventoryRow(record, nameOfTier)),
    [records, nameOfTier],
  );
  const { column, descending } = query.sort;
  const sorted = useMemo(
    () => sortRows(allRows, { column, descending }, tierRank),
    [allRows, column, descending, tierRank],
  );
  // Built again only when a searched text changed (not on triage or classification edits, which
  // also give a new `records`); a keystroke only queries it.
  const searchedFields = useMemo(() => searchedText(records.values()), [records]);
  const latestRecords = useRef(records);
  latestRecords.current = records;
  // Keyed on the searched text alone: `records` is read through the ref.
  const search = useMemo(() => inventorySearch(latestRecords.current.values()), [searchedFields]);
  const found = useMemo(() => search.match(query.q), [search, query.q]);
  const { lifecycle, tier, euAiAct, category, owner, archived } = query;
  const filters = useMemo(
    () => ({ lifecycle, tier, euAiAct, category, owner, archived }),
    [lifecycle, tier, euAiAct, category, owner, archived],
  );
  const shown = useMemo(
    () => filterRows(sorted, { ...EMPTY_QUERY, ...filters }, found),
    [sorted, found, filters],
  );
  const tierOptions = useMemo(
    () => tiers.scheme.tiers.map((t) => [t.id, t.name] as const),
    [tiers],
  );
  const sort = useMemo(() => ({ column, descending }), [column, descending]);
  const owners = useMemo(
    () => [...new Set(allRows.map((row) => row.owner).filter(Boolean))].sort(),
    [allRows],
  );

  const exportAs = (extension: 'csv' | 'json') => {
    const at = now();
    const name = exportFileName(workspace ?? 'sightline', 'inventory', at, extension);
    const options = {
      provenance: provenance(at, registry),
      logs: (id: string) => readRecordLogs(registry, id),
      custom: readCustomFields(registry).byRecord,
    };
    if (extension === 'json') {
      saveFile({
        name,
        type: 'application/json',
        text: registerJson(records.values(), tiers.scheme, options),
      });
    } else {
      // A byte-order mark, so that Excel reads the file as UTF-8 (the CSV itself is unchanged).
      const text = '\ufeff' + registerCsv(records.values(), tiers.scheme, options);
      saveFile({ name, type: 'text/csv;charset=utf-8', text });
    }
  };

  // The palette's exports: `#/inventory?do=export-csv` (or json).
  useRouteAction('export-csv', () => exportAs('csv'), records.size > 0);
  useRouteAction('export-json', () => exportAs('json'), records.size > 0);

  return (
    <section aria-labelledby="inventory-heading" className="inventory">
      <div className="inventory-header">
        <h1 id="inventory-heading">Inventory</h1>
        <div className="inventory-actions">
          {canEdit && <NewRecordDialog registry={registry} me={me} now={now} onCreated={open} />}
          {canEdit && (
            <ImportDialog
              registry={registry}
              policy={policy}
              me={me}
              now={now}
              workspace={workspace}
            />
          )}
          <button type="button" onClick={() => exportAs('csv')} disabled={records.size === 0}>
            Export CSV
          </button>
          <button type="button" onClick={() => exportAs('json')} disabled={records.size === 0}>
            Export JSON
          </button>
          <DutyTrackerExport
            registry={registry}
            records={records}
            workspace={workspace}
            now={now}
            saveFile={saveFile}
          />
        </div>
      </div>
      {records.size === 0 ? (
        <p className="muted">
          No AI systems in the inventory yet. Records appear here as leads open them from the inbox
          {canEdit ? ', or create or import them here.' : '.'}
        </p>
      ) : (
        <>
          <div className="inventory-toolbar">
            <label className="inventory-search">
              Search the inventory
              <input
                type="search"
                value={text}
                maxLength={200}
                onChange={(event) => typed(event.target.value)}
              />
            </label>
            <InventoryFilters
              filters={filters}
              tiers={tierOptions}
              owners={owners}
              onChange={changeFilters}
            />
            {workspace !== undefined && (
              <SavedViews
                workspace={workspace}
                query={listQueryString(query)}
                onApply={applySaved}
              />
            )}
          </div>
          <div className="inventory-count">
            <p className="muted" role="status">
              {shown.length === allRows.length
                ? `${allRows.length} ${allRows.length === 1 ? 'record' : 'records'}`
                : `${shown.length} of ${allRows.length} records`}
            </p>
            {hasFilters(query) && (
              <button
                type="button"
                className="link"
                onClick={() => apply({ ...EMPTY_QUERY, sort: query.sort })}
              >
                Clear filters
              </button>
            )}
          </div>
          <InventoryTable rows={shown} sort={sort} onSort={changeSort} onOpen={open} />
          {shown.length === 0 && <p className="muted">No record matches these filters.</p>}
        </>
      )}
    </section>
  );
}
