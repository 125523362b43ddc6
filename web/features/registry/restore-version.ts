import type { EditField } from './record-form.tsx';

function isSame(a: unknown, b: unknown): boolean {
  const empty = (value: unknown) =>
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty(a) && empty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The PATCH that brings a record back to an earlier version: the form's editable fields whose
 * value then differs from now, sent with the current version so a change made meanwhile is
 * refused (409) as any edit's would be. Participants are left as they are: their saved shape
 * carries names the edit does not take. */
export function buildRestorePatch(
  fields: readonly EditField[],
  current: Record<string, unknown> & { version: number },
  earlier: Record<string, unknown>,
): (Record<string, unknown> & { version: number }) | null {
  const patch: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.isWriteOnly || field.kind === 'participants' || !(field.name in earlier)) continue;
    const value = earlier[field.name];
    if (!isSame(current[field.name], value)) patch[field.name] = value ?? null;
  }
  return Object.keys(patch).length === 0 ? null : { version: current.version, ...patch };
}
