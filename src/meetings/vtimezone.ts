import { DateTime } from 'luxon';

/** One switch of a zone's UTC offset, found from the IANA data luxon reads through Intl. */
interface Transition {
  /** The wall-clock time of the switch, in the offset before it. */
  localBefore: DateTime;
  from: number;
  to: number;
  name: string;
}

const HOUR = 3_600_000;

function offsetAt(zone: string, ms: number): number {
  return DateTime.fromMillis(ms, { zone }).offset;
}

/** The offset switches in one year: scan by day, then narrow to the hour. */
function transitionsIn(zone: string, year: number): Transition[] {
  const found: Transition[] = [];
  let t = DateTime.fromObject({ year }, { zone: 'utc' }).toMillis();
  const end = DateTime.fromObject({ year: year + 1 }, { zone: 'utc' }).toMillis();
  while (t < end) {
    const next = t + 24 * HOUR;
    if (offsetAt(zone, t) !== offsetAt(zone, next)) {
      let at = t;
      while (offsetAt(zone, at + HOUR) === offsetAt(zone, t)) at += HOUR;
      const switched = at + HOUR;
      const from = offsetAt(zone, at);
      const to = offsetAt(zone, switched);
      found.push({
        localBefore: DateTime.fromMillis(switched + from * 60_000, { zone: 'utc' }),
        from,
        to,
        name: DateTime.fromMillis(switched, { zone }).toFormat('ZZZZ'),
      });
    }
    t = next;
  }
  return found;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** "2SU" for the 2nd Sunday, "-1SU" for the last one (as EU rules are written). */
function byDay(d: DateTime): string {
  const nth = Math.ceil(d.day / 7);
  const last = d.day + 7 > d.daysInMonth!;
  return `${last && nth >= 4 ? -1 : nth}${DAYS[d.weekday - 1]}`;
}

const stamp = (d: DateTime) => d.toFormat("yyyyLLdd'T'HHmmss");

/**
 * An RFC 5545 VTIMEZONE for an IANA zone, as calendar programs (Outlook above all) want it:
 * yearly rules for the daylight and standard switches, taken from the year before `fromYear`
 * so every event in the file falls after the rules start.
 */
export function vtimezone(zone: string, fromYear: number = DateTime.now().year): string {
  const year = fromYear - 1;
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];
  const transitions = transitionsIn(zone, year);
  if (transitions.length === 0) {
    const offset = formatOffset(offsetAt(zone, DateTime.fromObject({ year }, { zone: 'utc' }).toMillis()));
    const name = DateTime.fromObject({ year }, { zone }).toFormat('ZZZZ');
    lines.push(
      'BEGIN:STANDARD',
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      `TZNAME:${name}`,
      'DTSTART:19700101T000000',
      'END:STANDARD',
    );
  }
  for (const t of transitions) {
    const kind = t.to > t.from ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `TZOFFSETFROM:${formatOffset(t.from)}`,
      `TZOFFSETTO:${formatOffset(t.to)}`,
      `TZNAME:${t.name}`,
      `DTSTART:${stamp(t.localBefore)}`,
      `RRULE:FREQ=YEARLY;BYMONTH=${t.localBefore.month};BYDAY=${byDay(t.localBefore)}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
