import { Low } from 'lowdb';
import type { Adapter } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { Committer } from '../../src/store/lowdb/commit.ts';
import type { Change } from '../../src/store/lowdb/commit.ts';

/** A file at the process boundary: counts its writes, keeps what was written, can refuse. */
class CountingFile implements Adapter<Record<string, number>> {
  writes = 0;
  written: Record<string, number> = {};
  refuse = false;
  read() {
    return Promise.resolve(null);
  }
  async write(data: Record<string, number>) {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.refuse) throw new Error('disk full');
    this.writes++;
    this.written = { ...data };
  }
}

function set(db: Low<Record<string, number>>, key: string, value: number): () => Change<number> {
  return () => {
    const before = db.data[key];
    if (before === value) return { result: value, changed: false, undo: () => undefined };
    db.data[key] = value;
    return {
      result: value,
      changed: true,
      undo: () => {
        if (before === undefined) delete db.data[key];
        else db.data[key] = before;
      },
    };
  };
}

describe('the lowdb committer', () => {
  it('writes changes that arrive together once, and answers each only when it is on disk', async () => {
    const file = new CountingFile();
    const db = new Low(file, {});
    const committer = new Committer();
    const answers = await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        committer.commit(db, '/x.json', set(db, `k${i}`, i)).then((v) => [v, file.written[`k${i}`]]),
      ),
    );
    expect(answers.every(([v, onDisk]) => v === onDisk)).toBe(true);
    expect(file.writes).toBeLessThanOrEqual(2);
    expect(Object.keys(file.written)).toHaveLength(400);
  });

  it('takes back every change of a batch whose write fails, and still answers a change that wrote nothing', async () => {
    const file = new CountingFile();
    const db = new Low<Record<string, number>>(file, { a: 1 });
    const committer = new Committer();
    file.refuse = true;
    const results = await Promise.allSettled([
      committer.commit(db, '/x.json', set(db, 'a', 2)),
      committer.commit(db, '/x.json', set(db, 'b', 3)),
      committer.commit(db, '/x.json', set(db, 'a', 2)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(db.data).toEqual({ a: 1 });
    // Nothing to write: answered without a write.
    expect(await committer.commit(db, '/x.json', set(db, 'a', 1))).toBe(1);
    file.refuse = false;
    expect(await committer.commit(db, '/x.json', set(db, 'b', 3))).toBe(3);
    expect(file.written).toEqual({ a: 1, b: 3 });
    await committer.settle();
  });
});
