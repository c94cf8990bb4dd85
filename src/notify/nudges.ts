import type { DateTime } from 'luxon';
import type { Adapter } from '../adapter.ts';
import type { Reply } from '../message.ts';
import { isActive } from '../people.ts';
import type { Services } from '../services.ts';
import type { HourEntry, Person } from '../store/schema.ts';
import { deadlinesForMany } from '../programs/deadlines.ts';
import type { Deadline } from '../programs/deadlines.ts';
import { daysBetween } from '../dates.ts';
import { adminSummary, ownReminder, supervisorDigest, SUMMARY_DAYS } from '../messages/digest.ts';
import type { MentorDeadline, Waiting } from '../messages/digest.ts';
import { sendOnce } from './outbox.ts';
import type { Planned, Sent } from './outbox.ts';
import type { Target } from './delivery.ts';
import { inQuietHours } from './quiet.ts';

/** Which reminder a deadline is at: 14, 7 or 1 days before, or late. */
export type Mark = '14' | '7' | '1' | 'overdue';

/** Entries waiting longer than this get a reminder line of their own (issue 14). */
const OLD_WAIT_DAYS = 7;

/**
 * The reminder a deadline is due for now. Only the latest mark that has passed counts: a
 * check that missed the 14-day mark but runs at 9 days sends that one nudge, not two;
 * "no hours for 14 days" is a nudge only once the 14 days are up.
 */
function currentMark(d: Deadline): Mark | undefined {
  if (d.kind === 'no-hours') return d.daysLeft <= 0 ? 'overdue' : undefined;
  if (d.overdue) return 'overdue';
  if (d.daysLeft <= 1) return '1';
  if (d.daysLeft <= 7) return '7';
  if (d.daysLeft <= 14) return '14';
  return undefined;
}

/** Everyone with their deadlines and waiting entries, read and computed once per check. */
interface Roster {
  people: Person[];
  deadlines: Map<string, Deadline[]>;
  pending: Map<string, HourEntry[]>;
}

async function loadRoster(services: Services): Promise<Roster> {
  // People who left keep their records but get no nudges, and their supervisor gets none about them.
  const people = (await services.store.people.all()).filter(isActive);
  const deadlines = await deadlinesForMany(services, people);
  const pending = await services.store.hours.pending(people.filter((p) => p.supervisorId).map((p) => p.id));
  return { people, deadlines, pending };
}

/** One item of a person's message at this check. */
type Part =
  | { type: 'own'; deadline: Deadline }
  | { type: 'mentor'; item: MentorDeadline }
  | { type: 'old-entries' }
  | { type: 'weekly'; weekOf: string }
  | { type: 'unsupervised'; weekOf: string };

/**
 * Every reminder due now, as items keyed once each: to the person, and to their supervisor,
 * unless they muted nudges. A step only the agency or the supervisor can do goes to the
 * supervisor alone.
 */
function planNudges({ people, deadlines, pending }: Roster, today: string): Planned<Part>[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const planned: Planned<Part>[] = [];
  const to = (person: Person): Target => ({ type: 'person', personId: person.id });
  for (const person of people) {
    const supervisor = person.supervisorId ? byId.get(person.supervisorId) : undefined;
    const heard = supervisor && !supervisor.nudgesMuted ? supervisor : undefined;
    for (const d of deadlines.get(person.id) ?? []) {
      const mark = currentMark(d);
      if (!mark) continue;
      if (!person.nudgesMuted && !d.doneBy)
        planned.push({ key: `${person.id}|${d.id}|${mark}`, target: to(person), part: { type: 'own', deadline: d } });
      if (heard)
        planned.push({
          key: `${heard.id}|${d.id}|${mark}`,
          target: to(heard),
          part: { type: 'mentor', item: { mentor: person, deadline: d } },
        });
    }
    // Each entry that passes 7 days waiting is a reminder once.
    if (heard)
      for (const entry of pending.get(person.id) ?? [])
        if (daysBetween(waitingSince(entry), today) > OLD_WAIT_DAYS)
          planned.push({
            key: `${heard.id}|waiting|${person.id}|${entry.id}`,
            target: to(heard),
            part: { type: 'old-entries' },
          });
  }
  return planned;
}

function waitingSince(entry: HourEntry): string {
  return entry.loggedOn ?? entry.createdAt.slice(0, 10);
}

/**
 * One weekly summary for each supervisor, listing only their own mentors. It is due from
 * Monday morning; a check later in the week sends a missed one.
 */
