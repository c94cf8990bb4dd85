import { PGlite } from '@electric-sql/pglite';
import type { Queryable, Sql } from './sql.ts';

/** PostgreSQL in this process (PGlite): the same SQL with no server, for tests and `npm run bench`. */
export async function pgliteSql(dataDir?: string): Promise<Sql & { db: PGlite }> {
  const db = await PGlite.create(dataDir);
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    query: async <R>(text: string, params?: unknown[]) => {
      const result = await q.query<R>(text, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  });
  const plain = wrap(db);
  return {
    db,
    where: dataDir ? `PGlite at ${dataDir}` : 'PGlite (in memory)',
    query: plain.query,
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    close: () => db.close(),
  };
}
