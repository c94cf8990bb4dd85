import fs from 'node:fs';
import path from 'node:path';

/**
 * Synonyms and broader terms from WordNet 3.1, as a table built by scripts/build-lexicon.ts and
 * shipped in data/policies/lexicon/wordnet.json: "kid" -> "child", "bowling" -> "recreation".
 * Keys and values are word stems. Read once, on first use; nothing is downloaded.
 */
export interface Lexicon {
  synonyms(stem: string): readonly string[];
  broader(stem: string): readonly string[];
  /**
   * Document words whose word vectors are close to this word, with their cosine similarity
   * ("author" -> "wrote" 0.78), from data/policies/lexicon/neighbours.json (scripts/build-neighbours.ts).
   */
  neighbours(word: string): ReadonlyArray<readonly [string, number]>;
  /**
   * How rare a word stem is in everyday English, from the commonest (near 0: "the" 0.07, "point"
   * 0.44, "wait" 0.70) to 1 for words outside the 30,000 commonest ("SSDI", "mentee").
   */
  rarity(stem: string): number;
}

const FILE = path.resolve(import.meta.dirname, '../../data/policies/lexicon/wordnet.json');
const NEIGHBOURS = path.resolve(import.meta.dirname, '../../data/policies/lexicon/neighbours.json');
const NONE: readonly string[] = [];

let loaded: Lexicon | undefined;

export function lexicon(): Lexicon {
  loaded ??= readLexicon(FILE, NEIGHBOURS);
  return loaded;
}

/** A missing table means no WordNet words, not a bot that will not start: the hand-kept lists still work. */
export function readLexicon(file: string, neighboursFile?: string): Lexicon {
  const { neighbours, rarity } = readNeighbours(neighboursFile);
  if (!fs.existsSync(file)) return { synonyms: () => NONE, broader: () => NONE, neighbours, rarity };
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    synonyms: Record<string, string>;
    broader: Record<string, string>;
  };
  // Null-prototype tables (set in O(1), no copy of 38,000 keys at start): a question word like
  // "constructor" must never find Object's own. Lists are split when a word is first looked up.
  const table = (o: Record<string, string>) => {
    const words = Object.setPrototypeOf(o, null) as Record<string, string | undefined>;
    const split = new Map<string, readonly string[]>();
    return (stem: string): readonly string[] => {
      const found = split.get(stem);
      if (found) return found;
      const list = words[stem]?.split(' ') ?? NONE;
      split.set(stem, list);
      return list;
    };
  };
  return { synonyms: table(data.synonyms), broader: table(data.broader), neighbours, rarity };
}

const NO_NEIGHBOURS: ReadonlyArray<readonly [string, number]> = [];

function readNeighbours(file: string | undefined): Pick<Lexicon, 'neighbours' | 'rarity'> {
  if (!file || !fs.existsSync(file)) return { neighbours: () => NO_NEIGHBOURS, rarity: () => 1 };
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { neighbours: Record<string, string>; common?: string };
  const words = Object.setPrototypeOf(data.neighbours, null) as Record<string, string | undefined>;
  const common = data.common?.split(' ') ?? [];
  const ranks = new Map(common.map((w, i) => [w, i]));
  const scale = Math.log(common.length + 2);
  const rarity = (stem: string) => {
    const r = ranks.get(stem);
    return r === undefined ? 1 : Math.log(r + 2) / scale;
  };
  const split = new Map<string, ReadonlyArray<readonly [string, number]>>();
  const neighbours = (word: string) => {
    let found = split.get(word);
    if (!found) {
      found = (words[word]?.split(' ') ?? []).map((pair) => {
        const [stem, sim] = pair.split(':');
        return [stem!, Number(sim)] as const;
      });
      split.set(word, found);
    }
    return found;
  };
  return { neighbours, rarity };
}
