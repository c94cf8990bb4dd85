import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { say, send, testServices } from '../helpers.ts';
import type { Services } from '../../src/services.ts';
import { allMeetings } from '../../src/meetings/meetings.ts';
import { occurrencesBetween } from '../../src/meetings/recurrence.ts';
import { createServices } from '../../src/app.ts';
import { silentLogger } from '../../src/services.ts';

async function facilitator(now = '2026-03-17T09:00:00-05:00'): Promise<Services> {
  const s = await testServices({ PEERBOT_NOW: now });
  await s.store.people.put({
    id: 'fran',
    role: 'facilitator',
    programId: 'wi-peer-mentor',
    milestones: {},
    nudgesMuted: false,
    createdAt: now,
  });
  return s;
}

const weekdayOf = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 Sunday .. 4 Thursday

describe('/meet schedule reads day names exactly before guessing', () => {
  it.each([
    ['every 1st thursday', 4, 'first Thursday'],
    ['every last thursday', 4, 'last Thursday'],
    ['weekly sunday', 0, 'every Sunday'],
    ['weekly thursday', 4, 'every Thursday'],
    ['every 2nd tues', 2, 'second Tuesday'],
    ['weekly thurs', 4, 'every Thursday'],
  ])('"%s" repeats on the right day', async (rule, day, words) => {
    const s = await facilitator();
    const text = await say(s, 'fran', `/meet schedule "Peer Mentor Call" teleconference ${rule} 2pm 1h`);
    expect(text).toContain(words);
    const [meeting] = await allMeetings(s);
    const dates = occurrencesBetween(meeting!, 'America/Chicago', '2026-03-17', '2026-09-30').map((o) => o.date);
    expect(dates.length).toBeGreaterThan(3);
    expect(dates.every((d) => weekdayOf(d) === day)).toBe(true);
  });

  it('writes an .ics file whose repeats fall on the first Thursday', async () => {
    const s = await facilitator();
    await say(s, 'fran', '/meet schedule "Peer Mentor Call" teleconference every 1st thursday 2pm 1h');
    const file = (await send(s, 'fran', '/meet ics pmc')).files![0]!;
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(file.content as string)).getFirstSubcomponent('vevent')!,
    );
    const it = event.iterator();
    const days: string[] = [];
    for (let next = it.next(); next && days.length < 6; next = it.next()) days.push(next.toString().slice(0, 10));
    expect(days).toEqual(['2026-04-02', '2026-05-07', '2026-06-04', '2026-07-02', '2026-08-06', '2026-09-03']);
  });
});

describe('/meet attended with a date word, typed on Tuesday 2026-03-17', () => {
  for (const [words, expected] of [
    ['last monday', '2026-03-16'],
    ['yesterday', '2026-03-16'],
  ] as const) {
    it(`"${words}" means ${expected}`, async () => {
      const s = await facilitator();
      await say(s, 'fran', '/meet schedule "Team Call" teleconference weekly monday 10am 1h');
      // The series was scheduled in the past so Monday the 16th is one of its days.
      const col = await s.store.collection('meetings', (await import('../../src/meetings/meetings.ts')).MeetingSchema);
      const { id, value } = (await col.all())[0]!;
      await col.put(id, { ...value, from: '2026-03-01' });
      const reply = await say(s, 'mia', `/meet attended tc ${words}`);
      expect(reply).toContain('Monday, March 16');
      const hours = await s.store.hours.list('mia');
      expect(hours.map((e) => e.date)).toEqual([expected]);
    });
  }
});

describe('years a person could mean', () => {
  for (const line of [
    '/hours log 2h shadowing 0050-01-01',
    '/hours log 2h shadowing 1899-12-31',
    '/hours log 2h shadowing 12/1/0099',
  ]) {
    it(`refuses "${line}" with a plain message and stores nothing`, async () => {
      const s = await testServices();
      const reply = await say(s, 'mia', line);
      expect(reply).toMatch(/year.*1900/i);
      expect(reply).toMatch(/Example/);
      expect(await s.store.hours.list('mia')).toHaveLength(0);
    });
  }

  it('refuses a year-50 hire date and the bot still starts again', async () => {
    const s = await testServices();
    const reply = await say(s, 'admin', '/admin enroll @mia hired:0050-03-01');
    expect(reply).toMatch(/1900/);
    await say(s, 'mia', '/hours log 2h shadowing 1900-01-01');
    await say(s, 'mia', '/hours edit 1 0099-01-01');
    await s.store.close();
    const again = await createServices(s.config, silentLogger);
    expect((await again.store.hours.list('mia')).map((e) => e.date)).toEqual(['1900-01-01']);
  });

  it('refuses /cert mark with year 0099', async () => {
    const s = await testServices();
    await say(s, 'admin', '/admin enroll @max program:ma-cps');
    await say(s, 'admin', '/admin role @fran facilitator');
    expect(await say(s, 'fran', '/cert mark @max written-exam 0099-01-01')).toMatch(/1900/);
    expect(await say(s, 'fran', '/cert @max')).toMatch(/Written exam: not done yet/);
  });
});

describe('a date in another year shows its year', () => {
  it('"Sunday, June 1, 2025" for hours logged last year', async () => {
    const s = await testServices();
    expect(await say(s, 'mia', '/hours log 2h shadowing 2025-06-01')).toContain('Sunday, June 1, 2025');
    expect(await say(s, 'mia', '/hours log 2h shadowing 2026-03-02')).toContain('Monday, March 2.');
  });
});
