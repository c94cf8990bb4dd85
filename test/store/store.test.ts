import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/store/lowdb.ts';
import { StoreError } from '../../src/errors.ts';
import { tempDir } from '../helpers.ts';

const root = path.resolve(import.meta.dirname, '../..');
// node itself with tsx's loader (not the tsx CLI, which runs a second process a kill would not reach).
const runTs = (script: string) => [process.execPath, ['--import', 'tsx', script]] as const;

const entry = (date: string, minutes = 60) => ({
  date,
  minutes,
  category: 'shadowing',
  faceToFace: false,
  status: 'pending' as const,
  note: '',
  createdAt: `${date}T10:00:00.000-05:00`,
});

describe('the lowdb store', () => {
  it('keeps people and hours across a restart, in one small file per person', async () => {
    const dir = await tempDir();
    const db = path.join(dir, 'db.json');
    const store = await openLowdbStore(db);
    await store.people.put({
      id: 'alice',
      role: 'mentor',
      programId: 'wi-peer-mentor',
      milestones: {},
      nudgesMuted: false,
      createdAt: 'x',
    });
    await store.hours.add('alice', entry('2026-03-02'));
    await store.hours.add('alice', entry('2026-03-01'));
    const again = await openLowdbStore(db);
    expect((await again.people.get('alice'))?.role).toBe('mentor');
    expect((await again.hours.list('alice')).map((e) => e.date)).toEqual(['2026-03-01', '2026-03-02']);
    expect(await fs.readdir(path.join(dir, 'db.hours'))).toEqual(['alice.json']);
  });

  it('refuses to start on a corrupt file, names it, and leaves it unchanged', async () => {
    const dir = await tempDir();
    const db = path.join(dir, 'db.json');
    await fs.writeFile(db, '{"version": 1, "people": {');
    const error = await openLowdbStore(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toContain(db);
    expect((error as Error).message).toMatch(/not valid JSON/);
    expect(await fs.readFile(db, 'utf8')).toBe('{"version": 1, "people": {');
  });

  it('names the field when the file is JSON but not a peerbot file', async () => {
    const dir = await tempDir();
    const db = path.join(dir, 'db.json');
    const body = JSON.stringify({
      version: 1,
      people: { alice: { id: 'alice', role: 'boss' } },
      accounts: {},
      collections: {},
    });
    await fs.writeFile(db, body);
    await expect(openLowdbStore(db)).rejects.toThrow(/people\.alice\.role/);
    expect(await fs.readFile(db, 'utf8')).toBe(body);
  });

  it('refuses a file from a newer peerbot', async () => {
    const dir = await tempDir();
    const db = path.join(dir, 'db.json');
    await fs.writeFile(db, JSON.stringify({ version: 99 }));
    await expect(openLowdbStore(db)).rejects.toThrow(/newer peerbot/);
  });

  it('refuses a corrupt hours file and leaves it unchanged', async () => {
    const dir = await tempDir();
    await fs.mkdir(path.join(dir, 'db.hours'));
    await fs.writeFile(path.join(dir, 'db.hours', 'alice.json'), 'not json');
    await expect(openLowdbStore(path.join(dir, 'db.json'))).rejects.toThrow(/db\.hours\/alice\.json is not valid JSON/);
    expect(await fs.readFile(path.join(dir, 'db.hours', 'alice.json'), 'utf8')).toBe('not json');
  });

  it('moves a version-0 file (hours kept inline) to per-person files', async () => {
    const dir = await tempDir();
    const db = path.join(dir, 'db.json');
    const old = { people: {}, accounts: {}, hours: { alice: [{ ...entry('2026-03-02'), id: '1', createdAt: 'x' }] } };
    await fs.writeFile(db, JSON.stringify(old));
    const store = await openLowdbStore(db);
    expect(await store.hours.list('alice')).toHaveLength(1);
    const main = JSON.parse(await fs.readFile(db, 'utf8'));
    expect(main.version).toBe(1);
    expect(main.hours).toBeUndefined();
  });

  it('never leaves a half-written file when the process is killed mid-write (kill -9)', async () => {
    const dir = await tempDir();
    const db = path.join(dir, 'db.json');
    const script = path.join(dir, 'writer.mts');
    await fs.writeFile(
      script,
      `import { openLowdbStore } from ${JSON.stringify(path.join(root, 'src/store/lowdb.ts'))};
       const store = await openLowdbStore(${JSON.stringify(db)});
       const note = 'x'.repeat(400);
       let n = 0;
       for (;;) { await store.hours.add('alice', { date: '2026-03-02', minutes: 1, category: 'shadowing', faceToFace: false, status: 'pending', note, createdAt: '2026-03-02T10:00:00.000-06:00' });
         if (++n === 50) console.log('writing'); }`,
    );
    const child = spawn(...runTs(script), { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGKILL');
    child.stdout.destroy();
    await new Promise((resolve) => child.once('exit', resolve));
    const store = await openLowdbStore(db);
    expect((await store.hours.list('alice')).length).toBeGreaterThanOrEqual(50);
  });

  it('gives a lease to one of three contenders at a time, in every one of 200 trials', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore(path.join(dir, 'db.json'));
    for (let trial = 0; trial < 200; trial++) {
      const got = await Promise.all(['a', 'b', 'c'].map((owner) => store.lease(`job-${trial}`, 60_000, owner)));
      expect(got.filter(Boolean)).toHaveLength(1);
    }
    const first = (await store.lease('nudges', 60_000, 'a'))!;
    expect(await store.lease('nudges', 60_000, 'b')).toBeUndefined();
    expect(await first.renew(60_000)).toBe(true);
    await first.release();
    const second = (await store.lease('nudges', 60_000, 'b'))!;
    // A fencing token: the new holder's is larger, and the old holder cannot renew any more.
    expect(second.token).toBeGreaterThan(first.token);
    expect(await first.renew(60_000)).toBe(false);
    expect(await store.lease('expired', 1, 'a')).toBeDefined();
    await new Promise((r) => setTimeout(r, 5));
    expect(await store.lease('expired', 60_000, 'b')).toBeDefined();
    await store.close();
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe('feature records', () => {
  it('keeps each feature in a file of its own and checks records with the feature schema', async () => {
    const { z } = await import('zod');
    const dir = await tempDir();
    const db = path.join(dir, 'db.json');
    const store = await openLowdbStore(db);
    const notes = await store.collection('notes', z.object({ title: z.string() }));
    await notes.put('lc', { title: 'Learning Collaborative' });
    expect(await fs.readdir(path.join(dir, 'db.records'))).toEqual(['notes.json']);
    const again = await openLowdbStore(db);
    expect(await (await again.collection('notes', z.object({ title: z.string() }))).get('lc')).toEqual({
      title: 'Learning Collaborative',
    });
    const fresh = await openLowdbStore(db);
    await expect(fresh.collection('notes', z.object({ title: z.number() }))).rejects.toThrow(
      /notes\.json .*records\.lc/,
    );
  });

  it('moves records an earlier build kept in the main file into their own file', async () => {
    const { z } = await import('zod');
    const dir = await tempDir();
    const db = path.join(dir, 'db.json');
    await fs.writeFile(
      db,
      JSON.stringify({ version: 1, people: {}, accounts: {}, collections: { notes: { lc: { title: 'LC' } } } }),
    );
    const store = await openLowdbStore(db);
    expect(await (await store.collection('notes', z.object({ title: z.string() }))).get('lc')).toEqual({
      title: 'LC',
    });
    expect(JSON.parse(await fs.readFile(db, 'utf8')).collections).toEqual({});
  });
});
