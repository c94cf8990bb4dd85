import { describe, expect, it } from 'vitest';
import { measure, prose, MAX_SENTENCE_WORDS } from '../../scripts/lint-messages.ts';

describe('the plain-language check (npm run lint:messages)', () => {
  it('reads the prose only: commands, ids, links and bars are taken out, each line is a sentence', () => {
    const text = [
      'Saved: 2 hours of shadowing on Monday, March 16',
      'Internship hours: ▓▓░░ 2 of 90 hours (88 hours still needed, 1 hour waiting for approval)',
      '→ Undo: type /hours delete 12',
      'Link: https://zoom.us/j/1 · id 1a2b3c4d',
    ].join('\n');
    const out = prose(text);
    expect(out).not.toMatch(/\/hours|https|▓|1a2b3c4d/);
    expect(out.split('\n\n')).toEqual([
      'Saved: 2 hours of shadowing on Monday, March 16.',
      'Internship hours: 2 of 90 hours.',
      '88 hours still needed.',
      '1 hour waiting for approval.',
      'Undo: type this.',
      'Link: the link. id it.',
    ]);
  });

  it('fails a mentor-facing message with a long sentence, and passes the same words for a facilitator', async () => {
    const long =
      'Please remember that every single one of the hours you logged this week must still be looked at by your supervisor before it counts.';
    const mentor = await measure({ where: 'mentor: test', reader: 'mentor', text: long });
    expect(mentor.longest).toBeGreaterThan(MAX_SENTENCE_WORDS);
    expect(mentor.missed).toContain(`a sentence of ${mentor.longest} words`);
    const staff = await measure({ where: 'facilitator: test', reader: 'facilitator', text: long });
    expect(staff.missed).toEqual([]);
  });

  it('fails hard words in a long enough message, and flags wordy and inconsiderate phrases', async () => {
    const hard = await measure({
      where: 'mentor: test',
      reader: 'mentor',
      text: 'Comprehensive prevention and intervention documentation requires organizational authorization. Additional certification necessitates considerable administrative coordination.',
    });
    expect(hard.missed.some((m) => m.startsWith('grade'))).toBe(true);
    const flagged = await measure({
      where: 'mentor: test',
      reader: 'mentor',
      text: 'In order to log hours, utilize the command. He is wheelchair bound.',
    });
    expect(flagged.flagged.join('\n')).toMatch(/retext-simplify/);
    expect(flagged.flagged.join('\n')).toMatch(/retext-equality/);
  });

  it('passes a short plain reply', async () => {
    const ok = await measure({ where: 'mentor: test', reader: 'mentor', text: 'Saved: 1 hour of shadowing.\nThanks!' });
    expect(ok.missed).toEqual([]);
    expect(ok.grade).toBeLessThanOrEqual(6);
  });
});
