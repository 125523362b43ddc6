import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox } from '../../ui/combobox.tsx';
import type { Option } from '../../ui/field.tsx';
import { canEdit, useMe } from '../session/session.api.ts';
import {
  type Collection,
  type LinkKind,
  labelLinkItem,
  searchLinkOptions,
  useLinkLabels,
} from './registry.api.ts';

// The dialog holds a whole record form; loaded when first opened (and no import cycle with it).
const CreateDialog = lazy(() =>
  import('./create-dialog.tsx').then((module) => ({ default: module.CreateDialog })),
);

const AreaCreateDialog = lazy(() =>
  import('../areas/areas-pages.tsx').then((module) => ({ default: module.AreaCreateDialog })),
);

/** Linked collections a picker can create a record in without leaving the form. */
const creatableKinds: ReadonlySet<LinkKind> = new Set([
  'partners',
  'organisations',
  'people',
  'agreements',
  'events',
  'areas',
]);

interface LinkFieldProps {
  kind: LinkKind;
  label: string;
  ids: string[];
  onChange: (ids: string[]) => void;
  isSingle?: boolean;
  error?: string | undefined;
  name?: string;
  /** The picked records with their names, for a caller that shows them itself. */
  onPick?: (options: Option[]) => void;
  /** False where a new record makes no sense (choosing records to merge). */
  mayCreate?: boolean;
}

/** Picks linked records by id; shows their names whether they came with the record or were just picked. */
export function LinkField({
  kind,
  label,
  ids,
  onChange,
  isSingle,
  error,
  name,
  onPick,
  mayCreate = true,
}: LinkFieldProps) {
  const { t } = useTranslation();
  const me = useMe();
  const labelOf = useLinkLabels(kind, ids);
  // Names of options picked in this form, which the lookups may not hold (e.g. beyond 200 partners).
  const [picked, setPicked] = useState<Map<string, string>>(() => new Map());
  const [isCreating, setIsCreating] = useState(false);
  const selected: Option[] = ids.map((id) => ({ value: id, label: picked.get(id) ?? labelOf(id) ?? id }));
  const choose = (next: Option[]) => {
    setPicked((current) => new Map([...current, ...next.map((o) => [o.value, o.label] as const)]));
    onChange(next.map((option) => option.value));
    onPick?.(next);
  };
  const canCreate = mayCreate && creatableKinds.has(kind) && canEdit(me.data);
  return (
    <div className="link-field">
      <Combobox
        label={label}
        name={name}
        selected={selected}
        isSingle={isSingle}
        error={error}
        loadOptions={(query, signal) => searchLinkOptions(kind, query, signal)}
        onChange={choose}
      />
      {canCreate && (
        <button
          type="button"
          className="link-create"
          aria-label={t('create.createLinkedFor', { field: label })}
          onClick={() => setIsCreating(true)}
        >
          {t('create.createLinked')}
        </button>
      )}
      {isCreating && kind === 'areas' && (
        <Suspense fallback={null}>
          <AreaCreateDialog
            onClose={() => setIsCreating(false)}
            onCreated={(area) => {
              const option = { value: area.id, label: labelLinkItem('areas', area) };
              choose(isSingle ? [option] : [...selected, option]);
            }}
          />
        </Suspense>
      )}
      {isCreating && kind !== 'areas' && (
        <Suspense fallback={null}>
          <CreateDialog
            collection={kind as Collection}
            onClose={() => setIsCreating(false)}
            onCreated={(record) => {
              const option = { value: record.id, label: labelLinkItem(kind, record as never) };
              choose(isSingle ? [option] : [...selected, option]);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
