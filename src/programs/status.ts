import { addDays } from '../dates.ts';
import type { HourEntry, Person } from '../store/schema.ts';
import type { Category, Due, Program, Requirement } from './schema.ts';
import { ownValue } from '../lookup.ts';

export interface Amount {
  approved: number;
  pending: number;
  target: number;
}

/** Where a person stands on one requirement of their program. */
export interface RequirementStatus {
  requirement: Requirement;
  done: boolean;
  /** Minutes, for hours requirements (approved count; pending shown apart). */
  minutes?: Amount;
  /** Minutes per listed training, for requirements with items. */
  items?: Array<{ category: Category } & Amount>;
  /** Face-to-face share so far (0..1) and face-to-face minutes against the total needed. */
  share?: { now: number; target: number; minutes: Amount };
  /** The day a milestone was marked done. */
  doneOn?: string;
  due?: string;
  overdue: boolean;
}

export function appliesTo(requirement: Requirement, person: Person): boolean {
  return !requirement.roles || requirement.roles.includes(person.role);
}

/** The date a "due" rule points at for this person, if their dates are known. */
export function dueDate(due: Due | undefined, person: Person, program: Program): string | undefined {
  if (!due) return undefined;
  const start =
    due.after === 'hire'
      ? person.hired
      : due.after === 'internship-start'
        ? person.internshipStart
        : person.internshipStart && program.internshipDays
          ? addDays(person.internshipStart, program.internshipDays)
          : undefined;
  return start ? addDays(start, due.days) : undefined;
}

function sum(entries: HourEntry[], test: (e: HourEntry) => boolean): { approved: number; pending: number } {
  let approved = 0;
  let pending = 0;
  for (const e of entries) {
    if (e.status === 'rejected' || !test(e)) continue;
    if (e.status === 'approved') approved += e.minutes;
    else pending += e.minutes;
  }
  return { approved, pending };
}

/** The categories whose hours count toward a requirement (a face-to-face share: those of its hours requirement). */
export function countedCategories(program: Program, r: Requirement): Set<string> {
  if (r.kind === 'milestone') return new Set();
  if (r.kind === 'face-to-face') {
    const of = program.requirements.find((o) => o.id === r.of);
    return of ? countedCategories(program, of) : new Set();
  }
  return new Set(r.categories ?? program.categories.map((c) => c.id));
}

/** Every requirement of the person's program that applies to them, with progress and due date. */
export function certStatus(program: Program, person: Person, entries: HourEntry[], today: string): RequirementStatus[] {
  const year = today.slice(0, 4);
  const statuses: RequirementStatus[] = [];
  for (const r of program.requirements) {
    if (!appliesTo(r, person)) continue;
    const finish = (s: Omit<RequirementStatus, 'requirement' | 'overdue'>): void => {
      statuses.push({ requirement: r, ...s, overdue: !s.done && !!s.due && s.due < today });
    };
    if (r.kind === 'milestone') {
      const doneOn = ownValue(person.milestones, r.id);
      finish({ done: !!doneOn, doneOn, due: dueDate(r.due, person, program) });
    } else if (r.kind === 'hours') {
      const counted = countedCategories(program, r);
      const items = (r.items ?? []).map((it) => ({
        category: program.categories.find((c) => c.id === it.category)!,
        ...sum(entries, (e) => e.category === it.category),
        target: it.minutes,
      }));
      // With listed trainings, each counts up to its own hours: 16 hours of one is not 3 hours of another.
      const listed = new Set(items.map((it) => it.category.id));
      const total = sum(entries, (e) => counted.has(e.category) && !listed.has(e.category));
      for (const it of items) {
        const approved = Math.min(it.approved, it.target);
        total.approved += approved;
        total.pending += Math.min(it.pending, it.target - approved);
      }
      const done = total.approved >= r.minutes && items.every((it) => it.approved >= it.target);
      finish({
        done,
        minutes: { ...total, target: r.minutes },
        items: items.length ? items : undefined,
        due: dueDate(r.due, person, program),
      });
    } else if (r.kind === 'face-to-face') {
      const of = program.requirements.find((o) => o.id === r.of && o.kind === 'hours') as Extract<
        Requirement,
        { kind: 'hours' }
      >;
      const counted = countedCategories(program, r);
      const total = sum(entries, (e) => counted.has(e.category));
      const f2f = sum(entries, (e) => counted.has(e.category) && e.faceToFace);
      const needed = Math.ceil(of.minutes * r.share);
      const now = total.approved > 0 ? f2f.approved / total.approved : 0;
      const done = f2f.approved >= needed && now >= r.share;
      finish({
        done,
        share: { now, target: r.share, minutes: { ...f2f, target: needed } },
        due: dueDate(of.due, person, program),
      });
    } else {
      const counted = countedCategories(program, r);
      const total = sum(entries, (e) => counted.has(e.category) && e.date.startsWith(year));
      finish({ done: total.approved >= r.minutes, minutes: { ...total, target: r.minutes }, due: `${year}-12-31` });
    }
  }
  return statuses;
}

/** Approved and pending minutes per category, face-to-face minutes, for the /hours summary. */
export function totalsByCategory(entries: HourEntry[]): Map<string, { approved: number; pending: number }> {
  const totals = new Map<string, { approved: number; pending: number }>();
  for (const e of entries) {
    if (e.status === 'rejected') continue;
    const t = totals.get(e.category) ?? { approved: 0, pending: 0 };
    if (e.status === 'approved') t.approved += e.minutes;
    else t.pending += e.minutes;
    totals.set(e.category, t);
  }
  return totals;
}
