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
  /** A message in a channel everyone in it can see: never personal data. Throws ChannelClosedError when the bot may not post there. */
  postToChannel(channelId: string, reply: Reply): Promise<void>;
  /** Whether the bot may post in a channel (asked before a meeting is scheduled there). */
  canPost?(channelId: string): Promise<ChannelAccess>;
}

/**
 * Why the bot cannot post in a channel: a private channel it is not in (or one it cannot
 * see), a direct message between other people, or a channel that is gone.
 */
export type ClosedReason = 'private' | 'direct' | 'gone';

export type ChannelAccess = { ok: true } | { ok: false; reason: ClosedReason };

/** The platform refused a post for good (Slack not_in_channel, Discord Missing Access): retrying will not help. */
export class ChannelClosedError extends Error {
  constructor(
    readonly reason: ClosedReason,
    /** The platform's own code ("not_in_channel", "50001"), for the log. */
    readonly code: string,
  ) {
    super(`the channel is closed to the bot (${code})`);
    this.name = 'ChannelClosedError';
  }
}
