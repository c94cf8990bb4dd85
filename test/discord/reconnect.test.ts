import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/services.ts';
import { startBot } from './harness.ts';
import { chatInput, sub } from './payloads.ts';

describe('a dropped gateway connection', () => {
  it('is resumed by discord.js, logged, and interactions keep working', async () => {
    const lines: string[] = [];
    let resumed: () => void = () => {};
    const back = new Promise<void>((resolve) => (resumed = resolve));
    const log: Logger = {
      info: (m) => {
        lines.push(m);
        if (/back/.test(m)) resumed();
      },
      warn: (m) => void lines.push(m),
      error: (m) => void lines.push(m),
    };
    const bot = await startBot();
    bot.services.log = log;
    try {
      bot.fake.askToReconnect();
      await back;
      expect(bot.fake.resumes).toBe(1);
      expect(lines.join('\n')).toMatch(/connection 0 lost, reconnecting[\s\S]*connection 0 back/);
      expect((await bot.interact(chatInput('alice', 'hours', [sub('show')]))).text).toMatch(/Your hours/);
    } finally {
      await bot.close();
    }
  });
});
