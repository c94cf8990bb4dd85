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
  if (word.length >= 4 && /^[a-z]+$/.test(word)) {
    const near = Object.keys(names).filter((n) => n.length >= 4 && distance(n, word) === 1);
    const targets = new Set(near.map((n) => names[n]));
    if (targets.size === 1) return [[...targets][0]!, rest.join(' ')];
  }
  return undefined;
}
