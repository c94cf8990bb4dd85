import { DayFullError } from '../store/port.ts';
import type { Context } from '../bot.ts';
import { UserError } from '../errors.ts';
import { reply, textReply } from '../message.ts';
import type { Reply } from '../message.ts';
import { findDuration, findBareHours } from '../parse/duration.ts';
import { findDate, formatDate } from '../parse/date.ts';
import { findCategory } from '../parse/category.ts';
import type { HourEntry, NewHourEntry } from '../store/schema.ts';
import { categoryLabel, entryLine } from './format.ts';
import { personStatus } from '../programs/status.ts';
import { displayName, mentionWord, resolveTarget, takeMention } from '../people.ts';
import { logExample, NOTE_LIMIT } from '../parse/log.ts';
import * as words from '../messages/hours.ts';
import { historyItem, keepDeleted, lastAction, markRestored, nextAction } from './history.ts';

const LIST_MAX = 50;

/** /hours list [@user] [n]: my last n entries with their ids (or those of a mentor I supervise). */
export async function listHours(ctx: Context, text: string): Promise<Reply> {
  const [mention, rest] = takeMention(text);
  const n = rest ? Number(rest) : 10;
  if (!Number.isInteger(n) || n < 1) throw new UserError('list-count', words.LIST_COUNT, '/hours list 5');
  const person = await resolveTarget(ctx.services, ctx.actor, ctx.inv.platform, mention, 'hours');
  const self = person.id === ctx.actor.person.id;
  const program = ctx.services.programs.forPerson(person.programId);
  const entries = await ctx.services.store.hours.list(person.id);
  if (entries.length === 0)
    return textReply(words.noHoursYet(self ? undefined : displayName(person)), `Example: ${logExample(program)}`);
  const shown = entries.slice(-Math.min(n, LIST_MAX));
  const today = ctx.services.clock.today();
  const { outside } = personStatus(program, person, entries, today);
  const count = words.countWords(shown.length);
  return reply([
    { kind: 'heading', text: self ? words.yourLast(count) : words.theirLast(count, displayName(person)) },
    { kind: 'text', text: shown.map((e) => entryLine(program, e, outside, today)).join('\n') },
    {
      kind: 'context',
      text: self ? words.FIX_HINT : words.approveHint(mentionWord(person), shown[0]!.id),
    },
  ]);
}

