/**
 * "date:3/9", "category:shadowing", "time:90min": the typed-option form (Discord writes
 * options this way, and people copy it) accepted wherever the plain word is. The key is
 * dropped and the value read as if typed alone; any other "word:" (a link, a note) is kept.
 */
export function plainOptions(text: string, keys: readonly string[]): string {
  if (!keys.length) return text;
  const names = keys.map((k) => k.replace(/[^a-z-]/g, '')).join('|');
  return text.replace(new RegExp(`(^|\\s)(?:${names}):\\s*(?=\\S)`, 'gi'), '$1');
}

/** The keys /hours log and /hours edit accept before a value. */
export const HOURS_KEYS = ['date', 'day', 'when', 'category', 'kind', 'type', 'time', 'duration', 'hours', 'length'];
