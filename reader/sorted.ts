// Binary search over ascending lists: the recognisers walk sorted lexicon starts and sorted dates,
// and counting or finding inside a range this way keeps many items times many queries linear.

/** The index of the first value ≥ target in an ascending list (the list's length when none is). */
export function lowerBound(values: readonly number[], target: number): number {
  return lowerBoundBy(values, target, (value) => value);
}

/** The index of the first item whose key is ≥ target, in a list ascending by that key. */
export function lowerBoundBy<T>(items: readonly T[], target: number, keyOf: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (keyOf(items[mid] as T) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}
