import type { DateTime } from 'luxon';

/** No nudges from 21:00 to 08:00 in the collaborative's time zone. */
const QUIET_FROM = 21;
const QUIET_UNTIL = 8;

export function inQuietHours(now: DateTime): boolean {
  return now.hour >= QUIET_FROM || now.hour < QUIET_UNTIL;
}
