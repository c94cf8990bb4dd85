import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

/** One request the bot made to the stand-in Slack. */
export interface Call {
  /** "chat.postMessage", "upload", "respond", ... */
  method: string;
  /** Form fields or JSON body; Block Kit arrays arrive JSON-encoded in forms and are decoded here. */
  args: Record<string, unknown>;
  /** The raw body (file contents for "upload"). */
  raw: string;
  /** The same body as bytes, for a file that is not text (a PDF). */
  bytes: Buffer;
  path: string;
  /** Set when Slack refused the call (e.g. "invalid_blocks"): the person saw nothing. */
  error?: string;
  /** When the call arrived (Date.now()). */
  at: number;
}

/** A channel as Slack sees it from the bot's side. */
export interface FakeChannel {
  /** private: a private channel; im: a direct message between people (not with the bot). */
  kind: 'public' | 'private' | 'im';
  /** Whether the bot is in it. A private channel or DM it is not in is "channel_not_found" to it. */
  member: boolean;
  /** The bot was removed from a private channel it could see: chat.postMessage says not_in_channel. */
  removed?: boolean;
  archived?: boolean;
}

// Block Kit limits Slack enforces by refusing the whole message.
const MAX_BLOCKS = 50;
const MAX_BUTTON_VALUE = 2000;

/** Slack's answer to a message over its Block Kit limits: invalid_blocks, as the real API says. */
function blockKitError(args: Record<string, unknown>): string | undefined {
  const blocks = args.blocks;
  if (!Array.isArray(blocks)) return undefined;
  if (blocks.length > MAX_BLOCKS) return 'invalid_blocks';
  for (const block of blocks as Array<{ elements?: Array<{ value?: unknown }> }>)
    for (const element of block.elements ?? [])
      if (typeof element.value === 'string' && element.value.length > MAX_BUTTON_VALUE) return 'invalid_blocks';
  return undefined;
}

/**
 * A local HTTP server standing in for Slack at the process boundary: the Web API under /api/,
 * the file upload URLs files.getUploadURLExternal hands out, and response_url endpoints.
 * It records every call so tests can check what a person would have seen.
 */
export class FakeSlack {
  readonly calls: Call[] = [];
  /** Set to an error code ("invalid_auth") to make auth.test fail. */
  authError: string | undefined;
  private failures = new Map<string, string>();

  /** Makes a Web API method answer { ok: false, error }. */
  failMethod(method: string, error: string): void {
    this.failures.set(method, error);
  }

  /** Channels the bot knows something about; any other id is a public channel. */
  readonly channels = new Map<string, FakeChannel>();
  private limits = new Map<string, { left: number; retryAfter: number; until: number }>();
  /** Posts faster than once a second in one channel get 429, as Slack may answer a burst. */
  enforceChannelRate = false;
  private lastPost = new Map<string, number>();

  /**
   * The next `times` calls of a method answer HTTP 429 with Retry-After (seconds), as Slack
   * does. A call that comes back before the Retry-After has passed gets 429 again and is
   * marked "ratelimited-early": the bot did not wait.
   */
  rateLimit(method: string, times: number, retryAfter = 1): void {
    this.limits.set(method, { left: times, retryAfter, until: 0 });
  }

  /** Calls Slack answered with 429. */
  get limited(): Call[] {
    return this.calls.filter((c) => c.error === 'ratelimited' || c.error === 'ratelimited-early');
  }
  private server = http.createServer((req, res) => void this.handle(req, res));
  private waiters: Array<{ match: (c: Call) => boolean; resolve: (c: Call) => void }> = [];
  private fileCount = 0;
  private envelopeCount = 0;
  /** Socket Mode: the WebSocket apps.connections.open hands out, greeted with Slack's "hello". */
  private sockets = new WebSocketServer({ server: this.server, path: '/socket' });
  private socket: WebSocket | undefined;
  private acks = new Map<string, (payload: unknown) => void>();
  private connectionWaiters: Array<() => void> = [];
  /** How long waitFor waits before it gives up (a slow answer is a failure, not a hang). */
  waitMs = 5000;
  /** Socket Mode connections opened so far. */
  connections = 0;
  url = '';

