import type { Command, Context } from '../src/bot.ts';
import { reply, textReply } from '../src/message.ts';
import type { Reply } from '../src/message.ts';
import { canSee, displayName, hasRole, resolveTarget, takeMention } from '../src/people.ts';
import { deadlinesFor } from '../src/programs/deadlines.ts';
import type { Deadline } from '../src/programs/deadlines.ts';
import { formatDate } from '../src/parse/date.ts';
import type { Person } from '../src/store/schema.ts';
import { splitSubcommand } from '../src/subcommand.ts';
import { muteNudges } from './deadlines-mute.ts';

/** Late ones first, so the list stays readable for a facilitator with a big cohort. */
const MAX_LINES = 30;

function when(d: Deadline): string {
  if (d.overdue) return `late since ${formatDate(d.due)}`;
  if (d.daysLeft === 0) return 'due today';
  if (d.daysLeft === 1) return 'due tomorrow';
  return `due ${formatDate(d.due)} (in ${d.daysLeft} days)`;
}

async function listDeadlines(ctx: Context, text: string): Promise<Reply> {
  const [mention] = takeMention(text);
  const person = await resolveTarget(ctx.services, ctx.actor, ctx.inv.platform, mention, 'deadlines');
  const people: Person[] = [person];
  // A supervisor asking with no name sees their team's deadlines too; a facilitator, everyone's.
  if (!mention && hasRole(ctx.actor, 'supervisor')) {
    people.push(
      ...(await ctx.services.store.people.all()).filter(
        (p) => p.role === 'mentor' && p.id !== person.id && canSee(ctx.actor, p),
      ),
    );
  }
  const rows: Array<{ who: Person; d: Deadline }> = [];
  for (const p of people) for (const d of await deadlinesFor(ctx.services, p)) rows.push({ who: p, d });
  rows.sort((a, b) => (a.d.overdue !== b.d.overdue ? (a.d.overdue ? -1 : 1) : a.d.due.localeCompare(b.d.due)));
  const self = (p: Person) => p.id === ctx.actor.person.id;
  if (rows.length === 0)
    return textReply(
      people.length > 1
        ? 'No deadlines for you or the people you support right now.'
        : `${self(person) ? 'You have' : `${displayName(person)} has`} no deadlines right now.`,
    );
  const lines = rows
    .slice(0, MAX_LINES)
    .map(
      ({ who, d }) =>
        `${d.overdue ? '⚠ ' : ''}${people.length > 1 ? `${displayName(who)}: ` : ''}${d.label}: ${when(d)}`,
    );
  const group = hasRole(ctx.actor, 'facilitator') ? 'everyone' : 'your team';
  return reply([
    {
      kind: 'heading',
      text:
        people.length > 1
          ? `Deadlines for you and ${group}`
          : self(person)
            ? 'Your deadlines'
            : `Deadlines for ${displayName(person)}`,
    },
    { kind: 'text', text: lines.join('\n') },
    ...(rows.length > MAX_LINES
      ? [
          {
            kind: 'context' as const,
            text: `And ${rows.length - MAX_LINES} more. For one person, type /deadlines and their name. Example: /deadlines @alice`,
          },
        ]
      : []),
  ]);
}

export default {
  name: 'deadlines',
  description: 'What is due soon, and what is late.',
  examples: ['/deadlines', '/deadlines mute'],
  roleExamples: { supervisor: ['/deadlines @alice'] },
  subcommands: [
    {
      name: 'show',
      description: 'What is due soon, and what is late',
      options: [{ name: 'user', description: 'Someone you supervise', type: 'user' }],
    },
    { name: 'mute', description: 'Stop my deadline reminders', options: [] },
    { name: 'unmute', description: 'Start my deadline reminders again', options: [] },
  ],
  async run(ctx, text) {
    const split = splitSubcommand(text, {
      show: 'show',
      list: 'show',
      mute: 'mute',
      unmute: 'unmute',
      stop: 'mute',
      start: 'unmute',
    });
    if (split?.[0] === 'mute' || split?.[0] === 'unmute') return muteNudges(ctx, split[0] === 'mute', split[1]);
    return listDeadlines(ctx, split ? split[1] : text);
  },
} satisfies Command;
