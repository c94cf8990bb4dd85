import { DateTime } from 'luxon';
import type { Context } from '../bot.ts';
import { UserError } from '../errors.ts';
import { reply } from '../message.ts';
import type { Reply } from '../message.ts';
import { displayName, hasRole, isMention, resolveTarget } from '../people.ts';
import type { Program } from '../programs/schema.ts';
import type { HistoryItem, HourEntry } from '../store/schema.ts';
import { formatWhen } from '../meetings/format.ts';
import { categoryLabel, STATUS_WORDS } from './format.ts';
import { deletedEntries } from './history.ts';
import {
  deletedNow,
  keptNow,
  HISTORY_EXAMPLE,
  HISTORY_WHICH,
  historyHeading,
  historyLine,
  noSuchEntry,
  restoredLine,
} from '../messages/history.ts';
import type { Change, EntryFacts, HistoryEvent } from '../messages/history.ts';

/** "@alice 3", "3 @alice", "#3": whose entry (a mention, or none for one's own) and its number. */
export function readHistoryArgs(text: string): { mention?: string; id: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const at = words.findIndex(isMention);
  const mention = at >= 0 ? words.splice(at, 1)[0] : undefined;
  const id = words.join(' ').replace(/^#/, '');
  if (!/^\d{1,9}$/.test(id)) throw new UserError('entry-id', HISTORY_WHICH, HISTORY_EXAMPLE);
  return { ...(mention ? { mention } : {}), id: String(Number(id)) };
}

type Fields = Pick<HourEntry, 'minutes' | 'date' | 'category' | 'note' | 'status'>;

function facts(program: Program, f: Fields): EntryFacts {
  return { minutes: f.minutes, activity: categoryLabel(program, f.category), date: f.date, note: f.note };
}

function changesOf(program: Program, before: Partial<Fields>, after: Omit<Fields, 'status'>): Change[] {
  const changes: Change[] = [];
  if (before.minutes !== undefined && before.minutes !== after.minutes)
    changes.push({ field: 'minutes', from: before.minutes, to: after.minutes });
  if (before.date !== undefined && before.date !== after.date)
    changes.push({ field: 'date', from: before.date, to: after.date });
  if (before.category !== undefined && before.category !== after.category)
    changes.push({
      field: 'activity',
      from: categoryLabel(program, before.category),
      to: categoryLabel(program, after.category),
    });
  if (before.note !== undefined && before.note !== after.note)
    changes.push({ field: 'note', from: before.note, to: after.note });
  // An edit changes the status only to send a rejected entry back (src/hours/fix.ts).
  if (before.status === 'rejected') changes.push({ field: 'back-for-approval' });
  return changes;
}

function fromMeeting(entry: HourEntry): boolean {
  return entry.origin?.startsWith('meeting:') ?? false;
}

/**
 * The entry's changes, oldest first, in words. An edit keeps only the fields as they were
 * (so undo can put them back); what they became is the next edit's "before", or the entry as
 * it is now. Walking back from now gives both, and the entry as it was first logged.
 */
function events(
  program: Program,
  entry: HourEntry,
  who: (id: string) => string,
  when: (iso: string) => string,
  /** The deletion was /hours undo taking back the logging. */
  undone: boolean,
): HistoryEvent[] {
  const items: HistoryItem[] = [...(entry.history ?? [])].sort((a, b) => a.n - b.n);
  let state: Fields = { ...entry };
  const out: HistoryEvent[] = [];
  // Reviews from before each rejection kept its own reason: reviewNote belongs to the last review.
  const lastReview = items.filter((h) => h.action === 'rejected' || h.action === 'approved').at(-1);
  const reasonOf = (h: HistoryItem) => h.reason ?? (h === lastReview ? entry.reviewNote : undefined);
  for (const h of [...items].reverse()) {
    const base = { who: who(h.by), when: when(h.at) };
    if (h.action === 'edited') {
      const before = (h.before ?? {}) as Partial<Fields>;
      out.push({ action: 'edited', ...base, changes: changesOf(program, before, state) });
      state = { ...state, ...before };
    } else if (h.action === 'logged')
      out.push({ action: 'logged', ...base, what: facts(program, state), fromMeeting: fromMeeting(entry) });
    else if (h.action === 'approved') out.push({ action: 'approved', ...base });
    else if (h.action === 'rejected')
      out.push({
        action: 'rejected',
        ...base,
        ...(reasonOf(h) ? { reason: reasonOf(h) } : {}),
      });
    else out.push({ action: 'deleted', ...base, byUndo: undone && h === items.at(-1) });
  }
  out.reverse();
  // Entries logged before history was kept, or by the bot for a call, have no "logged" item.
  if (!items.some((h) => h.action === 'logged'))
    out.unshift({
      action: 'logged',
      who: who(''),
      when: when(entry.createdAt),
      what: facts(program, state),
      fromMeeting: fromMeeting(entry),
    });
  return out;
}

/** /hours history [@user] <id>: every change to one entry, kept or deleted: who, when, what. */
export async function showEntryHistory(ctx: Context, text: string): Promise<Reply> {
  const { mention, id } = readHistoryArgs(text);
  const { services } = ctx;
  const person = await resolveTarget(services, ctx.actor, ctx.inv.platform, mention, 'hours');
  const self = person.id === ctx.actor.person.id;
  const whose = self ? undefined : displayName(person);
  const program = services.programs.forPerson(person.programId);
  const now = services.clock.now();
  const today = services.clock.today();
  const kept = (await services.store.hours.list(person.id)).find((e) => e.id === id);
  const gone = kept ? [] : await deletedEntries(services, person.id, id);
  const entry = kept ?? gone.at(-1)?.entry;
  if (!entry) {
    // A supervisor's own /hours history 1 is most likely about a mentor's entry: say how to name them.
    const forMentor = self && hasRole(ctx.actor, 'supervisor');
    throw new UserError(
      'entry-not-found',
      noSuchEntry(id, whose, forMentor),
      forMentor ? `/hours history @alice ${id}` : self ? '/hours list' : HISTORY_EXAMPLE,
    );
  }
  const names = new Map<string, string>();
  for (const by of new Set([person.id, ...(entry.history ?? []).map((h) => h.by)])) {
    const p = by === ctx.actor.person.id ? undefined : await services.store.people.get(by);
    names.set(by, by === ctx.actor.person.id ? 'You' : p ? displayName(p) : by.replace(/^(slack|discord):/, ''));
  }
  const who = (by: string) => names.get(by || person.id)!;
  const when = (iso: string) => formatWhen(DateTime.fromISO(iso).setZone(services.clock.zone), now);
  const deleted = gone.at(-1);
  const lines = events(program, entry, who, when, deleted?.undone ?? false).map((e) => historyLine(e, today));
  if (deleted?.restoredAs) lines.push(restoredLine(deleted.restoredAs));
  const status = deleted
    ? deletedNow(facts(program, entry), today)
    : keptNow(facts(program, entry), STATUS_WORDS[entry.status], today);
  return reply([
    { kind: 'heading', text: historyHeading(id, whose, status) },
    { kind: 'text', text: lines.join('\n') },
  ]);
}
