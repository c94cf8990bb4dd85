import { describe, expect, it } from 'vitest';
import { runNudgeCheck } from '../../src/notify/nudges.ts';
import { leaseCoordinator } from '../../src/notify/scheduler.ts';
import { plainText } from '../../src/message.ts';
import { say } from '../helpers.ts';
import { hours, MONDAY, person, recordingAdapter, seedTeam, servicesAt, tempDb } from './fixtures.ts';

const slackId = (id: string) => `slack:U${id.toUpperCase()}`;

/** Who hears what on Monday March 16 (see seedTeam): one message each, everything in it. */
const EXPECTED = ['UANA', 'UBEN', 'UCY', 'USAM', 'UTESS'];

describe('deadline nudges', () => {
  it('sends each person one message, exactly once across a restart in the middle of a run', async () => {
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
    expect(result.sent).toHaveLength(3);
    const all = [...crashing.direct, ...healthy.direct];
    expect(all.map((d) => d.userId).sort()).toEqual(EXPECTED);
    // Sam's one message has Ben's late training first, then Ana's, and the weekly summary.
    const sam = all.find((d) => d.userId === 'USAM')!.text;
    expect(sam).toContain('Your weekly summary for the week of March 16');
    expect(sam.indexOf('Late:')).toBeLessThan(sam.indexOf('Ben: Training'));
    expect(sam.indexOf('Ben: Training')).toBeLessThan(sam.indexOf('Ana: Training'));

    const again = recordingAdapter('slack');
    expect((await runNudgeCheck(await servicesAt(db, MONDAY), [again.adapter])).sent).toEqual([]);
    expect(again.direct).toEqual([]);
  });

  it('keeps a message the platform refused, and sends it at the next check', async () => {
    const db = await tempDb();
    const services = await servicesAt(db, MONDAY);
    await seedTeam(services, slackId);
    const flaky = recordingAdapter('slack', { failAt: 1 });
    expect((await runNudgeCheck(services, [flaky.adapter])).sent).toHaveLength(4);
    const later = recordingAdapter('slack');
    const { sent } = await runNudgeCheck(await servicesAt(db, '2026-03-16T11:00:00-05:00'), [later.adapter]);
    expect(sent).toHaveLength(1);
    expect([...flaky.direct, ...later.direct].map((d) => d.userId).sort()).toEqual(EXPECTED);
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
    expect(sent.map((s) => s.to).sort()).toEqual(['ana', 'ben', 'cy', 'sam', 'tess']);
  });

  it('sends each supervisor a weekly summary that lists only their own mentors', async () => {
    const db = await tempDb();
    const services = await servicesAt(db, MONDAY);
    await seedTeam(services);
    await runNudgeCheck(services, []);
    const samInbox = (await services.inbox!.take('sam')).map((r) => plainText(r));
    expect(samInbox).toHaveLength(1);
    const samDigest = samInbox[0]!;
    expect(samDigest).toContain('Your weekly summary for the week of March 16');
    expect(samDigest).toMatch(/Ana: Training within 30 days of hire, 12 hours still needed \(due Sunday, March 22\)/);
    expect(samDigest).toMatch(/Late:\nBen: /);
    expect(samDigest).not.toContain('Cy');
    const tessDigest = (await services.inbox!.take('tess')).map((r) => plainText(r)).join('\n');
    expect(tessDigest).toContain('Cy');
    expect(tessDigest).not.toMatch(/Ana|Ben/);
    // Later the same week: no second summary.
    const wednesday = await servicesAt(db, '2026-03-18T10:00:00-05:00');
    expect((await runNudgeCheck(wednesday, [])).sent.filter((s) => s.key.includes('digest'))).toEqual([]);
  });

  it("names mentors with no supervisor in each admin's weekly summary, once a week", async () => {
    const db = await tempDb();
    const services = await servicesAt(db, MONDAY);
    await seedTeam(services);
    await services.store.people.put(person('ada', { name: 'Ada', role: 'admin' }));
    await services.store.people.put(person('dee', { name: 'Dee', hired: '2026-03-01' }));
    await services.store.people.put(person('eli', { name: 'Eli', hired: '2026-03-01' }));
    await runNudgeCheck(services, []);
    const ada = (await services.inbox!.take('ada')).map((r) => plainText(r));
    expect(ada).toHaveLength(1);
    expect(ada[0]).toContain('2 mentors have no supervisor: Dee, Eli.');
    expect(ada[0]).toContain('/admin people no-supervisor');
    // A supervisor's summary does not name other people's unsupervised mentors.
    expect((await services.inbox!.take('sam')).map((r) => plainText(r)).join('\n')).not.toMatch(/Dee|Eli/);
    // Later the same week: nothing more about it.
    const wednesday = await servicesAt(db, '2026-03-18T10:00:00-05:00');
    expect((await runNudgeCheck(wednesday, [])).sent.filter((s) => s.to === 'ada')).toEqual([]);
    // Once every mentor has a supervisor, the admin hears nothing the next week.
    await services.store.people.update('dee', (p) => ({ ...p, supervisorId: 'sam' }));
    await services.store.people.update('eli', (p) => ({ ...p, supervisorId: 'sam' }));
    const nextMonday = await servicesAt(db, '2026-03-23T10:00:00-05:00');
    expect((await runNudgeCheck(nextMonday, [])).sent.filter((s) => s.to === 'ada')).toEqual([]);
  });

  it('reaches an admin who has only ever typed /admin commands', async () => {
    const db = await tempDb();
    const services = await servicesAt(db, MONDAY);
    // A refused /admin command stores nothing, the admin included (found by npm run fuzz).
    expect(await say(services, 'admin', '/admin admin')).toContain('What should I do?');
    expect(await services.store.people.all()).toEqual([]);
    await say(services, 'admin', '/admin enroll @dee name:Dee hired:2026-03-01');
    await runNudgeCheck(services, []);
    const admin = (await services.inbox!.take('admin')).map((r) => plainText(r)).join('\n');
    expect(admin).toContain('1 mentor has no supervisor: Dee.');
  });

  it('tells a supervisor how many entries wait for approval, with a button, and nudges entries older than 7 days once', async () => {
    const db = await tempDb();
    const services = await servicesAt(db, MONDAY);
    await seedTeam(services);
    await hours(services, 'ana', [
      { date: '2026-03-02', loggedOn: '2026-03-02' },
      { date: '2026-03-03', loggedOn: '2026-03-03' },
      { date: '2026-03-13', loggedOn: '2026-03-13' },
    ]);
    await hours(services, 'ben', [{ date: '2026-03-14', loggedOn: '2026-03-14' }]);
    await runNudgeCheck(services, []);
    const [sam] = await services.inbox!.take('sam');
    const text = plainText(sam!);
    expect(text).toContain('4 entries wait for your approval.');
    expect(text).toContain('Waiting more than 7 days: Ana (2 entries).');
    expect(text).toContain('→ Review entries: type /hours approve');
    // Late first, then the long-waiting entries, then the count, then what is due soon.
    const order = ['Late:', 'Waiting more than 7 days', 'wait for your approval', 'Due in the next 30 days:'];
    expect(order.map((t) => text.indexOf(t))).toEqual([...order.map((t) => text.indexOf(t))].sort((a, b) => a - b));
    // The button runs the real review.
    expect(await say(services, 'sam', '/hours approve')).toContain('Ana');
    // The next check has nothing new for Sam: the old entries were nudged once.
    const later = await servicesAt(db, '2026-03-16T15:00:00-05:00');
    expect((await runNudgeCheck(later, [])).sent.filter((s) => s.to === 'sam')).toEqual([]);
  });

  it('sends a step only the agency can do to the supervisor, not the mentor, and never invites a mentor to mute', async () => {
    const db = await tempDb();
    // Mia's 180-day internship ends Friday March 20: the agency's evaluation is due then.
    const services = await servicesAt(db, MONDAY);
    await seedTeam(services);
    await services.store.people.put({
      id: 'mia',
      name: 'Mia',
      role: 'mentor',
      programId: 'wi-peer-mentor',
      supervisorId: 'sam',
      hired: '2025-09-01',
      internshipStart: '2025-09-21',
      milestones: {},
      nudgesMuted: false,
      createdAt: '2025-09-01T00:00:00-05:00',
    });
    await runNudgeCheck(services, []);
    const mia = (await services.inbox!.take('mia')).map((r) => plainText(r)).join('\n');
    expect(mia).toMatch(/Reminder|reminders/);
    expect(mia).not.toContain('Evaluation by your agency');
    expect(mia).not.toMatch(/mute/i);
    const sam = (await services.inbox!.take('sam')).map((r) => plainText(r)).join('\n');
    expect(sam).toMatch(/Mia: Agency evaluation \(due Friday, March 20\)\. You or the agency do this step\./);
    expect(sam).not.toContain('your agency');
    // Required steps: nobody is invited to turn the reminders off (issue 15).
    expect(sam).not.toMatch(/mute|stop these reminders|fewer reminders/i);
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
    expect(sent.filter((s) => s.to === 'sam' && s.text.includes('Ana: Training'))).toHaveLength(1);
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
