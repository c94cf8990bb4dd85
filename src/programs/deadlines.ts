import { addDays, daysBetween } from '../dates.ts';
import { shortDate } from '../parse/date.ts';
import type { Services } from '../services.ts';
import type { HourEntry, Person } from '../store/schema.ts';
import type { Program } from './schema.ts';
import { certStatus } from './status.ts';
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
  const make = (requirementId: string, label: string, due: string, kind: Deadline['kind']): Deadline => {
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
    };
  };
  const list = statuses
    .filter((s) => !s.done && s.due)
    .map((s) => make(s.requirement.id, s.requirement.label, s.due!, 'requirement'));
  const internship = statuses.find((s) => s.requirement.kind === 'hours' && s.requirement.id === 'internship');
  if (
    person.role === 'mentor' &&
    internship &&
    !internship.done &&
    person.internshipStart &&
    person.internshipStart <= today
  ) {
    // Logging weeks-old hours today counts as logging today.
    const last = entries
      .filter((e) => e.status !== 'rejected')
      .reduce((latest, e) => {
        const day = e.loggedOn && e.loggedOn > e.date ? e.loggedOn : e.date;
        return day > latest ? day : latest;
      }, person.internshipStart);
    const due = addDays(last, QUIET_DAYS);
    list.push(make('no-hours', `Log hours (none logged since ${shortDate(last)})`, due, 'no-hours'));
  }
  return list.sort((a, b) =>
    a.overdue !== b.overdue ? (a.overdue ? -1 : 1) : a.due < b.due ? -1 : a.due > b.due ? 1 : 0,
  );
}

export async function deadlinesFor(services: Services, person: Person): Promise<Deadline[]> {
  const program = services.programs.forPerson(person.programId);
  const entries = await services.store.hours.list(person.id);
  return computeDeadlines(program, person, entries, services.clock.today());
}
