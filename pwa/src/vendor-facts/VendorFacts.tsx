import { builtInCatalog } from '../../../shared/catalog/catalog.ts';
import { FACT_PLANS, FACT_TOPICS } from '../../../shared/catalog/vendor-facts/schema.ts';
import { vendorFactsOf, type FactCell } from '../../../shared/catalog/vendor-facts/vendor-facts.ts';
import {
  FACT_PLAN_LABELS,
  FACT_TOPIC_LABELS,
  UNKNOWN,
  cellWords,
} from '../../../shared/catalog/vendor-facts/words.ts';
import './vendor-facts.css';

interface Props {
  /** Detection tool keys: catalog tool ids (a likely host's `host:` key has no facts). */
  toolKeys: readonly string[];
  /** Heading level inside the surrounding page. */
  level?: 2 | 3;
}

const nameOf = (id: string) => builtInCatalog().find((tool) => tool.id === id)?.name ?? id;

function Cell({ cell }: { cell: FactCell }) {
  if (cell === 'unknown') return <span className="vendor-fact-unknown">{UNKNOWN}</span>;
  return (
    <>
      <span>{cellWords(cell)}</span>{' '}
      <a
        href={cell.source}
        target="_blank"
        rel="noreferrer noopener"
        title={`“${cell.quote}”`}
        className="vendor-fact-source"
      >
        vendor’s page, read {cell.read}
      </a>
    </>
  );
}

/**
 * What the vendor says about customer data (docs/catalog.md, "Vendor facts"), per plan: each fact
 * with the vendor's page and the day it was read, "unknown" otherwise. Read through
 * vendorFactsOf, the accessor every screen and export shares.
 */
export function VendorFacts({ toolKeys, level = 3 }: Props) {
  const Heading = `h${level}` as const;
  const sheets = toolKeys.filter((key) => !key.includes(':')).map(vendorFactsOf);
  const known = sheets.filter((sheet) => sheet.known > 0);
  return (
    <section className="vendor-facts" aria-label="Vendor facts">
      <Heading>What the vendor says</Heading>
      {known.length === 0 ? (
        <p className="muted">
          Unknown: nobody has read this vendor’s pages for the catalog yet. Check its privacy and
          data-use terms before approving it.
        </p>
      ) : (
        known.map((sheet) => (
          <div key={sheet.toolId} className="vendor-facts-tool">
            {known.length > 1 && <p className="vendor-facts-name">{nameOf(sheet.toolId)}</p>}
            <dl>
              {FACT_TOPICS.map((topic) => (
                <div key={topic}>
                  <dt>{FACT_TOPIC_LABELS[topic]}</dt>
                  <dd>
                    <ul>
                      {FACT_PLANS.map((plan) => (
                        <li key={plan}>
                          {FACT_PLAN_LABELS[plan]}: <Cell cell={sheet.cells[topic][plan]} />
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))
      )}
    </section>
  );
}
