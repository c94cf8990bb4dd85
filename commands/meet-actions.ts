import type { DateTime } from 'luxon';
import { UserError } from '../src/errors.ts';
import { reply, textReply } from '../src/message.ts';
import type { Block, Reply } from '../src/message.ts';
import type { Context } from '../src/bot.ts';
import { ensureSaved, hasRole } from '../src/people.ts';
import type { Meeting } from '../src/meetings/meetings.ts';
import { allMeetings, cancelledStore, markAttended, meetingStore, setRsvp, shortId } from '../src/meetings/meetings.ts';
import { DayFullError } from '../src/store/port.ts';
import { parseSchedule, SCHEDULE_EXAMPLE } from '../src/meetings/parse.ts';
import { readDate, readFutureDate } from '../src/parse/date.ts';
import { isSkipped, latestStarted, occurrenceOn, occurrencesBetween, upcoming } from '../src/meetings/recurrence.ts';
import type { Occurrence } from '../src/meetings/recurrence.ts';
import { describeSeries, formatDay, formatHours, formatWhen } from '../src/meetings/format.ts';
import { formatDuration } from '../src/parse/duration.ts';
import { calendarFile } from '../src/meetings/ics.ts';
import { findMeeting } from '../src/meetings/lookup.ts';
import * as say from '../src/messages/meet.ts';
import { tellYesSayers } from './meet-people.ts';
import { cannotScheduleHere } from '../src/messages/reach.ts';
import { historyItem, nextAction } from '../src/hours/history.ts';

function requireFacilitator(ctx: Context, what: string): void {
  if (!hasRole(ctx.actor, 'facilitator')) throw new UserError('not-allowed', say.onlyFacilitator(what), '/meet list');
}

/** `named`: the labels say which meeting, for a list of several (Discord shows every button below the list). */
export function rsvpButtons(meeting: Meeting, named = false): Block {
  const which = named ? ` to ${meeting.title}` : '';
  return {
    kind: 'actions',
    buttons: [
      { label: `I will come${which}`, command: 'meet', args: `rsvp ${meeting.id} yes`, style: 'primary' },
      { label: `I cannot come${which}`, command: 'meet', args: `rsvp ${meeting.id} no` },
    ],
  };
}

export async function scheduleMeeting(ctx: Context, text: string): Promise<Reply> {
  requireFacilitator(ctx, 'schedule meetings');
  const { services, inv } = ctx;
  const now = services.clock.now();
  const request = parseSchedule(text, now);
  const store = await meetingStore(services);
  const cancelled = await (await cancelledStore(services)).all();
  const id = shortId(request.title, new Set([...(await store.all()), ...cancelled].map((r) => r.id)));
  const meeting: Meeting = {
    id,
    ...request,
    from: now.toISODate()!,
    platform: inv.platform,
    ...(inv.channelId ? { channelId: inv.channelId } : {}),
    createdBy: ctx.actor.person.id,
    createdAt: now.toISO()!,
    skipped: [],
    moved: {},
    rsvps: {},
    attended: {},
  };
  const next = upcoming(meeting, now, 1)[0];
  if (!next) throw new UserError('in-the-past', say.IN_THE_PAST, SCHEDULE_EXAMPLE);
  await requirePostable(ctx);
  await ensureSaved(services, ctx.actor);
  await store.put(id, meeting);
  return reply([
    { kind: 'heading', text: say.scheduled(meeting.title) },
    {
      kind: 'text',
      text: [
        say.happens(describeSeries(meeting, services.config.tz, now)),
        say.lasts(formatDuration(meeting.minutes)),
        say.firstOne(formatWhen(next.start, now)),
        say.shortName(id),
      ].join('\n'),
    },
    ...(meeting.link ? [{ kind: 'text' as const, text: say.linkLine(meeting.link) }] : []),
    { kind: 'actions', buttons: [{ label: say.ADD_TO_CALENDAR, command: 'meet', args: `ics ${id}` }] },
  ]);
}

