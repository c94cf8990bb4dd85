import fs from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import { StoreWriteError } from '../../errors.ts';

/** A change to one file's data, made in memory: what it returns, and how to take it back. */
export interface Change<R> {
  result: R;
  /** False when nothing changed, so nothing is written. */
  changed: boolean;
  undo: () => void;
}

/**
 * Changes to one lowdb file happen one after another: each change is made in memory, written
 * (lowdb's temp file + rename), and taken back when the write fails, so memory never holds
 * what the disk does not. Changes that arrive while a write is under way wait, and are then
 * made together and written once (a group commit): a supervisor's 400 sent-nudge marks are
 * one write of their file, not 400. Each caller still hears only once its change is on disk.
 * A folder that went missing (deleted while running) is made again.
 */
export class Committer {
  private queues = new Map<string, Queue>();

  commit<T, R>(file: Low<T>, filePath: string, apply: () => Change<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let queue = this.queues.get(filePath);
      if (!queue) {
        queue = { waiting: [], done: Promise.resolve() };
        this.queues.set(filePath, queue);
        queue.done = this.drain(file, filePath, queue);
      }
      queue.waiting.push({ apply, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /** Waits for every change in progress (before closing). */
  async settle(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.done));
  }

  private async drain<T>(file: Low<T>, filePath: string, queue: Queue): Promise<void> {
    // Let the callers of this tick join the first batch.
    await Promise.resolve();
    while (queue.waiting.length) {
      const batch = queue.waiting.splice(0);
      const made: Array<{ waiter: Waiter; change: Change<unknown> }> = [];
      for (const waiter of batch) {
        try {
          made.push({ waiter, change: waiter.apply() });
        } catch (error) {
          waiter.reject(error);
        }
      }
      const changed = made.filter((m) => m.change.changed);
      let failure: StoreWriteError | undefined;
      if (changed.length) {
        try {
          await writeMakingFolder(file, filePath);
        } catch (error) {
          failure = new StoreWriteError(filePath, error as Error);
          for (const m of [...changed].reverse()) m.change.undo();
        }
      }
      // After a failed write, every change from the first one that changed something on was made
      // against memory that is now taken back: none of those callers may hear it succeeded.
      const firstChanged = made.findIndex((m) => m.change.changed);
      made.forEach(({ waiter, change }, i) => {
        if (failure && i >= firstChanged) waiter.reject(failure);
        else waiter.resolve(change.result);
      });
    }
    this.queues.delete(filePath);
  }
}

interface Waiter {
  apply: () => Change<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Queue {
  waiting: Waiter[];
  done: Promise<void>;
}

async function writeMakingFolder<T>(file: Low<T>, filePath: string): Promise<void> {
  try {
    await file.write();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await fs.mkdir(path.dirname(filePath), { recursive: true });
    await file.write();
  }
}
