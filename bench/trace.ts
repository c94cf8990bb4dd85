// A look at the statements one command sends: `npx tsx bench/trace.ts` (PEERBOT_BENCH_DATABASE_URL).
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/app.ts';
import { dispatch } from '../src/bot.ts';
import { silentLogger } from '../src/services.ts';
import { openPostgresStore } from '../src/store/postgres/store.ts';
import { poolSql } from '../src/store/postgres/sql.ts';
import type { Sql } from '../src/store/postgres/sql.ts';
import { fillPostgres } from './postgres.ts';

const url = process.env.PEERBOT_BENCH_DATABASE_URL!;
const schema = `peerbot_trace_${process.pid}`;
const base = poolSql(url, schema);
const seen: string[] = [];
const note = (text: string, params?: unknown[]) =>
  seen.push(`${text.replace(/\s+/g, ' ').slice(0, 90)} ${JSON.stringify(params ?? []).slice(0, 60)}`);
const sql: Sql = {
  where: base.where,
  query: (text, params) => (note(text, params), base.query(text, params)),
  transaction: (work) => (
    note('BEGIN'),
    base.transaction((q) => work({ query: (text, params) => (note(text, params), q.query(text, params)) }))
  ),
  close: () => base.close(),
};
const store = await openPostgresStore(sql, { schema });
try {
  await fillPostgres(sql, 100);
  const services = await createServices(
    loadConfig({ ...process.env, PEERBOT_NOW: '2026-03-16T10:00:00-05:00' }),
    silentLogger,
    store,
  );
  for (const [user, command, text] of [
    ['mentor3', 'hours', 'log 30 min 1on1 met with Sam'],
    ['mentor3', 'hours', 'log 30 min 1on1 met with Sam'],
    ['mentor4', 'cert', ''],
    ['mentor4', 'cert', ''],
    ['sup1', 'team', ''],
  ] as const) {
    seen.length = 0;
    await dispatch(services, { platform: 'console', userId: user, command, text });
    console.log(`/${command} ${text}: ${seen.length} statements\n  ${seen.join('\n  ')}`);
  }
} finally {
  await base.query(`DROP SCHEMA ${schema} CASCADE`);
  await store.close();
}
