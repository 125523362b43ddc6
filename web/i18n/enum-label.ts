import i18next from 'i18next';
import type { vi } from './vi.ts';

export type EnumGroup = keyof typeof vi.enums;

/** Label of an enum value from the API; an unknown value (a newer server) shows as itself. */
export function labelEnum(group: EnumGroup, value: string | null | undefined): string {
  if (!value) return '';
  return i18next.t(`enums.${group}.${value}` as never, { defaultValue: value }) as string;
}

export function listEnumOptions(group: EnumGroup, values: readonly string[]) {
  return values.map((value) => ({ value, label: labelEnum(group, value) }));
}
