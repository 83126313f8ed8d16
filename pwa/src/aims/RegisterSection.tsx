import type { ReactNode } from 'react';
import type {
  AimsEntry,
  AimsRegisterContent,
  FieldSpec,
  FieldValue,
  RegisterSpec,
} from '../../../shared/documents/aims/index.ts';
import { valueText } from '../../../shared/documents/aims/index.ts';
import { optionWords } from './aims-words.ts';
import type { LinkOptions } from './link-options.ts';

interface Props {
  register: RegisterSpec;
  content: AimsRegisterContent;
  links: LinkOptions;
  canEdit: boolean;
  onAdd(): void;
  onEdit(entry: AimsEntry): void;
  onRemove(entry: AimsEntry): void;
  onExportCsv(): void;
  /** Says more about an entry (an overdue action), beside its title. */
  badge?: (entry: AimsEntry) => string | undefined;
  /** Shown under the entries (what is still to decide). */
  footer?: ReactNode;
  /** Shown inside an entry's card, under its fields (an audit's checklist, a review's inputs). */
  extra?: (entry: AimsEntry) => ReactNode;
  /** An entry nobody edits or removes (an approved management review). */
  locked?: (entry: AimsEntry) => boolean;
}

/** A field's value in words, with linked ids spelled out by name (an unknown id shows as itself). */
function shown(field: FieldSpec, value: FieldValue | undefined, links: LinkOptions): string {
  if (field.kind === 'ids' && Array.isArray(value)) {
    const names = new Map(links[field.of].map((option) => [option.id, option.name]));
    return value.map((id) => names.get(id) ?? id).join('; ');
  }
  if (field.kind === 'enum' && typeof value === 'string') return optionWords(value);
  return valueText(field, value);
}

/** One register of the management system: its entries as cards, which fit a phone and a desk. */
export function RegisterSection(props: Props) {
  const { register, content, links, canEdit } = props;
  const headingId = `aims-${register.id}-heading`;
  const single = register.singleEntry !== undefined;
  const count = content.entries.length;
  return (
    <section id={`aims-${register.id}`} aria-labelledby={headingId} className="aims-section">
      <div className="aims-section-head">
        <h2 id={headingId}>
          <span className="aims-clause">{register.clause}</span> {register.title}
        </h2>
        <div className="aims-actions">
          {!single && (
            <span className="muted small">
              {count} {count === 1 ? 'entry' : 'entries'}
            </span>
          )}
          <button
            type="button"
            onClick={props.onExportCsv}
            aria-label={`Export CSV of ${register.title}`}
          >
            Export CSV
          </button>
          {canEdit && (!single || count === 0) && (
            <button type="button" className="primary" onClick={props.onAdd}>
              {single ? `Write the ${register.noun}` : `New ${register.noun}`}
            </button>
          )}
        </div>
      </div>
      {count === 0 && <p className="muted">Nothing recorded yet.</p>}
      <ul className="aims-entries">
        {content.entries.map((entry) => {
          const label = String(entry.values[register.labelField] ?? entry.id);
          const badge = props.badge?.(entry);
          return (
            <li key={entry.id} className="aims-entry">
              <div className="aims-entry-head">
                <h3>{single ? register.title : label}</h3>
                {badge && <span className="aims-badge">{badge}</span>}
                {canEdit && !props.locked?.(entry) && (
                  <span className="aims-entry-actions">
                    <button
                      type="button"
                      onClick={() => props.onEdit(entry)}
                      aria-label={`Edit ${register.noun}: ${label}`}
                    >
                      Edit
                    </button>
                    {!single && (
                      <button
                        type="button"
                        onClick={() => props.onRemove(entry)}
                        aria-label={`Remove ${register.noun}: ${label}`}
                      >
                        Remove
                      </button>
                    )}
                  </span>
                )}
              </div>
              <dl>
                {register.fields
                  .filter((field) => single || field.key !== register.labelField)
                  .map((field) => {
                    const text = shown(field, entry.values[field.key], links);
                    if (text === '') return null;
                    return (
                      <div key={field.key}>
                        <dt>{field.label}</dt>
                        <dd>{text}</dd>
                      </div>
                    );
                  })}
              </dl>
              {props.extra?.(entry)}
              <p className="muted small">
                Changed by {entry.updatedBy || 'unknown'}
                {entry.updatedAt > 0 && ` on ${new Date(entry.updatedAt).toLocaleDateString()}`}
              </p>
            </li>
          );
        })}
      </ul>
      {props.footer}
      {content.problems.length > 0 && (
        <p className="muted small">
          {content.problems.length} unreadable{' '}
          {content.problems.length === 1 ? 'value was' : 'values were'} left out.
        </p>
      )}
    </section>
  );
}
