import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { StoreError } from '../../errors.ts';
import type { Collection, Lease, MeetingsRepo, OutboxItem, OutboxRepo, PeopleRepo, Store } from '../port.ts';
import { MEETINGS } from '../port.ts';
import { DayFullError } from '../port.ts';
import type { Person } from '../schema.ts';
import { describeZodError } from '../schema.ts';
import { knownSchema } from '../known.ts';
import { migrate } from './migrations.ts';
import { addEntry, postgresHours } from './hours.ts';
import type { Queryable, Sql } from './sql.ts';
import { writing } from './sql.ts';
import { coalesce } from './batch.ts';

/**
 * The PostgreSQL store: every instance of peerbot can share one database. Each port method is
 * one statement or one transaction; idempotency is carried by primary keys and UNIQUE
 * constraints, leases by the database's clock, and the outbox is claimed with SKIP LOCKED.
 */
export async function openPostgresStore(sql: Sql, options: { schema?: string } = {}): Promise<Store> {
  try {
    await migrate(sql, options.schema);
  } catch (error) {
    await sql.close().catch(() => undefined);
    throw new StoreError(sql.where, `cannot be prepared (${(error as Error).message}).`);
  }
  return new PostgresStore(sql);
}

type PersonRow = { data: Person };
type Change = (current: unknown) => unknown;
type Update = { name: string; id: string; change: Change; parse: (id: string, value: unknown) => unknown };

class PostgresStore implements Store {
  readonly location: string;
  readonly people: PeopleRepo;
  readonly hours;
  readonly outbox: OutboxRepo;
  readonly meetings: MeetingsRepo;

  constructor(private sql: Sql) {
    this.location = sql.where;
    this.people = this.makePeople();
    this.hours = postgresHours(sql, (work) => this.tx(work));
    this.outbox = this.makeOutbox();
    this.meetings = {
      // One transaction: the meeting row is locked, the hours logged, the attendance set, or none of it.
      markAttended: (meetingId, date, personId, hours) =>
        this.tx(async (q) => {
          const row = (
            await q.query<{ value: unknown }>(
              'SELECT value FROM records WHERE collection = $1 AND id = $2 FOR UPDATE',
              [MEETINGS, meetingId],
            )
          ).rows[0];
          if (!row) return undefined;
          const meeting = knownSchema(MEETINGS)!.safeParse(row.value);
          if (!meeting.success)
            throw new StoreError(
              this.location,
              `has a record that is not valid: ${MEETINGS}.${meetingId}: ${describeZodError(meeting.error)}.`,
            );
          const logged = hours ? await addEntry(q, personId, hours) : undefined;
          const value = meeting.data as { attended: Record<string, string[]> };
          const here = value.attended[date] ?? [];
          const marked = !here.includes(personId);
          if (marked)
            await q.query('UPDATE records SET value = $3 WHERE collection = $1 AND id = $2', [
              MEETINGS,
              meetingId,
              { ...value, attended: { ...value.attended, [date]: [...here, personId] } },
            ]);
          return { marked, ...(logged ? { hours: logged } : {}) };
        }),
    };
  }

  /** One transaction; a database failure becomes StoreWriteError (rolled back: nothing saved). */
  private tx<T>(work: (q: Queryable) => Promise<T>): Promise<T> {
    return writing(
      this.location,
      () => this.sql.transaction(work),
      (e) => e instanceof DayFullError,
    );
  }

  private run(text: string, params: unknown[]) {
    return writing(
      this.location,
      () => this.sql.query(text, params),
      () => false,
    );
  }

  /**
   * Collection.update, gathered: the records changed together (a check putting messages in
   * many inboxes) are locked, read and written in one transaction, each change in the order
   * asked. A record another instance inserted meanwhile is changed again on its own.
   */
  private async updateRecord(call: Update): Promise<unknown> {
    const r = await this.updateRecords(call);
    if (r.retry) return this.updateRecord(call);
    if ('error' in r) throw r.error;
    return r.value;
  }

