import { useEffect } from 'react';
import { STATUS_LABELS } from '../policy/status-words.ts';
import { useVirtualRows } from '../virtual/virtual-rows.ts';
import { formatDay, type InboxRow } from './inbox-rows.ts';

/** A row without a flag summary; rows with one are measured on screen. */
const ROW_ESTIMATE = 37;

interface Props {
  rows: InboxRow[];
  selected: string | undefined;
  onSelect(toolKey: string, open: boolean): void;
  /** The ticked rows, when this person may act on a selection (undefined: no checkboxes). */
  checked?: ReadonlySet<string> | undefined;
  onCheck?(toolKey: string): void;
  onCheckAll?(all: boolean): void;
  /** True for a tool first seen after this device's last look. */
  unseen?(row: InboxRow): boolean;
  /** The row's triage state in words ("New", "Dismissed", "Snoozed until …"). */
  triageText(row: InboxRow): string;
}

/**
 * The discoveries, one row per tool, rendered only while in view: a workspace has tens of
 * thousands, and laying them all out would take seconds. Every value is rendered as text.
 */
export function InboxTable(props: Props) {
  const { rows, selected, onSelect, triageText, checked, unseen } = props;
  const allChecked = rows.length > 0 && rows.every((row) => checked?.has(row.toolKey));
  const { scroller, virtualizer } = useVirtualRows(rows.length, ROW_ESTIMATE, true);
  const selectedIndex = selected === undefined ? -1 : rows.findIndex((r) => r.toolKey === selected);
  useEffect(() => {
    if (selectedIndex < 0) return;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    // The list's box may itself reach below the window's fold: bring the row into the window too,
    // once the virtualizer has rendered it.
    const frame = requestAnimationFrame(() =>
      scroller.current
        ?.querySelector(`tr[data-index="${selectedIndex}"]`)
        ?.scrollIntoView({ block: 'nearest' }),
    );
    return () => cancelAnimationFrame(frame);
  }, [selectedIndex, virtualizer, scroller]);
  return (
    <div className="inbox-scroll" ref={scroller}>
      <table
        className={checked ? 'inbox-table with-checks' : 'inbox-table'}
        aria-label="Discoveries"
        aria-rowcount={rows.length + 1}
      >
        <thead>
          <tr aria-rowindex={1}>
            {checked && (
              <th scope="col" className="check">
                <input
                  type="checkbox"
                  aria-label="Select all visible"
                  checked={allChecked}
                  onChange={(event) => props.onCheckAll?.(event.target.checked)}
                />
              </th>
            )}
            <th scope="col">Tool</th>
            <th scope="col">Category</th>
            <th scope="col">People</th>
            <th scope="col" className="col-first-seen">
              First seen
            </th>
            <th scope="col">Last seen</th>
            <th scope="col" className="col-how-found">
              How found
            </th>
            <th scope="col">Triage</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const isSelected = row.toolKey === selected;
            const isChecked = checked?.has(row.toolKey) ?? false;
            const classes = [isSelected && 'selected', isChecked && 'checked'].filter(Boolean);
            return (
              <tr
                key={row.toolKey}
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                className={classes.join(' ') || undefined}
                data-tool-key={row.toolKey}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => onSelect(row.toolKey, true)}
              >
                {checked && (
                  <td className="check" onClick={(event) => event.stopPropagation()}>
                    <input
                      type="checkbox"
                      aria-label={`Select ${row.name}`}
                      checked={isChecked}
                      onChange={() => props.onCheck?.(row.toolKey)}
                    />
                  </td>
                )}
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    onClick={(event) => {
                      event.stopPropagation();
                      onSelect(row.toolKey, true);
                    }}
                  >
                    {row.name}
                  </button>
                  {unseen?.(row) && <span className="unseen-mark">new since last look</span>}
                  {row.purposes.length + row.dataKinds.length > 0 && (
                    <div className="flag-summary">
                      {row.purposes.length > 0 && <span>For: {row.purposes.join('; ')}</span>}
                      {row.dataKinds.length > 0 && <span>Data: {row.dataKinds.join(', ')}</span>}
                    </div>
                  )}
                </th>
                <td data-label="Category">{row.category}</td>
                <td className="number" data-label="People">
                  {row.reporters}
                </td>
                <td className="col-first-seen" data-label="First seen">
                  <time dateTime={formatDay(row.firstSeen)}>{formatDay(row.firstSeen)}</time>
                </td>
                <td data-label="Last seen">
                  <time dateTime={formatDay(row.lastSeen)}>{formatDay(row.lastSeen)}</time>
                </td>
                <td className="col-how-found" data-label="How found">
                  {row.howFound.join(', ')}
                </td>
                <td>
                  <span className={`triage-state ${row.triage?.state ?? 'new'}`}>
                    {triageText(row)}
                  </span>
                </td>
                <td>
                  <span className={`tool-status ${row.status}`}>{STATUS_LABELS[row.status]}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
