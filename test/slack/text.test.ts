import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeSlack } from '../../adapters/slack/render.ts';
import { fromSlackText } from '../../adapters/slack/text.ts';
import { testServices } from '../helpers.ts';
import { slackRig, shown } from './harness.ts';
import type { SlackRig } from './harness.ts';

describe("undoing Slack's escaping at the edge", () => {
  it.each([
    ['Sam &amp; mom', 'Sam & mom'],
    ['a &lt; b &gt; c', 'a < b > c'],
    ['&amp;lt; stays', '&lt; stays'],
    ['<https://zoom.us/j/123>', 'https://zoom.us/j/123'],
    ['<http://zoom.us/j/1|zoom.us/j/1>', 'http://zoom.us/j/1'],
    ['<mailto:a@b.org|a@b.org>', 'a@b.org'],
    ['<https://x.org/a|the notes>', 'the notes https://x.org/a'],
    ['<@U123>', '@slack:U123'],
    ['<@U123|sam>', '@slack:U123'],
    ['<#C42|general> now', '#general now'],
    ['<!subteam^S1|@mentors> hi', '@mentors hi'],
    ['<!channel> <!here>', '@channel @here'],
  ])('reads %s as %s', (sent, typed) => {
    expect(fromSlackText(sent).text).toBe(typed);
  });

  it('keeps the name Slack gave with a mention', () => {
    expect(fromSlackText('<@U123|sam> and <@U9>').names).toEqual({ 'slack:U123': 'sam' });
  });

  it('gives back any text a person typed, once Slack has escaped it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (typed) => {
        expect(fromSlackText(escapeSlack(typed)).text).toBe(typed);
      }),
    );
  });
});

describe('text as typed, through the real app', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig(await testServices({ PEERBOT_ADMINS: 'UADMIN' }));
    await rig.command('UADMIN', '/peerbot admin role <@UFRAN|fran> facilitator');
  });
  afterAll(async () => rig.stop());

  it('stores a note with & as typed and shows it once escaped, not &amp;amp;', async () => {
    const saved = await rig.command('UALICE', '/hours log 1h shadowing met Sam &amp; mom');
    expect(shown(saved)).toMatch(/Saved: 1 hour/);
    const [entry] = await rig.services.store.hours.list('slack:UALICE');
    expect(entry!.note).toBe('met Sam & mom');
    const list = shown(await rig.command('UALICE', '/hours list'));
    expect(list).toContain('Sam &amp; mom');
    expect(list).not.toContain('&amp;amp;');
  });

  it('keeps the meeting link Slack wrapped in <>', async () => {
    const answer = await rig.command(
      'UFRAN',
      '/meet schedule "Learning Collaborative" meeting every 2nd tuesday 10:00 90m <https://zoom.us/j/123>',
    );
    expect(shown(answer)).toMatch(/zoom\.us\/j\/123/);
  });

  it('finds a person from a Slack mention with their name', async () => {
    await rig.command('UADMIN', '/peerbot admin enroll <@UDANA|dana> supervisor:<@USUE|sue>');
    expect((await rig.services.store.people.get('slack:UDANA'))?.name).toBe('dana');
  });
});
