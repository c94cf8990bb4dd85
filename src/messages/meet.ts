/** The words of /meet: scheduling, the list, RSVPs, attendance, cancelling and skipping. */

export const onlyFacilitator = (what: string) => `Only a facilitator can ${what}.`;
export const IN_THE_PAST = 'That time has already passed.';
export const scheduled = (title: string) => `Scheduled: ${title}`;
export const happens = (series: string) => `It happens ${series}.`;
export const lasts = (time: string) => `It lasts ${time}.`;
export const firstOne = (when: string) => `The first one is ${when}.`;
export const shortName = (id: string) => `Its short name is ${id}.`;
export const linkLine = (link: string) => `Link: ${link}`;
export const ADD_TO_CALENDAR = 'Add to my calendar';
export const NONE_COMING = 'There are no meetings coming up.';
export const toAddOne = (example: string) => `To add one: ${example}`;
export const A_FACILITATOR_CAN_ADD = 'A facilitator can add one.';
export const COMING_UP = 'Meetings coming up';
export const NEXT_DATES = 'Next dates:';
export const noMeetingOn = (day: string) => `  ${day}: no meeting (cancelled)`;
export const CALENDAR_HINT = 'To add them to your calendar, type /meet ics';
export const notOnThatDay = (title: string, day: string) => `${title} does not happen on ${day}.`;
export const seriesCancelledNotice = (title: string) =>
  `${title} is cancelled. There will be no more meetings in this series.`;
export const cancelled = (title: string) => [`Cancelled: ${title}.`, 'There will be no more reminders for it.'];
export const WHICH_DAY_TO_SKIP = 'Which day should be skipped? Please add the date.';
export const nextOne = (when: string) => `The next one is ${when}.`;
export const skippedNotice = (title: string, when: string) => `There is no ${title} on ${when}. It was cancelled.`;
export const skipped = (title: string, when: string) => `OK. There is no ${title} on ${when}.`;
export const YES_OR_NO = 'Please answer yes or no.';
export const rsvpYes = (title: string) => `Thanks! You will come to ${title}.`;
export const rsvpNo = (title: string) => `Thanks for telling us. You will miss ${title}.`;
export const itIs = (when: string) => `It is ${when}.`;
export const comingSoFar = (n: number) => `${n} ${n === 1 ? 'person is' : 'people are'} coming so far.`;
export const wereThere = (title: string, when: string) => `Thanks! You were at ${title} on ${when}.`;
export const dayOver24 = (when: string) => `That would make more than 24 hours on ${when}.`;
export const loggedCall = (time: string) => [
  `I logged ${time} for this call.`,
  'Your supervisor still needs to approve these hours.',
];
export const ALREADY_LOGGED_CALL = 'I already logged your hours for this call.';
export const NOT_A_CALL = [
  'I did not log any hours for it. Only calls are logged as hours.',
  'If it counts toward your hours, log it yourself with /hours log.',
];
export const NO_MEETINGS_YET = 'There are no meetings yet.';
export const calendarFile = (what: string) =>
  `Here is a calendar file for ${what}.\nOpen it to add the meetings to your calendar.`;
export const told = (n: number) =>
  n === 1 ? 'I told the 1 person who said they would come.' : `I told the ${n} people who said they would come.`;
