import type { Command, OptionSpec } from '../src/bot.ts';
import { UserError } from '../src/errors.ts';
import { SCHEDULE_EXAMPLE, words } from '../src/meetings/parse.ts';
import { splitSubcommand } from '../src/subcommand.ts';
import { KINDS } from '../src/meetings/meetings.ts';
import { wordTable } from '../src/lookup.ts';
import {
  attendedMeeting,
  cancelMeeting,
  listMeetings,
  meetingsIcs,
  rsvpMeeting,
  scheduleMeeting,
  skipMeeting,
} from './meet-actions.ts';
import { whoMeeting } from './meet-people.ts';
import { moveMeeting } from './meet-move.ts';

const meeting = (required: boolean): OptionSpec => ({
  name: 'meeting',
  description: 'The short name of the meeting, like lc',
  type: 'string',
  required,
  autocomplete: 'meeting',
});
const date = (required: boolean, description: string): OptionSpec => ({
  name: 'date',
  description,
  type: 'string',
  required,
});

const SUBCOMMANDS = ['list', 'schedule', 'cancel', 'skip', 'rsvp', 'attended', 'ics', 'who', 'move'];
/** Words people use for each subcommand (a one-letter typo is forgiven too). */
const ALIASES = wordTable<string>({
  ...Object.fromEntries(SUBCOMMANDS.map((s) => [s, s])),
  upcoming: 'list',
  next: 'list',
  show: 'list',
  add: 'schedule',
  new: 'schedule',
  create: 'schedule',
  delete: 'cancel',
  remove: 'cancel',
  attend: 'attended',
  went: 'attended',
  calendar: 'ics',
  rsvps: 'who',
  reschedule: 'move',
  change: 'move',
  attendance: 'who',
  ical: 'ics',
});

export default {
  name: 'meet',
  description: 'Meetings and calls. See what is coming, say if you will come, and get a calendar file.',
  examples: ['/meet', '/meet rsvp lc yes', '/meet attended lc', '/meet ics'],
  roleExamples: {
    facilitator: [SCHEDULE_EXAMPLE, '/meet skip lc 2026-04-14', '/meet who lc', '/meet move lc 3/10 3/12'],
  },
  subcommands: [
    { name: 'list', description: 'Meetings coming up', options: [] },
    {
      name: 'schedule',
      description: 'Schedule a meeting series (facilitators)',
      options: [
        {
          name: 'title',
          description: 'The name, like Learning Collaborative',
          type: 'string',
          required: true,
          quote: true,
        },
        {
          name: 'kind',
          description: 'What kind of meeting',
          type: 'string',
          required: true,
          choices: KINDS.map((k) => ({ name: k, value: k })),
        },
        {
          name: 'repeats',
          description: 'once 2026-04-02, weekly tuesday, every 2nd tuesday, monthly 15',
          type: 'string',
          required: true,
        },
        { name: 'time', description: 'Start time, like 10:00 or 2pm', type: 'string', required: true },
        { name: 'duration', description: 'How long, like 90m or 1h', type: 'string' },
        { name: 'link', description: 'A link or dial-in number', type: 'string' },
      ],
    },
    {
      name: 'cancel',
      description: 'Cancel a series, or one date (facilitators)',
      options: [meeting(true), date(false, 'Only this date, like 2026-04-14')],
    },
    {
      name: 'skip',
      description: 'Skip one date (facilitators)',
      options: [meeting(true), date(true, 'The date to skip, like 2026-04-14')],
    },
    {
      name: 'rsvp',
      description: 'Say if you will come to the next one',
      options: [
        meeting(true),
        {
          name: 'answer',
          description: 'yes or no',
          type: 'string',
          required: true,
          choices: [
            { name: 'yes', value: 'yes' },
            { name: 'no', value: 'no' },
          ],
        },
      ],
    },
    {
      name: 'attended',
      description: 'Say you were there (calls count as hours)',
      options: [meeting(true), date(false, 'The date, if not the last one')],
    },
    { name: 'ics', description: 'A calendar file to add meetings to your calendar', options: [meeting(false)] },
    {
      name: 'who',
      description: 'Who said yes or no, and who came (facilitators)',
      options: [meeting(true), date(false, 'A date, if not the next and the last one')],
    },
    {
      name: 'move',
      description: 'Move one date (facilitators)',
      options: [
        meeting(true),
        date(true, 'The date it was on, like 2026-03-10'),
        { name: 'new-date', description: 'The new date, like 2026-03-12', type: 'string', required: true },
        { name: 'time', description: 'A new start time, like 2pm', type: 'string' },
      ],
    },
  ],
  async run(ctx, text) {
    const first = text.trim().split(/\s+/)[0] || 'list';
    const [sub, after] = splitSubcommand(text, ALIASES) ?? (text.trim() ? [first, ''] : ['list', '']);
    const rest = words(after);
    switch (sub) {
      case 'list':
        return listMeetings(ctx);
      case 'schedule':
        return scheduleMeeting(ctx, after);
      case 'cancel':
        return cancelMeeting(ctx, rest);
      case 'skip':
        return skipMeeting(ctx, rest);
      case 'rsvp':
        return rsvpMeeting(ctx, rest);
      case 'attended':
        return attendedMeeting(ctx, rest);
      case 'ics':
        return meetingsIcs(ctx, rest);
      case 'who':
        return whoMeeting(ctx, rest);
      case 'move':
        return moveMeeting(ctx, rest);
      default:
        throw new UserError('unknown-subcommand', `I don't know "/meet ${first}".`, '/meet list', SUBCOMMANDS);
    }
  },
} satisfies Command;
