import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shown, slackRig } from './harness.ts';
import type { SlackRig } from './harness.ts';

describe('a button the bot can no longer read', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig();
  });
  afterAll(async () => {
    await rig.stop();
  });

  it('still gets a plain answer instead of silence', async () => {
    const responseUrl = rig.fake.responseUrl(randomUUID());
    const payload = {
      type: 'block_actions',
      team: { id: 'T1', domain: 'peers' },
      user: { id: 'UALICE', username: 'alice', team_id: 'T1' },
      api_app_id: 'A1',
      token: 'legacy',
      trigger_id: `trig-${randomUUID()}`,
      response_url: responseUrl,
      container: { type: 'message', message_ts: '1773673200.000900', channel_id: 'C1', is_ephemeral: true },
      channel: { id: 'C1', name: 'general' },
      actions: [
        {
          type: 'button',
          action_id: 'peerbot:0:0:0',
          block_id: 'b1',
          text: { type: 'plain_text', text: 'Old' },
          value: 'made by an old version',
          action_ts: '1',
        },
      ],
    };
    const res = await rig.post(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(200);
    const answer = await rig.fake.waitFor((c) => c.method === 'respond' && responseUrl.endsWith(c.path), 'the answer');
    expect(shown(answer)).toMatch(/too old to use/);
  });
});
