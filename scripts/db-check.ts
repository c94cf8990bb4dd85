/**
 * `npm run db:check`: reads every row of the PostgreSQL database named by DATABASE_URL (or
 * PEERBOT_DATABASE_URL) and checks it as the lowdb store checks its files at start. Prints
 * each problem (table, row, field) and exits 1 when there is any; changes nothing.
 */
import { loadConfig } from '../src/config.ts';
import { checkRows } from '../src/store/postgres/check.ts';
import { poolSql } from '../src/store/postgres/sql.ts';

const config = loadConfig();
if (!config.database) {
  process.stderr.write(
    'Set DATABASE_URL first. Example: DATABASE_URL=postgres://peerbot@127.0.0.1:5432/peerbot npm run db:check\n',
  );
  process.exit(1);
}
const sql = poolSql(config.database.url, config.database.schema, 1);
try {
  const { rows, problems } = await checkRows(sql);
  for (const p of problems) process.stdout.write(`${p.table} ${p.key}: ${p.problem}\n`);
  process.stdout.write(
    problems.length
      ? `${problems.length} rows are not valid (of ${rows.toLocaleString('en-US')} checked). Nothing was changed.\n`
      : `All ${rows.toLocaleString('en-US')} rows are valid.\n`,
  );
  process.exitCode = problems.length ? 1 : 0;
} catch (error) {
  process.stderr.write(`The check stopped: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await sql.close();
}
