import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FuzzWorld } from './world.ts';
import { fuzzInput, SEEDS, seedLine, seedUser } from './inputs.ts';
import { INPUT_LIMIT } from '../../src/bot.ts';

/**
 * Random and adversarial inputs for every role and command, through the real lowdb store on a
 * temp folder. `npm run fuzz` runs the same inputs 10,000+ times; here a bounded number, so the
 * suite stays fast. A failure prints the seed and the shrunk input to replay it.
 */
let world: FuzzWorld;
beforeAll(async () => {
  world = await FuzzWorld.create();
});
afterAll(async () => {
  await world.close();
});

describe('nothing a person types breaks the bot', () => {
  it.each(SEEDS.map((seed) => [seed.why, seed] as const))(
    'answers the known bad input "%s" plainly, whole and cut to the limit',
    async (_, seed) => {
      for (const line of new Set([seedLine(seed), seedLine(seed, INPUT_LIMIT)])) {
        const outcome = await world.check({ user: seedUser(seed), platform: 'console', line });
        expect(outcome.problems, `${line.slice(0, 80)} -> ${outcome.reply.slice(0, 200)}`).toEqual([]);
      }
    },
  );

  it('keeps every promise for random inputs: no fault, no stack trace, refusals store nothing, the store loads', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzInput, async (input) => {
        const outcome = await world.check(input);
        expect(outcome.problems, `${JSON.stringify(input).slice(0, 200)} -> ${outcome.reply.slice(0, 200)}`).toEqual(
          [],
        );
      }),
      { numRuns: Number(process.env.FUZZ_TEST_CASES ?? 120) },
    );
  });
});