  constructor() {
    this.sockets.on('connection', (socket) => {
      this.socket = socket;
      this.connections++;
      for (const resolve of this.connectionWaiters.splice(0)) resolve();
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id: string; payload?: unknown };
        this.acks.get(message.envelope_id)?.(message.payload);
      });
      socket.send(
        JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' }, debug_info: {} }),
      );
    });
  }

  /** Sends a Socket Mode envelope (like "slash_commands") and resolves with the app's ack. */
  envelope(type: string, payload: unknown): Promise<unknown> {
    if (!this.socket) throw new Error('no Socket Mode connection');
    const id = `env-${++this.envelopeCount}`;
    const acked = new Promise<unknown>((resolve) => this.acks.set(id, resolve));
    this.socket.send(
      JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: type === 'slash_commands' }),
    );
    return acked;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Resolves when the next Socket Mode connection is open (after `count` connections in all). */
  connected(count = this.connections + 1): Promise<void> {
    if (this.connections >= count) return Promise.resolve();
    return new Promise((resolve) => this.connectionWaiters.push(() => this.connected(count).then(resolve)));
  }

  /** Drops every Socket Mode connection without a close frame, as a lost network does. */
  dropConnections(): void {
    this.socket = undefined;
    for (const socket of this.sockets.clients) socket.terminate();
  }

  /** Slack unreachable: connections dropped and new ones refused (ECONNREFUSED) until restore(). */
  async refuse(): Promise<void> {
    this.dropConnections();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Slack reachable again, at the same address. */
  async restore(): Promise<void> {
    const port = Number(new URL(this.url).port);
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets.clients) socket.terminate();
    this.sockets.close();
    this.server.closeAllConnections();
    if (this.server.listening) await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A fresh response_url; what is posted to it is recorded with method "respond". */
  responseUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }

  called(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The first call (already made, or still to come) that matches. */
  waitFor(match: (c: Call) => boolean, label = 'a call'): Promise<Call> {
    const found = this.calls.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the bot never made ${label}; calls: ${this.calls.map((c) => c.method).join(', ')}`)),
        this.waitMs,
      );
      this.waiters.push({ match, resolve: (c) => (clearTimeout(timer), resolve(c)) });
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    const path = new URL(req.url ?? '/', this.url).pathname;
    const method = path.startsWith('/api/')
      ? path.slice(5)
      : path.startsWith('/upload/')
        ? 'upload'
        : path.startsWith('/respond/')
          ? 'respond'
          : path;
    const call: Call = {
      method,
      args: parseBody(raw, req.headers['content-type'] ?? ''),
      raw,
      bytes,
      path,
      at: Date.now(),
    };
    this.calls.push(call);
    const limit = this.rateLimited(call);
    if (limit) {
      call.error = limit.early ? 'ratelimited-early' : 'ratelimited';
      res
        .writeHead(429, { 'content-type': 'application/json', 'retry-after': String(limit.retryAfter) })
        .end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    const refused = ['respond', 'chat.postMessage', 'chat.update'].includes(method)
      ? blockKitError(call.args)
      : undefined;
    if (refused) call.error = refused;
    const body = refused ? { ok: false, error: refused } : this.answer(call);
    const said = (body as { ok?: boolean; error?: string }).error;
    if (said) call.error = said;
    // A response_url answers a refused message with HTTP 400; the Web API with ok: false.
    res
      .writeHead(refused && method === 'respond' ? 400 : 200, { 'content-type': 'application/json' })
      .end(JSON.stringify(body));
    for (const w of this.waiters.filter((w) => w.match(call))) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve(call);
    }
  }

  private rateLimited(call: Call): { retryAfter: number; early: boolean } | undefined {
    const limit = this.limits.get(call.method);
    if (limit && call.at < limit.until) return { retryAfter: Math.ceil((limit.until - call.at) / 1000), early: true };
    if (limit && limit.left > 0) {
      limit.left--;
      limit.until = call.at + limit.retryAfter * 1000;
      return { retryAfter: limit.retryAfter, early: false };
    }
    if (this.enforceChannelRate && call.method === 'chat.postMessage') {
      const channel = String(call.args.channel);
      const last = this.lastPost.get(channel);
      this.lastPost.set(channel, call.at);
      // A little slack for timer jitter: "about one a second".
      if (last !== undefined && call.at - last < 900) return { retryAfter: 1, early: true };
    }
    return undefined;
  }

  /** Slack's real answers for a channel the bot may not use. */
  private channelError(call: Call): string | undefined {
    const id = String(call.args.channel ?? '');
    const channel = this.channels.get(id);
    if (!channel) return undefined;
    if (channel.archived) return call.method === 'conversations.info' ? undefined : 'is_archived';
    if (channel.member || channel.kind === 'public') return undefined;
    if (channel.removed && call.method === 'chat.postMessage') return 'not_in_channel';
    return 'channel_not_found';
  }

  private answer(call: Call): unknown {
    const failure = this.failures.get(call.method);
    if (failure) return { ok: false, error: failure };
    if (call.method === 'chat.postMessage' || call.method === 'conversations.info') {
      const refused = this.channelError(call);
      if (refused) return { ok: false, error: refused };
    }
    switch (call.method) {
      case 'auth.test':
        return this.authError
          ? { ok: false, error: this.authError }
          : { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', url: 'https://peers.slack.com/' };
      case 'apps.connections.open':
        return { ok: true, url: `${this.url.replace('http', 'ws')}/socket` };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(call.args.users)}` } };
      case 'chat.postMessage':
        return { ok: true, channel: call.args.channel, ts: `${Date.now() / 1000}` };
      case 'conversations.info': {
        const id = String(call.args.channel);
        const channel = this.channels.get(id) ?? { kind: 'public', member: false };
        return {
          ok: true,
          channel: {
            id,
            is_channel: channel.kind === 'public',
            is_private: channel.kind === 'private',
            is_im: channel.kind === 'im',
            is_member: channel.member,
            is_archived: Boolean(channel.archived),
          },
        };
      }
      case 'files.getUploadURLExternal': {
        const id = `F${++this.fileCount}`;
        return { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: JSON.parse(String(call.args.files ?? '[]')) as unknown };
      case 'users.info':
        return { ok: true, user: { id: call.args.user, name: String(call.args.user).toLowerCase() } };
      default:
        return { ok: true };
    }
  }
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  if (!contentType.includes('application/x-www-form-urlencoded')) return {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = key === 'blocks' || key === 'view' ? (JSON.parse(value) as unknown) : value;
  }
  return args;
}
