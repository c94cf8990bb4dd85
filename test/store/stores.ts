import fs from 'node:fs/promises';
import path from 'node:path';
import { openLowdbStore } from '../../src/store/lowdb.ts';
import { openPostgresStore } from '../../src/store/postgres/store.ts';
import { pgliteSql } from '../../src/store/postgres/pglite.ts';
import { poolSql } from '../../src/store/postgres/sql.ts';
import type { Sql } from '../../src/store/postgres/sql.ts';
import type { Store } from '../../src/store/port.ts';
import { tempDir } from '../helpers.ts';

/** A kind of store the contract tests run on. `fresh` gives an empty store for one test. */
export interface StoreKind {
  name: string;
  fresh(): Promise<Store>;
  /** After each test. */
  clean(): Promise<void>;
  /** After the file. */
  end(): Promise<void>;
  /** The database under a PostgreSQL kind (emptied by fresh()), with its schema. */
  database?(): Promise<{ sql: Sql; schema?: string }>;
}

const TABLES = 'people, accounts, hour_counters, hour_entries, records, outbox, leases';

export function lowdbKind(): StoreKind {
  const made: Array<{ dir: string; store: Store }> = [];
  return {
    name: 'lowdb',
    async fresh() {
      const dir = await tempDir();
      const store = await openLowdbStore(path.join(dir, 'db.json'));
      made.push({ dir, store });
      return store;
    },
    async clean() {
      for (const { dir, store } of made.splice(0)) {
        await store.close();
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
    async end() {},
  };
}

/** PostgreSQL on one database connection kept for the whole file; emptied with TRUNCATE between tests. */
function sqlKind(
  name: string,
  connect: () => Promise<{ sql: Sql; schema?: string; drop?: () => Promise<void> }>,
): StoreKind {
  let opened: Promise<{ store: Store; sql: Sql; schema?: string; drop?: () => Promise<void> }> | undefined;
  const open = () =>
    (opened ??= connect().then(async ({ sql, schema, drop }) => {
      // The store must not close the shared connection between tests.
      const store = await openPostgresStore({ ...sql, close: async () => undefined }, { schema });
      return { store, sql, schema, drop };
    }));
  return {
    name,
    async fresh() {
      const { store, sql } = await open();
      await sql.query(`TRUNCATE ${TABLES}`);
      return store;
    },
    async clean() {},
    async database() {
      const { sql, schema } = await open();
      return { sql: { ...sql, close: async () => undefined }, schema };
    },
    async end() {
      if (!opened) return;
      const { sql, drop } = await opened;
      await drop?.();
      await sql.close();
    },
  };
}

export function pgliteKind(): StoreKind {
  return sqlKind('PGlite', async () => ({ sql: await pgliteSql() }));
}

/** The real server when PEERBOT_TEST_DATABASE_URL is set, in a schema of its own (dropped at the end). */
export function serverKind(url: string): StoreKind {
  return sqlKind('PostgreSQL server', async () => {
    const schema = `peerbot_store_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const sql = poolSql(url, schema);
    return { sql, schema, drop: async () => void (await sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)) };
  });
}

export function allKinds(): StoreKind[] {
  const url = process.env.PEERBOT_TEST_DATABASE_URL;
  return [lowdbKind(), pgliteKind(), ...(url ? [serverKind(url)] : [])];
}
