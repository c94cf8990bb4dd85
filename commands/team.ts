import type { Command } from '../src/bot.ts';
import { UserError } from '../src/errors.ts';
import { reply, textReply } from '../src/message.ts';
import { canSee, displayName, hasRole, isActive } from '../src/people.ts';
import { openRequirements, personStatus } from '../src/programs/status.ts';
import { computeDeadlines } from '../src/programs/deadlines.ts';
import { hoursText, requirementSummary } from '../src/hours/format.ts';
import { shortDate } from '../src/parse/date.ts';
import * as words from '../src/messages/team.ts';

export default {
  name: 'team',
  description: 'One line for each person you supervise.',
  examples: ['/team'],
  forRole: 'supervisor',
  subcommands: [{ name: 'show', description: 'One line for each person you supervise', options: [] }],
  async run(ctx) {
    if (!hasRole(ctx.actor, 'supervisor')) throw new UserError('not-supervisor', words.NOT_SUPERVISOR, '/cert');
    const today = ctx.services.clock.today();
    // A supervisor's own mentors come straight from the store (one query, not everyone); a facilitator sees all.
    const { people: store } = ctx.services.store;
    const candidates = hasRole(ctx.actor, 'facilitator')
      ? await store.all()
      : await store.bySupervisor(ctx.actor.person.id);
    const people = candidates
      .filter((p) => p.role === 'mentor' && p.id !== ctx.actor.person.id && isActive(p) && canSee(ctx.actor, p))
      .sort((a, b) => displayName(a).localeCompare(displayName(b)));
    if (people.length === 0) return textReply(...words.NOBODY_YET);
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
      if (!person.supervisorId) head.push(words.NO_SUPERVISOR);
      const overdue = deadlines.filter((d) => d.overdue);
      if (overdue.length) head.push(words.late(overdue.length));
      if (status.waiting) head.push(words.toApprove(hoursText(status.waiting)));
      if (status.outside.length) head.push(words.notCounted(status.outside.length));
      // Every requirement that is not done, not only the first: a supervisor signs off on all of them.
      const open = openRequirements(status.requirements);
      const when = (s: (typeof open)[number]) =>
        s.due ? (s.overdue ? words.lateSince(shortDate(s.due, today)) : words.due(shortDate(s.due, today))) : '';
      // Hours first, one line each; the steps to mark as done together on one line.
      const amounts = open.filter((s) => s.minutes || s.share).map((s) => `    ${requirementSummary(s)}${when(s)}`);
      const steps = open.filter((s) => !s.minutes && !s.share).map((s) => `${s.requirement.label}${when(s)}`);
      if (steps.length) amounts.push(words.notDoneYet(steps));
      lines.push([head.join(' · '), ...(amounts.length ? amounts : [words.ALL_DONE])].join('\n'));
    }
    return reply([
      { kind: 'heading', text: words.heading(people.length) },
      { kind: 'text', text: lines.join('\n') },
      { kind: 'context', text: words.HINT },
    ]);
  },
} satisfies Command;
