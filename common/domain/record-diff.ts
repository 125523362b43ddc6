/** Fields every write changes (or never changes) and so say nothing about an edit. */
const bookkeepingFields = new Set(['id', 'version', 'createdAt', 'updatedAt']);

/** Never shown in a history, whatever an old audit row kept: secrets of accounts and feeds. */
const secretFields = new Set(['passwordHash', 'tokenHash', 'token', 'feedToken', 'secret']);

export function withoutSecrets(image: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!image) return null;
  return Object.fromEntries(Object.entries(image).filter(([key]) => !secretFields.has(key)));
}

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

function isSame(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields that differ between two images of a record, in the order the newer image lists
 * them (fields only the older one has come last). A created record lists what it was given, a
 * deleted one what it had. */
export function diffRecordImages(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { field: string; before: unknown; after: unknown }[] {
  const older = withoutSecrets(before) ?? {};
  const newer = withoutSecrets(after) ?? {};
  const fields = [...new Set([...Object.keys(newer), ...Object.keys(older)])];
  return fields
    .filter((field) => !bookkeepingFields.has(field) && !isSame(older[field], newer[field]))
    .map((field) => ({ field, before: older[field] ?? null, after: newer[field] ?? null }));
}
