import type { Command } from '../src/bot.ts';
import { UserError } from '../src/errors.ts';
import { reply, textReply } from '../src/message.ts';
import { canSee, displayName, hasRole, isActive } from '../src/people.ts';
import { certStatus } from '../src/programs/status.ts';
import { computeDeadlines } from '../src/programs/deadlines.ts';
import { hoursText } from '../src/hours/format.ts';
import { shortDate } from '../src/parse/date.ts';
import { hoursOf } from '../src/parse/duration.ts';

export default {
  name: 'team',
  description: 'One line for each person you supervise.',
  examples: ['/team'],
  subcommands: [{ name: 'show', description: 'One line for each person you supervise', options: [] }],
  async run(ctx) {
    if (!hasRole(ctx.actor, 'supervisor'))
      throw new UserError(
        'not-supervisor',
        '/team is for supervisors and facilitators. To see your own progress, type /cert.',
        '/cert',
      );
    const today = ctx.services.clock.today();
    const people = (await ctx.services.store.people.all())
      .filter((p) => p.role === 'mentor' && p.id !== ctx.actor.person.id && isActive(p) && canSee(ctx.actor, p))
      .sort((a, b) => displayName(a).localeCompare(displayName(b)));
    if (people.length === 0)
      return textReply('Nobody is assigned to you yet.', 'An admin can do it: /admin enroll @alice supervisor:@you');
    const lines: string[] = [];
    for (const person of people) {
      const program = ctx.services.programs.forPerson(person.programId);
      const entries = await ctx.services.store.hours.list(person.id);
      const statuses = certStatus(program, person, entries, today);
      const parts = [displayName(person)];
      const hours = statuses.find((s) => s.requirement.kind === 'hours' && s.minutes);
      if (hours?.minutes) parts.push(`${hoursOf(hours.minutes.approved)} of ${hoursText(hours.minutes.target)}`);
      const share = statuses.find((s) => s.share)?.share;
      if (share) parts.push(`${Math.round(share.now * 100)}% face-to-face`);
      const deadlines = computeDeadlines(program, person, entries, today, statuses);
      const next = deadlines.find((d) => !d.overdue);
      if (next) parts.push(`next: ${next.label}, due ${shortDate(next.due)}`);
      const flags: string[] = [];
      // A facilitator sees everyone, so a mentor nobody supervises is pointed out here.
      if (!person.supervisorId) flags.push('⚠ no supervisor');
      const overdue = deadlines.filter((d) => d.overdue);
      if (overdue.length) flags.push(`⚠ ${overdue.length} late`);
      const waiting = entries.filter((e) => e.status === 'pending').reduce((n, e) => n + e.minutes, 0);
      if (waiting) flags.push(`${hoursText(waiting)} to approve`);
      lines.push([...parts, ...flags].join(' · '));
    }
    return reply([
      { kind: 'heading', text: `Your team: ${people.length} ${people.length === 1 ? 'person' : 'people'}` },
      { kind: 'text', text: lines.join('\n') },
      { kind: 'context', text: 'For one person, type /cert @name. To approve hours, type /hours approve.' },
    ]);
  },
} satisfies Command;
