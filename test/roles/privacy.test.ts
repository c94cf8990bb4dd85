import { beforeAll, describe, expect, it } from 'vitest';
import { say, send, testServices } from '../helpers.ts';
import type { Services } from '../../src/services.ts';

/**
 * Two teams: sue supervises alice, sam supervises bob; fran is a facilitator; "admin" is an
 * admin through PEERBOT_ADMINS. Bob's note is a secret nobody else should ever read.
 */
let s: Services;
const SECRET = 'bobs-private-note';

beforeAll(async () => {
  s = await testServices();
  for (const line of [
    '/admin enroll @alice supervisor:@sue internship-start:2026-03-02',
    '/admin enroll @bob supervisor:@sam internship-start:2026-03-02',
    '/admin role @fran facilitator',
  ]) {
    expect(await say(s, 'admin', line)).not.toMatch(/only an admin|don't/i);
  }
  await say(s, 'alice', '/hours log 2h shadowing');
  await say(s, 'bob', `/hours log 3h 1on1 ${SECRET}`);
});

async function refused(user: string, line: string): Promise<string> {
  const reply = await send(s, user, line);
  const text = JSON.stringify(reply);
  expect(text).not.toContain(SECRET);
  expect(text).not.toMatch(/3 hours/);
  expect(reply.files ?? []).toEqual([]);
  return text;
}

describe('a mentor sees only their own data', () => {
  it.each(['/hours @bob', '/hours show @bob', '/cert @bob', '/hours export @bob', '/deadlines @bob'])(
    'refuses %s',
    async (line) => {
      expect(await refused('alice', line)).toMatch(/only see/);
    },
  );

  it('gives the same answer for a person who does not exist, so names cannot be probed', async () => {
    expect(await say(s, 'alice', '/cert @nobody')).toBe(await say(s, 'alice', '/cert @bob'));
  });

  it.each([
    ['/team', /supervisors/],
    ['/hours approve @bob all', /Only a supervisor/],
    ['/hours reject @bob 1', /Only a supervisor/],
    ['/cert mark @bob exit-interview', /Only a supervisor/],
    ['/admin enroll @alice supervisor:@alice', /Only an admin/],
    ['/admin role @alice admin', /Only an admin/],
    ['/peerbot admin role @alice admin', /Only an admin/],
  ])('cannot use %s', async (line, message) => {
    expect(await refused('alice', line)).toMatch(message);
  });

  it('cannot make themself an admin', async () => {
    await say(s, 'alice', '/admin role @alice admin');
    expect((await s.store.people.get('alice'))?.role).toBe('mentor');
  });
});

describe('a supervisor sees only their own mentors', () => {
  it('sees their mentor', async () => {
    const status = await say(s, 'sue', '/cert @alice');
    expect(status).toMatch(/Certification of alice/);
    // Next steps written to the mentor ("Show your supervisor…") are not shown to the supervisor.
    expect(status).toMatch(/Next step for alice: At least 18 years old/);
    expect(status).not.toMatch(/Show your supervisor/);
    expect(await say(s, 'sue', '/hours @alice')).toMatch(/2 hours waiting/);
  });

  it.each(['/cert @bob', '/hours @bob', '/hours export @bob', '/deadlines @bob'])(
    'refuses %s for a mentor of another team',
    async (line) => {
      expect(await refused('sue', line)).toMatch(/only see/);
    },
  );

  it('cannot approve or mark for a mentor of another team', async () => {
    expect(await refused('sue', '/hours approve @bob all')).toMatch(/only approve hours of people you supervise/);
    expect(await refused('sue', '/cert mark @bob exit-interview')).toMatch(/only mark steps for people you supervise/);
    expect((await s.store.hours.list('bob'))[0]?.status).toBe('pending');
  });

  it('lists only their own mentors in /team, /deadlines and /hours approve', async () => {
    for (const line of ['/team', '/deadlines', '/hours approve']) {
      const text = await say(s, 'sue', line);
      expect(text).toMatch(/alice/);
      expect(text).not.toMatch(/bob/);
    }
  });

  it('can approve their own mentor and mark a milestone', async () => {
    expect(await say(s, 'sue', '/cert mark @alice peer-mentor-101 3/4')).toMatch(
      /Marked as done: Peer Mentor 101 training for alice, on Wednesday, March 4/,
    );
    expect(await say(s, 'sue', '/cert @alice')).toMatch(/Peer Mentor 101 training: done on Mar 4/);
  });
});

describe('a facilitator sees the whole cohort', () => {
  it('sees everyone in /team and any status, but cannot use admin tools', async () => {
    const team = await say(s, 'fran', '/team');
    expect(team).toMatch(/alice/);
    expect(team).toMatch(/bob/);
    expect(await say(s, 'fran', '/cert @bob')).toMatch(/Certification of bob/);
    expect(await say(s, 'fran', '/admin role @bob admin')).toMatch(/Only an admin/);
  });
});

describe('an admin enrolls people and sets roles', () => {
  it('enrolls with a program, dates and a supervisor, and sets a role', async () => {
    const text = await say(
      s,
      'admin',
      '/peerbot admin enroll @nina program:nc-peer-support hired:2026-03-01 supervisor:@sue name:"Nina Park"',
    );
    expect(text).toMatch(/Enrolled Nina Park in North Carolina Peer Support Services staff/);
    expect(await s.store.people.get('nina')).toMatchObject({
      programId: 'nc-peer-support',
      hired: '2026-03-01',
      supervisorId: 'sue',
    });
    expect(await say(s, 'admin', '/admin role @nina supervisor')).toMatch(/Nina Park is now a supervisor/);
  });

  it('refuses an unknown program with the choices and stores nothing', async () => {
    const text = await say(s, 'admin', '/admin enroll @zed program:nope');
    expect(text).toMatch(/no program "nope"/);
    expect(text).toMatch(/wi-peer-mentor/);
    expect(await s.store.people.get('zed')).toBeUndefined();
  });
});

describe('names', () => {
  it('learns the name of someone enrolled by a mention without one, the first time they write', async () => {
    const t = await testServices();
    await say(t, 'admin', '/admin enroll @discord:4242 supervisor:@sue', { platform: 'discord', userId: 'admin' });
    expect((await t.store.people.get('discord:4242'))?.name).toBeUndefined();
    await say(t, '4242', '/cert', { platform: 'discord', userName: 'Dana' });
    expect((await t.store.people.get('discord:4242'))?.name).toBe('Dana');
    expect(await say(t, 'admin', '/team', { platform: 'discord' })).toMatch(/Dana/);
  });
});

describe('/hours list for someone else', () => {
  it("shows a supervisor their mentor's entries, and refuses a mentor another's", async () => {
    expect(await say(s, 'sue', '/hours list @alice 5')).toMatch(/Last 1 entry of alice:\n#1 · Mar 16 · 2 hours/);
    expect(await refused('sue', '/hours list @bob')).toMatch(/only see/);
    expect(await refused('alice', '/hours list @bob')).toMatch(/only see/);
  });
});

describe('/deadlines for a facilitator', () => {
  it('lists the whole cohort, without repeating a name when asked about one person', async () => {
    const all = await say(s, 'fran', '/deadlines');
    expect(all).toMatch(/Deadlines for you and everyone/);
    expect(all).toMatch(/alice: /);
    expect(all).toMatch(/bob: /);
    const one = await say(s, 'fran', '/deadlines @bob');
    expect(one).toMatch(/^Deadlines for bob/);
    expect(one).not.toMatch(/bob: /);
  });
});

describe('forgiving admin input', () => {
  it('understands a role with a small typo', async () => {
    const t = await testServices();
    expect(await say(t, 'admin', '/admin role @zoe supervisr')).toMatch(/zoe is now a supervisor/);
    expect(await say(t, 'admin', '/admin role @zoe boss')).toMatch(/"boss" is not a role/);
  });
});
