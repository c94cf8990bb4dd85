import { addDays } from '../dates.ts';
import type { HourEntry, Person } from '../store/schema.ts';
import type { Category, Due, Program, Requirement, Window } from './schema.ts';

/**
 * Certification status as one pure function of (program, person, entries, today). /cert,
 * /team, /deadlines, /hours, the nudges and the App Home all read it, so the same hours get
 * the same number everywhere. Pending minutes are never capped: "waiting" is all the minutes
 * that wait for a supervisor, in every view.
 */
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
  /** Yearly hours: false until they start (certification, or hire). Not owed, not nudged before. */
  started?: boolean;
  /** Yearly hours: the year being counted now. */
  period?: { from: string; to: string };
}

/** An entry that counts toward no requirement because of its date: shown and flagged, never counted. */
export interface OutsideEntry {
  entry: HourEntry;
  why: string;
}

export interface PersonStatus {
  requirements: RequirementStatus[];
  /** Every minute waiting for approval (not rejected, not approved), the one "waiting" number. */
  waiting: number;
  outside: OutsideEntry[];
}

export function appliesTo(requirement: Requirement, person: Person): boolean {
  return !requirement.roles || requirement.roles.includes(person.role);
}

export function internshipEnd(person: Person, program: Program): string | undefined {
  return person.internshipStart && program.internshipDays
    ? addDays(person.internshipStart, program.internshipDays)
    : undefined;
}

/** The date a "due" rule points at for this person, if their dates are known. */
export function dueDate(due: Due | undefined, person: Person, program: Program): string | undefined {
  if (!due) return undefined;
  const start =
    due.after === 'hire'
      ? person.hired
      : due.after === 'internship-start'
        ? person.internshipStart
        : internshipEnd(person, program);
  return start ? addDays(start, due.days) : undefined;
}

const START_WORDS = { hire: 'before the hire date', 'internship-start': 'before the internship started' } as const;

