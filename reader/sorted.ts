// Binary search over ascending lists: the recognisers walk sorted lexicon starts and sorted dates,
// and counting or finding inside a range this way keeps many items times many queries linear.

/** The index of the first value ≥ target in an ascending list (the list's length when none is). */
export function lowerBound(values: ArrayLike<number>, target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((values[mid] as number) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The index of the first item whose key is ≥ target, in a list ascending by that key. */
// Read through `at`, so it serves arrays and the columnar TokenList alike.
export function lowerBoundBy<T>(
  items: { readonly length: number; at(index: number): T | undefined },
  target: number,
  keyOf: (item: T) => number,
): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (keyOf(items.at(mid) as T) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}
