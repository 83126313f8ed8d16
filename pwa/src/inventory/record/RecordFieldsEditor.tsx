import type * as Y from 'yjs';
import { CATEGORIES, CATEGORY_LABELS } from '../../../../shared/catalog/schema.ts';
import {
  LIFECYCLES,
  fieldLabel,
  readRegistryRecord,
  resolveField,
  updateRecord,
  type RecordFields,
  type RecordPatch,
  type RegistryRecord,
} from '../../../../shared/documents/registry/index.ts';
import { DATA_CATEGORIES, isToolKey } from '../../../../shared/documents/schema/values.ts';
import { ConflictChoice } from './ConflictChoice.tsx';
import { CheckboxSet, ChipSet, SelectField, TextField, type Save } from './field-controls.tsx';
import { LIFECYCLE_LABELS } from './record-words.ts';

interface Props {
  record: RegistryRecord;
  registry: Y.Doc;
  me: string;
  now: () => number;
}

const CATEGORY_OPTIONS = CATEGORIES.map((id) => [id, CATEGORY_LABELS[id]] as const);
const LIFECYCLE_OPTIONS = LIFECYCLES.map((id) => [id, LIFECYCLE_LABELS[id]] as const);
const DATA_OPTIONS = DATA_CATEGORIES.map((id) => [id, id.replace('-', ' ')] as const);

type SetField = 'departments' | 'dataCategories' | 'toolKeys';

/**
 * Every field of a record, for a lead. Each control saves a patch of its own field only, so two
 * leads editing different fields at once both keep their change; sets are changed item by item
 * from the document's current state, so concurrent additions merge.
 */
export function RecordFieldsEditor({ record, registry, me, now }: Props) {
  const save = (patch: RecordPatch): string | undefined => {
    try {
      updateRecord(registry, record.id, patch, me, now());
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
  const text =
    (name: 'name' | 'vendor' | 'purpose' | 'owner' | 'model' | 'provider'): Save<string> =>
    (value) => {
      const trimmed = value.trim();
      if (name === 'name' && trimmed === '') return 'A record needs a name.';
      return save({ [name]: trimmed === '' ? null : trimmed });
    };
  const count: Save<string> = (value) => {
    const trimmed = value.trim();
    if (trimmed === '') return save({ userCount: null });
    if (!/^\d{1,15}$/.test(trimmed)) return 'Enter a whole number of people.';
    return save({ userCount: Number(trimmed) });
  };
  // From the document as it is now, not as last rendered: a remote addition is kept.
  const changeSet = (field: SetField, item: string, on: boolean) => {
    if (field === 'toolKeys' && on && !isToolKey(item)) {
      return 'A detection is a catalog tool id (openai-chatgpt) or host:<hostname>.';
    }
    const current = readRegistryRecord(registry, record.id)?.[field] ?? [];
    const next = on ? [...current, item] : current.filter((i: string) => i !== item);
    return save({ [field]: next });
  };
  const conflicts = Object.entries(record.conflicts ?? {}) as Array<
    [keyof RecordFields, unknown[]]
  >;
  const choose = (field: keyof RecordFields) => (value: string | number | null) => {
    try {
      resolveField(registry, record.id, field, value, me, now());
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
  return (
    <section aria-labelledby="record-fields-heading" className="record-editor">
      <h2 id="record-fields-heading">Record</h2>
      {conflicts.map(([field, values]) => (
        <ConflictChoice
          key={field}
          label={fieldLabel(field)}
          field={field}
          values={values}
          onChoose={choose(field)}
        />
      ))}
      <div className="record-editor-grid">
        <TextField label="Name" value={record.name} onSave={text('name')} />
        <TextField label="Vendor" value={record.vendor} onSave={text('vendor')} />
        <SelectField
          label="Category"
          value={record.category}
          options={CATEGORY_OPTIONS}
          onSave={(category) => save({ category })}
        />
        <SelectField
          label="Lifecycle"
          value={record.lifecycle}
          options={LIFECYCLE_OPTIONS}
          onSave={(lifecycle) => save({ lifecycle })}
        />
        <TextField label="Business owner" value={record.owner} onSave={text('owner')} person />
        <TextField
          label="Number of users"
          value={record.userCount?.toString()}
          onSave={count}
          numeric
        />
        <TextField label="Model" value={record.model} onSave={text('model')} />
        <TextField label="Provider" value={record.provider} onSave={text('provider')} />
      </div>
      <TextField label="Purpose" value={record.purpose} onSave={text('purpose')} multiline />
      <ChipSet
        legend="Departments"
        noun="department"
        items={record.departments}
        onAdd={(item) => changeSet('departments', item, true)}
        onRemove={(item) => changeSet('departments', item, false)}
      />
      <CheckboxSet
        legend="Data categories"
        options={DATA_OPTIONS}
        checked={record.dataCategories}
        onToggle={(item, on) => changeSet('dataCategories', item, on)}
      />
      <ChipSet
        legend="Detections"
        noun="detection"
        items={record.toolKeys}
        onAdd={(item) => changeSet('toolKeys', item, true)}
        onRemove={(item) => changeSet('toolKeys', item, false)}
      />
    </section>
  );
}