/** Why an entry falls outside a requirement's window, or undefined when it is inside. */
function outsideWindow(
  e: HourEntry,
  window: Window | undefined,
  due: string | undefined,
  person: Person,
  internshipEnds: string | undefined,
): string | undefined {
  if (!window) return undefined;
  for (const from of window.from ?? []) {
    const start = from === 'hire' ? person.hired : person.internshipStart;
    if (start && e.date < start) return START_WORDS[from];
  }
  if (window.to === 'due' && due && e.date > due) return 'after the deadline';
  if (window.to === 'internship-end' && internshipEnds && e.date > internshipEnds) return 'after the internship ended';
  return undefined;
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

/** The day yearly hours start for this person: hire, or the day the last named milestone was done. */
function yearlyStart(r: Extract<Requirement, { kind: 'yearly-hours' }>, person: Person): string | undefined {
  if (r.starts === 'hire') return person.hired ?? '1900-01-01';
  const days = r.starts.milestones.map((m) => person.milestones[m]);
  if (days.some((d) => !d)) return undefined;
  return days.sort().at(-1);
}

/** The year (start + n years .. the day before start + n+1 years) that holds today. */
function currentYear(start: string, today: string): { from: string; to: string } {
  const at = (n: number) => `${Number(start.slice(0, 4)) + n}${start.slice(4)}`.replace(/-02-29$/, '-02-28');
  let n = Math.max(0, Number(today.slice(0, 4)) - Number(start.slice(0, 4)) - 1);
  while (at(n + 1) <= today) n++;
  return { from: at(n), to: addDays(at(n + 1), -1) };
}

/** Every requirement that applies to the person, what waits for approval, and what falls outside a window. */
export function personStatus(program: Program, person: Person, entries: HourEntry[], today: string): PersonStatus {
  const requirements: RequirementStatus[] = [];
  // Worked out once, not once per entry: /team and the deadline check run this for every mentor.
  const ends = internshipEnd(person, program);
  // Entry id -> why it counts nowhere. An entry inside some requirement's window is not flagged.
  const flagged = new Map<string, string>();
  const inside = new Set<string>();
  const place = (e: HourEntry, why: string | undefined) => {
    if (why) flagged.set(e.id, why);
    else inside.add(e.id);
  };
  for (const r of program.requirements) {
    if (!appliesTo(r, person)) continue;
    const finish = (s: Omit<RequirementStatus, 'requirement' | 'overdue'>): void => {
      requirements.push({ requirement: r, ...s, overdue: !s.done && !!s.due && s.due < today });
    };
    if (r.kind === 'milestone') {
      const doneOn = ownValue(person.milestones, r.id);
      finish({ done: !!doneOn, doneOn, due: dueDate(r.due, person, program) });
    } else if (r.kind === 'hours') {
      const due = dueDate(r.due, person, program);
      const counted = countedCategories(program, r);
      const ok = (e: HourEntry) => {
        if (!counted.has(e.category)) return false;
        const why = outsideWindow(e, r.window, due, person, ends);
        place(e, why);
        return !why;
      };
      const items = (r.items ?? []).map((it) => ({
        category: program.categories.find((c) => c.id === it.category)!,
        ...sum(entries, (e) => e.category === it.category && ok(e)),
        target: it.minutes,
      }));
      // With listed trainings, each counts up to its own hours: 16 hours of one is not 3 hours of
      // another. Waiting minutes are not capped, so every view shows the same waiting number.
      const listed = new Set(items.map((it) => it.category.id));
      const total = sum(entries, (e) => !listed.has(e.category) && ok(e));
      for (const it of items) {
        total.approved += Math.min(it.approved, it.target);
        total.pending += it.pending;
      }
      const done = total.approved >= r.minutes && items.every((it) => it.approved >= it.target);
      finish({ done, minutes: { ...total, target: r.minutes }, items: items.length ? items : undefined, due });
    } else if (r.kind === 'face-to-face') {
      const of = program.requirements.find((o) => o.id === r.of && o.kind === 'hours') as Extract<
        Requirement,
        { kind: 'hours' }
      >;
      const due = dueDate(of.due, person, program);
      const counted = countedCategories(program, r);
      const ok = (e: HourEntry) => counted.has(e.category) && !outsideWindow(e, of.window, due, person, ends);
      const total = sum(entries, ok);
      const f2f = sum(entries, (e) => ok(e) && e.faceToFace);
      const needed = Math.ceil((r.basis === 'counted' ? Math.max(of.minutes, total.approved) : of.minutes) * r.share);
      const now = total.approved > 0 ? f2f.approved / total.approved : 0;
      finish({
        done: f2f.approved >= needed,
        share: { now, target: r.share, minutes: { ...f2f, target: needed } },
        due,
      });
    } else {
      const counted = countedCategories(program, r);
      const start = yearlyStart(r, person);
      // With no hire date known, the year is the calendar year.
      const period = !start
        ? undefined
        : start > today
          ? undefined
          : r.starts === 'hire' && !person.hired
            ? { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` }
            : currentYear(start, today);
      const ok = (e: HourEntry) => {
        if (!counted.has(e.category)) return false;
        const before =
          r.starts === 'hire'
            ? person.hired && e.date < person.hired
              ? START_WORDS.hire
              : undefined
            : !start || e.date < start
              ? 'before certification'
              : undefined;
        place(e, before);
        return !!period && e.date >= period.from && e.date <= period.to;
      };
      const total = sum(entries, ok);
      finish({
        done: !period || total.approved >= r.minutes,
        minutes: { ...total, target: r.minutes },
        started: !!period,
        ...(period ? { period, due: period.to } : {}),
      });
    }
  }
  const outside = entries
    .filter((e) => e.status !== 'rejected' && flagged.has(e.id) && !inside.has(e.id))
    .map((entry) => ({ entry, why: flagged.get(entry.id)! }));
  const waiting = entries.filter((e) => e.status === 'pending').reduce((n, e) => n + e.minutes, 0);
  return { requirements, waiting, outside };
}

/** Every requirement of the person's program that applies to them, with progress and due date. */
export function certStatus(program: Program, person: Person, entries: HourEntry[], today: string): RequirementStatus[] {
  return personStatus(program, person, entries, today).requirements;
}

/** What is not done yet and owed now: late first, then by due date, then in program order. */
export function openRequirements(statuses: RequirementStatus[]): RequirementStatus[] {
  const open = statuses.filter((s) => !s.done && s.started !== false);
  return open
    .map((s, i) => ({ s, i }))
    .sort((a, b) =>
      a.s.overdue !== b.s.overdue
        ? a.s.overdue
          ? -1
          : 1
        : a.s.requirement.kind === 'yearly-hours' && b.s.requirement.kind !== 'yearly-hours'
          ? 1
          : b.s.requirement.kind === 'yearly-hours' && a.s.requirement.kind !== 'yearly-hours'
            ? -1
            : a.i - b.i,
    )
    .map(({ s }) => s);
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
