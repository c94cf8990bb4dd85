import type { DateTime } from 'luxon';
import type { Program } from '../programs/schema.ts';
import type { Person } from '../store/schema.ts';
import type { Meeting } from './meetings.ts';
import { isSkipped, occurrencesBetween } from './recurrence.ts';
import { addDays } from '../dates.ts';

/** How far back attendance is counted: a year of monthly calls is enough to read in one line. */
const LOOKBACK_DAYS = 366;

/** One kind of meeting the program counts, for one person: the dates they came and the ones they missed. */
export interface Attendance {
  label: string;
  came: string[];
  missed: string[];
  /** A meeting of this kind and its latest missed date, for an example of /meet attended. */
  lastMissed?: { meetingId: string; date: string };
}

/** The day a person's attendance starts to count: their earliest known date with the program. */
function startOf(person: Person): string {
  const dates = [person.hired, person.internshipStart].filter((d): d is string => Boolean(d));
  return dates.length ? dates.sort()[0]! : person.createdAt.slice(0, 10);
}

/**
 * For each kind of meeting the program counts, the dates that happened (not skipped, started
 * by now) since the person started, and whether they were marked there. Only this person's own
 * marks are read. Pure: the meetings come from the store, `now` from the clock.
 */
export function attendanceOf(program: Program, person: Person, meetings: Meeting[], now: DateTime): Attendance[] {
  const today = now.toISODate()!;
  const until = person.deactivatedOn && person.deactivatedOn < today ? person.deactivatedOn : today;
  const lookback = addDays(today, -LOOKBACK_DAYS);
  const from = startOf(person) > lookback ? startOf(person) : lookback;
  const out: Attendance[] = [];
  for (const counted of program.meetings ?? []) {
    const happened = meetings
      .filter((m) => m.kind === counted.kind)
      .flatMap((m) => occurrencesBetween(m, now.zoneName!, from, until))
      .filter((o) => !isSkipped(o) && o.start <= now)
      .sort((a, b) => a.start.toMillis() - b.start.toMillis());
    if (!happened.length) continue;
    const here = (o: (typeof happened)[number]) => (o.meeting.attended[o.date] ?? []).includes(person.id);
    const missed = happened.filter((o) => !here(o));
    const last = missed.at(-1);
    out.push({
      label: counted.label,
      came: happened.filter(here).map((o) => o.date),
      missed: missed.map((o) => o.date),
      ...(last ? { lastMissed: { meetingId: last.meeting.id, date: last.date } } : {}),
    });
  }
  return out;
}
