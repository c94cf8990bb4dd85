import { beforeAll, describe, expect, it } from 'vitest';
import { say, send, testServices } from '../helpers.ts';
import { allCommands } from '../../commands/index.ts';
import { INPUT_LIMIT, isTooLong } from '../../src/bot.ts';
import type { Services } from '../../src/services.ts';

const TOO_LONG = 'That is too long. Keep it under 2,000 characters.';
const KB100 = 100 * 1024;

/** Every command and subcommand a person can type, e.g. "hours log", "meet schedule". */
const LINES = allCommands.flatMap((c) => [
  `/${c.name} `,
  ...c.subcommands.map((s) => `/${c.name} ${s.name.split(' ').at(-1)} `),
]);

let s: Services;
beforeAll(async () => {
  s = await testServices();
  await say(s, 'admin', '/admin role @fran facilitator');
});

describe('a message over 2,000 characters', () => {
  it.each(LINES)('gets the plain message, with an example, for "%s" + 100 KB', async (start) => {
    for (const user of ['alice', 'fran', 'admin']) {
      const text = await say(s, user, start + 'a '.repeat(KB100 / 2));
      const [first, second] = text.split('\n');
      expect(first).toBe(TOO_LONG);
      expect(second).toMatch(/^Example: \/\w+/);
    }
  });

  it.each([
    ['quotes', '/hours log 2h shadowing ', '"a'],
    ['curly quotes', '/hours log 2h shadowing ', '\u201ca'],
    ['short words', '/meet schedule ', 'x '],
    ['quoted titles', '/meet schedule ', '"x" '],
    ['one long word', '/ask ', 'peer'],
  ])('refuses 100 KB of %s and stores nothing', async (_, start, unit) => {
    const before = await s.store.hours.list('alice');
    const text = await say(s, 'alice', start + unit.repeat(Math.ceil(KB100 / unit.length)));
    expect(text.split('\n')[0]).toBe(TOO_LONG);
    expect(await s.store.hours.list('alice')).toEqual(before);
    expect(await s.store.people.get('alice')).toBeUndefined();
  });

  it('refuses a 1 MB line with the same message', async () => {
    expect(await say(s, 'alice', '/ask ' + 'peer '.repeat(200_000))).toMatch(new RegExp(`^${TOO_LONG}`));
  });

  it('refuses a 100 KB command name too', async () => {
    expect(await say(s, 'alice', '/' + 'h'.repeat(KB100))).toMatch(new RegExp(`^${TOO_LONG}\nExample: /help`));
  });

  it('says /peerbot help on Slack and Discord', async () => {
    const reply = await send(s, 'U1', '/peerbot ' + 'x'.repeat(KB100), { platform: 'slack' });
    expect(JSON.stringify(reply)).toContain(TOO_LONG);
  });
});

describe('a message of up to 2,000 characters', () => {
  it('is read as usual: a long note still gets the 500-letter note message', async () => {
    const line = '/hours log 2h shadowing ' + 'a'.repeat(INPUT_LIMIT - 40);
    expect(await say(s, 'alice', line)).toMatch(
      /^The note is too long\. It has \d+ letters\. It can have 500 at most\./,
    );
  });

  it('counts characters, not code units: 2,000 emoji are allowed', () => {
    const emoji = '😀'.repeat(INPUT_LIMIT - '/ask '.length);
    expect(isTooLong({ command: 'ask', text: emoji })).toBe(false);
    expect(isTooLong({ command: 'ask', text: emoji + '😀' })).toBe(true);
  });

  it('counts the message as typed, slash included: "/ask" and 1,996 letters is 2,001 characters', () => {
    expect(isTooLong({ command: 'ask', text: 'a'.repeat(INPUT_LIMIT - 5) })).toBe(false);
    expect(isTooLong({ command: 'ask', text: 'a'.repeat(INPUT_LIMIT - 4) })).toBe(true);
    expect(isTooLong({ command: '/ask', text: 'a'.repeat(INPUT_LIMIT - 4) })).toBe(true);
  });
});
