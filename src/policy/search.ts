import MiniSearch from 'minisearch';
import { distance } from 'fastest-levenshtein';
import type { DataFileError } from '../errors.ts';
import type { PolicySection } from './document.ts';
import { loadPolicyFolder } from './document.ts';
import type { State, UnderstoodQuestion } from './language.ts';
import { indexText, understand } from './language.ts';
import type { DocumentPassage } from './passages.ts';
import { loadPassages } from './passages.ts';
import { outOfScopeWords, textNames } from './scope.ts';
import { lexicon } from './lexicon.ts';

/**
 * One thing /ask can answer with: a curated topic (first tier, plain language written by people)
 * or a passage of a source document (second tier, so every fact can be reached).
 */
export type PolicyUnit =
  | { tier: 'topic'; id: string; section: PolicySection; state?: State; stems: Set<string>; titleStems: Set<string> }
  | {
      tier: 'passage';
      id: string;
      passage: DocumentPassage;
      state?: State;
      stems: Set<string>;
      /** The distinctive words of its document's title ("toolkit", "roadmap"): they count for less. */
      titleStems: Set<string>;
    };

/** A unit found for a question, with how sure we are. */
export interface PolicyMatch {
  unit: PolicyUnit;
  score: number;
  /** Share of the question's topic words the unit matched, each weighed by how rare it is (0..1). */
  coverage: number;
  question: UnderstoodQuestion;
  /** How much one topic word weighs (its rarity in the documents). */
  weight(term: string): number;
  /** How well a unit's words match one topic word (0..1). */
  credit(term: string, stems: Set<string>): number;
  /** Is this a topic word that no document has, nor any close synonym of it? */
  absent(term: string): boolean;
}

/** The policy documents, searchable. Built once at start. */
export interface PolicyIndex {
  readonly sections: readonly PolicySection[];
  readonly passages: readonly DocumentPassage[];
  readonly problems: readonly DataFileError[];
  /** The best unit for a question, or undefined when nothing matches well enough. */
  answer(question: string, options?: { state?: State }): PolicyMatch | undefined;
  /** The best few candidates, with scores, for tuning and tests. */
  candidates(question: string, options?: { state?: State }): PolicyMatch[];
}

/*
 * Why these numbers (calibrated on the held-out sets in test/policy/): an answer must match most
 * of the question by weight, where a rare word weighs much more than "peer" or "hours", and a word
 * no document has weighs most of all. So "how much are peer mentors paid an hour in Texas" never
 * lands on the 90-hour internship. The heaviest topic word itself must be found (or a close
 * synonym of it), not just the general topic.
 */
export interface PolicyTuning {
  /** Share of the question's weighed topic words a curated topic must match. */
  minCoverage: number;
  /** The same for a passage, which is not written to answer anything. */
  minPassageCoverage: number;
  /** How well the heaviest topic word must be matched (1 = itself, 0.8 = a hand-kept synonym). */
  minHeaviest: number;
  /** How much more of the question a passage must match to be shown instead of a topic. */
  passageMargin: number;
  /**
   * The weight of a question word no document has, as a share of the heaviest weight a word can
   * have. Such a word may say the question is about something else ("modifier", "parking"), or
   * may just be how people talk ("chunks", "stepping stone"): it weighs, but it does not decide.
   */
  absentWeight: number;
  /** How many question words no document has an answer may leave unmatched. */
  maxAbsent: number;
  /** Topic words weigh by their rarity in the documents × their rarity in everyday English^this (0 = off). */
  rarityPower: number;
  /** Candidates rank by search score × coverage^this: higher trusts coverage more than the score. */
  coveragePower: number;
}

/*
 * Chosen by scripts/tune-policy.ts on the sets in test/policy/ (see the README for the figures,
 * held-out by cross-validation). A wrong answer costs five right ones there: a wrong rule about
 * Medicaid billing is worse than "I'm not sure". Letting a question word no document has go
 * unmatched (maxAbsent 1) gained some right answers and more wrong ones, so it stays 0. Weighing
 * each word by its rarity in everyday English too (rarityPower 1: "wait" and "point" weigh less)
 * and asking more coverage (0.75 for topics, 0.9 for passages) gave fewer wrong answers held out.
 */
