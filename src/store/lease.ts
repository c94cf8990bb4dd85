import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * A lease held as a lock file: created with a hard link, which fails if the file exists, so
 * exactly one process wins. An expired lease is moved aside by rename (only one renamer
 * succeeds) and then taken anew.
 */
export async function acquireLease(dir: string, key: string, ttlMs: number, owner: string): Promise<boolean> {
  await fs.mkdir(dir, { recursive: true });
  const lock = path.join(dir, `${encodeURIComponent(key)}.lock`);
  const body = JSON.stringify({ owner, expires: Date.now() + ttlMs });
  const temp = `${lock}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await fs.writeFile(temp, body);
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await fs.link(temp, lock);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const held = await readLease(lock);
      if (held && held.expires > Date.now()) return held.owner === owner;
      try {
        await fs.rename(lock, `${temp}.stale`);
        await fs.rm(`${temp}.stale`, { force: true });
      } catch {
        return false;
      }
    }
    return false;
  } finally {
    await fs.rm(temp, { force: true });
  }
}

async function readLease(lock: string): Promise<{ owner: string; expires: number } | undefined> {
  try {
    return JSON.parse(await fs.readFile(lock, 'utf8')) as { owner: string; expires: number };
  } catch {
    return undefined;
  }
}
