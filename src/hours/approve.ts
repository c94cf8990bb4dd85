import type { Context } from '../bot.ts';
import * as say from '../messages/review.ts';
import { UserError } from '../errors.ts';
import { reply, textReply } from '../message.ts';
import type { Block, Reply } from '../message.ts';
import { canSee, displayName, hasRole, isActive, requireMentioned, takeMention } from '../people.ts';
import type { Person } from '../store/schema.ts';
import { entryLine, hoursText } from './format.ts';
import { personStatus } from '../programs/status.ts';
import { historyItem, nextAction } from './history.ts';
import type { HourEntry } from '../store/schema.ts';
import { tell } from '../notify/tell.ts';

const EXAMPLE = '/hours approve @alice';
/** Rows of buttons in one reply: Discord allows 5 rows, Slack 25 elements. */
const MAX_ROWS = 5;

function checkReviewer(ctx: Context): void {
  if (!hasRole(ctx.actor, 'supervisor')) throw new UserError('not-supervisor', say.ONLY_SUPERVISOR, '/hours');
}

async function mentorsOf(ctx: Context): Promise<Person[]> {
  const people = await ctx.services.store.people.all();
  return people.filter(
    (p) => p.id !== ctx.actor.person.id && isActive(p) && canSee(ctx.actor, p) && p.role === 'mentor',
  );
}

/**
 * /hours approve [@user] [all | ids] and /hours reject @user <ids>.
 * With no ids it lists what waits, with buttons. Doing it twice changes nothing the second time.
 */
