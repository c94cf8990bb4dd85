import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySlackRequest } from '@slack/bolt';
import { timestampInWindow } from '../../adapters/slack/receiver.ts';
import { slackRig, sign, shown, SIGNING_SECRET } from './harness.ts';
import type { SlackRig } from './harness.ts';
import { testServices } from '../helpers.ts';
import { withFixtureCommands } from './fixtures.ts';

describe('Slack over HTTP: the signed front door', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig(withFixtureCommands(await testServices()));
  });
  afterAll(async () => rig.stop());

  it('answers a correctly signed slash command through its response_url', async () => {
    const answer = await rig.command('U100', '/echo hello there');
    expect(shown(answer)).toContain('hello there');
  });

  it('reports healthy on GET /healthz, with the store answering', async () => {
    const res = await fetch(rig.eventsUrl.replace('/slack/events', '/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, store: 'ok' });
  });

  it('refuses a request with a wrong signature with 401 and runs nothing', async () => {
    const { body, responseUrl } = rig.commandBody('U100', '/echo forged');
    const res = await rig.post(body, 'application/x-www-form-urlencoded', sign(body, undefined, 'not-the-secret'));
    expect(res.status).toBe(401);
    await rig.command('U100', '/echo after'); // a later request is answered, so the forged one had its chance
    expect(rig.fake.calls.some((c) => responseUrl.endsWith(c.path))).toBe(false);
  });

  it('refuses a request signed 6 minutes ago (stale) with 401', async () => {
    const { body } = rig.commandBody('U100', '/echo stale');
    const res = await rig.post(
      body,
      'application/x-www-form-urlencoded',
      sign(body, Math.floor(Date.now() / 1000) - 6 * 60),
    );
    expect(res.status).toBe(401);
  });

  it('refuses a correctly signed request stamped an hour in the future with 401', async () => {
    const { body } = rig.commandBody('U100', '/echo future');
    const res = await rig.post(
      body,
      'application/x-www-form-urlencoded',
      sign(body, Math.floor(Date.now() / 1000) + 60 * 60),
    );
    expect(res.status).toBe(401);
  });

  it('accepts a request stamped 4 minutes off either way (clock drift)', async () => {
    for (const drift of [-4 * 60, 4 * 60]) {
      const { body } = rig.commandBody('U100', '/echo drift');
      const res = await rig.post(
        body,
        'application/x-www-form-urlencoded',
        sign(body, Math.floor(Date.now() / 1000) + drift),
      );
      expect(res.status).toBe(200);
    }
  });

  it('refuses a request with no signature headers at all', async () => {
    const { body } = rig.commandBody('U100', '/echo bare');
    const res = await rig.post(body, 'application/x-www-form-urlencoded', {});
    expect(res.status).toBe(401);
  });

  it('answers a command that fails inside with an apology, not silence', async () => {
    const answer = await rig.command('U100', '/broken');
    expect(shown(answer)).toMatch(/Sorry, something went wrong/);
    expect(answer.args.response_type).toBe('ephemeral');
  });

  it('answers an unknown slash command in plain words', async () => {
    const answer = await rig.command('U100', '/nosuch thing');
    expect(shown(answer)).toMatch(/I don't know the command \/nosuch/);
  });
});

describe('the signature time window', () => {
  it("is needed: Bolt's own check accepts a request signed an hour in the future", () => {
    const body = 'command=%2Fhours&text=log+2h+shadowing';
    const future = Math.floor(Date.now() / 1000) + 60 * 60;
    const headers = sign(body, future);
    const check = () =>
      verifySlackRequest({
        signingSecret: SIGNING_SECRET,
        body,
        headers: { 'x-slack-request-timestamp': future, 'x-slack-signature': headers['x-slack-signature']! },
      });
    expect(check).not.toThrow();
    expect(timestampInWindow(String(future))).toBe(false);
  });

  it('allows 5 minutes either way and nothing more, by the real clock', () => {
    const now = 1_773_673_200_000;
    const at = (seconds: number) => String(now / 1000 + seconds);
    expect(timestampInWindow(at(300), now)).toBe(true);
    expect(timestampInWindow(at(-300), now)).toBe(true);
    expect(timestampInWindow(at(301), now)).toBe(false);
    expect(timestampInWindow(at(-301), now)).toBe(false);
    expect(timestampInWindow('soon', now)).toBe(false);
    expect(timestampInWindow(undefined, now)).toBe(false);
  });
});
