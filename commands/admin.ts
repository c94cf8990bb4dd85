import { distance } from 'fastest-levenshtein';
import * as say from '../src/messages/admin.ts';
import type { Command, Context } from '../src/bot.ts';
import { UserError } from '../src/errors.ts';
import { textReply } from '../src/message.ts';
import type { Reply } from '../src/message.ts';
import {
  displayMention,
  displayName,
  ensureSaved,
  findMentioned,
  hasRole,
  isMention,
  lookupPerson,
  mentionKeys,
} from '../src/people.ts';
import { Role } from '../src/store/schema.ts';
import type { Person } from '../src/store/schema.ts';
import { findDate, formatDate } from '../src/parse/date.ts';
import { splitSubcommand } from '../src/subcommand.ts';
import { ownValue, wordTable } from '../src/lookup.ts';
import { listPeople, setActive } from './admin-people.ts';

const ENROLL_EXAMPLE =
  '/admin enroll @alice program:wi-peer-mentor supervisor:@sue hired:2026-03-01 internship-start:2026-03-09';
const ROLE_EXAMPLE = '/admin role @sue supervisor';
const KEYS = ['program', 'supervisor', 'hired', 'internship-start', 'name'] as const;

/** Splits on spaces but keeps "quoted words" and name:"Alice Smith" together. */
function tokens(text: string): string[] {
  return [...text.matchAll(/(?:[^\s"]+:)?"[^"]*"|\S+/g)].map((m) => m[0].replace(/"/g, ''));
}

/** A person named in a command: found, or a new record keyed by their platform account. */
async function personFor(ctx: Context, word: string): Promise<{ person: Person; isNew: boolean }> {
  const found = await findMentioned(ctx.services, word, ctx.inv.platform);
  if (found) return { person: found, isNew: false };
  const id = mentionKeys(word, ctx.inv.platform)[0]!;
  const person: Person = {
    id,
    // The name the platform gave with the mention (Slack's label, Discord's display name).
    name: ownValue(ctx.inv.mentionNames, id),
    role: 'mentor',
    programId: ctx.services.config.defaultProgram,
    milestones: {},
    nudgesMuted: false,
    createdAt: ctx.services.clock.now().toISO()!,
  };
  return { person, isNew: true };
}

async function enroll(ctx: Context, text: string): Promise<Reply> {
  const [who, ...rest] = tokens(text);
  if (!who || !isMention(who)) throw new UserError('enroll-who', say.ENROLL_WHO, ENROLL_EXAMPLE);
  const { person, isNew } = await personFor(ctx, who);
  const updated: Person = { ...person };
  const notes: string[] = [];
  const today = ctx.services.clock.now().startOf('day');
  let newSupervisor: Person | undefined;
  for (const token of rest) {
    const m = /^([a-z-]+):(.+)$/i.exec(token);
    const key = m?.[1]!
      .toLowerCase()
      .replace(/^internship$|^start$/, 'internship-start')
      .replace(/^hire(-date)?$/, 'hired') as (typeof KEYS)[number];
    if (!m || !KEYS.includes(key))
      throw new UserError(
        'enroll-option',
        `I don't understand "${token}".`,
        ENROLL_EXAMPLE,
        KEYS.map((k) => `${k}:`),
      );
    const value = m[2]!;
    if (key === 'program') {
      const program = ctx.services.programs.find(value);
      if (!program)
        throw new UserError(
          'program-unknown',
          say.noProgram(value),
          ENROLL_EXAMPLE,
          ctx.services.programs.all().map((p) => p.id),
        );
      updated.programId = program.id;
    } else if (key === 'supervisor') {
      const { person: sup, isNew: supNew } = await personFor(ctx, value);
      if (sup.id === updated.id) throw new UserError('own-supervisor', say.OWN_SUPERVISOR, ENROLL_EXAMPLE);
      if (supNew) newSupervisor = { ...sup, role: 'supervisor' };
      else if (!hasRole({ person: sup, accountKey: sup.id, saved: true }, 'supervisor'))
        notes.push(say.notSupervisorYet(displayName(sup), displayMention(value)));
      updated.supervisorId = sup.id;
    } else if (key === 'name') {
      updated.name = value.slice(0, 80);
    } else {
      const date = findDate(value, today, ENROLL_EXAMPLE);
      if (!date) throw new UserError('not-a-date', `"${value}" is not a date.`, ENROLL_EXAMPLE);
      if (key === 'hired') updated.hired = date.value;
      else updated.internshipStart = date.value;
    }
  }
  // Only the fields the admin wrote change, in one step with the new supervisor: a milestone
  // marked or a mute set at the same moment stays as it is.
  const patch = Object.fromEntries(
    Object.entries(updated).filter(([key, value]) => value !== (person as Record<string, unknown>)[key]),
  ) as Partial<Person>;
  await ctx.services.store.people.enroll(updated, patch, newSupervisor);
  const program = ctx.services.programs.forPerson(updated.programId);
  const lines = [say.enrolled(isNew, displayName(updated), program.name)];
  const supervisor =
    updated.supervisorId && ((await lookupPerson(ctx.services, updated.supervisorId)) ?? newSupervisor);
  if (supervisor) lines.push(say.supervisorLine(displayName(supervisor)));
  if (updated.hired) lines.push(say.hiredLine(formatDate(updated.hired)));
  if (updated.internshipStart) lines.push(say.internshipLine(formatDate(updated.internshipStart)));
  if (newSupervisor) lines.push(say.addedSupervisor(displayName(newSupervisor)));
  return textReply(...lines, ...notes);
}

async function setRole(ctx: Context, text: string): Promise<Reply> {
  const [who, roleWord = ''] = tokens(text);
  if (!who || !isMention(who)) throw new UserError('role-who', say.ROLE_WHO, ROLE_EXAMPLE);
  // "supervisr" or "mentors" still mean the role.
  const word = roleWord.toLowerCase().replace(/s$/, '');
  const role = Role.safeParse(
    Role.options.find((r) => r === word || (word.length >= 4 && distance(r, word) <= 2)) ?? word,
  );
  if (!role.success) throw new UserError('role-unknown', say.notARole(roleWord), ROLE_EXAMPLE, Role.options);
  const { person } = await personFor(ctx, who);
  await ctx.services.store.people.enroll(person, { role: role.data });
  return textReply(say.nowRole(displayName(person), role.data));
}

const SUBCOMMANDS = wordTable({
  enroll: 'enroll',
  add: 'enroll',
  update: 'enroll',
  role: 'role',
  people: 'people',
  list: 'people',
  who: 'people',
  deactivate: 'deactivate',
  left: 'deactivate',
  leave: 'deactivate',
  activate: 'activate',
  reactivate: 'activate',
});

export default {
  name: 'admin',
  description: 'Enroll people and set roles (admins only).',
  examples: [ENROLL_EXAMPLE, ROLE_EXAMPLE, '/admin people no-supervisor', '/admin deactivate @bob'],
  subcommands: [
    {
      name: 'admin enroll',
      description: 'Enroll or update a person',
      options: [
        { name: 'user', description: 'The person', type: 'user', required: true },
        { name: 'program', description: 'Their program', type: 'string', autocomplete: 'program', prefix: 'program:' },
        { name: 'supervisor', description: 'Their supervisor', type: 'user', prefix: 'supervisor:' },
        { name: 'hired', description: 'Hire date', type: 'string', prefix: 'hired:' },
        { name: 'internship-start', description: 'Internship start date', type: 'string', prefix: 'internship-start:' },
        { name: 'name', description: 'Their name as it should show', type: 'string', prefix: 'name:', quote: true },
      ],
    },
    {
      name: 'admin role',
      description: 'Set a role',
      options: [
        { name: 'user', description: 'The person', type: 'user', required: true },
        {
          name: 'role',
          description: 'The role',
          type: 'string',
          required: true,
          choices: Role.options.map((r) => ({ name: r, value: r })),
        },
      ],
    },
    {
      name: 'admin people',
      description: 'List people',
      options: [{ name: 'which', description: 'A role, a program, no-supervisor or inactive', type: 'string' }],
    },
    {
      name: 'admin deactivate',
      description: 'Mark someone who left (keeps their records)',
      options: [{ name: 'user', description: 'The person', type: 'user', required: true }],
    },
    {
      name: 'admin activate',
      description: 'Undo a deactivate',
      options: [{ name: 'user', description: 'The person', type: 'user', required: true }],
    },
  ],
  async run(ctx, text) {
    if (!hasRole(ctx.actor, 'admin')) throw new UserError('not-admin', say.ONLY_ADMIN, '/help');
    const split = splitSubcommand(text, SUBCOMMANDS);
    if (!split)
      throw new UserError('admin-subcommand', say.WHAT_TO_DO, ENROLL_EXAMPLE, [
        'enroll',
        'role',
        'people',
        'deactivate',
        'activate',
      ]);
    const [sub, rest] = split;
    const reply =
      sub === 'people'
        ? await listPeople(ctx, rest)
        : sub === 'deactivate' || sub === 'activate'
          ? await setActive(ctx, rest, sub === 'activate')
          : sub === 'enroll'
            ? await enroll(ctx, rest)
            : await setRole(ctx, rest);
    // An admin who only ever types /admin is still someone the weekly check can reach. Saved
    // only after the command worked: a refused command stores nothing.
    await ensureSaved(ctx.services, ctx.actor);
    return reply;
  },
} satisfies Command;
