import type { HourEntry } from '../store/schema.ts';

/**
 * How an entry stands with its supervisor, read from its status. An entry sent back for
 * approval after a fix still names who did not approve it before: that is history, not its
 * review now. The PDF report and the CSV export both read this, so they say the same.
 */
export interface Review {
  decision: 'waiting' | 'approved' | 'rejected';
  /** Who approved it or not (a person id): never set while it waits. */
  by?: string;
  /** When (ISO time). */
  at?: string;
  /** Why it was not approved, in the reviewer's words. */
  reason?: string;
}

export function reviewOf(e: HourEntry): Review {
  if (e.status === 'pending') return { decision: 'waiting' };
  return {
    decision: e.status,
    ...(e.reviewedBy ? { by: e.reviewedBy } : {}),
    ...(e.reviewedAt ? { at: e.reviewedAt } : {}),
    ...(e.status === 'rejected' && e.reviewNote ? { reason: e.reviewNote } : {}),
  };
}

/**
 * "Approved by Sue Park on March 16, 2026", "Not approved by Sue Park on March 16, 2026.
 * Reason: wrong date", "Waiting for approval". `name` and `date` word the id and the time.
 */
export function reviewText(r: Review, name: (id: string) => string, date: (iso: string) => string): string {
  if (r.decision === 'waiting') return 'Waiting for approval';
  const what = r.decision === 'approved' ? 'Approved' : 'Not approved';
  const by = r.by ? ` by ${name(r.by)}` : '';
  const on = r.at ? ` on ${date(r.at)}` : '';
  return `${what}${by}${on}${r.reason ? `. Reason: ${r.reason}` : ''}`;
}
