import { once } from 'node:events';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { botEnv, compiled, logLine, repoRoot, tempDir } from '../helpers.ts';
import { FakeSlack } from './fakeSlack.ts';
import { SIGNING_SECRET, shown, sign } from './harness.ts';

let child: ChildProcess | undefined;
let fake: FakeSlack | undefined;
afterEach(async () => {
  // Wait for the bot to exit, so it writes nothing into a temp folder being removed.
  if (child && child.exitCode === null) {
    const exited = once(child, 'exit');
    child.kill();
    await exited;
  }
  await fake?.stop();
  child = fake = undefined;
});

describe('npm start with SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_API_URL', () => {
  it('serves signed slash commands on /slack/events and a health check', async () => {
    fake = await new FakeSlack().start();
    const dir = await tempDir();
    // What `npm start` runs (the compiled bot). PORT=0: the system picks a free port, the log names it.
    child = spawn(...compiled('src/main'), {
      cwd: repoRoot,
      env: botEnv({
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
        PEERBOT_DB: path.join(dir, 'db.json'),
        PEERBOT_NOW: '2026-03-16T10:00:00-05:00',
      }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const port = Number(/listening on port (\d+)/.exec(await logLine(child, /Slack: listening on port \d+/))?.[1]);
    expect(fake.calls.some((c) => c.method === 'auth.test')).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    // On Slack's own port: ready once the token was checked, with the store answering.
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, store: 'ok', adapters: { slack: 'connected' } });

    const responseUrl = fake.responseUrl('start-1');
    const body = new URLSearchParams({
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'UALICE',
      user_name: 'alice',
      command: '/hours',
      text: 'log 2h shadowing',
      response_url: responseUrl,
      trigger_id: 'trig-start-1',
      api_app_id: 'A1',
    }).toString();
    const unsigned = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(unsigned.status).toBe(401);
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...sign(body) },
    });
    expect(res.status).toBe(200);
    const answer = await fake.waitFor((c) => c.method === 'respond' && responseUrl.endsWith(c.path), 'the answer');
    expect(shown(answer)).toMatch(/Saved: 2 hours of shadowing/);
    expect(answer.args.response_type).toBe('ephemeral');
  });
});