  private updateRecords = coalesce<Update, { value?: unknown; error?: unknown; retry?: boolean }>(async (calls) => {
    const outcome = await this.tx(async (q) => {
      const found = await q.query<{ collection: string; id: string; value: unknown }>(
        `SELECT collection, id, value FROM records
         WHERE (collection, id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
         ORDER BY collection, id FOR UPDATE`,
        [calls.map((c) => c.name), calls.map((c) => c.id)],
      );
      const at = (name: string, id: string) => `${name}\u0000${id}`;
      const stored = new Map(found.rows.map((r) => [at(r.collection, r.id), r.value]));
      const state = new Map<string, { name: string; id: string; value: unknown; existed: boolean }>();
      const results = calls.map((c) => {
        const key = at(c.name, c.id);
        try {
          let now = state.get(key);
          if (!now) {
            const raw = stored.get(key);
            now = {
              name: c.name,
              id: c.id,
              value: raw === undefined ? undefined : c.parse(c.id, raw),
              existed: stored.has(key),
            };
            state.set(key, now);
          }
          const next = c.change(now.value);
          if (next === undefined) return { value: now.value };
          now.value = next;
          return { value: next, changed: key };
        } catch (error) {
          return { error };
        }
      });
      const changed = new Set(results.flatMap((r) => (r.changed ? [r.changed] : [])));
      const writes = [...changed].map((k) => state.get(k)!);
      const updates = writes.filter((w) => w.existed);
      if (updates.length)
        await q.query(
          `UPDATE records AS r SET value = u.value FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS u(collection, id, value)
           WHERE r.collection = u.collection AND r.id = u.id`,
          [updates.map((w) => w.name), updates.map((w) => w.id), updates.map((w) => JSON.stringify(w.value))],
        );
      const inserts = writes.filter((w) => !w.existed);
      const inserted = new Set<string>();
      if (inserts.length) {
        const r = await q.query<{ collection: string; id: string }>(
          `INSERT INTO records (collection, id, value) SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[])
           ON CONFLICT DO NOTHING RETURNING collection, id`,
          [inserts.map((w) => w.name), inserts.map((w) => w.id), inserts.map((w) => JSON.stringify(w.value))],
        );
        for (const row of r.rows) inserted.add(at(row.collection, row.id));
      }
      // Nothing to lock yet and another instance inserted first: those run again, on its row.
      const lost = new Set(inserts.map((w) => at(w.name, w.id)).filter((k) => !inserted.has(k)));
      return { results, lost, at };
    });
    return calls.map((c, i) => (outcome.lost.has(outcome.at(c.name, c.id)) ? { retry: true } : outcome.results[i]!));
  });

