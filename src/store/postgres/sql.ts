import pg from 'pg';
import { StoreWriteError } from '../../errors.ts';

/** What the PostgreSQL store needs of a database: node-postgres (a pool) or PGlite (in-process). */
export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number }>;
  /** Runs `work` in one transaction: all of it is stored, or none. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly where: string;
}

export interface Queryable {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number }>;
}

/** A node-postgres pool. `schema` keeps tests (and several collaboratives) apart in one database. */
export function poolSql(url: string, schema?: string, max = 10): Sql {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const where = redact(url) + (schema ? ` (schema ${schema})` : '');
  // A statement with parameters is prepared once per connection, then only its values travel:
  // the server does not parse and plan it again on every command.
  const names = new Map<string, string>();
  const statement = (text: string, params?: unknown[]) => {
    let name = names.get(text);
    // A few hundred distinct statements at most; past that (text made on the fly), plain queries.
    if (!name && params?.length && names.size < 500) names.set(text, (name = `peerbot_${names.size + 1}`));
    if (!name) return { text, values: params };
    return { name, text, values: params };
  };
  return {
    where,
    query: async (text, params) => {
      const result = await pool.query(statement(text, params));
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async (text, params) => {
            const r = await client.query(statement(text, params));
            return { rows: r.rows, rowCount: r.rowCount ?? 0 };
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** A database URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** Database errors become StoreWriteError (the transaction rolled back: nothing was saved). */
export async function writing<T>(where: string, work: () => Promise<T>, keep: (e: unknown) => boolean): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (keep(error)) throw error;
    throw new StoreWriteError(where, error as Error);
  }
}
