import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/app.ts';
import { dispatch } from '../src/bot.ts';
import { silentLogger } from '../src/services.ts';

/**
 * Resident memory of a bot process that has loaded the store and answered some commands,
 * measured in a fresh process so the benchmark's own data building does not count.
 * Usage: node --import tsx bench/memory.ts <db.json> | --database <url> <schema>
 */
const [first, url, schema] = process.argv.slice(2);
const where =
  first === '--database' ? { DATABASE_URL: url!, PEERBOT_DATABASE_SCHEMA: schema! } : { PEERBOT_DB: first! };
const services = await createServices(loadConfig({ ...where, PEERBOT_NOW: '2026-03-16T10:00:00-05:00' }), silentLogger);
for (let i = 0; i < 200; i++) {
  await dispatch(services, { platform: 'console', userId: `mentor${i}`, command: 'cert', text: '' });
  await dispatch(services, { platform: 'console', userId: `sup${i % 20}`, command: 'team', text: '' });
}
globalThis.gc?.();
console.log(JSON.stringify({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed }));
