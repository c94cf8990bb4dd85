import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

export const APP_ID = '900000000000000001';
export const BOT_ID = '900000000000000002';
export const GUILD_ID = '900000000000000003';
export const CHANNEL_ID = '900000000000000004';

/** One request the bot made to the stand-in REST API. */
export interface Recorded {
  method: string;
  /** The path after /api/v10, e.g. "/interactions/1/tok/callback". */
  path: string;
  /** The JSON body, or payload_json of a multipart body. */
  body: Record<string, unknown>;
  /** Files of a multipart body: name -> text. */
  files: Record<string, string>;
  /** The same files as bytes, for one that is not text (a PDF). */
  fileBytes: Record<string, Uint8Array>;
}

/**
 * A local stand-in for Discord: the REST API under /api/v10 and a gateway WebSocket speaking
 * just enough of the protocol (HELLO, IDENTIFY → READY, GUILD_CREATE, HEARTBEAT_ACK, DISPATCH)
 * for the real discord.js client to log in and receive interactions.
 */
export class FakeDiscord {
  readonly requests: Recorded[] = [];
  /** Application commands as stored by the last PUT, per route. */
  readonly commands = new Map<string, unknown[]>();
  identify?: Record<string, unknown>;
  /** How many times a bot resumed its session after a reconnect. */
  resumes = 0;
  /** How many times a bot identified (a fresh session). */
  identifies = 0;
  /** Gateway connections opened so far. */
  connections = 0;
  /**
   * Channels closed to the bot, with Discord's own error: "missing" is 403 Missing Access
   * (50001, a private channel the bot cannot see), "unknown" is 404 Unknown Channel (10003).
   */
  readonly closed = new Map<string, 'missing' | 'unknown'>();
  private connectionWaiters: Array<() => void> = [];
  private sockets = new Set<WebSocket>();
  private waiters: Array<{ match: (r: Recorded) => boolean; resolve: (r: Recorded) => void; seen: number }> = [];
  private seq = 0;
  private messageId = 1000;
  private server = http.createServer((req, res) => void this.onRequest(req, res));
  private wss = new WebSocketServer({ server: this.server, path: '/gateway' });

  constructor() {
    this.wss.on('connection', (socket) => this.onSocket(socket));
  }

