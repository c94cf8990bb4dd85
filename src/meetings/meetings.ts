import { z } from 'zod';
import type { Services } from '../services.ts';
import type { Collection } from '../store/port.ts';
import { meetingOrigin } from '../store/port.ts';
import type { HourDraft, HourEntry } from '../store/schema.ts';
import { IsoDate } from '../store/schema.ts';

export const KINDS = ['meeting', 'teleconference', 'training', 'other'] as const;
export type MeetingKind = (typeof KINDS)[number];

import { WEEKDAYS } from '../parse/date.ts';
export { WEEKDAYS };
export type Weekday = (typeof WEEKDAYS)[number];

/** How a series repeats. nth -1 is "the last" weekday of the month. */
export const RecurrenceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('once'), date: IsoDate }),
  z.object({ type: z.literal('weekly'), weekday: z.enum(WEEKDAYS) }),
  z.object({
    type: z.literal('nth'),
    nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    weekday: z.enum(WEEKDAYS),
  }),
  z.object({ type: z.literal('monthly'), day: z.number().int().min(1).max(31) }),
]);
export type Recurrence = z.infer<typeof RecurrenceSchema>;

export const MeetingSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+$/),
  title: z.string().min(1).max(120),
  kind: z.enum(KINDS),
  recurrence: RecurrenceSchema,
  /** Wall-clock start "HH:mm" in the collaborative's time zone, the same on both sides of a DST switch. */
  time: z.string().regex(/^\d{2}:\d{2}$/),
  minutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60),
  link: z.string().max(500).optional(),
  /** The first day the series can happen (the day it was scheduled). */
  from: IsoDate,
  /** Where it was scheduled: reminders are posted there. */
  platform: z.enum(['console', 'slack', 'discord']),
  channelId: z.string().optional(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Occurrence dates (YYYY-MM-DD) that will not happen. */
  skipped: z.array(IsoDate).default([]),
  /** Occurrence date -> person id -> their answer. */
  rsvps: z.record(z.string(), z.record(z.string(), z.enum(['yes', 'no']))).default({}),
  /** One date moved: its original date -> the new date and start time (an RSVP follows the move). */
  moved: z.record(z.string(), z.object({ date: IsoDate, time: z.string().regex(/^\d{2}:\d{2}$/) })).default({}),
  /** Occurrence date -> person ids who were there. */
  attended: z.record(z.string(), z.array(z.string())).default({}),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export function meetingStore(services: Services): Promise<Collection<Meeting>> {
  return services.store.collection('meetings', MeetingSchema);
}

/**
 * Series that were cancelled, by short id. Their ids are not given out again, so an RSVP
 * button on an old reminder cannot answer for a new meeting, and it can say what happened.
 */
export function cancelledStore(services: Services): Promise<Collection<{ title: string }>> {
  return services.store.collection('meetings-cancelled', z.object({ title: z.string() }));
}

/** One person's answer for one date, in one step: answers given at the same time are all kept. */
export async function setRsvp(
  services: Services,
  meetingId: string,
  date: string,
  personId: string,
  answer: 'yes' | 'no',
): Promise<Meeting | undefined> {
  return (await meetingStore(services)).update(meetingId, (m) =>
    m ? { ...m, rsvps: { ...m.rsvps, [date]: { ...m.rsvps[date], [personId]: answer } } } : undefined,
  );
}

/**
 * Marks a person as there on a date and logs the call's hours (when given), in one store
 * step: both are stored or neither. Marking twice changes nothing; the hours are logged once
 * per meeting date. Undefined when the meeting is gone.
 */
export function markAttended(
  services: Services,
  meetingId: string,
  date: string,
  personId: string,
  hours?: HourDraft,
): Promise<{ marked: boolean; hours?: { entry: HourEntry; created: boolean } } | undefined> {
  const origin = meetingOrigin(meetingId, date);
  return services.store.meetings.markAttended(meetingId, date, personId, hours && { ...hours, origin });
}

export async function allMeetings(services: Services): Promise<Meeting[]> {
  return (await (await meetingStore(services)).all()).map((r) => r.value);
}

/**
 * A short id a person can type: the first letters of the title's words ("Learning
 * Collaborative" -> "lc"), with a number when that is taken ("lc2").
 */
export function shortId(title: string, taken: Set<string>): string {
  const letters = title
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0])
    .join('')
    .slice(0, 4);
  const base = letters || 'm';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}
