import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { testServices } from '../helpers.ts';
import { FakeSlack } from './fakeSlack.ts';
import { SIGNING_SECRET, shown } from './harness.ts';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0)) await stop();
});

describe('Slack in Socket Mode (SLACK_APP_TOKEN set)', () => {
  it('connects over a WebSocket and answers a slash command sent through it', async () => {
    const fake = await new FakeSlack().start();
    cleanup.push(() => fake.stop());
    const adapter = createSlackAdapter(
      await testServices(),
      { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, appToken: 'xapp-test', apiUrl: fake.apiUrl },
      { port: 0, retryConfig: { retries: 0 } },
    );
    expect(adapter.mode).toBe('socket');
    await adapter.start();
    cleanup.push(() => adapter.stop());
    expect(fake.called('apps.connections.open')).toHaveLength(1);

    const responseUrl = fake.responseUrl('socket-1');
    await fake.envelope('slash_commands', {
      token: 'legacy',
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'UALICE',
      user_name: 'alice',
      command: '/hours',
      text: 'log 2h shadowing',
      response_url: responseUrl,
      trigger_id: 'trig-socket-1',
      api_app_id: 'A1',
    });
    const answer = await fake.waitFor((c) => responseUrl.endsWith(c.path), 'an answer over Socket Mode');
    expect(shown(answer)).toMatch(/Saved: 2 hours of shadowing/);
    expect(answer.args.response_type).toBe('ephemeral');

    const health = await fetch(`http://127.0.0.1:${adapter.port}/healthz`);
    expect(health.status).toBe(200);
  });

  it('stops with a clear message when Slack refuses the app token', async () => {
    const fake = await new FakeSlack().start();
    cleanup.push(() => fake.stop());
    const adapter = createSlackAdapter(
      await testServices(),
      { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, appToken: 'xapp-revoked', apiUrl: fake.apiUrl },
      { port: 0, retryConfig: { retries: 0 } },
    );
    fake.failMethod('apps.connections.open', 'invalid_auth');
    await expect(adapter.start()).rejects.toThrow(/did not accept SLACK_APP_TOKEN \(invalid_auth\).*xapp-/);
  });

  it('refuses a bot token given as the app token before calling Slack', async () => {
    const fake = await new FakeSlack().start();
    cleanup.push(() => fake.stop());
    const adapter = createSlackAdapter(
      await testServices(),
      { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, appToken: 'xoxb-test', apiUrl: fake.apiUrl },
      { port: 0, retryConfig: { retries: 0 } },
    );
    await expect(adapter.start()).rejects.toThrow(/SLACK_APP_TOKEN must be an app-level token: it starts with xapp-/);
    expect(fake.calls).toEqual([]);
  });
});
