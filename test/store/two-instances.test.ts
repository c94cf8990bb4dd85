import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { dispatch } from '../../src/bot.ts';
import { plainText } from '../../src/message.ts';
import { silentLogger } from '../../src/services.ts';
import type { Services } from '../../src/services.ts';
import { runNudgeCheck } from '../../src/notify/nudges.ts';
import { openPostgresStore } from '../../src/store/postgres/store.ts';
import { poolSql } from '../../src/store/postgres/sql.ts';
import type { Sql } from '../../src/store/postgres/sql.ts';
import { MONDAY, recordingAdapter, seedTeam } from '../notify/fixtures.ts';

const url = process.env.PEERBOT_TEST_DATABASE_URL;

/**
 * Two fully separate app instances (each its own pool, store and services) on one PostgreSQL
 * database, as two deployments would be. Needs the server: runs when PEERBOT_TEST_DATABASE_URL is set.
 */
describe.skipIf(!url)('two instances on one database', () => {
  const schema = `peerbot_two_${process.pid}`;
  let admin: Sql;
  let a: Services;
  let b: Services;

  const instance = async () => {
    const config = loadConfig({ PEERBOT_DB: '/nonexistent/db.json', PEERBOT_NOW: MONDAY, PEERBOT_ADMINS: 'admin' });
    return createServices(config, silentLogger, await openPostgresStore(poolSql(url!, schema), { schema }));
  };
  const say = async (s: Services, user: string, command: string, text: string, requestId?: string) =>
    plainText(await dispatch(s, { platform: 'console', userId: user, command, text, requestId }));

  beforeAll(async () => {
    admin = poolSql(url!, undefined, 1);
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    // Both migrate at once at start: one does it, the other finds it done.
    [a, b] = await Promise.all([instance(), instance()]);
    await seedTeam(a);
  }, 60_000);

  afterAll(async () => {
    await a?.store.close();
    await b?.store.close();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.close();
  });

  it('stores all 50 RSVPs sent at once to either instance', async () => {
    await a.store.people.put({ ...(await a.store.people.get('sam'))!, id: 'fran', role: 'facilitator' });
    await say(a, 'fran', 'meet', 'schedule "Learning Collaborative" meeting every 2nd tuesday 10:00 90m');
    const people = [...Array(50).keys()].map((i) => `p${i}`);
    await Promise.all(people.map((p, i) => say(i % 2 ? a : b, p, 'meet', 'rsvp lc yes')));
    const lc = (await (await b.store.collection('meetings', (await import('zod')).z.any())).get('lc')) as {
      rsvps: Record<string, Record<string, string>>;
    };
    expect(Object.keys(Object.values(lc.rsvps)[0]!).sort()).toEqual([...people].sort());
  });

  it('logs 2 x 200 entries for one person with every request replayed on the other instance: 0 lost, 0 doubled', async () => {
    const adds = [];
    for (let i = 0; i < 200; i++) {
      for (const [mine, other, tag] of [
        [a, b, 'a'],
        [b, a, 'b'],
      ] as const) {
        const draft = {
          date: '2026-03-10',
          minutes: 1,
          category: 'shadowing',
          faceToFace: false,
          status: 'pending' as const,
          note: '',
          requestId: `${tag}${i}`,
          createdAt: '2026-03-10T10:00:00.000-05:00',
        };
        adds.push(mine.store.hours.add('ana', draft), other.store.hours.add('ana', draft));
      }
    }
    const results = await Promise.all(adds);
    expect(results.filter((r) => r.created)).toHaveLength(400);
    const stored = (await a.store.hours.list('ana')).filter((e) => e.date === '2026-03-10');
    expect(stored).toHaveLength(400);
    expect(new Set(stored.map((e) => e.id)).size).toBe(400);
  }, 90_000);

  it('approve all approves exactly what was shown while a new log lands on the other instance', async () => {
    await say(b, 'ben', 'hours', 'log 1h documentation yesterday', 'ben-1');
    await say(b, 'ben', 'hours', 'log 2h documentation yesterday', 'ben-2');
    const shown = (await a.store.hours.pending(['ben'])).get('ben')!.map((e) => e.id);
    const [answer] = await Promise.all([
      say(a, 'sam', 'hours', `approve @ben ${shown.join(' ')}`),
      say(b, 'ben', 'hours', 'log 3h documentation yesterday', 'ben-3'),
    ]);
    expect(answer).toContain('Approved: 2 entries for Ben.');
    const after = await b.store.hours.list('ben');
    expect(
      after
        .filter((e) => e.status === 'approved')
        .map((e) => e.minutes)
        .sort(),
    ).toEqual([120, 60]);
    expect(after.find((e) => e.minutes === 180)?.status).toBe('pending');
  });

  it('sends every nudge exactly once when both schedulers fire on the same slot', async () => {
    const one = recordingAdapter('slack');
    const two = recordingAdapter('slack');
    for (const id of ['sam', 'tess', 'ana', 'ben', 'cy']) await a.store.people.link(`slack:U${id.toUpperCase()}`, id);
    const [x, y] = await Promise.all([runNudgeCheck(a, [one.adapter]), runNudgeCheck(b, [two.adapter])]);
    const delivered = [...one.direct, ...two.direct].map((d) => `${d.userId} ${d.text}`);
    expect(delivered.length).toBeGreaterThan(0);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(x.sent.length + y.sent.length).toBe(delivered.length);
    expect((await runNudgeCheck(a, [one.adapter])).sent).toEqual([]);
  });
});
