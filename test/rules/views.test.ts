import { describe, expect, it } from 'vitest';
import { say, testServices } from '../helpers.ts';
import type { Services } from '../../src/services.ts';
import type { HourEntry, Person } from '../../src/store/schema.ts';
import { runNudgeCheck } from '../../src/notify/nudges.ts';

// Today is Monday, March 16, 2026.
const base = { milestones: {}, nudgesMuted: false, createdAt: '2026-01-01T00:00:00Z' };

async function team(s: Services, mentor: Partial<Person> & { id: string }): Promise<void> {
  await s.store.people.put({ id: 'sue', role: 'supervisor', programId: 'wi-peer-mentor', ...base });
  await s.store.people.put({ role: 'mentor', programId: 'wi-peer-mentor', supervisorId: 'sue', ...base, ...mentor });
}

async function hours(
  s: Services,
  who: string,
  list: Array<Partial<HourEntry> & { category: string; minutes: number }>,
) {
  // The store keeps every day at 24 hours or less, so a big total is spread over days of at most 8 hours.
  for (const h of list) {
    const start = h.date ?? '2026-03-10';
    for (let day = 0, left = h.minutes; left > 0; day++, left -= 480) {
      const date = new Date(Date.parse(`${start}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
      await s.store.hours.add(who, {
        faceToFace: h.category.startsWith('mentoring'),
        status: 'approved',
        note: '',
        createdAt: '2026-03-16T10:00:00.000-05:00',
        ...h,
        date,
        minutes: Math.min(480, left),
      });
    }
  }
}

/** Every number of hours in a text, as minutes ("89 hours 45 minutes" is 5385). */
function amounts(text: string): number[] {
  return [...text.matchAll(/(\d+) hours?(?: (\d+) minutes?)?|(\d+) minutes?/g)].map((m) =>
    m[3] ? Number(m[3]) : Number(m[1]) * 60 + Number(m[2] ?? 0),
  );
}

describe('one set of hours, every view', () => {
  it('shows 89¾ of 90 hours the same way in /cert, /hours, /team and /deadlines, never as done', async () => {
    const s = await testServices();
    await team(s, { id: 'mia', hired: '2026-01-05', internshipStart: '2026-01-05' });
    await hours(s, 'mia', [
      { category: 'shadowing', minutes: 44 * 60 + 45 },
      { category: 'mentoring-1on1', minutes: 45 * 60 },
      { category: 'shadowing', minutes: 150, status: 'pending', date: '2026-03-12' },
    ]);
    const cert = await say(s, 'mia', '/cert');
    const summary = await say(s, 'mia', '/hours');
    const teamView = await say(s, 'sue', '/team');
    const deadlines = await say(s, 'mia', '/deadlines');
    expect(cert).toMatch(
      /Internship hours: \S+ 89 hours 45 minutes of 90 hours \(15 minutes still needed, 2 hours 30 minutes waiting/,
    );
    expect(summary).toMatch(
      /Internship hours: \S+ 89 hours 45 minutes of 90 hours \(15 minutes still needed, 2 hours 30 minutes waiting/,
    );
    expect(teamView).toContain('Internship hours: 89 hours 45 minutes of 90 hours');
    expect(teamView).toContain('2 hours 30 minutes to approve');
    expect(deadlines).toContain('Internship hours, 15 minutes still needed');
    expect(cert).toContain('Your supervisor still needs to approve 2 hours 30 minutes.');
    for (const view of [cert, summary, teamView, deadlines]) {
      expect(view).not.toMatch(/89\.8|90 of 90|✅ Internship/);
      // Every internship amount shown is one of: approved, target, still needed, waiting.
      for (const m of amounts(
        view
          .split('\n')
          .filter((l) => /Internship/.test(l))
          .join('\n'),
      ))
        expect([5385, 5400, 15, 150]).toContain(m);
    }
    const logged = await say(s, 'mia', '/hours log 30 min shadowing');
    expect(logged).toContain('89 hours 45 minutes of 90 hours (15 minutes still needed, 3 hours waiting for approval)');
    expect(await say(s, 'sue', '/team')).toContain('3 hours to approve');
    expect(await say(s, 'mia', '/cert')).toContain('Your supervisor still needs to approve 3 hours.');
  });

  it('says the same face-to-face rule in /cert, /team, /deadlines and the nudges, with the hours still needed', async () => {
    const s = await testServices();
    await team(s, { id: 'mia', hired: '2025-09-01', internshipStart: '2025-09-01' });
    await hours(s, 'mia', [
      { category: 'shadowing', minutes: 75 * 60, date: '2026-01-10' },
      { category: 'mentoring-1on1', minutes: 30 * 60, date: '2026-01-11' },
    ]);
    const cert = await say(s, 'mia', '/cert');
    expect(cert).toMatch(/Face-to-face mentoring: \S+ 30 of 45 hours \(15 hours still needed/);
    expect(await say(s, 'sue', '/team')).toContain('Face-to-face mentoring: 30 of 45 hours');
    expect(await say(s, 'mia', '/deadlines')).toContain('Face-to-face mentoring, 15 hours still needed');
    // With 45 face-to-face hours of 120 it is done everywhere, and not late.
    await hours(s, 'mia', [{ category: 'mentoring-group', minutes: 15 * 60, date: '2026-01-12' }]);
    expect(await say(s, 'mia', '/cert')).toMatch(/✅ Face-to-face mentoring: \S+ 45 of 45 hours \(done/);
    expect(await say(s, 'sue', '/team')).not.toContain('Face-to-face');
    expect(await say(s, 'mia', '/deadlines')).not.toContain('Face-to-face');
  });

  it('computes the next step from what is missing, never a training already finished', async () => {
    const s = await testServices({ PEERBOT_DEFAULT_PROGRAM: 'nc-peer-support' });
    await s.store.people.put({
      id: 'nina',
      role: 'mentor',
      programId: 'nc-peer-support',
      hired: '2026-03-01',
      ...base,
    });
    await hours(s, 'nina', [
      { category: 'pss-policy', minutes: 180 },
      { category: 'crisis-plan', minutes: 180 },
      { category: 'pcp-elements', minutes: 180 },
    ]);
    const cert = await say(s, 'nina', '/cert');
    expect(cert).toMatch(/Next step: Take 3 hours of writing notes by Tuesday, March 31\./);
    expect(cert.split('Next step')[1]).not.toMatch(/policy|crisis plan|PCP/i);
  });

  it('lists every NC requirement that is not done in /team, not only the first', async () => {
    const s = await testServices();
    await s.store.people.put({ id: 'sue', role: 'supervisor', programId: 'nc-peer-support', ...base });
    await s.store.people.put({
      id: 'nina',
      role: 'mentor',
      programId: 'nc-peer-support',
      supervisorId: 'sue',
      hired: '2026-03-01',
      ...base,
    });
    await hours(s, 'nina', [
      ...['pss-policy', 'crisis-plan', 'pcp-elements', 'documentation'].map((category) => ({ category, minutes: 180 })),
      { category: 'person-centered-thinking', minutes: 360 },
    ]);
    const text = await say(s, 'sue', '/team');
    expect(text).not.toContain('Training within 30 days');
    expect(text).toContain('Training within 90 days of hire: 6 of 31 hours');
    expect(text).toContain('Continuing education this year: 0 of 10 hours');
  });

  it('flags hours dated before the internship to the supervisor before approval, and does not count them', async () => {
    const s = await testServices();
    await team(s, { id: 'mia', hired: '2026-03-01', internshipStart: '2026-03-09' });
    const logged = await say(s, 'mia', '/hours log 2h shadowing 2026-03-05');
    expect(logged).toMatch(/dated before the internship started, so they do not count/);
    expect(await say(s, 'sue', '/hours approve')).toMatch(
      /#1 · Mar 5 · 2 hours .* ⚠ not counted: before the internship started/,
    );
    await say(s, 'sue', '/hours approve @mia all');
    const cert = await say(s, 'mia', '/cert');
    expect(cert).toMatch(/Internship hours: \S+ 0 of 90 hours/);
    expect(cert).toMatch(/These hours do not count, because of their date:\n#1 · Mar 5/);
  });
});

describe('the "no hours logged" reminder', () => {
  it('says the real number of days since hours were last logged', async () => {
    const s = await testServices();
    await team(s, { id: 'mia', hired: '2026-01-05', internshipStart: '2026-01-05' });
    await hours(s, 'mia', [{ category: 'shadowing', minutes: 60, date: '2026-02-20', loggedOn: '2026-02-20' }]);
    const { sent } = await runNudgeCheck(s, [], { dryRun: true });
    const text = sent.map((m) => m.text).join('\n---\n');
    expect(text).toContain('you have not logged any hours for 24 days');
    expect(text).not.toContain('14 days');
  });
});
