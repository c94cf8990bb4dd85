import { stringify } from 'csv-stringify/sync';
import type { Context } from '../bot.ts';
import { reply } from '../message.ts';
import type { Reply } from '../message.ts';
import { displayName, resolveTarget, takeMention } from '../people.ts';
import type { HourEntry } from '../store/schema.ts';

export const CSV_HEADER = ['date', 'category', 'minutes', 'face_to_face', 'status', 'note'];

/** SPEC "Hours export CSV": one row per entry, oldest first; the note is always quoted (RFC 4180). */
export function hoursCsv(entries: HourEntry[]): string {
  const rows = entries.map((e) => [e.date, e.category, String(e.minutes), String(e.faceToFace), e.status, e.note]);
  return stringify([CSV_HEADER, ...rows], {
    record_delimiter: 'unix',
    quoted_empty: true,
    cast: {
      string: (value, context) =>
        context.index === 5 && !context.header && context.records > 0 ? { value, quote: true } : value,
    },
  });
}

/** /hours export [@user]: a CSV file of my entries, or of a mentor I may see. */
export async function exportHours(ctx: Context, text: string): Promise<Reply> {
  const [mention] = takeMention(text);
  const person = await resolveTarget(ctx.services, ctx.actor, ctx.inv.platform, mention, 'hours');
  const entries = await ctx.services.store.hours.list(person.id);
  const name = displayName(person).replace(/[^\w.-]+/g, '-');
  const count = entries.length === 1 ? '1 entry' : `${entries.length} entries`;
  const whose = person.id === ctx.actor.person.id ? 'your hours' : `the hours of ${displayName(person)}`;
  return reply(
    [
      {
        kind: 'text',
        text: `Here are ${whose}: ${count}.\nThe file is a spreadsheet (CSV). You can open it in Excel or Google Sheets.`,
      },
    ],
    {
      files: [
        {
          filename: `hours-${name}-${ctx.services.clock.today()}.csv`,
          contentType: 'text/csv',
          content: hoursCsv(entries),
        },
      ],
    },
  );
}
