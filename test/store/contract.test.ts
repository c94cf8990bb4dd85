import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createServices } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { dispatch } from '../../src/bot.ts';
import { plainText } from '../../src/message.ts';
import { silentLogger } from '../../src/services.ts';
import type { Services } from '../../src/services.ts';
import type { Store } from '../../src/store/port.ts';
import { DayFullError } from '../../src/store/port.ts';
import type { HourDraft, Person } from '../../src/store/schema.ts';
import { allKinds } from './stores.ts';
import fs from 'node:fs/promises';
import path from 'node:path';
import { openLowdbStore } from '../../src/store/lowdb.ts';
import { copyLowdbToPostgres } from '../../src/store/copy.ts';
import { tempDir } from '../helpers.ts';
import { MeetingSchema } from '../../src/meetings/meetings.ts';
import type { Meeting } from '../../src/meetings/meetings.ts';

const meeting = (id: string): Meeting => ({
  id,
  title: 'Team call',
  kind: 'teleconference',
  recurrence: { type: 'weekly', weekday: 'monday' },
  time: '09:00',
  minutes: 60,
  from: '2026-01-01',
  platform: 'console',
  createdBy: 'admin',
  createdAt: NOW,
  skipped: [],
  rsvps: {},
  moved: {},
  attended: {},
});

/** Every later write of a lowdb store's records fails: their folder becomes a file. */
async function breakRecordsFolder(dbPath: string): Promise<void> {
  const records = dbPath.replace(/\.json$/, '.records');
  await fs.rm(records, { recursive: true, force: true });
  await fs.writeFile(records, 'not a folder');
}

const NOW = '2026-01-05T09:00:00-06:00';

const person = (id: string, fields: Partial<Person> = {}): Person => ({
  id,
  role: 'mentor',
  programId: 'wi-peer-mentor',
  milestones: {},
  nudgesMuted: false,
  createdAt: NOW,
  ...fields,
});

const entry = (fields: Partial<HourDraft> = {}): HourDraft => ({
  date: '2026-01-02',
  minutes: 60,
  category: 'shadowing',
  faceToFace: false,
  status: 'pending',
  note: '',
  createdAt: NOW,
  ...fields,
});

async function servicesOn(store: Store): Promise<Services> {
  const config = loadConfig({ PEERBOT_DB: '/nonexistent/db.json', PEERBOT_NOW: NOW, PEERBOT_ADMINS: 'admin' });
  return createServices(config, silentLogger, store);
}

const say = async (services: Services, user: string, line: string, requestId?: string) => {
  const [, command, text] = /^\/(\S+)\s*(.*)$/.exec(line)!;
  return plainText(
    await dispatch(services, { platform: 'console', userId: user, command: command!, text: text!, requestId }),
  );
};