/** Reminders are posted where a meeting is scheduled: a channel the bot cannot post in is refused now, not at the first reminder. */
async function requirePostable({ services, inv }: Context): Promise<void> {
  const adapter = services.adapters?.find((a) => a.platform === inv.platform);
  if (!inv.channelId || !adapter?.canPost) return;
  const access = await adapter.canPost(inv.channelId);
  if (access.ok) return;
  const { message, example } = cannotScheduleHere(access.reason, inv.platform);
  throw new UserError('channel-closed', message, example);
}

export async function listMeetings(ctx: Context): Promise<Reply> {
  const { services } = ctx;
  const now = services.clock.now();
  const next = (await allMeetings(services))
    .map((m) => ({ meeting: m, occurrence: upcoming(m, now, 1)[0] }))
    .filter((x): x is { meeting: Meeting; occurrence: Occurrence } => x.occurrence !== undefined)
    .sort((a, b) => a.occurrence.start.toMillis() - b.occurrence.start.toMillis());
  if (!next.length) {
    const hint = hasRole(ctx.actor, 'facilitator') ? say.toAddOne(SCHEDULE_EXAMPLE) : say.A_FACILITATOR_CAN_ADD;
    return textReply(say.NONE_COMING, hint);
  }
  const blocks: Block[] = [{ kind: 'heading', text: say.COMING_UP }];
  for (const { meeting } of next) {
    const lines = [
      `${meeting.title} (short name: ${meeting.id})`,
      say.happens(describeSeries(meeting, services.config.tz, now)),
      say.lasts(formatDuration(meeting.minutes)),
      say.NEXT_DATES,
      ...nextDates(meeting, now, 3).map((o) =>
        isSkipped(o) ? say.noMeetingOn(formatDay(o.date, services.config.tz, now)) : `  ${formatWhen(o.start, now)}`,
      ),
    ];
    if (meeting.link) lines.push(say.linkLine(meeting.link));
    blocks.push({ kind: 'text', text: lines.join('\n') }, rsvpButtons(meeting, next.length > 1));
  }
  blocks.push({ kind: 'context', text: say.CALENDAR_HINT });
  return reply(blocks);
}

/** The occurrence a date names, or a clear error listing the next dates. */
function occurrenceFor(meeting: Meeting, ctx: Context, written: string, example: string, ahead: boolean): Occurrence {
  const now = ctx.services.clock.now();
  const date = ahead ? readFutureDate(written, now, example) : readDate(written, now, example);
  if (!date) throw new UserError('bad-date', `I could not read the date "${written}".`, example);
  const occurrence = occurrenceOn(meeting, ctx.services.config.tz, date);
  if (!occurrence) {
    // Attendance is for dates that have passed: offer the last ones, not the next ones.
    const choices = ahead
      ? upcoming(meeting, now, 3).map((o) => o.date)
      : occurrencesBetween(meeting, ctx.services.config.tz, now.minus({ days: 62 }).toISODate()!, now.toISODate()!)
          .filter((o) => o.start <= now && !isSkipped(o))
          .slice(-3)
          .map((o) => o.date);
    throw new UserError(
      'not-a-meeting-day',
      say.notOnThatDay(meeting.title, formatDay(date, ctx.services.config.tz, now)),
      example,
      choices.length ? choices : undefined,
    );
  }
  return occurrence;
}

export async function cancelMeeting(ctx: Context, words: string[]): Promise<Reply> {
  requireFacilitator(ctx, 'cancel meetings');
  if (words.length > 1) return skipMeeting(ctx, words);
  const meeting = await findMeeting(ctx.services, words[0], '/meet cancel lc');
  await (await meetingStore(ctx.services)).delete(meeting.id);
  await (await cancelledStore(ctx.services)).put(meeting.id, { title: meeting.title });
  const now = ctx.services.clock.now();
  const dates = upcoming(meeting, now, 24).map((o) => o.date);
  const told = await tellYesSayers(ctx, meeting, dates, say.seriesCancelledNotice(meeting.title), 'cancelled');
  return textReply(...say.cancelled(meeting.title), ...toldLine(told));
}

