/**
 * A memo of a pure function, keyed by `key` of its arguments, emptied when it reaches `limit`
 * entries so that a long run cannot grow it without bound (the hot keys come back at once).
 */
export function boundedMemo<A extends unknown[], V>(limit: number, key: (...args: A) => string, compute: (...args: A) => V): (...args: A) => V {
  const memo = new Map<string, V>();
  return (...args) => {
    const k = key(...args);
    if (memo.has(k)) return memo.get(k)!;
    const value = compute(...args);
    if (memo.size >= limit) memo.clear();
    memo.set(k, value);
    return value;
  };
}
