// Parses `git config -z --list`: entries "key\nvalue\0" (a key with no value has no "\n").
export type GitConfigMap = Map<string, string[]>;

export function parseConfigList(out: string): GitConfigMap {
  const map: GitConfigMap = new Map();
  for (const entry of out.split('\0')) {
    if (!entry) continue;
    const nl = entry.indexOf('\n');
    const key = (nl === -1 ? entry : entry.slice(0, nl)).toLowerCase();
    const value = nl === -1 ? 'true' : entry.slice(nl + 1);
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }
  return map;
}

/** The last value wins, as git's own `git config --get` answers. */
export function configValue(map: GitConfigMap, key: string): string | undefined {
  const list = map.get(key.toLowerCase());
  return list?.[list.length - 1];
}

export function configBool(map: GitConfigMap, key: string): boolean {
  const v = configValue(map, key)?.toLowerCase();
  return v === 'true' || v === 'yes' || v === 'on' || v === '1';
}
