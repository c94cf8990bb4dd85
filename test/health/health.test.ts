import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { Health } from '../../src/health.ts';
import type { Store } from '../../src/store/port.ts';
import { testServices } from '../helpers.ts';

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

async function serve(health: Health) {
  server = await health.listen(0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return async (path: string) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
}

describe('health checks', () => {
  it('is healthy when the store answers, and ready only once every platform is connected', async () => {
    const { store } = await testServices();
    const health = new Health(store);
    let up = false;
    health.watch([{ platform: 'discord', connected: () => up }]);
    const get = await serve(health);
    expect(await get('/healthz')).toEqual({
      status: 200,
      body: { ok: true, store: 'ok', adapters: { discord: 'not connected' } },
    });
    expect((await get('/readyz')).status).toBe(503);
    up = true;
    expect(await get('/readyz')).toEqual({
      status: 200,
      body: { ok: true, store: 'ok', adapters: { discord: 'connected' } },
    });
  });

  it('is unhealthy, and says why, when the store fails', async () => {
    const broken = { people: { get: () => Promise.reject(new Error('database is gone')) } } as unknown as Store;
    const get = await serve(new Health(broken));
    expect(await get('/healthz')).toEqual({
      status: 503,
      body: { ok: false, store: 'database is gone', adapters: {} },
    });
    expect((await get('/readyz')).status).toBe(503);
  });

  it('answers 404 for any other path', async () => {
    const { store } = await testServices();
    server = await new Health(store).listen(0);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
  });
});
