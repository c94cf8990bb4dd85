import type { Context } from '../src/bot.ts';
import { UserError } from '../src/errors.ts';
import { textReply } from '../src/message.ts';
import type { Reply } from '../src/message.ts';
import { canSee, displayName, hasRole, requireMentioned, resolveTarget, takeMention } from '../src/people.ts';
import type { Program, Requirement } from '../src/programs/schema.ts';
import type { Person } from '../src/store/schema.ts';
import { normalize } from '../src/parse/category.ts';
import { ownValue } from '../src/lookup.ts';
import { formatDate, shortDate } from '../src/parse/date.ts';

/** Whose step, which step, and the words after it: the checks /cert mark and /cert unmark share. */
export async function milestoneFor(
  ctx: Context,
  text: string,
  example: string,
  /** Takes a date off the words after the name (mark), or leaves them (unmark). */
  split: (rest: string) => { words: string; after?: string } = (rest) => ({ words: rest }),
): Promise<{ person: Person; program: Program; milestone: Requirement; after?: string }> {
  if (!hasRole(ctx.actor, 'supervisor'))
    throw new UserError('not-supervisor', 'Only a supervisor or facilitator can mark a step.', '/cert');
  const [mention, rest] = takeMention(text);
  if (!mention) throw new UserError('mark-who', 'Whose step is it? Name the person.', example);
  const person = await requireMentioned(ctx.services, mention, ctx.inv.platform, example);
  if (!canSee(ctx.actor, person) || (person.id === ctx.actor.person.id && !hasRole(ctx.actor, 'facilitator'))) {
    throw new UserError('not-your-mentor', 'You can only mark steps for people you supervise.', example);
  }
  const program = ctx.services.programs.forPerson(person.programId);
  const milestones = program.requirements.filter((r) => r.kind === 'milestone');
  const { words: written, after } = split(rest);
  const words = normalize(written);
  const milestone =
    milestones.find((m) => normalize(m.id) === words || normalize(m.label) === words) ??
    milestones.find((m) => words && normalize(m.id).startsWith(words));
  if (!milestone)
    throw new UserError(
      'milestone-unknown',
      words ? `"${words}" is not a step in ${program.name}.` : 'Which step? Add its name.',
      example,
      milestones.map((m) => m.id),
    );
  return { person, program, milestone, ...(after !== undefined ? { after } : {}) };
}

const UNMARK_EXAMPLE = '/cert unmark @alice peer-mentor-101';

/** /cert unmark @user <milestone>: takes back a step marked by mistake; the history keeps both. */
/**
 * Marks or takes back one milestone and keeps the change in its history, in one store update
 * (the person's record is changed in place by the store, never read and written back here).
 */
export async function recordMilestone(
  ctx: Context,
  personId: string,
  milestoneId: string,
  action: 'marked' | 'unmarked',
  day: string,
): Promise<void> {
  await ctx.services.store.people.update(personId, (p) => ({
    ...p,
    milestones:
      action === 'marked'
        ? { ...p.milestones, [milestoneId]: day }
        : Object.fromEntries(Object.entries(p.milestones).filter(([id]) => id !== milestoneId)),
    milestoneHistory: [
      ...(p.milestoneHistory ?? []),
      { milestone: milestoneId, action, date: day, by: ctx.actor.person.id, at: ctx.services.clock.now().toISO()! },
    ],
  }));
}

export async function unmarkMilestone(ctx: Context, text: string): Promise<Reply> {
  const { person, milestone } = await milestoneFor(ctx, text, UNMARK_EXAMPLE);
  const day = ownValue(person.milestones, milestone.id);
  if (!day)
    return textReply(`${milestone.label} is not marked as done for ${displayName(person)}.`, 'Nothing changed.');
  await recordMilestone(ctx, person.id, milestone.id, 'unmarked', day);
  return textReply(
    `Taken back: ${milestone.label} for ${displayName(person)} is not done any more.`,
    `It was marked as done on ${formatDate(day)}.`,
  );
}

/** /cert history [@user]: every time a step was marked or taken back, oldest first. */
export async function milestoneHistory(ctx: Context, text: string): Promise<Reply> {
  const [mention] = takeMention(text);
  const person = await resolveTarget(ctx.services, ctx.actor, ctx.inv.platform, mention, 'certification status');
  const program = ctx.services.programs.forPerson(person.programId);
  const history = person.milestoneHistory ?? [];
  const whose = person.id === ctx.actor.person.id ? 'your steps' : `the steps of ${displayName(person)}`;
  if (!history.length) return textReply(`Nobody has marked ${whose} yet.`);
  const lines = await Promise.all(
    history.map(async (h) => {
      const label = program.requirements.find((r) => r.id === h.milestone)?.label ?? h.milestone;
      const by = await ctx.services.store.people.get(h.by);
      const what = h.action === 'marked' ? `marked as done (for ${shortDate(h.date)})` : 'taken back';
      return `${shortDate(h.at.slice(0, 10))}: ${label} ${what} by ${by ? displayName(by) : h.by}`;
    }),
  );
  return textReply(`Changes to ${whose}:`, ...lines);
}
