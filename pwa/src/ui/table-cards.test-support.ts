/**
 * What a `.table-cards` table would lose as cards on a phone, one line each: a body cell without
 * its column's name (`data-label`, shown before the value, components.css), or with another
 * column's. The row's own header cell (`th scope="row"`) is the card's title and needs none;
 * `unlabelled` names columns whose cells speak for themselves (buttons).
 */
export function cardLabelProblems(
  table: HTMLTableElement | null,
  unlabelled: readonly string[] = [],
): string[] {
  if (!table) return ['no table'];
  if (!table.classList.contains('table-cards')) return ['not a .table-cards table'];
  const columns = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
  const problems: string[] = [];
  table.querySelectorAll('tbody tr').forEach((row, r) => {
    [...row.children].forEach((cell, c) => {
      const column = columns[c] ?? `column ${c + 1}`;
      if (cell.matches('th[scope="row"]') || unlabelled.includes(column)) return;
      const label = cell.getAttribute('data-label');
      if (label !== column) problems.push(`row ${r + 1} ${column}: labelled ${label}`);
    });
  });
  return problems;
}
