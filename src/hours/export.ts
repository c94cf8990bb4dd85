import { stringify } from 'csv-stringify/sync';
import type { Context } from '../bot.ts';
import { reply, textReply } from '../message.ts';
import type { Reply } from '../message.ts';
import { displayName, resolveTarget, takeMention } from '../people.ts';
import type { HourEntry, Person } from '../store/schema.ts';
import type { Services } from '../services.ts';
import { UserError } from '../errors.ts';
import { canSee, hasRole, isActive } from '../people.ts';
import { reviewOf } from './review-state.ts';

/**
 * The six SPEC columns first, in order; then who and what each row is, for a team file or an
 * audit. The review columns say what the PDF report says (src/hours/review-state.ts): empty
 * while an entry waits for approval, and the reason only for an entry not approved.
 */
export const CSV_HEADER = [
  'date',
  'category',
  'minutes',
  'face_to_face',
  'status',
  'note',
  'id',
  'person',
  'reviewed_by',
  'reviewed_at',
  'review_note',
] as const;

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

/** One person's entries, with the names the export shows for them and their reviewers. */
export interface ExportRows {
  person: Person;
  entries: HourEntry[];
}

/**
 * SPEC "Hours export CSV": the six columns in order (then id, person, reviewer, review time and
 * reason), one row per entry, oldest first. Fields are quoted per RFC 4180 (a quote inside is
 * doubled); the note and the reason are always quoted, and so is a neutralised cell (names too).
 * Lines end with a line feed.
 */
export function hoursCsv(groups: ExportRows[], nameOf: (id: string) => string = (id) => id): string {
  const rows = groups
    .flatMap(({ person, entries }) => entries.map((e) => ({ person, e })))
    .sort((a, b) => a.e.date.localeCompare(b.e.date) || a.e.createdAt.localeCompare(b.e.createdAt))
    .map(({ person, e }) => ({ person, e, review: reviewOf(e) }))
    .map(({ person, e, review }) => ({
      date: e.date,
      category: e.category,
      minutes: String(e.minutes),
      face_to_face: String(e.faceToFace),
      status: e.status,
      note: e.note,
      id: e.id,
      person: displayName(person),
      reviewed_by: review.by ? nameOf(review.by) : '',
      reviewed_at: review.at ?? '',
      review_note: review.reason ?? '',
    }));
  return stringify(rows, {
    header: true,
    columns: CSV_HEADER.map((key) => ({ key })),
    record_delimiter: 'unix',
    // An empty cell is written "" (cast is not called for empty strings).
    quoted_empty: true,
    cast: {
      string: (value, context) => {
        if (context.header) return value;
        const safe = neutralise(value);
        // Free text (the note, the reviewer's reason) is always quoted.
        const text = context.column === 'note' || context.column === 'review_note';
        return text || safe !== value ? { value: safe, quoted: true } : value;
      },
    },
  });
}

/** /hours export [@user]: a CSV file of my entries, or of a mentor I may see. */
export async function exportHours(ctx: Context, text: string): Promise<Reply> {
  if (/^(team|all|everyone)$/i.test(text.trim())) return exportTeam(ctx);
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
          content: hoursCsv([{ person, entries }], await namer(ctx.services)),
        },
      ],
    },
  );
}

/** Names for reviewer ids, read once per export. */
async function namer(services: Services): Promise<(id: string) => string> {
  const people = new Map((await services.store.people.all()).map((p) => [p.id, displayName(p)]));
  return (id) => people.get(id) ?? id;
}

/** /hours export team: every entry of the mentors a supervisor (or facilitator: everyone) may see, in one file. */
async function exportTeam(ctx: Context): Promise<Reply> {
  if (!hasRole(ctx.actor, 'supervisor'))
    throw new UserError('not-supervisor', 'Only supervisors and facilitators can export a team.', '/hours export');
  const mentors = (await ctx.services.store.people.all()).filter(
    (p) => p.role === 'mentor' && p.id !== ctx.actor.person.id && isActive(p) && canSee(ctx.actor, p),
  );
  if (!mentors.length) return textReply('Nobody is assigned to you yet, so there are no hours to export.');
  const groups = await Promise.all(
    mentors.map(async (person) => ({ person, entries: await ctx.services.store.hours.list(person.id) })),
  );
  const count = groups.reduce((n, g) => n + g.entries.length, 0);
  return reply(
    [
      {
        kind: 'text',
        text: `Here are the hours of your team: ${mentors.length} ${mentors.length === 1 ? 'person' : 'people'}, ${count} ${count === 1 ? 'entry' : 'entries'}.\nThe file is a spreadsheet (CSV). You can open it in Excel or Google Sheets.`,
      },
    ],
    {
      files: [
        {
          filename: `hours-team-${ctx.services.clock.today()}.csv`,
          contentType: 'text/csv',
          content: hoursCsv(groups, await namer(ctx.services)),
        },
      ],
    },
  );
}