export const DEFAULT_TUNING: PolicyTuning = {
  minCoverage: 0.75,
  minPassageCoverage: 0.9,
  minHeaviest: 0.6,
  passageMargin: 0.1,
  absentWeight: 1,
  maxAbsent: 0,
  rarityPower: 1,
  coveragePower: 1.5,
};
/** A word found only in the document's title ("what does the roadmap say") counts for half. */
const TITLE_CREDIT = 0.5;
const FIELD_BOOST = { heading: 3, keywords: 2, answer: 1.5, details: 1, title: 0.5 };

interface Doc {
  id: string;
  title: string;
  heading: string;
  keywords: string;
  answer: string;
  details: string;
}

export function buildPolicyIndex(dir: string, tuning: PolicyTuning = DEFAULT_TUNING): PolicyIndex {
  const { sections, problems } = loadPolicyFolder(dir);
  const loaded = loadPassages(dir);
  return indexUnits(sections, loaded.passages, [...problems, ...loaded.problems], tuning);
}

/** The fields are stored already stemmed (indexText), so each text is tokenized and stemmed once. */
function stemmed(doc: Doc): Doc {
  return {
    id: doc.id,
    title: indexText(doc.title),
    heading: indexText(doc.heading),
    keywords: indexText(doc.keywords),
    answer: indexText(doc.answer),
    details: indexText(doc.details),
  };
}

function stemsOf(doc: Doc): Set<string> {
  return new Set(`${doc.heading} ${doc.keywords} ${doc.answer} ${doc.details}`.split(' ').filter(Boolean));
}

/** The document part of a topic's Source line: `000_x.txt (BPDD, "Peer Mentoring Training for MCOs"), slide "…"`. */
function documentTitle(source: string): string {
  return /\((.*?)\)(?:,\s|$)/.exec(source)?.[1] ?? '';
}

/**
 * People name a document by its title ("what does the roadmap say", "the toolkit"): a unit counts
 * as having its document's title words, but only the distinctive ones ("toolkit", "roadmap"), so a
 * title word as common as "training" does not make every slide about training.
 */
function addTitleWords(docs: Doc[], units: Map<string, PolicyUnit>): void {
  const df = new Map<string, number>();
  for (const u of units.values()) for (const t of u.stems) df.set(t, (df.get(t) ?? 0) + 1);
  const limit = units.size * 0.05;
  for (const doc of docs) {
    doc.title = doc.title
      .split(' ')
      .filter((t) => t && (df.get(t) ?? 0) <= limit)
      .join(' ');
    const stems = units.get(doc.id)!.titleStems;
    for (const t of doc.title.split(' ')) if (t) stems.add(t);
  }
}

