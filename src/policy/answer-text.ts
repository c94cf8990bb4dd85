import type { State } from './language.ts';
import { cleanText, splitSentences } from './passage-text.ts';
import type { PolicyMatch } from './search.ts';
import { indexTerm, tokenize } from './language.ts';

/**
 * What /ask shows for a match, answer first: the sentence that answers, then (only when they
 * help) details with the bullet that matches the question moved to the top, then the source.
 */
export interface AnswerText {
  answer: string;
  details?: string;
  source: string;
  /** The id the answer is recorded under ("wi-peer-mentor#…" or "passage:000_….txt#12"). */
  id: string;
}

const STATE_NAMES: Record<State, string> = { WI: 'Wisconsin', NC: 'North Carolina', MA: 'Massachusetts' };
const STATE_WORDS: Record<State, RegExp> = {
  WI: /\bWisconsin\b|\bWI\b/,
  NC: /\bNorth Carolina\b|\bNC\b/,
  MA: /\bMassachusetts\b|\bMA\b/,
};

export function answerText(match: PolicyMatch): AnswerText {
  const { unit } = match;
  if (unit.tier === 'topic') {
    const s = unit.section;
    const shown = `${s.heading} ${s.answer}`;
    const lead = s.details ? answeringBullet(s.details, shown, match) : undefined;
    // The bullet that holds the asked-about fact answers first; the topic's summary follows it.
    const details = lead
      ? withoutLine(s.details, lead.line)
      : s.details
        ? matchingBulletFirst(s.details, shown, match)
        : undefined;
    return {
      id: s.id,
      answer: nameProgram(lead ? `${lead.text}\n${s.answer}` : s.answer, match),
      details: details?.trim() ? details.replace(/^- /gm, '• ') : undefined,
      source: s.source,
    };
  }
  const p = unit.passage;
  const section = p.heading.length ? p.heading.join(' › ') : 'the whole document';
  return {
    id: `passage:${p.id}`,
    answer: nameProgram(passageAnswer(p.text, p.heading, match), match),
    details: 'These are the words of the source document. No short answer has been written for this yet.',
    source: `${p.file} (${p.title}), section "${section}"`,
  };
}

/**
 * A passage, rewritten where that is safe: a list item becomes "Heading: item."; prose keeps its
 * own words, best sentence first, in quotes, and long sentences are cut at their semicolons.
 */
function passageAnswer(text: string, heading: string[], match: PolicyMatch): string {
  const last = heading[heading.length - 1];
  const sentences = splitSentences(cleanText(text));
  if (sentences.length <= 1 && text.length < 200 && last) {
    const item = cleanText(text).replace(/[.:;]$/, '');
    return `${last.replace(/:$/, '')}: ${item}.`;
  }
  const numberFirst = match.question.wantsNumber && sentences.some((s) => NUMBER.test(s) && coverageOf(s, match) > 0);
  const ranked = sentences
    .map((s, i) => ({ s, i, score: coverageOf(s, match), number: numberFirst && NUMBER.test(s) ? 1 : 0 }))
    .sort((a, b) => b.number - a.number || b.score - a.score || a.i - b.i);
  const chosen = ranked
    .slice(0, 2)
    .filter((r, k) => k === 0 || r.score > 0)
    .sort((a, b) => b.number - a.number || a.i - b.i)
    .map((r) => shorten(r.s, match).split(/;\s+/).join('.\n'));
  return `"${chosen.join(' ')}"`;
}

/** A count or a length of time: "90", "8-9 days", "three levels". */
const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred)\b/i;

/**
 * A run-on "sentence" from a scraped page (list items run together, headings inside) is cut where
 * a new item starts with a capital letter, and the pieces that match the question are kept.
 */
