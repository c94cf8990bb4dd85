import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { createServices } from '../../src/app.ts';
import type { Adapter } from '../../src/adapter.ts';
import type { Platform } from '../../src/bot.ts';
import type { Reply } from '../../src/message.ts';
import { plainText } from '../../src/message.ts';
import type { Services } from '../../src/services.ts';
import { silentLogger } from '../../src/services.ts';
import type { Person } from '../../src/store/schema.ts';
import { tempDir } from '../helpers.ts';

/** Monday, March 16, 2026, 10:00 in Chicago. */
export const MONDAY = '2026-03-16T10:00:00-05:00';

export async function servicesAt(dbPath: string, now: string): Promise<Services> {
  return createServices(loadConfig({ PEERBOT_DB: dbPath, PEERBOT_NOW: now, PEERBOT_ADMINS: 'admin' }), silentLogger);
}

export async function tempDb(): Promise<string> {
  return path.join(await tempDir(), 'db.json');
}

export function person(id: string, fields: Partial<Person>): Person {
  return {
    id,
    role: 'mentor',
    programId: 'nc-peer-support',
    milestones: {},
    nudgesMuted: false,
    createdAt: '2026-01-01T00:00:00-06:00',
    ...fields,
  };
}

/**
 * Two supervisors and three mentors (NC program: 12 training hours due 30 days after hire).
 * On Monday March 16: Ana and Cy are 6 days from their 30-day training (the 7-day mark),
 * Ben's is late. Sam supervises Ana and Ben; Tess supervises Cy.
 */
export async function seedTeam(
  services: Services,
  accounts: (id: string) => string | undefined = () => undefined,
): Promise<void> {
  const people = [
    person('sam', { name: 'Sam', role: 'supervisor', programId: 'wi-peer-mentor' }),
    person('tess', { name: 'Tess', role: 'supervisor', programId: 'wi-peer-mentor' }),
    person('ana', { name: 'Ana', supervisorId: 'sam', hired: '2026-02-20' }),
    person('ben', { name: 'Ben', supervisorId: 'sam', hired: '2026-01-01' }),
    person('cy', { name: 'Cy', supervisorId: 'tess', hired: '2026-02-20' }),
  ];
  for (const p of people) {
    await services.store.people.put(p);
    const key = accounts(p.id);
    if (key) await services.store.people.link(key, p.id);
  }
}

export interface Delivery {
  userId: string;
  text: string;
  reply: Reply;
}

/**
 * A platform at the process boundary that records what it was asked to deliver. `hangAt`
 * makes the n-th direct message never finish, as if the process died while sending it;
 * `failAt` makes the platform refuse the n-th one.
 */
export function recordingAdapter(platform: Platform, options: { hangAt?: number; failAt?: number } = {}) {
  const direct: Delivery[] = [];
  const channel: Delivery[] = [];
  let calls = 0;
  let reachedHang: () => void = () => {};
  const hung = new Promise<void>((resolve) => (reachedHang = resolve));
  const adapter: Adapter = {
    platform,
    async start() {},
    async stop() {},
    async sendDirect(userId, reply) {
      calls += 1;
      if (calls === options.hangAt) {
        reachedHang();
        return new Promise<void>(() => {});
      }
      if (calls === options.failAt) throw new Error('platform said no (HTTP 503)');
      direct.push({ userId, text: plainText(reply), reply });
    },
    async postToChannel(channelId, reply) {
      channel.push({ userId: channelId, text: plainText(reply), reply });
    },
  };
  return { adapter, direct, channel, hung };
}

/** Pending one-hour entries for a person, logged on the days given (what waits for approval). */
export async function hours(services: Services, personId: string, list: Array<{ date: string; loggedOn: string }>) {
  for (const e of list)
    await services.store.hours.add(personId, {
      minutes: 60,
      category: 'peer-training',
      faceToFace: false,
      status: 'pending',
      note: '',
      createdAt: `${e.loggedOn}T12:00:00.000Z`,
      ...e,
    });
}
