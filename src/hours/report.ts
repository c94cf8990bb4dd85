import { DateTime } from 'luxon';
import type { Context } from '../bot.ts';
import { progressAmount, reply } from '../message.ts';
import type { Reply } from '../message.ts';
import { displayName, resolveTarget, takeMention } from '../people.ts';
import type { Program } from '../programs/schema.ts';
import { certStatus } from '../programs/status.ts';
import type { HourEntry, Person } from '../store/schema.ts';
import type { Services } from '../services.ts';
import { formatDuration } from '../parse/duration.ts';
import { categoryLabel, hoursProgress, hoursText, isDone, NOT_STARTED_TEXT, shareProgress } from './format.ts';
import { reviewOf, reviewText } from './review-state.ts';
import type { HoursReport } from './report-pdf.ts';

const longDate = (iso: string) => DateTime.fromISO(iso).toFormat('LLLL d, yyyy');

/** The words of a person's hours report, from the same status every other view uses. */
export async function buildHoursReport(
  services: Services,
  person: Person,
  program: Program,
  entries: HourEntry[],
): Promise<HoursReport> {
  const today = services.clock.today();
  const statuses = certStatus(program, person, entries, today);
  const names = new Map<string, string>();
  const nameOf = async (id: string) => {
    if (!names.has(id)) {
      const p = await services.store.people.get(id);
      names.set(id, p ? displayName(p) : id);
    }
    return names.get(id)!;
  };
  const sum = (status: HourEntry['status']) =>
    entries.filter((e) => e.status === status).reduce((n, e) => n + e.minutes, 0);
  const supervisor = person.supervisorId ? await nameOf(person.supervisorId) : undefined;
  for (const e of entries) if (e.reviewedBy) await nameOf(e.reviewedBy);
  const reviewDate = (iso: string) => DateTime.fromISO(iso).setZone(services.clock.zone).toFormat('LLLL d, yyyy');
  return {
    person: displayName(person),
    program: program.name,
    ...(supervisor ? { supervisor } : {}),
    generatedOn: longDate(today),
    requirements: statuses
      .filter((s) => s.requirement.kind !== 'milestone')
      .map((s) => {
        // The same words and the same done as /cert: yearly hours not started yet are not done.
        const bar = hoursProgress(s) ?? shareProgress(s);
        const done = isDone(s);
        const progress =
          s.started === false
            ? NOT_STARTED_TEXT
            : bar?.kind === 'progress'
              ? progressAmount(bar)
              : done
                ? 'done'
                : 'not done yet';
        return { label: official(s.requirement), progress, done };
      }),
    milestones: statuses
      .filter((s) => s.requirement.kind === 'milestone')
      .map((s) => ({ label: official(s.requirement), ...(s.doneOn ? { date: longDate(s.doneOn) } : {}) })),
    totals: [
      { label: 'Approved', value: hoursText(sum('approved')) },
      { label: 'Waiting for approval', value: hoursText(sum('pending')) },
      { label: 'Not approved', value: hoursText(sum('rejected')) },
    ],
    entries: entries.map((e) => ({
      id: e.id,
      date: e.date,
      category: official(program.categories.find((c) => c.id === e.category)) || categoryLabel(program, e.category),
      duration: formatDuration(e.minutes),
      review: reviewText(reviewOf(e), (id) => names.get(id) ?? id, reviewDate),
      note: e.note,
    })),
  };
}

/** /hours report [@user]: a PDF for the certification packet (mine, or a mentor's I may see). */
export async function reportHours(ctx: Context, text: string): Promise<Reply> {
  const [mention] = takeMention(text);
  const person = await resolveTarget(ctx.services, ctx.actor, ctx.inv.platform, mention, 'hours');
  const program = ctx.services.programs.forPerson(person.programId);
  const entries = await ctx.services.store.hours.list(person.id);
  // pdfkit (about 25 MB and a tenth of a second) is loaded by the first report, not at start.
  const { hoursReportPdf } = await import('./report-pdf.ts');
  const pdf = await hoursReportPdf(await buildHoursReport(ctx.services, person, program, entries));
  const name = displayName(person).replace(/[^\w.-]+/g, '-');
  const whose = person.id === ctx.actor.person.id ? 'your hours' : `the hours of ${displayName(person)}`;
  return reply(
    [
      {
        kind: 'text',
        text: `Here is a report of ${whose}.\nIt is a PDF file. You can print it for the certification packet.`,
      },
    ],
    {
      files: [
        {
          filename: `hours-report-${name}-${ctx.services.clock.today()}.pdf`,
          contentType: 'application/pdf',
          content: pdf,
        },
      ],
    },
  );
}

/** The certification packet names each step and kind as the program's documents do ("Evaluation by your agency"). */
function official(named: { label: string; official?: string } | undefined): string {
  return named ? (named.official ?? named.label) : '';
}