function indexUnits(
  sections: PolicySection[],
  passages: DocumentPassage[],
  problems: DataFileError[],
  tuning: PolicyTuning,
): PolicyIndex {
  const docs: Doc[] = [];
  const units = new Map<string, PolicyUnit>();
  for (const s of sections) {
    const id = `t:${s.id}`;
    const doc = stemmed({
      id,
      title: documentTitle(s.source),
      heading: s.heading,
      keywords: s.keywords,
      answer: s.answer,
      details: s.details,
    });
    docs.push(doc);
    units.set(id, { tier: 'topic', id, section: s, state: s.state, stems: stemsOf(doc), titleStems: new Set() });
  }
  for (const p of passages) {
    const id = `p:${p.id}`;
    const doc = stemmed({
      id,
      title: p.title,
      heading: p.heading.join(' '),
      keywords: '',
      answer: p.text,
      details: '',
    });
    docs.push(doc);
    units.set(id, { tier: 'passage', id, passage: p, state: p.state, stems: stemsOf(doc), titleStems: new Set() });
  }
  addTitleWords(docs, units);
  // Two indexes, so the curated topics rank among themselves as they were written to, and the
  // passages only come in when no topic answers well enough.
  const indexOf = (tier: PolicyUnit['tier']) => {
    const mini = new MiniSearch<Doc>({
      fields: ['title', 'heading', 'keywords', 'answer', 'details'],
      storeFields: [],
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term || null,
    });
    mini.addAll(docs.filter((d) => units.get(d.id)!.tier === tier));
    return mini;
  };
  const tiers = { topic: indexOf('topic'), passage: indexOf('passage') };
  const df = new Map<string, number>();
  for (const u of units.values()) for (const t of u.stems) df.set(t, (df.get(t) ?? 0) + 1);
  const vocabulary = [...df.keys()];
  const n = units.size;
  const maxIdf = Math.log(1 + n / 0.5);
  const words = lexicon();
  const documentIdf = (t: string) => (df.has(t) ? Math.log(1 + n / (df.get(t)! + 0.5)) : maxIdf * tuning.absentWeight);
  const idf = (t: string) => documentIdf(t) * words.rarity(t) ** tuning.rarityPower;
  const numbers = new Set([...units.values()].filter((u) => /\d/.test(textOf(u))).map((u) => u.id));

  function candidates(
    question: string,
    options: { state?: State } = {},
    tier: PolicyUnit['tier'] = 'topic',
  ): PolicyMatch[] {
    const q = understand(question);
    if (!q.terms.length) return [];
    correctTypos(q, df, vocabulary);
    const state = q.state ?? options.state;
    const strongState = q.state !== undefined;
    const weights = new Map<string, number>(q.extra);
    for (const t of q.terms) weights.set(t, 1);

    const weighOf = (rarity: (t: string) => number) => (t: string) =>
      Math.min(
        ...[...(q.alternatives.get(t) ?? new Map([[t, 1]]))].filter(([, c]) => c >= 0.8).map(([a]) => rarity(a)),
      );
    const weight = weighOf(idf);
    // Ranking weighs words by their rarity in the documents only: a common word that names the
    // topic ("bus pass") still picks the one text about it. Accepting an answer uses both.
    const rankWeight = weighOf(documentIdf);
    const credit = (t: string, stems: Set<string>) => {
      let best = 0;
      for (const [a, c] of q.alternatives.get(t) ?? new Map([[t, 1]])) if (c > best && stems.has(a)) best = c;
      return best;
    };
    // Words in most passages ("peer", "support") cost much and rank little: the passage search
    // leaves them out (they still count for coverage).
    const query = [...weights.keys()].filter((t) => tier === 'topic' || (df.get(t) ?? 0) < n * 0.25);
    const results = tiers[tier].search(query.join(' '), {
      tokenize: (s) => s.split(' '),
      processTerm: (t) => t,
      boost: FIELD_BOOST,
      // Typos are put right before the search (correctTypos), so no fuzzy search: it is the slow part.
      prefix: (term) => tier === 'topic' && term.length >= 6,
      weights: { fuzzy: 0.4, prefix: 0.5 },
      boostTerm: (term) => weights.get(term) ?? 1,
      boostDocument: (id) => {
        const unit = units.get(id);
        let boost = unit?.tier === 'topic' ? 1.2 : 1;
        if (state && unit?.state) boost *= unit.state === state ? (strongState ? 1.6 : 1.3) : strongState ? 0.2 : 0.75;
        if (q.wantsNumber && numbers.has(id)) boost *= 1.15;
        return boost;
      },
    });
    const absent = (t: string) =>
      ![...(q.alternatives.get(t) ?? new Map([[t, 1]]))].some(([a, c]) => c >= 0.8 && df.has(a));
    const total = q.terms.reduce((sum, t) => sum + weight(t), 0);
    const rankTotal = q.terms.reduce((sum, t) => sum + rankWeight(t), 0);
    return (
      results
        // A question that names a state is never answered from another state's document.
        .filter((r) => !strongState || !units.get(r.id)!.state || units.get(r.id)!.state === state)
        .slice(0, 30)
        .map((r) => {
          const unit = units.get(r.id)!;
          const matched = (t: string) => Math.max(credit(t, unit.stems), TITLE_CREDIT * credit(t, unit.titleStems));
          const found = q.terms.reduce((sum, t) => sum + weight(t) * matched(t), 0);
          const rankFound = q.terms.reduce((sum, t) => sum + rankWeight(t) * matched(t), 0);
          const rank = r.score * (rankTotal ? rankFound / rankTotal : 0) ** tuning.coveragePower;
          return {
            rank,
            unit,
            score: r.score,
            coverage: total ? found / total : 0,
            question: q,
            weight,
            credit,
            absent,
          };
        })
        .sort((a, b) => b.rank - a.rank)
        .slice(0, 5)
        .map(({ rank: _rank, ...m }) => m)
    );
  }

  function answer(question: string, options: { state?: State } = {}): PolicyMatch | undefined {
    const topic = preferOwnProgram(candidates(question, options, 'topic'), options.state);
    const passage = preferOwnProgram(candidates(question, options, 'passage'), options.state);
    const goodTopic = topic && acceptable(topic, question, tuning.minCoverage, tuning) ? topic : undefined;
    const goodPassage =
      passage && acceptable(passage, question, tuning.minPassageCoverage, tuning) ? passage : undefined;
    if (goodTopic && (!goodPassage || goodPassage.coverage < goodTopic.coverage + tuning.passageMargin))
      return goodTopic;
    return goodPassage;
  }

  return { sections, passages, problems, candidates, answer };
}

