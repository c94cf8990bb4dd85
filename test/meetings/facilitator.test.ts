import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../src/services.ts';
import { loadConfig } from '../../src/config.ts';
import { createServices } from '../../src/app.ts';
import { silentLogger } from '../../src/services.ts';
import { say, send, tempDir } from '../helpers.ts';

const LC = '/meet schedule "Learning Collaborative" meeting every 2nd tuesday 10:00 90m';
const opened: Services[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.store.close();
});

async function at(dir: string, now: string): Promise<Services> {
  const s = await createServices(
    loadConfig({ PEERBOT_DB: path.join(dir, 'db.json'), PEERBOT_NOW: now, PEERBOT_ADMINS: 'admin' }),
    silentLogger,
  );
  opened.push(s);
  return s;
}

/** Fran facilitates; Ana and Ben said yes to January 13, Cy said no. */
async function cohort(): Promise<{ dir: string; s: Services }> {
  const dir = await tempDir();
  const s = await at(dir, '2026-01-05T09:00:00-06:00');
  await say(s, 'admin', '/admin role @fran facilitator');
  for (const name of ['Ana', 'Ben', 'Cy']) await say(s, 'admin', `/admin enroll @${name.toLowerCase()} name:${name}`);
  await say(s, 'fran', LC);
  await say(s, 'ana', '/meet rsvp lc yes');
  await say(s, 'ben', '/meet rsvp lc yes');
  await say(s, 'cy', '/meet rsvp lc no');
  return { dir, s };
}

describe('meetings for facilitators', () => {
  it('/meet who lists who said yes and no for the next date', async () => {
    const { s } = await cohort();
    const who = await say(s, 'fran', '/meet who lc');
    expect(who).toContain('Next: Tuesday, January 13 at 10:00 AM');
    expect(who).toContain('Said yes (2): Ana, Ben');
    expect(who).toContain('Said no (1): Cy');
    expect(await say(s, 'ana', '/meet who lc')).toMatch(/Only a facilitator/);
  });

  it('/meet who shows who came and who said yes but missed it, once the date has passed', async () => {
    const { dir, s } = await cohort();
    await s.store.close();
    opened.splice(opened.indexOf(s), 1);
    const later = await at(dir, '2026-01-13T15:00:00-06:00');
    // A learning-collaborative meeting is not a call: it is recorded, and the reply says no hours were logged.
    expect(await say(later, 'ana', '/meet attended lc')).toContain(
      'I did not log any hours for it. Only calls are logged as hours.',
    );
    expect(await later.store.hours.list('ana')).toEqual([]);
    const who = await say(later, 'fran', '/meet who lc 1/13');
    expect(who).toContain('Came (1): Ana');
    expect(who).toContain('Said yes but did not come (1): Ben');
    const both = await say(later, 'fran', '/meet who lc');
    expect(both).toContain('Next: Tuesday, February 10 at 10:00 AM');
    expect(both).toContain('Last time: Tuesday, January 13');
  });

  it('tells everyone who said yes when their date is skipped, and not the ones who said no', async () => {
    const { s } = await cohort();
    const done = await say(s, 'fran', '/meet skip lc 1/13');
    expect(done).toContain('I told the 2 people who said they would come.');
    const ana = await say(s, 'ana', '/meet');
    expect(ana).toContain('There is no Learning Collaborative on Tuesday, January 13. It was cancelled.');
    expect(ana).toContain('The next one is Tuesday, February 10 at 10:00 AM.');
    expect(await say(s, 'cy', '/meet')).not.toContain('It was cancelled');
    // Told once.
    expect(await say(s, 'ana', '/meet')).not.toContain('It was cancelled');
  });

  it('tells everyone who said yes when the whole series is cancelled', async () => {
    const { s } = await cohort();
    expect(await say(s, 'fran', '/meet cancel lc')).toContain('I told the 2 people who said they would come.');
    expect(await say(s, 'ben', '/hours')).toContain('Learning Collaborative is cancelled.');
  });
});

describe('/meet move', () => {
  it('moves one date with its RSVPs, tells the people who said yes, and writes it to the calendar file', async () => {
    const { s } = await cohort();
    const done = await say(s, 'fran', '/meet move lc 1/13 1/15 2pm');
    expect(done).toBe(
      'OK. Learning Collaborative on Tuesday, January 13 is now on Thursday, January 15 at 2:00 PM.\n' +
        'I told the 2 people who said they would come.',
    );
    const list = await say(s, 'cy', '/meet list');
    expect(list).toContain('Next dates:\n  Thursday, January 15 at 2:00 PM\n  Tuesday, February 10 at 10:00 AM');
    expect(await say(s, 'ana', '/meet')).toContain('Learning Collaborative has moved.\nIt was on Tuesday, January 13.');
    expect(await say(s, 'fran', '/meet who lc')).toContain('Said yes (2): Ana, Ben');
    const ics = String((await send(s, 'ana', '/meet ics lc')).files![0]!.content);
    expect(ics).toMatch(/RECURRENCE-ID;TZID=America\/Chicago:20260113T100000/);
    expect(ics).toMatch(/DTSTART;TZID=America\/Chicago:20260115T140000/);
  });

  it('refuses a date the series does not have, a clash, and a move of more than a month', async () => {
    const { s } = await cohort();
    expect(await say(s, 'fran', '/meet move lc 1/14 1/15')).toMatch(/does not happen on 1\/14/);
    expect(await say(s, 'fran', '/meet move lc 1/13 2/10')).toMatch(/already happens on Tuesday, February 10/);
    expect(await say(s, 'fran', '/meet move lc 1/13 3/30')).toMatch(/at most 31 days/);
    expect(await say(s, 'ana', '/meet move lc 1/13 1/15')).toMatch(/Only a facilitator/);
    expect(await say(s, 'cy', '/meet list')).toContain('Tuesday, January 13 at 10:00 AM');
  });
});
