/**
 * Long inputs: the slowest reply to a 100 KB line (target ≤ 50 ms: it is refused at the
 * entrance, before any parser sees it) and to a line at the 2,000-character limit, in the
 * shapes that were slow before (quotes, short words, repeated dates and durations). Every
 * command and subcommand, as a mentor, a facilitator and an admin. `npx tsx bench/input.ts`
 * prints them; bench/run.ts calls benchInput().
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { allCommands } from '../commands/index.ts';
import { createServices } from '../src/app.ts';
import { dispatch, INPUT_LIMIT } from '../src/bot.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/services.ts';
import type { BenchRow } from './measure.ts';

const SHAPES = [
  '"a',
  '\u201ca',
  'x ',
  '"x" ',
  'a',
  '1.5 hours ',
  '2h ',
  'last friday ',
  'monday ',
  '1/1 ',
  'hired:1/1 ',
];
const STARTS = allCommands.flatMap((c) => [
  `${c.name} `,
  ...c.subcommands.map((s) => `${c.name} ${s.name.split(' ').at(-1)} `),
]);

export async function benchInput(): Promise<BenchRow[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'peerbot-bench-input-'));
  const config = loadConfig({
    PEERBOT_DB: path.join(dir, 'db.json'),
    PEERBOT_NOW: '2026-03-16T10:00:00-05:00',
    PEERBOT_ADMINS: 'admin',
  });
  const services = await createServices(config, silentLogger);
  const send = (userId: string, line: string) => {
    const space = line.indexOf(' ');
    return dispatch(services, {
      platform: 'console',
      userId,
      command: line.slice(0, space),
      text: line.slice(space + 1),
    });
  };
  await send('admin', 'admin role @fran facilitator');
  await send('admin', 'admin enroll @alice supervisor:@sue');
  await send('fran', 'meet schedule "Learning Collaborative" meeting every 2nd tuesday 10:00 90m');
  const timed = async (size: number) => {
    let slowest = { ms: 0, line: '' };
    const times: number[] = [];
    for (const start of STARTS)
      for (const shape of SHAPES) {
        const line = (start + shape.repeat(Math.ceil(size / shape.length))).slice(0, size);
        for (const user of ['alice', 'fran', 'admin']) {
          await send(user, line); // the first call of a parser pays for its compilation
          const t0 = performance.now();
          await send(user, line);
          const ms = performance.now() - t0;
          times.push(ms);
          if (ms > slowest.ms) slowest = { ms, line };
        }
      }
    times.sort((a, b) => a - b);
    return { times, slowest };
  };
  const big = await timed(100 * 1024);
  const limit = await timed(INPUT_LIMIT);
  await services.store.close();
  await fs.rm(dir, { recursive: true, force: true });
  const rowOf = (name: string, r: Awaited<ReturnType<typeof timed>>, target: string): BenchRow => ({
    name: `${name}, slowest ${r.slowest.ms.toFixed(1)} ms`,
    target: `${target} (slowest: /${r.slowest.line.slice(0, 24).trim()}…)`,
    median: r.times[Math.floor(r.times.length / 2)]!,
    p99: r.times[Math.ceil(r.times.length * 0.99) - 1]!,
  });
  return [
    rowOf(`100 KB line (${big.times.length} replies)`, big, 'slowest ≤ 50 ms'),
    rowOf(`2,000-character line (${limit.times.length})`, limit, 'slowest ≤ 1 s'),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { printRows } = await import('./measure.ts');
  printRows(await benchInput());
  process.exit(0);
}
