import type { Block } from '../message.ts';
import type { Program } from '../programs/schema.ts';
import type { RequirementStatus } from '../programs/status.ts';
import type { HourEntry } from '../store/schema.ts';
import { formatDuration, hoursOf } from '../parse/duration.ts';
import { shortDate } from '../parse/date.ts';

export const STATUS_WORDS: Record<HourEntry['status'], string> = {
  pending: 'waiting for approval',
  approved: 'approved',
  rejected: 'not approved',
};

export function categoryLabel(program: Program, id: string): string {
  return program.categories.find((c) => c.id === id)?.label ?? id;
}

/** "#12 · Mar 16 · 2 hours · Shadowing staff… · waiting for approval · met with Sam" */
export function entryLine(program: Program, e: HourEntry): string {
  const parts = [
    `#${e.id}`,
    shortDate(e.date),
    formatDuration(e.minutes),
    categoryLabel(program, e.category),
    STATUS_WORDS[e.status],
  ];
  if (e.note) parts.push(e.note);
  return parts.join(' · ');
}

/** "12 hours" or "1.5 hours": totals are shown in hours. */
export function hoursText(minutes: number): string {
  const h = hoursOf(minutes);
  return `${h} ${h === 1 ? 'hour' : 'hours'}`;
}

/** Progress of an hours requirement: approved hours on the bar, waiting hours beside it. */
export function hoursProgress(status: RequirementStatus): Block | undefined {
  if (!status.minutes) return undefined;
  const { approved, pending, target } = status.minutes;
  return {
    kind: 'progress',
    label: status.requirement.label,
    done: hoursOf(approved),
    total: hoursOf(target),
    unit: 'hours',
    note: pending ? `${hoursText(pending)} waiting for approval` : status.done ? 'done' : undefined,
  };
}

/** "38% face-to-face so far, goal is 50%" with face-to-face hours against what is needed. */
export function shareProgress(status: RequirementStatus): Block | undefined {
  if (!status.share) return undefined;
  const { now, target, minutes } = status.share;
  return {
    kind: 'progress',
    label: status.requirement.label,
    done: hoursOf(minutes.approved),
    total: hoursOf(minutes.target),
    unit: 'hours',
    note: `${Math.round(now * 100)}% face-to-face so far, goal is ${Math.round(target * 100)}%`,
  };
}
