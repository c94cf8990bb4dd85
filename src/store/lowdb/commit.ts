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
 * what the disk does not. A folder that went missing (deleted while running) is made again.
 */
export class Committer {
  private tails = new Map<string, Promise<unknown>>();

  async commit<T, R>(file: Low<T>, filePath: string, apply: () => Change<R>): Promise<R> {
    const previous = this.tails.get(filePath) ?? Promise.resolve();
    const run = previous.then(() => this.applyAndWrite(file, filePath, apply));
    const tail = run.catch(() => undefined);
    this.tails.set(filePath, tail);
    try {
      return await run;
    } finally {
      if (this.tails.get(filePath) === tail) this.tails.delete(filePath);
    }
  }

  /** Waits for every change in progress (before closing). */
  async settle(): Promise<void> {
    await Promise.all([...this.tails.values()]);
  }

  private async applyAndWrite<T, R>(file: Low<T>, filePath: string, apply: () => Change<R>): Promise<R> {
    const change = apply();
    if (!change.changed) return change.result;
    try {
      await writeMakingFolder(file, filePath);
    } catch (error) {
      change.undo();
      throw new StoreWriteError(filePath, error as Error);
    }
    return change.result;
  }
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
