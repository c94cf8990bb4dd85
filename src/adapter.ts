import type { Platform } from './bot.ts';
import type { Reply } from './message.ts';

/**
 * A platform the bot lives on. Adapters turn platform input into an Invocation, call
 * dispatch(), and render the Reply; they own acknowledgement deadlines. The scheduler
 * reaches people and channels through sendDirect and postToChannel.
 */
export interface Adapter {
  readonly platform: Platform;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** True while the platform connection is up; /readyz reports it. */
  connected?(): boolean;
  /** A direct message to one person. userId is the platform's own id (no "slack:" prefix). */
  sendDirect(userId: string, reply: Reply): Promise<void>;
  /** A message in a channel everyone in it can see: never personal data. */
  postToChannel(channelId: string, reply: Reply): Promise<void>;
}
