import fc from 'fast-check';
import { FuzzWorld } from '../test/fuzz/world.ts';
import type { FuzzOutcome } from '../test/fuzz/world.ts';
import { fuzzInput, SEEDS, seedLine, seedUser } from '../test/fuzz/inputs.ts';

/**
 * npm run fuzz [-- --cases 10000 --seed 42 --per-world 500]: the long run of the fuzz test.
 * Every input goes through dispatch on the real lowdb store in a temp folder; a fresh world
 * (store, people, meetings) is made every --per-world cases and after a store stops loading.
 * Prints the counts the issue asks for. Exits 1 when any input broke a promise.
 */
const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : process.env[`FUZZ_${name.replace('-', '_').toUpperCase()}`];
  return value === undefined ? fallback : Number(value);
};
const cases = arg('cases', 10_000);
const seed = arg('seed', Date.now() % 2 ** 31);
const perWorld = arg('per-world', 500);

const seeded = SEEDS.flatMap((s) => [seedLine(s), seedLine(s, 2000)].map((line) => ({ user: seedUser(s), line })));
const inputs = [
  ...seeded.map((s) => ({ ...s, platform: 'console' as const })),
  ...fc.sample(fuzzInput, { numRuns: Math.max(0, cases - seeded.length), seed }),
].slice(0, cases);

const tally = { faults: 0, stackTraces: 0, refusedStored: 0, unloadable: 0, over1s: 0, refused: 0 };
const bad: FuzzOutcome[] = [];
let slowest: FuzzOutcome | undefined;
let mostCpu: FuzzOutcome | undefined;
let world = await FuzzWorld.create();
let inWorld = 0;
const started = Date.now();
for (const [i, input] of inputs.entries()) {
  if (inWorld >= perWorld) {
    await world.close();
    world = await FuzzWorld.create();
    inWorld = 0;
  }
  inWorld++;
  const outcome = await world.check(input);
  if (outcome.refused) tally.refused++;
  if (!slowest || outcome.ms > slowest.ms) slowest = outcome;
  if (!mostCpu || outcome.cpuMs > mostCpu.cpuMs) mostCpu = outcome;
  if (outcome.ms > 1000) tally.over1s++;
  const p = outcome.problems;
  if (p.some((x) => x.startsWith('internal fault'))) tally.faults++;
  if (p.some((x) => x.startsWith('stack trace'))) tally.stackTraces++;
  if (p.some((x) => x.startsWith('a refused command'))) tally.refusedStored++;
  if (p.length) bad.push(outcome);
  if (p.some((x) => x.startsWith('the store does not load'))) {
    tally.unloadable++;
    // A store that no longer loads would fail every later input: start again from a good one.
    await world.close();
    world = await FuzzWorld.create();
    inWorld = 0;
  }
  if ((i + 1) % 1000 === 0) console.error(`  ${i + 1} cases, ${bad.length} with problems`);
}
await world.close();

const show = (o: FuzzOutcome) =>
  `${o.ms.toFixed(1)} ms (${o.cpuMs.toFixed(1)} ms CPU) as ${o.input.user} on ${o.input.platform}: ${JSON.stringify(o.input.line.slice(0, 80))}${o.input.line.length > 80 ? ` … (${o.input.line.length} characters)` : ''}`;
console.log(`fuzz: ${inputs.length} cases, seed ${seed}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`  refused (a plain message, nothing stored): ${tally.refused}`);
console.log(`  internal-fault replies:                    ${tally.faults}`);
console.log(`  stack traces in replies:                   ${tally.stackTraces}`);
console.log(`  refused but stored something:              ${tally.refusedStored}`);
console.log(`  unloadable stores:                         ${tally.unloadable}`);
console.log(`  replies slower than 1 s:                   ${tally.over1s}`);
if (slowest) console.log(`  slowest reply: ${show(slowest)}`);
if (mostCpu) console.log(`  most CPU:      ${show(mostCpu)}`);
const kinds = new Map<string, FuzzOutcome>();
for (const o of bad)
  for (const p of o.problems) {
    const kind = p.replace(/\/[^ ]*peerbot-fuzz-[^/]+/g, '<temp>').slice(0, 110);
    if (!kinds.has(kind)) kinds.set(kind, o);
  }
for (const [problem, o] of [...kinds].slice(0, 20))
  console.log(`\n- ${problem}\n  ${show(o)}\n  -> ${o.reply.split('\n')[0]!.slice(0, 120)}`);
process.exit(bad.length ? 1 : 0);
