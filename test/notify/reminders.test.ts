import { describe, expect, it } from 'vitest';
import { say } from '../helpers.ts';
import { runReminderCheck } from '../../src/notify/reminders.ts';
import { recordingAdapter, servicesAt, tempDb } from './fixtures.ts';

const LC = '/meet schedule "Learning Collaborative" meeting every 2nd tuesday 10:00 90m https://zoom.us/j/123';

async function scheduledInSlack(db: string) {
  const services = await servicesAt(db, '2026-03-02T09:00:00-06:00');
  await services.store.people.put({
    id: 'fran',
    role: 'facilitator',
    programId: 'wi-peer-mentor',
    milestones: {},
    nudgesMuted: false,
    createdAt: 'x',
  });
  await services.store.people.link('slack:UFRAN', 'fran');
  await say(services, 'UFRAN', LC, { platform: 'slack', channelId: 'C42' });
}

describe('meeting reminders', () => {
  it('posts a day before and an hour before, to the channel it was scheduled in, once each', async () => {
    const db = await tempDb();
    await scheduledInSlack(db);
    const slack = recordingAdapter('slack');
    // Too early: two days before.
    expect(await runReminderCheck(await servicesAt(db, '2026-03-08T10:00:00-05:00'), [slack.adapter])).toEqual([]);
    await runReminderCheck(await servicesAt(db, '2026-03-09T10:00:00-05:00'), [slack.adapter]);
    await runReminderCheck(await servicesAt(db, '2026-03-09T15:00:00-05:00'), [slack.adapter]);
    await runReminderCheck(await servicesAt(db, '2026-03-10T09:05:00-05:00'), [slack.adapter]);
    await runReminderCheck(await servicesAt(db, '2026-03-10T09:30:00-05:00'), [slack.adapter]);
    expect(slack.channel.map((c) => c.userId)).toEqual(['C42', 'C42']);
    const [day, hour] = slack.channel;
    expect(day!.text).toContain('Learning Collaborative is tomorrow.');
    expect(day!.text).toContain('When: Tuesday, March 10 at 10:00 AM, for 1 hour 30 minutes.');
    expect(day!.text).toContain('Join here: https://zoom.us/j/123');
    expect(day!.reply.private).toBe(false);
    expect(day!.reply.blocks).toContainEqual({
      kind: 'actions',
      buttons: [
        { label: 'I will come', command: 'meet', args: 'rsvp lc yes', style: 'primary' },
        { label: 'I cannot come', command: 'meet', args: 'rsvp lc no' },
      ],
    });
    expect(hour!.text).toContain('Learning Collaborative starts in 1 hour.');
  });

  it('sends no reminder for a skipped date', async () => {
    const db = await tempDb();
    await scheduledInSlack(db);
    const services = await servicesAt(db, '2026-03-02T09:00:00-06:00');
    await say(services, 'UFRAN', '/meet skip lc 3/10', { platform: 'slack', channelId: 'C42' });
    const slack = recordingAdapter('slack');
    expect(await runReminderCheck(await servicesAt(db, '2026-03-10T09:05:00-05:00'), [slack.adapter])).toEqual([]);
  });
});