  static async start(): Promise<FakeDiscord> {
    const fake = new FakeDiscord();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The value for DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Resolves with the first request (already made or still to come, after `after` earlier ones) that matches. */
  waitFor(match: (r: Recorded) => boolean, after = 0): Promise<Recorded> {
    const found = this.requests.slice(after).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ match, resolve, seen: after }));
  }

  /** Sends a gateway DISPATCH (e.g. INTERACTION_CREATE) to every connected bot. */
  dispatch(t: string, d: unknown): void {
    for (const socket of this.sockets) socket.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  /** Asks every bot to reconnect (gateway op 7), as Discord does when it moves a session. */
  askToReconnect(): void {
    for (const socket of this.sockets) socket.send(JSON.stringify({ op: 7, d: null }));
  }

  /** Resolves when `count` gateway sessions in all are ready or resumed. */
  ready(count: number): Promise<void> {
    if (this.identifies + this.resumes >= count) return Promise.resolve();
    return new Promise((resolve) => this.connectionWaiters.push(() => void this.ready(count).then(resolve)));
  }

  /** Drops every gateway connection without a close frame, as a lost network does. */
  dropConnections(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  /** Discord unreachable: connections dropped and new ones (gateway and REST) refused until restore(). */
  async refuse(): Promise<void> {
    const port = this.port;
    this.dropConnections();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.refusedPort = port;
  }

  /** Discord reachable again, at the same address. */
  async restore(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(this.refusedPort, '127.0.0.1', resolve));
  }

  private refusedPort = 0;

  private sessionReady(): void {
    for (const resolve of this.connectionWaiters.splice(0)) resolve();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    if (this.server.listening) await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    this.connections++;
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (packet.op === 6) {
        this.resumes++;
        socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++this.seq, d: {} }));
        this.sessionReady();
      }
      if (packet.op !== 2) return;
      this.identify = packet.d;
      this.identifies++;
      const ready = {
        v: 10,
        user: { id: BOT_ID, username: 'peerbot', discriminator: '0', global_name: null, avatar: null, bot: true },
        guilds: [{ id: GUILD_ID, unavailable: true }],
        session_id: 'session-1',
        resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
        application: { id: APP_ID, flags: 0 },
      };
      socket.send(JSON.stringify({ op: 0, t: 'READY', s: ++this.seq, d: ready }));
      socket.send(JSON.stringify({ op: 0, t: 'GUILD_CREATE', s: ++this.seq, d: guild() }));
      this.sessionReady();
    });
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname.replace(/^\/api\/v10/, '');
    const { body, files, fileBytes } = await parseBody(raw, req.headers['content-type'] ?? '');
    const recorded: Recorded = { method: req.method ?? 'GET', path, body, files, fileBytes };
    this.requests.push(recorded);
    const [status, answer] = this.answer(recorded);
    res.writeHead(status, answer === undefined ? {} : { 'content-type': 'application/json' });
    res.end(answer === undefined ? '' : JSON.stringify(answer));
    const index = this.requests.length;
    this.waiters = this.waiters.filter((w) => {
      if (index <= w.seen || !w.match(recorded)) return true;
      w.resolve(recorded);
      return false;
    });
  }

  private answer(r: Recorded): [number, unknown] {
    if (r.path === '/gateway/bot') {
      return [
        200,
        {
          url: `ws://127.0.0.1:${this.port}/gateway`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }
    if (/^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(r.path)) {
      if (r.method === 'PUT') this.commands.set(r.path, r.body as unknown as unknown[]);
      const stored = (this.commands.get(r.path) ?? []).map((c, i) => ({
        id: String(i + 1),
        application_id: APP_ID,
        version: '1',
        default_member_permissions: null,
        ...(c as object),
      }));
      return [200, stored];
    }
    if (/^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path)) return [204, undefined];
    if (r.path === '/users/@me/channels')
      return [
        200,
        {
          id: `77${String(r.body.recipient_id)}`,
          type: 1,
          recipients: [{ id: r.body.recipient_id, username: 'someone', discriminator: '0' }],
        },
      ];
    const channel = /^\/channels\/(\d+)(\/messages)?$/.exec(r.path);
    const closed = channel ? this.closed.get(channel[1]!) : undefined;
    if (closed === 'missing') return [403, { message: 'Missing Access', code: 50001 }];
    if (closed === 'unknown') return [404, { message: 'Unknown Channel', code: 10003 }];
    if (/^\/webhooks\/|^\/channels\/\d+\/messages$/.test(r.path)) return [200, this.message(r)];
    if (channel && r.method === 'GET')
      return [
        200,
        { id: channel[1], type: 0, guild_id: GUILD_ID, name: 'general', position: 0, permission_overwrites: [] },
      ];
    return [404, { message: 'Unknown route', code: 0 }];
  }

  private message(r: Recorded): unknown {
    const channelId = /^\/channels\/(\d+)/.exec(r.path)?.[1] ?? CHANNEL_ID;
    return messageJson(String(this.messageId++), channelId, r.body);
  }
}

export function messageJson(
  id: string,
  channelId: string,
  body: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    channel_id: channelId,
    type: 0,
    author: { id: BOT_ID, username: 'peerbot', discriminator: '0', avatar: null, bot: true },
    content: body.content ?? '',
    timestamp: '2026-03-16T15:00:00.000Z',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    pinned: false,
    flags: body.flags ?? 0,
  };
}

function guild(): Record<string, unknown> {
  return {
    id: GUILD_ID,
    name: 'Learning Collaborative',
    icon: null,
    owner_id: '1',
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id: GUILD_ID,
        name: '@everyone',
        permissions: '0',
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    features: [],
    mfa_level: 0,
    system_channel_flags: 0,
    premium_tier: 0,
    preferred_locale: 'en-US',
    nsfw_level: 0,
    member_count: 3,
    joined_at: '2026-01-01T00:00:00.000Z',
    large: false,
    members: [],
    channels: [{ id: CHANNEL_ID, type: 0, name: 'general', position: 0, permission_overwrites: [] }],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    stickers: [],
    soundboard_sounds: [],
  };
}

async function parseBody(
  raw: Buffer,
  type: string,
): Promise<{ body: Record<string, unknown>; files: Record<string, string>; fileBytes: Record<string, Uint8Array> }> {
  if (raw.length === 0) return { body: {}, files: {}, fileBytes: {} };
  if (!type.startsWith('multipart/form-data'))
    return { body: JSON.parse(raw.toString('utf8')) as Record<string, unknown>, files: {}, fileBytes: {} };
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
  const files: Record<string, string> = {};
  const fileBytes: Record<string, Uint8Array> = {};
  let body: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key === 'payload_json') body = JSON.parse(String(value)) as Record<string, unknown>;
    else if (typeof value !== 'string') {
      fileBytes[value.name] = new Uint8Array(await value.arrayBuffer());
      files[value.name] = new TextDecoder().decode(fileBytes[value.name]);
    }
  }
  return { body, files, fileBytes };
}
