import path from 'node:path';
import { z } from 'zod';
import { openLowdbStore } from './lowdb.ts';
import { listJson, readChecked } from './lowdb/files.ts';
import { RecordsFileSchema } from './schema.ts';
import type { HourEntry } from './schema.ts';
import { openPostgresStore } from './postgres/store.ts';
import type { Sql } from './postgres/sql.ts';

export interface CopyReport {
  people: number;
  entries: number;
  records: number;
  /** People whose entry count or minutes differ after the copy (none when it worked). */
  mismatches: string[];
}

/**
 * Copies a lowdb store into a PostgreSQL database, keeping ids (Undo buttons and "#3" still
 * point at the same entries). Every row is inserted only when absent, so running it again adds
 * nothing; at the end counts and minutes per person are compared. It refuses a database that
 * holds people the lowdb store does not have (it is for an empty database, or a re-run).
 */
export async function copyLowdbToPostgres(dbPath: string, sql: Sql, schema?: string): Promise<CopyReport> {
  const source = await openLowdbStore(dbPath);
  const target = await openPostgresStore({ ...sql, close: async () => undefined }, { schema });
  try {
    const people = await source.people.all();
    const known = new Set(people.map((p) => p.id));
    const foreign = (await target.people.all()).filter((p) => !known.has(p.id));
    if (foreign.length)
      throw new Error(
        `the database already holds ${foreign.length} people who are not in ${dbPath} (e.g. ${foreign[0]!.id}); copy into an empty database.`,
      );
    let entries = 0;
    for (const person of people) {
      await target.people.insert(person);
      for (const key of await source.people.accountsOf(person.id)) await target.people.link(key, person.id);
    }
    // Hours of everyone with a file, enrolled or not.
    const hoursDir = path.join(path.dirname(dbPath), `${path.basename(dbPath, '.json')}.hours`);
    const hourPeople = new Set<string>(people.map((p) => p.id));
    for (const name of await listJson(hoursDir)) hourPeople.add(decodeURIComponent(name.replace(/\.json$/, '')));
    for (const personId of hourPeople) {
      const list = await source.hours.list(personId);
      entries += list.length;
      for (const e of list) await insertEntry(sql, personId, e);
      const max = Math.max(0, ...list.map((e) => Number(e.id) || 0));
      await sql.query(
        `INSERT INTO hour_counters (person_id, next_id) VALUES ($1, $2)
         ON CONFLICT (person_id) DO UPDATE SET next_id = greatest(hour_counters.next_id, EXCLUDED.next_id)`,
        [personId, max + 1],
      );
    }
    let records = 0;
    const recordsDir = path.join(path.dirname(dbPath), `${path.basename(dbPath, '.json')}.records`);
    for (const name of await listJson(recordsDir)) {
      const file = await readChecked(path.join(recordsDir, name), RecordsFileSchema);
      const outbox = /^(nudges|reminders)\//.test(file.data.name);
      for (const [id, value] of Object.entries(file.data.records)) {
        records += 1;
        if (outbox) await insertOutbox(sql, file.data.name, id, value as Record<string, unknown>);
        else await (await target.collection(file.data.name, z.unknown())).insert(id, value);
      }
    }
    const mismatches: string[] = [];
    for (const personId of hourPeople) {
      const [from, to] = [await source.hours.list(personId), await target.hours.list(personId)];
      const minutes = (l: HourEntry[]) => l.reduce((n, e) => n + e.minutes, 0);
      if (from.length !== to.length || minutes(from) !== minutes(to))
        mismatches.push(
          `${personId}: ${from.length} entries (${minutes(from)} min) in lowdb, ${to.length} (${minutes(to)} min) in the database`,
        );
    }
    return { people: people.length, entries, records, mismatches };
  } finally {
    await source.close();
  }
}

function insertEntry(sql: Sql, personId: string, e: HourEntry) {
  return sql.query(
    `INSERT INTO hour_entries (person_id, id, date, minutes, status, request_id, origin, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
    [personId, Number(e.id), e.date, e.minutes, e.status, e.requestId ?? null, e.origin ?? null, e],
  );
}

function insertOutbox(sql: Sql, shard: string, key: string, r: Record<string, unknown>) {
  return sql.query(
    `INSERT INTO outbox (shard, key, target, status, queued_at, sent_at, sent_to)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
    [shard, key, r.target ?? null, r.status, r.queuedAt, r.sentAt ?? null, r.to ?? null],
  );
}
