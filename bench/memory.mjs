// Resident memory of a bot process that has loaded the store and answered 200 /cert and /team,
// measured in a fresh process so the benchmark's own data building does not count.
// Usage: node --expose-gc [--import tsx] bench/memory.mjs [--compiled] <db.json> | --database <url> <schema>
// Through tsx it loads src/*.ts; with --compiled it loads dist/, as `npm start` runs the bot.
const args = process.argv.slice(2);
const compiled = args[0] === '--compiled';
if (compiled) args.shift();
const base = new URL(compiled ? '../dist/src/' : '../src/', import.meta.url);
const load = (name) => import(new URL(`${name}${compiled ? '.js' : '.ts'}`, base).href);
const { loadConfig } = await load('config');
const { createServices } = await load('app');
const { dispatch } = await load('bot');
const { silentLogger } = await load('services');

const [first, url, schema] = args;
const where = first === '--database' ? { DATABASE_URL: url, PEERBOT_DATABASE_SCHEMA: schema } : { PEERBOT_DB: first };
const services = await createServices(loadConfig({ ...where, PEERBOT_NOW: '2026-03-16T10:00:00-05:00' }), silentLogger);
for (let i = 0; i < 200; i++) {
  await dispatch(services, { platform: 'console', userId: `mentor${i}`, command: 'cert', text: '' });
  await dispatch(services, { platform: 'console', userId: `sup${i % 20}`, command: 'team', text: '' });
}
globalThis.gc?.();
console.log(JSON.stringify({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed }));
await services.store.close?.();
