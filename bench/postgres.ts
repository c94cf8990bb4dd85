import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/app.ts';
import { dispatch } from '../src/bot.ts';
import { silentLogger } from '../src/services.ts';
import { runNudgeCheck } from '../src/notify/nudges.ts';
import { openPostgresStore } from '../src/store/postgres/store.ts';
import { poolSql } from '../src/store/postgres/sql.ts';
import { pgliteSql } from '../src/store/postgres/pglite.ts';
import type { Sql } from '../src/store/postgres/sql.ts';
import { measure, residentMemory, summarize } from './measure.ts';
import { CATEGORIES } from './fixture.ts';
import type { BenchRow } from './measure.ts';
import { startOnce } from './startup.ts';

export interface PostgresFigures {
  where: string;
  rows: BenchRow[];
  loadSeconds: number;
  nudges: Array<{ name: string; ms: number; sent: number }>;
  /** Resident memory of a bot process after 200 /cert and /team, and of the idle compiled bot. */
  rss?: number;
  /** The same, on the compiled bot (node dist/..., as npm start runs it). */
  rssCompiled?: number;
  idle?: { helpMs: number; rss: number };
}

/**
 * Fills an empty peerbot schema with `mentors` mentors of `perMentor` entries each (1,000,000
 * by default), 50 mentors to a supervisor, in three INSERT … SELECT statements made by the
 * database itself (generate_series): the same rows the store writes, without a million
 * round trips. The same shape as the lowdb fixture (bench/fixture.ts).
 */
export async function fillPostgres(sql: Sql, mentors = 10_000, perMentor = 100): Promise<void> {
  const person = (extra: string) => `jsonb_build_object(${extra}, 'programId', 'wi-peer-mentor',
      'nudgesMuted', false, 'createdAt', '2025-06-01T00:00:00Z')`;
  await sql.query(
    `INSERT INTO people (id, supervisor_id, data)
     SELECT 'sup' || s, NULL, ${person(`'id', 'sup' || s, 'name', 'Supervisor ' || s, 'role', 'supervisor', 'milestones', '{}'::jsonb`)}
     FROM generate_series(0, $1::int - 1) AS s`,
    [Math.ceil(mentors / 50)],
  );
  await sql.query(
    `INSERT INTO people (id, supervisor_id, data)
     SELECT 'mentor' || m, 'sup' || (m / 50), ${person(`'id', 'mentor' || m, 'name', 'Mentor ' || m, 'role', 'mentor',
       'supervisorId', 'sup' || (m / 50), 'hired', '2025-05-15', 'internshipStart', '2025-06-01',
       'milestones', jsonb_build_object('age-18', '2025-06-01', 'peer-mentor-101', '2025-06-10')`)}
     FROM generate_series(0, $1::int - 1) AS m`,
    [mentors],
  );
  await sql.query(
    `INSERT INTO hour_entries (person_id, id, date, minutes, status, request_id, origin, data)
     SELECT person_id, id, date, minutes, status, NULL, NULL,
       jsonb_build_object('id', id::text, 'date', date, 'minutes', minutes, 'category', category,
         'faceToFace', category LIKE 'mentoring%', 'status', status, 'note', note, 'createdAt', '2025-06-01T00:00:00Z')
     FROM (
       SELECT 'mentor' || m AS person_id, e + 1 AS id,
         to_char(date '2025-06-01' + (e * 270 / $2::int), 'YYYY-MM-DD') AS date,
         30 + ((m * 7 + e * 13) % 150) AS minutes,
         ($3::text[])[1 + (m + e) % 6] AS category,
         CASE WHEN e % 5 = 0 THEN 'pending' ELSE 'approved' END AS status,
         CASE WHEN e % 3 = 0 THEN 'Met at the library and talked about the bus route to work.' ELSE '' END AS note
       FROM generate_series(0, $1::int - 1) AS m CROSS JOIN generate_series(0, $2::int - 1) AS e
     ) AS g`,
    [mentors, perMentor, CATEGORIES],
  );
  await sql.query(
    `INSERT INTO hour_counters (person_id, next_id) SELECT 'mentor' || m, $2::int + 1 FROM generate_series(0, $1::int - 1) AS m`,
    [mentors, perMentor],
  );
  await sql.query('ANALYZE');
}

/**
 * The PostgreSQL column of `npm run bench`: 1,000,000 entries over 10,000 mentors, on the server
 * in PEERBOT_BENCH_DATABASE_URL (in a schema of its own, dropped afterwards), else on PGlite.
 */
