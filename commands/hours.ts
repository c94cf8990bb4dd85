import type { Command } from '../src/bot.ts';
import { UserError } from '../src/errors.ts';
import { splitSubcommand } from '../src/subcommand.ts';
import { logHours } from '../src/hours/log.ts';
import { deleteHours, editHours, listHours, undoHours } from '../src/hours/fix.ts';
import { exportHours } from '../src/hours/export.ts';
import { reportHours } from '../src/hours/report.ts';
import { reviewHours } from '../src/hours/approve.ts';
import { showEntryHistory } from '../src/hours/entry-history.ts';
import { hoursSummary } from '../src/hours/summary.ts';
import { findDuration } from '../src/parse/duration.ts';
import { wordTable } from '../src/lookup.ts';
import { textReply } from '../src/message.ts';
import { HOURS_KEYS, plainOptions } from '../src/parse/options.ts';
import { LOG_CANCELLED } from '../src/messages/hours.ts';

const SUBCOMMANDS = wordTable({
  log: 'log',
  add: 'log',
  show: 'show',
  totals: 'show',
  summary: 'show',
  list: 'list',
  ls: 'list',
  entries: 'list',
  undo: 'undo',
  delete: 'delete',
  del: 'delete',
  remove: 'delete',
  edit: 'edit',
  change: 'edit',
  fix: 'edit',
  export: 'export',
  csv: 'export',
  report: 'report',
  pdf: 'report',
  approve: 'approve',
  reject: 'reject',
  deny: 'reject',
  history: 'history',
  changes: 'history',
  cancel: 'cancel',
});

const user = (description: string) => ({ name: 'user', description, type: 'user' as const });

export default {
  name: 'hours',
  description: 'Log your hours and see your totals.',
  examples: [
    '/hours log 2h shadowing',
    '/hours log 90 min 1on1 yesterday met with Sam',
    '/hours',
    '/hours list 5',
    '/hours undo',
    '/hours edit 3 90 min',
    '/hours export',
    '/hours report',
    '/hours history 3',
  ],
  roleExamples: {
    supervisor: ['/hours approve @alice', '/hours export team', '/hours report @alice'],
  },
  subcommands: [
    {
      name: 'log',
      description: 'Log hours you did',
      options: [
        { name: 'duration', description: 'How long, like 2h or 90 min', type: 'string', required: true },
        {
          name: 'category',
          description: 'What kind of hours',
          type: 'string',
          required: true,
          autocomplete: 'category',
        },
        { name: 'date', description: 'When: today, yesterday, last friday, 3/4', type: 'string' },
        { name: 'note', description: 'A short note (optional)', type: 'string', quote: true },
      ],
    },
    { name: 'show', description: 'My totals and progress', options: [user('Someone you supervise')] },
    {
      name: 'list',
      description: 'My last entries with their numbers',
      options: [user('Someone you supervise'), { name: 'count', description: 'How many', type: 'integer' }],
    },
    { name: 'undo', description: 'Delete the entry I logged last', options: [] },
    {
      name: 'delete',
      description: 'Delete one entry',
      options: [{ name: 'id', description: 'The entry number from /hours list', type: 'string', required: true }],
    },
    {
      name: 'edit',
      description: 'Change the time, category or date of an entry',
      options: [
        { name: 'id', description: 'The entry number from /hours list', type: 'string', required: true },
        { name: 'change', description: 'New time, category or date, like 90 min', type: 'string', required: true },
      ],
    },
    {
      name: 'export',
      description: 'A spreadsheet file (CSV) of hours',
      options: [
        user('Someone you supervise'),
        {
          name: 'which',
          description: 'Your whole team',
          type: 'string',
          choices: [{ name: 'My whole team', value: 'team' }],
        },
      ],
    },
    { name: 'report', description: 'A PDF report of hours to print', options: [user('Someone you supervise')] },
    {
      name: 'approve',
      description: 'Approve hours of people you supervise',
      options: [user('The person'), { name: 'entries', description: '"all" or entry numbers', type: 'string' }],
    },
    {
      name: 'reject',
      description: 'Mark hours as not approved',
      options: [
        { ...user('The person'), required: true },
        { name: 'entries', description: 'Entry numbers', type: 'string', required: true },
      ],
    },
    {
      name: 'history',
      description: 'Every change to one entry: who, when, what',
      options: [
        { name: 'id', description: 'The entry number from /hours list', type: 'string', required: true },
        user('Someone you supervise'),
      ],
    },
  ],
  async run(ctx, text) {
    const split = splitSubcommand(text, SUBCOMMANDS);
    if (!split) {
      if (!text) return hoursSummary(ctx, '');
      // "/hours 2h shadowing" means log; "/hours @alice" means show.
      if (text.startsWith('@') || text.startsWith('<@')) return hoursSummary(ctx, text);
      if (findDuration(text, '/hours log 2h shadowing') || /\d/.test(text))
        return logHours(ctx, plainOptions(text, HOURS_KEYS));
      throw new UserError(
        'hours-subcommand',
        `I don't know "/hours ${text.split(/\s+/)[0]}".`,
        '/hours log 2h shadowing',
        ['log', 'list', 'undo', 'delete', 'edit', 'export', 'approve', 'history'],
      );
    }
    const [sub, rest] = split;
    switch (sub) {
      case 'log':
        return logHours(ctx, plainOptions(rest, HOURS_KEYS));
      case 'show':
        return hoursSummary(ctx, rest);
      case 'list':
        return listHours(ctx, rest);
      case 'undo':
        return undoHours(ctx);
      case 'delete':
        return deleteHours(ctx, rest);
      case 'edit':
        return editHours(ctx, plainOptions(rest, HOURS_KEYS));
      case 'cancel':
        // The No of "Log 2 hours of shadowing for yesterday?": nothing was saved, nothing is.
        return textReply(...LOG_CANCELLED);
      case 'export':
        return exportHours(ctx, rest);
      case 'report':
        return reportHours(ctx, rest);
      case 'approve':
        return reviewHours(ctx, rest, 'approved');
      case 'history':
        return showEntryHistory(ctx, rest);
      default:
        return reviewHours(ctx, rest, 'rejected');
    }
  },
} satisfies Command;
