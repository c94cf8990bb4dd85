import { DateTime } from 'luxon';

/** The one place that knows what "now" is. PEERBOT_NOW fixes it for demos and tests. */
export interface Clock {
  readonly zone: string;
  /** Now, in the collaborative's time zone. */
  now(): DateTime;
  /** Today's date in the collaborative's time zone, as YYYY-MM-DD. */
  today(): string;
}

export function makeClock(zone: string, fixedNow?: string): Clock {
  let fixed: DateTime | undefined;
  if (fixedNow) {
    fixed = DateTime.fromISO(fixedNow, { zone, setZone: false });
    if (!fixed.isValid)
      throw new Error(`PEERBOT_NOW is not a date and time: "${fixedNow}". Example: 2026-03-04T10:00:00-06:00`);
    fixed = fixed.setZone(zone);
  }
  if (!DateTime.local().setZone(zone).isValid)
    throw new Error(`PEERBOT_TZ is not a time zone: "${zone}". Example: America/Chicago`);
  return {
    zone,
    now: () => fixed ?? DateTime.now().setZone(zone),
    today() {
      return this.now().toISODate()!;
    },
  };
}
