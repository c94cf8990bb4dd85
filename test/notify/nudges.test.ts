import { describe, expect, it } from 'vitest';
import { runNudgeCheck } from '../../src/notify/nudges.ts';
import { leaseCoordinator } from '../../src/notify/scheduler.ts';
import { plainText } from '../../src/message.ts';
import { say } from '../helpers.ts';
import { MONDAY, recordingAdapter, seedTeam, servicesAt, tempDb } from './fixtures.ts';

const slackId = (id: string) => `slack:U${id.toUpperCase()}`;

/** Who should hear what on Monday March 16 (see seedTeam). */
const EXPECTED = [
  'UANA ana:training-30:2026-03-22',
  'USAM ana:training-30:2026-03-22',
  'UBEN ben:training-30:2026-01-31',
  'USAM ben:training-30:2026-01-31',
  'UCY cy:training-30:2026-03-22',
  'UTESS cy:training-30:2026-03-22',
  'USAM digest',
  'UTESS digest',
].sort();

describe('deadline nudges', () => {
  it('sends each nudge exactly once across a restart in the middle of a run', async () => {
    const db = await tempDb();
    const first = await servicesAt(db, MONDAY);
    await seedTeam(first, slackId);
    const crashing = recordingAdapter('slack', { hangAt: 3 });
    // The first process stops for good while sending its third message.
    void runNudgeCheck(first, [crashing.adapter]);
    await crashing.hung;
    expect(crashing.direct).toHaveLength(2);

    const restarted = await servicesAt(db, MONDAY);
    const healthy = recordingAdapter('slack');
    const result = await runNudgeCheck(restarted, [healthy.adapter]);
    expect(result.sent).toHaveLength(6);

    const all = [...crashing.direct, ...healthy.direct].map((d) => {
      if (d.text.includes('weekly summary')) return `${d.userId} digest`;
      const who = /Reminder about (\w+)/.exec(d.text)?.[1] ?? d.userId.slice(1);
      return `${d.userId} ${who.toLowerCase()}:training-30:${/March 22/.test(d.text) ? '2026-03-22' : '2026-01-31'}`;
    });
    expect(all.sort()).toEqual(EXPECTED);

    const again = recordingAdapter('slack');
    expect((await runNudgeCheck(await servicesAt(db, MONDAY), [again.adapter])).sent).toEqual([]);
    expect(again.direct).toEqual([]);
  });

  it('keeps a message the platform refused, and sends it at the next check', async () => {
    const db = await tempDb();
    const services = await servicesAt(db, MONDAY);
    await seedTeam(services, slackId);
    const flaky = recordingAdapter('slack', { failAt: 1 });
    expect((await runNudgeCheck(services, [flaky.adapter])).sent).toHaveLength(7);
    const later = recordingAdapter('slack');
    const { sent } = await runNudgeCheck(await servicesAt(db, '2026-03-16T11:00:00-05:00'), [later.adapter]);
    expect(sent).toHaveLength(1);
    expect(new Set([...flaky.direct, ...later.direct].map((d) => d.userId + d.text)).size).toBe(8);
  });

  it('sends nothing in quiet hours, and catches up in the morning', async () => {
    const db = await tempDb();
    const evening = await servicesAt(db, '2026-03-16T21:30:00-05:00');
    await seedTeam(evening);
    expect(await runNudgeCheck(evening, [])).toEqual({ quiet: true, sent: [] });
    const early = await servicesAt(db, '2026-03-17T07:59:00-05:00');
    expect(await runNudgeCheck(early, [])).toEqual({ quiet: true, sent: [] });
    expect(await early.inbox!.take('ana')).toEqual([]);
    const morning = await servicesAt(db, '2026-03-17T08:00:00-05:00');
    const { sent } = await runNudgeCheck(morning, []);
    expect(sent.map((s) => s.to).sort()).toEqual(['ana', 'ben', 'cy', 'sam', 'sam', 'sam', 'tess', 'tess']);
  });

  it('sends each supervisor a weekly digest that lists only their own mentors', async () => {
    const db = await tempDb();
    const services = await servicesAt(db, MONDAY);
    await seedTeam(services);
    await runNudgeCheck(services, []);
    const samInbox = (await services.inbox!.take('sam')).map((r) => plainText(r));
    const samDigest = samInbox.find((t) => t.includes('weekly summary'))!;
    expect(samDigest).toContain('Your weekly summary for the week of March 16');
    expect(samDigest).toMatch(
      /Ana\n {2}Soon: Training within 30 days of hire, 12 hours still needed \(due Sunday, March 22\)/,
    );
    expect(samDigest).toMatch(/Ben\n {2}Late: /);
    expect(samDigest).not.toContain('Cy');
    const tessDigest = (await services.inbox!.take('tess'))
      .map((r) => plainText(r))
      .find((t) => t.includes('weekly summary'))!;
    expect(tessDigest).toContain('Cy');
    expect(tessDigest).not.toMatch(/Ana|Ben/);
    // Later the same week: no second digest.
    const wednesday = await servicesAt(db, '2026-03-18T10:00:00-05:00');
    expect((await runNudgeCheck(wednesday, [])).sent.filter((s) => s.key.includes('digest'))).toEqual([]);
  });

  it('catches up a missed mark while the deadline is ahead, and sends one nudge, not two', async () => {
    const db = await tempDb();
    // Ana's training is due March 22: nothing ran at 14 days; the first check is 9 days before.
    const early = await servicesAt(db, '2026-03-13T10:00:00-05:00');
    await seedTeam(early);
    const firstRun = (await runNudgeCheck(early, [])).sent.filter((s) => s.to === 'ana');
    expect(firstRun.map((s) => s.key)).toEqual(['ana|ana:training-30:2026-03-22|14']);
    expect(firstRun[0]!.text).toContain('is due in 9 days, on Sunday, March 22.');
    const later = await servicesAt(db, '2026-03-16T10:00:00-05:00');
    expect((await runNudgeCheck(later, [])).sent.filter((s) => s.to === 'ana').map((s) => s.key)).toEqual([
      'ana|ana:training-30:2026-03-22|7',
    ]);
  });

  it('sends nothing to a person who muted nudges, but still tells their supervisor', async () => {
    const db = await tempDb();
    const services = await servicesAt(db, MONDAY);
    await seedTeam(services);
    expect(await say(services, 'ana', '/deadlines mute')).toContain('OK. I will not send you deadline reminders.');
    expect(await services.store.people.get('ana')).toMatchObject({
      nudgesMuted: true,
      supervisorId: 'sam',
      hired: '2026-02-20',
    });
    const { sent } = await runNudgeCheck(services, []);
    expect(sent.filter((s) => s.to === 'ana')).toEqual([]);
    expect(sent.filter((s) => s.to === 'sam' && s.text.includes('Reminder about Ana'))).toHaveLength(1);
    expect(await say(services, 'ana', '/deadlines unmute')).toContain('I will send you deadline reminders again.');
    expect((await services.store.people.get('ana'))!.nudgesMuted).toBe(false);
  });

  it('lets only one of two instances on one store run a scheduled slot', async () => {
    const db = await tempDb();
    const services = await servicesAt(db, MONDAY);
    const a = leaseCoordinator(services.store, 'instance-a');
    const b = leaseCoordinator(services.store, 'instance-b');
    const slot = 'peerbot-nudges:2026-03-16T15:00:00.000Z';
    const answers = await Promise.all([a.shouldRun(slot, 60_000), b.shouldRun(slot, 60_000)]);
    expect(answers.filter(Boolean)).toHaveLength(1);
  });
});
