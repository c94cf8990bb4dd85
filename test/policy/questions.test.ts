import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSets, evaluatePolicy } from '../../scripts/eval-policy.ts';

/*
 * Every question set (the dev set and ours in test/policy/) goes through /ask as a person would.
 * The scores are measured by `npm run eval:policy`, not asserted here: these checks hold for any
 * score. Every answer names its source; every "I'm not sure" offers nothing made up.
 */
describe('answers to questions asked in many ways', () => {
  for (const file of defaultSets()) {
    it(`gives every answer in ${path.basename(file)} a Source line, after the answer`, async () => {
      const results = await evaluatePolicy(file);
      expect(results.length).toBeGreaterThan(20);
      for (const r of results) {
        if (/^I'm not sure/.test(r.reply)) {
          expect(r.reply, r.line.q).not.toMatch(/^Source:/m);
          continue;
        }
        expect(r.reply, r.line.q).toMatch(/^Source: \S+\.txt|^Source: \S/m);
        expect(r.reply.split('\n')[0], r.line.q).not.toMatch(/^(?:Source:|[•-]\s)/);
      }
    });
  }
});
