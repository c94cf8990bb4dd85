/** The words of /cert: sentences that say the numbers, so nobody has to work them out. */
import { formatDuration } from '../parse/duration.ts';

/** "45": a whole number of hours alone, else hours and minutes ("44 hours 30 minutes"). */
function needed(minutes: number): string {
  return minutes % 60 === 0 ? String(minutes / 60) : formatDuration(minutes);
}

/**
 * "You have 3 hours of face-to-face mentoring. You need 45." One number per sentence, no
 * percentage. `who` is "You" or a name; `what` is "of face-to-face mentoring" or "for the internship".
 */
export function haveNeed(who: string, approved: number, target: number, what: string): string {
  const verb = who === 'You' ? 'have' : 'has';
  const needs = who === 'You' ? 'You need' : 'They need';
  if (approved >= target) return `${who} ${verb} all ${formatDuration(target)} ${what}. Done!`;
  const have = approved ? formatDuration(approved) : '0 hours';
  return `${who} ${verb} ${have} ${what}. ${needs} ${needed(target)}.`;
}

/** Hours logged but not approved yet, said so that one hour reads right. */
export function waitingLine(minutes: number): string {
  return `Your supervisor still needs to approve ${formatDuration(minutes)}. Only approved hours count.`;
}

export const STEPS_LABEL = 'Steps done';
export const ALL_DONE = 'Everything is done for now. Great work!';
export const NOT_COUNTED = 'These hours do not count, because of their date:';
