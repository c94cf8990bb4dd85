import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/services.ts';
import { startBot } from './harness.ts';
import { chatInput, sub } from './payloads.ts';

/** A logger that remembers lines and lets a test wait for one. */
function watchedLog(): Logger & { lines: string[]; until(pattern: RegExp, times?: number): Promise<void> } {
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; times: number; resolve: () => void }> = [];
  const count = (pattern: RegExp) => lines.filter((l) => pattern.test(l)).length;
  const push = (m: string) => {
    lines.push(m);
    for (const w of [...waiters])
      if (count(w.pattern) >= w.times) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
  };
  const until = (pattern: RegExp, times = 1): Promise<void> =>
    count(pattern) >= times ? Promise.resolve() : new Promise((resolve) => waiters.push({ pattern, times, resolve }));
  return { lines, until, info: push, warn: push, error: push };
}

describe('the Discord gateway through an outage', () => {
  it('reconnects after Discord drops the connection and refuses new ones for a while, and answers again', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => void rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    const log = watchedLog();
    const bot = await startBot();
    bot.services.log = log;
    try {
      expect((await bot.interact(chatInput('alice', 'hours', [sub('show')]))).text).toMatch(/Your hours/);
      await bot.fake.refuse();
      await log.until(/lost, reconnecting/);
      // discord.js keeps trying while Discord is away; a few refused attempts go by.
      const attempts = bot.fake.connections;
      await new Promise<void>((resolve) => bot.adapter.client.on('debug', (m) => /network error/.test(m) && resolve()));
      await bot.fake.restore();
      await bot.fake.ready(2);
      await log.until(/connection 0 back after \d+ s/);
      expect((await bot.interact(chatInput('alice', 'hours', [sub('show')]))).text).toMatch(/Your hours/);
      expect(bot.fake.connections).toBeGreaterThan(attempts);
      expect(log.lines.filter((l) => /lost, reconnecting/.test(l))).toHaveLength(1);
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
      await bot.close();
    }
    // discord.js waits 5 s between two identifies (Discord's rule), so a new session takes a while.
  }, 40_000);

  it('reconnects each time the connection drops without a close frame', async () => {
    const bot = await startBot();
    try {
      for (let drop = 1; drop <= 3; drop++) {
        bot.fake.dropConnections();
        await bot.fake.ready(drop + 1);
        expect((await bot.interact(chatInput('alice', 'hours', [sub('show')]))).text).toMatch(/Your hours/);
      }
    } finally {
      await bot.close();
    }
  });
});
