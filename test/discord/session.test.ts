import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from './harness.ts';
import type { Bot } from './harness.ts';
import { chatInput, group, idOf, str, sub, user } from './payloads.ts';
import { renderReply } from '../../adapters/discord/render.ts';
import { ButtonIds } from '../../adapters/discord/buttons.ts';
import type { Block } from '../../src/message.ts';
import { plainText } from '../../src/message.ts';
import { dispatch } from '../../src/bot.ts';

describe('a whole session on Discord, as people would read it', () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot.close());

  it('names a person an admin enrolls before they ever used the bot, not their number', async () => {
    const role = await bot.interact(
      chatInput('admin', 'peerbot', [group('admin', sub('role', [user('user', 'sue'), str('role', 'supervisor')]))]),
    );
    expect(role.text).not.toMatch(/\d{15}/);
    const enrolled = await bot.interact(
      chatInput('admin', 'peerbot', [
        group('admin', sub('enroll', [user('user', 'alice'), user('supervisor', 'sue')])),
      ]),
    );
    expect(enrolled.text).not.toMatch(/\d{15}/);
    const team = await bot.interact(chatInput('sue', 'team'));
    expect(team.text).toMatch(/user002\n {4}Internship hours: 0 of 90 hours/);
  });

  it('says on every approve button whose hours it is, since entry numbers repeat between people', async () => {
    await bot.interact(
      chatInput('admin', 'peerbot', [group('admin', sub('enroll', [user('user', 'bob'), user('supervisor', 'sue')]))]),
    );
    for (const who of ['alice', 'bob'])
      await bot.interact(chatInput(who, 'hours', [sub('log', [str('duration', '2h'), str('category', 'shadowing')])]));
    const review = await bot.interact(chatInput('sue', 'hours', [sub('approve')]));
    const labels = review.buttons.map((b) => b.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toEqual([
      'Approve all 1 (user002)',
      'Reject #1 (user002)',
      'Approve all 1 (user003)',
      'Reject #1 (user003)',
    ]);
  });

  it('says on each RSVP button which meeting it is for, when several are listed', async () => {
    await bot.interact(
      chatInput('admin', 'peerbot', [group('admin', sub('role', [user('user', 'fran'), str('role', 'facilitator')]))]),
    );
    for (const title of ['Peer Call', 'Retreat Prep']) {
      await bot.interact(
        chatInput('fran', 'meet', [
          sub('schedule', [
            str('title', title),
            str('kind', 'teleconference'),
            str('repeats', 'weekly tuesday'),
            str('time', '10:00'),
          ]),
        ]),
      );
    }
    const list = await bot.interact(chatInput('alice', 'meet', [sub('list')]));
    expect(list.buttons.map((b) => b.label)).toEqual([
      'I will come to Peer Call',
      'I cannot come to Peer Call',
      'I will come to Retreat Prep',
      'I cannot come to Retreat Prep',
    ]);
  });

  it("shows a supervisor an example with a mentor's two-word name as one word that works, not a number", async () => {
    await bot.interact(
      chatInput('admin', 'peerbot', [
        group('admin', sub('enroll', [user('user', 'dana'), user('supervisor', 'sue'), str('name', 'Dana Cruz')])),
      ]),
    );
    await bot.interact(chatInput('dana', 'hours', [sub('log', [str('duration', '1h'), str('category', 'shadowing')])]));
    const list = await bot.interact(chatInput('sue', 'hours', [sub('list', [user('user', 'dana')])]));
    expect(list.text).toMatch(/Example: \/hours approve @DanaCruz 1/);
    const typed = await dispatch(bot.services, {
      platform: 'discord',
      userId: idOf('sue'),
      command: 'hours',
      text: 'approve @DanaCruz 1',
    });
    expect(plainText(typed)).toMatch(/Approved: 1 entry for Dana Cruz/);
  });

  it('points to /peerbot help, since /help is not a Discord command of this app', async () => {
    const help = await bot.interact(chatInput('alice', 'peerbot', [sub('help')]));
    expect(help.text).toMatch(/Example: \/peerbot help hours/);
    expect(help.text).not.toMatch(/(^|\s)\/(help|admin)\b/);
  });
});

describe('buttons on Discord rows', () => {
  const group = (name: string, n: number): Block => ({
    kind: 'actions',
    buttons: Array.from({ length: n }, (_, i) => ({
      label: `${name}${i}`,
      command: 'meet',
      args: `rsvp ${name} ${i}`,
    })),
  });
  const rows = (...blocks: Block[]) =>
    renderReply({ blocks: [{ kind: 'text', text: 'x' }, ...blocks], private: true }, new ButtonIds()).components.map(
      (r) => r.components.map((c) => ('label' in c ? c.label : '')),
    );

  it("keeps one block's buttons together in a row, and fits as many as Discord's 5 rows allow", () => {
    expect(rows(group('a', 3), group('b', 3))).toEqual([
      ['a0', 'a1', 'a2'],
      ['b0', 'b1', 'b2'],
    ]);
    expect(rows(group('a', 2), group('b', 2), group('c', 2))).toEqual([
      ['a0', 'a1', 'b0', 'b1'],
      ['c0', 'c1'],
    ]);
    const many = rows(...'abcdefghijkl'.split('').map((n) => group(n, 2)));
    expect(many).toHaveLength(5);
    expect(many.flat()).toHaveLength(20);
  });
});
