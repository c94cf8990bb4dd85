import type { Command } from '../src/bot.ts';
import { UserError } from '../src/errors.ts';
import { reply, textReply } from '../src/message.ts';
import { canSee, displayName, hasRole, isActive } from '../src/people.ts';
import { openRequirements, personStatus } from '../src/programs/status.ts';
import { computeDeadlines } from '../src/programs/deadlines.ts';
import { hoursText, requirementSummary } from '../src/hours/format.ts';
import { shortDate } from '../src/parse/date.ts';

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
    // A supervisor's own mentors come straight from the store (one query, not everyone); a facilitator sees all.
    const { people: store } = ctx.services.store;
    const candidates = hasRole(ctx.actor, 'facilitator')
      ? await store.all()
      : await store.bySupervisor(ctx.actor.person.id);
    const people = candidates
      .filter((p) => p.role === 'mentor' && p.id !== ctx.actor.person.id && isActive(p) && canSee(ctx.actor, p))
      .sort((a, b) => displayName(a).localeCompare(displayName(b)));
    if (people.length === 0)
      return textReply('Nobody is assigned to you yet.', 'An admin can do it: /admin enroll @alice supervisor:@you');
    const lines: string[] = [];
    // Everyone's hours in one query (on PostgreSQL, one round trip for 50 people, not 50).
    const hours = await ctx.services.store.hours.listMany(people.map((p) => p.id));
    for (const person of people) {
      const program = ctx.services.programs.forPerson(person.programId);
      const entries = hours.get(person.id) ?? [];
      const status = personStatus(program, person, entries, today);
      const deadlines = computeDeadlines(program, person, entries, today, status.requirements);
      const head = [displayName(person)];
      // A facilitator sees everyone, so a mentor nobody supervises is pointed out here.
      if (!person.supervisorId) head.push('⚠ no supervisor');
      const overdue = deadlines.filter((d) => d.overdue);
      if (overdue.length) head.push(`⚠ ${overdue.length} late`);
      if (status.waiting) head.push(`${hoursText(status.waiting)} to approve`);
      if (status.outside.length)
        head.push(`⚠ ${status.outside.length} ${status.outside.length === 1 ? 'entry' : 'entries'} not counted (date)`);
      // Every requirement that is not done, not only the first: a supervisor signs off on all of them.
      const open = openRequirements(status.requirements);
      const when = (s: (typeof open)[number]) =>
        s.due ? (s.overdue ? `, late since ${shortDate(s.due, today)}` : `, due ${shortDate(s.due, today)}`) : '';
      // Hours first, one line each; the steps to mark as done together on one line.
      const amounts = open.filter((s) => s.minutes || s.share).map((s) => `    ${requirementSummary(s)}${when(s)}`);
      const steps = open.filter((s) => !s.minutes && !s.share).map((s) => `${s.requirement.label}${when(s)}`);
      if (steps.length) amounts.push(`    Not done yet: ${steps.join('; ')}`);
      lines.push([head.join(' · '), ...(amounts.length ? amounts : ['    Everything is done for now.'])].join('\n'));
    }
    return reply([
      { kind: 'heading', text: `Your team: ${people.length} ${people.length === 1 ? 'person' : 'people'}` },
      { kind: 'text', text: lines.join('\n') },
      { kind: 'context', text: 'For one person, type /cert @name. To approve hours, type /hours approve.' },
    ]);
  },
} satisfies Command;
