import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import type { Logger } from '../../src/services.ts';
import { testServices } from '../helpers.ts';
import { FakeSlack } from './fakeSlack.ts';
import { SIGNING_SECRET, shown } from './harness.ts';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0)) await stop();
});

/** A logger that remembers lines and lets a test wait for one. */
function watchedLog(): Logger & { lines: string[]; until(pattern: RegExp, times?: number): Promise<void> } {
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; times: number; resolve: () => void }> = [];
  const count = (pattern: RegExp) => lines.filter((l) => pattern.test(l)).length;
  const push = (m: string) => {
    lines.push(m);
    for (const w of [...waiters])
      if (count(w.pattern) >= w.times) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
  };
  const until = (pattern: RegExp, times = 1): Promise<void> =>
    count(pattern) >= times ? Promise.resolve() : new Promise((resolve) => waiters.push({ pattern, times, resolve }));
  return { lines, until, info: push, warn: push, error: push };
}

async function hoursOverSocket(fake: FakeSlack, id: string): Promise<string> {
  const responseUrl = fake.responseUrl(id);
  await fake.envelope('slash_commands', {
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'UALICE',
    user_name: 'alice',
    command: '/hours',
    text: `log 1h shadowing "${id}"`,
    response_url: responseUrl,
    trigger_id: `trig-${id}`,
    api_app_id: 'A1',
  });
  return shown(await fake.waitFor((c) => responseUrl.endsWith(c.path), `an answer to ${id}`));
}

describe('Slack Socket Mode through an outage', () => {
  it('reconnects after Slack drops the connection and refuses new ones for a while, and answers again', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => void rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    cleanup.push(async () => void process.off('unhandledRejection', onRejection));
    const fake = await new FakeSlack().start();
    cleanup.push(() => fake.stop());
    const services = await testServices();
    const log = watchedLog();
    services.log = log;
    // The Web API gives up at once here; the socket must keep its own, patient policy.
    const adapter = createSlackAdapter(
      services,
      { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, appToken: 'xapp-test', apiUrl: fake.apiUrl },
      { port: 0, retryConfig: { retries: 0 }, socketPolicy: { minDelayMs: 20, maxDelayMs: 200, pingTimeoutMs: 5000 } },
    );
    await adapter.start();
    cleanup.push(() => adapter.stop());
    expect(await hoursOverSocket(fake, 'before')).toMatch(/Saved: 1 hour of shadowing/);

    await fake.refuse();
    await log.until(/connection lost/);
    // Several attempts fail while Slack is away (each one a refused connection).
    await log.until(/Socket Mode reconnect failed/, 4);
    await fake.restore();
    await fake.connected(2);
    expect(await hoursOverSocket(fake, 'after')).toMatch(/Saved: 1 hour of shadowing/);
    expect(log.lines.join('\n')).toMatch(/connection back after/);
    expect(rejections).toEqual([]);
  });

  it('reconnects when the connection drops without a close frame', async () => {
    const fake = await new FakeSlack().start();
    cleanup.push(() => fake.stop());
    const services = await testServices();
    const adapter = createSlackAdapter(
      services,
      { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, appToken: 'xapp-test', apiUrl: fake.apiUrl },
      { port: 0, retryConfig: { retries: 0 }, socketPolicy: { minDelayMs: 20, maxDelayMs: 200, pingTimeoutMs: 5000 } },
    );
    await adapter.start();
    cleanup.push(() => adapter.stop());
    for (let drop = 1; drop <= 3; drop++) {
      fake.dropConnections();
      await fake.connected(drop + 1);
      expect(await hoursOverSocket(fake, `drop-${drop}`)).toMatch(/Saved: 1 hour/);
    }
  });
});
