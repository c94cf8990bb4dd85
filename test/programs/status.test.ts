import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPrograms } from '../../src/programs/catalog.ts';
import { certStatus } from '../../src/programs/status.ts';
import { computeDeadlines } from '../../src/programs/deadlines.ts';
import type { HourEntry, Person } from '../../src/store/schema.ts';

const programs = loadPrograms(path.resolve(import.meta.dirname, '../../data/programs'));
const wi = programs.get('wi-peer-mentor')!;
const nc = programs.get('nc-peer-support')!;

const person = (over: Partial<Person> = {}): Person => ({
  id: 'p',
  role: 'mentor',
  programId: 'wi-peer-mentor',
  milestones: {},
  nudgesMuted: false,
  createdAt: 'x',
  ...over,
});
let n = 0;
const entry = (category: string, hours: number, over: Partial<HourEntry> = {}): HourEntry => ({
  id: String(++n),
  date: '2026-03-10',
  minutes: hours * 60,
  category,
  faceToFace: category.startsWith('mentoring'),
  status: 'approved',
  note: '',
  createdAt: 'x',
  ...over,
});

describe('Wisconsin peer mentor status', () => {
  it('counts approved internship hours and shows pending hours apart', () => {
    const s = certStatus(
      wi,
      person(),
      [
        entry('shadowing', 40),
        entry('mentoring-1on1', 5),
        entry('retreat', 3, { status: 'pending' }),
        entry('retreat', 9, { status: 'rejected' }),
      ],
      '2026-03-16',
    );
    expect(s.find((r) => r.requirement.id === 'internship')?.minutes).toEqual({
      approved: 45 * 60,
      pending: 180,
      target: 90 * 60,
    });
  });

  it('needs half of the 90 hours face-to-face, not just half of the hours so far', () => {
    const halfSoFar = certStatus(
      wi,
      person(),
      [entry('shadowing', 10), entry('mentoring-group', 10)],
      '2026-03-16',
    ).find((r) => r.requirement.id === 'face-to-face')!;
    expect(halfSoFar.share?.now).toBe(0.5);
    expect(halfSoFar.done).toBe(false);
    const done = certStatus(
      wi,
      person(),
      [entry('shadowing', 45), entry('mentoring-1on1', 20), entry('mentoring-group', 25)],
      '2026-03-16',
    );
    expect(done.find((r) => r.requirement.id === 'face-to-face')?.done).toBe(true);
    expect(done.find((r) => r.requirement.id === 'internship')?.done).toBe(true);
  });

  it('puts the evaluations and exit interview at the end of the internship', () => {
    const s = certStatus(wi, person({ internshipStart: '2026-03-02' }), [], '2026-03-16');
    expect(s.find((r) => r.requirement.id === 'exit-interview')?.due).toBe('2026-08-29');
  });

  it('shows a marked milestone as done on its day', () => {
    const s = certStatus(wi, person({ milestones: { 'peer-mentor-101': '2026-03-04' } }), [], '2026-03-16');
    expect(s.find((r) => r.requirement.id === 'peer-mentor-101')).toMatchObject({ done: true, doneOn: '2026-03-04' });
  });
});

describe('North Carolina training deadlines', () => {
  it('are due 30 and 90 days after hire, with each listed training counted', () => {
    const p = person({ programId: 'nc-peer-support', hired: '2026-03-01' });
    const entries = [
      entry('pss-policy', 3),
      entry('crisis-plan', 3),
      entry('pcp-elements', 3),
      entry('documentation', 2),
    ];
    const s = certStatus(nc, p, entries, '2026-04-05');
    const first = s.find((r) => r.requirement.id === 'training-30')!;
    expect(first).toMatchObject({ done: false, due: '2026-03-31', overdue: true });
    expect(first.items?.find((i) => i.category.id === 'documentation')).toMatchObject({ approved: 120, target: 180 });
    expect(s.find((r) => r.requirement.id === 'training-90')?.due).toBe('2026-05-30');
  });

  it('gives the 3-hour supervision training to supervisors only', () => {
    const ids = (role: Person['role']) =>
      certStatus(nc, person({ programId: 'nc-peer-support', role }), [], '2026-03-16').map((r) => r.requirement.id);
    expect(ids('supervisor')).toContain('supervision-training');
    expect(ids('mentor')).not.toContain('supervision-training');
  });

  it('counts continuing education in the current year only', () => {
    const s = certStatus(
      nc,
      person({ programId: 'nc-peer-support' }),
      [entry('continuing-education', 8, { date: '2025-12-01' }), entry('continuing-education', 4)],
      '2026-03-16',
    );
    expect(s.find((r) => r.requirement.id === 'continuing-education')).toMatchObject({
      done: false,
      due: '2026-12-31',
      minutes: { approved: 240 },
    });
  });
});

describe('deadlines', () => {
  it('lists overdue first, then the soonest, with days left', () => {
    const p = person({ programId: 'nc-peer-support', hired: '2026-02-01' });
    const list = computeDeadlines(nc, p, [], '2026-03-16');
    expect(list.map((d) => [d.requirementId, d.overdue, d.daysLeft])).toEqual([
      ['training-30', true, -13],
      ['training-90', false, 47],
      // Continuing education is yearly from the hire date: the first 10 hours are due a year after it.
      ['continuing-education', false, 321],
    ]);
  });

  it('reminds a mentor in an internship who has logged nothing for 14 days', () => {
    const p = person({ internshipStart: '2026-02-01' });
    const list = computeDeadlines(wi, p, [entry('shadowing', 1, { date: '2026-02-20' })], '2026-03-16');
    expect(list[0]).toMatchObject({ requirementId: 'no-hours', due: '2026-03-06', overdue: true });
    expect(list[0]?.label).toBe('Log hours (none logged since Feb 20)');
  });
});

describe('no hours logged for 14 days', () => {
  it('counts the day hours were logged, not only the day they were done', () => {
    const p = person({ internshipStart: '2026-02-01' });
    const lateCatchUp = entry('shadowing', 1, { date: '2026-02-10', loggedOn: '2026-03-14' });
    const list = computeDeadlines(wi, p, [lateCatchUp], '2026-03-16');
    expect(list.find((d) => d.requirementId === 'no-hours')).toMatchObject({ due: '2026-03-28', overdue: false });
  });
});
