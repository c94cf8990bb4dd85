import type { Lease } from '../port.ts';

/**
 * Leases for the lowdb store. The store folder has one owner process (see owner-lock.ts), so
 * every holder of a lease lives in this process and a lease is a row in memory: taking one is
 * a synchronous check-and-set, with no window for two holders. Tokens start at the clock so
 * they keep growing across restarts (fencing).
 */
export function memoryLeases(): (key: string, ttlMs: number, owner: string) => Promise<Lease | undefined> {
  const held = new Map<string, { owner: string; token: number; expires: number }>();
  let lastToken = Date.now();
  return async (key, ttlMs, owner) => {
    const now = Date.now();
    const current = held.get(key);
    if (current && current.expires > now && current.owner !== owner) return undefined;
    const token = current && current.expires > now ? current.token : ++lastToken;
    const row = { owner, token, expires: now + ttlMs };
    held.set(key, row);
    const mine = () => held.get(key) === row;
    return {
      key,
      owner,
      token,
      async renew(ms) {
        if (!mine() || row.expires <= Date.now()) return false;
        row.expires = Date.now() + ms;
        return true;
      },
      async release() {
        if (mine()) held.delete(key);
      },
    };
  };
}
