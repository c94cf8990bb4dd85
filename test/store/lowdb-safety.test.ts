import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openLowdbStore } from '../../src/store/lowdb.ts';
import { StoreError, StoreWriteError } from '../../src/errors.ts';
import type { HourDraft } from '../../src/store/schema.ts';
import { say, tempDir } from '../helpers.ts';
import { createServices } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/services.ts';

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});
async function folder(): Promise<string> {
  const dir = await tempDir();
  made.push(dir);
  return dir;
}
const entry = (fields: Partial<HourDraft> = {}): HourDraft => ({
  date: '2026-03-02',
  minutes: 60,
  category: 'shadowing',
  faceToFace: false,
  status: 'pending',
  note: '',
  createdAt: '2026-03-16T10:00:00.000-05:00',
  ...fields,
});
const services = (db: string) =>
  createServices(
    loadConfig({ PEERBOT_DB: db, PEERBOT_NOW: '2026-03-16T10:00:00-05:00', PEERBOT_ADMINS: 'admin' }),
    silentLogger,
  );

describe('the lowdb store when something goes wrong', () => {
  it('changes nothing when a write fails, and the reply says nothing was saved', async () => {
    const dir = await folder();
    const db = path.join(dir, 'db.json');
    const s = await services(db);
    await say(s, 'ana', '/hours log 1h shadowing');
    // The hours folder becomes a file: every write of an hours file now fails.
    await fs.rm(path.join(dir, 'db.hours'), { recursive: true });
    await fs.writeFile(path.join(dir, 'db.hours'), 'not a folder');
    const answer = await say(s, 'ana', '/hours log 2h shadowing');
    expect(answer).toContain('I could not save that, so nothing was changed.');
    expect(answer).toContain('Please try again later.');
    expect((await s.store.hours.list('ana')).map((e) => e.minutes)).toEqual([60]);
    await expect(s.store.hours.add('ana', entry())).rejects.toBeInstanceOf(StoreWriteError);
    expect(await s.store.hours.list('ana')).toHaveLength(1);
  });

  it('makes the hours folder again when it was deleted while running', async () => {
    const dir = await folder();
    const store = await openLowdbStore(path.join(dir, 'db.json'));
    await store.hours.add('ana', entry());
    await fs.rm(path.join(dir, 'db.hours'), { recursive: true });
    await store.hours.add('ana', entry({ date: '2026-03-03' }));
    expect(await fs.readdir(path.join(dir, 'db.hours'))).toEqual(['ana.json']);
    await store.close();
  });

  it('removes its own temp files left by a crash at start', async () => {
    const dir = await folder();
    await fs.mkdir(path.join(dir, 'db.hours'));
    await fs.writeFile(path.join(dir, 'db.hours', '.ana.json.tmp'), '{"half');
    await fs.writeFile(path.join(dir, '.db.json.tmp'), '{"half');
    const store = await openLowdbStore(path.join(dir, 'db.json'));
    expect(await fs.readdir(path.join(dir, 'db.hours'))).toEqual([]);
    expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await store.close();
  });

  it('stops at start on a broken meeting record, naming the records file and the field', async () => {
    const dir = await folder();
    await fs.mkdir(path.join(dir, 'db.records'));
    const file = path.join(dir, 'db.records', 'meetings.json');
    const body = JSON.stringify({ version: 1, name: 'meetings', records: { lc: { id: 'lc', title: 'LC' } } });
    await fs.writeFile(file, body);
    const error = await openLowdbStore(path.join(dir, 'db.json')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toContain(`${file} is not valid: field "records.lc.kind"`);
    expect(await fs.readFile(file, 'utf8')).toBe(body);
  });

  it("reads one person's records when first opened, not at start: a broken one names its file and field then", async () => {
    const dir = await folder();
    const db = path.join(dir, 'db.json');
    const first = await openLowdbStore(db);
    const box = await first.collection('inbox/ana', z.object({ replies: z.array(z.unknown()) }));
    await box.put('ana', { replies: [{ blocks: [] }] });
    await first.outbox.enqueue('nudges/ben', [{ key: 'k1', target: { type: 'person', personId: 'ben' } }], 'now');
    await first.close();
    const file = path.join(dir, 'db.records', 'nudges%2Fben.json');
    const body = JSON.stringify({ version: 1, name: 'nudges/ben', records: { k1: { status: 'lost' } } });
    await fs.writeFile(file, body);
    // The broken file does not stop the start; the other person's records read as they were.
    const again = await openLowdbStore(db);
    const [a, b] = await Promise.all([
      again.collection('inbox/ana', z.object({ replies: z.array(z.unknown()) })),
      again.collection('inbox/ana', z.object({ replies: z.array(z.unknown()) })),
    ]);
    expect(a).toBe(b);
    expect(await a.get('ana')).toEqual({ replies: [{ blocks: [] }] });
    const error = await again.outbox.list('nudges/ben').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/^the data file .*nudges%2Fben\.json is not valid: field "records\.k1\./);
    expect(await fs.readFile(file, 'utf8')).toBe(body);
    await again.close();
  });

  it('says plainly when "version" is text or missing, not that a newer peerbot made it', async () => {
    const dir = await folder();
    const db = path.join(dir, 'db.json');
    await fs.writeFile(db, JSON.stringify({ version: '1', people: {}, accounts: {}, collections: {} }));
    await expect(openLowdbStore(db)).rejects.toThrow(/"version": "1" \(text\); it must be the number 1/);
    await fs.writeFile(db, JSON.stringify({ version: 1, people: {}, accounts: {}, collections: {} }));
    await fs.mkdir(path.join(dir, 'db.hours'));
    await fs.writeFile(
      path.join(dir, 'db.hours', 'ana.json'),
      JSON.stringify({ personId: 'ana', nextId: 1, entries: [] }),
    );
    const error = (await openLowdbStore(db).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/ana\.json has no "version" field/);
    expect(error.message).not.toMatch(/newer/);
  });

  it('refuses a main file with no "version" that is not the first layout, and leaves it as it was', async () => {
    const dir = await folder();
    const db = path.join(dir, 'db.json');
    const body = JSON.stringify({ people: {}, accounts: {}, collections: {} });
    await fs.writeFile(db, body);
    await expect(openLowdbStore(db)).rejects.toThrow(/db\.json has no "version" field/);
    expect(await fs.readFile(db, 'utf8')).toBe(body);
  });

  it('never reuses an id after nextId was reset, so Undo cannot delete an old entry', async () => {
    const dir = await folder();
    const db = path.join(dir, 'db.json');
    let store = await openLowdbStore(db);
    for (let i = 0; i < 3; i++) await store.hours.add('ana', entry({ requestId: `r${i}` }));
    await store.close();
    const file = path.join(dir, 'db.hours', 'ana.json');
    const data = JSON.parse(await fs.readFile(file, 'utf8'));
    await fs.writeFile(file, JSON.stringify({ ...data, nextId: 1 }));
    store = await openLowdbStore(db);
    const { entry: added } = await store.hours.add('ana', entry({ requestId: 'new' }));
    expect(added.id).toBe('4');
    await store.close();
  });

  it('stores a person whose id is "constructor" like anyone else', async () => {
    const dir = await folder();
    const db = path.join(dir, 'db.json');
    const s = await services(db);
    expect(await s.store.people.get('constructor')).toBeUndefined();
    await say(s, 'admin', '/admin role @constructor admin');
    await s.store.close();
    const main = JSON.parse(await fs.readFile(db, 'utf8'));
    // The admin who typed it is saved too (so the weekly check can reach them).
    expect(Object.keys(main.people).sort()).toEqual(['admin', 'constructor']);
    expect(main.people.constructor.role).toBe('admin');
  });
});
