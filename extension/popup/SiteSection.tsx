import type { SiteInfo } from '../background/messages.ts';
import { CATEGORY_LABELS } from '../../shared/catalog/schema.ts';
import { STATUS_WORDS } from '../ui/labels.ts';

export type SiteState =
  { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'ready'; site: SiteInfo };

/** "This site": the tool in the current tab and what the workspace says about it. */
export function SiteSection({ state }: { state: SiteState }) {
  if (state.kind === 'ready' && state.site.host === undefined) return null;
  return (
    <section className="card" aria-labelledby="this-site">
      <h2 id="this-site" className="section-title">
        This site
      </h2>
      <SiteBody state={state} />
    </section>
  );
}

function SiteBody({ state }: { state: SiteState }) {
  if (state.kind === 'loading') return <p className="muted">Checking this site…</p>;
  if (state.kind === 'failed') {
    return <p role="alert">Could not check this site: {state.error}</p>;
  }
  const { host, tool, status } = state.site;
  if (!tool) {
    return (
      <p data-testid="site-tool">
        <span className="host">{host}</span>
        <br />
        Not a known AI tool.
      </p>
    );
  }
  const value = status?.status ?? 'unreviewed';
  const words = STATUS_WORDS[value];
  return (
    <>
      <p data-testid="site-tool" className="tool">
        <strong>{tool.name}</strong> <span className="muted">by {tool.vendor}</span>
        <br />
        <span className="muted">
          {CATEGORY_LABELS[tool.category]} · <span className="host">{host}</span>
        </span>
      </p>
      <div className={`status status-${value}`} data-testid="site-status" data-status={value}>
        <p className="status-title">
          <span className="status-icon" aria-hidden="true">
            {words.icon}
          </span>
          {words.title}
        </p>
        {status?.guidance && <p className="guidance">{status.guidance}</p>}
        {value === 'banned' && status?.alternative && (
          <p>
            Use instead: <strong>{status.alternative}</strong>
          </p>
        )}
        {value === 'restricted' && status?.alternative && (
          <p>Approved alternative: {status.alternative}</p>
        )}
      </div>
    </>
  );
}
