import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { allCommands } from '../../commands/index.ts';
import { INPUT_LIMIT } from '../../src/bot.ts';
import type { Platform } from '../../src/bot.ts';
import type { FuzzInput } from './world.ts';
import { ROLE_USERS } from './world.ts';

/** One line of adversarial.jsonl: a bad input found by hand, or a long one as prefix + repeat × times. */
interface Seed {
  why: string;
  role?: keyof typeof ROLE_USERS;
  as?: string;
  input?: string;
  prefix?: string;
  repeat?: string;
  times?: number;
}

export const SEEDS: Seed[] = fs
  .readFileSync(path.join(import.meta.dirname, 'adversarial.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Seed);

/** A seed as one line; a long seed is cut to `length` characters (its full size would only meet the length limit). */
export function seedLine(seed: Seed, length?: number): string {
  if (seed.input !== undefined) return seed.input;
  const whole = seed.prefix! + seed.repeat!.repeat(seed.times!);
  return length === undefined ? whole : whole.slice(0, length);
}

export function seedUser(seed: Seed): string {
  return seed.as ?? ROLE_USERS[seed.role ?? 'mentor'];
}

const PROTOTYPE_WORDS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
  'toLocaleString',
];

/** Every command name, and every subcommand word people can type (Discord's subcommands, aliases, SPEC words). */
const COMMANDS = allCommands.map((c) => c.name);
const SUBCOMMANDS = [
  ...new Set([
    ...allCommands.flatMap((c) => c.subcommands.map((s) => s.name.split(' ').at(-1)!)),
    ...['add', 'ls', 'entries', 'del', 'remove', 'change', 'fix', 'csv', 'deny', 'totals', 'summary', 'status'],
    ...['done', 'upcoming', 'next', 'new', 'create', 'attend', 'went', 'calendar', 'ical', 'update', 'enroll'],
    ...['who', 'move', 'history', 'report', 'team', 'people', 'deactivate', 'unmark', 'answer', 'unanswered'],
    ...['reload', 'pass', 'feedback', 'mute', 'unmute', 'lgo', 'shwo', 'schedul'],
  ]),
];
const ROLES = ['mentor', 'supervisor', 'facilitator', 'admin', 'mentors', 'supervisr', 'boss'];
const CATEGORIES = ['shadowing', '1on1', 'group', 'mentoring', 'teleconference', 'ltc-system', 'shadowng', 'other'];
const MEETINGS = ['lc', 'mpc', 'mpc2', 'learning', 'LC', 'x'];
const MILESTONES = ['peer-mentor-101', 'exit-interview', 'age-18', 'forms'];
const USERS = ['alice', 'bob', 'sue', 'sam', 'fran', 'admin', 'nobody', 'AliceLee'];

const mention = fc.oneof(
  fc.constantFrom(...USERS, ...PROTOTYPE_WORDS).map((u) => `@${u}`),
  fc.constantFrom('<@U123>', '<@U123|alice>', '<@123456789>', '<@!42>', '<!channel>', '<!here>', '@everyone'),
  fc.constantFrom('<!subteam^S1>', '@here', '@', '@@', '@../../etc/passwd', '@alice:bob', '@a.b-c'),
);

const hugeNumber = fc.oneof(
  fc.constantFrom('1e308', '1e309', '-0', 'NaN', 'Infinity', '-1', '0', '99999999999999999999', '0x10', '1_000'),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.double({ noNaN: false }).map(String),
);

const duration = fc.oneof(
  fc.constantFrom(
    '2h',
    '1.5 hours',
    '90 min',
    '2 hrs 15 min',
    '1:30',
    '1 1/2 hours',
    'two hours',
    'an hour and a half',
  ),
  fc.constantFrom('25h', '0h', '-2h', '24h', '1440 min', '1441 min', '0.001h', '9999h', '.5h', '1,5h', '99:99'),
  hugeNumber.map((n) => `${n}h`),
  hugeNumber.map((n) => `${n} min`),
);

const year = fc.oneof(fc.integer({ min: 0, max: 99 }), fc.constantFrom(1899, 1900, 2025, 2026, 2027, 2028, 9999));
const date = fc.oneof(
  fc.constantFrom('today', 'yesterday', 'tomorrow', 'last friday', 'next tuesday', '3/4', '2026-03-04', 'march 4'),
  fc.constantFrom('2026-13-45', '2026-02-30', '0/0', '13/13', '31 feb', '3 days ago', 'on monday'),
  fc
    .tuple(year, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .chain(([y, m, d]) =>
      fc.constantFrom(
        `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        `${m}/${d}/${y}`,
        `${m}/${d}/${String(y).padStart(4, '0')}`,
        `${m}/${d}/${String(y).padStart(2, '0')}`,
      ),
    ),
);

const controlOrOdd = fc.oneof(
  fc.constantFrom('\u0000', '\u0007', '\u001b[31m', '\b', '\t', '\r', '\r\n', '\n', '\u2028', '\ufeff', '\u200b'),
  fc.constantFrom('\ud800', '\udfff', '😀', '👩🏽‍⚕️', 'é', 'ﬀ', 'İ', 'ß', '\u202e', 'Ω', '한국어', 'مرحبا'),
);

const quoted = fc.oneof(
  fc.string({ maxLength: 30 }).map((s) => `"${s}"`),
  fc.string({ maxLength: 30 }).map((s) => `\u201c${s}\u201d`),
  fc.constantFrom('"', '\u201c', '\u201d', "'", '""', '"unclosed', "it's", '`x`', '"=1+1"', '"@SUM(1)"'),
);

const word = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SUBCOMMANDS, ...CATEGORIES, ...MEETINGS, ...MILESTONES, ...ROLES) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_WORDS) },
  { weight: 2, arbitrary: mention },
  { weight: 2, arbitrary: duration },
  { weight: 2, arbitrary: date },
  { weight: 1, arbitrary: hugeNumber },
  { weight: 1, arbitrary: controlOrOdd },
  { weight: 1, arbitrary: quoted },
  { weight: 1, arbitrary: fc.constantFrom('program:', 'supervisor:@sue', 'hired:', 'internship-start:0050-01-01') },
  { weight: 1, arbitrary: fc.constantFrom('program:wi-peer-mentor', 'program:__proto__', 'name:"A B"', 'x:y') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('all', 'yes', 'no', '1', '2', '3', '99', 'every', 'weekly', 'once', 'monthly'),
  },
  { weight: 1, arbitrary: fc.constantFrom('10:00', '2pm', '25:00', 'noon', '90m', 'https://x.y', 'tel:123') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

const command = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...COMMANDS) },
  { weight: 1, arbitrary: fc.constantFrom('hour', 'HOURS', 'meeet', 'peerbot admin', 'peerbot help', 'peerbot link') },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_WORDS, '', 'x') },
);

/** A user of each role, someone new, or an id nobody should be able to break the store with. */
const user = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...Object.values(ROLE_USERS), 'bob', 'constructor') },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_WORDS, 'you', 'new-person', '../../etc/passwd', 'é😀') },
);
const platform = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Platform>('console') },
  { weight: 1, arbitrary: fc.constantFrom<Platform>('slack', 'discord') },
);

/** t`/hours log ${duration} ${category}`: a line built from a template with a generator in each slot. */
function t(parts: TemplateStringsArray, ...slots: Array<fc.Arbitrary<string>>): fc.Arbitrary<string> {
  return fc.tuple(...slots).map((values) => parts.reduce((line, part, i) => line + (values[i - 1] ?? '') + part));
}
const maybe = (a: fc.Arbitrary<string>) => fc.option(a, { nil: '' });
const words = fc.array(word, { maxLength: 4 }).map((ws) => ws.join(' '));
const pick = (...options: string[]) => fc.constantFrom(...options);
const category = fc.oneof(pick(...CATEGORIES), word);
const id = fc.oneof(pick('1', '2', '3', '4', '0', '99', 'last'), hugeNumber, word);
const meetingId = fc.oneof(pick(...MEETINGS), word);
const weekday = pick('monday', 'tuesday', 'thu', 'fri', 'sundays', 'tues', 'someday');
const recurrence = fc.oneof(
  t`once ${date}`,
  t`on ${date}`,
  t`weekly ${weekday}`,
  t`every ${pick('1st', '2nd', '3', 'fourth', 'last', '5th', 'constructor')} ${weekday}`,
  t`monthly ${fc.oneof(pick('1', '15', '31', '32', '0', '1st'), hugeNumber)}`,
);

/** The commands as SPEC writes them, with a generator in every slot: these get past the first words. */
const templated = fc.oneof(
  t`/hours log ${duration} ${category} ${maybe(date)} ${words}`,
  t`/hours log ${words} ${duration} ${maybe(quoted)}`,
  t`/hours ${duration} ${category}`,
  t`/hours edit ${id} ${fc.oneof(duration, category, date)}`,
  t`/hours ${pick('delete', 'history', 'del')} ${id}`,
  t`/hours ${pick('undo', 'list', 'export', 'show', '')} ${maybe(mention)} ${maybe(id)}`,
  t`/hours approve ${maybe(mention)} ${fc.oneof(pick('all', '1 2', '3'), id)}`,
  t`/hours reject ${mention} ${id} ${words}`,
  t`/cert ${maybe(mention)}`,
  t`/cert ${pick('mark', 'unmark', 'done')} ${mention} ${fc.oneof(pick(...MILESTONES), word)} ${maybe(date)}`,
  t`/deadlines ${fc.oneof(mention, pick('mute', 'unmute', ''))} ${maybe(mention)}`,
  t`/team ${words}`,
  t`/meet schedule ${fc.oneof(quoted, word)} ${fc.oneof(pick('meeting', 'call', 'training', 'other'), word)} ${recurrence} ${fc.oneof(pick('10:00', '2pm', '10 am', 'noon'), word)} ${maybe(duration)} ${maybe(pick('https://zoom.us/j/1', 'tel:+15555550100', 'www.x.org'))}`,
  t`/meet ${pick('rsvp', 'attended', 'skip', 'cancel', 'who', 'ics', 'list')} ${maybe(meetingId)} ${fc.oneof(pick('yes', 'no'), date, word)}`,
  t`/meet move ${meetingId} ${date} ${date} ${maybe(pick('11:00', '3pm'))}`,
  t`/ask ${words} ${word} ${words}?`,
  t`/ask ${pick('answer', 'feedback', 'pass', 'done')} ${id} ${fc.oneof(pick('yes', 'no'), words)}`,
  t`/admin enroll ${mention} ${maybe(t`program:${fc.oneof(pick('wi-peer-mentor', 'nc-peer-support', 'ma-cps'), word)}`)} ${maybe(t`supervisor:${mention}`)} ${maybe(t`hired:${date}`)} ${maybe(t`internship-start:${date}`)} ${maybe(t`name:${quoted}`)}`,
  t`/admin role ${mention} ${fc.oneof(pick(...ROLES), word)}`,
  t`/${pick('admin', 'peerbot admin')} ${pick('people', 'deactivate', 'enroll', 'role')} ${maybe(fc.oneof(mention, word))}`,
  t`/${pick('link', 'peerbot link')} ${mention} ${fc.oneof(pick('slack:U123', 'discord:42', 'slack:', 'alice'), word)}`,
  t`/help ${fc.oneof(pick(...COMMANDS), word)}`,
);

const generatedLine = fc
  .tuple(command, fc.array(word, { maxLength: 10 }), fc.constantFrom(' ', '  ', '\t', ' \u00a0'))
  .map(([c, ws, sep]) => `/${c} ${ws.join(sep)}`.trimEnd());

/** A seed, cut to a length around the limit (most under it, so the parsers themselves are driven). */
const seedInput: fc.Arbitrary<FuzzInput> = fc
  .tuple(fc.constantFrom(...SEEDS), fc.integer({ min: 20, max: INPUT_LIMIT + 50 }))
  .map(([seed, length]) => ({ user: seedUser(seed), platform: 'console' as const, line: seedLine(seed, length) }));

/** A long line: a command, then a few kilobytes of one repeated piece (the shape of every slow parse found). */
const longLine = fc
  .tuple(command, fc.array(word, { maxLength: 3 }), word, fc.integer({ min: 200, max: INPUT_LIMIT + 100 }))
  .map(([c, ws, piece, length]) => `/${c} ${ws.join(' ')} ${`${piece} `.repeat(length)}`.slice(0, length));

export const fuzzInput: fc.Arbitrary<FuzzInput> = fc.oneof(
  { weight: 2, arbitrary: seedInput },
  { weight: 1, arbitrary: fc.record({ user, platform, line: longLine }) },
  { weight: 4, arbitrary: fc.record({ user, platform, line: templated }) },
  { weight: 3, arbitrary: fc.record({ user, platform, line: generatedLine }) },
);
