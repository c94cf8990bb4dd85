import fs from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { SCHEMA_VERSION } from '../src/store/schema.ts';
import type { HoursFile, MainFile, Person } from '../src/store/schema.ts';

/** The WI categories the bench entries are spread over (the PostgreSQL fixture uses them too). */
export const CATEGORIES = [
  'shadowing',
  'mentoring-1on1',
  'mentoring-group',
  'teleconference',
  'staff-meetings',
  'co-facilitating',
];

export interface BenchStore {
  dbPath: string;
  mentors: string[];
  supervisors: string[];
}

/**
 * Writes a collaborative of `mentors` mentors with `perMentor` entries each (100,000 in all by
 * default), 50 mentors to a supervisor, straight to the store's files: the same format the
 * store reads, without 100,000 separate writes.
 */
export async function buildBenchStore(dir: string, mentors = 1000, perMentor = 100): Promise<BenchStore> {
  const dbPath = path.join(dir, 'db.json');
  const hoursDir = path.join(dir, 'db.hours');
  await fs.mkdir(hoursDir, { recursive: true });
  const people: Record<string, Person> = {};
  const mentorIds: string[] = [];
  const supervisorIds: string[] = [];
  const start = DateTime.fromISO('2025-06-01');
  for (let s = 0; s < Math.ceil(mentors / 50); s++) {
    const id = `sup${s}`;
    supervisorIds.push(id);
    people[id] = {
      id,
      name: `Supervisor ${s}`,
      role: 'supervisor',
      programId: 'wi-peer-mentor',
      milestones: {},
      nudgesMuted: false,
      createdAt: '2025-06-01T00:00:00Z',
    };
  }
  const writes: Array<Promise<void>> = [];
  for (let m = 0; m < mentors; m++) {
    const id = `mentor${m}`;
    mentorIds.push(id);
    people[id] = {
      id,
      name: `Mentor ${m}`,
      role: 'mentor',
      programId: 'wi-peer-mentor',
      supervisorId: `sup${Math.floor(m / 50)}`,
      hired: '2025-05-15',
      internshipStart: '2025-06-01',
      milestones: { 'age-18': '2025-06-01', 'peer-mentor-101': '2025-06-10' },
      nudgesMuted: false,
      createdAt: '2025-06-01T00:00:00Z',
    };
    const entries: HoursFile['entries'] = [];
    for (let e = 0; e < perMentor; e++) {
      const category = CATEGORIES[(m + e) % CATEGORIES.length]!;
      entries.push({
        id: String(e + 1),
        date: start.plus({ days: Math.floor((e * 270) / perMentor) }).toISODate()!,
        minutes: 30 + ((m * 7 + e * 13) % 150),
        category,
        faceToFace: category.startsWith('mentoring'),
        status: e % 5 === 0 ? 'pending' : 'approved',
        note: e % 3 === 0 ? 'Met at the library and talked about the bus route to work.' : '',
        createdAt: '2025-06-01T00:00:00Z',
      });
    }
    const file: HoursFile = { version: SCHEMA_VERSION, personId: id, nextId: perMentor + 1, entries };
    writes.push(fs.writeFile(path.join(hoursDir, `${id}.json`), JSON.stringify(file)));
  }
  await Promise.all(writes);
  const main: MainFile = { version: SCHEMA_VERSION, people, accounts: {}, collections: {} };
  await fs.writeFile(dbPath, JSON.stringify(main));
  return { dbPath, mentors: mentorIds, supervisors: supervisorIds };
}
