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

/** A topic match scored the plain way. */
function topicMatch(question: string, answer: string, details: string): PolicyMatch {
  const base = passageMatch(question, `${answer} ${details}`);
  return {
    ...base,
    unit: {
      tier: 'topic',
      id: 't',
      section: { id: 't', file: 't.md', heading: 'Skills', answer, details, source: 'x.txt, slide 1', keywords: '' },
      stems: base.unit.stems,
      titleStems: new Set(),
    },
  };
}

describe('a topic whose summary does not hold the asked-about fact', () => {
  const answer = 'These are the skills a peer mentor needs.';
  const details = '- Listens and builds trust.\n- Runs on empathy.\n- Keeps all information private.';

  it('answers first with the list item that holds it, and does not show it twice', () => {
    const text = answerText(topicMatch('do i need to keep information private', answer, details));
    expect(text.answer.split('\n')[0]).toBe('Keeps all information private.');
    expect(text.answer).toContain(answer);
    expect(text.details).not.toContain('private');
  });

  it('keeps the summary first when the question asks about the whole list', () => {
    const text = answerText(topicMatch('what skills does a peer mentor need', answer, details));
    expect(text.answer).toBe(answer);
  });
});