export async function skipMeeting(ctx: Context, words: string[]): Promise<Reply> {
  requireFacilitator(ctx, 'skip meetings');
  const example = '/meet skip lc 2026-04-14';
  const meeting = await findMeeting(ctx.services, words[0], example);
  if (words.length < 2) throw new UserError('no-date', say.WHICH_DAY_TO_SKIP, example);
  const occurrence = occurrenceFor(meeting, ctx, words.slice(1).join(' '), example, true);
  const now = ctx.services.clock.now();
  const when = formatDay(occurrence.date, ctx.services.config.tz, now);
  if (isSkipped(occurrence)) return textReply(`${meeting.title} on ${when} was already cancelled.`);
  if (occurrence.start < now)
    throw new UserError('in-the-past', `${meeting.title} on ${when} has already started.`, example);
  const updated =
    (await (
      await meetingStore(ctx.services)
    ).update(meeting.id, (m) =>
      m && !m.skipped.includes(occurrence.date) ? { ...m, skipped: [...m.skipped, occurrence.date].sort() } : undefined,
    )) ?? meeting;
  const next = upcoming(updated, now, 1)[0];
  const nextLine = next ? [say.nextOne(formatWhen(next.start, now))] : [];
  const told = await tellYesSayers(
    ctx,
    meeting,
    [occurrence.date],
    [say.skippedNotice(meeting.title, when), ...nextLine].join('\n'),
    'skipped',
  );
  return textReply(say.skipped(meeting.title, when), ...nextLine, ...toldLine(told));
}

const YES = new Set(['yes', 'y', 'yeah', 'yep', 'going', 'coming', 'attending', 'sure', 'ok']);
const NO = new Set(['no', 'n', 'nope', 'not', "can't", 'cant', 'cannot', 'skip', 'absent']);

function rsvpWords(words: string[]): { said: string; name: string | undefined } {
  const isAnswer = (w: string | undefined) => !!w && (YES.has(w.toLowerCase()) || NO.has(w.toLowerCase()));
  if (words.length >= 2 && isAnswer(words.at(-1)))
    return { said: words.at(-1)!.toLowerCase(), name: words.slice(0, -1).join(' ') };
  if (words.length >= 2 && isAnswer(words[0])) return { said: words[0]!.toLowerCase(), name: words.slice(1).join(' ') };
  return { said: (words.at(-1) ?? '').toLowerCase(), name: words[0] };
}

export async function rsvpMeeting(ctx: Context, words: string[]): Promise<Reply> {
  const example = '/meet rsvp lc yes';
  // "/meet rsvp peer mentor call yes" or "/meet rsvp yes peer mentor call": the answer is the
  // first or the last word, and the meeting is the rest.
  const { said, name } = rsvpWords(words);
  const meeting = await findMeeting(ctx.services, name, example);
  const answer: 'yes' | 'no' | undefined = YES.has(said) ? 'yes' : NO.has(said) ? 'no' : undefined;
  if (!answer) throw new UserError('bad-answer', say.YES_OR_NO, example, ['yes', 'no']);
  const now = ctx.services.clock.now();
  const next = upcoming(meeting, now, 1)[0];
  if (!next) throw new UserError('no-next', `${meeting.title} has no more dates.`, '/meet list');
  await ensureSaved(ctx.services, ctx.actor);
  const stored = await setRsvp(ctx.services, meeting.id, next.date, ctx.actor.person.id, answer);
  const coming = Object.values(stored?.rsvps[next.date] ?? {}).filter((a) => a === 'yes').length;
  return textReply(
    answer === 'yes' ? say.rsvpYes(meeting.title) : say.rsvpNo(meeting.title),
    say.itIs(formatWhen(next.start, now)),
    say.comingSoFar(coming),
  );
}

