import type { FieldError } from '../../app/http.ts';

/** Whether a server error path (`partyIds`, `partyIds.0`, `participants.1.title`) belongs to a field. */
export function isPathUnder(path: string, name: string): boolean {
  return path === name || path.startsWith(`${name}.`);
}

/** The messages for one field (its items included), joined for the one line under the control.
 * `placeItem` names where item N sits (`Line 3`) when one control shows every item, as a text
 * with one item per line does, so the user can tell which one is wrong. */
export function findFieldMessage(
  errors: FieldError[],
  name: string,
  placeItem?: (index: number) => string | undefined,
): string | undefined {
  const messages = errors
    .filter((item) => isPathUnder(item.path, name))
    .map((item) => {
      const index = item.path.slice(name.length + 1).split('.')[0];
      const place = placeItem && index && /^\d+$/.test(index) ? placeItem(Number(index)) : undefined;
      return place ? `${place}: ${item.message}` : item.message;
    });
  return messages.length > 0 ? messages.join('; ') : undefined;
}

/** Errors no field of the form claims, listed in the form's notice so none goes unseen. */
export function listUnplacedErrors(errors: FieldError[], names: string[]): FieldError[] {
  return errors.filter((item) => !names.some((name) => isPathUnder(item.path, name)));
}
