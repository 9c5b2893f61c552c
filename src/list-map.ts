/**
 * Append `value` to the list under `key`, starting the list when there is none. In place: copying
 * the list on every append (`[...(map.get(k) ?? []), v]`) is quadratic in the list's length, and
 * a rule can have a hundred thousand findings.
 */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
