import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from './harness.ts';
import type { Bot } from './harness.ts';
import { chatInput, group, str, sub, user } from './payloads.ts';

describe('a whole session on Discord, as people would read it', () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot.close());

  it('names a person an admin enrolls before they ever used the bot, not their number', async () => {
    const role = await bot.interact(chatInput('admin', 'peerbot', [group('admin', sub('role', [user('user', 'sue'), str('role', 'supervisor')]))]));
    expect(role.text).not.toMatch(/\d{15}/);
    const enrolled = await bot.interact(chatInput('admin', 'peerbot', [group('admin', sub('enroll', [user('user', 'alice'), user('supervisor', 'sue')]))]));
    expect(enrolled.text).not.toMatch(/\d{15}/);
    const team = await bot.interact(chatInput('sue', 'team'));
    expect(team.text).toMatch(/user002 · 0 of 90 hours/);
  });

  it('points to /peerbot help, since /help is not a Discord command of this app', async () => {
    const help = await bot.interact(chatInput('alice', 'peerbot', [sub('help')]));
    expect(help.text).toMatch(/Example: \/peerbot help hours/);
    expect(help.text).not.toMatch(/(^|\s)\/(help|admin)\b/);
  });
});
