/**
 * `npm run eval:policy [-- file.jsonl ...]`: asks every question of each set through /ask, as a
 * person would, and counts three outcomes separately:
 * - right: the reply names its source on a "Source:" line and contains an expected pattern (the key
 *   fact or the expected source section); a line marked `unknown` is right only when it gets the
 *   "I'm not sure" reply;
 * - not sure: the bot said "I'm not sure" to a question the documents answer;
 * - wrong: a confident answer that misses the expected fact, or any answer to an `unknown` line.
 * A line may name the asker's program (`"program": "ma-cps"`) and role. With no files it runs the
 * dev set and every set in test/policy/. It is a measurement, so it exits 0 whatever the score.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/app.ts';
import { dispatch } from '../src/bot.ts';
import { plainText } from '../src/message.ts';
import { silentLogger } from '../src/services.ts';

const EvalLine = z.object({
  q: z.string(),
  expect: z.array(z.string()).default([]),
  unknown: z.boolean().optional(),
  program: z.string().optional(),
  role: z.enum(['mentor', 'supervisor', 'facilitator', 'admin']).optional(),
});
type EvalLine = z.infer<typeof EvalLine>;

const repoRoot = path.resolve(import.meta.dirname, '..');

export type Outcome = 'right' | 'not-sure' | 'wrong';

export interface EvalResult {
  line: EvalLine;
  reply: string;
  outcome: Outcome;
  /** Kept for callers that only want "answered well". */
  good: boolean;
  why?: string;
}

export function readEvalFile(file: string): EvalLine[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = EvalLine.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file} line ${i + 1} is not {"q": ..., "expect": [...]}`);
      return parsed.data;
    });
}

export async function evaluatePolicy(file: string): Promise<EvalResult[]> {
  const cases = readEvalFile(file);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerbot-eval-'));
  const services = await createServices(
    loadConfig({ ...process.env, PEERBOT_DB: path.join(dir, 'db.json') }),
    silentLogger,
  );
  const results: EvalResult[] = [];
  try {
    for (const line of cases) {
      // One asker per program and role, enrolled as an admin would, so program-aware answers are measured.
      const programId = line.program ?? 'wi-peer-mentor';
      const role = line.role ?? 'mentor';
      const userId = `eval-${programId}-${role}`;
      if (!(await services.store.people.get(userId)))
        await services.store.people.put({
          id: userId,
          role,
          programId,
          milestones: {},
          nudgesMuted: false,
          createdAt: '2026-03-01T10:00:00-06:00',
        });
      const reply = plainText(await dispatch(services, { platform: 'console', userId, command: 'ask', text: line.q }));
      const judged = judge(line, reply);
      results.push({ line, reply, ...judged, good: judged.outcome === 'right' });
    }
  } finally {
    await services.store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

export function judge(line: EvalLine, reply: string): { outcome: Outcome; why?: string } {
  const notSure = /^I'm not sure/m.test(reply);
  const found = line.expect.length === 0 || line.expect.some((p) => new RegExp(p, 'i').test(reply));
  if (line.unknown)
    return notSure ? { outcome: 'right' } : { outcome: 'wrong', why: 'should have said "I\'m not sure"' };
  if (notSure) return { outcome: 'not-sure', why: 'said "I\'m not sure"' };
  if (!/^Source: \S/m.test(reply)) return { outcome: 'wrong', why: 'no "Source:" line' };
  if (line.expect.length === 0) return { outcome: 'wrong', why: 'the line has no expected fact to check' };
  return found ? { outcome: 'right' } : { outcome: 'wrong', why: `no match for ${line.expect.join(' or ')}` };
}

export function defaultSets(): string[] {
  const dev = path.resolve(repoRoot, '../shared/eval/policy-dev.jsonl');
  const own = path.join(repoRoot, 'test', 'policy');
  return [
    ...(fs.existsSync(dev) ? [dev] : []),
    ...fs
      .readdirSync(own)
      .filter((n) => n.endsWith('.jsonl'))
      .sort()
      .map((n) => path.join(own, n)),
  ];
}

function pct(n: number, of: number): string {
  return `${n} (${of ? ((n / of) * 100).toFixed(1) : '0.0'}%)`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const files = args.filter((a) => !a.startsWith('--')).map((f) => path.resolve(f));
  for (const file of files.length ? files : defaultSets()) {
    const results = await evaluatePolicy(file);
    const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
    const n = results.length;
    console.log(`\n${path.relative(process.cwd(), file) || file}: ${n} questions`);
    console.log(
      `  right ${pct(count('right'), n)} · not sure ${pct(count('not-sure'), n)} · wrong ${pct(count('wrong'), n)}`,
    );
    const missed = results.filter((r) => r.outcome !== 'right');
    for (const r of missed) {
      console.log(`  - [${r.outcome}] "${r.line.q}"${r.line.program ? ` (${r.line.program})` : ''}: ${r.why}`);
      console.log(`      got: ${r.reply.split('\n')[0]}`);
      if (verbose) console.log(`      source: ${/^Source: .*$/m.exec(r.reply)?.[0] ?? '-'}`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
