/**
 * A function of one string memoised in a Map that is emptied whenever it reaches `capacity`
 * entries: a sheet repeats the same few texts (genders, villages, communes, common names) on
 * thousands of rows, while a column of unique texts (IDs) can never grow the cache without bound.
 * `fn` must be pure and must not return undefined.
 */
export function boundedMemo<T>(fn: (key: string) => T, capacity = 20_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = fn(key);
    if (cache.size >= capacity) cache.clear();
    cache.set(key, value);
    return value;
  };
}
