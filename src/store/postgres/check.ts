import type { z } from 'zod';
import { knownSchema } from '../known.ts';
import { HourEntrySchema, PersonSchema, describeZodError } from '../schema.ts';
import type { Sql } from './sql.ts';

/** A row that does not hold what peerbot reads: where it is, and the first field that is wrong. */
export interface RowProblem {
  table: string;
  key: string;
  problem: string;
}

/**
 * Checks every row peerbot reads (people, hour entries, feature records) with the same zod
 * schemas the lowdb store checks its files with at start. On PostgreSQL this is not done at
 * start: a million rows cannot be read in the 1 s a start may take, so constraints guard each
 * write, records are checked when read, and `npm run db:check` reads everything, `batch` rows
 * a query (keyset paging: memory stays small however big the tables are).
 */
export async function checkRows(sql: Sql, batch = 5000, limit = 50): Promise<{ rows: number; problems: RowProblem[] }> {
  const problems: RowProblem[] = [];
  let rows = 0;
  const check = (table: string, key: string, schema: z.ZodType, value: unknown, extra?: string) => {
    rows += 1;
    const result = schema.safeParse(value);
    if (!result.success && problems.length < limit)
      problems.push({ table, key, problem: describeZodError(result.error) });
    else if (result.success && extra && problems.length < limit) problems.push({ table, key, problem: extra });
  };
  const pages = async <R extends Record<string, unknown>>(
    text: (after: boolean) => string,
    cursor: (row: R) => unknown[],
    each: (row: R) => void,
  ) => {
    let after: unknown[] | undefined;
    for (;;) {
      const r = await sql.query<R>(text(Boolean(after)), [...(after ?? []), batch]);
      for (const row of r.rows) each(row);
      if (r.rows.length < batch) return;
      after = cursor(r.rows.at(-1)!);
    }
  };
  await pages<{ id: string; supervisor_id: string | null; data: unknown }>(
    (after) =>
      `SELECT id, supervisor_id, data FROM people ${after ? 'WHERE id > $1' : ''} ORDER BY id LIMIT $${after ? 2 : 1}`,
    (row) => [row.id],
    (row) => {
      const data = row.data as { id?: unknown; supervisorId?: unknown };
      const mismatch =
        data.id !== row.id
          ? `its id column is "${row.id}" but its data says ${JSON.stringify(data.id)}`
          : (data.supervisorId ?? null) !== row.supervisor_id
            ? 'its supervisor_id column and its data disagree'
            : undefined;
      check('people', row.id, PersonSchema, row.data, mismatch);
    },
  );
  await pages<{ person_id: string; id: string; minutes: number; status: string; date: string; data: unknown }>(
    (after) =>
      `SELECT person_id, id, date, minutes, status, data FROM hour_entries
       ${after ? 'WHERE (person_id, id) > ($1, $2)' : ''} ORDER BY person_id, id LIMIT $${after ? 3 : 1}`,
    (row) => [row.person_id, row.id],
    (row) => {
      const data = row.data as { id?: unknown; minutes?: unknown; status?: unknown; date?: unknown };
      const mismatch =
        data.id !== String(row.id) ||
        data.minutes !== row.minutes ||
        data.status !== row.status ||
        data.date !== row.date
          ? 'its columns (id, date, minutes, status) and its data disagree'
          : undefined;
      check('hour_entries', `${row.person_id} ${row.id}`, HourEntrySchema, row.data, mismatch);
    },
  );
  await pages<{ collection: string; id: string; value: unknown }>(
    (after) =>
      `SELECT collection, id, value FROM records ${after ? 'WHERE (collection, id) > ($1, $2)' : ''}
       ORDER BY collection, id LIMIT $${after ? 3 : 1}`,
    (row) => [row.collection, row.id],
    (row) => {
      const schema = knownSchema(row.collection);
      if (schema) check('records', `${row.collection} ${row.id}`, schema, row.value);
      else rows += 1;
    },
  );
  return { rows, problems };
}
