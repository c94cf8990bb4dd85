import http from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Store } from './store/port.ts';

/** Anything whose connection a health check reports: each platform adapter. */
export interface Connected {
  readonly platform: string;
  /** True while the platform connection is up (logged in, socket open, token checked). */
  connected?(): boolean;
}

export interface HealthReport {
  ok: boolean;
  store: 'ok' | string;
  adapters: Record<string, 'connected' | 'not connected'>;
}

// A store that takes longer than this is as good as down for a health probe.
const STORE_TIMEOUT_MS = 2000;

/**
 * /healthz and /readyz for process managers and load balancers, wherever they are served
 * (Slack's HTTP port, or a small server of their own). /healthz: the process runs and the store
 * answers (restart it if not). /readyz: that, and every platform adapter is connected (send it
 * traffic). A platform outage makes peerbot unready, not unhealthy, so it is not restarted in a loop.
 */
export class Health {
  private readonly adapters: Connected[] = [];

  constructor(private readonly store: Store) {}

  watch(adapters: Connected[]): void {
    this.adapters.push(...adapters);
  }

  async report(): Promise<HealthReport> {
    const store = await storeAnswers(this.store);
    const adapters: HealthReport['adapters'] = {};
    for (const a of this.adapters) adapters[a.platform] = (a.connected?.() ?? true) ? 'connected' : 'not connected';
    return { ok: store === 'ok' && Object.values(adapters).every((s) => s === 'connected'), store, adapters };
  }

  /** Answers GET /healthz or /readyz; false for any other request, so a shared server can serve it. */
  handles(req: IncomingMessage, res: ServerResponse): boolean {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' || (pathname !== '/healthz' && pathname !== '/readyz')) return false;
    void this.report().then((report) => {
      const ok = pathname === '/readyz' ? report.ok : report.store === 'ok';
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...report, ok }));
    });
    return true;
  }

  /** A server of its own, for when no platform already listens on PORT. Resolves once listening. */
  listen(port: number): Promise<Server> {
    const server = http.createServer((req, res) => {
      if (!this.handles(req, res)) res.writeHead(404).end();
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => resolve(server));
    });
  }
}

async function storeAnswers(store: Store): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      store.people.get('healthcheck'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${STORE_TIMEOUT_MS} ms`)), STORE_TIMEOUT_MS);
      }),
    ]);
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}
