import { useState } from 'react';
import { Combobox } from '../../ui/combobox.tsx';
import type { Option } from '../../ui/field.tsx';
import { type LinkKind, searchLinkOptions, useLinkLabels } from './registry.api.ts';

interface LinkFieldProps {
  kind: LinkKind;
  label: string;
  ids: string[];
  onChange: (ids: string[]) => void;
  isSingle?: boolean;
  error?: string | undefined;
  name?: string;
}

/** Picks linked records by id; shows their names whether they came with the record or were just picked. */
export function LinkField({ kind, label, ids, onChange, isSingle, error, name }: LinkFieldProps) {
  const labelOf = useLinkLabels(kind, ids);
  // Names of options picked in this form, which the lookups may not hold (e.g. beyond 200 partners).
  const [picked, setPicked] = useState<Map<string, string>>(() => new Map());
  const selected: Option[] = ids.map((id) => ({ value: id, label: picked.get(id) ?? labelOf(id) ?? id }));
  return (
    <Combobox
      label={label}
      name={name}
      selected={selected}
      isSingle={isSingle}
      error={error}
      loadOptions={(query, signal) => searchLinkOptions(kind, query, signal)}
      onChange={(next) => {
        setPicked((current) => new Map([...current, ...next.map((o) => [o.value, o.label] as const)]));
        onChange(next.map((option) => option.value));
      }}
    />
  );
}
