import type { Command, Context, OptionSpec } from '../src/bot.ts';
import { UserError } from '../src/errors.ts';
import { reply } from '../src/message.ts';
import type { Block, Reply } from '../src/message.ts';
import { displayName, resolveTarget, takeMention } from '../src/people.ts';
import { splitSubcommand } from '../src/subcommand.ts';
import { wordTable } from '../src/lookup.ts';
import { openRequirements, personStatus } from '../src/programs/status.ts';
import { milestoneFor, milestoneHistory, recordMilestone, unmarkMilestone } from './cert-milestones.ts';
import type { RequirementStatus } from '../src/programs/status.ts';
import {
  amountText,
  entryLine,
  hoursProgress,
  nextStepText,
  NOT_STARTED_TEXT,
  shareProgress,
} from '../src/hours/format.ts';
import { findDate, formatDate, shortDate } from '../src/parse/date.ts';
import type { Program } from '../src/programs/schema.ts';
import type { Person } from '../src/store/schema.ts';
import { allMeetings } from '../src/meetings/meetings.ts';
import { attendanceOf } from '../src/meetings/attendance.ts';
import { ATTENDANCE_HEADING, attendanceHow, attendanceLine } from '../src/messages/attendance.ts';
import * as words from '../src/messages/cert.ts';

const MARK_EXAMPLE = '/cert mark @alice peer-mentor-101 3/4';

function requirementBlocks(s: RequirementStatus, today: string): Block[] {
  const due = s.due
    ? s.overdue
      ? `late since ${shortDate(s.due, today)}`
      : `due ${shortDate(s.due, today)}`
    : undefined;
  if (s.started === false) return [{ kind: 'text', text: `⬜ ${s.requirement.label}: ${NOT_STARTED_TEXT}` }];
  const bar = hoursProgress(s) ?? shareProgress(s);
  if (bar && bar.kind === 'progress') {
    const blocks: Block[] = [
      {
        ...bar,
        label: `${s.done ? '✅' : '⬜'} ${bar.label}`,
        note: [bar.note, s.done ? undefined : due].filter(Boolean).join(', ') || undefined,
      },
    ];
    for (const item of s.items ?? []) {
      const check = item.approved >= item.target ? '✅' : '⬜';
      blocks.push({
        kind: 'text',
        text: `    ${check} ${item.category.label}: ${amountText(item.approved, item.target)}`,
      });
    }
    return blocks;
  }
  const label = s.requirement.label;
  if (s.done)
    return [{ kind: 'text', text: `✅ ${label}: done${s.doneOn ? ` on ${shortDate(s.doneOn, today)}` : ''}` }];
  return [{ kind: 'text', text: `⬜ ${label}: not done yet${due ? `, ${due}` : ''}` }];
}

async function showStatus(ctx: Context, text: string): Promise<Reply> {
  const [mention] = takeMention(text);
  const person = await resolveTarget(ctx.services, ctx.actor, ctx.inv.platform, mention, 'progress');
  const program = ctx.services.programs.forPerson(person.programId);
  const entries = await ctx.services.store.hours.list(person.id);
  const today = ctx.services.clock.today();
  const status = personStatus(program, person, entries, today);
  const self = person.id === ctx.actor.person.id;
  const blocks: Block[] = [
    {
      kind: 'heading',
      text: `${self ? 'Your certification' : `Certification of ${displayName(person)}`}: ${program.name}`,
    },
  ];
  // The numbers first, in sentences ("You have 3 hours of face-to-face mentoring. You need 45."),
  // then a bar of the steps done, then every step.
  const who = self ? 'You' : displayName(person);
  for (const s of status.requirements) {
    if (s.started === false) continue;
    const amount = s.share?.minutes ?? (s.requirement.kind === 'hours' ? s.minutes : undefined);
    if (!amount) continue;
    const what =
      s.requirement.kind === 'face-to-face'
        ? 'of face-to-face mentoring'
        : `for the ${s.requirement.label.toLowerCase().replace(/ hours$/, '')}`;
    blocks.push({ kind: 'text', text: words.haveNeed(who, amount.approved, amount.target, what) });
  }
  const counted = status.requirements.filter((s) => s.started !== false);
  blocks.push({
    kind: 'progress',
    label: words.STEPS_LABEL,
    done: counted.filter((s) => s.done).length,
    total: counted.length,
    unit: 'steps',
  });
  for (const s of status.requirements) blocks.push(...requirementBlocks(s, today));
  const next = openRequirements(status.requirements)[0];
  // The "next" texts speak to the mentor ("Show your supervisor…"); others see what is missing.
  if (next)
    blocks.push({
      kind: 'text',
      text: self
        ? `Next step: ${nextStepText(next, true, today)}`
        : `Next step for ${displayName(person)}: ${nextStepText(next, false, today)}`,
    });
  else blocks.push({ kind: 'text', text: words.ALL_DONE });
  const attendance = await attendanceBlock(ctx, program, person, self);
  if (attendance) blocks.push(attendance);
  if (status.outside.length)
    blocks.push({
      kind: 'text',
      text: [words.NOT_COUNTED, ...status.outside.map((o) => entryLine(program, o.entry, status.outside, today))].join(
        '\n',
      ),
    });
  if (status.waiting)
    blocks.push({
      kind: 'context',
      text: words.waitingLine(status.waiting),
    });
  return reply(blocks);
}

