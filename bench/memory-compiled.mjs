// bench/memory.ts on the compiled bot, as `npm start` runs it (plain node, no tsx loader).
// Usage: node --expose-gc bench/memory-compiled.mjs <db.json> | --database <url> <schema>
const dist = new URL('../dist/src/', import.meta.url);
const { loadConfig } = await import(new URL('config.js', dist).href);
const { createServices } = await import(new URL('app.js', dist).href);
const { dispatch } = await import(new URL('bot.js', dist).href);
const { silentLogger } = await import(new URL('services.js', dist).href);

const [first, url, schema] = process.argv.slice(2);
const where = first === '--database' ? { DATABASE_URL: url, PEERBOT_DATABASE_SCHEMA: schema } : { PEERBOT_DB: first };
const services = await createServices(loadConfig({ ...where, PEERBOT_NOW: '2026-03-16T10:00:00-05:00' }), silentLogger);
for (let i = 0; i < 200; i++) {
  await dispatch(services, { platform: 'console', userId: `mentor${i}`, command: 'cert', text: '' });
  await dispatch(services, { platform: 'console', userId: `sup${i % 20}`, command: 'team', text: '' });
}
globalThis.gc?.();
console.log(JSON.stringify({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed }));
await services.store.close?.();
