import ical, { ICalEventRepeatingFreq, ICalWeekday } from 'ical-generator';
import type { ICalRepeatingOptions } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Attachment } from '../message.ts';
import type { Meeting, Weekday } from './meetings.ts';
import { WEEKDAYS } from './meetings.ts';
import { firstDate, occurrencesBetween, ruleOccurrences } from './recurrence.ts';
import { KIND_LABEL } from './format.ts';
import { vtimezone } from './vtimezone.ts';

const ICAL_DAYS = [
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
  ICalWeekday.SU,
];
const icalDay = (d: Weekday) => ICAL_DAYS[WEEKDAYS.indexOf(d)]!;

function repeating(meeting: Meeting, zone: string): ICalRepeatingOptions | null {
  const r = meeting.recurrence;
  const exclude = meeting.skipped.flatMap((date) => occurrencesBetween(meeting, zone, date, date).map((o) => o.start));
  const common = exclude.length ? { exclude } : {};
  switch (r.type) {
    case 'once':
      return null;
    case 'weekly':
      return { freq: ICalEventRepeatingFreq.WEEKLY, byDay: [icalDay(r.weekday)], ...common };
    case 'nth':
      return { freq: ICalEventRepeatingFreq.MONTHLY, byDay: [icalDay(r.weekday)], bySetPos: [r.nth], ...common };
    case 'monthly':
      return { freq: ICalEventRepeatingFreq.MONTHLY, byMonthDay: [r.day], ...common };
  }
}

/**
 * An RFC 5545 calendar of meeting series: one VEVENT per series with its RRULE, an EXDATE for
 * each skipped date, and a VTIMEZONE, so Google Calendar, Outlook and Apple Calendar place the
 * meetings at the right local time on both sides of a daylight-saving switch.
 */
function meetingsCalendar(meetings: Meeting[], zone: string, name = 'peerbot meetings'): string {
  const years = meetings.map((m) => Number(firstDate(m).slice(0, 4)));
  const calendar = ical({
    name,
    prodId: { company: 'peerbot', product: 'meetings', language: 'EN' },
    // No calendar-wide zone: each event names its own, and DTSTAMP stays in UTC as RFC 5545 wants.
    timezone: { name: null, generator: (tz) => vtimezone(tz, Math.min(...years, DateTime.now().year)) },
  });
  for (const meeting of meetings) {
    const from = firstDate(meeting);
    const first = occurrencesBetween(meeting, zone, from, DateTime.fromISO(from).plus({ days: 400 }).toISODate()!)[0];
    if (!first) continue;
    calendar.createEvent({
      id: `${meeting.id}-${meeting.from}@peerbot`,
      start: first.start,
      end: first.end,
      timezone: zone,
      stamp: new Date(meeting.createdAt),
      summary: meeting.title,
      description: [KIND_LABEL[meeting.kind], meeting.link ? `Join: ${meeting.link}` : ''].filter(Boolean).join('\n'),
      ...(meeting.link ? { location: meeting.link } : {}),
      ...(meeting.link && /^https?:\/\//.test(meeting.link) ? { url: meeting.link } : {}),
      repeating: repeating(meeting, zone),
    });
    // A moved date is the same series with one instance overridden (RECURRENCE-ID), as RFC 5545 does it.
    for (const [original, to] of Object.entries(meeting.moved)) {
      const instance = ruleOccurrences(meeting, zone, original, original)[0];
      if (!instance) continue;
      const start = DateTime.fromISO(`${to.date}T${to.time}`, { zone });
      calendar.createEvent({
        id: `${meeting.id}-${meeting.from}@peerbot`,
        recurrenceId: instance.start,
        start,
        end: start.plus({ minutes: meeting.minutes }),
        timezone: zone,
        stamp: new Date(meeting.createdAt),
        summary: meeting.title,
        description: `${KIND_LABEL[meeting.kind]} (moved from ${original})`,
        ...(meeting.link ? { location: meeting.link } : {}),
      });
    }
  }
  return calendar.toString();
}

export function calendarFile(meetings: Meeting[], zone: string): Attachment {
  const filename = meetings.length === 1 ? `${meetings[0]!.id}.ics` : 'meetings.ics';
  return { filename, contentType: 'text/calendar', content: meetingsCalendar(meetings, zone) };
}
