import os from 'node:os';
import { randomUUID } from 'node:crypto';
import cron from 'node-cron';
import type { RunCoordinator, ScheduledTask } from 'node-cron';
import type { Adapter } from '../adapter.ts';
import type { Services } from '../services.ts';
import type { Store } from '../store/port.ts';
import { runNudgeCheck } from './nudges.ts';
import { runReminderCheck } from './reminders.ts';

/**
 * node-cron asks this before each run of a distributed task; it ships no lock of its own.
 * The key it passes is "<task name>:<slot time>"; the lease is taken on the task name alone
 * for a little less than the interval, so one lock file per task is reused rather than one
 * left behind per slot, and two instances sharing the store run each slot once.
 */
export function leaseCoordinator(store: Store, owner: string): RunCoordinator {
  return {
    shouldRun: async (key, ttlMs) => Boolean(await store.lease(`cron-${key.split(':')[0]}`, ttlMs, owner)),
  };
}

interface Job {
  name: string;
  expression: string;
  /** How long one instance holds a slot: shorter than the interval, longer than clock skew. */
  leaseMs: number;
  run(): Promise<unknown>;
}

/**
 * Runs the deadline check every hour and the meeting reminders every 5 minutes, in the
 * collaborative's time zone. Quiet hours and "send once" are enforced inside the checks, so
 * a missed or doubled tick changes nothing. The lead calls this from src/main.ts when a
 * platform or an interactive console is running.
 */
export function startScheduler(services: Services, adapters: Adapter[]): { stop(): Promise<void> } {
  const owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const runCoordinator = leaseCoordinator(services.store, owner);
  const jobs: Job[] = [
    {
      name: 'peerbot-nudges',
      expression: '0 * * * *',
      leaseMs: 50 * 60_000,
      run: () => runNudgeCheck(services, adapters),
    },
    {
      name: 'peerbot-reminders',
      expression: '*/5 * * * *',
      leaseMs: 4 * 60_000,
      run: () => runReminderCheck(services, adapters),
    },
  ];
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      job.expression,
      async () => {
        try {
          await job.run();
        } catch (error) {
          services.log.error(`scheduled ${job.name} failed`, error);
        }
      },
      {
        name: job.name,
        timezone: services.config.tz,
        distributed: true,
        runCoordinator,
        distributedLease: job.leaseMs,
        noOverlap: true,
        unref: true,
      },
    ),
  );
  return {
    async stop() {
      for (const task of tasks) await task.destroy();
    },
  };
}
