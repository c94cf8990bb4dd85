import { stemmer } from 'stemmer';
import { lexicon } from './lexicon.ts';
import { CONTRACTIONS, CUES, PHRASES, SOFT, SPELLING, STOP, SYNONYMS } from './vocabulary.ts';

/**
 * How people actually write questions, turned into search terms. The same normalising runs on
 * the documents and on questions, so "face to face", "in person" and "face-to-face" all meet.
 */

export type State = 'WI' | 'NC' | 'MA';

/** The same lists, by word stem, so "secrets" finds what "secret" does. */
const SYNONYMS_BY_STEM = new Map([...SYNONYMS].map(([word, alts]) => [stemmer(word), alts]));

/** The words in a text after phrase joining, as lowercase tokens (documents and questions). */
export function tokenize(text: string): string[] {
  let t = ` ${text.toLowerCase()} `;
  for (const [re, rep] of CONTRACTIONS) t = t.replace(re, rep);
  for (const [re, rep] of PHRASES) t = t.replace(re, rep);
  return t
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => SPELLING.get(w) ?? w);
}

/** A token as the index stores it: stop words dropped, the rest stemmed. */
export function indexTerm(token: string): string | null {
  if (STOP.has(token) || (token.length < 2 && !/\d/.test(token))) return null;
  // Stems are cached: building the index stems about 40,000 words, of about 4,000 kinds.
  let stem = STEMS.get(token);
  if (stem === undefined) {
    // "needed", "happened", "things": a stop word in another form is a stop word too.
    stem = STOP_STEMS.has(stemmer(token)) ? '' : stemmer(token);
    if (STEMS.size < 50_000) STEMS.set(token, stem);
  }
  return stem || null;
}

const STOP_STEMS = new Set([...STOP, 'happen', 'want', 'need'].map((w) => stemmer(w)));

const STEMS = new Map<string, string>();

/** A text as the index stores it: its terms, stemmed, stop words dropped, joined by spaces. */
export function indexText(text: string): string {
  return tokenize(text)
    .map(indexTerm)
    .filter((t): t is string => !!t)
    .join(' ');
}

const STATE_WORDS: Array<[RegExp, State]> = [
  [/\bwisconsin\b|\bwis\b|\bwi\b/i, 'WI'],
  [/\bWI\b/, 'WI'],
  [/\bnorth\s+carolina\b|\bn\.\s?c\.|\bnc\b/i, 'NC'],
  [/\bmassachusetts\b|\bmass\b/i, 'MA'],
  [/\bMA\b|\b(?:in|for|of)\s+ma\b(?!\s+(?:and|or|&)\b)/, 'MA'],
];

/** The state a text names, if any ("NC", "in Wisconsin"). Lowercase "ma" is a word for mom, not a state. */
export function detectState(text: string): State | undefined {
  return STATE_WORDS.find(([re]) => re.test(text))?.[1];
}

function stripStates(text: string): string {
  return STATE_WORDS.reduce(
    (t, [re]) => t.replace(new RegExp(re.source, re.flags.includes('i') ? 'gi' : 'g'), ' '),
    text,
  );
}

export interface UnderstoodQuestion {
  /** Stemmed topic words from the question itself. */
  terms: string[];
  /** Stemmed extra words: synonyms of the question's words, and question-shape cues. */
  extra: Map<string, number>;
  /**
   * For each topic word, the words that count as finding it, with how much they count: the word
   * itself 1, a hand-kept synonym 0.8, a WordNet synonym 0.5, a WordNet broader term 0.4
   * (WordNet senses are many, so its words help ranking but never carry the key word alone).
   */
  alternatives: Map<string, Map<string, number>>;
  state?: State;
  wantsNumber: boolean;
}

const CREDIT = { self: 1, synonym: 0.8, wordnetSynonym: 0.5, broader: 0.4 };
/**
 * A close word by word vectors counts for this share of its similarity ("author" ~ "wrote" 0.78
 * counts 0.47). Vectors put related words close, not only synonyms ("Texas" ~ "Carolina"), so the
 * credit stays well below a hand-kept synonym's: it adds to coverage, never finds a word alone.
 */
export const NEIGHBOUR_CREDIT = { share: 0.6, minSimilarity: 0.6 };

/** Turns a question into weighted search terms. */
export function understand(question: string): UnderstoodQuestion {
  const state = detectState(question);
  const lower = stripStates(question).toLowerCase().trim();
  const terms: string[] = [];
  const extra = new Map<string, number>();
  const alternatives = new Map<string, Map<string, number>>();
  // "how long", "how often": the kind of answer wanted (a number), not a topic word.
  const tokens = tokenize(lower).filter((t, i, all) => !(all[i - 1] === 'how' && /^(?:long|often|far|soon)$/.test(t)));
  const plain = tokenize(lower).join(' ');
  const words = lexicon();
  const addExtra = (stem: string, weight: number) => {
    if (!terms.includes(stem)) extra.set(stem, Math.max(extra.get(stem) ?? 0, weight));
  };
  for (const token of tokens) {
    // A number the person mentions (their age, a count) is a detail to check, not the topic.
    if (SOFT.has(token) || SOFT.has(token.replace(/(?:s|ed|ing)$/, '')) || /^\d+$/.test(token)) {
      const soft = indexTerm(token);
      if (soft) extra.set(soft, 0.3);
      continue;
    }
    const term = indexTerm(token);
    const synonyms = (SYNONYMS.get(token) ?? (term ? SYNONYMS_BY_STEM.get(term) : undefined) ?? [])
      .flatMap((s) => tokenize(s))
      .map(indexTerm)
      .filter((s): s is string => !!s);
    if (!term && !synonyms.length) continue;
    const key = term ?? synonyms[0]!;
    if (!terms.includes(key)) terms.push(key);
    extra.delete(key);
    const alts = alternatives.get(key) ?? new Map([[key, CREDIT.self]]);
    const credit = (s: string, c: number) => alts.set(s, Math.max(alts.get(s) ?? 0, c));
    for (const s of synonyms) {
      credit(s, CREDIT.synonym);
      if (s !== key) addExtra(s, 0.6);
    }
    if (term) {
      // Searched with a low weight (a few synonyms only, to keep /ask fast); all of them count for coverage.
      words.synonyms(term).forEach((s, i) => {
        credit(s, CREDIT.wordnetSynonym);
        if (i < 3) addExtra(s, 0.15);
      });
      for (const s of words.broader(term)) credit(s, CREDIT.broader);
      for (const [s, sim] of words.neighbours(token))
        if (sim >= NEIGHBOUR_CREDIT.minSimilarity) credit(s, sim * NEIGHBOUR_CREDIT.share);
    }
    alternatives.set(key, alts);
  }
  for (const [re, cueWords, weight] of CUES) {
    if (!re.test(plain)) continue;
    for (const w of cueWords) {
      const s = indexTerm(w);
      if (s && !terms.includes(s) && !extra.has(s)) extra.set(s, weight ?? 0.3);
    }
  }
  const wantsNumber =
    /\bhow\s+(?:many|much|long|often|old)\b|\bnumber of\b|\bminimum\b|\bmaximum\b|\bmax\b|\bthe most\b|\bratio/.test(
      plain,
    );
  return { terms, extra, alternatives, state, wantsNumber };
}

/** Does the text name any topic at all? ("thanks", "ok" do not.) */
export function hasTopicWords(text: string): boolean {
  return understand(text).terms.length > 0;
}
