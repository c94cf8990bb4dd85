import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface BenchRow {
  name: string;
  median: number;
  p99: number;
  target: string;
}

/** Runs `fn` `runs` times (after a few warm-ups) and returns median and p99 in milliseconds. */
export async function measure(
  name: string,
  target: string,
  runs: number,
  fn: (i: number) => Promise<unknown>,
): Promise<BenchRow> {
  for (let i = 0; i < Math.min(5, runs); i++) await fn(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  return { name, target, ...summarize(times) };
}

export function summarize(times: number[]): { median: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p99: at(0.99) };
}

/** A row from raw samples in milliseconds. */
export function row(name: string, samples: number[], target: string): BenchRow {
  return { name, target, ...summarize(samples) };
}

export function printRows(rows: BenchRow[]): void {
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`${pad('measure', 52)}${pad('median', 12)}${pad('p99', 12)}target`);
  for (const r of rows)
    console.log(
      `${pad(r.name, 52)}${pad(`${r.median.toFixed(2)} ms`, 12)}${pad(`${r.p99.toFixed(2)} ms`, 12)}${r.target}`,
    );
}

/** Runs bench/memory.mjs in a fresh process (`node` flags first, then its own arguments) and reads its figures. */
export function residentMemory(nodeFlags: string[], args: string[]): { rss?: number; heapUsed?: number } {
  const script = path.join(import.meta.dirname, 'memory.mjs');
  const child = spawnSync(process.execPath, ['--expose-gc', ...nodeFlags, script, ...args], { encoding: 'utf8' });
  return JSON.parse(child.stdout.trim().split('\n').pop() || '{}') as { rss?: number; heapUsed?: number };
}
