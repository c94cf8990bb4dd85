import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/app.ts';
import { dispatch } from '../src/bot.ts';
import { silentLogger } from '../src/services.ts';
import { runNudgeCheck } from '../src/notify/nudges.ts';
import { buildBenchStore } from './fixture.ts';
import { measure, printRows, residentMemory, summarize } from './measure.ts';
import { benchPolicy } from './policy.ts';
import { benchSlack } from './slack.ts';
import { benchStartup, printStartup } from './startup.ts';
import { benchInput } from './input.ts';
import { benchPostgres, printPostgres } from './postgres.ts';
import type { BenchRow } from './measure.ts';

/**
 * npm run bench: the figures the issues set targets for, on a lowdb store of 100,000 hour
 * entries over 1,000 mentors, then on PostgreSQL with 1,000,000 over 10,000 (bench/postgres.ts).
 * Prints median and p99; asserts nothing (speed is measured, not tested).
 */
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'peerbot-bench-'));
const t0 = performance.now();
const fixture = await buildBenchStore(dir);
console.log(
  `Built a store of 100,000 entries over ${fixture.mentors.length} mentors in ${((performance.now() - t0) / 1000).toFixed(1)} s (${dir})\n`,
);
const config = loadConfig({
  ...process.env,
  PEERBOT_DB: fixture.dbPath,
  PEERBOT_NOW: '2026-03-16T10:00:00-05:00',
  SLACK_BOT_TOKEN: '',
  DISCORD_TOKEN: '',
});

const firstLoad = performance.now();
const services = await createServices(config, silentLogger);
const loads: number[] = [performance.now() - firstLoad];
const rows: BenchRow[] = [];

const { mentors, supervisors } = fixture;
const run = (userId: string, command: string, text: string) =>
  dispatch(services, { platform: 'console', userId, command, text });
rows.push(
  await measure('/hours log (parse + write + reply)', 'p99 ≤ 25 ms', 1000, (i) =>
    run(mentors[(i + 1000) % mentors.length]!, 'hours', 'log 30 min 1on1 met with Sam'),
  ),
);
rows.push(
  await measure('/cert for one mentor', 'p99 ≤ 5 ms', 2000, (i) =>
    run(mentors[(i + 1000) % mentors.length]!, 'cert', ''),
  ),
);
rows.push(
  await measure('/team for a supervisor of 50', 'p99 ≤ 20 ms', 300, (i) =>
    run(supervisors[(i + 100) % supervisors.length]!, 'team', ''),
  ),
);

// The lowdb store has one owner: everything in this process shares one opened store.
rows.push(...(await benchPolicy()), ...(await benchSlack({ services })));
rows.push(...(await benchInput()));

// The first deadline check on a new deployment sends every nudge at once (into inboxes here).
const nudgeRuns: Array<{ name: string; ms: number; sent: number }> = [];
for (const name of ['first', 'second']) {
  const start = performance.now();
  const result = await runNudgeCheck(services, []);
  nudgeRuns.push({ name, ms: performance.now() - start, sent: result.sent.length });
}

// Closed before the child processes open the same store (one owner at a time).
await services.store.close();
const { rss = 0, heapUsed = 0 } = residentMemory(['--import', 'tsx'], [fixture.dbPath]);
// More loads for the start-up figure, after the memory reading so their copies don't count.
for (let i = 0; i < 9; i++) {
  const start = performance.now();
  const again = await createServices(config, silentLogger);
  loads.push(performance.now() - start);
  await again.store.close();
}
rows.unshift({
  name: `load the store at start (100k entries, ${loads.length} runs)`,
  target: '≤ 1000 ms',
  ...summarize(loads),
});
const startup = await benchStartup(fixture.dbPath);

printRows(rows);
for (const run of nudgeRuns)
  console.log(
    `deadline check (1,000 mentors), ${run.name} run: ${(run.ms / 1000).toFixed(1)} s, ${run.sent} nudges sent`,
  );
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
console.log(
  `\nresident memory of a bot process with the store loaded: ${mb(rss)} (heap ${mb(heapUsed)}; target ≤ 200 MB)`,
);
printStartup(startup);
await fs.rm(dir, { recursive: true, force: true });

// The PostgreSQL column: 1,000,000 entries over 10,000 mentors, on the local server when
// PEERBOT_BENCH_DATABASE_URL is set (its own schema, dropped afterwards), else on PGlite.
if (process.env.PEERBOT_BENCH_PG !== '0')
  printPostgres(await benchPostgres(), Number(process.env.PEERBOT_BENCH_PG_MENTORS ?? 10_000));
process.exit(0);
