import { shortDate } from '../parse/date.ts';

/**
 * The words of the attendance lines in /cert: "You came to 3 of 5 monthly peer mentor calls:
 * Jan 8, Feb 12, Mar 12. Missed: Apr 9." Builders only: the facts come from
 * src/meetings/attendance.ts.
 */

/** At most this many dates are listed in one line; older ones are counted, not listed. */
export const DATES_SHOWN = 12;

function dateList(dates: string[], today: string): string {
  const shown = dates.slice(-DATES_SHOWN).map((d) => shortDate(d, today));
  const older = dates.length - shown.length;
  return `${shown.join(', ')}${older ? `, and ${older} before` : ''}`;
}

/** `whose` is undefined for the person themself ("You came"), else their name. */
export function attendanceLine(
  whose: string | undefined,
  label: string,
  came: string[],
  missed: string[],
  today: string,
): string {
  const total = came.length + missed.length;
  const first = `${whose ?? 'You'} came to ${came.length} of ${total} ${label}${came.length ? `: ${dateList(came, today)}` : ''}.`;
  return missed.length ? `${first} Missed: ${dateList(missed, today)}.` : first;
}

export const ATTENDANCE_HEADING = 'Meetings and calls:';

/** For the person themself, when some dates are missed: how to say they were there. */
export function attendanceHow(example: string): string {
  return `Were you there? Tell me, like this: ${example}`;
}
