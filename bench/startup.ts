import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildBenchStore } from './fixture.ts';

const root = path.resolve(import.meta.dirname, '..');

/** How the bot is started: through tsx (before the build), or compiled (what `npm start` runs now). */
export const WAYS = {
  'tsx src/main.ts': [process.execPath, '--import', 'tsx', 'src/main.ts'],
  'node dist/src/main.js': [process.execPath, 'dist/src/main.js'],
} as const;

export interface StartupFigures {
  way: string;
  /** From spawn to /help answered on standard output, in ms (median of the runs). */
  helpMs: number;
  /** Resident memory of the idle console bot on the given store once it answered /help, in bytes. */
  rss: number;
}

function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
}

/** Starts the console bot, sends /help, and times the answer; then reads its memory while it idles. */
async function once(command: readonly string[], env: Record<string, string>): Promise<{ ms: number; rss: number }> {
  const [bin, ...args] = command;
  const started = performance.now();
  const child = spawn(bin === 'node' ? process.execPath : bin!, args, {
    cwd: root,
    env: { ...process.env, SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '', PORT: '', ...env },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  child.stdin.write('/help\n');
  const ms = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Example: /help')) resolve(performance.now() - started);
    });
    child.once('exit', (code) => reject(new Error(`the bot exited with ${code} before answering /help`)));
  });
  // Idle for a moment after the answer (timers, lazy loads), then read its memory.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const rss = residentBytes(child.pid!);
  child.stdin.end();
  await new Promise((resolve) => child.once('exit', resolve));
  return { ms, rss };
}

/** One start of the bot with `env` (a database URL, say): /help answered, and idle memory. */
export async function startOnce(
  command: readonly string[],
  env: Record<string, string>,
): Promise<{ helpMs: number; rss: number }> {
  const { ms, rss } = await once(command, env);
  return { helpMs: ms, rss };
}

export async function benchStartup(dbPath: string, runs = 5): Promise<StartupFigures[]> {
  const figures: StartupFigures[] = [];
  for (const [way, command] of Object.entries(WAYS)) {
    const samples: Array<{ ms: number; rss: number }> = [];
    for (let i = 0; i < runs; i++) samples.push(await once(command, { PEERBOT_DB: dbPath }));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    figures.push({ way, helpMs: median(samples.map((s) => s.ms)), rss: median(samples.map((s) => s.rss)) });
  }
  return figures;
}

export function printStartup(figures: StartupFigures[]): void {
  for (const f of figures)
    console.log(
      `start-up, ${f.way.padEnd(22)} /help answered in ${(f.helpMs / 1000).toFixed(2)} s (target ≤ 1 s), idle with 100k entries ${(f.rss / 1024 / 1024).toFixed(0)} MB resident (target ≤ 150 MB)`,
    );
}

// `npx tsx bench/startup.ts`: this part alone, on its own 100k-entry store.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'peerbot-bench-'));
  try {
    const fixture = await buildBenchStore(dir);
    printStartup(await benchStartup(fixture.dbPath));
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}
