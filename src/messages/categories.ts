/** How kinds of hours are named to people: their short everyday words, never ids alone. */
import type { Category } from '../programs/schema.ts';

/** "one-on-one mentoring" (a label inside a sentence). */
export function kindWords(c: Category): string {
  return c.label.charAt(0).toLowerCase() + c.label.slice(1);
}

/** "Did you mean one-on-one mentoring or group mentoring?" */
export function whichKind(options: Category[]): string {
  return `Did you mean ${orList(options.map(kindWords))}?`;
}

export function noKind(first: Category): string {
  return `What kind of hours are these? Add what you did, like ${kindWords(first)}.`;
}

export function unknownKind(word: string): string {
  return `I don't know the kind of hours "${word}". To see them all, type /help hours.`;
}

/** A few kinds, in words, for a reply: "shadowing, one-on-one mentoring or group mentoring". */
export const KINDS_SHOWN = 4;
export function someKinds(categories: Category[]): string[] {
  const shown = categories.slice(0, KINDS_SHOWN).map(kindWords);
  if (categories.length > KINDS_SHOWN) shown.push('and more');
  return shown;
}

/** "a, b or c". */
export function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