/** "3/10" in this year, "2025-03-10" in another: a date /meet attended reads back. */
function typedDate(iso: string, today: string): string {
  return iso.slice(0, 4) === today.slice(0, 4) ? `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}` : iso;
}

/** The meetings the program counts (the monthly calls): how many of them the person came to. Mentors only. */
async function attendanceBlock(
  ctx: Context,
  program: Program,
  person: Person,
  self: boolean,
): Promise<Block | undefined> {
  if (person.role !== 'mentor' || !program.meetings?.length) return undefined;
  const today = ctx.services.clock.today();
  const counted = attendanceOf(program, person, await allMeetings(ctx.services), ctx.services.clock.now());
  if (!counted.length) return undefined;
  const lines = counted.map((a) =>
    attendanceLine(self ? undefined : displayName(person), a.label, a.came, a.missed, today),
  );
  const missed = counted
    .map((a) => a.lastMissed)
    .filter(Boolean)
    .at(-1);
  if (self && missed) lines.push(attendanceHow(`/meet attended ${missed.meetingId} ${typedDate(missed.date, today)}`));
  return { kind: 'text', text: [ATTENDANCE_HEADING, ...lines].join('\n') };
}

/** /cert mark @user <milestone> [date]: a supervisor or facilitator records a milestone as done. */
async function markMilestone(ctx: Context, text: string): Promise<Reply> {
  const today = ctx.services.clock.now().startOf('day');
  const { person, milestone, after } = await milestoneFor(ctx, text, MARK_EXAMPLE, (rest) => {
    const date = findDate(rest, today, MARK_EXAMPLE);
    return date ? { words: date.rest, after: date.value } : { words: rest };
  });
  const day = after ?? today.toISODate()!;
  if (day > today.toISODate()!)
    throw new UserError('date-in-future', 'That date is in the future. Mark a step after it is done.', MARK_EXAMPLE);
  await recordMilestone(ctx, person.id, milestone.id, 'marked', day);
  return reply([
    {
      kind: 'text',
      text: `Marked as done: ${milestone.label} for ${displayName(person)}, on ${formatDate(day, ctx.services.clock.today())}.`,
    },
  ]);
}

/** Whose step, and which: the first options of /cert mark and /cert unmark. */
const WHOSE_STEP: OptionSpec[] = [
  { name: 'user', description: 'The person', type: 'user', required: true },
  {
    name: 'milestone',
    description: 'The step, like peer-mentor-101',
    type: 'string',
    required: true,
    autocomplete: 'milestone',
  },
];

const SUBCOMMANDS = wordTable({
  mark: 'mark',
  done: 'mark',
  unmark: 'unmark',
  undone: 'unmark',
  takeback: 'unmark',
  history: 'history',
  changes: 'history',
  show: 'show',
  status: 'show',
});

export default {
  name: 'cert',
  description: 'See how close you are to certification.',
  examples: ['/cert'],
  roleExamples: { supervisor: ['/cert @alice', MARK_EXAMPLE, '/cert unmark @alice peer-mentor-101'] },
  subcommands: [
    {
      name: 'show',
      description: 'Certification status',
      options: [{ name: 'user', description: 'Someone you supervise', type: 'user' }],
    },
    {
      name: 'mark',
      description: 'Mark a step as done',
      options: [...WHOSE_STEP, { name: 'date', description: 'When it was done (default today)', type: 'string' }],
    },
    {
      name: 'history',
      description: 'Who marked each step, and when',
      options: [{ name: 'user', description: 'Someone you supervise', type: 'user' }],
    },
    {
      name: 'unmark',
      description: 'Take back a step marked by mistake',
      options: [...WHOSE_STEP],
    },
  ],
  async run(ctx, text) {
    const split = splitSubcommand(text, SUBCOMMANDS);
    if (split?.[0] === 'mark') return markMilestone(ctx, split[1]);
    if (split?.[0] === 'unmark') return unmarkMilestone(ctx, split[1]);
    if (split?.[0] === 'history') return milestoneHistory(ctx, split[1]);
    return showStatus(ctx, split ? split[1] : text);
  },
} satisfies Command;
