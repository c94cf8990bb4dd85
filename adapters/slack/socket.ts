import { SocketModeReceiver } from '@slack/bolt';
import type { Logger as BoltLogger, webApi } from '@slack/bolt';
import type { Logger } from '../../src/services.ts';

export interface SocketPolicy {
  /** First wait before reconnecting; doubles up to maxDelayMs, back to this once connected. */
  minDelayMs: number;
  maxDelayMs: number;
  /** How long Bolt waits for a pong before it calls the connection lost. */
  pingTimeoutMs: number;
}

// Slack says disconnects are "regular and expected": a reconnect keeps trying for as long as
// it takes, at most 10 s apart, so the bot is back within seconds of Slack being reachable.
export const SOCKET_POLICY: SocketPolicy = { minDelayMs: 500, maxDelayMs: 10_000, pingTimeoutMs: 5000 };

export interface SupervisedSocket {
  receiver: SocketModeReceiver;
  /** Opens the first connection; a failure here is a start-up error (bad app token). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Reconnects if the connection is down and no reconnect is under way. */
  recover(): void;
  readonly connected: boolean;
}

/**
 * Bolt hands the Web API clientOptions (with their short retry policy, meant for a wrong
 * SLACK_API_URL at start) to the Socket Mode client, where they replace its reconnect policy:
 * after a few seconds of Slack being away during a reconnect, its promise rejects unhandled
 * and Node ends the process. So the socket gets options of its own, the library's
 * auto-reconnect is off, and this loop reconnects, forever, with a backoff, catching every
 * failure.
 */
export function supervisedSocket(
  appToken: string,
  apiUrl: string | undefined,
  logger: BoltLogger,
  log: Logger,
  policy: SocketPolicy = SOCKET_POLICY,
): SupervisedSocket {
  const clientOptions: webApi.WebClientOptions = {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    // One quick retry per attempt; the loop below does the long waiting.
    retryConfig: { retries: 1, minTimeout: 200, maxTimeout: 1000 },
    timeout: 10_000,
  };
  const receiver = new SocketModeReceiver({
    appToken,
    logger,
    autoReconnectEnabled: false,
    clientPingTimeout: policy.pingTimeoutMs,
    installerOptions: { clientOptions },
  });
  const client = receiver.client;
  let running = false;
  let connected = false;
  let attempt: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let delay = policy.minDelayMs;
  let lostAt = 0;

  client.on('connected', () => {
    if (lostAt) log.info(`Slack: Socket Mode connection back after ${Math.round((Date.now() - lostAt) / 1000)} s`);
    connected = true;
    lostAt = 0;
    delay = policy.minDelayMs;
  });
  client.on('disconnected', () => {
    const was = connected;
    connected = false;
    if (!running) return;
    if (was) {
      lostAt = Date.now();
      log.warn('Slack: Socket Mode connection lost, reconnecting');
    }
    schedule();
  });

  function schedule(): void {
    if (!running || connected || timer || attempt) return;
    const wait = delay;
    delay = Math.min(policy.maxDelayMs, delay * 2);
    timer = setTimeout(() => {
      timer = undefined;
      if (!running || connected) return;
      attempt = client
        .start()
        .catch((error: unknown) => log.warn(`Slack: Socket Mode reconnect failed (${describe(error)}); trying again`))
        .finally(() => {
          attempt = undefined;
          if (!connected) schedule();
        });
    }, wait);
  }

  return {
    receiver,
    get connected() {
      return connected;
    },
    async start() {
      running = true;
      try {
        await receiver.start();
      } catch (error) {
        running = false;
        throw error;
      }
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      timer = undefined;
      await receiver.stop();
    },
    recover: schedule,
  };
}

function describe(error: unknown): string {
  const original = (error as { original?: { code?: string; message?: string } }).original;
  return original?.code ?? original?.message ?? (error as Error)?.message ?? String(error);
}
