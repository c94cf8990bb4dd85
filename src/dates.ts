/**
 * Calendar-day arithmetic on YYYY-MM-DD strings. Days have no time zone, so plain UTC dates
 * are exact here, and much cheaper than luxon in loops over a whole team (luxon stays for
 * everything that has a time of day or a zone).
 */
const DAY_MS = 86_400_000;

function toUtc(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

export function addDays(iso: string, days: number): string {
  return new Date(toUtc(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The earliest year a date typed to the bot may have. The latest is next year (see `latestYear`). */
export const MIN_YEAR = 1900;

/** The latest year a person could mean: next year (a meeting can be planned that far ahead). */
export function latestYear(todayYear: number): number {
  return todayYear + 1;
}
