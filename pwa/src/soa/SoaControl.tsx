import { memo, useState } from 'react';
import type * as Y from 'yjs';
import {
  IMPLEMENTATION_STATES,
  MAX_JUSTIFICATION,
  saveSoaEntry,
  type ImplementationState,
  type SoaEntry,
  type SoaFields,
} from '../../../shared/documents/registry/index.ts';
import type { AnnexAControl } from '../../../shared/iso42001/index.ts';
import { CommitText } from './CommitText.tsx';
import { SoaLinks } from './SoaLinks.tsx';
import { fieldsOfEntry, IMPLEMENTATION_LABELS, withChange } from './soa-words.ts';
import type { Pickable } from './SoaPicker.tsx';
import { SoaPicker } from './SoaPicker.tsx';

interface Props {
  registry: Y.Doc;
  control: AnnexAControl;
  entry: SoaEntry | undefined;
  systems: readonly Pickable[];
  risks: readonly Pickable[];
  me: string;
  now: () => number;
}

const domId = (controlId: string) => `soa-${controlId.replaceAll('.', '-')}`;

/** One control, edited in place: each change is saved at once as a small patch of its entry. */
export const SoaControl = memo(function SoaControl({
  registry,
  control,
  entry,
  systems,
  risks,
  me,
  now,
}: Props) {
  // A change the writer refused (a "not applicable" still waiting for its justification) stays
  // on screen, unsaved, with the reason, until it is completed.
  const [pending, setPending] = useState<Partial<SoaFields>>();
  const [error, setError] = useState<string>();
  const shown = withChange(fieldsOfEntry(entry), pending ?? {});
  const id = domId(control.id);

  function save(change: Partial<SoaFields>, keepIfRefused = true): boolean {
    try {
      saveSoaEntry(registry, control.id, withChange(shown, change), me, now());
    } catch (failure) {
      setError(`Not saved: ${failure instanceof Error ? failure.message : String(failure)}.`);
      if (keepIfRefused) setPending({ ...pending, ...change });
      return false;
    }
    setPending(undefined);
    setError(undefined);
    return true;
  }

  const decided = entry !== undefined || pending?.applicable !== undefined;
  const needsJustification = !shown.applicable && !shown.justification;
  return (
    <div className="soa-control-fields">
      <label>
        Applicable
        <select
          value={decided ? (shown.applicable ? 'yes' : 'no') : ''}
          onChange={(event) => save({ applicable: event.target.value === 'yes' })}
        >
          {!decided && <option value="">Undecided</option>}
          <option value="yes">Applicable</option>
          <option value="no">Not applicable</option>
        </select>
      </label>
      <label>
        Implementation
        <select
          value={shown.implementation}
          disabled={!decided}
          onChange={(event) => save({ implementation: event.target.value as ImplementationState })}
        >
          {IMPLEMENTATION_STATES.map((state) => (
            <option key={state} value={state}>
              {IMPLEMENTATION_LABELS[state]}
            </option>
          ))}
        </select>
      </label>
      <CommitText
        key={`owner:${entry?.owner ?? ''}`}
        label="Owner"
        value={shown.owner ?? ''}
        maxLength={200}
        onCommit={(owner) => save({ owner }, false)}
      />
      <CommitText
        key={`why:${entry?.justification ?? ''}`}
        label={shown.applicable ? 'Justification' : 'Justification (required)'}
        value={shown.justification ?? ''}
        multiline
        maxLength={MAX_JUSTIFICATION}
        invalid={decided && needsJustification}
        onCommit={(justification) => save({ justification })}
      />
      {error && (
        <p role="alert" className="error soa-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <SoaLinks
        label={`Evidence for ${control.id}`}
        links={shown.evidence}
        disabled={!decided}
        onChange={(evidence) => save({ evidence }, false)}
      />
      <div className="soa-picks">
        <SoaPicker
          label="Systems"
          items={systems}
          chosen={shown.systems}
          disabled={!decided}
          onChange={(list) => save({ systems: list }, false)}
        />
        <SoaPicker
          label="Risks"
          items={risks}
          chosen={shown.risks}
          disabled={!decided}
          onChange={(list) => save({ risks: list }, false)}
        />
      </div>
    </div>
  );
});
