import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { say, send, testServices } from '../helpers.ts';
import type { Services } from '../../src/services.ts';
import { allMeetings } from '../../src/meetings/meetings.ts';
import { occurrencesBetween } from '../../src/meetings/recurrence.ts';

const LC = '/meet schedule "Learning Collaborative" meeting every 2nd tuesday 10:00 90m https://zoom.us/j/123';

async function withFacilitator(now = '2026-01-05T09:00:00-06:00'): Promise<Services> {
  const services = await testServices({ PEERBOT_NOW: now });
  await services.store.people.put({
    id: 'fran',
    role: 'facilitator',
    programId: 'wi-peer-mentor',
    milestones: {},
    nudgesMuted: false,
    createdAt: now,
  });
  return services;
}

describe('/meet schedule', () => {
  it('schedules "every 2nd tuesday 10:00" and keeps 10:00 Chicago time across the March and November switches', async () => {
    const services = await withFacilitator();
    const text = await say(services, 'fran', LC);
    expect(text).toContain('Its short name is lc.');
    expect(text).toContain('Tuesday, January 13 at 10:00 AM');
    const [meeting] = await allMeetings(services);
    const all = occurrencesBetween(meeting!, 'America/Chicago', '2026-01-01', '2026-12-31');
    expect(all.map((o) => o.date)).toEqual([
      '2026-01-13',
      '2026-02-10',
      '2026-03-10',
      '2026-04-14',
      '2026-05-12',
      '2026-06-09',
      '2026-07-14',
      '2026-08-11',
      '2026-09-08',
      '2026-10-13',
      '2026-11-10',
      '2026-12-08',
    ]);
    // DST starts March 8 and ends November 1, 2026: the wall clock stays at 10:00, UTC moves.
    const utc = Object.fromEntries(all.map((o) => [o.date, o.start.toUTC().toFormat('HH:mm')]));
    expect(utc['2026-02-10']).toBe('16:00');
    expect(utc['2026-03-10']).toBe('15:00');
    expect(utc['2026-10-13']).toBe('15:00');
    expect(utc['2026-11-10']).toBe('16:00');
    expect(all.every((o) => o.start.toFormat('HH:mm') === '10:00' && o.end.toFormat('HH:mm') === '11:30')).toBe(true);
  });

  it('reads the other recurrences and forgiving times', async () => {
    const services = await withFacilitator();
    await say(
      services,
      'fran',
      '/meet schedule Peer mentor call teleconference every last friday 2pm 1h tel:+1-555-0100',
    );
    await say(services, 'fran', '/meet schedule "Weekly check in" other weekly mon 9:30 am 30 min');
    await say(services, 'fran', '/meet schedule "Retreat planning" training once 2/20 13:00 2h');
    await say(services, 'fran', '/meet schedule "Pay day huddle" meeting monthly 15th 12:00');
    const byTitle = Object.fromEntries((await allMeetings(services)).map((m) => [m.title, m]));
    expect(byTitle['Peer mentor call']).toMatchObject({
      kind: 'teleconference',
      recurrence: { type: 'nth', nth: -1, weekday: 'friday' },
      time: '14:00',
      minutes: 60,
      link: 'tel:+1-555-0100',
    });
    expect(byTitle['Weekly check in']).toMatchObject({
      kind: 'other',
      recurrence: { type: 'weekly', weekday: 'monday' },
      time: '09:30',
      minutes: 30,
    });
    expect(byTitle['Retreat planning']).toMatchObject({
      kind: 'training',
      recurrence: { type: 'once', date: '2026-02-20' },
      time: '13:00',
      minutes: 120,
    });
    expect(byTitle['Pay day huddle']).toMatchObject({
      recurrence: { type: 'monthly', day: 15 },
      time: '12:00',
      minutes: 60,
    });
    const last = occurrencesBetween(byTitle['Peer mentor call']!, 'America/Chicago', '2026-01-01', '2026-03-31').map(
      (o) => o.date,
    );
    expect(last).toEqual(['2026-01-30', '2026-02-27', '2026-03-27']);
  });

  it('refuses a mentor and stores nothing', async () => {
    const services = await withFacilitator();
    expect(await say(services, 'maria', LC)).toContain('Only a facilitator can schedule meetings.');
    expect(await allMeetings(services)).toEqual([]);
  });

  it('explains a missing time or an unknown kind with an example, and stores nothing', async () => {
    const services = await withFacilitator();
    const noTime = await say(services, 'fran', '/meet schedule "LC" meeting every 2nd tuesday');
    expect(noTime).toContain('Please add the start time');
    expect(noTime).toContain('Example: /meet schedule');
    const badKind = await say(services, 'fran', '/meet schedule "LC" party every 2nd tuesday 10:00');
    expect(badKind).toContain('I don\'t know the kind "party".');
    expect(badKind).toContain('meeting, teleconference, training, other');
    const badRepeat = await say(services, 'fran', '/meet schedule "LC" meeting every 9th tuesday 10:00');
    expect(badRepeat).toContain('I could not tell when it repeats.');
    expect(await allMeetings(services)).toEqual([]);
  });
});

