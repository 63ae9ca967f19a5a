/**
 * The first position in `items` where `test` holds, for a test that, once it holds, holds for every later item
 * (a sorted list asked "at or after this line?"); the list's length when it never does. Binary search.
 */
export function firstWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (test(items[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}
