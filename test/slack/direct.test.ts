import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionsCollection } from '../../src/policy/records.ts';
import { testServices } from '../helpers.ts';
import { buttonsOf, imMessage, shown, slackRig } from './harness.ts';
import type { SlackRig } from './harness.ts';

describe('a message to the bot in its Slack DM (message.im)', () => {
  let rig: SlackRig;
  const unanswered = async () => (await questionsCollection(rig.services.store)).where({ status: 'open' });
  const postsTo = (channel: string) => rig.fake.called('chat.postMessage').filter((c) => c.args.channel === channel);
  beforeAll(async () => {
    rig = await slackRig(await testServices());
  });
  afterAll(async () => rig.stop());

  it('GIVEN "i did 2 hrs shadowing yesterday" THEN offers the log with Yes and No, and Yes logs 2 hours', async () => {
    const offer = await rig.dm('UALICE', 'i did 2 hrs shadowing yesterday');
    expect(shown(offer)).toMatch(/^Log 2 hours of shadowing for yesterday, Sunday, March 15\?/);
    expect(buttonsOf(offer).map((b) => b.text.text)).toEqual(['Yes, log it', 'No']);
    expect(await rig.services.store.hours.list('slack:UALICE')).toEqual([]);
    expect(await unanswered()).toEqual([]);

    const saved = await rig.click('UALICE', offer, 'Yes, log it', { channelId: 'DUALICE' });
    expect(shown(saved)).toMatch(/Saved: 2 hours of shadowing on Sunday, March 15/);
    const entries = await rig.services.store.hours.list('slack:UALICE');
    expect(entries.map((e) => [e.minutes, e.category, e.date])).toEqual([[120, 'shadowing', '2026-03-15']]);
    expect(await unanswered()).toEqual([]);
  });

  it('GIVEN the No button THEN nothing is saved and the reply says so', async () => {
    const offer = await rig.dm('UNOAH', 'log 1h 1on1');
    const no = await rig.click('UNOAH', offer, 'No', { channelId: 'DUNOAH' });
    expect(shown(no)).toMatch(/I did not save anything/);
    expect(await rig.services.store.hours.list('slack:UNOAH')).toEqual([]);
  });

  it('GIVEN a plain question THEN answers it from the policies, with its source', async () => {
    const answer = await rig.dm('UBOB', 'how many hours do I need for the internship?');
    expect(shown(answer)).toMatch(/90 hours/);
    expect(shown(answer)).toMatch(/Source:/);
  });

  it('GIVEN a greeting or a command word without the slash THEN runs it as the console does', async () => {
    expect(shown(await rig.dm('UBOB', 'hi'))).toMatch(/\/hours log/);
    expect(shown(await rig.dm('UBOB', 'hours log 30m shadowing'))).toMatch(/Saved: 30 minutes of shadowing/);
    expect(await rig.services.store.hours.list('slack:UBOB')).toHaveLength(1);
  });

  it('answers nothing in a channel, to bots, or to an edit, and never posts in the channel', async () => {
    const channel = { channel: 'CPUBLIC', channel_type: 'channel' };
    expect(await rig.event(imMessage('UCARL', 'i did 2 hrs shadowing yesterday', channel), 'EvChan1')).toBe(200);
    const fromBot = { bot_id: 'BOTHER', subtype: 'bot_message', user: undefined };
    expect(await rig.event(imMessage('UCARL', 'how many hours do I need?', fromBot), 'EvBot1')).toBe(200);
    const edited = {
      subtype: 'message_changed',
      user: undefined,
      message: { type: 'message', user: 'UCARL', text: 'i did 3 hrs shadowing' },
    };
    expect(await rig.event(imMessage('UCARL', '', edited), 'EvEdit1')).toBe(200);
    // Once a later DM is answered, the three before it had their chance.
    expect(shown(await rig.dm('UCARL', 'how many hours do I need for the internship?'))).toMatch(/90 hours/);
    expect(postsTo('CPUBLIC')).toEqual([]);
    expect(postsTo('DUCARL')).toHaveLength(1);
    expect(await rig.services.store.hours.list('slack:UCARL')).toEqual([]);
    expect(await unanswered()).toEqual([]);
  });

  it('answers an event Slack retries (same event_id, X-Slack-Retry-Num) once', async () => {
    const message = imMessage('UDANA', 'i did 2 hrs shadowing yesterday');
    expect(await rig.event(message, 'EvRetry1')).toBe(200);
    await rig.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'DUDANA');
    const retry = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };
    expect(await rig.event(message, 'EvRetry1', retry)).toBe(200);
    await rig.dm('UDANA', 'how many hours do I need for the internship?');
    const offers = postsTo('DUDANA').filter((c) => /^Log 2 hours/.test(shown(c)));
    expect(offers).toHaveLength(1);
  });
});
