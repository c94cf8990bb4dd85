/** The words of /team, for supervisors and facilitators. */

export const NOT_SUPERVISOR = '/team is for supervisors and facilitators. To see your own progress, type /cert.';
export const NOBODY_YET = [
  'Nobody is assigned to you yet.',
  'An admin can do it: /admin enroll @alice supervisor:@you',
];
export const NO_SUPERVISOR = '⚠ no supervisor';
export const late = (n: number) => `⚠ ${n} late`;
export const toApprove = (time: string) => `${time} to approve`;
export const notCounted = (n: number) => `⚠ ${n} ${n === 1 ? 'entry' : 'entries'} not counted (date)`;
export const lateSince = (day: string) => `, late since ${day}`;
export const due = (day: string) => `, due ${day}`;
export const notDoneYet = (steps: string[]) => `    Not done yet: ${steps.join('; ')}`;
export const ALL_DONE = '    Everything is done for now.';
export const heading = (n: number) => `Your team: ${n} ${n === 1 ? 'person' : 'people'}`;
export const HINT = 'For one person, type /cert @name. To approve hours, type /hours approve.';
