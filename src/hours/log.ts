import type { Context } from '../bot.ts';
import { UserError } from '../errors.ts';
import { reply } from '../message.ts';
import type { Block, Reply } from '../message.ts';
import { ensureSaved } from '../people.ts';
import { parseLog, logExample } from '../parse/log.ts';
import { formatDate } from '../parse/date.ts';
import { formatDuration } from '../parse/duration.ts';
import { certStatus, countedCategories } from '../programs/status.ts';
import { hoursProgress, hoursText, shareProgress } from './format.ts';
import { serially } from '../serial.ts';
import { DayFullError } from '../store/port.ts';

/** /hours log: parse, check the day's total, store (once per request), then say what was saved. */
export async function logHours(ctx: Context, text: string): Promise<Reply> {
  return serially(`hours:${ctx.actor.person.id}`, () => logHoursNow(ctx, text));
}

async function logHoursNow(ctx: Context, text: string): Promise<Reply> {
  const { services, actor } = ctx;
  const program = services.programs.forPerson(actor.person.programId);
  const today = services.clock.now().startOf('day');
  const parsed = parseLog(text, program, today);
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
    })
    .catch((error: unknown) => {
      if (!(error instanceof DayFullError)) throw error;
      throw new UserError(
        'day-over-24-hours',
        `That would make more than 24 hours on ${formatDate(parsed.date)}.\nYou already logged ${hoursText(error.already)} that day.`,
        logExample(program),
      );
    });
  const entries = await services.store.hours.list(actor.person.id);
  const what = `${formatDuration(entry.minutes)} of ${parsed.category.label.toLowerCase()} on ${formatDate(entry.date)}`;
  const blocks: Block[] = [{ kind: 'text', text: created ? `Saved: ${what}.` : `I already saved this: ${what}.` }];
  if (entry.note) blocks.push({ kind: 'text', text: `Note: ${entry.note}` });
  const all = entries;
  for (const status of certStatus(program, actor.person, all, services.clock.today())) {
    // Progress of every goal these hours count toward (internship, training, continuing education).
    if (!countedCategories(program, status.requirement).has(entry.category)) continue;
    const block = hoursProgress(status) ?? shareProgress(status);
    if (block) blocks.push(block);
  }
  blocks.push({
    kind: 'actions',
    buttons: [{ label: 'Undo', command: 'hours', args: `delete ${entry.id}`, style: 'danger' }],
  });
  return reply(blocks);
}
