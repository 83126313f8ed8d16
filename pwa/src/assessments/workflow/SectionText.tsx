import type {
  Block,
  SectionComparison,
  SectionText,
} from '../../../../shared/documents/assessment/index.ts';

/** A version's text and its comparisons, as plain React text: never parsed as HTML. */

function blockPrefix(block: Block): string {
  if (block.type === 'bullet') return `${'  '.repeat((block.depth ?? 1) - 1)}• `;
  if (block.type === 'ordered') return `${'  '.repeat((block.depth ?? 1) - 1)}– `;
  if (block.type === 'quote') return '> ';
  return '';
}

function BlockLine({ block }: { block: Block }) {
  const className = `workflow-block block-${block.type}`;
  return (
    <p className={className}>
      {blockPrefix(block)}
      {block.text}
    </p>
  );
}

export function SectionsText({ sections }: { sections: readonly SectionText[] }) {
  return (
    <div className="workflow-text">
      {sections.map((section, index) => (
        <section key={section.id}>
          <h3>
            {index + 1}. {section.title}
          </h3>
          {section.blocks.length === 0 ? (
            <p className="workflow-muted">(empty)</p>
          ) : (
            section.blocks.map((block, i) => <BlockLine key={i} block={block} />)
          )}
        </section>
      ))}
    </div>
  );
}

const KIND_WORDS = { added: 'Added', removed: 'Removed', same: '' } as const;

export function SectionsComparison({ comparison }: { comparison: readonly SectionComparison[] }) {
  const changed = comparison.filter((section) => section.changed);
  return (
    <div className="workflow-text">
      <p>
        {changed.length === 0
          ? 'No section changed.'
          : `${changed.length} of ${comparison.length} sections changed.`}
      </p>
      {changed.map((section) => (
        <section key={section.id} aria-label={`Changes in ${section.title}`}>
          <h3>{section.title}</h3>
          <ul className="workflow-changes">
            {section.changes.map((change, i) =>
              change.kind === 'same' ? (
                <li key={i} className="change-same">
                  {change.block.text}
                </li>
              ) : (
                <li key={i} className={`change-${change.kind}`}>
                  <strong>{KIND_WORDS[change.kind]}: </strong>
                  {change.kind === 'added' ? (
                    <ins>{change.block.text}</ins>
                  ) : (
                    <del>{change.block.text}</del>
                  )}
                </li>
              ),
            )}
          </ul>
        </section>
      ))}
    </div>
  );
}