async function ownEntry(ctx: Context, idText: string, example: string): Promise<HourEntry> {
  const id = idText.replace(/^#/, '');
  if (!/^\d+$/.test(id)) throw new UserError('entry-id', words.WHICH_ENTRY, example);
  const entry = (await ctx.services.store.hours.list(ctx.actor.person.id)).find((e) => e.id === id);
  if (!entry) throw new UserError('entry-not-found', words.noSuchEntry(id), example);
  if (entry.status === 'approved') throw new UserError('entry-approved', words.alreadyApproved(id), '/hours list');
  return entry;
}

/** /hours delete <id>. Deleting twice (a double-click on Undo) says it may already be deleted. */
export async function deleteHours(ctx: Context, text: string): Promise<Reply> {
  const id = text.trim().replace(/^#/, '');
  const existing = (await ctx.services.store.hours.list(ctx.actor.person.id)).find((e) => e.id === id);
  if (/^\d+$/.test(id) && !existing) return textReply(...words.maybeDeleted(id));
  const entry = await ownEntry(ctx, text, '/hours delete 3');
  const personId = ctx.actor.person.id;
  const all = await ctx.services.store.hours.list(personId);
  const n = await nextAction(ctx.services, personId, all);
  await keepDeleted(ctx.services, personId, entry, historyItem(ctx.services, personId, 'deleted', n));
  await ctx.services.store.hours.remove(personId, entry.id);
  const program = ctx.services.programs.forPerson(ctx.actor.person.programId);
  const what = words.entryWhat(
    entry.minutes,
    categoryLabel(program, entry.category),
    entry.date,
    ctx.services.clock.today(),
  );
  return textReply(words.deleted(entry.id, what));
}

/**
 * /hours undo: reverses the person's own last action (log, edit or delete) and says what it
 * did. Undo itself is not an action, so undoing twice goes one more step back.
 */
export async function undoHours(ctx: Context): Promise<Reply> {
  const personId = ctx.actor.person.id;
  const program = ctx.services.programs.forPerson(ctx.actor.person.programId);
  const today = ctx.services.clock.today();
  const entries = await ctx.services.store.hours.list(personId);
  const last = await lastAction(ctx.services, personId, entries);
  if (!last) return textReply(words.NOTHING_TO_UNDO);
  const what = (e: HourEntry) => words.entryWhat(e.minutes, categoryLabel(program, e.category), e.date, today);
  if (last.kind === 'deleted') {
    // It keeps the time it was first made: /hours history of an entry with no 'logged' item reads it.
    const { id: _id, history, ...rest } = last.entry;
    const { entry } = await ctx.services.store.hours.add(personId, { ...rest, history: history?.slice(0, -1) });
    await markRestored(ctx.services, last.key, entry.id);
    return textReply(words.undoneDelete(entry.id, what(entry)));
  }
  if (last.entry.status === 'approved') return textReply(...words.undoApproved(last.entry.id));
  if (last.kind === 'logged') {
    // Kept for /hours history, marked so a second undo goes one more step back instead of restoring it.
    const n = await nextAction(ctx.services, personId, entries);
    await keepDeleted(ctx.services, personId, last.entry, historyItem(ctx.services, personId, 'deleted', n), true);
    await ctx.services.store.hours.remove(personId, last.entry.id);
    return textReply(words.undoneLog(last.entry.id, what(last.entry)));
  }
  const history = (last.entry.history ?? []).filter((h) => h !== last.item);
  const updated = (await ctx.services.store.hours.update(personId, last.entry.id, {
    ...(last.item.before as Partial<NewHourEntry>),
    history,
  }))!;
  return textReply(...words.undoneEdit(updated.id, what(updated)));
}

const EDIT_EXAMPLE = '/hours edit 3 90 min';

/** /hours edit <id> <duration | category | date>: changes one thing of an entry. */
export async function editHours(ctx: Context, text: string): Promise<Reply> {
  const [idText = '', ...rest] = text.trim().split(/\s+/);
  const entry = await ownEntry(ctx, idText, EDIT_EXAMPLE);
  const change = rest.join(' ').trim();
  if (!change) throw new UserError('edit-nothing', words.EDIT_NOTHING, EDIT_EXAMPLE);
  const program = ctx.services.programs.forPerson(ctx.actor.person.programId);
  const today = ctx.services.clock.now().startOf('day');
  const patch: Partial<NewHourEntry> = {};
  // Text in quotes is the new note, exactly as written; the rest is read for a time, date or category.
  let left = change.replace(/"([^"]*)"|“([^”]*)”/, (_, a?: string, b?: string) => {
    patch.note = (a ?? b ?? '').trim();
    return ' ';
  });
  if (patch.note !== undefined && patch.note.length > NOTE_LIMIT)
    throw new UserError('note-too-long', words.noteTooLong(NOTE_LIMIT), EDIT_EXAMPLE);
  const duration = findDuration(left, EDIT_EXAMPLE);
  if (duration) {
    patch.minutes = duration.value;
    left = duration.rest;
  }
  const date = findDate(left, today, EDIT_EXAMPLE);
  if (date) {
    if (date.value > today.toISODate()!)
      throw new UserError('date-in-future', words.FUTURE_DATE, '/hours edit 3 yesterday');
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
  // The fields as they were, so /hours undo can put them back.
  const before = Object.fromEntries(
    Object.keys(patch).map((k) => [k, entry[k as keyof NewHourEntry]]),
  ) as Partial<NewHourEntry>;
  const n = await nextAction(ctx.services, ctx.actor.person.id, entries);
  const history = [...(entry.history ?? []), historyItem(ctx.services, ctx.actor.person.id, 'edited', n, before)];
  // The store refuses a change that puts the day past 24 hours (the rule lives there, once).
  const updated = await ctx.services.store.hours
    .update(ctx.actor.person.id, entry.id, { ...patch, history })
    .catch((error: unknown) => {
      if (!(error instanceof DayFullError)) throw error;
      throw new UserError(
        'day-over-24-hours',
        words.dayOver24(formatDate(error.date, ctx.services.clock.today())),
        EDIT_EXAMPLE,
      );
    });
  if (!updated) return textReply(...words.maybeDeleted(entry.id));
  const now = words.entryWhat(
    updated.minutes,
    categoryLabel(program, updated.category),
    updated.date,
    ctx.services.clock.today(),
  );
  return textReply(...words.changed(updated.id, now, updated.note));
}
