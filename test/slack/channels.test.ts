import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminderCheck } from '../../src/notify/reminders.ts';
import { meetingStore } from '../../src/meetings/meetings.ts';
import { servicesAt, tempDb } from '../notify/fixtures.ts';
import { slackRig, shown } from './harness.ts';
import type { SlackRig } from './harness.ts';

const LC = '/meet schedule "Learning Collaborative" meeting every 2nd tuesday 10:00 90m https://zoom.us/j/123';

describe('where a meeting can be scheduled on Slack', () => {
  let rig: SlackRig;
  let db: string;
  beforeAll(async () => {
    db = await tempDb();
    rig = await slackRig(await servicesAt(db, '2026-03-02T09:00:00-06:00'));
    await rig.services.store.people.put({
      id: 'fran',
      name: 'Fran',
      role: 'facilitator',
      programId: 'wi-peer-mentor',
      milestones: {},
      nudgesMuted: false,
      createdAt: '2026-01-01T00:00:00-06:00',
    });
    await rig.services.store.people.link('slack:UFRAN', 'fran');
  });
  afterAll(async () => rig.stop());

  it('refuses /meet schedule at once in a private channel the bot is not in, says why, and stores nothing', async () => {
    rig.fake.channels.set('GSECRET', { kind: 'private', member: false });
    const answer = await rig.command('UFRAN', LC, { channelId: 'GSECRET' });
    expect(shown(answer)).toContain(
      "I can't post in this private channel. Invite me with /invite @peerbot, or schedule it in a public channel.",
    );
    expect(shown(answer)).toMatch(/Example: \/meet schedule/);
    expect(await (await meetingStore(rig.services)).all()).toEqual([]);
  });

  it('refuses it in a direct message between people', async () => {
    rig.fake.channels.set('DOTHERS', { kind: 'im', member: false });
    const answer = await rig.command('UFRAN', LC, { channelId: 'DOTHERS' });
    expect(shown(answer)).toContain("I can't post in a direct message between people.");
    expect(await (await meetingStore(rig.services)).all()).toEqual([]);
  });

  it('tells the facilitator once by direct message when reminders later cannot be posted', async () => {
    rig.fake.channels.set('GTEAM', { kind: 'private', member: true });
    expect(shown(await rig.command('UFRAN', LC, { channelId: 'GTEAM' }))).toContain(
      'Scheduled: Learning Collaborative',
    );
    // Someone removes the bot from the channel before the day-before reminder.
    rig.fake.channels.set('GTEAM', { kind: 'private', member: false, removed: true });
    const services = await servicesAt(db, '2026-03-09T10:00:00-05:00');
    services.adapters = [rig.adapter];
    expect(await runReminderCheck(services, [rig.adapter])).toEqual([]);
    const refused = rig.fake.called('chat.postMessage').filter((c) => c.args.channel === 'GTEAM');
    expect(refused.map((c) => c.error)).toEqual(['not_in_channel']);
    const told = rig.fake.called('chat.postMessage').filter((c) => c.args.channel === 'DUFRAN');
    expect(told).toHaveLength(1);
    expect(shown(told[0]!)).toContain('The reminders for Learning Collaborative could not be posted.');
    expect(shown(told[0]!)).toContain(
      'Invite me with /invite @peerbot. Or schedule the meeting again in a public channel.',
    );
    // The hour-before reminder fails the same way: the facilitator is not told again.
    const later = await servicesAt(db, '2026-03-10T09:05:00-05:00');
    later.adapters = [rig.adapter];
    await runReminderCheck(later, [rig.adapter]);
    expect(rig.fake.called('chat.postMessage').filter((c) => c.args.channel === 'DUFRAN')).toHaveLength(1);
  });
});
