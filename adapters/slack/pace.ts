/**
 * How fast the bot posts. Slack asks for about one message a second per channel, and limits a
 * workspace as a whole; bursts past that come back as 429 ratelimited.
 * https://docs.slack.dev/apis/web-api/rate-limits
 */
export interface Pace {
  /** Least time between two posts in one channel. */
  channelMs: number;
  /** Least time between two posts in the workspace. */
  workspaceMs: number;
}

const DEFAULT_PACE: Pace = { channelMs: 1000, workspaceMs: 100 };

/**
 * Runs each post when its channel and the workspace are free: posts wait their turn in order,
 * and a post to a quiet channel does not wait behind a busy one longer than the workspace pace.
 */
export function pacer(pace: Partial<Pace> = {}) {
  const { channelMs, workspaceMs } = { ...DEFAULT_PACE, ...pace };
  const nextInChannel = new Map<string, number>();
  let nextInWorkspace = 0;
  return async <T>(channel: string, send: () => Promise<T>): Promise<T> => {
    const now = Date.now();
    // Channels idle for a while are forgotten, so the map stays small.
    if (nextInChannel.size > 1000) for (const [c, t] of nextInChannel) if (t < now) nextInChannel.delete(c);
    // Slots are taken at once (synchronously), so posts made together are spread, not bunched.
    const at = Math.max(now, nextInChannel.get(channel) ?? 0, nextInWorkspace);
    nextInChannel.set(channel, at + channelMs);
    nextInWorkspace = at + workspaceMs;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
    return send();
  };
}
