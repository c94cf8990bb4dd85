import fs from 'node:fs/promises';
import os from 'node:os';
import lockfile from 'proper-lockfile';

/** Who holds a lowdb store. */
export interface Holder {
  pid: number;
  host: string;
  since: string;
}

/** The store belongs to another running process. The message is one line an operator can act on. */
export class StoreOwnedError extends Error {
  constructor(
    readonly file: string,
    readonly holder: Holder | undefined,
  ) {
    const who = holder ? `process ${holder.pid} on ${holder.host}, since ${holder.since}` : 'another process';
    super(
      `peerbot cannot start: the data file ${file} is in use by ${who}. Stop that peerbot first (or give this one its own PEERBOT_DB); to run several instances on one store, use PostgreSQL (DATABASE_URL).`,
    );
    this.name = 'StoreOwnedError';
  }
}

/**
 * A lock not refreshed for this long is taken over (its owner is on another machine and went
 * quiet). On this machine a dead owner's lock is taken over at once, a live one's never.
 */
const STALE_MS = 60_000;

/** Locks held by this process, so opening the same store again in-process shares the lock. */
const held = new Map<string, { count: number; release: () => Promise<void> }>();

/**
 * Makes this process the only owner of a lowdb store: lowdb keeps its data in memory, so a
 * second process would overwrite the first one's changes. The lock is a folder (proper-lockfile,
 * mkdir is atomic) whose time is refreshed while we run; a lock left by a crash is taken over
 * once it is stale, or at once when its process is gone from this host. Returns the release.
 */
export async function takeOwnerLock(file: string): Promise<() => Promise<void>> {
  const lockPath = `${file}.lock`;
  const infoPath = `${file}.owner`;
  const mine = held.get(lockPath);
  if (mine) {
    mine.count += 1;
    return releaser(lockPath);
  }
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(file, { lockfilePath: lockPath, realpath: false, stale: STALE_MS, onCompromised });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const holder = await readHolder(infoPath);
    if (!holder || holder.host !== os.hostname() || alive(holder.pid)) throw new StoreOwnedError(file, holder);
    // The holder crashed on this machine: its lock is stale now, not in 10 seconds.
    await fs.rm(lockPath, { recursive: true, force: true });
    release = await lockfile
      .lock(file, { lockfilePath: lockPath, realpath: false, stale: STALE_MS, onCompromised })
      .catch(async () => {
        throw new StoreOwnedError(file, await readHolder(infoPath));
      });
  }
  const holder: Holder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  await fs.writeFile(infoPath, JSON.stringify(holder));
  held.set(lockPath, {
    count: 1,
    release: async () => {
      await fs.rm(infoPath, { force: true });
      await release();
    },
  });
  return releaser(lockPath);
}

function releaser(lockPath: string): () => Promise<void> {
  let done = false;
  return async () => {
    const entry = held.get(lockPath);
    if (done || !entry) return;
    done = true;
    entry.count -= 1;
    if (entry.count > 0) return;
    held.delete(lockPath);
    await entry.release();
  };
}

async function readHolder(infoPath: string): Promise<Holder | undefined> {
  try {
    return JSON.parse(await fs.readFile(infoPath, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function onCompromised(error: Error): void {
  // Another process took the store (our lock went stale, e.g. the machine slept). Say so loudly.
  process.stderr.write(`[peerbot] error: the lock on the data file was lost: ${error.message}\n`);
}
