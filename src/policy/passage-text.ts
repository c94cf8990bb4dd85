/**
 * Text repair for passages cut from scraped documents: the scraper lost apostrophes ("state s",
 * "don t") and, in PDFs, the space after a full stop ("roles.By"). Used when the passages are
 * built and when one is shown.
 */

/** Whitespace, lost apostrophes and glued sentences put right. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u00a0\t]+/g, ' ')
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\b(\w+) s\b(?!-)/g, "$1's")
    .replace(/\b(don|didn|doesn|isn|wasn|aren|can|won|couldn|shouldn|wouldn) t\b/gi, "$1't")
    .replace(/\bI m\b/g, "I'm")
    .replace(/\bI ve\b/g, "I've")
    .replace(/([a-z\d)])([.!?:;])(?=[A-Z][a-z])/g, '$1$2 ')
    .replace(/([a-z]),(?=[a-z])/g, '$1, ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Sentences, keeping "e.g." and initials ("S. Mead") inside theirs. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[a-z\d)"'][.!?])\s+(?=["'(]?[A-Z\d])/)
    .reduce<string[]>((out, part) => {
      const prev = out[out.length - 1];
      if (prev !== undefined && /(?:\b(?:e\.g|i\.e|etc|vs|Dr|Mr|Ms|St|No)\.|\b[A-Z]\.)$/.test(prev))
        out[out.length - 1] = `${prev} ${part}`;
      else out.push(part);
      return out;
    }, [])
    .map((s) => s.trim())
    .filter(Boolean);
}
