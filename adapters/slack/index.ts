import type { Server } from 'node:http';
import { App } from '@slack/bolt';
import type { webApi } from '@slack/bolt';
import type { Adapter } from '../../src/adapter.ts';
import type { Config } from '../../src/config.ts';
import type { Reply } from '../../src/message.ts';
import type { Services } from '../../src/services.ts';
import { boltLogger, startHealthServer, windowedReceiver } from './receiver.ts';
import { registerHandlers } from './handlers.ts';
import { slackOutgoing } from './deliver.ts';
import type { Pace } from './pace.ts';
import { startupError } from './startup.ts';
import type { StartStep } from './startup.ts';
import { supervisedSocket } from './socket.ts';
import type { SocketPolicy, SupervisedSocket } from './socket.ts';
import { keepAlive } from '../shared/guard.ts';

export type SlackSettings = NonNullable<Config['slack']>;

export interface SlackAdapterOptions {
  /** HTTP port (default PORT); 0 picks a free one (tests). In Socket Mode it serves /healthz only. */
  port?: number;
  /** How the Web API client retries (default: 3 retries within a few seconds). */
  retryConfig?: webApi.RetryOptions;
  /** Socket Mode's reconnect timing (tests make it quick). */
  socketPolicy?: SocketPolicy;
  /** How fast posts go out (default: 1 a second per channel, 10 a second per workspace). */
  pace?: Partial<Pace>;
}

export interface SlackAdapter extends Adapter {
  readonly app: App;
  readonly client: webApi.WebClient;
  readonly mode: 'http' | 'socket';
  /** The port actually listened on once started (events in HTTP mode; /healthz only in Socket Mode). */
  readonly port: number | undefined;
}

// Enough to ride out a blip, short enough that a wrong SLACK_API_URL is reported in seconds
// (the client's own default keeps retrying for half an hour).
const DEFAULT_RETRIES: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 3000 };

/**
 * peerbot on Slack through Bolt: slash commands, buttons and the App Home tab, in HTTP mode
 * (POST /slack/events, GET /healthz) or Socket Mode when an app token is set. sendDirect and
 * postToChannel work without start(), so `npm run nudge` can use them.
 */
export function createSlackAdapter(
  services: Services,
  settings: SlackSettings | undefined = services.config.slack,
  options: SlackAdapterOptions = {},
): SlackAdapter {
  if (!settings) throw new Error('Slack is not set up. Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.');
  const { log } = services;
  const port = options.port ?? services.config.port;
  const logger = boltLogger(log);
  const clientOptions: webApi.WebClientOptions = {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    retryConfig: options.retryConfig ?? DEFAULT_RETRIES,
    timeout: 10_000,
  };
  const mode = settings.appToken ? 'socket' : 'http';
  // Socket Mode gets a receiver of its own so the Web API's short retries never become its
  // reconnect policy (see socket.ts).
  const socket: SupervisedSocket | undefined =
    mode === 'socket'
      ? supervisedSocket(settings.appToken!, settings.apiUrl, logger, log, options.socketPolicy)
      : undefined;
  // deferInitialization: Bolt would otherwise call auth.test inside the constructor and leave
  // a rejected promise nobody awaits; start() runs it and turns a failure into a clear message.
  const app = new App({
    token: settings.botToken,
    receiver: socket?.receiver ?? windowedReceiver(settings.signingSecret, log, '/slack/events', services.health),
    logger,
    clientOptions,
    deferInitialization: true,
  });
  const out = slackOutgoing(app.client, services, options.pace);
  registerHandlers(app, services, out);
  let release: (() => void) | undefined;

  let started = false;
  let listeningPort: number | undefined;
  let health: Server | undefined;
  const apiUrl = app.client.slackApiUrl;

  return {
    platform: 'slack',
    app,
    client: app.client,
    mode,
    get port() {
      return listeningPort;
    },
    connected() {
      return started;
    },
    async start() {
      if (started) return;
      log.info(`Slack: checking the bot token with ${apiUrl}auth.test`);
      // Which step failed decides which setting the message names.
      let step: StartStep = 'bot-token';
      try {
        if (mode === 'socket' && !settings.appToken!.startsWith('xapp-'))
          throw new Error('SLACK_APP_TOKEN must be an app-level token: it starts with xapp-.');
        await app.init();
        step = 'listen';
        // Socket Mode listens only for health checks; HTTP mode's receiver serves both.
        const server =
          mode === 'socket' ? (health = await startHealthServer(port, services.health)) : await app.start(port);
        listeningPort = portOf(server) ?? port;
        step = 'app-token';
        if (socket) await socket.start(); // app.start() is receiver.start(), with the loop's bookkeeping
      } catch (error) {
        health?.close();
        health = undefined;
        throw startupError(error, apiUrl, step);
      }
      started = true;
      release = keepAlive('Slack', log, () => socket?.recover());
      log.info(
        mode === 'http'
          ? `Slack: listening on port ${listeningPort} (POST /slack/events, GET /healthz and /readyz)`
          : `Slack: connected in Socket Mode (GET /healthz on port ${listeningPort})`,
      );
    },
    async stop() {
      if (!started) return;
      started = false;
      release?.();
      await (socket ? socket.stop() : app.stop());
      await new Promise((resolve) => (health ? health.close(resolve) : resolve(undefined)));
      health = undefined;
    },
    async sendDirect(userId: string, reply: Reply) {
      await out.sendDirect(userId, reply);
    },
    async postToChannel(channelId: string, reply: Reply) {
      await out.postToChannel(channelId, reply);
    },
    canPost: (channelId: string) => out.canPost(channelId),
  };
}

function portOf(server: unknown): number | undefined {
  const address = (server as Partial<Server> | undefined)?.address?.();
  return typeof address === 'object' && address ? address.port : undefined;
}