export async function reviewHours(ctx: Context, text: string, decision: 'approved' | 'rejected'): Promise<Reply> {
  checkReviewer(ctx);
  const [mention, rest] = takeMention(text);
  const verb = decision === 'approved' ? 'approve' : 'reject';
  if (!mention) {
    if (decision === 'rejected') throw new UserError('reject-who', say.REJECT_WHO, '/hours reject @alice 3');
    const list = await listWaiting(ctx, await mentorsOf(ctx));
    // "/hours approve all" with no name: say plainly that nothing was approved yet, above the list.
    if (!/^all$/i.test(rest.trim())) return list;
    return {
      ...list,
      blocks: [{ kind: 'text', text: say.NOTHING_YET_WHOSE }, ...list.blocks],
    };
  }
  const person = await requireMentioned(ctx.services, mention, ctx.inv.platform, EXAMPLE);
  if (!canSee(ctx.actor, person) || person.id === ctx.actor.person.id) {
    throw new UserError('not-your-mentor', say.notYourMentor(verb), EXAMPLE);
  }
  const { words, reason } = idsAndReason(rest);
  if (decision === 'approved' && reason)
    throw new UserError('approve-words', `I don't understand "${reason}".`, `/hours approve ${mention} all`);
  if (words.length === 0) return listWaiting(ctx, [person]);
  const all = words.length === 1 && /^all$/i.test(words[0]!);
  const ids = all
    ? ((await ctx.services.store.hours.pending([person.id])).get(person.id) ?? []).map((e) => e.id)
    : words.map((w) => w.replace(/^#/, ''));
  // One write for all of them: the entries named, as they are now (another change in between is not undone).
  const entries = await ctx.services.store.hours.list(person.id);
  const n = await nextAction(ctx.services, person.id, entries);
  const result = await ctx.services.store.hours.review(person.id, ids, decision, ctx.actor.person.id, {
    history: historyItem(ctx.services, ctx.actor.person.id, decision, n),
    at: ctx.services.clock.now().toISO()!,
    ...(reason ? { note: reason } : {}),
  });
  if (result.unknown.length)
    throw new UserError(
      'entry-not-found',
      say.noEntry(displayName(person), result.unknown[0]!),
      `/hours ${verb} ${mention} all`,
    );
  const changed = result.changed.length;
  const rejected = decision === 'rejected' ? result.changed : [];
  if (rejected.length) await tellRejected(ctx, person, rejected, reason);
  const approved = decision === 'approved';
  if (changed === 0)
    return textReply(say.NOTHING_CHANGED, ids.length ? say.alreadyDecided(approved) : say.NONE_WAITING);
  return textReply(
    say.decided(approved, changed, displayName(person)),
    ...(rejected.length ? [say.toldMentor(displayName(person), Boolean(reason))] : []),
  );
}

async function listWaiting(ctx: Context, people: Person[]): Promise<Reply> {
  const blocks: Block[] = [];
  let rows = 0;
  const pending = await ctx.services.store.hours.pending(people.map((p) => p.id));
  for (const person of people) {
    const waiting = pending.get(person.id) ?? [];
    if (waiting.length === 0) continue;
    const entries = await ctx.services.store.hours.list(person.id);
    if (waiting.length === 0) continue;
    const program = ctx.services.programs.forPerson(person.programId);
    // Entries dated outside their window are flagged here, before the supervisor approves them.
    const today = ctx.services.clock.today();
    const { outside } = personStatus(program, person, entries, today);
    const total = waiting.reduce((n, e) => n + e.minutes, 0);
    const ref = `@${person.id}`;
    blocks.push({ kind: 'heading', text: say.waitingHeading(displayName(person), hoursText(total)) });
    blocks.push({ kind: 'text', text: waiting.map((e) => entryLine(program, e, outside, today)).join('\n') });
    if (rows < MAX_ROWS) {
      const first = waiting[0]!;
      // Entry numbers are per person (two mentors both have #1), and Discord shows every button
      // below the list, so each label says whose hours it is.
      const whose = ` (${displayName(person)})`;
      blocks.push({
        kind: 'actions',
        buttons: [
          // The entries shown, by number: hours logged after the list was shown are not approved unseen.
          {
            label: say.approveAll(waiting.length, whose),
            command: 'hours',
            args: `approve ${ref} ${compactIds(waiting.map((e) => e.id))}`,
            style: 'primary',
          },
          ...(waiting.length > 1
            ? [{ label: say.approveOne(first.id, whose), command: 'hours', args: `approve ${ref} ${first.id}` }]
            : []),
          {
            label: say.rejectOne(first.id, whose),
            command: 'hours',
            args: `reject ${ref} ${first.id}`,
            style: 'danger' as const,
          },
        ],
      });
      rows += 1;
    }
  }
  if (blocks.length === 0) return textReply(say.NONE_WAITING);
  blocks.push({ kind: 'context', text: say.APPROVE_HINT });
  return reply(blocks);
}

const REASON_LIMIT = 500;

/** "2 3, wrong date: it was the 9th" -> ids ["2", "3"] and the reason "wrong date: it was the 9th". */
function idsAndReason(text: string): { words: string[]; reason: string } {
  const words: string[] = [];
  let rest = text.trim();
  for (;;) {
    const m = /^(#?\d+(?:-\d+)?|all)(?:[\s,]+|$)/i.exec(rest);
    if (!m) break;
    words.push(...expandRange(m[1]!));
    rest = rest.slice(m[0].length);
  }
  const reason = rest.replace(/^(because|reason:?|-|:)\s*/i, '').trim();
  if (reason.length > REASON_LIMIT)
    throw new UserError('reason-too-long', say.reasonTooLong(REASON_LIMIT), '/hours reject @alice 3 wrong date');
  return { words, reason };
}

/** The mentor hears which entries were not approved, why, and the one command that fixes each. */
async function tellRejected(ctx: Context, person: Person, entries: HourEntry[], reason: string): Promise<void> {
  const program = ctx.services.programs.forPerson(person.programId);
  const by = displayName(ctx.actor.person);
  const first = entries[0]!;
  const lines = [
    say.notApprovedBy(by, entries.length),
    ...entries.map((e) => entryLine(program, e)),
    ...(reason ? [say.reasonLine(reason)] : []),
    ...say.howToFix(first.id, by),
  ];
  await tell(ctx.services, [
    {
      key: `rejected:${person.id}:${entries.map((e) => e.id).join(',')}:${ctx.services.clock.now().toISO()}`,
      personId: person.id,
      reply: { blocks: [{ kind: 'text', text: lines.join('\n') }], private: true },
    },
  ]);
}

/** The most entries one range may name ("1-600"): more is surely a typo. */
const RANGE_LIMIT = 5000;

/** "3-6" -> 3 4 5 6; anything else is itself. */
function expandRange(word: string): string[] {
  const m = /^#?(\d+)-(\d+)$/.exec(word);
  if (!m) return [word];
  const [from, to] = [Number(m[1]), Number(m[2])];
  if (to < from || to - from >= RANGE_LIMIT)
    throw new UserError('bad-range', `I can't read the entries "${word}".`, '/hours approve @alice 3-6');
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

/**
 * The ids shown, with runs of consecutive ones written as ranges ("1-600 602"): an Approve all
 * button still names exactly the entries shown, in a value short enough for Slack and Discord.
 */
export function compactIds(ids: string[]): string {
  const numbers = ids.map(Number).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    parts.push(j > i ? `${numbers[i]}-${numbers[j]}` : String(numbers[i]));
    i = j + 1;
  }
  return parts.join(' ');
}