  private makePeople(): PeopleRepo {
    const sql = this.sql;
    const upsert = (q: Queryable, p: Person) =>
      q.query(
        `INSERT INTO people (id, supervisor_id, data) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET supervisor_id = EXCLUDED.supervisor_id, data = EXCLUDED.data`,
        [p.id, p.supervisorId ?? null, p],
      );
    const rows = async (text: string, params: unknown[] = []) =>
      (await sql.query<PersonRow>(text, params)).rows.map((r) => r.data);
    // Asked for each message a check sends: the people asked together are read in one statement.
    const accountsOf = coalesce<string, string[]>(async (ids) => {
      const r = await sql.query<{ person_id: string; key: string }>(
        'SELECT person_id, key FROM accounts WHERE person_id = ANY($1::text[]) ORDER BY key',
        [[...new Set(ids)]],
      );
      const keys = new Map<string, string[]>();
      for (const row of r.rows) keys.set(row.person_id, [...(keys.get(row.person_id) ?? []), row.key]);
      return ids.map((id) => keys.get(id) ?? []);
    });
    return {
      get: async (id) => (await rows('SELECT data FROM people WHERE id = $1', [id]))[0],
      all: () => rows('SELECT data FROM people ORDER BY id'),
      bySupervisor: (id) => rows('SELECT data FROM people WHERE supervisor_id = $1 ORDER BY id', [id]),
      put: async (person) => {
        await this.tx((q) => upsert(q, person));
      },
      insert: async (person) =>
        (
          await this.run('INSERT INTO people (id, supervisor_id, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
            person.id,
            person.supervisorId ?? null,
            person,
          ])
        ).rowCount > 0,
      update: (id, change) =>
        this.tx(async (q) => {
          const current = (await q.query<PersonRow>('SELECT data FROM people WHERE id = $1 FOR UPDATE', [id])).rows[0];
          if (!current) return undefined;
          const next = { ...change(current.data), id };
          await upsert(q, next);
          return next;
        }),
      enroll: (person, patch, supervisor) =>
        this.tx(async (q) => {
          if (supervisor)
            await q.query('INSERT INTO people (id, supervisor_id, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
              supervisor.id,
              supervisor.supervisorId ?? null,
              supervisor,
            ]);
          // Insert first, so two enrollments at once both find (and lock) the one row.
          const created =
            (
              await q.query('INSERT INTO people (id, supervisor_id, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
                person.id,
                person.supervisorId ?? null,
                { ...person, ...patch },
              ])
            ).rowCount > 0;
          const current = (await q.query<PersonRow>('SELECT data FROM people WHERE id = $1 FOR UPDATE', [person.id]))
            .rows[0]!.data;
          const next = created ? current : { ...current, ...patch, id: person.id };
          if (!created) await upsert(q, next);
          return { person: next, created };
        }),
      byAccount: async (key) =>
        (await rows('SELECT p.data FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.key = $1', [key]))[0],
      link: async (key, personId) => {
        await this.run(
          'INSERT INTO accounts (key, person_id) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET person_id = EXCLUDED.person_id',
          [key, personId],
        );
      },
      accountsOf,
    };
  }

  async collection<T>(name: string, schema: z.ZodType<T>): Promise<Collection<T>> {
    const check = knownSchema(name) ?? schema;
    const parse = (id: string, value: unknown): T => {
      const result = check.safeParse(value);
      if (!result.success)
        throw new StoreError(
          this.location,
          `has a record that is not valid: ${name}.${id}: ${describeZodError(result.error)}.`,
        );
      return result.data as T;
    };
    type Row = { id: string; value: unknown };
    const list = async (text: string, params: unknown[]) =>
      (await this.sql.query<Row>(text, params)).rows.map((r) => ({ id: r.id, value: parse(r.id, r.value) }));
    const remove = async (id: string) =>
      (await this.run('DELETE FROM records WHERE collection = $1 AND id = $2 RETURNING value', [name, id])).rows[0] as
        { value: unknown } | undefined;
    return {
      all: () => list('SELECT id, value FROM records WHERE collection = $1 ORDER BY id', [name]),
      get: async (id) =>
        (await list('SELECT id, value FROM records WHERE collection = $1 AND id = $2', [name, id]))[0]?.value,
      where: (fields) =>
        list('SELECT id, value FROM records WHERE collection = $1 AND value @> $2 ORDER BY id', [name, fields]),
      put: async (id, value) => {
        await this.run(
          `INSERT INTO records (collection, id, value) VALUES ($1, $2, $3)
           ON CONFLICT (collection, id) DO UPDATE SET value = EXCLUDED.value`,
          [name, id, value],
        );
      },
      insert: async (id, value) =>
        (
          await this.run('INSERT INTO records (collection, id, value) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
            name,
            id,
            value,
          ])
        ).rowCount > 0,
      update: (id, change) =>
        this.updateRecord({ name, id, change: change as Change, parse }) as Promise<T | undefined>,
      delete: async (id) => (await remove(id)) !== undefined,
      take: async (id) => {
        const row = await remove(id);
        return row ? parse(id, row.value) : undefined;
      },
    };
  }

  private makeOutbox(): OutboxRepo {
    type Row = {
      shard: string;
      key: string;
      target: unknown;
      status: OutboxItem['status'];
      queued_at: string;
      claimed_at: string | null;
      claimed_by: string | null;
      sent_at: string | null;
      sent_to: string | null;
    };
    const item = (r: Row): OutboxItem => ({
      key: r.key,
      target: r.target,
      status: r.status,
      queuedAt: r.queued_at,
      ...(r.claimed_at ? { claimedAt: r.claimed_at } : {}),
      ...(r.claimed_by ? { claimedBy: r.claimed_by } : {}),
      ...(r.sent_at ? { sentAt: r.sent_at } : {}),
      ...(r.sent_to ? { to: r.sent_to } : {}),
    });
    const instance = randomUUID();
    // Calls made together (the deadline check runs several people at once) share one statement each.
    type Enqueue = { shard: string; items: Array<{ key: string; target: unknown }>; at: string };
    const enqueue = coalesce<Enqueue, number>(async (calls) => {
      const rows = calls.flatMap((c) => c.items.map((item) => ({ shard: c.shard, item, at: c.at })));
      if (!rows.length) return calls.map(() => 0);
      const r = await this.run(
        `INSERT INTO outbox (shard, key, target, status, queued_at)
         SELECT s, k, t, 'queued', a FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[]) AS u(s, k, t, a)
         ON CONFLICT DO NOTHING RETURNING shard`,
        [
          rows.map((r) => r.shard),
          rows.map((r) => r.item.key),
          rows.map((r) => JSON.stringify(r.item.target)),
          rows.map((r) => r.at),
        ],
      );
      // Two calls for one shard in one statement: the new rows are counted for the first.
      const added = new Map<string, number>();
      for (const row of r.rows as Array<{ shard: string }>) added.set(row.shard, (added.get(row.shard) ?? 0) + 1);
      return calls.map((c) => {
        const n = added.get(c.shard) ?? 0;
        added.delete(c.shard);
        return n;
      });
    });
    type Claim = { shard: string; limit: number; staleBefore: string };
    const claimOne = async ({ shard, limit, staleBefore }: Claim) =>
      (await claimMany([{ shard, limit, staleBefore }]))[0]!;
    const claimMany = async (calls: Claim[]): Promise<OutboxItem[][]> => {
      const r = await this.run(
        `WITH wanted AS (SELECT * FROM unnest($1::text[], $2::int[], $3::text[]) AS w(shard, lim, stale)),
         free AS (
           SELECT o.shard, o.key, o.queued_at FROM outbox o JOIN wanted w ON o.shard = w.shard
           WHERE o.status = 'queued' OR (o.status = 'sending' AND o.claimed_at < w.stale)
           FOR UPDATE OF o SKIP LOCKED),
         ranked AS (
           SELECT shard, key, row_number() OVER (PARTITION BY shard ORDER BY queued_at, key) AS n FROM free)
         UPDATE outbox o SET status = 'sending', claimed_at = $4, claimed_by = $5
         FROM ranked r JOIN wanted w ON w.shard = r.shard
         WHERE o.shard = r.shard AND o.key = r.key AND r.n <= w.lim
         RETURNING o.*`,
        [
          calls.map((c) => c.shard),
          calls.map((c) => c.limit),
          calls.map((c) => c.staleBefore),
          new Date().toISOString(),
          instance,
        ],
      );
      const byShard = new Map<string, OutboxItem[]>(calls.map((c) => [c.shard, []]));
      const rows = (r.rows as Row[]).sort((a, b) =>
        a.queued_at === b.queued_at ? (a.key < b.key ? -1 : 1) : a.queued_at < b.queued_at ? -1 : 1,
      );
      for (const row of rows) byShard.get(row.shard)?.push(item(row));
      return calls.map((c) => byShard.get(c.shard)!);
    };
    const claim = coalesce<Claim, OutboxItem[]>(async (calls) => {
      // Two claims of one shard at once each get their own statement (each its own limit).
      if (new Set(calls.map((c) => c.shard)).size < calls.length) {
        const out: OutboxItem[][] = [];
        for (const c of calls) out.push(await claimOne(c));
        return out;
      }
      return claimMany(calls);
    });
    type Finish = { shard: string; key: string; result: Parameters<OutboxRepo['finish']>[2] };
    const finish = coalesce<Finish, void>(async (calls) => {
      // The same message finished twice in one statement: the later call wins, as one by one.
      const last = new Map(calls.map((c) => [`${c.shard}\u0000${c.key}`, c]));
      const rows = [...last.values()];
      await this.run(
        `UPDATE outbox AS o SET status = f.status, sent_at = coalesce(f.at, o.sent_at), sent_to = coalesce(f.sent_to, o.sent_to)
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS f(shard, key, status, at, sent_to)
         WHERE o.shard = f.shard AND o.key = f.key`,
        [
          rows.map((c) => c.shard),
          rows.map((c) => c.key),
          rows.map((c) => c.result.status),
          rows.map((c) => (c.result.status === 'sent' ? (c.result.at ?? null) : null)),
          rows.map((c) => c.result.to ?? null),
        ],
      );
      return calls.map(() => undefined);
    });
    return {
      list: async (shard) =>
        (await this.sql.query<Row>('SELECT * FROM outbox WHERE shard = $1 ORDER BY queued_at, key', [shard])).rows.map(
          item,
        ),
      enqueue: (shard, items, at) => enqueue({ shard, items, at }),
      claim: (shard, limit, staleBefore) => claim({ shard, limit, staleBefore }),
      finish: (shard, key, result) => finish({ shard, key, result }),
    };
  }

  async lease(key: string, ttlMs: number, owner: string): Promise<Lease | undefined> {
    // The database's clock decides expiry, so instances with skewed clocks still agree.
    const r = await this.run(
      `INSERT INTO leases (key, owner, token, expires_at)
       VALUES ($1, $2, nextval('lease_tokens'), now() + $3 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET
         token = CASE WHEN leases.owner = EXCLUDED.owner AND leases.expires_at > now() THEN leases.token ELSE EXCLUDED.token END,
         owner = EXCLUDED.owner,
         expires_at = EXCLUDED.expires_at
       WHERE leases.expires_at <= now() OR leases.owner = EXCLUDED.owner
       RETURNING token`,
      [key, owner, ttlMs],
    );
    const row = r.rows[0] as { token: string } | undefined;
    if (!row) return undefined;
    const token = Number(row.token);
    return {
      key,
      owner,
      token,
      renew: async (ms) =>
        (
          await this.run(
            `UPDATE leases SET expires_at = now() + $4 * interval '1 millisecond'
             WHERE key = $1 AND owner = $2 AND token = $3 AND expires_at > now()`,
            [key, owner, token, ms],
          )
        ).rowCount > 0,
      release: async () => {
        await this.run('DELETE FROM leases WHERE key = $1 AND owner = $2 AND token = $3', [key, owner, token]);
      },
    };
  }

  async close(): Promise<void> {
    await this.sql.close();
  }
}
