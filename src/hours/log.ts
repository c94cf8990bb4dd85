import type { Context } from '../bot.ts';
import { UserError } from '../errors.ts';
import { reply } from '../message.ts';
import type { Block, Reply } from '../message.ts';
import { ensureSaved } from '../people.ts';
import { parseLog, logExample } from '../parse/log.ts';
import { formatDate } from '../parse/date.ts';
import { formatDuration } from '../parse/duration.ts';
import { countedCategories, personStatus } from '../programs/status.ts';
import { hoursProgress, hoursText, shareProgress } from './format.ts';
import { serially } from '../serial.ts';
import * as words from '../messages/hours.ts';
import { DayFullError } from '../store/port.ts';
import { historyItem, nextAction } from './history.ts';
import type { HourEntry } from '../store/schema.ts';
import type { ParsedLog } from '../parse/log.ts';

/** /hours log: parse, check the day's total, store (once per request), then say what was saved. */
export async function logHours(ctx: Context, text: string): Promise<Reply> {
  return serially(`hours:${ctx.actor.person.id}`, () => logHoursNow(ctx, text));
}

async function logHoursNow(ctx: Context, text: string): Promise<Reply> {
  const { services, actor } = ctx;
  const program = services.programs.forPerson(actor.person.programId);
  const today = services.clock.now().startOf('day');
  const { text: line, again } = takeAgain(text);
  const parsed = parseLog(line, program, today);
  const entries = await services.store.hours.list(actor.person.id);
  const earlier = ctx.inv.requestId ? entries.find((e) => e.requestId === ctx.inv.requestId) : undefined;
  if (!earlier && !again) {
    const same = duplicateOf(entries, parsed);
    if (same) return duplicateReply(same, line, today.toISODate()!);
  }
  await ensureSaved(services, actor);
  // The store checks the 24-hours-a-day rule and the request id in the same step as the add.
  const { entry, created } = await services.store.hours
    .add(actor.person.id, {
      date: parsed.date,
      minutes: parsed.minutes,
      category: parsed.category.id,
      faceToFace: parsed.category.faceToFace,
      status: 'pending',
      note: parsed.note,
      requestId: ctx.inv.requestId,
      loggedOn: services.clock.today(),
      createdAt: services.clock.now().toISO()!,
      history: [historyItem(services, actor.person.id, 'logged', await nextAction(services, actor.person.id, entries))],
    })
    .catch((error: unknown) => {
      if (!(error instanceof DayFullError)) throw error;
      throw new UserError(
        'day-over-24-hours',
        words.dayFull(formatDate(parsed.date, services.clock.today()), hoursText(error.already)),
        logExample(program),
      );
    });
  const what = `${formatDuration(entry.minutes)} of ${parsed.category.label.toLowerCase()} on ${formatDate(entry.date, services.clock.today())}`;
  const blocks: Block[] = [{ kind: 'text', text: words.saved(what, created) }];
  if (entry.note) blocks.push({ kind: 'text', text: words.noteLine(entry.note) });
  const all = created ? [...entries, entry] : entries;
  const person = personStatus(program, actor.person, all, services.clock.today());
  const outside = person.outside.find((o) => o.entry.id === entry.id);
  if (outside)
    blocks.push({
      kind: 'text',
      text: words.notCounted(outside.why, entry.id),
    });
  for (const status of person.requirements) {
    // Progress of every goal these hours count toward (internship, training, continuing education).
    if (!countedCategories(program, status.requirement).has(entry.category)) continue;
    const block = hoursProgress(status) ?? shareProgress(status);
    if (block) blocks.push(block);
  }
  blocks.push({
    kind: 'actions',
    buttons: [{ label: words.UNDO, command: 'hours', args: `delete ${entry.id}`, style: 'danger' }],
  });
  return reply(blocks);
}

/** "/hours log 2h shadowing again": the person saw the duplicate question and means it. */
function takeAgain(text: string): { text: string; again: boolean } {
  const m = /\s+again\s*$/i.exec(text);
  return m ? { text: text.slice(0, m.index), again: true } : { text, again: false };
}

/** An entry with the same date, category, time and note, not rejected: most likely logged twice by mistake. */
function duplicateOf(entries: HourEntry[], parsed: ParsedLog): HourEntry | undefined {
  return entries.find(
    (e) =>
      e.status !== 'rejected' &&
      e.date === parsed.date &&
      e.category === parsed.category.id &&
      e.minutes === parsed.minutes &&
      e.note === parsed.note,
  );
}

function duplicateReply(same: HourEntry, line: string, today: string): Reply {
  return reply([
    {
      kind: 'text',
      text: words.loggedTwice(same.id, formatDuration(same.minutes), formatDate(same.date, today)),
    },
    { kind: 'text', text: words.logAgainHint(line.trim()) },
    { kind: 'actions', buttons: [{ label: words.LOG_AGAIN, command: 'hours', args: `log ${line.trim()} again` }] },
  ]);
}
