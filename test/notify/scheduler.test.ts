import cron from 'node-cron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startScheduler } from '../../src/notify/scheduler.ts';
import { MONDAY, recordingAdapter, seedTeam, servicesAt, tempDb } from './fixtures.ts';

const ours = () => [...cron.getTasks().values()].filter((t) => t.name?.startsWith('peerbot-'));

afterEach(() => {
  vi.useRealTimers();
});

/**
 * Moves a fake clock on one minute at a time and, after each slot that is due, waits for the
 * task to finish (node-cron's own events), so every tick runs to the end before the next.
 */
function clockDriver() {
  const runs: string[] = [];
  let expected = 0;
  for (const task of ours())
    for (const event of ['execution:finished', 'execution:failed', 'execution:skipped'] as const)
      task.on(event, (ctx) => void runs.push(`${task.name} ${event} ${ctx.triggeredAt.toISOString().slice(11, 16)}`));
  return {
    runs,
    async minutes(n: number) {
      for (let i = 0; i < n; i++) {
        await vi.advanceTimersByTimeAsync(60_000);
        const minute = new Date().getUTCMinutes();
        expected += (minute % 5 === 0 ? 1 : 0) + (minute === 0 ? 1 : 0);
        // setImmediate is real: the store's file I/O finishes while this waits.
        while (runs.length < expected) await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}

describe('the scheduler', () => {
  it('sends the due nudges at the top of the hour, once, checks reminders every 5 minutes, and stops cleanly', async () => {
    const services = await servicesAt(await tempDb(), MONDAY);
    await seedTeam(services, (id) => `slack:${id}`);
    const slack = recordingAdapter('slack');
    // A fake clock at 9:58 in Chicago; file I/O and promises stay real.
    vi.useFakeTimers({ now: new Date('2026-03-16T09:58:00-05:00'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const scheduler = startScheduler(services, [slack.adapter]);
    expect(
      ours()
        .map((t) => [t.name, t.getPattern()])
        .sort(),
    ).toEqual([
      ['peerbot-nudges', '0 * * * *'],
      ['peerbot-reminders', '*/5 * * * *'],
    ]);
    const clock = clockDriver();

    await clock.minutes(1);
    expect(slack.direct).toEqual([]);
    // 10:00: the hourly check sends what is due (one message per person, the same 5 as `npm run nudge`).
    await clock.minutes(1);
    expect(slack.direct).toHaveLength(5);
    expect(slack.direct.map((d) => d.userId)).toContain('ana');
    // 11:00: the next check runs and finds everything already sent.
    await clock.minutes(60);
    expect(slack.direct).toHaveLength(5);
    expect(clock.runs.filter((r) => r.startsWith('peerbot-nudges'))).toEqual([
      'peerbot-nudges execution:finished 15:00',
      'peerbot-nudges execution:finished 16:00',
    ]);
    expect(clock.runs.filter((r) => r.startsWith('peerbot-reminders execution:finished'))).toHaveLength(13);

    await scheduler.stop();
    expect(ours()).toEqual([]);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(clock.runs).toHaveLength(15);
  });
});
