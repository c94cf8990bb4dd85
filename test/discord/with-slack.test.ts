// Loaded first, as src/platforms.ts does when both are configured: Slack's libraries bring
// their own undici, which becomes the process-wide HTTP dispatcher.
import '../../adapters/slack/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from './harness.ts';
import type { Bot } from './harness.ts';
import { chatInput, str, sub } from './payloads.ts';

describe('Discord next to Slack in one process', () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot.close());

  it('still attaches files (the CSV export), so the answer is not lost', async () => {
    await bot.interact(
      chatInput('alice', 'hours', [sub('log', [str('duration', '2h'), str('category', 'shadowing')])]),
    );
    const seen = await Promise.race([
      bot.interact(chatInput('alice', 'hours', [sub('export')])),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 4000)),
    ]);
    expect(seen, 'Discord never got an answer to /hours export').toBeDefined();
    expect(Object.keys(seen!.files).some((name) => name.endsWith('.csv'))).toBe(true);
  });
});
