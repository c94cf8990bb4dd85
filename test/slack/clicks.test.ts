import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices } from '../helpers.ts';
import { buttonsOf, slackRig, shown } from './harness.ts';
import type { SlackRig } from './harness.ts';

describe('clicks are told apart by their ids, not their content', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig(await testServices({ PEERBOT_ADMINS: 'UADMIN' }));
    await rig.command('UADMIN', '/peerbot admin role <@UFRAN|fran> facilitator');
    await rig.command(
      'UFRAN',
      '/meet schedule "Peer Call" teleconference every 3rd tuesday 10:00 60m tel:+15555550100',
    );
  });
  afterAll(async () => rig.stop());

  it('answers RSVP yes, no, then yes again within minutes, and keeps the last answer', async () => {
    const list = await rig.command('UALICE', '/meet');
    const labels = buttonsOf(list).map((b) => b.text.text);
    const yes = labels.find((l) => l.startsWith('I will come'))!;
    const no = labels.find((l) => l.startsWith('I cannot come'))!;
    expect(shown(await rig.click('UALICE', list, yes))).toMatch(/You will come/);
    expect(shown(await rig.click('UALICE', list, no))).toMatch(/You will miss/);
    expect(shown(await rig.click('UALICE', list, yes))).toMatch(/You will come/);
    const meetings = await rig.services.store.collection(
      'meetings',
      z.object({ rsvps: z.record(z.string(), z.record(z.string(), z.string())) }).passthrough(),
    );
    const [meeting] = await meetings.all();
    expect(Object.values(meeting!.value.rsvps).map((byPerson) => byPerson['slack:UALICE'])).toEqual(['yes']);
  });

  it('runs a slash command Slack delivers twice with the same trigger_id once, even on a second instance', async () => {
    const services = rig.services;
    const second = await slackRig(services);
    try {
      const one = rig.commandBody('UBOB', '/hours log 1h shadowing', { triggerId: 'trig-both-instances' });
      const two = second.commandBody('UBOB', '/hours log 1h shadowing', { triggerId: 'trig-both-instances' });
      await rig.post(one.body, 'application/x-www-form-urlencoded');
      await rig.fake.waitFor((c) => one.responseUrl.endsWith(c.path));
      await second.post(two.body, 'application/x-www-form-urlencoded', {
        ...(await import('./harness.ts')).sign(two.body),
        'x-slack-retry-num': '1',
        'x-slack-retry-reason': 'http_timeout',
      });
      await second.command('UBOB', '/cert');
      expect(second.fake.calls.some((c) => two.responseUrl.endsWith(c.path))).toBe(false);
      expect(await services.store.hours.list('slack:UBOB')).toHaveLength(1);
    } finally {
      await second.adapter.stop();
      await second.fake.stop();
    }
  });
});