/**
 * When the question does not name a state, another program's rule is shown only if nothing of
 * the asker's own program (or of no program) matches about as well: an MA peer specialist asking
 * "how long is the training" gets the Massachusetts training, not Wisconsin's Peer Mentor 101.
 */
function preferOwnProgram(found: PolicyMatch[], state: State | undefined): PolicyMatch | undefined {
  const best = found[0];
  if (!best || !state || best.question.state || !best.unit.state || best.unit.state === state) return best;
  return (
    found.find(
      (m) => (!m.unit.state || m.unit.state === state) && m.coverage >= best.coverage && m.score >= best.score * 0.6,
    ) ?? best
  );
}

/** Enough of the question's key words matched, the heaviest among them, and nothing the documents do not cover. */
function acceptable(m: PolicyMatch, question: string, minCoverage: number, tuning: PolicyTuning): boolean {
  if (m.coverage < minCoverage) return false;
  const absent = m.question.terms.filter((t) => m.absent(t));
  if (absent.length > tuning.maxAbsent) return false;
  const heaviest = m.question.terms.filter((t) => !m.absent(t)).sort((a, b) => m.weight(b) - m.weight(a))[0];
  if (heaviest !== undefined && m.credit(heaviest, m.unit.stems) < tuning.minHeaviest) return false;
  // A passage is not written to answer anything: it must match two of the question's own words,
  // or its one word in its heading ("who is the president" is not answered by a thank-you note).
  if (m.unit.tier === 'passage') {
    const strong = m.question.terms.filter((t) => m.credit(t, m.unit.stems) >= 0.8);
    const heading = new Set(indexText(m.unit.passage.heading.join(' ')).split(' '));
    if (strong.length < 2 && !strong.some((t) => heading.has(t))) return false;
  }
  // "How many", "how long", "how much": an answer with no number in it answers something else.
  // The question's own numbers do not count: "how long is Peer Mentor 101" is not answered by "101".
  if (m.question.wantsNumber && !QUANTITY.test(withoutNumbersOf(question, textOf(m.unit)))) return false;
  const outside = outOfScopeWords(question);
  return !outside.length || textNames(textOf(m.unit), outside);
}

const QUANTITY =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|half|once|twice|single|daily|weekly|monthly|yearly|annually|no more than|at least|up to|minimum|maximum)\b/i;

function withoutNumbersOf(question: string, text: string): string {
  const numbers = question.match(/\d+/g) ?? [];
  return numbers.reduce((t, n) => t.replace(new RegExp(`\\b${n}\\b`, 'g'), ' '), text);
}

export function textOf(unit: PolicyUnit): string {
  return unit.tier === 'topic'
    ? `${unit.section.heading} ${unit.section.answer} ${unit.section.details}`
    : `${unit.passage.heading.join(' ')} ${unit.passage.text}`;
}

/**
 * A word no document has is most likely a typo ("traning"): the closest document word, one or two
 * letters away, counts nearly as much as the word itself.
 */
function correctTypos(q: UnderstoodQuestion, df: Map<string, number>, vocabulary: string[]): void {
  for (const t of q.terms) {
    const alts = q.alternatives.get(t)!;
    if (t.length < 4 || [...alts.keys()].some((a) => df.has(a))) continue;
    const limit = t.length >= 7 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const v of vocabulary) {
      if (Math.abs(v.length - t.length) > limit || v[0] !== t[0]) continue;
      const d = distance(t, v);
      if (d < bestDistance) [best, bestDistance] = [v, d];
    }
    if (best) {
      alts.set(best, 0.9);
      q.extra.set(best, 0.9);
    }
  }
}
