import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.ts';
import type { Command } from '../../src/bot.ts';
import { reply } from '../../src/message.ts';
import { testServices } from '../helpers.ts';
import { startBot } from './harness.ts';
import type { Bot } from './harness.ts';
import { APP_ID, CHANNEL_ID, FakeDiscord, GUILD_ID } from './fake-discord.ts';
import { chatInput, str, sub } from './payloads.ts';

let bot: Bot | undefined;
let fake: FakeDiscord | undefined;
afterEach(async () => {
  await bot?.close();
  await fake?.close();
  bot = fake = undefined;
});

/** A command whose answer is for everyone in the channel, like a meeting reminder. */
const announce = {
  name: 'announce',
  description: 'Say something to the channel',
  examples: ['/announce'],
  subcommands: [{ name: 'announce', description: 'Say it', options: [] }],
  run: async () => reply([{ kind: 'text', text: 'The call starts at 10.' }], { private: false }),
} satisfies Command;

describe('answering within Discord’s time limit', () => {
  it('defers privately when the answer is slow, then edits the answer in', async () => {
    bot = await startBot({ deferAfterMs: 0 });
    const seen = await bot.interact(
      chatInput('alice', 'hours', [sub('log', [str('duration', '2h'), str('category', 'shadowing')])]),
    );
    expect(seen.callbackType).toBe(5);
    expect(seen.ephemeral).toBe(true);
    expect(seen.text).toMatch(/Saved: 2 hours/);
    expect(seen.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers at once, visible to the channel, when the reply is not personal', async () => {
    bot = await startBot();
    bot.services.commands.set('announce', announce);
    const seen = await bot.interact(chatInput('alice', 'announce'));
    expect(seen.callbackType).toBe(4);
    expect(seen.ephemeral).toBe(false);
    expect(seen.text).toBe('The call starts at 10.');
  });
});

describe('direct messages and channel posts', () => {
  it('sends a direct message without logging in, reusing the DM channel', async () => {
    fake = await FakeDiscord.start();
    const services = await testServices();
    const adapter = createDiscordAdapter(services, { token: 't', applicationId: APP_ID, apiUrl: fake.apiUrl });
    const nudge = reply([
      { kind: 'heading', text: 'A deadline is coming' },
      { kind: 'text', text: 'Peer Mentor 101 is due in 7 days.' },
    ]);
    await adapter.sendDirect('42', nudge);
    await adapter.sendDirect('42', nudge);
    const opened = fake.requests.filter((r) => r.path === '/users/@me/channels');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.body).toEqual({ recipient_id: '42' });
    const messages = fake.requests.filter((r) => r.path === '/channels/7742/messages');
    expect(messages).toHaveLength(2);
    expect(messages[0]!.body.embeds).toEqual([
      { color: expect.any(Number), title: 'A deadline is coming', description: 'Peer Mentor 101 is due in 7 days.' },
    ]);
    expect(fake.requests.some((r) => r.path.startsWith('/gateway'))).toBe(false);
  });

  it('posts to a channel with buttons and a file attached', async () => {
    fake = await FakeDiscord.start();
    const services = await testServices();
    const adapter = createDiscordAdapter(services, { token: 't', applicationId: APP_ID, apiUrl: fake.apiUrl });
    const reminder = reply(
      [
        { kind: 'text', text: 'Learning Collaborative is tomorrow at 10:00 AM.' },
        {
          kind: 'actions',
          buttons: [{ label: 'I will come', command: 'meet', args: 'rsvp lc yes', style: 'primary' }],
        },
      ],
      {
        private: false,
        files: [{ filename: 'lc.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }],
      },
    );
    await adapter.postToChannel(CHANNEL_ID, reminder);
    const posted = fake.requests.find((r) => r.path === `/channels/${CHANNEL_ID}/messages`)!;
    expect(posted.files['lc.ics']).toMatch(/BEGIN:VCALENDAR/);
    expect(posted.body.components).toEqual([
      { type: 1, components: [{ type: 2, style: 1, label: 'I will come', custom_id: 'run:meet rsvp lc yes' }] },
    ]);
    expect(posted.body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('channel posts', () => {
  it('refuses to post a private reply (personal data) in a channel', async () => {
    fake = await FakeDiscord.start();
    const adapter = createDiscordAdapter(await testServices(), {
      token: 't',
      applicationId: APP_ID,
      apiUrl: fake.apiUrl,
    });
    await expect(
      adapter.postToChannel(CHANNEL_ID, reply([{ kind: 'text', text: 'Alice has 45 of 90 hours.' }])),
    ).rejects.toThrow(/refused to post a private reply/);
    expect(fake.requests).toEqual([]);
  });
});

describe('registering the slash commands', () => {
  it('writes the commands only when they changed', async () => {
    bot = await startBot();
    const puts = () => bot!.fake.requests.filter((r) => r.method === 'PUT').length;
    expect(puts()).toBe(1);
    expect(await bot.adapter.register()).toMatchObject({ changed: false });
    expect(puts()).toBe(1);
    bot.services.commands.set('announce', announce);
    expect(await bot.adapter.register()).toMatchObject({ changed: true });
    expect(puts()).toBe(2);
  });

  it('registers for one server when DISCORD_GUILD_ID is set', async () => {
    fake = await FakeDiscord.start();
    const services = await testServices();
    const adapter = createDiscordAdapter(services, {
      token: 't',
      applicationId: APP_ID,
      apiUrl: fake.apiUrl,
      guildId: GUILD_ID,
    });
    await adapter.register();
    expect(fake.requests.find((r) => r.method === 'PUT')?.path).toBe(
      `/applications/${APP_ID}/guilds/${GUILD_ID}/commands`,
    );
  });
});
