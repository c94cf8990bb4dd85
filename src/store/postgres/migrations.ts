import type { Sql } from './sql.ts';

/**
 * Versioned schema changes, run in order at start (or with `npm run db:migrate`), each in a
 * transaction with its version recorded, so every instance sees one schema. Add new ones at
 * the end; never change one that has shipped.
 */
export const MIGRATIONS: string[] = [
  `CREATE TABLE people (id text PRIMARY KEY, supervisor_id text, data jsonb NOT NULL);
   CREATE INDEX people_by_supervisor ON people (supervisor_id);
   CREATE TABLE accounts (key text PRIMARY KEY, person_id text NOT NULL);
   CREATE INDEX accounts_by_person ON accounts (person_id);
   CREATE TABLE hour_counters (person_id text PRIMARY KEY, next_id bigint NOT NULL);
   CREATE TABLE hour_entries (
     person_id text NOT NULL,
     id bigint NOT NULL,
     date text NOT NULL,
     minutes integer NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
     status text NOT NULL,
     request_id text,
     origin text,
     data jsonb NOT NULL,
     PRIMARY KEY (person_id, id),
     UNIQUE (person_id, request_id),
     UNIQUE (person_id, origin)
   );
   CREATE INDEX hour_entries_pending ON hour_entries (person_id) WHERE status = 'pending';
   CREATE TABLE records (collection text NOT NULL, id text NOT NULL, value jsonb NOT NULL, PRIMARY KEY (collection, id));
   CREATE TABLE outbox (
     shard text NOT NULL,
     key text NOT NULL,
     target jsonb NOT NULL,
     status text NOT NULL,
     queued_at text NOT NULL,
     claimed_at text,
     claimed_by text,
     sent_at text,
     sent_to text,
     PRIMARY KEY (shard, key)
   );
   CREATE INDEX outbox_waiting ON outbox (shard) WHERE status IN ('queued', 'sending');
   CREATE TABLE leases (key text PRIMARY KEY, owner text NOT NULL, token bigint NOT NULL, expires_at timestamptz NOT NULL);
   CREATE SEQUENCE lease_tokens;`,
  // What start-up does not read (a million rows), the database guards on every write; NOT VALID
  // so the migration never scans old rows: `npm run db:check` checks those.
  `ALTER TABLE hour_entries ADD CONSTRAINT hour_entries_status CHECK (status IN ('pending', 'approved', 'rejected')) NOT VALID;
   ALTER TABLE hour_entries ADD CONSTRAINT hour_entries_date CHECK (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') NOT VALID;
   ALTER TABLE hour_entries ADD CONSTRAINT hour_entries_data CHECK (jsonb_typeof(data) = 'object') NOT VALID;
   ALTER TABLE people ADD CONSTRAINT people_data CHECK (jsonb_typeof(data) = 'object' AND data->>'id' = id) NOT VALID;
   ALTER TABLE outbox ADD CONSTRAINT outbox_status CHECK (status IN ('queued', 'sending', 'sent', 'dropped')) NOT VALID;`,
];

/** Brings the database up to the newest schema; returns the versions applied now. */
export async function migrate(sql: Sql, schema?: string): Promise<number[]> {
  // All in one transaction behind one lock: instances starting together migrate once, and a
  // failed migration leaves the schema as it was.
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(4242001)');
    if (schema) await tx.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS peerbot_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM peerbot_migrations')).rows.map((r) => r.version),
    );
    const applied: number[] = [];
    for (let i = 0; i < MIGRATIONS.length; i++) {
      const version = i + 1;
      if (done.has(version)) continue;
      for (const statement of MIGRATIONS[i]!.split(/;\s*$/m).filter((s) => s.trim())) await tx.query(statement);
      await tx.query('INSERT INTO peerbot_migrations (version) VALUES ($1)', [version]);
      applied.push(version);
    }
    return applied;
  });
}
