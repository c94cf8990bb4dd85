/**
 * `npm run lint:messages`: renders every kind of message the bot sends, with realistic values,
 * for each role, and measures its plain language. It drives the real core (createServices +
 * dispatch, a temp lowdb store, a fixed PEERBOT_NOW) through a script of commands per role,
 * builds the nudges and meeting reminders with the real builders, and asks a sample of policy
 * questions. Each message goes through retext (retext-english) with retext-readability,
 * retext-simplify and retext-equality.
 *
 * Per message it reports the reading grade (Flesch-Kincaid, on the prose: commands, ids,
 * links, bars and emoji are taken out first), the longest sentence in words, and the phrases
 * the plugins flag. Targets, for messages a peer mentor reads: every sentence at most 15
 * words, and a grade of 6 or below per message. A message that misses a target and is not in
 * EXCEPTIONS (each with its reason) makes the script exit 1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { retext } from 'retext';
import retextEnglish from 'retext-english';
import retextReadability from 'retext-readability';
import retextSimplify from 'retext-simplify';
import retextEquality from 'retext-equality';
import { visit } from 'unist-util-visit';
import { toString } from 'nlcst-to-string';
import { syllable } from 'syllable';
import { fleschKincaid } from 'flesch-kincaid';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/app.ts';
import { dispatch } from '../src/bot.ts';
import { plainText } from '../src/message.ts';
import type { Reply } from '../src/message.ts';
import { silentLogger } from '../src/services.ts';
import type { Adapter } from '../src/adapter.ts';
import type { Services } from '../src/services.ts';
import { deadlinesFor } from '../src/programs/deadlines.ts';
import { adminSummary, ownReminder, supervisorDigest } from '../src/messages/digest.ts';
import type { MentorDeadline } from '../src/messages/digest.ts';
import { runReminderCheck } from '../src/notify/reminders.ts';
import { SCRIPT, POLICY_SAMPLE } from './lint-messages-script.ts';
import type { Reader } from './lint-messages-script.ts';

export const MAX_SENTENCE_WORDS = 15;
export const MAX_GRADE = 6;
/**
 * Below this many words a reading grade says little: one long word ("mentoring", "facilitator")
 * moves a six-word reply by several grades. Shorter messages are held to the sentence length
 * only; their grade is still shown.
 */
export const MIN_WORDS_FOR_GRADE = 12;

/**
 * Messages allowed past a target, and why. `match` is tested against "<where> | <text>".
 * Keep this list short: fixing the words is almost always better than adding a line here.
 */
const EXCEPTIONS: Array<{ match: RegExp; why: string; only?: 'grade' }> = [
  {
    match: /^policy answer/,
    why: 'Policy answers quote the program documents (the rule in their words, with its source); their wording belongs to data/policies, and they are measured and shown here so the policy owners can shorten them.',
  },
  {
    match:
      /Wisconsin Board for People with Developmental Disabilities|Certified Peer Specialist|North Carolina Peer Support Services/,
    why: 'The official name of a program or of the board that runs it is kept once, so people can find it on their papers; the long words are in that name.',
  },
  {
    only: 'grade',
    match: /^mentor: \/help hours \|/,
    why: 'It lists every kind of hours by its name in the program file ("Continuing education", "Helping lead a group"), one per line with the word to type: names, not sentences, and each is the shortest everyday name we found.',
  },
  {
    match: /^mentor: \/hours export\b/,
    why: 'A CSV file: column names and values, not sentences.',
  },
  {
    match: /^mentor: \/meet ics\b/,
    why: 'An iCalendar file: not prose.',
  },
];

export interface Rendered {
  /** "mentor: /hours log 2h shadowing", "nudge to mentor", "policy answer: how many hours…" */
  where: string;
  reader: Reader;
  text: string;
}

export interface Measured extends Rendered {
  grade: number;
  words: number;
  longest: number;
  flagged: string[];
  missed: string[];
  exception?: string;
}

