import type { Context } from '../bot.ts';
import { reply } from '../message.ts';
import type { Block, Reply } from '../message.ts';
import { displayName, resolveTarget, takeMention } from '../people.ts';
import * as words from '../messages/hours.ts';
import { certStatus, totalsByCategory } from '../programs/status.ts';
import { categoryLabel, hoursProgress, hoursText, shareProgress } from './format.ts';

/** /hours [@user]: totals by category, the face-to-face share, and progress. */
export async function hoursSummary(ctx: Context, text: string): Promise<Reply> {
  const [mention] = takeMention(text);
  const person = await resolveTarget(ctx.services, ctx.actor, ctx.inv.platform, mention, 'hours');
  const program = ctx.services.programs.forPerson(person.programId);
  const entries = await ctx.services.store.hours.list(person.id);
  const name = person.id === ctx.actor.person.id ? undefined : displayName(person);
  const blocks: Block[] = [{ kind: 'heading', text: words.whoseHours(program.name, name) }];
  if (entries.length === 0) {
    blocks.push({ kind: 'text', text: words.NO_HOURS });
    return reply(blocks);
  }
  const totals = totalsByCategory(entries);
  blocks.push({
    kind: 'fields',
    fields: [...totals].map(([id, t]) => ({
      label: categoryLabel(program, id),
      value: `${hoursText(t.approved)}${t.pending ? words.waitingPart(hoursText(t.pending)) : ''}`,
    })),
  });
  for (const status of certStatus(program, person, entries, ctx.services.clock.today())) {
    const block = hoursProgress(status) ?? shareProgress(status);
    if (block && status.requirement.kind !== 'yearly-hours') blocks.push(block);
  }
  blocks.push({
    kind: 'context',
    text: words.ONLY_APPROVED,
  });
  return reply(blocks);
}
