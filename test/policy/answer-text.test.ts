import { describe, expect, it } from 'vitest';
import { answerText } from '../../src/policy/answer-text.ts';
import { indexTerm, tokenize, understand } from '../../src/policy/language.ts';
import type { PolicyMatch } from '../../src/policy/search.ts';

/** A passage match scored the plain way: a question word counts 1 where the sentence has it. */
function passageMatch(question: string, text: string): PolicyMatch {
  const stems = new Set(
    tokenize(text)
      .map(indexTerm)
      .filter((t): t is string => !!t),
  );
  return {
    unit: {
      tier: 'passage',
      id: 'x.txt#1',
      passage: { id: 'x.txt#1', heading: ['Training'], text, file: 'x.txt', title: 'A test document' },
      stems,
    } as PolicyMatch['unit'],
    score: 1,
    coverage: 1,
    question: understand(question),
    weight: () => 1,
    credit: (term, have) => (have.has(term) ? 1 : 0),
    absent: () => false,
  };
}

const TEXT =
  'The training program teaches recovery and the peer specialist role to every new peer specialist. ' +
  'Peer specialist training is followed by continuing education. ' +
  'The training program takes 8 to 9 days.';

describe('a passage answer to a how-long or how-many question', () => {
  it('puts a sentence with the number first, even when another sentence matches more words', () => {
    const answer = answerText(passageMatch('how long is the peer specialist training program', TEXT)).answer;
    expect(answer.startsWith('"The training program takes 8 to 9 days.')).toBe(true);
  });

  it('keeps the best-matching sentence first for a question that does not ask for a number', () => {
    const answer = answerText(passageMatch('what does the peer specialist training program teach', TEXT)).answer;
    expect(answer.startsWith('"The training program teaches recovery')).toBe(true);
  });
});
