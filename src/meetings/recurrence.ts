import rrulePackage from 'rrule';
import type { Options } from 'rrule';
import { DateTime } from 'luxon';
import type { Meeting, Recurrence, Weekday } from './meetings.ts';
import { WEEKDAYS } from './meetings.ts';

// rrule ships CommonJS for Node; its named exports live on the default export.
const { RRule } = rrulePackage;

/** One meeting on one day: start and end as zoned times in the collaborative's zone. */
export interface Occurrence {
  meeting: Meeting;
  /** The local date, YYYY-MM-DD: how people name an occurrence ("skip lc 2026-04-14"). */
  date: string;
  start: DateTime;
  end: DateTime;
  /** The date it would have been on, when a facilitator moved this one. */
  movedFrom?: string;
}

const RRULE_DAYS = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

function ruleDay(weekday: Weekday) {
  return RRULE_DAYS[WEEKDAYS.indexOf(weekday)]!;
}

/** The rrule options for a series (without DTSTART): also the RRULE written to the ICS file. */
function ruleOptions(recurrence: Recurrence): Partial<Options> {
  switch (recurrence.type) {
    case 'once':
      return { freq: RRule.DAILY, count: 1 };
    case 'weekly':
      return { freq: RRule.WEEKLY, byweekday: [ruleDay(recurrence.weekday)] };
    case 'nth':
      return { freq: RRule.MONTHLY, byweekday: [ruleDay(recurrence.weekday).nth(recurrence.nth)] };
    case 'monthly':
      return { freq: RRule.MONTHLY, bymonthday: [recurrence.day] };
  }
}

/**
 * rrule works on "floating" times: it is given and returns the wall clock as if it were UTC,
 * and luxon places each wall-clock time in the zone. So 10:00 stays 10:00 on both sides of a
 * daylight-saving switch, and the real instant moves by an hour, as people expect.
 */
function floating(date: string, time: string): Date {
  const [h, m] = time.split(':').map(Number);
  const d = DateTime.fromISO(date, { zone: 'utc' }).set({ hour: h, minute: m });
  return d.toJSDate();
}

export function firstDate(meeting: Meeting): string {
  return meeting.recurrence.type === 'once' ? meeting.recurrence.date : meeting.from;
}

/** A moved date can land up to this many days from where the series put it. */
export const MOVE_LIMIT_DAYS = 31;

/** Every occurrence whose date is in [fromDate, toDate] (local dates), skipped and moved ones included. */
export function occurrencesBetween(meeting: Meeting, zone: string, fromDate: string, toDate: string): Occurrence[] {
  if (!Object.keys(meeting.moved).length) return ruleOccurrences(meeting, zone, fromDate, toDate);
  const pad = (d: string, days: number) => DateTime.fromISO(d, { zone: 'utc' }).plus({ days }).toISODate()!;
  return ruleOccurrences(meeting, zone, pad(fromDate, -MOVE_LIMIT_DAYS), pad(toDate, MOVE_LIMIT_DAYS))
    .map((o) => {
      const to = meeting.moved[o.date];
      if (!to) return o;
      const start = DateTime.fromISO(`${to.date}T${to.time}`, { zone });
      return { ...o, date: to.date, start, end: start.plus({ minutes: meeting.minutes }), movedFrom: o.date };
    })
    .filter((o) => o.date >= fromDate && o.date <= toDate)
    .sort((a, b) => a.start.toMillis() - b.start.toMillis());
}

/** The dates the series' own rule gives, before any move. */
export function ruleOccurrences(meeting: Meeting, zone: string, fromDate: string, toDate: string): Occurrence[] {
  const rule = new RRule({ ...ruleOptions(meeting.recurrence), dtstart: floating(firstDate(meeting), meeting.time) });
  const days = rule.between(floating(fromDate, '00:00'), floating(toDate, '23:59'), true);
  return days.map((d) => {
    const wall = DateTime.fromJSDate(d, { zone: 'utc' });
    const start = DateTime.fromObject(
      { year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute },
      { zone },
    );
    return { meeting, date: wall.toISODate()!, start, end: start.plus({ minutes: meeting.minutes }) };
  });
}

export function isSkipped(occurrence: Occurrence): boolean {
  return occurrence.meeting.skipped.includes(occurrence.date);
}

/** The next occurrences that will happen (not skipped, not yet ended), soonest first. */
export function upcoming(meeting: Meeting, now: DateTime, count: number, horizonDays = 400): Occurrence[] {
  const today = now.toISODate()!;
  const until = now.plus({ days: horizonDays }).toISODate()!;
  return occurrencesBetween(meeting, now.zoneName!, today, until)
    .filter((o) => !isSkipped(o) && o.end > now)
    .slice(0, count);
}

/** The occurrence on a given local date, if the series has one then. */
export function occurrenceOn(meeting: Meeting, zone: string, date: string): Occurrence | undefined {
  return occurrencesBetween(meeting, zone, date, date)[0];
}

/** The latest occurrence that has started by now (for "I was at the call"). */
export function latestStarted(meeting: Meeting, now: DateTime, lookbackDays = 62): Occurrence | undefined {
  const from = now.minus({ days: lookbackDays }).toISODate()!;
  const past = occurrencesBetween(meeting, now.zoneName!, from, now.toISODate()!).filter(
    (o) => !isSkipped(o) && o.start <= now,
  );
  return past.at(-1);
}
