import type { Reply } from '../message.ts';
import { reply } from '../message.ts';
import type { Services } from '../services.ts';
import type { State } from './language.ts';
import { questionsCollection } from './records.ts';
import type { PolicyIndex } from './search.ts';
import { answerText } from './answer-text.ts';

/**
 * Facilitators close the loop: when a saved question gets an answer (typed with `/ask answer`, or
 * a topic added and `/ask reload`), everyone who asked it is told. The message waits in their
 * inbox and is shown with their next reply from the bot, whichever platform they use next.
 */

/** Same question, said the same way: case, spacing and punctuation aside. */
export function sameQuestion(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return norm(a) === norm(b);
}

function answeredMessage(question: string, lines: string[], source?: string): Reply {
  return reply([
    { kind: 'heading', text: 'A facilitator answered your question' },
    { kind: 'text', text: `You asked: "${question}"` },
    { kind: 'text', text: lines.join('\n') },
    ...(source ? [{ kind: 'context' as const, text: `Source: ${source}` }] : []),
  ]);
}

/** Closes the question and every open one asked the same way; returns how many people were told. */
export async function answerSaved(services: Services, id: string, text: string, at: string): Promise<number> {
  const questions = await questionsCollection(services.store);
  const first = await questions.get(id);
  if (!first) return -1;
  const same = (await questions.all()).filter(
    (q) => q.id === id || (q.value.status === 'open' && sameQuestion(q.value.question, first.question)),
  );
  const told = new Set<string>();
  for (const q of same) {
    // One store update per question: a question another facilitator closed meanwhile stays as they left it.
    const closed = await questions.update(q.id, (current) =>
      current && (q.id === id || current.status === 'open')
        ? { ...current, status: 'done', answer: text, answeredAt: at }
        : undefined,
    );
    if (closed?.answer !== text || closed.answeredAt !== at) continue;
    if (told.has(q.value.personId)) continue;
    told.add(q.value.personId);
    await services.inbox?.put(q.value.personId, answeredMessage(q.value.question, [text]));
  }
  return told.size;
}

/**
 * After a reload: an open question that a topic now answers (one it did not get before) is closed,
 * and its asker gets that answer. Passages do not change on reload, so only topics count.
 */
export async function answerFromReload(
  services: Services,
  index: PolicyIndex,
  stateOf: (personId: string) => Promise<State | undefined>,
  at: string,
): Promise<number> {
  const questions = await questionsCollection(services.store);
  let told = 0;
  for (const { id, value } of await questions.all()) {
    if (value.status !== 'open') continue;
    const match = index.answer(value.question, { state: await stateOf(value.personId) });
    if (!match || match.unit.tier !== 'topic') continue;
    const text = answerText(match);
    if (text.id === value.sectionId) continue;
    const done = await questions.update(id, (current) =>
      current?.status === 'open'
        ? { ...current, status: 'done', sectionId: text.id, answer: text.answer, answeredAt: at }
        : undefined,
    );
    // Closed by someone else since it was read: they told the asker.
    if (done?.answeredAt !== at || done.sectionId !== text.id) continue;
    await services.inbox?.put(value.personId, answeredMessage(value.question, [text.answer], text.source));
    told++;
  }
  return told;
}
