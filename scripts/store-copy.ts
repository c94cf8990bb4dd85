/**
 * `npm run store:copy -- --to postgres://…`: copies the lowdb store (PEERBOT_DB) into an empty
 * PostgreSQL database and checks counts and hours per person. Safe to run again. Stop the bot
 * first: the lowdb store has one owner.
 */
import { loadConfig } from '../src/config.ts';
import { copyLowdbToPostgres } from '../src/store/copy.ts';
import { poolSql } from '../src/store/postgres/sql.ts';

const at = process.argv.indexOf('--to');
const url = at >= 0 ? process.argv[at + 1] : undefined;
if (!url) {
  process.stderr.write(
    'Say where to copy to. Example: npm run store:copy -- --to postgres://peerbot@127.0.0.1:5432/peerbot\n',
  );
  process.exit(1);
}
const config = loadConfig();
const sql = poolSql(url, process.env.PEERBOT_DATABASE_SCHEMA || undefined, 2);
try {
  const report = await copyLowdbToPostgres(config.dbPath, sql, process.env.PEERBOT_DATABASE_SCHEMA || undefined);
  process.stdout.write(
    `Copied ${config.dbPath} to ${sql.where}: ${report.people} people, ${report.entries} hour entries, ${report.records} records.\n`,
  );
  if (report.mismatches.length) {
    process.stderr.write(`These do not match after the copy:\n${report.mismatches.join('\n')}\n`);
    process.exitCode = 1;
  } else process.stdout.write('Counts and hours per person match.\n');
} catch (error) {
  process.stderr.write(`The copy stopped: ${(error as Error).message}\nRunning it again is safe.\n`);
  process.exitCode = 1;
} finally {
  await sql.close();
}
