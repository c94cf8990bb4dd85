import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../scripts/eval-policy.ts';

/*
 * Our own questions, in other words than the dev set: questions.jsonl was written first and used
 * while building; holdout*.jsonl were written later to check that the answers carry over.
 */
const sets = ['questions', 'holdout', 'holdout2', 'holdout3']
  .map((n) => path.join(import.meta.dirname, `${n}.jsonl`))
  .filter((f) => fs.existsSync(f));

describe('answers to questions asked in many ways', () => {
  for (const file of sets) {
    it(`answers at least 90% of ${path.basename(file)} with the expected fact and its source`, async () => {
      const results = await evaluatePolicy(file);
      const missed = results.filter((r) => !r.good).map((r) => `${r.line.q}: ${r.why}`);
      expect(results.length).toBeGreaterThan(20);
      expect((results.length - missed.length) / results.length, missed.join('\n')).toBeGreaterThanOrEqual(0.9);
      for (const r of results.filter((r) => r.line.unknown)) expect(r.reply, r.line.q).toMatch(/^I'm not sure/);
      for (const r of results.filter((r) => !/^I'm not sure/.test(r.reply)))
        expect(r.reply, r.line.q).toMatch(/^Source: \S/m);
    });
  }
});
