import type { Block } from '../message.ts';
import type { Program } from '../programs/schema.ts';
import type { OutsideEntry, RequirementStatus } from '../programs/status.ts';
import type { HourEntry } from '../store/schema.ts';
import { formatDuration } from '../parse/duration.ts';
import { formatDate, shortDate } from '../parse/date.ts';

export const STATUS_WORDS: Record<HourEntry['status'], string> = {
  pending: 'waiting for approval',
  approved: 'approved',
  rejected: 'not approved',
};

export function categoryLabel(program: Program, id: string): string {
  return program.categories.find((c) => c.id === id)?.label ?? id;
}

/**
 * "#12 · Mar 16 · 2 hours · Shadowing staff… · waiting for approval · met with Sam", with a
 * warning when the entry falls outside every window ("⚠ not counted: before the hire date").
 */
export function entryLine(program: Program, e: HourEntry, outside?: OutsideEntry[], today?: string): string {
  const parts = [
    `#${e.id}`,
    shortDate(e.date, today),
    formatDuration(e.minutes),
    categoryLabel(program, e.category),
    STATUS_WORDS[e.status],
  ];
  if (e.note) parts.push(e.note);
  const flag = outside?.find((o) => o.entry.id === e.id);
  if (flag) parts.push(`⚠ not counted: ${flag.why}`);
  return parts.join(' · ');
}

/**
 * "89 hours 45 minutes", "12 hours", "1 hour": every total is exact, in hours and minutes, so
 * a total that is not done never looks done (89¾ is not "89.8" and never "90").
 */
export function hoursText(minutes: number): string {
  return formatDuration(minutes);
}

/** "45 of 90 hours", or "89 hours 45 minutes of 90 hours" when the minutes matter. */
export function amountText(done: number, target: number): string {
  if (done % 60 === 0 && target % 60 === 0) return `${done / 60} of ${hoursText(target)}`;
  return `${hoursText(done)} of ${hoursText(target)}`;
}

/** Hours on the bar: cut to a tenth, never rounded up. */
function barHours(minutes: number): number {
  return Math.floor(minutes / 6) / 10;
}

/** What is still needed, and what waits for approval: "15 hours still needed, 3 hours waiting for approval". */
function progressNote(done: boolean, approved: number, target: number, pending: number): string | undefined {
  const parts: string[] = [];
  if (done) parts.push('done');
  else parts.push(`${hoursText(target - approved)} still needed`);
  if (pending) parts.push(`${hoursText(pending)} waiting for approval`);
  return parts.join(', ');
}

/** Yearly hours before they start (certification) are not owed, and not done: every view says this. */
export const NOT_STARTED_TEXT = 'starts after certification';

/** Done, as /cert shows it: yearly hours that have not started are not marked done. */
export function isDone(s: RequirementStatus): boolean {
  return s.done && s.started !== false;
}

/** Progress of an hours requirement: approved hours on the bar, what is still needed and waiting beside it. */
export function hoursProgress(status: RequirementStatus): Block | undefined {
  // Yearly hours that have not started (before certification) are not owed: no bar.
  if (!status.minutes || status.started === false) return undefined;
  const { approved, pending, target } = status.minutes;
  return {
    kind: 'progress',
    label: status.requirement.label,
    done: barHours(Math.min(approved, target)),
    total: barHours(target),
    unit: 'hours',
    amount: amountText(approved, target),
    note: progressNote(status.done, Math.min(approved, target), target, pending),
  };
}

/** Face-to-face hours against the hours needed: "30 hours of 45 hours (15 hours still needed…)". */
export function shareProgress(status: RequirementStatus): Block | undefined {
  if (!status.share) return undefined;
  const { minutes } = status.share;
  return {
    kind: 'progress',
    label: status.requirement.label,
    done: barHours(Math.min(minutes.approved, minutes.target)),
    total: barHours(minutes.target),
    unit: 'hours',
    amount: amountText(minutes.approved, minutes.target),
    note: progressNote(status.done, Math.min(minutes.approved, minutes.target), minutes.target, minutes.pending),
  };
}

/** The line a requirement gets wherever it is listed (/team, nudges): "Face-to-face mentoring: 30 hours of 45 hours". */
export function requirementSummary(s: RequirementStatus): string {
  const amount = s.share?.minutes ?? s.minutes;
  if (!amount) return s.requirement.label;
  return `${s.requirement.label}: ${amountText(amount.approved, amount.target)}`;
}

/**
 * The next step, worked out from what is missing: a training already finished is never listed.
 * `self` speaks to the mentor; otherwise it names what is missing for a supervisor.
 */
export function nextStepText(s: RequirementStatus, self: boolean, today: string): string {
  const r = s.requirement;
  const by = s.due ? ` by ${formatDate(s.due, today)}` : '';
  if (s.items) {
    const missing = s.items
      .filter((it) => it.approved < it.target)
      .map((it) => `${hoursText(it.target - it.approved)} of ${it.category.label.toLowerCase()}`);
    // One training a line: a list of four in one sentence is too long to read.
    if (missing.length > 1)
      return [`${self ? 'Take these' : 'Still to take'}${by}:`, ...missing.map((m) => `• ${m}`)].join('\n');
    if (missing.length) return `${self ? 'Take' : 'Still to take:'} ${missing[0]}${by}.`;
  }
  const amount = s.share?.minutes ?? s.minutes;
  if (amount && amount.approved < amount.target) {
    const left = hoursText(amount.target - amount.approved);
    if (r.kind === 'face-to-face') return `${left} more of face-to-face mentoring (one-on-one or in a group)${by}.`;
    if (r.kind === 'yearly-hours') return `${left} more of continuing education${by}, to keep the certification.`;
    return `${left} more of ${r.label.toLowerCase()}${by}.${self && r.next ? ` ${r.next}` : ''}`;
  }
  return self ? (r.next ?? r.label) : `${r.label}${by}`;
}
