import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { startScheduler } from '../../src/notify/scheduler.ts';
import { MONDAY, servicesAt, tempDb } from './fixtures.ts';

describe('the scheduler', () => {
  it('runs the deadline check hourly and reminders every 5 minutes as distributed tasks, and stops cleanly', async () => {
    const services = await servicesAt(await tempDb(), MONDAY);
    const scheduler = startScheduler(services, []);
    const ours = () => [...cron.getTasks().values()].filter((t) => t.name?.startsWith('peerbot-'));
    expect(
      ours()
        .map((t) => [t.name, t.getPattern()])
        .sort(),
    ).toEqual([
      ['peerbot-nudges', '0 * * * *'],
      ['peerbot-reminders', '*/5 * * * *'],
    ]);
    await scheduler.stop();
    expect(ours()).toEqual([]);
  });
});
