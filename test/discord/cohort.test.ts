import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionsCollection } from '../../src/policy/records.ts';
import { pdfText } from '../hours/pdf-text.ts';
import { startBot } from './harness.ts';
import type { Bot, Seen } from './harness.ts';
import { chatInput, group, idOf, str, sub, user } from './payloads.ts';
import type { RawOption } from './payloads.ts';

/** What a supervisor and a facilitator do with a cohort, as Discord slash commands over the real gateway. */
describe('running a cohort on Discord', () => {
  let bot: Bot;
  const run = (who: string, command: string, options: RawOption[] = []): Promise<Seen> =>
    bot.interact(chatInput(who, command, options));
  const admin = (subcommand: RawOption) => run('admin', 'peerbot', [group('admin', subcommand)]);

  beforeAll(async () => {
    bot = await startBot();
    await admin(sub('enroll', [user('user', 'sue'), str('name', 'Sue Park')]));
    await admin(sub('role', [user('user', 'sue'), str('role', 'supervisor')]));
    await admin(sub('role', [user('user', 'fran'), str('role', 'facilitator')]));
    await admin(sub('enroll', [user('user', 'alice'), user('supervisor', 'sue'), str('name', 'Alice Lee')]));
  });
  afterAll(async () => {
    await bot.close();
    await bot.services.store.close();
  });

  it('shows the history of an entry from typed options (/hours history id:1 user:@alice), privately', async () => {
    await run('alice', 'hours', [
      sub('log', [str('duration', '2h'), str('category', 'shadowing'), str('date', '3/13')]),
    ]);
    await run('sue', 'hours', [sub('reject', [user('user', 'alice'), str('entries', '1 wrong day')])]);
    const seen = await run('sue', 'hours', [sub('history', [str('id', '1'), user('user', 'alice')])]);
    expect(seen.ephemeral).toBe(true);
    expect(seen.text).toMatch(/History of entry #1 of Alice Lee: 2 hours of shadowing/);
    expect(seen.text).toMatch(/Alice Lee logged it on Monday, March 16 at 10:00 AM/);
    expect(seen.text).toMatch(/You did not approve it on Monday, March 16 at 10:00 AM\. Reason: wrong day/);
    const own = await run('alice', 'hours', [sub('history', [str('id', '1')])]);
    expect(own.text).toMatch(/Sue Park did not approve it on Monday, March 16 at 10:00 AM\. Reason: wrong day/);
    expect((await run('bob', 'hours', [sub('history', [str('id', '1'), user('user', 'alice')])])).text).toMatch(
      /You can only see your own hours/,
    );
  });

  it('gives a supervisor the PDF report of a mentor as a private file that reads back whole', async () => {
    await run('alice', 'hours', [sub('log', [str('duration', '1h'), str('category', '1on1'), str('date', '3/14')])]);
    await run('sue', 'hours', [sub('approve', [user('user', 'alice'), str('entries', '2')])]);
    const seen = await run('sue', 'hours', [sub('report', [user('user', 'alice')])]);
    expect(seen.ephemeral).toBe(true);
    const [name, bytes] = Object.entries(seen.fileBytes).find(([n]) => n.endsWith('.pdf'))!;
    expect(name).toMatch(/^hours-report-Alice-Lee-2026-03-16\.pdf$/);
    const text = await pdfText(bytes);
    expect(text).toContain('Hours report: Alice Lee');
    expect(text).toMatch(/Internship hours: 1 of 90 hours/);
    expect(text).toContain('Approved by Sue Park on March 16, 2026');
  });

  it('sends a facilitator’s answer to the person who asked, by direct message (/ask answer)', async () => {
    await run('alice', 'ask', [str('question', 'where do I park my bike at the agency?')]);
    const [question] = await (await questionsCollection(bot.services.store)).where({ status: 'open' });
    const before = bot.fake.requests.length;
    const done = await run('fran', 'ask', [
      str('question', `answer ${question!.id} Bikes go in the rack by the back door.`),
    ]);
    expect(done.text).toMatch(/I sent it to the person who asked/);
    // The direct-message channel with Alice (the stand-in names it 77<her id>; discord.js may have it cached).
    const message = await bot.fake.waitFor(
      (r) => r.path === `/channels/77${idOf('alice')}/messages` && /rack by the back door/.test(JSON.stringify(r.body)),
      before,
    );
    expect(JSON.stringify(message.body)).toMatch(/A facilitator answered your question/);
  });
});
