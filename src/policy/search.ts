import MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import type { DataFileError } from '../errors.ts';
import type { PolicySection } from './document.ts';
import { loadPolicyFolder } from './document.ts';
import type { State } from './language.ts';
import { indexTerm, tokenize, understand } from './language.ts';

/** A section found for a question, with how sure we are. */
export interface PolicyMatch {
  section: PolicySection;
  score: number;
  /** Share of the question's topic words the section matched (0..1). */
  coverage: number;
}

/** The policy documents, searchable. Built once at start. */
export interface PolicyIndex {
  readonly sections: readonly PolicySection[];
  readonly problems: readonly DataFileError[];
  /** The best section for a question, or undefined when nothing matches well enough. */
  answer(question: string, options?: { state?: State }): PolicyMatch | undefined;
  /** The best few candidates, with scores, for tuning and tests. */
  candidates(question: string, options?: { state?: State }): PolicyMatch[];
}

/*
 * Why these numbers: a good answer matches most of the question's topic words. A question about
 * something else ("what's the weather", "capital of France") matches none or one common word.
 * Scores are BM25 scaled by the field boosts below; the floor drops single weak matches.
 */
const MIN_COVERAGE = 0.5; // more than half of the question, by weight
const MIN_SCORE = 8;
const FIELD_BOOST = { heading: 3, keywords: 2, answer: 1.5, details: 1 };

export function buildPolicyIndex(dir: string): PolicyIndex {
  const { sections, problems } = loadPolicyFolder(dir);
  return indexSections(sections, problems);
}

function indexSections(sections: PolicySection[], problems: DataFileError[] = []): PolicyIndex {
  const mini = new MiniSearch<PolicySection>({
    fields: ['heading', 'keywords', 'answer', 'details'],
    storeFields: ['id'],
    tokenize,
    processTerm: indexTerm,
  });
  mini.addAll(sections);
  const byId = new Map(sections.map((s) => [s.id, s]));
  const numbers = new Set(sections.filter((s) => /\d/.test(`${s.answer} ${s.details}`)).map((s) => s.id));
  const weightOf = termWeights(sections);

  function candidates(question: string, options: { state?: State } = {}): PolicyMatch[] {
    const q = understand(question);
    if (!q.terms.length) return [];
    const state = q.state ?? options.state;
    const strongState = q.state !== undefined;
    const weights = new Map<string, number>(q.extra);
    for (const t of q.terms) weights.set(t, 1);
    const results = mini.search([...weights.keys()].join(' '), {
      tokenize: (s) => s.split(' '),
      processTerm: (t) => t,
      boost: FIELD_BOOST,
      prefix: (term) => term.length >= 5,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      maxFuzzy: 2,
      weights: { fuzzy: 0.4, prefix: 0.5 },
      boostTerm: (term) => weights.get(term) ?? 1,
      boostDocument: (id) => {
        const section = byId.get(id);
        let boost = 1;
        if (state && section?.state)
          boost *= section.state === state ? (strongState ? 1.6 : 1.1) : strongState ? 0.4 : 0.95;
        if (q.wantsNumber && numbers.has(id)) boost *= 1.15;
        return boost;
      },
    });
    // A section that answers most of the question beats one that matches a single word many times.
    return results
      .slice(0, 10)
      .map((r) => ({
        section: byId.get(r.id)!,
        score: r.score,
        coverage: coverage(r, q.terms, q.alternatives, weightOf),
      }))
      .sort((a, b) => b.score * b.coverage ** 2 - a.score * a.coverage ** 2)
      .slice(0, 5);
  }

  return {
    sections,
    problems,
    candidates,
    answer(question, options) {
      const best = candidates(question, options)[0];
      if (!best || best.coverage <= MIN_COVERAGE || best.score < MIN_SCORE) return undefined;
      return best;
    },
  };
}

/**
 * How much of the question the section matched: each topic word weighs by how rare it is in the
 * documents (a word no document has weighs most), so "hours" alone never carries "hours of sleep".
 */
function coverage(
  result: SearchResult,
  terms: string[],
  alternatives: Map<string, Set<string>>,
  weightOf: (terms: Iterable<string>) => number,
): number {
  const matched = new Set(result.queryTerms);
  let found = 0;
  let total = 0;
  for (const t of terms) {
    const alts = alternatives.get(t) ?? new Set([t]);
    const w = weightOf(alts);
    total += w;
    if ([...alts].some((a) => matched.has(a))) found += w;
  }
  return total ? found / total : 0;
}

/** Inverse document frequency of a topic word, taking the commonest of its synonyms. */
function termWeights(sections: PolicySection[]): (terms: Iterable<string>) => number {
  const df = new Map<string, number>();
  for (const s of sections) {
    const seen = new Set(
      tokenize(`${s.heading} ${s.keywords} ${s.answer} ${s.details}`)
        .map(indexTerm)
        .filter((t): t is string => !!t),
    );
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = sections.length;
  return (terms) => Math.log(1 + n / (Math.max(0, ...[...terms].map((t) => df.get(t) ?? 0)) + 0.5));
}