for (const kind of allKinds()) {
  describe(`the store contract on ${kind.name}`, () => {
    // PGlite starts (WebAssembly) and migrates once per file, before the first test's clock starts.
    beforeAll(async () => void (await kind.fresh()), 120_000);
    afterEach(() => kind.clean());
    afterAll(() => kind.end());

    it('stores all five of five RSVPs sent at the same moment by different people', async () => {
      const services = await servicesOn(await kind.fresh());
      await services.store.people.put(person('fran', { role: 'facilitator' }));
      await say(services, 'fran', '/meet schedule "Learning Collaborative" meeting every 2nd tuesday 10:00 90m');
      const people = ['ana', 'ben', 'cy', 'dee', 'eli'];
      await Promise.all(people.map((p) => say(services, p, '/meet rsvp lc yes')));
      const lc = await (await services.store.collection('meetings', z.any())).get('lc');
      expect(Object.keys(lc.rsvps['2026-01-13']).sort()).toEqual(people);
    });

    it('logs 100 requests, each delivered twice at once, as exactly 100 entries', async () => {
      const store = await kind.fresh();
      const results = await Promise.all(
        [...Array(200).keys()].map((i) => store.hours.add('ana', entry({ minutes: 1, requestId: `r${i % 100}` }))),
      );
      expect(results.filter((r) => r.created)).toHaveLength(100);
      const stored = await store.hours.list('ana');
      expect(stored).toHaveLength(100);
      expect(new Set(stored.map((e) => e.requestId)).size).toBe(100);
      expect(new Set(stored.map((e) => e.id)).size).toBe(100);
    }, 60_000);

    it('rejects a day over 24 hours and stores nothing, even when two logs arrive together', async () => {
      const store = await kind.fresh();
      const both = await Promise.allSettled([
        store.hours.add('ana', entry({ minutes: 13 * 60 })),
        store.hours.add('ana', entry({ minutes: 13 * 60 })),
      ]);
      expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(DayFullError);
      expect((refused.reason as DayFullError).already).toBe(13 * 60);
      expect(await store.hours.list('ana')).toHaveLength(1);
      const first = (await store.hours.list('ana'))[0]!;
      await expect(store.hours.update('ana', first.id, { minutes: 24 * 60 })).resolves.toMatchObject({ minutes: 1440 });
      await store.hours.add('ana', entry({ date: '2026-01-03', minutes: 600 }));
      await expect(store.hours.update('ana', first.id, { date: '2026-01-03' })).rejects.toBeInstanceOf(DayFullError);
    });

    it('approve all approves exactly the entries shown, not one logged meanwhile', async () => {
      const store = await kind.fresh();
      for (let i = 0; i < 3; i++) await store.hours.add('ana', entry({ requestId: `r${i}` }));
      const shown = (await store.hours.pending(['ana'])).get('ana')!.map((e) => e.id);
      const [review, late] = await Promise.all([
        store.hours.review('ana', shown, 'approved', 'sue'),
        store.hours.add('ana', entry({ requestId: 'late' })),
      ]);
      expect(review.changed.map((e) => e.id).sort()).toEqual([...shown].sort());
      const after = await store.hours.list('ana');
      expect(after.find((e) => e.id === late.entry.id)?.status).toBe('pending');
      expect(after.filter((e) => e.status === 'approved')).toHaveLength(3);
      expect(await store.hours.review('ana', ['999'], 'approved', 'sue')).toEqual({ changed: [], unknown: ['999'] });
    });

    it('never gives out an entry id twice, even after the newest entry is deleted', async () => {
      const store = await kind.fresh();
      await store.hours.add('ana', entry({ requestId: 'a' }));
      const second = await store.hours.add('ana', entry({ requestId: 'b' }));
      await store.hours.remove('ana', second.entry.id);
      const third = await store.hours.add('ana', entry({ requestId: 'c' }));
      expect(Number(third.entry.id)).toBeGreaterThan(Number(second.entry.id));
    });

    it('keeps an enrollment and a milestone marked at the same moment', async () => {
      const store = await kind.fresh();
      await store.people.put(person('ana'));
      await Promise.all([
        store.people.enroll(person('ana'), { hired: '2026-01-02' }, person('sue', { role: 'supervisor' })),
        store.people.update('ana', (p) => ({ ...p, milestones: { ...p.milestones, training: '2026-01-03' } })),
        store.people.update('ana', (p) => ({ ...p, nudgesMuted: true })),
      ]);
      expect(await store.people.get('ana')).toMatchObject({
        hired: '2026-01-02',
        milestones: { training: '2026-01-03' },
        nudgesMuted: true,
      });
      expect((await store.people.get('sue'))?.role).toBe('supervisor');
      await store.people.enroll(person('ana'), { supervisorId: 'sue' });
      expect((await store.people.bySupervisor('sue')).map((p) => p.id)).toEqual(['ana']);
      expect(await store.people.insert(person('ana'))).toBe(false);
      expect(await store.people.get('constructor')).toBeUndefined();
    });

    it('keeps every change made to one record at the same moment, and inserts once', async () => {
      const store = await kind.fresh();
      const notes = await store.collection('notes', z.record(z.string(), z.number()));
      await Promise.all(
        [...Array(50).keys()].map((i) => notes.update('n', (cur) => ({ ...(cur ?? {}), [`k${i}`]: i }))),
      );
      expect(Object.keys((await notes.get('n'))!)).toHaveLength(50);
      const inserted = await Promise.all([notes.insert('once', { a: 1 }), notes.insert('once', { a: 2 })]);
      expect(inserted.sort()).toEqual([false, true]);
      const taken = await Promise.all([notes.take('once'), notes.take('once')]);
      expect(taken.filter(Boolean)).toHaveLength(1);
      await notes.put('open', { open: 1 });
      expect((await notes.where({ open: 1 })).map((r) => r.id)).toEqual(['open']);
    });

    it('claims each queued message for one sender only, and never queues a known key again', async () => {
      const store = await kind.fresh();
      const at = new Date().toISOString();
      const items = [...Array(20).keys()].map((i) => ({ key: `k${i}`, target: { type: 'person', personId: 'ana' } }));
      expect(await store.outbox.enqueue('nudges/ana', items, at)).toBe(20);
      expect(await store.outbox.enqueue('nudges/ana', items, at)).toBe(0);
      const old = '2000-01-01T00:00:00.000Z';
      const [a, b] = await Promise.all([
        store.outbox.claim('nudges/ana', 100, old),
        store.outbox.claim('nudges/ana', 100, old),
      ]);
      expect(a.length + b.length).toBe(20);
      expect(new Set([...a, ...b].map((i) => i.key)).size).toBe(20);
      for (const item of a) await store.outbox.finish('nudges/ana', item.key, { status: 'sent', at, to: 'ana' });
      const listed = await store.outbox.list('nudges/ana');
      expect(listed.filter((i) => i.status === 'sent')).toHaveLength(a.length);
    });

    it('queues, claims and finishes for 30 people at once exactly as for each alone', async () => {
      const store = await kind.fresh();
      const at = '2026-01-05T15:00:00.000Z';
      const shards = [...Array(30).keys()].map((i) => `nudges/p${i}`);
      // Person i has i + 1 messages, all queued at one time: a claim takes them by key.
      const itemsOf = (i: number) =>
        [...Array(i + 1).keys()].map((k) => ({ key: `k${String(k).padStart(2, '0')}`, target: { n: i } }));
      const counts = await Promise.all(shards.map((s, i) => store.outbox.enqueue(s, itemsOf(i), at)));
      expect(counts).toEqual(shards.map((_, i) => i + 1));
      expect(await Promise.all(shards.map((s, i) => store.outbox.enqueue(s, itemsOf(i), at)))).toEqual(
        shards.map(() => 0),
      );
      const old = '2000-01-01T00:00:00.000Z';
      const claimed = await Promise.all(shards.map((s) => store.outbox.claim(s, 5, old)));
      expect(claimed.map((c) => c.map((i) => i.key))).toEqual(
        shards.map((_, i) =>
          itemsOf(i)
            .slice(0, 5)
            .map((item) => item.key),
        ),
      );
      expect(claimed.map((c) => c.map((i) => i.target))).toEqual(
        shards.map((_, i) =>
          itemsOf(i)
            .slice(0, 5)
            .map(() => ({ n: i })),
        ),
      );
      // Even people's messages are sent, odd people's dropped; the first is sent, then put back in the queue.
      await Promise.all(
        shards.flatMap((s, i) =>
          claimed[i]!.map((item) =>
            store.outbox.finish(s, item.key, i % 2 ? { status: 'dropped' } : { status: 'sent', at, to: `p${i}` }),
          ),
        ),
      );
      await Promise.all(shards.map((s) => store.outbox.finish(s, 'k00', { status: 'queued' })));
      for (const [i, s] of shards.entries()) {
        const listed = await store.outbox.list(s);
        const status = (key: string) => listed.find((item) => item.key === key)?.status;
        expect(listed).toHaveLength(i + 1);
        expect(status('k00')).toBe('queued');
        for (const item of claimed[i]!.slice(1)) expect(status(item.key)).toBe(i % 2 ? 'dropped' : 'sent');
        for (const item of itemsOf(i).slice(5)) expect(status(item.key)).toBe('queued');
        if (i % 2 === 0 && i > 0) expect(listed.find((item) => item.key === 'k01')?.to).toBe(`p${i}`);
      }
    });

    it('gives a lease to one of three contenders in each of 50 trials, with renew, release and fencing', async () => {
      const store = await kind.fresh();
      for (let trial = 0; trial < 50; trial++) {
        const got = await Promise.all(['a', 'b', 'c'].map((o) => store.lease(`job-${trial}`, 60_000, o)));
        expect(got.filter(Boolean)).toHaveLength(1);
      }
      const first = (await store.lease('nudges', 60_000, 'a'))!;
      expect(await store.lease('nudges', 60_000, 'b')).toBeUndefined();
      expect(await first.renew(60_000)).toBe(true);
      await first.release();
      const second = (await store.lease('nudges', 60_000, 'b'))!;
      expect(second.token).toBeGreaterThan(first.token);
      expect(await first.renew(60_000)).toBe(false);
    });

    it.skipIf(!kind.database)('copies a lowdb store into the database, and a second copy adds nothing', async () => {
      await kind.fresh();
      const { sql, schema } = await kind.database!();
      const dir = await tempDir();
      const db = path.join(dir, 'db.json');
      const lowdb = await openLowdbStore(db);
      await lowdb.people.put(person('ana', { supervisorId: 'sue' }));
      await lowdb.people.link('slack:UANA', 'ana');
      for (let i = 0; i < 5; i++) await lowdb.hours.add('ana', entry({ requestId: `r${i}`, minutes: 30 + i }));
      await lowdb.hours.remove('ana', '5');
      await (
        await lowdb.collection('questions', z.any())
      ).put('q1', {
        question: 'x',
        personId: 'ana',
        askedAt: NOW,
        reason: 'no-answer',
        wantsReply: false,
        status: 'open',
      });
      await lowdb.outbox.enqueue('nudges/ana', [{ key: 'k1', target: { type: 'person', personId: 'ana' } }], NOW);
      await lowdb.close();
      const first = await copyLowdbToPostgres(db, sql, schema);
      const again = await copyLowdbToPostgres(db, sql, schema);
      expect(first).toEqual({ people: 1, entries: 4, records: 2, mismatches: [] });
      expect(again).toEqual(first);
      await fs.rm(dir, { recursive: true, force: true });
    });

    it('keeps the time an entry was made as the caller gives it: the bot clock (PEERBOT_NOW), not the machine', async () => {
      const store = await kind.fresh();
      const { entry: added } = await store.hours.add('ana', entry({ createdAt: '2026-01-02T08:15:00.000-06:00' }));
      expect(added.createdAt).toBe('2026-01-02T08:15:00.000-06:00');
      const services = await servicesOn(store);
      expect(await say(services, 'ben', '/hours log 1h shadowing yesterday')).toMatch(/^Saved/);
      const [logged] = await store.hours.list('ben');
      expect(logged?.createdAt).toBe(services.clock.now().toISO());
      expect(logged?.createdAt.startsWith('2026-01-05T09:00')).toBe(true);
      // Deleted and brought back by /hours undo, it keeps the time it was first made.
      await say(services, 'ben', '/hours delete 1');
      expect(await say(services, 'ben', '/hours undo')).toMatch(/is back, as #2/);
      expect((await store.hours.list('ben'))[0]?.createdAt).toBe(logged?.createdAt);
    });

    it('keeps only the last review’s reason as reviewNote, and each reason with its own history item', async () => {
      const store = await kind.fresh();
      const { entry: added } = await store.hours.add('ana', entry());
      const item = (n: number) => ({ action: 'rejected' as const, by: 'sue', at: NOW, n });
      await store.hours.review('ana', [added.id], 'rejected', 'sue', { note: 'wrong date', history: item(1) });
      await store.hours.update('ana', added.id, { status: 'pending' });
      await store.hours.review('ana', [added.id], 'rejected', 'sue', { history: item(2) });
      const [stored] = await store.hours.list('ana');
      expect(stored?.reviewNote).toBeUndefined();
      expect(stored?.history?.map((h) => h.reason)).toEqual(['wrong date', undefined]);
    });

    it('lists the hours of several people in one call, each oldest first, as list does', async () => {
      const store = await kind.fresh();
      await store.hours.add('ana', entry({ date: '2026-01-03' }));
      await store.hours.add('ana', entry({ date: '2026-01-01' }));
      await store.hours.add('ben', entry({ minutes: 30 }));
      const many = await store.hours.listMany(['ben', 'ana', 'cy']);
      expect([...many.keys()].sort()).toEqual(['ana', 'ben', 'cy']);
      expect(many.get('ana')).toEqual(await store.hours.list('ana'));
      expect(many.get('ana')!.map((e) => e.date)).toEqual(['2026-01-01', '2026-01-03']);
      expect(many.get('ben')!.map((e) => e.minutes)).toEqual([30]);
      expect(many.get('cy')).toEqual([]);
    });

    it('marks attendance and logs the call in one step: both, or neither when the day is full or the write fails', async () => {
      const store = await kind.fresh();
      const meetings = await store.collection('meetings', MeetingSchema);
      await meetings.put('tc', meeting('tc'));
      const call = { ...entry({ date: '2026-01-05', minutes: 60 }), origin: 'meeting:tc:2026-01-05' };
      const first = await store.meetings.markAttended('tc', '2026-01-05', 'ana', call);
      expect(first).toMatchObject({ marked: true, hours: { created: true } });
      // Said again: marked once, logged once.
      expect(await store.meetings.markAttended('tc', '2026-01-05', 'ana', call)).toMatchObject({
        marked: false,
        hours: { created: false },
      });
      expect((await store.hours.list('ana')).length).toBe(1);
      expect((await meetings.get('tc'))!.attended).toEqual({ '2026-01-05': ['ana'] });
      // A full day: no hours, no attendance.
      await store.hours.add('ben', entry({ date: '2026-01-05', minutes: 1400 }));
      await expect(
        store.meetings.markAttended('tc', '2026-01-05', 'ben', { ...call, minutes: 60 }),
      ).rejects.toBeInstanceOf(DayFullError);
      expect((await meetings.get('tc'))!.attended['2026-01-05']).toEqual(['ana']);
      expect(await store.meetings.markAttended('gone', '2026-01-05', 'cy', call)).toBeUndefined();
      expect(await store.hours.list('cy')).toEqual([]);
      // The attendance cannot be written: the hours are not kept either.
      const db = await kind.database?.();
      if (db) {
        await db.sql.query(
          `CREATE OR REPLACE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql`,
        );
        await db.sql.query('CREATE TRIGGER refuse BEFORE UPDATE ON records FOR EACH ROW EXECUTE FUNCTION refuse()');
      } else await breakRecordsFolder(store.location);
      try {
        await expect(store.meetings.markAttended('tc', '2026-01-05', 'dee', call)).rejects.toThrow();
        expect(await store.hours.list('dee')).toEqual([]);
      } finally {
        if (db) await db.sql.query('DROP TRIGGER refuse ON records');
      }
    });

    if (kind.name === 'lowdb')
      it('finishes at start an attendance a crash left between the hours and the meeting file', async () => {
        const dir = await tempDir();
        const db = path.join(dir, 'db.json');
        const store = await openLowdbStore(db);
        await (await store.collection('meetings', MeetingSchema)).put('tc', meeting('tc'));
        // Step one of /meet attended done (the call's hours, naming meeting and date), then the crash.
        await store.hours.add('ana', { ...entry({ date: '2026-01-05' }), origin: 'meeting:tc:2026-01-05' });
        await store.close();
        const again = await openLowdbStore(db);
        expect((await (await again.collection('meetings', MeetingSchema)).get('tc'))!.attended).toEqual({
          '2026-01-05': ['ana'],
        });
        await again.close();
        await fs.rm(dir, { recursive: true, force: true });
      });

    it('stores an optional field added to an entry and returns it as given', async () => {
      const store = await kind.fresh();
      const { entry: added } = await store.hours.add('ana', { ...entry(), changedBy: 'ana' } as HourDraft);
      expect((await store.hours.list('ana'))[0]).toMatchObject({ id: added.id, changedBy: 'ana' });
    });
  });
}
