import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { memo, useEffect, useMemo } from 'react';
import { PHONE, useMediaQuery } from '../../ui/use-media-query.ts';
import { useVirtualRows } from '../../virtual/virtual-rows.ts';
import { formatDay } from '../classification-words.ts';
import { lifecycleLabel, type InventoryRow, type Sort, type SortColumn } from './inventory-rows.ts';
import { recordHref } from './record-href.ts';

/** Every row is one line of this height, so the virtualizer never has to measure. */
export const ROW_HEIGHT = 36;
/** On a phone each record is a card of this height (inventory-list.css, same number). */
export const CARD_HEIGHT = 96;

const dash = (text: string) => text || '—';
const COLUMNS: ColumnDef<InventoryRow>[] = [
  {
    id: 'name',
    header: 'Name',
    cell: ({ row }) => <a href={recordHref(row.original.id)}>{row.original.name}</a>,
  },
  { id: 'vendor', header: 'Vendor', cell: ({ row }) => dash(row.original.vendor) },
  { id: 'category', header: 'Category', cell: ({ row }) => dash(row.original.category) },
  {
    id: 'lifecycle',
    header: 'Lifecycle',
    cell: ({ row }) => dash(row.original.lifecycle && lifecycleLabel(row.original.lifecycle)),
  },
  { id: 'owner', header: 'Owner', cell: ({ row }) => dash(row.original.owner) },
  { id: 'departments', header: 'Departments', cell: ({ row }) => dash(row.original.departments) },
  { id: 'users', header: 'Users', cell: ({ row }) => row.original.users ?? '—' },
  { id: 'tier', header: 'Tier', cell: ({ row }) => dash(row.original.tier) },
  { id: 'euAiAct', header: 'EU AI Act', cell: ({ row }) => dash(row.original.euAiAct) },
  {
    id: 'updated',
    header: 'Last changed',
    cell: ({ row }) => {
      const day = formatDay(row.original.updatedAt);
      return <time dateTime={day}>{day}</time>;
    },
  },
];

/** A cell's whole text, shown on hover where a narrow column cuts it short. */
function cellTitle(column: string, row: InventoryRow): string | undefined {
  const text: Record<string, string> = {
    name: row.name,
    vendor: row.vendor,
    category: row.category,
    owner: row.owner,
    departments: row.departments,
    euAiAct: row.euAiAct,
  };
  return text[column] || undefined;
}

interface Props {
  rows: readonly InventoryRow[];
  sort: Sort;
  onSort(sort: Sort): void;
  /** Opens a record (a click anywhere on its row; the name is also a link). */
  onOpen(id: string): void;
}

/**
 * The inventory as a table that renders only the rows in view (5,000 records stay fast). Headers
 * are buttons that sort; the order itself is computed by the caller, once per change of sort.
 */
export const InventoryTable = memo(function InventoryTable({ rows, sort, onSort, onOpen }: Props) {
  const phone = useMediaQuery(PHONE);
  const { scroller, virtualizer } = useVirtualRows(rows.length, phone ? CARD_HEIGHT : ROW_HEIGHT);
  useEffect(() => virtualizer.measure(), [phone, virtualizer]);
  const items = virtualizer.getVirtualItems();
  // The table model gets only the rows in view: building row models for all 5,000 rows on
  // every keystroke was the largest cost of a repaint.
  const first = items[0]?.index ?? 0;
  const end = (items.at(-1)?.index ?? -1) + 1;
  const visible = useMemo(() => rows.slice(first, end), [rows, first, end]);
  const sorting: SortingState = useMemo(
    () => [{ id: sort.column, desc: sort.descending }],
    [sort.column, sort.descending],
  );
  const table = useReactTable({
    data: visible,
    columns: COLUMNS,
    state: { sorting },
    manualSorting: true,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
  });
  const tableRows = table.getRowModel().rows;

  return (
    <div className="inventory-scroll" ref={scroller}>
      <table
        className="inventory-table"
        role="table"
        aria-label="AI inventory"
        aria-rowcount={rows.length + 1}
      >
        <thead role="rowgroup">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} role="row" aria-rowindex={1}>
              {group.headers.map((header) => {
                const column = header.column.id as SortColumn;
                const active = sort.column === column;
                return (
                  <th
                    key={header.id}
                    role="columnheader"
                    scope="col"
                    aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() =>
                        onSort({ column, descending: active ? !sort.descending : false })
                      }
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span aria-hidden="true" className="sort-mark">
                        {active ? (sort.descending ? '▼' : '▲') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = tableRows[item.index - first];
            if (!row) return null;
            return (
              <tr
                key={row.id}
                role="row"
                data-record-id={row.id}
                aria-rowindex={item.index + 2}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={(event) => {
                  // The link handles its own click (and a middle or modified click).
                  if (!(event.target as Element).closest('a')) onOpen(row.id);
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    role="cell"
                    title={cellTitle(cell.column.id, row.original)}
                    data-column={cell.column.id}
                    data-label={String(cell.column.columnDef.header)}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
