/**
 * `npx tsx scripts/tune-policy.ts`: calibrates the /ask abstain rule (src/policy/search.ts,
 * PolicyTuning) on the question sets in test/policy/, and checks it by cross-validation: for each
 * set in turn, the settings are chosen on the other sets only, then that set is scored with them.
 * The held-out figures are the honest ones; the tuned-on-all figures are not.
 *
 * It asks the index directly (no store, no chat layer), so a grid of settings runs in seconds.
 * The reply is judged like `npm run eval:policy` does (scripts/eval-policy.ts, judge()).
 */
import fs from 'node:fs';
import path from 'node:path';
import { answerText } from '../src/policy/answer-text.ts';
import { detectState } from '../src/policy/language.ts';
import type { State } from '../src/policy/language.ts';
import type { PolicyTuning } from '../src/policy/search.ts';
import { buildPolicyIndex, DEFAULT_TUNING } from '../src/policy/search.ts';
import type { Outcome } from './eval-policy.ts';
import { defaultSets, judge, readEvalFile } from './eval-policy.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const policies = path.join(repoRoot, 'data', 'policies');

function programStates(): Map<string, State | undefined> {
  const dir = path.join(repoRoot, 'data', 'programs');
  return new Map(
    fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .map((n) => {
        const { id, name } = JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8')) as { id: string; name: string };
        return [id, detectState(name)] as const;
      }),
  );
}

type Tally = Record<Outcome, number>;

/** Each set's right / not sure / wrong counts with one setting. */
function score(tuning: PolicyTuning, sets: Map<string, ReturnType<typeof readEvalFile>>): Map<string, Tally> {
  const index = buildPolicyIndex(policies, tuning);
  const states = programStates();
  const out = new Map<string, Tally>();
  for (const [name, lines] of sets) {
    const tally: Tally = { right: 0, 'not-sure': 0, wrong: 0 };
    for (const line of lines) {
      const match = index.answer(line.q, { state: states.get(line.program ?? 'wi-peer-mentor') });
      let reply = "I'm not sure about that.";
      if (match) {
        const text = answerText(match);
        reply = `${text.answer}\n${text.details ?? ''}\nSource: ${text.source}`;
      }
      tally[judge(line, reply).outcome]++;
    }
    out.set(name, tally);
  }
  return out;
}

function sum(tallies: Tally[]): Tally {
  return tallies.reduce(
    (a, t) => ({ right: a.right + t.right, 'not-sure': a['not-sure'] + t['not-sure'], wrong: a.wrong + t.wrong }),
    {
      right: 0,
      'not-sure': 0,
      wrong: 0,
    },
  );
}

/** Right answers, less five for every confident wrong one: a wrong rule is worse than "I'm not sure". */
const WRONG_COST = 5;
function objective(t: Tally): number {
  const n = t.right + t['not-sure'] + t.wrong;
  return (t.right - WRONG_COST * t.wrong) / n;
}

function pct(t: Tally): string {
  const n = t.right + t['not-sure'] + t.wrong;
  const p = (k: number) => `${((k / n) * 100).toFixed(1)}%`;
  return `right ${p(t.right)} · not sure ${p(t['not-sure'])} · wrong ${p(t.wrong)} (of ${n})`;
}

/**
 * The settings tried. Earlier runs also tried absentWeight 0.3-1, maxAbsent 0-2, coveragePower
 * 1-4, minHeaviest 0.5-0.6 and passageMargin 0.1-0.3 (README).
 */
function grid(): PolicyTuning[] {
  const out: PolicyTuning[] = [];
  for (const rarityPower of [0, 0.5, 1])
    for (const minCoverage of [0.7, 0.75, 0.8, 0.85])
      for (const minPassageCoverage of [0.7, 0.8, 0.9])
        out.push({ ...DEFAULT_TUNING, rarityPower, minCoverage, minPassageCoverage });
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const files = args.filter((a) => !a.includes('='));
  const sets = new Map((files.length ? files : defaultSets()).map((f) => [path.basename(f), readEvalFile(f)]));
  // `--default` scores the settings in use; `--default absentWeight=0.5` scores them with a change.
  const only = process.argv.includes('--default');
  const changed = Object.fromEntries(
    args.filter((a) => a.includes('=')).map((a) => [a.split('=')[0]!, Number(a.split('=')[1])]),
  ) as Partial<PolicyTuning>;
  const configs = only ? [{ ...DEFAULT_TUNING, ...changed }] : grid();
  const results = configs.map((t) => ({ t, by: score(t, sets) }));
  const names = [...sets.keys()];
  const best = (within: string[]) =>
    results.reduce((a, b) =>
      objective(sum(within.map((n) => b.by.get(n)!))) > objective(sum(within.map((n) => a.by.get(n)!))) ? b : a,
    );
  const all = best(names);
  console.log(`Best on all sets: ${JSON.stringify(all.t)}`);
  for (const n of names) console.log(`  ${n}: ${pct(all.by.get(n)!)}`);
  console.log(`  all: ${pct(sum(names.map((n) => all.by.get(n)!)))}`);
  console.log('\nCross-validation (each set scored with the settings chosen on the others):');
  const held: Tally[] = [];
  for (const n of names) {
    const chosen = best(names.filter((m) => m !== n));
    held.push(chosen.by.get(n)!);
    console.log(`  ${n}: ${pct(chosen.by.get(n)!)}  with ${JSON.stringify(chosen.t)}`);
  }
  console.log(`  all held out: ${pct(sum(held))}`);
}

await main();
