import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { CATEGORIES, CATEGORY_LABELS } from '../../../shared/catalog/schema.ts';
import { formatDay } from '../inbox/inbox-rows.ts';
import { useDiscoveries, usePolicy } from '../sync/documents.ts';
import { FilterSearch, FilterSelect } from '../filters/FilterFields.tsx';
import { useVirtualRows } from '../virtual/virtual-rows.ts';
import { catalogTools, useBuiltInCatalog, vendorFacts } from './catalog-source.ts';
import {
  catalogRows,
  matchesCatalogFilter,
  NO_FILTER,
  type CatalogFilter,
  type CatalogRow,
} from './catalog-rows.ts';
import { toolHref } from './tool-href.ts';
import './catalog-browser.css';

interface Props {
  discoveries: Y.Doc | undefined;
  policy: Y.Doc | undefined;
  /** `#/tools/<id>`: the tool shown in full. */
  toolId?: string | undefined;
}

const ROW_ESTIMATE = 56;
const SOURCES = [
  { value: 'built-in', label: 'Built in' },
  { value: 'workspace', label: 'This workspace’s' },
] as const;
const SEEN = [
  { value: 'seen', label: 'Seen' },
  { value: 'not-seen', label: 'Not seen' },
] as const;

/**
 * `#/tools`: the built-in and the workspace catalog, searchable and filtered, each tool with its
 * hosts, category, vendor facts and whether this workspace has seen it — "is X already
 * detected?" answered in the app.
 */
export function CatalogBrowser({ discoveries, policy, toolId }: Props) {
  const builtIn = useBuiltInCatalog();
  const { tools: workspaceTools, statuses } = usePolicy(policy);
  const { tools: seen } = useDiscoveries(discoveries);
  const [filter, setFilter] = useState<CatalogFilter>(NO_FILTER);
  const all = useMemo(
    () => catalogRows(catalogTools(builtIn ?? [], workspaceTools), seen),
    [builtIn, workspaceTools, seen],
  );
  const rows = useMemo(() => all.filter((row) => matchesCatalogFilter(row, filter)), [all, filter]);
  const shown = toolId === undefined ? undefined : all.find((row) => row.tool.id === toolId);
  const seenCount = all.filter((row) => row.seen).length;
  const set = (patch: Partial<CatalogFilter>) => setFilter((current) => ({ ...current, ...patch }));

  return (
    <div className="catalog-browser">
      <h1>Tool catalog</h1>
      {builtIn === undefined ? (
        <p className="muted">Opening the catalog…</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {rows.length === all.length
              ? `${all.length} tools, ${seenCount} seen in this workspace`
              : `${rows.length} of ${all.length} tools`}
          </p>
          <div className="catalog-filters" role="search">
            <FilterSearch
              value={filter.text}
              placeholder="A name, a vendor or a hostname"
              onChange={(text) => set({ text })}
            />
            <FilterSelect
              label="Category"
              any="Any"
              value={filter.category}
              options={CATEGORIES.map((category) => ({
                value: category,
                label: CATEGORY_LABELS[category],
              }))}
              onChange={(category) => set({ category })}
            />
            <FilterSelect
              label="Catalog"
              any="Both"
              value={filter.source}
              options={SOURCES}
              onChange={(source) => set({ source })}
            />
            <FilterSelect
              label="In this workspace"
              any="Seen or not"
              value={filter.seen}
              options={SEEN}
              onChange={(seen) => set({ seen })}
            />
          </div>
          {toolId !== undefined && (
            <ToolDetail row={shown} toolId={toolId} status={statuses.get(toolId)?.status} />
          )}
          {rows.length === 0 ? (
            <p className="muted">
              No tool matches. A tool the catalog lacks can be added to the workspace catalog.
            </p>
          ) : (
            <ToolList rows={rows} selected={toolId} />
          )}
        </>
      )}
    </div>
  );
}

/** The tools as a virtualised list of links: the catalog holds thousands. */
function ToolList({
  rows,
  selected,
}: {
  rows: readonly CatalogRow[];
  selected?: string | undefined;
}) {
  const { scroller, virtualizer } = useVirtualRows(rows.length, ROW_ESTIMATE, true);
  return (
    <div ref={scroller} className="catalog-scroll" tabIndex={0} role="region" aria-label="Tools">
      <ul className="catalog-list" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const { tool } = row;
          return (
            <li
              key={tool.id}
              ref={virtualizer.measureElement}
              data-index={item.index}
              data-tool-id={tool.id}
              className={tool.id === selected ? 'selected' : undefined}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <a href={toolHref(tool.id)} aria-current={tool.id === selected ? 'true' : undefined}>
                {tool.name}
              </a>
              <span className="muted">
                {tool.vendor} · {CATEGORY_LABELS[tool.category]}
                {tool.source === 'workspace' ? ' · workspace catalog' : ''}
              </span>
              <span className="catalog-hosts">{tool.hosts.slice(0, 3).join(', ')}</span>
              <span className={row.seen ? 'badge seen' : 'badge'}>
                {row.seen ? 'Seen here' : 'Not seen'}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function ToolDetail({
  row,
  toolId,
  status,
}: {
  row: CatalogRow | undefined;
  toolId: string;
  status: string | undefined;
}) {
  if (!row) {
    return (
      <section className="catalog-detail" aria-label="Tool">
        <p role="status">No tool in the catalog has the id “{toolId}”.</p>
      </section>
    );
  }
  const { tool, seen } = row;
  const facts = vendorFacts(tool.facts);
  return (
    <section className="catalog-detail" aria-labelledby="catalog-detail-name">
      <h2 id="catalog-detail-name">{tool.name}</h2>
      <p role="status" className={seen ? 'detected' : 'not-detected'}>
        {seen
          ? `Detected in this workspace: ${seen.reporters} ${seen.reporters === 1 ? 'person' : 'people'}, first seen ${formatDay(seen.firstSeen)}, last seen ${formatDay(seen.lastSeen)}.`
          : 'Not detected in this workspace yet.'}{' '}
        {seen && <a href={`#/inbox/${encodeURIComponent(tool.id)}`}>Open in the inbox</a>}
      </p>
      <dl>
        <dt>Vendor</dt>
        <dd>{tool.vendor}</dd>
        <dt>Category</dt>
        <dd>{CATEGORY_LABELS[tool.category]}</dd>
        <dt>Catalog</dt>
        <dd>{tool.source === 'workspace' ? 'This workspace’s own' : 'Built in'}</dd>
        <dt>Policy</dt>
        <dd>{status ?? 'Unreviewed'}</dd>
        <dt>Hosts</dt>
        <dd>{tool.hosts.length > 0 ? tool.hosts.join(', ') : '—'}</dd>
        <dt>API hosts</dt>
        <dd>{tool.apiHosts.length > 0 ? tool.apiHosts.join(', ') : '—'}</dd>
        <dt>Browser extensions</dt>
        <dd>{tool.extensionIds.length > 0 ? tool.extensionIds.join(', ') : '—'}</dd>
      </dl>
      <h3>Vendor facts</h3>
      {facts.length === 0 ? (
        <p className="muted">No vendor facts recorded for this tool yet.</p>
      ) : (
        <dl>
          {facts.map((fact) => (
            <div key={fact.label}>
              <dt>{fact.label}</dt>
              <dd>
                {fact.value}{' '}
                <a href={fact.source} rel="noreferrer noopener" target="_blank">
                  source
                </a>
                {fact.read ? ` (read ${fact.read})` : ''}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
