import { stringify } from 'csv-stringify/sync';
import type { Context } from '../bot.ts';
import { reply } from '../message.ts';
import type { Reply } from '../message.ts';
import { displayName, resolveTarget, takeMention } from '../people.ts';
import type { HourEntry } from '../store/schema.ts';

export const CSV_HEADER = ['date', 'category', 'minutes', 'face_to_face', 'status', 'note'] as const;

/**
 * OWASP "CSV Injection": a spreadsheet reads a cell starting with one of these as a formula
 * (`=cmd|' /C calc'!A0` runs a program in old Excel). Such a cell gets a leading single quote,
 * which spreadsheets show as text and do not run, and is always quoted.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as it is safe to write: `=1+1` becomes `'=1+1`; anything else is unchanged. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * SPEC "Hours export CSV": the six columns in order, one row per entry, oldest first. Fields
 * are quoted per RFC 4180 (a quote inside is doubled); the note is always quoted, and so is a
 * neutralised cell. Lines end with a line feed.
 */
export function hoursCsv(entries: HourEntry[]): string {
  const rows = entries.map((e) => ({
    date: e.date,
    category: e.category,
    minutes: String(e.minutes),
    face_to_face: String(e.faceToFace),
    status: e.status,
    note: e.note,
  }));
  return stringify(rows, {
    header: true,
    columns: CSV_HEADER.map((key) => ({ key })),
    record_delimiter: 'unix',
    // An empty note is written "" like any other note (cast is not called for empty strings).
    quoted_empty: true,
    cast: {
      string: (value, context) => {
        if (context.header) return value;
        const safe = neutralise(value);
        return context.column === 'note' || safe !== value ? { value: safe, quoted: true } : value;
      },
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
