import type { Config } from '../config.ts';
import { openLowdbStore } from './lowdb.ts';
import type { Store } from './port.ts';

/** PostgreSQL when a database URL is set (any number of instances), else the lowdb files (one process). */
export async function openStore(config: Pick<Config, 'dbPath' | 'database'>): Promise<Store> {
  if (!config.database) return openLowdbStore(config.dbPath);
  // Loaded only when used: node-postgres is about 16 MB of a lowdb bot's memory otherwise.
  const [{ openPostgresStore }, { poolSql }] = await Promise.all([
    import('./postgres/store.ts'),
    import('./postgres/sql.ts'),
  ]);
  return openPostgresStore(poolSql(config.database.url, config.database.schema), config.database);
}
