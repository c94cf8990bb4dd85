import type { Context } from '../src/bot.ts';
import { formatDate } from '../src/parse/date.ts';
import { UserError } from '../src/errors.ts';
import { reply, textReply } from '../src/message.ts';
import type { Reply } from '../src/message.ts';
import { displayName, isActive, requireMentioned, takeMention } from '../src/people.ts';
import { Role } from '../src/store/schema.ts';
import type { Person } from '../src/store/schema.ts';

const PEOPLE_EXAMPLE = '/admin people mentor';
const DEACTIVATE_EXAMPLE = '/admin deactivate @bob';

/** What `/admin people <word>` can narrow the list to. */
function filterFor(ctx: Context, word: string): { title: string; keep: (p: Person) => boolean } {
  const w = word.toLowerCase().replace(/s$/, '');
  if (!w) return { title: 'Everyone', keep: () => true };
  const role = Role.options.find((r) => r === w);
  if (role) return { title: `People with the role ${role}`, keep: (p) => p.role === role };
  if (/^no-?supervisor$|^unassigned$/.test(w))
    return { title: 'Mentors with no supervisor', keep: (p) => p.role === 'mentor' && !p.supervisorId };
  if (/^(in)?active$|^left$|^deactivated$/.test(w))
    return w === 'active'
      ? { title: 'Active people', keep: isActive }
      : { title: 'People who left (deactivated)', keep: (p) => !isActive(p) };
  const program = ctx.services.programs.find(w);
  if (program) return { title: `People in ${program.name}`, keep: (p) => p.programId === program.id };
  throw new UserError('people-filter', `I can't list people by "${word}".`, PEOPLE_EXAMPLE, [
    ...Role.options,
    'no-supervisor',
    'inactive',
    ...ctx.services.programs.all().map((p) => p.id),
  ]);
}

/** /admin people [role|program|no-supervisor|inactive]: one line a person, the ones who need a step first. */
export async function listPeople(ctx: Context, text: string): Promise<Reply> {
  const { title, keep } = filterFor(ctx, text.trim());
  const everyone = await ctx.services.store.people.all();
  const byId = new Map(everyone.map((p) => [p.id, p]));
  const people = everyone.filter(keep).sort((a, b) => displayName(a).localeCompare(displayName(b)));
  if (!people.length) return textReply(`${title}: nobody.`);
  const lines = people.map((p) => {
    const parts = [displayName(p), p.role, ctx.services.programs.forPerson(p.programId).name];
    const supervisor = p.supervisorId ? byId.get(p.supervisorId) : undefined;
    if (p.role === 'mentor') parts.push(supervisor ? `supervisor: ${displayName(supervisor)}` : '⚠ no supervisor');
    if (p.deactivatedOn) parts.push(`left on ${formatDate(p.deactivatedOn, ctx.services.clock.today())}`);
    return parts.join(' · ');
  });
  const unassigned = people.filter((p) => p.role === 'mentor' && !p.supervisorId && isActive(p)).length;
  return reply([
    { kind: 'heading', text: `${title}: ${people.length} ${people.length === 1 ? 'person' : 'people'}` },
    { kind: 'text', text: lines.join('\n') },
    ...(unassigned
      ? [
          {
            kind: 'context' as const,
            text: `${unassigned} ${unassigned === 1 ? 'mentor has' : 'mentors have'} no supervisor. To add one: /admin enroll @alice supervisor:@sue`,
          },
        ]
      : []),
  ]);
}

/**
 * /admin deactivate @bob (someone who left) and /admin activate @bob (back again). Every record is
 * kept; an inactive person gets no nudges and is not on anyone's /team.
 */
export async function setActive(ctx: Context, text: string, active: boolean): Promise<Reply> {
  const example = active ? '/admin activate @bob' : DEACTIVATE_EXAMPLE;
  const [mention] = takeMention(text);
  if (!mention) throw new UserError('deactivate-who', 'Who? Start with their name, like @bob.', example);
  const person = await requireMentioned(ctx.services, mention, ctx.inv.platform, example);
  const name = displayName(person);
  if (isActive(person) === active)
    return textReply(active ? `${name} is already active.` : `${name} is already marked as left.`);
  await ctx.services.store.people.update(person.id, (p) => {
    const { deactivatedOn: _left, ...rest } = p;
    return active ? rest : { ...rest, deactivatedOn: ctx.services.clock.today() };
  });
  return active
    ? textReply(`${name} is active again.`, 'They get reminders again and show on /team.')
    : textReply(
        `${name} is marked as left.`,
        'Their hours and records are kept.',
        'They get no reminders and are not on /team.',
        `To undo this: /admin activate @${person.id}`,
      );
}
