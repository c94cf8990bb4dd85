import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminderCheck } from '../../src/notify/reminders.ts';
import { meetingStore } from '../../src/meetings/meetings.ts';
import { servicesAt } from '../notify/fixtures.ts';
import { typedCommand } from './driver.ts';
import { startBot } from './harness.ts';
import type { Bot } from './harness.ts';
import { CHANNEL_ID } from './fake-discord.ts';
import { chatInput, idOf } from './payloads.ts';

const LC = '/meet schedule "Learning Collaborative" meeting every 2nd tuesday 10:00 90m https://zoom.us/j/123';

describe('where a meeting can be scheduled on Discord', () => {
  let bot: Bot;
  const schedule = () => {
    const { command, options } = typedCommand(bot.services, LC);
    return bot.interact(chatInput('fran', command, options));
  };
  beforeAll(async () => {
    bot = await startBot({ registerOnStart: false }, { PEERBOT_NOW: '2026-03-02T09:00:00-06:00' });
    await bot.services.store.people.put({
      id: 'fran',
      name: 'Fran',
      role: 'facilitator',
      programId: 'wi-peer-mentor',
      milestones: {},
      nudgesMuted: false,
      createdAt: '2026-01-01T00:00:00-06:00',
    });
    await bot.services.store.people.link(`discord:${idOf('fran')}`, 'fran');
  });
  afterAll(async () => bot.close());

  it('refuses /meet schedule at once in a channel the bot cannot see (50001 Missing Access), and stores nothing', async () => {
    bot.fake.closed.set(CHANNEL_ID, 'missing');
    const seen = await schedule();
    expect(seen.text).toContain("I can't post in this private channel.");
    expect(seen.text).toContain('Ask a server admin to let me see and post in this channel');
    expect(await (await meetingStore(bot.services)).all()).toEqual([]);
  });

  it('tells the facilitator once by direct message when reminders later fail with 10003 Unknown Channel', async () => {
    bot.fake.closed.delete(CHANNEL_ID);
    expect((await schedule()).text).toContain('Scheduled: Learning Collaborative');
    bot.fake.closed.set(CHANNEL_ID, 'unknown');
    const db = bot.services.config.dbPath;
    for (const at of ['2026-03-09T10:00:00-05:00', '2026-03-10T09:05:00-05:00']) {
      const later = await servicesAt(db, at);
      later.adapters = [bot.adapter];
      expect(await runReminderCheck(later, [bot.adapter])).toEqual([]);
    }
    const dms = bot.fake.requests.filter(
      (r) => r.method === 'POST' && r.path === `/channels/77${idOf('fran')}/messages`,
    );
    expect(dms).toHaveLength(1);
    expect(JSON.stringify(dms[0]!.body)).toContain('The reminders for Learning Collaborative could not be posted.');
    expect(JSON.stringify(dms[0]!.body)).toContain('It was archived or deleted.');
  });
});