function planSummaries({ people }: Roster, now: DateTime): Planned<Part>[] {
  const weekOf = now.startOf('week').toISODate()!;
  // Who supervises someone, found once (not a scan of everyone for each person).
  const supervising = new Set(
    people.flatMap((p) => (p.supervisorId && p.supervisorId !== p.id ? [p.supervisorId] : [])),
  );
  const summaries: Planned<Part>[] = people
    .filter((s) => !s.nudgesMuted && supervising.has(s.id))
    .map((s) => ({
      key: `${s.id}|digest|${weekOf}`,
      target: { type: 'person', personId: s.id },
      part: { type: 'weekly', weekOf },
    }));
  // Admins hear each week about mentors nobody supervises: only an admin can fix that.
  if (unsupervised(people).length)
    for (const admin of people.filter((p) => p.role === 'admin' && !p.nudgesMuted))
      summaries.push({
        key: `${admin.id}|unsupervised|${weekOf}`,
        target: { type: 'person', personId: admin.id },
        part: { type: 'unsupervised', weekOf },
      });
  return summaries;
}

function unsupervised(people: Person[]): Person[] {
  return people.filter((p) => p.role === 'mentor' && !p.supervisorId).sort(byName);
}

/** Gathers one person's items into their one message for this check. */
function composer(roster: Roster, today: string) {
  const forSupervisor = supervisorMessage(roster, today);
  const { people } = roster;
  return (parts: Part[], target: Target): Reply => {
    const admin = parts.some((p) => p.type === 'unsupervised') ? adminSummary(unsupervised(people)) : undefined;
    const rest = parts.filter((p) => p.type !== 'unsupervised');
    if (!admin) return forSupervisor(rest, target);
    if (!rest.length) return admin;
    const base = forSupervisor(rest, target);
    return { ...base, blocks: [...admin.blocks, { kind: 'divider' as const }, ...base.blocks] };
  };
}

/** A supervisor's (or mentor's) own message: their reminders, then their mentors'. */
function supervisorMessage({ people, deadlines, pending }: Roster, today: string) {
  // Each supervisor's mentors, grouped once per check.
  const bySupervisor = new Map<string, Person[]>();
  for (const p of people) {
    if (!p.supervisorId || p.supervisorId === p.id) continue;
    const list = bySupervisor.get(p.supervisorId) ?? [];
    if (!list.length) bySupervisor.set(p.supervisorId, list);
    list.push(p);
  }
  const mentorsOf = (id: string) => [...(bySupervisor.get(id) ?? [])].sort(byName);
  const waitingFor = (mentors: Person[]): Waiting => {
    let count = 0;
    const old: Waiting['old'] = [];
    for (const mentor of mentors) {
      const entries = pending.get(mentor.id) ?? [];
      count += entries.length;
      const stale = entries.filter((e) => daysBetween(waitingSince(e), today) > OLD_WAIT_DAYS).length;
      if (stale) old.push({ mentor, count: stale });
    }
    return { count, old };
  };
  return (parts: Part[], target: Target): Reply => {
    const own = parts.flatMap((p) => (p.type === 'own' ? [p.deadline] : []));
    const about = parts.flatMap((p) => (p.type === 'mentor' ? [p.item] : []));
    const weekly = parts.find((p) => p.type === 'weekly');
    if (!about.length && !weekly && !parts.some((p) => p.type === 'old-entries')) return ownReminder(own);
    const supervisorId = target.type === 'person' ? target.personId : '';
    const mentors = mentorsOf(supervisorId);
    const items = [...about];
    // The weekly summary lists every mentor's late things and what is due within 30 days.
    if (weekly)
      for (const mentor of mentors)
        for (const deadline of deadlines.get(mentor.id) ?? [])
          if (
            deadline.overdue ||
            (deadline.kind === 'no-hours' ? deadline.daysLeft <= 0 : deadline.daysLeft <= SUMMARY_DAYS)
          )
            items.push({ mentor, deadline });
    const digest = supervisorDigest({
      ...(weekly ? { weekOf: weekly.weekOf, mentors } : {}),
      items,
      waiting: waitingFor(mentors),
      oldDue: parts.some((p) => p.type === 'old-entries'),
    });
    if (!own.length) return digest;
    // A supervisor with deadlines of their own: theirs first, in the same message.
    return {
      ...digest,
      blocks: [
        ...ownReminder(own).blocks.filter((b) => b.kind !== 'actions'),
        { kind: 'divider' as const },
        ...digest.blocks,
      ],
    };
  };
}

function byName(a: Person, b: Person): number {
  return (a.name ?? a.id).localeCompare(b.name ?? b.id);
}

export interface CheckResult {
  quiet: boolean;
  /** One per message: everything for one person at one check is one message. */
  sent: Sent[];
}

/** The deadline check: reminders and weekly summaries, one message per person, never in quiet hours, each item once. */
export async function runNudgeCheck(
  services: Services,
  adapters: Adapter[],
  options: { dryRun?: boolean } = {},
): Promise<CheckResult> {
  const now = services.clock.now();
  if (inQuietHours(now)) return { quiet: true, sent: [] };
  const roster = await loadRoster(services);
  const today = services.clock.today();
  const planned = [...planNudges(roster, today), ...planSummaries(roster, now)];
  const compose = composer(roster, today);
  return { quiet: false, sent: await sendOnce(services, adapters, 'nudges', planned, { ...options, compose }) };
}
