import { addDays, daysBetween } from '../dates.ts';
import { shortDate } from '../parse/date.ts';
import type { Services } from '../services.ts';
import type { HourEntry, Person } from '../store/schema.ts';
import type { Program } from './schema.ts';
import { certStatus, internshipEnd } from './status.ts';
import { formatDuration } from '../parse/duration.ts';
import type { RequirementStatus } from './status.ts';

/** Days without any hours logged before a person in an internship is reminded. */
export const QUIET_DAYS = 14;

export interface Deadline {
  /** Stable for one person, one thing, one due date: nudges are keyed on it. */
  id: string;
  personId: string;
  requirementId: string;
  label: string;
  due: string;
  overdue: boolean;
  /** Negative when overdue. */
  daysLeft: number;
  kind: 'requirement' | 'no-hours';
  /** "no-hours": the last day hours were logged (or the internship started), for "none for 20 days". */
  since?: string;
  /** Someone else does this step (the agency): the supervisor is reminded, not the person. */
  doneBy?: 'agency' | 'supervisor';
}

/** "Face-to-face mentoring, 15 hours still needed": the same words in /deadlines and nudges. */
function deadlineLabel(s: RequirementStatus): string {
  const amount = s.share?.minutes ?? s.minutes;
  if (!amount) return s.requirement.label;
  return `${s.requirement.label}, ${formatDuration(amount.target - Math.min(amount.approved, amount.target))} still needed`;
}

/**
 * What a person still has to do by a date: requirements not done that have a due date, and
 * "log your hours" when someone in an internship has logged nothing for 14 days.
 * Overdue first, then soonest.
 */
export function computeDeadlines(
  program: Program,
  person: Person,
  entries: HourEntry[],
  today: string,
  statuses: RequirementStatus[] = certStatus(program, person, entries, today),
): Deadline[] {
  const make = (
    requirementId: string,
    label: string,
    due: string,
    kind: Deadline['kind'],
    since?: string,
    doneBy?: Deadline['doneBy'],
  ): Deadline => {
    const daysLeft = daysBetween(today, due);
    return {
      id: `${person.id}:${requirementId}:${due}`,
      personId: person.id,
      requirementId,
      label,
      due,
      overdue: due < today,
      daysLeft,
      kind,
      ...(since ? { since } : {}),
      ...(doneBy ? { doneBy } : {}),
    };
  };
  const list = statuses
    .filter((s) => !s.done && s.due)
    .map((s) => make(s.requirement.id, deadlineLabel(s), s.due!, 'requirement', undefined, s.requirement.doneBy));
  const internship = statuses.find((s) => s.requirement.kind === 'hours' && s.requirement.id === 'internship');
  if (
    person.role === 'mentor' &&
    internship &&
    !internship.done &&
    person.internshipStart &&
    person.internshipStart <= today &&
    // Not after the internship has ended: there is nothing left to log then.
    (internshipEnd(person, program) ?? today) >= today
  ) {
    // Logging weeks-old hours today counts as logging today.
    const last = entries
      .filter((e) => e.status !== 'rejected')
      .reduce((latest, e) => {
        const day = e.loggedOn && e.loggedOn > e.date ? e.loggedOn : e.date;
        return day > latest ? day : latest;
      }, person.internshipStart);
    const due = addDays(last, QUIET_DAYS);
    list.push(make('no-hours', `Log hours (none logged since ${shortDate(last, today)})`, due, 'no-hours', last));
  }
  return list.sort((a, b) =>
    a.overdue !== b.overdue ? (a.overdue ? -1 : 1) : a.due < b.due ? -1 : a.due > b.due ? 1 : 0,
  );
}

/**
 * The deadlines of many people, reading their hours a few hundred people per query: the
 * deadline check for 10,000 people makes 50 queries, not 10,000, and never holds every entry.
 */
export async function deadlinesForMany(services: Services, people: Person[]): Promise<Map<string, Deadline[]>> {
  const today = services.clock.today();
  const result = new Map<string, Deadline[]>();
  for (let i = 0; i < people.length; i += 200) {
    const batch = people.slice(i, i + 200);
    const entries = await services.store.hours.listMany(batch.map((p) => p.id));
    for (const person of batch) {
      const program = services.programs.forPerson(person.programId);
      result.set(person.id, computeDeadlines(program, person, entries.get(person.id) ?? [], today));
    }
  }
  return result;
}

export async function deadlinesFor(services: Services, person: Person): Promise<Deadline[]> {
  const program = services.programs.forPerson(person.programId);
  const entries = await services.store.hours.list(person.id);
  return computeDeadlines(program, person, entries, services.clock.today());
}
