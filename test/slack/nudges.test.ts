import { describe, expect, it } from 'vitest';
import { runNudgeCheck } from '../../src/notify/nudges.ts';
import type { Services } from '../../src/services.ts';
import type { Person } from '../../src/store/schema.ts';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { FakeSlack } from './fakeSlack.ts';
import { SIGNING_SECRET, shown } from './harness.ts';
import { MONDAY, servicesAt, tempDb } from '../notify/fixtures.ts';

const base = { milestones: {}, nudgesMuted: false, createdAt: '2026-01-01T00:00:00-06:00' };

/** One supervisor with `count` NC mentors hired Feb 20: each one's 30-day training is 6 days away on Monday March 16. */
async function bigTeam(services: Services, count: number): Promise<void> {
  const people: Person[] = [{ id: 'sue', name: 'Sue', role: 'supervisor', programId: 'wi-peer-mentor', ...base }];
  for (let i = 1; i <= count; i++) {
    const id = `m${String(i).padStart(2, '0')}`;
    people.push({
      id,
      name: `Mentor ${i}`,
      role: 'mentor',
      programId: 'nc-peer-support',
      supervisorId: 'sue',
      hired: '2026-02-20',
      ...base,
    });
  }
  for (const p of people) {
    await services.store.people.put(p);
    await services.store.people.link(`slack:U${p.id.toUpperCase()}`, p.id);
  }
}

function adapterOn(fake: FakeSlack, services: Services, pace = { channelMs: 0, workspaceMs: 0 }) {
  return createSlackAdapter(
    services,
    { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl },
    // Three quick retries, as the adapter's own default (3) but without its half-second backoff.
    { port: 0, retryConfig: { retries: 3, minTimeout: 1, maxTimeout: 5 }, pace },
  );
}

const postsTo = (fake: FakeSlack, channel: string) =>
  fake.called('chat.postMessage').filter((c) => c.args.channel === channel && !c.error);

describe('nudges through the Slack Web API', { timeout: 60_000 }, () => {
  it('sends a supervisor of 50 mentors one message at the first check, and opens each DM once, across a restart', async () => {
    const fake = await new FakeSlack().start();
    try {
      const db = await tempDb();
      const services = await servicesAt(db, MONDAY);
      await bigTeam(services, 50);
      await runNudgeCheck(services, [adapterOn(fake, services)]);
      expect(postsTo(fake, 'DUSUE')).toHaveLength(1);
      const message = shown(postsTo(fake, 'DUSUE')[0]!);
      expect(message).toContain('Your weekly summary for the week of March 16');
      expect(message).toContain('Mentor 50: Training within 30 days of hire');
      // Every person: one message, one conversations.open.
      const channels = fake.called('chat.postMessage').map((c) => String(c.args.channel));
      expect(channels).toHaveLength(51);
      expect(new Set(channels).size).toBe(51);
      expect(fake.called('conversations.open')).toHaveLength(51);

      // Two days later, after a restart: new reminders (the 1-day mark is not yet due; Ben-like late ones are),
      // and the DM channels come from the store, not from Slack again.
      const restarted = await servicesAt(db, '2026-03-21T10:00:00-05:00');
      const before = fake.calls.length;
      await runNudgeCheck(restarted, [adapterOn(fake, restarted)]);
      const later = fake.calls.slice(before);
      expect(later.filter((c) => c.method === 'chat.postMessage').length).toBeGreaterThan(0);
      expect(later.filter((c) => c.method === 'conversations.open')).toEqual([]);
      expect(later.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'DUSUE')).toHaveLength(1);
    } finally {
      await fake.stop();
    }
  });

  it('waits as long as Retry-After says when Slack answers 429 ratelimited, then delivers', async () => {
    const fake = await new FakeSlack().start();
    try {
      const services = await servicesAt(await tempDb(), MONDAY);
      await bigTeam(services, 1);
      fake.rateLimit('chat.postMessage', 1, 1);
      const { sent } = await runNudgeCheck(services, [adapterOn(fake, services)]);
      expect(sent.map((s) => s.to).sort()).toEqual(['slack:UM01', 'slack:USUE']);
      // The retry came after the Retry-After had passed: Slack never saw an early one.
      expect(fake.limited.map((c) => c.error)).toEqual(['ratelimited']);
    } finally {
      await fake.stop();
    }
  });

  it('leaves a nudge queued after a fourth 429 in a row, and sends it at the next check', async () => {
    const fake = await new FakeSlack().start();
    try {
      const db = await tempDb();
      const services = await servicesAt(db, MONDAY);
      await bigTeam(services, 1);
      // The first message gets 429 four times (its first try and three retries); the next goes through.
      fake.rateLimit('chat.postMessage', 4, 0);
      const first = await runNudgeCheck(services, [adapterOn(fake, services)]);
      expect(fake.limited).toHaveLength(4);
      expect(first.sent).toHaveLength(1);
      const next = await runNudgeCheck(await servicesAt(db, '2026-03-16T11:00:00-05:00'), [adapterOn(fake, services)]);
      expect(next.sent).toHaveLength(1);
      expect(new Set([...first.sent, ...next.sent].map((s) => s.to))).toEqual(new Set(['slack:UM01', 'slack:USUE']));
    } finally {
      await fake.stop();
    }
  });

  it('posts about once a second per channel, so Slack never refuses a burst', async () => {
    const fake = await new FakeSlack().start();
    try {
      fake.enforceChannelRate = true;
      const services = await servicesAt(await tempDb(), MONDAY);
      const adapter = adapterOn(fake, services, { channelMs: 1000, workspaceMs: 10 });
      const reply = { blocks: [{ kind: 'text' as const, text: 'The call is tomorrow.' }], private: false };
      await Promise.all([1, 2, 3].map(() => adapter.postToChannel('C1', reply)));
      expect(postsTo(fake, 'C1')).toHaveLength(3);
      expect(fake.limited).toEqual([]);
    } finally {
      await fake.stop();
    }
  });
});
