/**
 * The words of /hours that are built from parts. Every user-facing line of a feature lives in
 * its message module, so a reviewer can read them together and scripts/lint-messages.ts can
 * measure them.
 */
import { formatDate } from '../parse/date.ts';
import { formatDuration } from '../parse/duration.ts';

/** "Log 2 hours of shadowing for yesterday?": the question for hours typed without the command. */
export function logOffer(minutes: number, categoryLabel: string, date: string, today: string): string {
  return `Log ${formatDuration(minutes)} of ${categoryLabel.toLowerCase()} for ${dayWords(date, today)}?`;
}

/** "today", "yesterday", or "Monday, March 16". */
export function dayWords(date: string, today: string): string {
  if (date === today) return 'today';
  const yesterday = new Date(`${today}T12:00:00Z`);
  yesterday.setUTCDate(yesterday.getUTCDate() - 1);
  if (date === yesterday.toISOString().slice(0, 10)) return 'yesterday';
  return formatDate(date, today);
}

export const LOG_OFFER_YES = 'Yes, log it';
export const LOG_OFFER_NO = 'No';
export const LOG_CANCELLED = ['OK. I did not save anything.', 'To log hours, type: /hours log 2h shadowing'];
