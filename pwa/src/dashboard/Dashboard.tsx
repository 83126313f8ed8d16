import type * as Y from 'yjs';

export interface DashboardProps {
  registry: Y.Doc | undefined;
  discoveries: Y.Doc | undefined;
  policy: Y.Doc | undefined;
  now?: () => number;
}

/** The workspace at a glance. Loaded lazily: its charting library stays out of the first load. */
export function Dashboard(_props: DashboardProps) {
  return (
    <div className="prose">
      <h1>Dashboard</h1>
    </div>
  );
}