/** The prose of a message: commands, ids, links, bars and emoji out; every line a sentence. */
export function prose(text: string): string {
  return (
    text
      .split('\n')
      .map((line) =>
        line
          .replace(/https?:\/\/\S+|www\.\S+/g, 'the link')
          .replace(/(^|\s|\()\/[a-z][\s\S]*?(?=\)|$)/g, '$1this')
          .replace(/[▓░✅⬜⚠→•]/gu, ' ')
          .replace(/#\d+/g, 'entry')
          .replace(/\b[0-9a-f]{8}\b/g, 'it')
          .replace(/@(\w+)/g, '$1')
          .replace(/\s·\s/g, '. ')
          // An aside in brackets ("(45 hours still needed, 2 hours waiting)") is read on its own:
          // Slack and Discord show it as a separate field or small print, not inside the sentence.
          .replace(
            /\s*\(([^()]*)\)/g,
            (_, inner: string) =>
              `.\n${inner
                .split(/,\s*/)
                .map((s) => s.charAt(0).toUpperCase() + s.slice(1))
                .join('.\n')}`,
          )
          .replace(/[ \t]+/g, ' ')
          .trim(),
      )
      .flatMap((line) => line.split('\n'))
      .map((line) => line.trim())
      // A line that was only a command ("  /hours list 5") is not prose to read.
      .filter((line) => /[a-z]/i.test(line) && !/^(this|Example: this|Examples:?)\.?$/i.test(line))
      .map((line) => (/[.!?]$/.test(line) ? line : `${line.replace(/[:;,]$/, '')}.`))
      // One paragraph per line: the sentence reader never joins two lines into one sentence.
      .join('\n\n')
  );
}

const checker = retext()
  .use(retextEnglish)
  // Age 12 is about grade 6-7: the plugin flags a sentence most formulas put above it.
  .use(retextReadability, { age: MAX_GRADE + 6 })
  .use(retextSimplify)
  .use(retextEquality);

export async function measure(m: Rendered): Promise<Measured> {
  const text = prose(m.text);
  const tree = checker.parse(text);
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  let longest = 0;
  visit(tree, 'SentenceNode', (sentence) => {
    let n = 0;
    visit(sentence, 'WordNode', (word) => {
      n++;
      syllables += syllable(toString(word));
    });
    if (n === 0) return;
    sentences++;
    words += n;
    longest = Math.max(longest, n);
  });
  const grade = words
    ? Math.round(fleschKincaid({ sentence: sentences, word: words, syllable: syllables }) * 10) / 10
    : 0;
  const file = await checker.process(text);
  const flagged = file.messages.map((f) => `${f.source}: ${f.reason}`);
  const missed: string[] = [];
  if (m.reader === 'mentor') {
    if (longest > MAX_SENTENCE_WORDS) missed.push(`a sentence of ${longest} words`);
    if (grade > MAX_GRADE && words >= MIN_WORDS_FOR_GRADE) missed.push(`grade ${grade}`);
  }
  const exception = missed.length
    ? EXCEPTIONS.find(
        (e) => e.match.test(`${m.where} | ${m.text}`) && (!e.only || missed.every((x) => x.startsWith(e.only!))),
      )?.why
    : undefined;
  return { ...m, grade, words, longest, flagged, missed, ...(exception ? { exception } : {}) };
}

/** Drives the real core through the script and the notice builders; returns every message rendered. */
export async function renderAll(): Promise<Rendered[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerbot-lint-'));
  try {
    const config = loadConfig({
      PEERBOT_DB: path.join(dir, 'db.json'),
      PEERBOT_NOW: '2026-05-11T10:00:00-05:00',
      PEERBOT_ADMINS: 'admin,slack:UFRAN',
    });
    const services = await createServices(config, silentLogger);
    const out: Rendered[] = [];
    for (const step of SCRIPT) {
      const r = await run(services, step.as, step.line);
      if (step.measure !== false)
        out.push({ where: `${step.reader}: ${step.line}`, reader: step.reader, text: plainText(r) });
    }
    for (const question of POLICY_SAMPLE) {
      const r = await run(services, 'mia', `/ask ${question}`);
      out.push({ where: `policy answer: ${question}`, reader: 'mentor', text: plainText(r) });
    }
    out.push(...(await notices(services)));
    await services.store.close?.();
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function run(services: Services, user: string, line: string): Promise<Reply> {
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
  const [command, text] = m ? [m[1]!, m[2]!] : ['ask', line];
  return dispatch(services, { platform: 'console', userId: user, command, text });
}

/** Nudges (mentor, supervisor, digest) from the real deadlines, and meeting reminders from a dry run. */
async function notices(services: Services): Promise<Rendered[]> {
  const out: Rendered[] = [];
  const people = await services.store.people.all();
  const items: MentorDeadline[] = [];
  const mentors = people.filter((p) => p.role === 'mentor');
  for (const person of people) {
    const deadlines = await deadlinesFor(services, person);
    if (!deadlines.length) continue;
    for (const d of deadlines) {
      if (!d.doneBy)
        out.push({ where: `reminder to mentor (${d.label})`, reader: 'mentor', text: plainText(ownReminder([d])) });
      const one = supervisorDigest({
        items: [{ mentor: person, deadline: d }],
        waiting: { count: 3, old: [] },
        oldDue: false,
      });
      out.push({ where: `reminder to supervisor (${d.label})`, reader: 'supervisor', text: plainText(one) });
      items.push({ mentor: person, deadline: d });
    }
    const own = deadlines.filter((d) => !d.doneBy);
    if (own.length > 1)
      out.push({ where: 'several reminders to a mentor', reader: 'mentor', text: plainText(ownReminder(own)) });
  }
  if (items.length) {
    const waiting = { count: 12, old: mentors.slice(0, 1).map((mentor) => ({ mentor, count: 2 })) };
    const weekly = supervisorDigest({ weekOf: '2026-05-11', mentors, items, waiting, oldDue: true });
    out.push({ where: 'weekly summary', reader: 'supervisor', text: plainText(weekly) });
    const many = supervisorDigest({ items, waiting, oldDue: true });
    out.push({ where: 'reminders about several mentors', reader: 'supervisor', text: plainText(many) });
  }
  if (mentors.length)
    out.push({ where: 'weekly word to admins', reader: 'admin', text: plainText(adminSummary(mentors.slice(0, 2))) });
  // Reminders go to the channel a meeting was scheduled in: one Slack meeting tomorrow, and a
  // dry run with an adapter that is never called (a dry run sends nothing).
  await dispatch(services, {
    platform: 'slack',
    userId: 'UFRAN',
    channelId: 'C1',
    command: 'meet',
    text: 'schedule "Peer support chat" call once 2026-05-12 09:00 1h https://zoom.us/j/2',
  });
  const never = async () => {
    throw new Error('a dry run sends nothing');
  };
  const slack: Adapter = { platform: 'slack', start: never, stop: never, sendDirect: never, postToChannel: never };
  for (const sent of await runReminderCheck(services, [slack], { dryRun: true }))
    out.push({ where: `meeting reminder to ${sent.to}`, reader: 'mentor', text: sent.text });
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round(((sorted[mid - 1]! + sorted[mid]!) / 2) * 10) / 10;
}

function pad(s: string | number, n: number): string {
  const t = String(s);
  return t.length >= n ? t.slice(0, n) : t + ' '.repeat(n - t.length);
}

async function main(): Promise<number> {
  const verbose = process.argv.includes('--verbose');
  const measured: Measured[] = [];
  for (const m of await renderAll()) measured.push(await measure(m));
  const lines: string[] = [];
  lines.push(`${pad('message', 58)} ${pad('reader', 10)} ${pad('grade', 6)} ${pad('words', 6)} flagged / missed`);
  for (const m of measured) {
    const notes = [
      ...m.missed.map((x) => `MISSED ${x}${m.exception ? ' (exception)' : ''}`),
      ...(verbose ? m.flagged : m.flagged.slice(0, 2)),
    ].join('; ');
    lines.push(
      `${pad(m.where.replace(/\s+/g, ' '), 58)} ${pad(m.reader, 10)} ${pad(m.grade, 6)} ${pad(m.longest, 6)} ${notes}`,
    );
    if (verbose && m.missed.length) lines.push(`    ${m.text.replace(/\n/g, '\n    ')}`);
  }
  const summary = (label: string, group: Measured[]) => {
    if (!group.length) return;
    const grades = group.map((m) => m.grade);
    const worst = group.reduce((a, b) => (b.grade > a.grade ? b : a));
    const long = group.filter((m) => m.words >= MIN_WORDS_FOR_GRADE);
    const worstLong = long.length ? long.reduce((a, b) => (b.grade > a.grade ? b : a)) : undefined;
    lines.push(
      `${pad(label, 20)} messages ${pad(group.length, 4)} median grade ${pad(median(grades), 5)} worst ${pad(worst.grade, 5)} (${worst.where.slice(0, 40)})`,
      `${' '.repeat(20)} worst of ${MIN_WORDS_FOR_GRADE}+ words ${worstLong ? `${worstLong.grade} (${worstLong.where.slice(0, 40)})` : '-'}, longest sentence ${Math.max(...group.map((m) => m.longest))} words`,
    );
  };
  lines.push('', 'Summary');
  const mentor = measured.filter((m) => m.reader === 'mentor' && !m.where.startsWith('policy answer'));
  summary('all messages', measured);
  summary('mentor-facing', mentor);
  summary(
    'policy answers',
    measured.filter((m) => m.where.startsWith('policy answer')),
  );
  for (const reader of ['supervisor', 'facilitator', 'admin'] as const)
    summary(
      `${reader}-facing`,
      measured.filter((m) => m.reader === reader),
    );
  const failing = measured.filter((m) => m.missed.length && !m.exception);
  const excused = measured.filter((m) => m.missed.length && m.exception);
  lines.push(
    `targets for mentor-facing messages: sentences <= ${MAX_SENTENCE_WORDS} words, grade <= ${MAX_GRADE}`,
    `${failing.length} missed, ${excused.length} excused by an exception listed in scripts/lint-messages.ts`,
  );
  for (const m of failing)
    lines.push(`MISSED: ${m.where}: ${m.missed.join(', ')}\n    ${prose(m.text).replace(/\n/g, '\n    ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return failing.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exit(2);
    },
  );
}
