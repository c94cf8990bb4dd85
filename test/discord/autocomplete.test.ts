import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from './harness.ts';
import type { Bot } from './harness.ts';
import { autocomplete, chatInput, group, str, sub, user } from './payloads.ts';
import type { RawOption } from './payloads.ts';

describe('suggestions while typing an option', () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => {
    await bot.close();
  });
  const suggest = async (who: string, command: string, options: RawOption[]) => {
    const seen = await bot.interact(autocomplete(who, command, options));
    expect(seen.callbackType).toBe(8);
    return seen.body.choices as Array<{ name: string; value: string }>;
  };

  it("suggests the categories of the person's own program", async () => {
    const choices = await suggest('alice', 'hours', [
      sub('log', [str('duration', '2h'), str('category', 'shad', true)]),
    ]);
    expect(choices.map((c) => c.value)).toEqual(['shadowing']);
    const all = await suggest('alice', 'hours', [sub('log', [str('category', '', true)])]);
    expect(all.map((c) => c.value)).toContain('mentoring-1on1');
    expect(all.length).toBeLessThanOrEqual(25);
  });

  it('suggests another program’s categories for someone enrolled in it', async () => {
    await bot.interact(
      chatInput('admin', 'peerbot', [
        group('admin', sub('enroll', [user('user', 'bob'), str('program', 'nc-peer-support')])),
      ]),
    );
    const bobs = await suggest('bob', 'hours', [sub('log', [str('category', '', true)])]);
    const alices = await suggest('alice', 'hours', [sub('log', [str('category', '', true)])]);
    expect(bobs.map((c) => c.value)).not.toEqual(alices.map((c) => c.value));
  });

  it('suggests programs, milestones and meetings', async () => {
    const programs = await suggest('admin', 'peerbot', [
      group('admin', sub('enroll', [user('user', 'alice'), str('program', 'nc', true)])),
    ]);
    expect(programs.map((c) => c.value)).toEqual(['nc-peer-support']);
    const milestones = await suggest('sue', 'cert', [
      sub('mark', [user('user', 'alice'), str('milestone', '101', true)]),
    ]);
    expect(milestones.map((c) => c.value)).toEqual(['peer-mentor-101']);
    await bot.interact(
      chatInput('admin', 'meet', [
        sub('schedule', [
          str('title', 'Learning Collaborative'),
          str('kind', 'meeting'),
          str('repeats', 'every 2nd tuesday'),
          str('time', '10:00'),
        ]),
      ]),
    );
    const meetings = await suggest('alice', 'meet', [sub('rsvp', [str('meeting', 'learn', true)])]);
    expect(meetings).toEqual([{ name: 'Learning Collaborative (lc)', value: 'lc' }]);
  });

  it('suggests the milestones of the program of the person being marked, not of the one marking', async () => {
    await bot.interact(
      chatInput('admin', 'peerbot', [group('admin', sub('enroll', [user('user', 'carla'), str('program', 'ma-cps')]))]),
    );
    const milestones = await suggest('admin', 'cert', [
      sub('mark', [user('user', 'carla'), str('milestone', 'exam', true)]),
    ]);
    expect(milestones.map((c) => c.value)).toEqual(['oral-exam', 'written-exam']);
    // A mentor learns nothing about carla: the suggestions stay those of their own program.
    const mentors = await suggest('alice', 'cert', [
      sub('mark', [user('user', 'carla'), str('milestone', 'exam', true)]),
    ]);
    expect(mentors.map((c) => c.value)).not.toContain('oral-exam');
  });

  it('suggests nothing for an option without suggestions', async () => {
    expect(await suggest('alice', 'hours', [sub('log', [str('duration', '2', true)])])).toEqual([]);
  });
});
