import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { textReply, reply } from '../../src/message.ts';
import { testServices } from '../helpers.ts';
import { FakeSlack } from './fakeSlack.ts';
import { SIGNING_SECRET } from './harness.ts';

const settings = (apiUrl: string) => ({ botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl });
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0)) await stop();
});

async function fakeSlack(): Promise<FakeSlack> {
  const fake = await new FakeSlack().start();
  cleanup.push(() => fake.stop());
  return fake;
}

/** Collects unhandled rejections while a test runs: start-up must never leave one behind. */
function watchRejections(): unknown[] {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  cleanup.push(async () => void process.off('unhandledRejection', listener));
  return seen;
}

describe('starting and stopping the Slack adapter', () => {
  it('checks the token with auth.test at SLACK_API_URL when it starts', async () => {
    const fake = await fakeSlack();
    const adapter = createSlackAdapter(await testServices(), settings(fake.apiUrl), {
      port: 0,
      retryConfig: { retries: 0 },
    });
    expect(fake.called('auth.test')).toHaveLength(0); // nothing happens in the constructor
    await adapter.start();
    cleanup.push(() => adapter.stop());
    expect(fake.called('auth.test')).toHaveLength(1);
    expect(adapter.mode).toBe('http');
  });

  it('stops with a clear message when the Web API cannot be reached, and leaves no unhandled rejection', async () => {
    const rejections = watchRejections();
    const closed = await hangUpPort();
    const adapter = createSlackAdapter(await testServices(), settings(`http://127.0.0.1:${closed}/api/`), {
      port: 0,
      retryConfig: { retries: 0 },
    });
    await expect(adapter.start()).rejects.toThrow(
      `the Slack Web API at http://127.0.0.1:${closed}/api/ cannot be reached`,
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(rejections).toEqual([]);
  });

  it('stops with a clear message when Slack refuses the bot token', async () => {
    const fake = await fakeSlack();
    fake.authError = 'invalid_auth';
    const adapter = createSlackAdapter(await testServices(), settings(fake.apiUrl), {
      port: 0,
      retryConfig: { retries: 0 },
    });
    await expect(adapter.start()).rejects.toThrow(/did not accept SLACK_BOT_TOKEN \(invalid_auth\).*xoxb-/);
  });

  it('says the port is in use when it is', async () => {
    const fake = await fakeSlack();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    cleanup.push(() => new Promise((resolve) => blocker.close(() => resolve())));
    const port = (blocker.address() as net.AddressInfo).port;
    const adapter = createSlackAdapter(await testServices(), settings(fake.apiUrl), {
      port,
      retryConfig: { retries: 0 },
    });
    await expect(adapter.start()).rejects.toThrow(/port is already in use/);
  });

  it('sends a direct message without being started (for npm run nudge)', async () => {
    const fake = await fakeSlack();
    const adapter = createSlackAdapter(await testServices(), settings(fake.apiUrl), { retryConfig: { retries: 0 } });
    await adapter.sendDirect('U100', textReply('Your Peer Mentor 101 training is due in 7 days.'));
    expect(fake.called('conversations.open')[0]!.args.users).toBe('U100');
    const sent = fake.called('chat.postMessage')[0]!;
    expect(sent.args.channel).toBe('DU100');
    expect(sent.args.text).toBe('Your Peer Mentor 101 training is due in 7 days.');
    expect(fake.called('auth.test')).toHaveLength(0);
  });

  it('posts a meeting reminder to a channel, with its calendar file, without being started', async () => {
    const fake = await fakeSlack();
    const adapter = createSlackAdapter(await testServices(), settings(fake.apiUrl), { retryConfig: { retries: 0 } });
    const reminder = reply([{ kind: 'text', text: 'Learning Collaborative is tomorrow at 10:00 AM.' }], {
      private: false,
      files: [
        { filename: 'meeting.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' },
      ],
    });
    await adapter.postToChannel('C42', reminder);
    expect(fake.called('chat.postMessage')[0]!.args.channel).toBe('C42');
    expect(fake.called('files.completeUploadExternal')[0]!.args.channel_id).toBe('C42');
    expect(fake.called('upload')[0]!.raw).toContain('BEGIN:VCALENDAR');
  });
});

describe('channel posts', () => {
  it('refuses to post a private reply (personal data) in a channel', async () => {
    const fake = await fakeSlack();
    const adapter = createSlackAdapter(await testServices(), settings(fake.apiUrl), { retryConfig: { retries: 0 } });
    await expect(adapter.postToChannel('C42', textReply('Alice has 45 of 90 hours.'))).rejects.toThrow(
      /refused to post a private reply/,
    );
    expect(fake.called('chat.postMessage')).toEqual([]);
  });
});

/**
 * A port where nothing answers: a server the system gave a port to, which hangs up on every
 * connection. (Closing a server and reusing its port would race with anything else on the machine.)
 */
async function hangUpPort(): Promise<number> {
  const server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return (server.address() as net.AddressInfo).port;
}
