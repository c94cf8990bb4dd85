import type { HourDraft, HourEntry } from '../schema.ts';
import type { HoursRepo } from '../port.ts';
import { reviewed } from '../port.ts';
import { DAY_LIMIT_MINUTES, DayFullError } from '../port.ts';
import type { Queryable, Sql } from './sql.ts';

type Row = { data: HourEntry };
const ORDER = 'ORDER BY date, id';

/**
 * Locks the person's counter row (made on first use), in one statement: changes to one
 * person's hours happen one after another. Returns the next id the counter holds.
 */
async function lockPerson(q: Queryable, personId: string): Promise<number> {
  const row = await q.query<{ next_id: string }>(
    `INSERT INTO hour_counters (person_id, next_id) VALUES ($1, 1)
     ON CONFLICT (person_id) DO UPDATE SET next_id = hour_counters.next_id RETURNING next_id`,
    [personId],
  );
  return Number(row.rows[0]!.next_id);
}

/** Minutes logged on a day, not counting entries marked not approved nor the entry `except`. */
async function dayTotal(q: Queryable, personId: string, date: string, except?: string): Promise<number> {
  const r = await q.query<{ total: string }>(
    `SELECT coalesce(sum(minutes), 0) AS total FROM hour_entries
     WHERE person_id = $1 AND date = $2 AND status <> 'rejected' AND ($3::bigint IS NULL OR id <> $3::bigint)`,
    [personId, date, except ?? null],
  );
  return Number(r.rows[0]!.total);
}

/** HoursRepo.add inside a transaction the caller holds (so /meet attended logs and marks in one). */
export async function addEntry(
  q: Queryable,
  personId: string,
  draft: HourDraft,
): Promise<{ entry: HourEntry; created: boolean }> {
  const next = await lockPerson(q, personId);
  // The same request or origin, the day's minutes and the highest id, in one round trip.
  const found = await q.query<{ same: HourEntry | null; total: string; max: string }>(
    `SELECT
       (SELECT data FROM hour_entries WHERE person_id = $1 AND (request_id = $2 OR origin = $3) LIMIT 1) AS same,
       (SELECT coalesce(sum(minutes), 0) FROM hour_entries
         WHERE person_id = $1 AND date = $4 AND status <> 'rejected') AS total,
       (SELECT coalesce(max(id), 0) FROM hour_entries WHERE person_id = $1) AS max`,
    [personId, draft.requestId ?? null, draft.origin ?? null, draft.date],
  );
  const { same, total, max } = found.rows[0]!;
  if (same) return { entry: same, created: false };
  const already = Number(total);
  if (draft.status !== 'rejected' && already + draft.minutes > DAY_LIMIT_MINUTES)
    throw new DayFullError(draft.date, already);
  // Past the counter and past every id in use: an id is never given out twice.
  const id = Math.max(next, Number(max) + 1);
  const entry: HourEntry = { ...draft, id: String(id) };
  await q.query(
    `WITH added AS (
       INSERT INTO hour_entries (person_id, id, date, minutes, status, request_id, origin, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id)
     UPDATE hour_counters SET next_id = $9 WHERE person_id = $1`,
    [
      personId,
      id,
      entry.date,
      entry.minutes,
      entry.status,
      entry.requestId ?? null,
      entry.origin ?? null,
      entry,
      id + 1,
    ],
  );
  return { entry, created: true };
}

/** Hour entries in one table. Each change is one transaction holding the person's counter row. */
export function postgresHours(sql: Sql, tx: <T>(work: (q: Queryable) => Promise<T>) => Promise<T>): HoursRepo {
  const write = (q: Queryable, personId: string, e: HourEntry) =>
    q.query(
      `UPDATE hour_entries SET date = $3, minutes = $4, status = $5, request_id = $6, origin = $7, data = $8
       WHERE person_id = $1 AND id = $2`,
      [personId, e.id, e.date, e.minutes, e.status, e.requestId ?? null, e.origin ?? null, e],
    );
  return {
    list: async (personId) =>
      (await sql.query<Row>(`SELECT data FROM hour_entries WHERE person_id = $1 ${ORDER}`, [personId])).rows.map(
        (r) => r.data,
      ),
    listMany: async (personIds) => {
      const result = new Map<string, HourEntry[]>(personIds.map((id) => [id, []]));
      const r = await sql.query<{ person_id: string; data: HourEntry }>(
        `SELECT person_id, data FROM hour_entries WHERE person_id = ANY($1::text[]) ${ORDER}`,
        [personIds],
      );
      for (const row of r.rows) result.get(row.person_id)?.push(row.data);
      return result;
    },
    add: (personId, draft) => tx((q) => addEntry(q, personId, draft)),
    update: (personId, id, patch) =>
      tx(async (q) => {
        await lockPerson(q, personId);
        const old = await q.query<Row>('SELECT data FROM hour_entries WHERE person_id = $1 AND id = $2', [
          personId,
          Number(id) || -1,
        ]);
        if (!old.rows[0]) return undefined;
        const entry = { ...old.rows[0].data, ...patch };
        const already = await dayTotal(q, personId, entry.date, id);
        if (entry.status !== 'rejected' && already + entry.minutes > DAY_LIMIT_MINUTES)
          throw new DayFullError(entry.date, already);
        await write(q, personId, entry);
        return entry;
      }),
    remove: (personId, id) =>
      tx(async (q) => {
        const r = await q.query<Row>('DELETE FROM hour_entries WHERE person_id = $1 AND id = $2 RETURNING data', [
          personId,
          Number(id) || -1,
        ]);
        return r.rows[0]?.data;
      }),
    review: (personId, ids, decision, by, options = {}) =>
      tx(async (q) => {
        await lockPerson(q, personId);
        const numbers = ids.map((id) => (/^\d+$/.test(id) ? Number(id) : -1));
        const found = await q.query<Row>(
          `SELECT data FROM hour_entries WHERE person_id = $1 AND id = ANY($2::bigint[])`,
          [personId, numbers],
        );
        const byId = new Map(found.rows.map((r) => [r.data.id, r.data]));
        const unknown = ids.filter((id) => !byId.has(id));
        if (unknown.length) return { changed: [], unknown };
        const { expected } = options;
        const fits = (e: HourEntry) => (expected ? expected.includes(e.status) : e.status !== decision);
        const changed = [...new Set(ids)]
          .map((id) => byId.get(id)!)
          .filter(fits)
          .map((e) => reviewed(e, decision, by, options));
        if (changed.length)
          await q.query(
            `UPDATE hour_entries AS h SET status = $2, data = c.data
             FROM unnest($3::bigint[], $4::jsonb[]) AS c(id, data)
             WHERE h.person_id = $1 AND h.id = c.id`,
            [personId, decision, changed.map((e) => Number(e.id)), changed.map((e) => JSON.stringify(e))],
          );
        return { changed, unknown };
      }),
    pending: async (personIds) => {
      const r = await sql.query<{ person_id: string; data: HourEntry }>(
        `SELECT person_id, data FROM hour_entries WHERE person_id = ANY($1::text[]) AND status = 'pending' ${ORDER}`,
        [personIds],
      );
      const result = new Map<string, HourEntry[]>();
      for (const row of r.rows) result.set(row.person_id, [...(result.get(row.person_id) ?? []), row.data]);
      return result;
    },
  };
}
