import { afterEach, describe, expect, it } from 'vitest';
import { GatewayIntentBits } from 'discord.js';
import { startBot } from './harness.ts';
import type { Bot } from './harness.ts';
import { APP_ID } from './fake-discord.ts';
import { chatInput, sub, str } from './payloads.ts';

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('logging in to Discord', () => {
  it('logs in through the gateway with the Guilds and DirectMessages intents only, and registers the commands', async () => {
    bot = await startBot();
    // No GuildMessages or MessageContent: what people say in servers is never sent to the bot.
    expect(bot.fake.identify?.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.DirectMessages);
    const put = bot.fake.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/applications/${APP_ID}/commands`);
    const names = (put!.body as unknown as Array<{ name: string }>).map((c) => c.name);
    expect(names).toContain('hours');
    expect(names).not.toContain('help');
  });

  it('answers a slash command that arrives over the gateway', async () => {
    bot = await startBot();
    const seen = await bot.interact(
      chatInput('alice', 'hours', [sub('log', [str('duration', '2h'), str('category', 'shadowing')])]),
    );
    expect(seen.callbackType).toBe(4);
    expect(seen.text).toMatch(/2 hours/i);
  });
});
