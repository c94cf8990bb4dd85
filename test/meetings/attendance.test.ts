import { afterEach, describe, expect, it } from 'vitest';
import { makeClock } from '../../src/clock.ts';
import type { Services } from '../../src/services.ts';
import { say, testServices } from '../helpers.ts';

const opened: Services[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.store.close().catch(() => undefined);
});

function at(s: Services, iso: string): void {
  s.clock = makeClock('America/Chicago', iso);
}

/** A facilitator, a supervisor, two mentors in the Wisconsin program (which counts its monthly calls), one in NC. */
async function cohort(): Promise<Services> {
  const s = await testServices();
  opened.push(s);
  at(s, '2026-01-02T09:00:00-06:00');
  await say(s, 'admin', '/admin role @fran facilitator');
  await say(s, 'admin', '/admin enroll @sue name:"Sue Lee"');
  await say(s, 'admin', '/admin role @sue supervisor');
  await say(s, 'admin', '/admin enroll @alice name:"Alice Moore" supervisor:@sue hired:2026-01-02');
  await say(s, 'admin', '/admin enroll @bob name:"Bob Diaz" supervisor:@sue hired:2026-01-02');
  await say(s, 'admin', '/admin enroll @nina name:"Nina Cole" program:nc-peer-support hired:2026-01-02');
  await say(s, 'fran', '/meet schedule "Peer call" teleconference every 2nd thursday 10:00 60m');
  await say(s, 'fran', '/meet schedule "Team huddle" other weekly friday 9:00 30m');
  // Calls on Jan 8, Feb 12, Mar 12, Apr 9 and May 14; Apr 9 is skipped.
  at(s, '2026-04-01T09:00:00-05:00');
  await say(s, 'fran', '/meet skip pc 2026-04-09');
  at(s, '2026-05-20T12:00:00-05:00');
  for (const day of ['1/8', '2/12', '5/14'])
    expect(await say(s, 'alice', `/meet attended pc ${day}`)).toMatch(/Thanks!/);
  await say(s, 'bob', '/meet attended pc 3/12');
  return s;
}

describe('attendance in /cert, where the program counts meetings', () => {
  it('tells a mentor which monthly calls they came to and which they missed, and how to fix a missed mark', async () => {
    const s = await cohort();
    const cert = await say(s, 'alice', '/cert');
    expect(cert).toContain('Meetings and calls:');
    expect(cert).toContain('You came to 3 of 4 monthly peer mentor calls: Jan 8, Feb 12, May 14. Missed: Mar 12.');
    expect(cert).toContain('Were you there? Tell me, like this: /meet attended pc 3/12');
    // The weekly huddle is not a kind the program counts.
    expect(cert).not.toMatch(/huddle/i);
  });

  it('shows a supervisor their mentor’s attendance, and never another mentor’s marks', async () => {
    const s = await cohort();
    const cert = await say(s, 'sue', '/cert @bob');
    expect(cert).toContain('Bob Diaz came to 1 of 4 monthly peer mentor calls: Mar 12. Missed: Jan 8, Feb 12, May 14.');
    expect(cert).not.toContain('Were you there?');
    expect(await say(s, 'bob', '/cert @alice')).not.toMatch(/calls/);
  });

  it('counts only the dates since the mentor started, and says nothing for a program that does not count meetings', async () => {
    const s = await cohort();
    at(s, '2026-05-20T12:00:00-05:00');
    await say(s, 'admin', '/admin enroll @cara name:"Cara Ruiz" supervisor:@sue hired:2026-03-01');
    expect(await say(s, 'cara', '/cert')).toContain(
      'You came to 0 of 2 monthly peer mentor calls. Missed: Mar 12, May 14.',
    );
    expect(await say(s, 'nina', '/cert')).not.toContain('Meetings and calls');
  });

  it('counts the learning collaborative meetings on their own line', async () => {
    const s = await cohort();
    at(s, '2026-02-01T09:00:00-06:00');
    await say(s, 'fran', '/meet schedule "Learning Collaborative" meeting every 3rd tuesday 10:00 90m');
    at(s, '2026-03-20T09:00:00-05:00');
    await say(s, 'alice', '/meet attended lc 3/17');
    const cert = await say(s, 'alice', '/cert');
    expect(cert).toContain('You came to 1 of 2 learning collaborative meetings: Mar 17. Missed: Feb 17.');
  });
});