describe('/meet list, skip and ics', () => {
  it('leaves a skipped date out of the list and writes it as an EXDATE that ical.js honours', async () => {
    const services = await withFacilitator('2026-01-05T09:00:00-06:00');
    await say(services, 'fran', LC);
    expect(await say(services, 'maria', '/meet')).toContain('Next dates:\n  Tuesday, January 13 at 10:00 AM');
    expect(await say(services, 'fran', '/meet skip lc 1/13')).toContain(
      'There is no Learning Collaborative on Tuesday, January 13.',
    );
    expect(await say(services, 'fran', '/meet cancel lc 2026-04-14')).toContain(
      'There is no Learning Collaborative on Tuesday, April 14.',
    );
    const list = await say(services, 'maria', '/meet list');
    // The next three dates that happen, with the skipped ones among them marked.
    expect(list).toContain(
      [
        'Next dates:',
        '  Tuesday, January 13: no meeting (cancelled)',
        '  Tuesday, February 10 at 10:00 AM',
        '  Tuesday, March 10 at 10:00 AM',
        '  Tuesday, April 14: no meeting (cancelled)',
        '  Tuesday, May 12 at 10:00 AM',
      ].join('\n'),
    );

    const ics = await send(services, 'maria', '/meet ics lc');
    const file = ics.files?.[0];
    expect(file).toMatchObject({ filename: 'lc.ics', contentType: 'text/calendar' });
    expect(file!.content).toContain('RRULE:FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2');
    expect(file!.content).toContain('EXDATE;TZID=America/Chicago:20260113T100000,20260414T100000');
    expect(file!.content).toContain('BEGIN:VTIMEZONE');

    // An independent parser expands the file: skipped dates are gone, 10:00 local on both sides of DST.
    const calendar = new ICAL.Component(ICAL.parse(String(file!.content)));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Learning Collaborative');
    const it = event.iterator();
    const starts: string[] = [];
    for (let next = it.next(); next && starts.length < 10; next = it.next()) {
      starts.push(next.toJSDate().toISOString());
    }
    expect(starts).toEqual([
      '2026-02-10T16:00:00.000Z',
      '2026-03-10T15:00:00.000Z',
      '2026-05-12T15:00:00.000Z',
      '2026-06-09T15:00:00.000Z',
      '2026-07-14T15:00:00.000Z',
      '2026-08-11T15:00:00.000Z',
      '2026-09-08T15:00:00.000Z',
      '2026-10-13T15:00:00.000Z',
      '2026-11-10T16:00:00.000Z',
      '2026-12-08T16:00:00.000Z',
    ]);
  });

  it('puts every series in one calendar file with /meet ics', async () => {
    const services = await withFacilitator();
    await say(services, 'fran', LC);
    await say(
      services,
      'fran',
      '/meet schedule "Peer mentor call" teleconference every 1st monday 1pm 1h tel:+1-555-0100',
    );
    const file = (await send(services, 'maria', '/meet ics')).files![0]!;
    expect(file.filename).toBe('meetings.ics');
    const calendar = new ICAL.Component(ICAL.parse(String(file.content)));
    expect(calendar.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('summary'))).toEqual([
      'Learning Collaborative',
      'Peer mentor call',
    ]);
    expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1);
  });

  it('refuses to skip a day the meeting does not happen, listing the next dates', async () => {
    const services = await withFacilitator('2026-03-16T10:00:00-05:00');
    await say(services, 'fran', LC);
    const text = await say(services, 'fran', '/meet skip lc 2026-04-15');
    expect(text).toContain('Learning Collaborative does not happen on Wednesday, April 15.');
    expect(text).toContain('2026-04-14, 2026-05-12, 2026-06-09');
    expect((await allMeetings(services))[0]!.skipped).toEqual([]);
  });

  it('cancels a whole series', async () => {
    const services = await withFacilitator();
    await say(services, 'fran', LC);
    expect(await say(services, 'fran', '/meet cancel lc')).toContain('Cancelled: Learning Collaborative.');
    expect(await say(services, 'maria', '/meet')).toContain('There are no meetings coming up.');
  });
});

describe('/meet rsvp and attended', () => {
  it('records an RSVP for the next date', async () => {
    const services = await withFacilitator('2026-03-16T10:00:00-05:00');
    await say(services, 'fran', LC);
    const text = await say(services, 'maria', '/meet rsvp lc yes');
    expect(text).toContain('Thanks! You will come to Learning Collaborative.');
    expect(text).toContain('1 person is coming so far.');
    expect((await allMeetings(services))[0]!.rsvps).toEqual({ '2026-04-14': { maria: 'yes' } });
  });

  it('logs a teleconference as hours once, however often it is said', async () => {
    const services = await withFacilitator('2026-03-02T09:00:00-06:00');
    await say(services, 'fran', '/meet schedule "Peer mentor call" teleconference every 1st monday 8:00 90m');
    const first = await say(services, 'maria', '/meet attended pmc');
    expect(first).toContain('You were at Peer mentor call on Monday, March 2.');
    expect(first).toContain('I logged 1 hour 30 minutes for this call.');
    expect(await say(services, 'maria', '/meet attended pmc 3/2')).toContain('already logged');
    const entries = await services.store.hours.list('maria');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      date: '2026-03-02',
      minutes: 90,
      category: 'teleconference',
      faceToFace: false,
      status: 'pending',
      origin: 'meeting:pmc:2026-03-02',
    });
  });

  it('does not count a call that has not started yet', async () => {
    const services = await withFacilitator('2026-03-02T07:00:00-06:00');
    await say(services, 'fran', '/meet schedule "Peer mentor call" teleconference every 1st monday 8:00 90m');
    expect(await say(services, 'maria', '/meet attended pmc')).toContain('has not happened yet');
    expect(await services.store.hours.list('maria')).toEqual([]);
  });
});
