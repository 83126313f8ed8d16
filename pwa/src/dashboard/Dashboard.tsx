import { useMemo } from 'react';
import type * as Y from 'yjs';
import { DEFAULT_TIER_SCHEME } from '../../../shared/classification/tiers.ts';
import {
  readTierScheme,
  type WorkspaceTierScheme,
} from '../../../shared/documents/registry/tier-scheme.ts';
import { AimsDashboard } from '../aims/AimsDashboard.tsx';
import { useNetworkLog } from '../imports/use-network-log.ts';
import { inventoryHref, NONE } from '../inventory/list/list-query.ts';
import { formatDay } from '../inbox/inbox-rows.ts';
import { useDiscoveries, usePolicy, useRegistry } from '../sync/documents.ts';
import { useDocument } from '../sync/use-document.ts';
import { RunningClocks } from '../incidents/RunningClocks.tsx';
import { MonitoringAlerts } from '../monitoring/MonitoringAlerts.tsx';
import { CountChart } from './CountChart.tsx';
import { DutiesDue } from './DutiesDue.tsx';
import { SupplierRenewalsDue } from '../suppliers/SupplierRenewalsDue.tsx';
import { ReviewsDue } from './ReviewsDue.tsx';
import { RiskHeatMap } from './RiskHeatMap.tsx';
import { dashboardFigures, type DashboardFigures } from './dashboard-figures.ts';
import './dashboard.css';

export interface DashboardProps {
  registry: Y.Doc | undefined;
  discoveries: Y.Doc | undefined;
  policy: Y.Doc | undefined;
  now?: () => number;
}

const DEFAULT_SCHEME: WorkspaceTierScheme = {
  scheme: DEFAULT_TIER_SCHEME,
  isDefault: true,
  removed: [],
  problems: [],
};

const count = (n: number) => n.toLocaleString('en');

/** The workspace at a glance. Loaded lazily: its charting library stays out of the first load. */
export function Dashboard({ registry, discoveries, policy, now = Date.now }: DashboardProps) {
  const { records, triage } = useRegistry(registry);
  const { tools, activity } = useDiscoveries(discoveries);
  const { statuses } = usePolicy(policy);
  const { tools: networkLog } = useNetworkLog(registry);
  const tierScheme = useDocument(registry, readTierScheme, DEFAULT_SCHEME);
  // Recomputed when a document changes (the dashboard is not a clock).
  const figures = useMemo(() => {
    return dashboardFigures({
      records: records.values(),
      triage,
      discoveries: tools,
      networkLog,
      statuses,
      tiers: tierScheme.scheme.tiers,
      removedTiers: tierScheme.removed,
      ...(activity ? { activity } : {}),
      now: now(),
    });
  }, [records, triage, tools, networkLog, statuses, tierScheme, activity, now]);

  return (
    <div className="dashboard">
      <h1>Dashboard</h1>
      <Totals figures={figures} />
      <div className="chart-grid">
        <CountChart
          id="by-tier"
          title="Records by tier"
          labelHeading="Tier"
          // Every tier of the scheme, empty ones too: "no Tier 1 systems" is worth seeing.
          rows={figures.byTier}
          href={(row) => inventoryHref({ tier: row.key || NONE })}
          layout="horizontal-bars"
          empty="No records yet."
        />
        <CountChart
          id="tools-by-status"
          title="Tools by policy status"
          labelHeading="Status"
          // Every tool once, whether or not a record was made of it: what the policy says.
          rows={figures.toolsByStatus}
          layout="horizontal-bars"
          empty="No tools yet."
        />
        <CountChart
          id="by-status"
          title="Records by their strictest tool’s policy status"
          labelHeading="Status"
          rows={figures.byStatus}
          layout="horizontal-bars"
          empty="No records yet."
        />
        <CountChart
          id="by-category"
          title="Records by category"
          labelHeading="Category"
          rows={figures.byCategory}
          href={(row) => inventoryHref({ category: row.key || NONE })}
          layout="horizontal-bars"
          empty="No records yet."
        />
        <CountChart
          id="over-time"
          title="Discoveries by the week first seen"
          labelHeading="Week"
          rows={figures.discoveriesByWeek}
          layout="columns"
          tick={(label) => label.replace('Week of ', '').slice(5)}
          empty="Nothing first seen in the last 12 weeks."
        />
      </div>
      {figures.earlierDiscoveries > 0 && (
        <p className="muted">
          {count(figures.earlierDiscoveries)} more{' '}
          {figures.earlierDiscoveries === 1 ? 'discovery was' : 'discoveries were'} first seen
          before these 12 weeks.
        </p>
      )}
      <ReviewsDue registry={registry} now={now} />
      <DutiesDue registry={registry} now={now} />
      <RunningClocks registry={registry} now={now} />
      <MonitoringAlerts registry={registry} />
      <RiskHeatMap registry={registry} />
      <AimsDashboard registry={registry} now={now} />
      <SupplierRenewalsDue registry={registry} now={now} />
      <OldestUntriaged figures={figures} />
    </div>
  );
}

function Totals({ figures }: { figures: DashboardFigures }) {
  const { totals, activity } = figures;
  return (
    <dl className="dashboard-totals">
      <div>
        <dt>Records</dt>
        <dd>{count(totals.records)}</dd>
      </div>
      <div>
        <dt>Discoveries</dt>
        <dd>{count(totals.discoveries)}</dd>
      </div>
      <div>
        <dt>Waiting for triage</dt>
        <dd>{count(totals.untriaged)}</dd>
      </div>
      <div>
        <dt>Extensions active in the last 7 days</dt>
        {activity ? (
          <dd>
            {count(activity.reporters7d)}
            <span className="muted small">
              {' '}
              ({count(activity.reporters30d)} in 30 days; counted{' '}
              <time dateTime={new Date(activity.computedAt).toISOString()}>
                {formatDay(activity.computedAt)}
              </time>
              )
            </span>
          </dd>
        ) : (
          <dd className="muted small">Not counted yet: the relay counts them as reports arrive.</dd>
        )}
      </div>
    </dl>
  );
}

function OldestUntriaged({ figures }: { figures: DashboardFigures }) {
  const oldest = figures.oldestUntriaged;
  return (
    <section aria-labelledby="oldest-untriaged" className="oldest-untriaged">
      <h2 id="oldest-untriaged">Oldest untriaged discoveries</h2>
      {oldest.length === 0 ? (
        <p className="muted">Nothing is waiting: every discovery has been triaged.</p>
      ) : (
        <ol>
          {oldest.map((d) => (
            <li key={d.toolKey}>
              <a href={`#/inbox/${encodeURIComponent(d.toolKey)}`}>{d.name}</a>{' '}
              <span className="muted">
                first seen <time dateTime={formatDay(d.firstSeen)}>{formatDay(d.firstSeen)}</time>
                {', '}
                {d.reporters === 1 ? '1 person' : `${count(d.reporters)} people`}
                {d.howFound.length > 0 && `, ${d.howFound.join(', ')}`}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
