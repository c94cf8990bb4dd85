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
}

const FILE = path.resolve(import.meta.dirname, '../../data/policies/lexicon/wordnet.json');
const NONE: readonly string[] = [];

let loaded: Lexicon | undefined;

export function lexicon(): Lexicon {
  loaded ??= readLexicon(FILE);
  return loaded;
}

/** A missing table means no WordNet words, not a bot that will not start: the hand-kept lists still work. */
export function readLexicon(file: string): Lexicon {
  if (!fs.existsSync(file)) return { synonyms: () => NONE, broader: () => NONE };
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
  return { synonyms: table(data.synonyms), broader: table(data.broader) };
}
