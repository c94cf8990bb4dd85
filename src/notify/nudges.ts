import type { DateTime } from 'luxon';
import type { Adapter } from '../adapter.ts';
import { isActive } from '../people.ts';
import type { Services } from '../services.ts';
import type { Person } from '../store/schema.ts';
import { deadlinesForMany } from '../programs/deadlines.ts';
import type { Deadline } from '../programs/deadlines.ts';
import { digestReply, mentorNudge, supervisorNudge } from './nudge-text.ts';
import type { Mark } from './nudge-text.ts';
import { sendOnce } from './outbox.ts';
import type { Planned, Sent } from './outbox.ts';
import { inQuietHours } from './quiet.ts';

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

/** Everyone with their deadlines, read and computed once per check: nudges and digests both use them. */
interface Roster {
  people: Person[];
  deadlines: Map<string, Deadline[]>;
}

async function loadRoster(services: Services): Promise<Roster> {
  // People who left keep their records but get no nudges, and their supervisor gets none about them.
  const people = (await services.store.people.all()).filter(isActive);
  return { people, deadlines: await deadlinesForMany(services, people) };
}

/** Every nudge due now: to the person, and to their supervisor, unless they muted nudges. */
function planNudges({ people, deadlines }: Roster): Planned[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const planned: Planned[] = [];
  for (const person of people) {
    const supervisor = person.supervisorId ? byId.get(person.supervisorId) : undefined;
    for (const d of deadlines.get(person.id) ?? []) {
      const mark = currentMark(d);
      if (!mark) continue;
      if (!person.nudgesMuted)
        planned.push({
          key: `${person.id}|${d.id}|${mark}`,
          target: { type: 'person', personId: person.id },
          reply: mentorNudge(d),
        });
      if (supervisor && !supervisor.nudgesMuted) {
        planned.push({
          key: `${supervisor.id}|${d.id}|${mark}`,
          target: { type: 'person', personId: supervisor.id },
          reply: supervisorNudge(person, d),
        });
      }
    }
  }
  return planned;
}

/**
 * One digest a week for each supervisor, listing only their own mentors. It is due from
 * Monday morning; a check later in the week sends a missed one.
 */
function planDigests({ people, deadlines }: Roster, now: DateTime): Planned[] {
  const weekOf = now.startOf('week').toISODate()!;
  const planned: Planned[] = [];
  for (const supervisor of people) {
    if (supervisor.nudgesMuted) continue;
    const mentors = people.filter((p) => p.supervisorId === supervisor.id && p.id !== supervisor.id).sort(byName);
    if (!mentors.length) continue;
    const rows = mentors.map((mentor) => ({ mentor, deadlines: deadlines.get(mentor.id) ?? [] }));
    planned.push({
      key: `${supervisor.id}|digest|${weekOf}`,
      target: { type: 'person', personId: supervisor.id },
      reply: digestReply(weekOf, rows),
    });
  }
  return planned;
}

function byName(a: Person, b: Person): number {
  return (a.name ?? a.id).localeCompare(b.name ?? b.id);
}

export interface CheckResult {
  quiet: boolean;
  sent: Sent[];
}

/** The deadline check: nudges and weekly digests, never in quiet hours, each sent once. */
export async function runNudgeCheck(
  services: Services,
  adapters: Adapter[],
  options: { dryRun?: boolean } = {},
): Promise<CheckResult> {
  const now = services.clock.now();
  if (inQuietHours(now)) return { quiet: true, sent: [] };
  const roster = await loadRoster(services);
  const planned = [...planNudges(roster), ...planDigests(roster, now)];
  return { quiet: false, sent: await sendOnce(services, adapters, 'nudges', planned, options) };
}