export async function benchPostgres(url = process.env.PEERBOT_BENCH_DATABASE_URL): Promise<PostgresFigures> {
  const mentors = Number(process.env.PEERBOT_BENCH_PG_MENTORS ?? 10_000);
  const schema = `peerbot_bench_${process.pid}`;
  const pgliteDir = url ? undefined : await fs.mkdtemp(path.join(os.tmpdir(), 'peerbot-bench-pglite-'));
  const sql = url ? poolSql(url, schema) : await pgliteSql(pgliteDir);
  const store = await openPostgresStore(sql, { schema: url ? schema : undefined });
  try {
    const t0 = performance.now();
    await fillPostgres(sql, mentors);
    const loadSeconds = (performance.now() - t0) / 1000;
    const env = {
      ...process.env,
      PEERBOT_NOW: '2026-03-16T10:00:00-05:00',
      SLACK_BOT_TOKEN: '',
      DISCORD_TOKEN: '',
      ...(url ? { DATABASE_URL: url, PEERBOT_DATABASE_SCHEMA: schema } : {}),
    };
    const config = loadConfig(env);
    // Ready to serve: everything a start does after its modules are loaded (pool, migrations check, policy index).
    const ready: number[] = [];
    if (url)
      for (let i = 0; i < 10; i++) {
        const start = performance.now();
        const again = await createServices(config, silentLogger);
        ready.push(performance.now() - start);
        await again.store.close();
      }
    const services = await createServices(config, silentLogger, url ? undefined : store);
    const run = (userId: string, command: string, text: string) =>
      dispatch(services, { platform: 'console', userId, command, text });
    const mentor = (i: number) => `mentor${(i * 7919 + 1000) % mentors}`;
    const supervisors = Math.ceil(mentors / 50);
    const rows: BenchRow[] = [];
    if (ready.length)
      rows.push({ name: 'ready to serve (pool, schema check, index)', target: '≤ 1000 ms', ...summarize(ready) });
    rows.push(
      await measure('/hours log (parse + write + reply)', 'p99 ≤ 15 ms', 1000, (i) =>
        run(mentor(i), 'hours', 'log 30 min 1on1 met with Sam'),
      ),
      await measure('/cert for one mentor', 'p99 ≤ 10 ms', 2000, (i) => run(mentor(i), 'cert', '')),
      await measure('/team for a supervisor of 50', 'p99 ≤ 30 ms', 300, (i) =>
        run(`sup${(i + 7) % supervisors}`, 'team', ''),
      ),
    );
    let rss: number | undefined;
    let rssCompiled: number | undefined;
    let idle: PostgresFigures['idle'];
    if (url) {
      rss = residentMemory(['--import', 'tsx'], ['--database', url, schema]).rss;
      rssCompiled = residentMemory([], ['--compiled', '--database', url, schema]).rss;
      idle = await startOnce(['node', 'dist/src/main.js'], { DATABASE_URL: url, PEERBOT_DATABASE_SCHEMA: schema });
    }
    const nudges: PostgresFigures['nudges'] = [];
    // PEERBOT_BENCH_PG_NUDGES=0 leaves the deadline check out (about 10,200 messages, over a minute).
    for (const name of process.env.PEERBOT_BENCH_PG_NUDGES === '0' ? [] : ['first', 'second']) {
      const start = performance.now();
      const result = await runNudgeCheck(services, []);
      nudges.push({ name, ms: performance.now() - start, sent: result.sent.length });
    }
    if (url) await services.store.close();
    return { where: url ? 'PostgreSQL server' : 'PGlite', rows, loadSeconds, nudges, rss, rssCompiled, idle };
  } finally {
    if (url) await sql.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await store.close().catch(() => undefined);
    if (pgliteDir) await fs.rm(pgliteDir, { recursive: true, force: true });
  }
}

export function printPostgres(f: PostgresFigures, mentors: number): void {
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(
    `\n${f.where}: ${(mentors * 100).toLocaleString('en-US')} entries over ${mentors.toLocaleString('en-US')} mentors (filled in ${f.loadSeconds.toFixed(1)} s)`,
  );
  for (const r of f.rows)
    console.log(
      `${pad(r.name, 52)}${pad(`${r.median.toFixed(2)} ms`, 12)}${pad(`${r.p99.toFixed(2)} ms`, 12)}${r.target}`,
    );
  for (const run of f.nudges)
    console.log(
      `deadline check (${mentors.toLocaleString('en-US')} mentors), ${run.name} run: ${(run.ms / 1000).toFixed(1)} s, ${run.sent} nudges sent (target ≤ 60 s)`,
    );
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  if (f.rss) console.log(`resident memory of a bot process after 200 /cert and /team: ${mb(f.rss)} (target ≤ 150 MB)`);
  if (f.rssCompiled)
    console.log(`the same, compiled bot (node dist/..., as npm start runs it): ${mb(f.rssCompiled)} (target ≤ 150 MB)`);
  if (!f.rss) console.log('ready, memory and start-up: not measured on PGlite (the database runs inside this process)');
  if (f.idle)
    console.log(
      `start-up, node dist/src/main.js on PostgreSQL: /help answered in ${(f.idle.helpMs / 1000).toFixed(2)} s, idle ${mb(f.idle.rss)} resident`,
    );
}

// `npx tsx bench/postgres.ts`: this column alone.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  printPostgres(await benchPostgres(), Number(process.env.PEERBOT_BENCH_PG_MENTORS ?? 10_000));
  process.exit(0);
}
