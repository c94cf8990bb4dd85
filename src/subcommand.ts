import { distance } from 'fastest-levenshtein';

/**
 * Splits "log 2h shadowing" into a known subcommand and the rest, forgiving a small typo
 * ("lgo") and aliases. Returns undefined when the first word is not a subcommand.
 */
export function splitSubcommand(text: string, names: Record<string, string>): [string, string] | undefined {
  const [first = '', ...rest] = text.trim().split(/\s+/);
  const word = first.toLowerCase();
  if (!word) return undefined;
  const exact = names[word];
  if (exact) return [exact, rest.join(' ')];
  if (word.length >= 3 && /^[a-z]+$/.test(word)) {
    const near = Object.keys(names).filter((n) => (n.length >= 4 && distance(n, word) === 1) || swapped(n, word));
    const targets = new Set(near.map((n) => names[n]));
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
