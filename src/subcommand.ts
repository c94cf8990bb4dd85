import { distance } from 'fastest-levenshtein';
import { wordTable } from './lookup.ts';

/**
 * Splits "log 2h shadowing" into a known subcommand and the rest, forgiving a small typo
 * ("lgo") and aliases. Returns undefined when the first word is not a subcommand.
 * The table is read as a Map, so "/hours constructor" is an unknown word, not Object.
 */
export function splitSubcommand(
  text: string,
  table: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
): [string, string] | undefined {
  const names = table instanceof Map ? table : wordTable(table as Readonly<Record<string, string>>);
  const [first = '', ...rest] = text.trim().split(/\s+/);
  const word = first.toLowerCase();
  if (!word) return undefined;
  const exact = names.get(word);
  if (exact) return [exact, rest.join(' ')];
  if (word.length >= 3 && /^[a-z]+$/.test(word)) {
    const near = [...names.keys()].filter((n) => (n.length >= 4 && distance(n, word) === 1) || swapped(n, word));
    const targets = new Set(near.map((n) => names.get(n)));
    if (targets.size === 1) return [[...targets][0]!, rest.join(' ')];
  }
  return undefined;
}

/** "lgo" for "log": two letters next to each other swapped. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]] && a[diff[1]] === b[diff[0]!];
}
