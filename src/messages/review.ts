/** The words of /hours approve and /hours reject, and the notice a mentor gets for a rejected entry. */

export const ONLY_SUPERVISOR = 'Only a supervisor can approve hours.';
export const REJECT_WHO = 'Whose hours? Name the person and the entry number.';
export const NOTHING_YET_WHOSE = 'Nothing is approved yet. Whose hours? Name the person.';
export const notYourMentor = (verb: string) => `You can only ${verb} hours of people you supervise.`;
export const noEntry = (name: string, id: string) => `${name} has no entry #${id}.`;
export const NOTHING_CHANGED = 'Nothing changed.';
export const alreadyDecided = (approved: boolean) =>
  `These hours are already ${approved ? 'approved' : 'marked as not approved'}.`;
export const NONE_WAITING = 'No hours are waiting for approval.';
export const decided = (approved: boolean, n: number, name: string) =>
  `${approved ? 'Approved' : 'Marked as not approved'}: ${n} ${n === 1 ? 'entry' : 'entries'} for ${name}.`;
export const toldMentor = (name: string, withReason: boolean) =>
  `I told ${name}${withReason ? ', with your reason' : ''}.`;
export const waitingHeading = (name: string, time: string) => `${name}: ${time} waiting for approval`;
export const approveAll = (n: number, whose: string) => `Approve all ${n}${whose}`;
export const approveOne = (id: string, whose: string) => `Approve #${id}${whose}`;
export const rejectOne = (id: string, whose: string) => `Reject #${id}${whose}`;
export const APPROVE_HINT = 'To approve one entry, type its number. Example: /hours approve @alice 3';
export const reasonTooLong = (limit: number) => `Please keep the reason under ${limit} characters.`;
export const notApprovedBy = (by: string, n: number) =>
  `${by} did not approve ${n === 1 ? 'this entry' : `these ${n} entries`}:`;
export const reasonLine = (reason: string) => `Reason: ${reason}`;
export const howToFix = (id: string, by: string) => [
  `To fix it, type /hours edit ${id} and the right date, time or activity.`,
  `Then it goes back to ${by} to approve.`,
];
