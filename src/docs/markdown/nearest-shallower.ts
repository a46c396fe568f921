/**
 * "The nearest earlier line indented less than N", asked by the line passes
 * (is this `!!!` inside a list item? which item does this sub-list belong
 * to?). Walking back line by line made a page of equally indented lines
 * quadratic; this answers in O(log n) with lines fed in order.
 *
 * It keeps a stack whose indents strictly increase: a new line hides every
 * older one indented as deep or deeper, because for any N that finds the
 * older line, the new one is also shallower than N and nearer.
 */
export interface NearestShallower<T> {
  /** Feed the next candidate line (in page order), with what a query should return for it. */
  add(indent: number, value: T): void;
  /** The value of the nearest line fed so far whose indent is below `indent`. */
  below(indent: number): T | undefined;
}

export function nearestShallower<T>(): NearestShallower<T> {
  const indents: number[] = [];
  const values: T[] = [];
  return {
    add(indent, value) {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) {
        indents.pop();
        values.pop();
      }
      indents.push(indent);
      values.push(value);
    },
    below(indent) {
      // The indents below `indent` are a prefix of the stack; the nearest line is its last entry.
      let lo = 0;
      let hi = indents.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (indents[mid]! < indent) lo = mid + 1;
        else hi = mid;
      }
      return lo > 0 ? values[lo - 1] : undefined;
    },
  };
}
