import { ObservationError, parseObservationBatch, type Observation } from './observations.ts';

/** Column headings a sheet of observations may use, folded (case, spaces, - and _ ignored). */
const COLUMNS: Record<string, string> = {
  metric: 'metric',
  value: 'value',
  subgroup: 'subgroup',
  at: 'at',
  time: 'at',
  modelversion: 'modelVersion',
  n: 'n',
};
const fold = (heading: string) => heading.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * A spreadsheet of observations (CSV or XLSX rows, the first the headings: metric, value, and
 * optionally subgroup, at, model version, n), checked exactly as the pipeline API checks a batch
 * (docs/sync.md MON3): all or nothing, the first fault named by its line in the file.
 */
export function observationsFromSheet(
  rows: readonly (readonly string[])[],
  planMetrics: ReadonlySet<string>,
  now: number,
): Observation[] {
  const [headings, ...body] = rows;
  if (!headings) throw new ObservationError('the file is empty');
  const fields = headings.map((heading) => {
    const field = COLUMNS[fold(heading)];
    if (!field)
      throw new ObservationError(
        `unknown column ${JSON.stringify(heading.slice(0, 40))} (use metric, value, subgroup, at, model version, n)`,
      );
    return field;
  });
  for (const needed of ['metric', 'value'])
    if (!fields.includes(needed)) throw new ObservationError(`the file has no ${needed} column`);
  const lines = body
    .map((cells, index) => ({ cells, line: index + 2 }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  const observations = lines.map(({ cells }) => {
    const observation: Record<string, unknown> = {};
    fields.forEach((field, column) => {
      const cell = (cells[column] ?? '').trim();
      if (cell === '') return;
      observation[field] = field === 'value' || field === 'n' ? Number(cell) : cell;
    });
    return observation;
  });
  try {
    return parseObservationBatch({ observations }, planMetrics, now);
  } catch (error) {
    const message = (error as Error).message;
    const at = /^observations\[(\d+)\]: /.exec(message);
    if (!at) throw error;
    throw new ObservationError(
      `line ${lines[Number(at[1])]!.line}: ${message.slice(at[0].length)}`,
    );
  }
}