export async function attendedMeeting(ctx: Context, words: string[]): Promise<Reply> {
  const example = '/meet attended tc';
  const { services, actor } = ctx;
  const meeting = await findMeeting(services, words[0], example);
  const now = services.clock.now();
  const occurrence =
    words.length > 1
      ? occurrenceFor(meeting, ctx, words.slice(1).join(' '), `/meet attended ${meeting.id} ${now.toISODate()}`, false)
      : latestStarted(meeting, now);
  const when = occurrence ? formatDay(occurrence.date, services.config.tz, now) : '';
  if (!occurrence) throw new UserError('not-yet', `${meeting.title} has not happened yet.`, '/meet list');
  if (isSkipped(occurrence))
    throw new UserError('was-cancelled', `${meeting.title} on ${when} was cancelled.`, example);
  if (occurrence.start > now)
    throw new UserError('not-yet', `${meeting.title} on ${when} has not started yet.`, example);
  const logsHours =
    meeting.kind === 'teleconference' &&
    services.programs.category(services.programs.forPerson(actor.person.programId), 'teleconference');
  await ensureSaved(services, actor);
  const person = actor.person;
  const lines = [say.wereThere(meeting.title, when)];
  const category = logsHours || undefined;
  // The call's hours and the attendance in one store step: the store refuses the hours past 24
  // hours a day (nothing is stored then), and logs them once per meeting date.
  const done = await markAttended(
    services,
    meeting.id,
    occurrence.date,
    person.id,
    category && {
      date: occurrence.date,
      minutes: meeting.minutes,
      category: category.id,
      faceToFace: category.faceToFace,
      status: 'pending',
      note: meeting.title.slice(0, 500),
      loggedOn: services.clock.today(),
      createdAt: services.clock.now().toISO()!,
      history: [
        historyItem(
          services,
          person.id,
          'logged',
          await nextAction(services, person.id, await services.store.hours.list(person.id)),
        ),
      ],
    },
  ).catch((error: unknown) => {
    if (error instanceof DayFullError) throw new UserError('day-over-24-hours', say.dayOver24(when), '/hours list');
    throw error;
  });
  if (!done) throw new UserError('no-meeting', `${meeting.title} was cancelled.`, '/meet list');
  const logged = done.hours;
  if (logged) {
    const { created } = logged;
    lines.push(...(created ? [...say.loggedCall(formatHours(meeting.minutes))] : [say.ALREADY_LOGGED_CALL]));
  } else {
    // Only calls are logged as hours (SPEC); say so, so nobody thinks a meeting was counted.
    lines.push(...say.NOT_A_CALL);
  }
  return textReply(...lines);
}

export async function meetingsIcs(ctx: Context, words: string[]): Promise<Reply> {
  const meetings = words[0]
    ? [await findMeeting(ctx.services, words[0], '/meet ics lc')]
    : await allMeetings(ctx.services);
  if (!meetings.length) return textReply(say.NO_MEETINGS_YET);
  const file = calendarFile(meetings, ctx.services.config.tz);
  const what = meetings.length === 1 ? meetings[0]!.title : 'all meetings';
  return reply([{ kind: 'text', text: say.calendarFile(what) }], { files: [file] });
}

/** "I told the 3 people who said they would come." */
function toldLine(count: number): string[] {
  if (!count) return [];
  return [say.told(count)];
}

/** The next `count` dates that will happen, with any skipped dates among them (so they can be marked). */
function nextDates(meeting: Meeting, now: DateTime, count: number): Occurrence[] {
  const until = now.plus({ days: 400 }).toISODate()!;
  const out: Occurrence[] = [];
  let real = 0;
  for (const o of occurrencesBetween(meeting, now.zoneName!, now.toISODate()!, until)) {
    if (o.end <= now) continue;
    out.push(o);
    if (!isSkipped(o) && ++real === count) break;
  }
  return out;
}
