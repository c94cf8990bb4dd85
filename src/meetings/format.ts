import { formatDuration } from '../parse/duration.ts';
import { DateTime } from 'luxon';
import type { Meeting, MeetingKind } from './meetings.ts';

const ORDINAL: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };

/** "Tuesday, March 10 at 10:00 AM" (with the year when it is not this year). */
export function formatWhen(start: DateTime, now: DateTime): string {
  const date = start.year === now.year ? start.toFormat('cccc, LLLL d') : start.toFormat('cccc, LLLL d, yyyy');
  return `${date} at ${formatTime(start)}`;
}

/** "Tuesday, March 10" for a YYYY-MM-DD date. */
export function formatDay(date: string, zone: string, now: DateTime): string {
  const d = DateTime.fromISO(date, { zone });
  return d.year === now.year ? d.toFormat('cccc, LLLL d') : d.toFormat('cccc, LLLL d, yyyy');
}

function formatTime(t: DateTime): string {
  return t.toFormat('h:mm a');
}

function capital(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/** "every second Tuesday of the month at 10:00 AM". */
export function describeSeries(meeting: Meeting, zone: string, now: DateTime): string {
  const time = formatTime(DateTime.fromISO(meeting.time, { zone }));
  const r = meeting.recurrence;
  switch (r.type) {
    case 'once':
      return `once, on ${formatDay(r.date, zone, now)} at ${time}`;
    case 'weekly':
      return `every ${capital(r.weekday)} at ${time}`;
    case 'nth':
      return `every ${ORDINAL[r.nth]} ${capital(r.weekday)} of the month at ${time}`;
    case 'monthly':
      return `every month on day ${r.day} at ${time}`;
  }
}

/** "1 hour 30 minutes": hours and minutes, never "1.5 hours" (the one duration formatter). */
export function formatHours(minutes: number): string {
  return formatDuration(minutes);
}

export const KIND_LABEL: Record<MeetingKind, string> = {
  meeting: 'Learning collaborative meeting',
  teleconference: 'Phone or video call',
  training: 'Training',
  other: 'Meeting',
};
