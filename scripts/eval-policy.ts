/**
 * `npm run eval:policy [-- file.jsonl]`: asks every question of the dev set through /ask, as a
 * person would, and prints the share answered well: the reply contains an expected pattern and
 * names its source on a "Source:" line; lines marked unknown must get the "I'm not sure" reply.
 * It is a measurement, so it exits 0 whatever the score.
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

const EvalLine = z.object({ q: z.string(), expect: z.array(z.string()).default([]), unknown: z.boolean().optional() });
type EvalLine = z.infer<typeof EvalLine>;

const repoRoot = path.resolve(import.meta.dirname, '..');
const TARGET = 0.9;

export interface EvalResult {
  line: EvalLine;
  reply: string;
  good: boolean;
  why?: string;
}

export async function evaluatePolicy(file: string): Promise<EvalResult[]> {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const cases = lines.map((l, i) => {
    const parsed = EvalLine.safeParse(JSON.parse(l));
    if (!parsed.success) throw new Error(`${file} line ${i + 1} is not {"q": ..., "expect": [...]}`);
    return parsed.data;
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerbot-eval-'));
  const services = await createServices(
    loadConfig({ ...process.env, PEERBOT_DB: path.join(dir, 'db.json') }),
    silentLogger,
  );
  const results: EvalResult[] = [];
  try {
    for (const line of cases) {
      const reply = plainText(
        await dispatch(services, { platform: 'console', userId: 'eval', command: 'ask', text: line.q }),
      );
      results.push({ line, reply, ...judge(line, reply) });
    }
  } finally {
    await services.store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

function judge(line: EvalLine, reply: string): { good: boolean; why?: string } {
  const notSure = /^I'm not sure/m.test(reply);
  const found = line.expect.length === 0 || line.expect.some((p) => new RegExp(p, 'i').test(reply));
  if (line.unknown) return notSure && found ? { good: true } : { good: false, why: 'should have said "I\'m not sure"' };
  if (notSure) return { good: false, why: 'said "I\'m not sure"' };
  if (!/^Source: \S/m.test(reply)) return { good: false, why: 'no "Source:" line' };
  return found ? { good: true } : { good: false, why: `no match for ${line.expect.join(' or ')}` };
}

async function main(): Promise<void> {
  const file = path.resolve(process.argv[2] ?? path.resolve(repoRoot, '../shared/eval/policy-dev.jsonl'));
  const results = await evaluatePolicy(file);
  const good = results.filter((r) => r.good).length;
  const share = results.length ? good / results.length : 0;
  const answered = results.filter((r) => !r.line.unknown);
  const cited = answered.filter((r) => /^Source: \S/m.test(r.reply)).length;
  const unknown = results.filter((r) => r.line.unknown);
  console.log(`Policy questions: ${file}`);
  console.log(
    `Score: ${good} of ${results.length} answered well (${(share * 100).toFixed(1)}%), target ${TARGET * 100}%: ${share >= TARGET ? 'PASS' : 'BELOW TARGET'}`,
  );
  console.log(`Answers citing a source: ${cited} of ${answered.length}`);
  console.log(
    `Off-topic questions answered "I'm not sure": ${unknown.filter((r) => r.good).length} of ${unknown.length}`,
  );
  const missed = results.filter((r) => !r.good);
  console.log(missed.length ? `Missed (${missed.length}):` : 'Missed: none');
  for (const r of missed) console.log(`  - "${r.line.q}": ${r.why}\n      got: ${r.reply.split('\n')[0]}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
