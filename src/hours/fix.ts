import type { Context } from '../bot.ts';
import { UserError } from '../errors.ts';
import { reply, textReply } from '../message.ts';
import type { Reply } from '../message.ts';
import { findDuration, findBareHours, formatDuration } from '../parse/duration.ts';
import { findDate, formatDate } from '../parse/date.ts';
import { findCategory } from '../parse/category.ts';
import type { HourEntry, NewHourEntry } from '../store/schema.ts';
import { categoryLabel, entryLine } from './format.ts';
import { personStatus } from '../programs/status.ts';
import { displayName, mentionWord, resolveTarget, takeMention } from '../people.ts';
import { logExample } from '../parse/log.ts';

const LIST_MAX = 50;

/** /hours list [@user] [n]: my last n entries with their ids (or those of a mentor I supervise). */
export async function listHours(ctx: Context, text: string): Promise<Reply> {
  const [mention, rest] = takeMention(text);
  const n = rest ? Number(rest) : 10;
  if (!Number.isInteger(n) || n < 1)
    throw new UserError('list-count', 'Give the number of entries to show, like 5.', '/hours list 5');
  const person = await resolveTarget(ctx.services, ctx.actor, ctx.inv.platform, mention, 'hours');
  const self = person.id === ctx.actor.person.id;
  const program = ctx.services.programs.forPerson(person.programId);
  const entries = await ctx.services.store.hours.list(person.id);
  if (entries.length === 0)
    return textReply(
      self ? 'You have not logged any hours yet.' : `${displayName(person)} has not logged any hours yet.`,
      `Example: ${logExample(program)}`,
    );
  const shown = entries.slice(-Math.min(n, LIST_MAX));
  const today = ctx.services.clock.today();
  const { outside } = personStatus(program, person, entries, today);
  const count = `${shown.length} ${shown.length === 1 ? 'entry' : 'entries'}`;
  return reply([
    { kind: 'heading', text: self ? `Your last ${count}:` : `Last ${count} of ${displayName(person)}:` },
    { kind: 'text', text: shown.map((e) => entryLine(program, e, outside, today)).join('\n') },
    {
      kind: 'context',
      text: self
        ? 'To fix one, use its number. Example: /hours delete 3'
        : `To approve one, use its number. Example: /hours approve @${mentionWord(person)} ${shown[0]!.id}`,
    },
  ]);
}

async function ownEntry(ctx: Context, idText: string, example: string): Promise<HourEntry> {
  const id = idText.replace(/^#/, '');
  if (!/^\d+$/.test(id)) throw new UserError('entry-id', 'Which entry? Give its number from /hours list.', example);
  const entry = (await ctx.services.store.hours.list(ctx.actor.person.id)).find((e) => e.id === id);
  if (!entry)
    throw new UserError('entry-not-found', `You have no entry #${id}. Type /hours list to see your entries.`, example);
  if (entry.status === 'approved')
    throw new UserError(
      'entry-approved',
      `Entry #${id} is already approved. Ask your supervisor if it needs a change.`,
      '/hours list',
    );
  return entry;
}

/** /hours delete <id>. Deleting twice (a double-click on Undo) says it may already be deleted. */
export async function deleteHours(ctx: Context, text: string): Promise<Reply> {
  const id = text.trim().replace(/^#/, '');
  const existing = (await ctx.services.store.hours.list(ctx.actor.person.id)).find((e) => e.id === id);
  if (/^\d+$/.test(id) && !existing)
    return textReply(`There is no entry #${id}. It may already be deleted.`, 'Type /hours list to see your entries.');
  const entry = await ownEntry(ctx, text, '/hours delete 3');
  await ctx.services.store.hours.remove(ctx.actor.person.id, entry.id);
  const program = ctx.services.programs.forPerson(ctx.actor.person.programId);
  return textReply(
    `Deleted #${entry.id}: ${formatDuration(entry.minutes)} of ${categoryLabel(program, entry.category).toLowerCase()} on ${formatDate(entry.date, ctx.services.clock.today())}.`,
  );
}

/** /hours undo: deletes the entry I logged last. */
export async function undoHours(ctx: Context): Promise<Reply> {
  const entries = await ctx.services.store.hours.list(ctx.actor.person.id);
  const last = entries.filter((e) => !e.origin).sort((a, b) => Number(b.id) - Number(a.id))[0];
  if (!last) return textReply('There is nothing to undo.');
  return deleteHours(ctx, last.id);
}

const EDIT_EXAMPLE = '/hours edit 3 90 min';

/** /hours edit <id> <duration | category | date>: changes one thing of an entry. */
export async function editHours(ctx: Context, text: string): Promise<Reply> {
  const [idText = '', ...rest] = text.trim().split(/\s+/);
  const entry = await ownEntry(ctx, idText, EDIT_EXAMPLE);
  const change = rest.join(' ').trim();
  if (!change)
    throw new UserError('edit-nothing', 'What should change? Give a new time, category or date.', EDIT_EXAMPLE);
  const program = ctx.services.programs.forPerson(ctx.actor.person.programId);
  const today = ctx.services.clock.now().startOf('day');
  const patch: Partial<NewHourEntry> = {};
  // Each part found is taken out, so "yesterday 3h" changes both and a word left over must be a category.
  let left = change;
  const duration = findDuration(left, EDIT_EXAMPLE);
  if (duration) {
    patch.minutes = duration.value;
    left = duration.rest;
  }
  const date = findDate(left, today, EDIT_EXAMPLE);
  if (date) {
    if (date.value > today.toISODate()!)
      throw new UserError(
        'date-in-future',
        'That date is in the future. You can only log hours you already did.',
        '/hours edit 3 yesterday',
      );
    patch.date = date.value;
    left = date.rest;
  }
  const bare = duration || !left.trim() ? undefined : findBareHours(left, EDIT_EXAMPLE);
  if (bare) {
    patch.minutes = bare.value;
    left = bare.rest;
  }
  if (left.trim()) {
    const category = findCategory(left, program.categories, '/hours edit 3 shadowing').category;
    patch.category = category.id;
    patch.faceToFace = category.faceToFace;
  }
  // A fixed entry that was not approved goes back to the supervisor to look at again.
  if (entry.status === 'rejected') patch.status = 'pending';
  const entries = await ctx.services.store.hours.list(ctx.actor.person.id);
  const day = patch.date ?? entry.date;
  const other = entries
    .filter((e) => e.id !== entry.id && e.date === day && e.status !== 'rejected')
    .reduce((n, e) => n + e.minutes, 0);
  if (other + (patch.minutes ?? entry.minutes) > 24 * 60) {
    throw new UserError(
      'day-over-24-hours',
      `That would make more than 24 hours on ${formatDate(day, ctx.services.clock.today())}.`,
      EDIT_EXAMPLE,
    );
  }
  const updated = (await ctx.services.store.hours.update(ctx.actor.person.id, entry.id, patch))!;
  return textReply(
    `Changed #${updated.id}.`,
    `Now: ${formatDuration(updated.minutes)} of ${categoryLabel(program, updated.category).toLowerCase()} on ${formatDate(updated.date, ctx.services.clock.today())}.`,
  );
}
