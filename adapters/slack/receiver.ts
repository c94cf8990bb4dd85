import http from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { HTTPReceiver, LogLevel } from '@slack/bolt';
import type { CustomRoute, Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/services.ts';
import type { Health } from '../../src/health.ts';

/** Slack's own rule: a request stamped more than 5 minutes from now may be a replay. */
const SIGNATURE_WINDOW_SECONDS = 5 * 60;

/**
 * Bolt 5 refuses a request stamped too far in the past but accepts one stamped an hour in the
 * future, so a captured-then-delayed or pre-signed request could be replayed later. This
 * checks the window both ways before Bolt verifies the signature (which covers the timestamp,
 * so the header cannot be changed without breaking the signature). Always the real clock:
 * PEERBOT_NOW never moves this window.
 */
export function timestampInWindow(header: string | string[] | undefined, nowMs = Date.now()): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !/^\d+$/.test(value)) return false;
  return Math.abs(Math.floor(nowMs / 1000) - Number(value)) <= SIGNATURE_WINDOW_SECONDS;
}

/** GET /healthz and /readyz on Slack's own port (src/health.ts says what each checks). */
function healthRoutes(health: Health | undefined): CustomRoute[] {
  return ['/healthz', '/readyz'].map((path) => ({
    path,
    method: ['GET'],
    handler: (req, res) => {
      if (health?.handles(req, res)) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    },
  }));
}

/**
 * In Socket Mode nothing listens for Slack, but hosts still probe /healthz. Bolt's own server
 * for custom routes there has no error handler (a port in use would crash the process), so
 * peerbot runs this one and reports a busy port like any other start-up problem.
 */
export function startHealthServer(port: number, health?: Health): Promise<Server> {
  const [healthz] = healthRoutes(health);
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && (pathname === '/healthz' || pathname === '/readyz'))
      healthz!.handler(Object.assign(req, { params: {} }), res);
    else res.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}

/** Bolt's HTTP receiver with the two-sided timestamp check in front of its own checks. */
export function windowedReceiver(
  signingSecret: string,
  log: Logger,
  endpoint = '/slack/events',
  health?: Health,
): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: [endpoint],
    customRoutes: healthRoutes(health),
    logger: boltLogger(log),
  });
  const boltListener = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const isEvent = req.method === 'POST' && new URL(req.url ?? '/', 'http://localhost').pathname === endpoint;
    if (isEvent && !timestampInWindow(req.headers['x-slack-request-timestamp'])) {
      log.warn('Slack request refused: its timestamp is more than 5 minutes from now (a replay, or a wrong clock).');
      req.resume();
      res.writeHead(401).end();
      return;
    }
    boltListener(req, res);
  };
  return receiver;
}

/** Bolt's logger interface over peerbot's; Bolt's debug chatter is dropped. */
export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  let name = 'slack';
  return {
    debug: () => {},
    info: (...msg: unknown[]) => log.info(`${name}: ${msg.map(String).join(' ')}`),
    warn: (...msg: unknown[]) => log.warn(`${name}: ${msg.map(String).join(' ')}`),
    error: (...msg: unknown[]) => log.error(`${name}: ${msg.map(String).join(' ')}`),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}
