import { distance } from 'fastest-levenshtein';
import { UserError } from '../errors.ts';
import type { Category } from '../programs/schema.ts';
import { noKind, someKinds, unknownKind, whichKind } from '../messages/categories.ts';

/** Lowercase, with dashes and underscores as spaces, so "co-facilitating" and "co facilitating" meet. */
export function normalize(s: string): string {
  return s
    .toLowerCase()
    .replace(/[_]/g, ' ')
    .replace(/[^\w\s:/-]/g, ' ')
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function phrasesOf(category: Category): string[] {
  return [
    category.id,
    category.label,
    ...[category.official, category.word].filter((w) => w !== undefined),
    ...category.aliases,
  ].map(normalize);
}

export interface CategoryMatch {
  category: Category;
  /** The words left once the category's words are taken out. */
  rest: string;
}

/**
 * Finds the category a person means. The first exact phrase from the left wins (so a category
 * word later in the note stays in the note); failing that, the first word of a category's name
 * ("mentoring": one-on-one or group? asked back when it could be either) or a small typo in one
 * of the first words ("shadowng"); failing that, a question with the choices.
 */
export function findCategory(text: string, categories: Category[], example: string): CategoryMatch {
  const original = text.trim().split(/\s+/).filter(Boolean);
  // Each normalized word remembers the written word it came from ("co-facilitating" gives two).
  const words: string[] = [];
  const owner: number[] = [];
  original.forEach((w, i) =>
    normalize(w)
      .split(' ')
      .filter(Boolean)
      .forEach((t) => (words.push(t), owner.push(i))),
  );
  const rest = (start: number, length: number) => {
    const taken = new Set(owner.slice(start, start + length));
    return original.filter((_, i) => !taken.has(i)).join(' ');
  };
  const exact = exactMatch(words, categories);
  if (exact) return { category: exact.category, rest: rest(exact.start, exact.length) };
  // "mentoring" is the start of both mentoring-1on1 and mentoring-group: ask, don't guess.
  const fuzzy = partOfName(words.slice(0, 3), categories) ?? fuzzyMatch(words.slice(0, 3), categories);
  if (fuzzy && fuzzy.length === 1) return { category: fuzzy[0]!.category, rest: rest(fuzzy[0]!.start, 1) };
  // The kinds in words ("shadowing, one-on-one mentoring, …"), never a list of ids.
  const choices = someKinds(categories);
  if (fuzzy && fuzzy.length > 1) {
    // The example shows the first choice in place of the category it had.
    const ids = new Set(categories.map((c) => c.id));
    const shown = example
      .split(' ')
      .map((w) => (ids.has(w) ? fuzzy[0]!.category.id : w))
      .join(' ');
    throw new UserError('category-ambiguous', whichKind(fuzzy.map((f) => f.category)), shown);
  }
  if (words.length === 0) throw new UserError('category-missing', noKind(categories[0]!), example, choices);
  throw new UserError('category-unknown', unknownKind(original[0]!), example, choices);
}

/** A word that is the first word of one or more category ids ("peer", "mentoring"). */
function partOfName(words: string[], categories: Category[]): Array<{ category: Category; start: number }> | undefined {
  for (let start = 0; start < words.length; start++) {
    const word = words[start]!;
    if (word.length < 4) continue;
    const matches = categories.filter((c) => normalize(c.id).split(' ')[0] === word && normalize(c.id) !== word);
    if (matches.length) return matches.map((category) => ({ category, start }));
  }
  return undefined;
}

function exactMatch(
  words: string[],
  categories: Category[],
): { category: Category; start: number; length: number } | undefined {
  const table = new Map<string, Category>();
  for (const c of categories) for (const p of phrasesOf(c)) if (!table.has(p)) table.set(p, c);
  for (let start = 0; start < words.length; start++) {
    for (let length = Math.min(4, words.length - start); length >= 1; length--) {
      const category = table.get(words.slice(start, start + length).join(' '));
      if (category) return { category, start, length };
    }
  }
  return undefined;
}

function fuzzyMatch(words: string[], categories: Category[]): Array<{ category: Category; start: number }> | undefined {
  for (let start = 0; start < words.length; start++) {
    const word = words[start]!;
    if (word.length < 4) continue;
    const allowed = word.length >= 7 ? 2 : 1;
    const near = new Map<string, Category>();
    for (const c of categories) {
      for (const p of phrasesOf(c)) if (!p.includes(' ') && distance(word, p) <= allowed) near.set(c.id, c);
    }
    if (near.size) return [...near.values()].map((category) => ({ category, start }));
  }
  return undefined;
}
