/**
 * `npm run db:migrate`: brings the PostgreSQL database named by DATABASE_URL (or
 * PEERBOT_DATABASE_URL) up to this peerbot's schema. peerbot also does this at start.
 */
import { loadConfig } from '../src/config.ts';
import { migrate, MIGRATIONS } from '../src/store/postgres/migrations.ts';
import { poolSql } from '../src/store/postgres/sql.ts';

const config = loadConfig();
if (!config.database) {
  process.stderr.write('Set DATABASE_URL first. Example: DATABASE_URL=postgres://peerbot@127.0.0.1:5432/peerbot\n');
  process.exit(1);
}
const sql = poolSql(config.database.url, config.database.schema, 1);
try {
  const applied = await migrate(sql, config.database.schema);
  process.stdout.write(
    applied.length
      ? `Applied schema version${applied.length > 1 ? 's' : ''} ${applied.join(', ')} to ${sql.where}.\n`
      : `${sql.where} is already at schema version ${MIGRATIONS.length}.\n`,
  );
} catch (error) {
  process.stderr.write(`The migration stopped; nothing of it was kept: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await sql.close();
}
