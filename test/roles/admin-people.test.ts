import { afterEach, describe, expect, it } from 'vitest';
import { runNudgeCheck } from '../../src/notify/nudges.ts';
import type { Services } from '../../src/services.ts';
import { say } from '../helpers.ts';
import { MONDAY, recordingAdapter, seedTeam, servicesAt, tempDb } from '../notify/fixtures.ts';

const opened: Services[] = [];
afterEach(async () => {
  // The folders go when the file ends (test/setup.ts); the stores are closed after each test.
  for (const s of opened.splice(0)) await s.store.close();
});

async function team(): Promise<Services> {
  const services = await servicesAt(await tempDb(), MONDAY);
  opened.push(services);
  await seedTeam(services, (id) => `slack:U${id.toUpperCase()}`);
  // Dee has nobody to approve her hours yet.
  await say(services, 'admin', '/admin enroll @dee name:Dee program:nc-peer-support hired:2026-02-20');
  return services;
}

describe('/admin people and /admin deactivate', () => {
  it('lists everyone with their role, program and supervisor, and points out a mentor with no supervisor', async () => {
    const s = await team();
    const all = await say(s, 'admin', '/admin people');
    expect(all).toMatch(/^Everyone: 7 people/);
    expect(all).toContain('Ana · mentor · North Carolina');
    expect(all).toMatch(/Ana · .*supervisor: Sam/);
    expect(all).toMatch(/Dee · .*⚠ no supervisor/);
    expect(all).toMatch(/1 mentor has no supervisor/);
    const unassigned = await say(s, 'admin', '/admin people no-supervisor');
    expect(unassigned).toMatch(/^Mentors with no supervisor: 1 person\nDee/);
    expect(await say(s, 'admin', '/admin people supervisors')).toMatch(/^People with the role supervisor: 2 people/);
    expect(await say(s, 'admin', '/admin people nc')).toMatch(/^People in North Carolina[^:]*: 4 people/);
    expect(await say(s, 'admin', '/admin people pizza')).toMatch(/I can't list people by "pizza"[\s\S]*no-supervisor/);
  });

  it('is for admins only', async () => {
    const s = await team();
    expect(await say(s, 'sam', '/admin people')).toMatch(/Only an admin/);
    expect(await say(s, 'sam', '/admin deactivate @ana')).toMatch(/Only an admin/);
  });

  it('keeps the records of someone who left, stops their nudges and takes them off /team', async () => {
    const s = await team();
    await say(s, 'ben', '/hours log 2h pss-policy yesterday');
    expect(await say(s, 'sam', '/team')).toMatch(/Ben/);
    expect(await say(s, 'admin', '/admin deactivate @ben')).toMatch(
      /Ben is marked as left\.\nTheir hours and records are kept/,
    );
    expect(await say(s, 'admin', '/admin deactivate @ben')).toBe('Ben is already marked as left.');
    expect(await say(s, 'sam', '/team')).not.toMatch(/Ben/);
    expect(await say(s, 'sam', '/hours list @ben')).toMatch(/2 hours/);
    const recorded = recordingAdapter('slack');
    await runNudgeCheck(s, [recorded.adapter]);
    // The check ran and reached the others (Ben's 30-day training is late, so he would be nudged too).
    expect(recorded.direct.map((d) => d.userId)).toContain('UANA');
    expect(recorded.direct.map((d) => d.userId)).not.toContain('UBEN');
    expect(recorded.direct.filter((d) => /Ben/.test(d.text))).toEqual([]);
    expect(await say(s, 'admin', '/admin people inactive')).toMatch(/Ben · mentor · .*left on Monday, March 16/);
    expect(await say(s, 'admin', '/admin activate @ben')).toMatch(/Ben is active again/);
    expect(await say(s, 'sam', '/team')).toMatch(/Ben/);
  });

  it('shows a facilitator every mentor, flagging the one nobody supervises', async () => {
    const s = await team();
    await say(s, 'admin', '/admin role @tess facilitator');
    expect(await say(s, 'tess', '/team')).toMatch(/Dee · .*⚠ no supervisor/);
    expect(await say(s, 'tess', '/team')).not.toMatch(/Ana · [^\n]*no supervisor/);
  });
});
