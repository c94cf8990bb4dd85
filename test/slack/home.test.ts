import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices } from '../helpers.ts';
import { slackRig, shown, sign } from './harness.ts';
import type { SlackRig } from './harness.ts';
import type { Call } from './fakeSlack.ts';

const homeOpened = (user: string) => ({
  type: 'app_home_opened',
  user,
  channel: `D${user}`,
  tab: 'home',
  event_ts: `${Date.now() / 1000}`,
});
const viewText = (call: Call) => shown({ ...call, args: { blocks: (call.args.view as { blocks: unknown[] }).blocks } });

describe('the App Home tab', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig(await testServices());
  });
  afterAll(async () => rig.stop());

  it("shows the person's own certification progress when they open it", async () => {
    await rig.command('UALICE', '/hours log 2h shadowing');
    expect(await rig.event(homeOpened('UALICE'), 'Ev001')).toBe(200);
    const published = await rig.fake.waitFor(
      (c) => c.method === 'views.publish' && c.args.user_id === 'UALICE',
      'views.publish',
    );
    expect((published.args.view as { type: string }).type).toBe('home');
    const text = viewText(published);
    expect(text).toMatch(/My progress/);
    expect(text).toMatch(/0 of 90 hours/);
    expect(text).toMatch(/2 hours waiting for approval/);
  });

  it('handles a retried event (X-Slack-Retry-Num) once', async () => {
    await rig.event(homeOpened('UBOB'), 'Ev002');
    await rig.fake.waitFor((c) => c.method === 'views.publish' && c.args.user_id === 'UBOB');
    expect(
      await rig.event(homeOpened('UBOB'), 'Ev002', {
        'x-slack-retry-num': '1',
        'x-slack-retry-reason': 'http_timeout',
      }),
    ).toBe(200);
    await rig.event(homeOpened('UCARL'), 'Ev003');
    await rig.fake.waitFor((c) => c.method === 'views.publish' && c.args.user_id === 'UCARL');
    expect(rig.fake.called('views.publish').filter((c) => c.args.user_id === 'UBOB')).toHaveLength(1);
  });

  it('answers Slack’s URL check when the events URL is first saved', async () => {
    const body = JSON.stringify({ token: 'legacy', challenge: 'abc123', type: 'url_verification' });
    const res = await rig.post(body, 'application/json', sign(body));
    expect(await res.json()).toEqual({ challenge: 'abc123' });
  });
});

describe('a command delivered again after a restart', () => {
  it('is logged and answered once, because the trigger_id is remembered in the store', async () => {
    const services = await testServices();
    const first = await slackRig(services);
    const { body, responseUrl } = first.commandBody('UDANA', '/hours log 2h shadowing', { triggerId: 'trig-restart' });
    await first.post(body, 'application/x-www-form-urlencoded');
    await first.fake.waitFor((c) => responseUrl.endsWith(c.path));
    await first.stop();

    const second = await slackRig(services);
    const again = second.commandBody('UDANA', '/hours log 2h shadowing', { triggerId: 'trig-restart' });
    await second.post(again.body, 'application/x-www-form-urlencoded', {
      ...sign(again.body),
      'x-slack-retry-num': '1',
    });
    // The person already has the first answer; once a later command is answered, the copy had its chance.
    expect(shown(await second.command('UDANA', '/cert'))).toMatch(/hours/i);
    expect(second.fake.calls.some((c) => again.responseUrl.endsWith(c.path))).toBe(false);
    expect(await services.store.hours.list('slack:UDANA')).toHaveLength(1);
    await second.stop();
  });
});
