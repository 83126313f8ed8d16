import { useId } from 'react';
import { SECTION_CONDITIONS, type SectionCondition } from '../../../shared/assessments/index.ts';
import { ANNEX_A_CONTROLS } from '../../../shared/iso42001/index.ts';
import type { DraftSection } from './template-draft.ts';

interface Props {
  section: DraftSection;
  index: number;
  count: number;
  readOnly: boolean;
  /** Problems for this section's fields, by field name (`title`, `guidance`, …). */
  problems: (field: string) => string[];
  onChange(next: DraftSection): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

const CONDITION_LABELS: Record<SectionCondition, string> = {
  always: 'Always',
  'fria-required': 'Only when a fundamental-rights impact assessment is required',
};

function Problems({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="template-problems">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/** One section of a template being edited: its fields, and moving or removing it. */
export function SectionFields(props: Props) {
  const { section, index, count, readOnly, problems, onChange } = props;
  const base = useId();
  const name = section.title.trim() || `section ${index + 1}`;
  const field = (key: string) => {
    const messages = problems(key);
    return {
      id: `${base}-${key}-problems`,
      messages,
      describedBy: messages.length ? `${base}-${key}-problems` : undefined,
    };
  };
  const title = field('title');
  const guidance = field('guidance');
  const references = field('references');
  const controls = field('controls');
  const other = [...problems('id'), ...problems('condition'), ...problems('prefill')];
  const chosen = new Set(section.controls);
  const toggle = (id: string, on: boolean) =>
    onChange({
      ...section,
      controls: ANNEX_A_CONTROLS.map((c) => c.id).filter((c) => (c === id ? on : chosen.has(c))),
    });

  return (
    <li className="template-section">
      <fieldset disabled={readOnly}>
        <legend>
          Section {index + 1}: {name}
        </legend>
        <Problems id={`${base}-other`} messages={other} />
        <label>
          Title
          <input
            value={section.title}
            aria-invalid={title.messages.length > 0 || undefined}
            aria-describedby={title.describedBy}
            onChange={(e) => onChange({ ...section, title: e.target.value })}
          />
        </label>
        <Problems id={title.id} messages={title.messages} />
        <label>
          Guidance
          <textarea
            rows={3}
            value={section.guidance}
            aria-invalid={guidance.messages.length > 0 || undefined}
            aria-describedby={guidance.describedBy}
            onChange={(e) => onChange({ ...section, guidance: e.target.value })}
          />
        </label>
        <Problems id={guidance.id} messages={guidance.messages} />
        <label>
          Condition
          <select
            value={section.condition}
            onChange={(e) =>
              onChange({ ...section, condition: e.target.value as SectionCondition })
            }
          >
            {SECTION_CONDITIONS.map((c) => (
              <option key={c} value={c}>
                {CONDITION_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          References (comma-separated, e.g. 6.1.4, A.5.4)
          <input
            value={section.references}
            aria-invalid={references.messages.length > 0 || undefined}
            aria-describedby={references.describedBy}
            onChange={(e) => onChange({ ...section, references: e.target.value })}
          />
        </label>
        <Problems id={references.id} messages={references.messages} />
        <details className="template-controls">
          <summary>Annex A controls ({section.controls.length} chosen)</summary>
          <div role="group" aria-label={`Annex A controls of ${name}`}>
            {ANNEX_A_CONTROLS.map((control) => (
              <label key={control.id} className="choice">
                <input
                  type="checkbox"
                  checked={chosen.has(control.id)}
                  onChange={(e) => toggle(control.id, e.target.checked)}
                />
                {control.id} {control.title}
              </label>
            ))}
          </div>
        </details>
        <Problems id={controls.id} messages={controls.messages} />
        <p className="muted">
          Pre-filled from:{' '}
          {section.prefill.filter((rule) => rule !== 'none').join(', ') || 'nothing (starts empty)'}
        </p>
        {!readOnly && (
          <div className="template-section-actions">
            <button
              type="button"
              aria-label={`Move ${name} up`}
              disabled={index === 0}
              onClick={() => props.onMove(-1)}
            >
              Move up
            </button>
            <button
              type="button"
              aria-label={`Move ${name} down`}
              disabled={index === count - 1}
              onClick={() => props.onMove(1)}
            >
              Move down
            </button>
            <button type="button" aria-label={`Remove ${name}`} onClick={props.onRemove}>
              Remove section
            </button>
          </div>
        )}
      </fieldset>
    </li>
  );
}
