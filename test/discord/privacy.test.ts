import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from './harness.ts';
import type { Bot } from './harness.ts';
import { chatInput, inDirectMessage, str, sub, user } from './payloads.ts';

describe('privacy and mentions on Discord', () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it("refuses a mentor someone else's status, privately, without showing it", async () => {
    await bot.interact(
      chatInput('alice', 'hours', [sub('log', [str('duration', '2h'), str('category', 'shadowing')])]),
    );
    const seen = await bot.interact(chatInput('bob', 'cert', [sub('show', [user('user', 'alice')])]));
    expect(seen.text).toMatch(/only see/);
    expect(seen.text).not.toMatch(/90 hours/);
    expect(seen.ephemeral).toBe(true);
  });

  it('shows @everyone, role mentions and markdown in a note as plain text that pings nobody', async () => {
    const note = '@everyone <@&123456> **big** # title [click](https://evil.example)';
    await bot.interact(
      chatInput('alice', 'hours', [
        sub('log', [str('duration', '1h'), str('category', 'shadowing'), str('note', note)]),
      ]),
    );
    const seen = await bot.interact(chatInput('alice', 'hours', [sub('list')]));
    expect(seen.body.allowed_mentions).toEqual({ parse: [] });
    const raw = JSON.stringify(seen.body.embeds);
    expect(raw).toContain('@everyone');
    expect(raw).toContain('\\\\*\\\\*big\\\\*\\\\*');
    expect(raw).toContain('\\[click](https');
    expect(seen.text).toContain('**big**');
  });

  it('answers a slash command typed in a direct message with the bot', async () => {
    const seen = await bot.interact(inDirectMessage(chatInput('alice', 'hours', [sub('show')])));
    expect(seen.text).toMatch(/Your hours/);
  });

  it('sends every message with allowed_mentions that parse nothing', async () => {
    await bot.adapter.sendDirect('100000000000000009', {
      blocks: [{ kind: 'text', text: 'Hi @everyone' }],
      private: true,
    });
    await bot.adapter.postToChannel('900000000000000004', {
      blocks: [{ kind: 'text', text: 'Call today @here' }],
      private: false,
    });
    const sent = bot.fake.requests.filter((r) => /\/callback$|^\/webhooks\/|^\/channels\/\d+\/messages$/.test(r.path));
    expect(sent.length).toBeGreaterThan(3);
    for (const r of sent) {
      const body = (r.path.endsWith('/callback') ? r.body.data : r.body) as Record<string, unknown>;
      expect(body.allowed_mentions, r.path).toEqual({ parse: [] });
    }
  });
});
