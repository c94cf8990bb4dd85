import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../helpers.ts';
import { startBot } from './harness.ts';
import type { Bot, Seen } from './harness.ts';
import { buttonClick, chatInput, idOf } from './payloads.ts';

const MENTORS = 50;

describe('long answers on Discord', () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({ registerOnStart: false });
    const as = { platform: 'discord' as const };
    const sue = idOf('sue');
    await send(bot.services, idOf('admin'), `/admin role @discord:${sue} supervisor`, as);
    for (let i = 1; i <= MENTORS; i++) {
      const mentor = idOf(`m${i}`);
      await send(
        bot.services,
        idOf('admin'),
        `/admin enroll @discord:${mentor} supervisor:@discord:${sue} name:"Mentor ${i}"`,
        as,
      );
      await send(bot.services, mentor, '/hours log 1h shadowing', as);
    }
  }, 60_000);
  afterAll(async () => bot.close());

  it('shows every mentor waiting for approval page by page, with "Show more", never as reply.txt', async () => {
    let page: Seen = await bot.interact(chatInput('sue', 'hours', [{ name: 'approve', type: 1, options: [] }]));
    const seen = [page.text];
    // The first mentors' Approve buttons come with the first page, beside "Show more".
    expect(page.buttons.some((b) => b.label.startsWith('Approve'))).toBe(true);
    for (let pages = 1; page.buttons.some((b) => b.label === 'Show more'); pages++) {
      expect(pages).toBeLessThan(20);
      expect(Object.keys(page.files)).toEqual([]);
      const more = page.buttons.find((b) => b.label === 'Show more')!;
      page = await bot.interact(buttonClick('sue', more.custom_id, `70${pages}`));
      seen.push(page.text);
    }
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[0]).toMatch(/Page 1 of \d+\./);
    const all = seen.join('\n');
    for (let i = 1; i <= MENTORS; i++) expect(all).toContain(`Mentor ${i}:`);
    expect(all).not.toContain('reply.txt');
  });
});
