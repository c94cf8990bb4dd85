/**
 * Ids of requests this process has already taken, for a short while. Slack may deliver the
 * same command twice and people double-click buttons; only the first copy runs. (Logging hours
 * is also idempotent in the store on the request id, which covers a restart in between.)
 */
export class RecentRequests {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly max = 10_000,
  ) {}

  /** True the first time an id is seen within the time window; false for a repeat. */
  first(id: string, now = Date.now()): boolean {
    const until = this.seen.get(id);
    if (until !== undefined && until > now) return false;
    if (this.seen.size >= this.max) this.prune(now);
    this.seen.set(id, now + this.ttlMs);
    return true;
  }

  private prune(now: number): void {
    for (const [id, until] of this.seen) if (until <= now) this.seen.delete(id);
    // Still full of live ids: drop the oldest, so memory stays bounded under a flood.
    for (const id of this.seen.keys()) {
      if (this.seen.size < this.max) break;
      this.seen.delete(id);
    }
  }
}
