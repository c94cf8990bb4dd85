import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.ts';
import { questionsCollection } from '../../src/policy/records.ts';
import { startBot } from './harness.ts';
import type { Bot, Seen } from './harness.ts';
import { APP_ID } from './fake-discord.ts';
import { buttonClick, idOf, inDirectMessage, inServerChannel, messageCreate, userJson } from './payloads.ts';

describe('a message to the bot in a Discord DM (MESSAGE_CREATE)', () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot.close());
  const hoursOf = (who: string) => bot.services.store.hours.list(`discord:${idOf(who)}`);
  const unanswered = async () => (await questionsCollection(bot.services.store)).where({ status: 'open' });
  const postsIn = (channelId: string) =>
    bot.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
  /** Clicks a button of the bot's message in `who`'s DM, as the interaction Discord sends for it. */
  const click = (who: string, seen: Seen, label: string) => {
    const button = seen.buttons.find((b) => b.label === label);
    if (!button) throw new Error(`no button "${label}" in: ${seen.buttons.map((b) => b.label).join(', ')}`);
    const components = seen.body.components as unknown[];
    return bot.interact(inDirectMessage(buttonClick(who, button.custom_id, '6100', components)));
  };

  it('GIVEN "i did 2 hrs shadowing yesterday" THEN offers the log with Yes and No, and Yes logs 2 hours', async () => {
    const offer = await bot.message(messageCreate('alice', 'i did 2 hrs shadowing yesterday'));
    expect(offer.text).toMatch(/Log 2 hours of shadowing for yesterday, Sunday, March 15\?/);
    expect(offer.buttons.map((b) => b.label)).toEqual(['Yes, log it', 'No']);
    expect(await hoursOf('alice')).toEqual([]);
    expect(await unanswered()).toEqual([]);

    const saved = await click('alice', offer, 'Yes, log it');
    expect(saved.text).toMatch(/Saved: 2 hours of shadowing on Sunday, March 15/);
    const entries = await hoursOf('alice');
    expect(entries.map((e) => [e.minutes, e.category, e.date])).toEqual([[120, 'shadowing', '2026-03-15']]);
    expect(await unanswered()).toEqual([]);
  });

  it('GIVEN the No button THEN nothing is saved and the reply says so', async () => {
    const offer = await bot.message(messageCreate('noah', 'log 1h 1on1'));
    expect((await click('noah', offer, 'No')).text).toMatch(/I did not save anything/);
    expect(await hoursOf('noah')).toEqual([]);
  });

  it('GIVEN a plain question THEN answers it from the policies, with its source', async () => {
    const answer = await bot.message(messageCreate('bob', 'how many hours do I need for the internship?'));
    expect(answer.text).toMatch(/90 hours/);
    expect(answer.text).toMatch(/Source:/);
  });

  it('answers nothing in a server channel or to a bot, and never posts in the channel', async () => {
    bot.fake.dispatch('MESSAGE_CREATE', inServerChannel(messageCreate('carl', 'i did 2 hrs shadowing yesterday')));
    const otherBot = { ...userJson('helperbot'), bot: true };
    bot.fake.dispatch('MESSAGE_CREATE', messageCreate('carl', 'how many hours do I need?', { author: otherBot }));
    // Once a later DM is answered, the two before it had their chance.
    const later = messageCreate('carl', 'how many hours do I need for the internship?');
    expect((await bot.message(later)).text).toMatch(/90 hours/);
    expect(postsIn(String(inServerChannel(later).channel_id))).toEqual([]);
    expect(postsIn(String(later.channel_id))).toHaveLength(1);
    expect(await hoursOf('carl')).toEqual([]);
    expect(await unanswered()).toEqual([]);
  });

  it('answers a message seen by two instances (or a replayed session) once', async () => {
    const second = createDiscordAdapter(
      bot.services,
      { token: 'test-token', applicationId: APP_ID, apiUrl: bot.fake.apiUrl },
      { registerOnStart: false },
    );
    await second.start();
    try {
      const message = messageCreate('dana', 'i did 2 hrs shadowing yesterday');
      await bot.message(message);
      bot.fake.dispatch('MESSAGE_CREATE', message);
      await bot.message(messageCreate('dana', 'how many hours do I need for the internship?'));
      const offers = postsIn(String(message.channel_id)).filter((r) => /Log 2 hours/.test(JSON.stringify(r.body)));
      expect(offers).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});