function shorten(sentence: string, match: PolicyMatch): string {
  if (sentence.length <= 320) return sentence;
  const pieces = sentence.split(/(?<=[a-z)])\s+(?=(?:[A-Z][a-z]+|[A-Z]{2,})\s)/);
  const numberFirst = match.question.wantsNumber && pieces.some((p) => NUMBER.test(p) && coverageOf(p, match) > 0);
  const ranked = pieces
    .map((p, i) => ({ p, i, score: coverageOf(p, match), number: numberFirst && NUMBER.test(p) ? 1 : 0 }))
    .sort((a, b) => b.number - a.number || b.score - a.score || a.i - b.i);
  const kept: typeof ranked = [];
  let length = 0;
  for (const r of ranked) {
    if (length + r.p.length > 300 && kept.length) break;
    kept.push(r);
    length += r.p.length;
  }
  const text = kept
    .sort((a, b) => a.i - b.i)
    .map((r) => r.p)
    .join(' … ');
  return text.length > 320 ? `${text.slice(0, 300).replace(/\s+\S*$/, '')} …` : text;
}

function coverageOf(text: string, match: PolicyMatch): number {
  const stems = new Set(
    tokenize(text)
      .map(indexTerm)
      .filter((t): t is string => !!t),
  );
  return match.question.terms.reduce((sum, t) => sum + match.weight(t) * match.credit(t, stems), 0);
}

/**
 * The bullet that answers the question when the topic's first sentence does not: it holds at
 * least a quarter of the question's weighted words that the summary lacks ("do i need to keep
 * things private" is answered by "Keeps all information … confidential (private)", not by
 * "These are the skills a peer mentor needs").
 */
function answeringBullet(
  details: string,
  shown: string,
  match: PolicyMatch,
): { line: number; text: string } | undefined {
  const total = match.question.terms.reduce((sum, t) => sum + match.weight(t), 0);
  if (total <= 0) return undefined;
  const already = coverageOf(shown, match);
  const best = details
    .split('\n')
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => /^\s*[-•]\s/.test(l))
    .map((b) => ({ ...b, gain: coverageOf(`${shown} ${b.l}`, match) - already }))
    .sort((a, b) => b.gain - a.gain || a.i - b.i)[0];
  if (!best || best.gain < total / 4) return undefined;
  const text = best.l.replace(/^\s*[-•]\s+/, '').trim();
  return { line: best.i, text: /[.!?)]$/.test(text) ? text : `${text}.` };
}

function withoutLine(text: string, line: number): string {
  return text
    .split('\n')
    .filter((_, i) => i !== line)
    .join('\n');
}

/** "No fact hidden in bullet 8": the bullet that has the asked-about words the answer lacks goes first. */
function matchingBulletFirst(details: string, shown: string, match: PolicyMatch): string {
  const lines = details.split('\n');
  const bullets = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^\s*[-•]\s/.test(l));
  if (bullets.length < 3) return details.replace(/^- /gm, '• ');
  const already = coverageOf(shown, match);
  const best = bullets
    .map((b) => ({ ...b, gain: coverageOf(`${shown} ${b.l}`, match) - already }))
    .sort((a, b) => b.gain - a.gain || a.i - b.i)[0]!;
  const first = bullets[0]!.i;
  if (best.gain <= 0 || best.i === first) return details.replace(/^- /gm, '• ');
  const moved = [...lines];
  moved.splice(best.i, 1);
  moved.splice(first, 0, best.l);
  return moved.join('\n').replace(/^- /gm, '• ');
}

/**
 * Names the program when the question did not: a Massachusetts answer to a question that did not
 * say "Massachusetts" starts "In Massachusetts:", so nobody takes another program's rule for theirs.
 */
function nameProgram(text: string, match: PolicyMatch): string {
  const state = match.unit.state;
  if (!state || match.question.state || STATE_WORDS[state].test(text)) return text;
  const yesNo = /^(Yes|No)\.\s+/.exec(text);
  if (yesNo) return `${yesNo[1]}. In ${STATE_NAMES[state]}: ${text.slice(yesNo[0].length)}`;
  return `In ${STATE_NAMES[state]}: ${text}`;
}
