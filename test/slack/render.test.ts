import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeSlack, toBlocks, fallbackText, decodeButton } from '../../adapters/slack/render.ts';
import { reply, textReply } from '../../src/message.ts';
import { slackRig, shown, buttonsOf } from './harness.ts';
import type { SlackRig } from './harness.ts';
import { testServices } from '../helpers.ts';
import { withFixtureCommands } from './fixtures.ts';

describe('Block Kit rendering of a reply', () => {
  it('escapes &, < and > so <!channel>, <!here> and <@U123> stay plain text', () => {
    expect(escapeSlack('Tom & Jerry <!channel> <!here> <@U123>')).toBe(
      'Tom &amp; Jerry &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt;',
    );
  });

  it('renders heading, fields, a progress bar, the source line and buttons', () => {
    const blocks = toBlocks(
      reply([
        { kind: 'heading', text: 'Your hours' },
        { kind: 'fields', fields: [{ label: 'Shadowing', value: '4 hours' }] },
        { kind: 'progress', label: 'Internship', done: 45, total: 90, unit: 'hours' },
        { kind: 'context', text: 'Source: Peer Mentor Handbook, Internship' },
        { kind: 'divider' },
        { kind: 'actions', buttons: [{ label: 'Undo', command: 'hours', args: 'undo', style: 'danger' }] },
      ]),
    );
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context', 'divider', 'actions']);
    expect(JSON.stringify(blocks[2])).toContain('▓▓▓▓▓░░░░░` 45 of 90 hours');
    expect(JSON.stringify(blocks[3])).toContain('Source: Peer Mentor Handbook');
    const actions = blocks[5] as { elements: Array<{ value: string; style: string }> };
    expect(decodeButton(actions.elements[0]!.value)).toEqual({ command: 'hours', args: 'undo' });
    expect(actions.elements[0]!.style).toBe('danger');
  });

  it('keeps a message within Slack limits: 50 blocks, 3000 characters a section', () => {
    const many = reply(Array.from({ length: 80 }, (_, i) => ({ kind: 'text' as const, text: `line ${i}` })));
    expect(toBlocks(many)).toHaveLength(50);
    const long = toBlocks(textReply(Array.from({ length: 400 }, () => 'a line of about twenty').join('\n')));
    for (const block of long) expect(JSON.stringify(block).length).toBeLessThan(3200);
    expect(long.length).toBeGreaterThan(1);
  });

  it('gives a plain fallback text without button hints, escaped', () => {
    const text = fallbackText(
      reply([
        { kind: 'text', text: 'Logged <!here>' },
        { kind: 'actions', buttons: [{ label: 'Undo', command: 'hours', args: 'undo' }] },
      ]),
    );
    expect(text).toBe('Logged &lt;!here&gt;');
  });
});

describe('Slack answers through the real app', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig(withFixtureCommands(await testServices()));
  });
  afterAll(async () => rig.stop());

  it('never pings anyone with a mass mention a person typed', async () => {
    const answer = await rig.command('U100', '/echo look <!channel> and <!here> and <@U999|bob>');
    // Everything displayed (a button's hidden value is not shown and never parsed for mentions).
    const everything = `${shown(answer)} ${String(answer.args.text)}`;
    expect(everything).not.toMatch(/<!channel>|<!here>|<@U999/);
    // Slack's markup is undone at the edge: the core sees "@channel", which pings nobody as text.
    expect(shown(answer)).toContain('look @channel and @here and @slack:U999');
  });

  it('shows markup a person typed as text, escaped again on the way out', async () => {
    // Typed "<!channel> & co": Slack sends the entities; the core sees the characters; Slack gets them escaped.
    const answer = await rig.command('U100', '/echo &lt;!channel&gt; &amp; co');
    expect(shown(answer)).toContain('&lt;!channel&gt; &amp; co');
    expect(shown(answer)).not.toContain('&amp;amp;');
  });

  it('keeps private answers to the person who asked (ephemeral)', async () => {
    const answer = await rig.command('U100', '/echo my secret');
    expect(answer.args.response_type).toBe('ephemeral');
  });

  it('posts an answer marked public in the channel', async () => {
    const answer = await rig.command('U100', '/echo hello all');
    expect(answer.args.response_type).toBe('in_channel');
  });

  it('runs a pressed button as the person who pressed it', async () => {
    const first = await rig.command('U100', '/echo ping');
    expect(buttonsOf(first).map((b) => b.text.text)).toEqual(['Again']);
    const clicked = await rig.click('U200', first, 'Again');
    expect(shown(clicked)).toContain('again ping');
    expect(shown(clicked)).toContain('u200');
    expect(clicked.args.replace_original).toBe(false);
  });

  it('runs a click Slack delivers twice (same trigger_id and action_ts) once', async () => {
    const first = await rig.command('U100', '/echo twice');
    const click = { messageTs: '1773673999.000200', triggerId: 'trig-click-1', actionTs: '1773673999.000300' };
    await rig.click('U300', first, 'Again', click);
    const again = await rig.press('U300', first, 'Again', click);
    expect(again.status).toBe(200);
    // Answers go out in order; once a later command is answered, the second click had its chance.
    await rig.command('U300', '/echo later');
    expect(rig.fake.calls.some((c) => again.responseUrl.endsWith(c.path))).toBe(false);
  });

  it('sends a file by direct message with files.uploadV2 and says so', async () => {
    const answer = await rig.command('U100', '/file');
    expect(shown(answer)).toContain('I sent you the file hours.csv in a direct message.');
    expect(rig.fake.called('conversations.open').at(-1)!.args.users).toBe('U100');
    const url = rig.fake.called('files.getUploadURLExternal').at(-1)!;
    expect(url.args.filename).toBe('hours.csv');
    expect(rig.fake.called('upload').at(-1)!.raw).toContain('2026-03-16,shadowing,120');
    const done = rig.fake.called('files.completeUploadExternal').at(-1)!;
    expect(done.args.channel_id).toBe('DU100');
  });
});

describe('people named by the core', () => {
  it('shows @slack:U123 as a Slack mention in a private answer, and as plain text in a channel post', () => {
    const text = 'Ask @slack:U0SUE about it.';
    const inPrivate = JSON.stringify(toBlocks({ blocks: [{ kind: 'text', text }], private: true }));
    expect(inPrivate).toContain('Ask <@U0SUE> about it.');
    const inChannel = JSON.stringify(toBlocks({ blocks: [{ kind: 'text', text }], private: false }));
    expect(inChannel).toContain('Ask @slack:U0SUE about it.');
    expect(inChannel).not.toContain('<@');
  });
});
