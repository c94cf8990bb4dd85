import type { Config } from '../config.ts';
import { openLowdbStore } from './lowdb.ts';
import type { Store } from './port.ts';
import { openPostgresStore } from './postgres/store.ts';
import { poolSql } from './postgres/sql.ts';

/** PostgreSQL when a database URL is set (any number of instances), else the lowdb files (one process). */
export async function openStore(config: Pick<Config, 'dbPath' | 'database'>): Promise<Store> {
  if (config.database) return openPostgresStore(poolSql(config.database.url, config.database.schema), config.database);
  return openLowdbStore(config.dbPath);
}
