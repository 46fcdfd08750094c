import type { Rules } from './rules';

/**
 * G2/G6 for Web Storage: `setItem` of a key in a category's patterns (`_ym_uid`, `_ga…`) waits in
 * memory until that category is granted, then is written; dropped with the page otherwise.
 * Other keys pass: unlike cookies, storage is never sent to a server by itself.
 * Limit: property assignment (`localStorage._ym_x = 1`) bypasses setItem; such keys are removed by
 * the cleanup on load and on withdrawal.
 */
export function installStorageGuard(
  win: Window & typeof globalThis,
  rules: Rules,
  log: (message: string) => void,
) {
  const proto = win.Storage?.prototype;
  const held = new Map<Storage, Map<string, string>>();
  if (!proto) return { release() {} };
  const setItem = proto.setItem;
  proto.setItem = function (this: Storage, key: string, value: string) {
    const match = rules.forStorageKey(String(key));
    if (!match || rules.isAllowed(match)) return setItem.call(this, key, value);
    const map = held.get(this) ?? new Map<string, string>();
    map.set(String(key), String(value));
    held.set(this, map);
    log(`held storage key ${String(key)} (${match.category})`);
  };
  return {
    release() {
      for (const [storage, map] of held) {
        for (const [key, value] of map) {
          const match = rules.forStorageKey(key);
          if (match && rules.isAllowed(match)) {
            map.delete(key);
            try {
              setItem.call(storage, key, value);
            } catch {
              // Quota or privacy mode: the write is lost, as it would have been without the gate.
            }
          }
        }
      }
    },
  };
}

export type StorageGuard = ReturnType<typeof installStorageGuard>;
