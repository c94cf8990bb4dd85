import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPrograms } from '../../src/programs/catalog.ts';
import { openRequirements, personStatus } from '../../src/programs/status.ts';
import { computeDeadlines } from '../../src/programs/deadlines.ts';
import type { HourEntry, Person } from '../../src/store/schema.ts';

/**
 * One row per rule, written from the seed sentence quoted in `rule`, with dates on both sides
 * of every boundary. Each row: the person, their entries, today, and what the status must say.
 */
const programs = loadPrograms(path.resolve(import.meta.dirname, '../../data/programs'));

const person = (programId: string, over: Partial<Person> = {}): Person => ({
  id: 'p',
  role: 'mentor',
  programId,
  milestones: {},
  nudgesMuted: false,
  createdAt: '2026-01-01T00:00:00Z',
  ...over,
});
let n = 0;
const e = (category: string, hours: number, date: string, over: Partial<HourEntry> = {}): HourEntry => ({
  id: String(++n),
  date,
  minutes: Math.round(hours * 60),
  category,
  faceToFace: category.startsWith('mentoring'),
  status: 'approved',
  note: '',
  createdAt: 'x',
  ...over,
});

interface Row {
  rule: string;
  who: Person;
  entries: HourEntry[];
  today: string;
  requirement: string;
  expect: { done?: boolean; approved?: number; overdue?: boolean; due?: string; started?: boolean; outside?: number };
}

const WI = 'wi-peer-mentor';
const wiIntern = person(WI, { hired: '2026-03-01', internshipStart: '2026-03-09' });
const NC = 'nc-peer-support';
const ncStaff = person(NC, { hired: '2026-03-01' });
const nc30 = (date: string) => ['pss-policy', 'crisis-plan', 'pcp-elements', 'documentation'].map((c) => e(c, 3, date));
const MA = 'ma-cps';

const rows: Row[] = [
  // Wisconsin, seed 000: "Complete a 90-hour internship with a service provider."
  {
    rule: 'WI: 90 internship hours, 89¾ is not done',
    who: wiIntern,
    entries: [e('shadowing', 89.75, '2026-03-10')],
    today: '2026-04-01',
    requirement: 'internship',
    expect: { done: false, approved: 5385 },
  },
  {
    rule: 'WI: 90 internship hours, 90 is done',
    who: wiIntern,
    entries: [e('shadowing', 45, '2026-03-10'), e('mentoring-1on1', 45, '2026-03-11')],
    today: '2026-04-01',
    requirement: 'internship',
    expect: { done: true },
  },
  // "Hire Peer Mentor before beginning the internship. Notify BPDD of internship start date."
  {
    rule: 'WI: an hour the day before the internship starts does not count',
    who: wiIntern,
    entries: [e('shadowing', 2, '2026-03-08')],
    today: '2026-04-01',
    requirement: 'internship',
    expect: { approved: 0, outside: 1 },
  },
  {
    rule: 'WI: an hour on the day the internship starts counts',
    who: wiIntern,
    entries: [e('shadowing', 2, '2026-03-09')],
    today: '2026-04-01',
    requirement: 'internship',
    expect: { approved: 120, outside: 0 },
  },
  {
    rule: 'WI: an hour before the hire date does not count (no internship start known)',
    who: person(WI, { hired: '2026-03-01' }),
    entries: [e('shadowing', 2, '2026-02-28')],
    today: '2026-04-01',
    requirement: 'internship',
    expect: { approved: 0, outside: 1 },
  },
  {
    rule: 'WI: the last day of the internship counts (internshipDays 180)',
    who: wiIntern,
    entries: [e('shadowing', 2, '2026-09-05')],
    today: '2026-09-10',
    requirement: 'internship',
    expect: { approved: 120 },
  },
  {
    rule: 'WI: the day after the internship ended does not count',
    who: wiIntern,
    entries: [e('shadowing', 2, '2026-09-06')],
    today: '2026-09-10',
    requirement: 'internship',
    expect: { approved: 0, outside: 1 },
  },
  // "50% of internship hours must be face-to-face mentoring": half of the 90 hours, 45 hours.
  {
    rule: 'WI: 45 face-to-face hours of 120 is enough (half of the 90 required)',
    who: wiIntern,
    entries: [e('shadowing', 75, '2026-03-10'), e('mentoring-1on1', 45, '2026-03-11')],
    today: '2026-04-01',
    requirement: 'face-to-face',
    expect: { done: true },
  },
  {
    rule: 'WI: 44¾ face-to-face hours is not enough',
    who: wiIntern,
    entries: [e('shadowing', 75, '2026-03-10'), e('mentoring-group', 44.75, '2026-03-11')],
    today: '2026-04-01',
    requirement: 'face-to-face',
    expect: { done: false, approved: 2685 },
  },
  {
    rule: 'WI: face-to-face hours before the internship do not count',
    who: wiIntern,
    entries: [e('mentoring-1on1', 45, '2026-03-08')],
    today: '2026-04-01',
    requirement: 'face-to-face',
    expect: { done: false, approved: 0 },
  },
  // "Participate in annual continuing education trainings": after certification (exit interview).
  {
    rule: 'WI: continuing education does not start before certification',
    who: wiIntern,
    entries: [e('continuing-education', 2, '2026-03-10')],
    today: '2026-04-01',
    requirement: 'continuing-education',
    expect: { started: false, done: true, outside: 1 },
  },
  {
    rule: 'WI: continuing education starts the day of the exit interview, due a year later',
    who: person(WI, { milestones: { 'exit-interview': '2026-09-01' } }),
    entries: [e('continuing-education', 2, '2026-09-01')],
    today: '2026-09-10',
    requirement: 'continuing-education',
    expect: { started: true, done: false, approved: 120, due: '2027-08-31' },
  },
  // North Carolina, seed 004: "Within 30 days of hire ... 12 hours".
  {
    rule: 'NC: 12 hours on day 30 after hire is on time',
    who: ncStaff,
    entries: nc30('2026-03-31'),
    today: '2026-04-05',
    requirement: 'training-30',
    expect: { done: true, overdue: false },
  },
  {
    rule: 'NC: 12 hours on day 31 is late: not done, still late',
    who: ncStaff,
    entries: nc30('2026-04-01'),
    today: '2026-04-05',
    requirement: 'training-30',
    expect: { done: false, overdue: true, outside: 4 },
  },
  {
    rule: 'NC: a training the day before hire does not count',
    who: ncStaff,
    entries: nc30('2026-02-28'),
    today: '2026-03-05',
    requirement: 'training-30',
    expect: { done: false, outside: 4 },
  },
  {
    rule: 'NC: a training on the hire date counts',
    who: ncStaff,
    entries: nc30('2026-03-01'),
    today: '2026-03-05',
    requirement: 'training-30',
    expect: { done: true },
  },
  // "Within 90 days of hire ... 13 hours MI, 12 hours Person Centered Thinking, 6 hours Crisis Response".
  {
    rule: 'NC: the 90-day training on day 90 counts',
    who: ncStaff,
    entries: [e('motivational-interviewing', 13, '2026-05-30')],
    today: '2026-06-01',
    requirement: 'training-90',
    expect: { approved: 780, overdue: true },
  },
  {
    rule: 'NC: the 90-day training on day 91 does not count',
    who: ncStaff,
    entries: [e('motivational-interviewing', 13, '2026-05-31')],
    today: '2026-06-01',
    requirement: 'training-90',
    expect: { approved: 0, outside: 1 },
  },
  // "Annually: 10 hours of continuing education ... to maintain certification(s)." From hire, yearly.
  {
    rule: 'NC: hired in December, 10 hours are due a year after hire, not on Dec 31',
    who: person(NC, { hired: '2025-12-10' }),
    entries: [],
    today: '2025-12-20',
    requirement: 'continuing-education',
    expect: { started: true, due: '2026-12-09', overdue: false },
  },
  {
    rule: 'NC: hours in the year before this one do not count toward this year',
    who: person(NC, { hired: '2024-12-10' }),
    entries: [e('continuing-education', 10, '2025-12-09'), e('continuing-education', 3, '2025-12-10')],
    today: '2026-01-05',
    requirement: 'continuing-education',
    expect: { approved: 180, done: false },
  },
  {
    rule: 'NC: continuing education before hire does not count',
    who: ncStaff,
    entries: [e('continuing-education', 10, '2026-02-28')],
    today: '2026-03-05',
    requirement: 'continuing-education',
    expect: { approved: 0, outside: 1 },
  },
  // Massachusetts, seed 003: "The training consists of 32 one hour modules"; "pass an oral and written exam".
  {
    rule: 'MA: 31¾ module hours is not the 32',
    who: person(MA),
    entries: [e('cps-training', 31.75, '2026-03-01')],
    today: '2026-03-05',
    requirement: 'cps-training',
    expect: { done: false },
  },
  {
    rule: 'MA: 32 module hours is done',
    who: person(MA),
    entries: [e('cps-training', 32, '2026-03-01')],
    today: '2026-03-05',
    requirement: 'cps-training',
    expect: { done: true },
  },
  {
    rule: 'MA: continuing education starts once both exams are passed',
    who: person(MA, { milestones: { 'oral-exam': '2026-03-01' } }),
    entries: [],
    today: '2026-03-05',
    requirement: 'continuing-education',
    expect: { started: false },
  },
  {
    rule: 'MA: with both exams passed, continuing education is owed a year from the later one',
    who: person(MA, { milestones: { 'oral-exam': '2026-03-01', 'written-exam': '2026-03-03' } }),
    entries: [],
    today: '2026-03-05',
    requirement: 'continuing-education',
    expect: { started: true, due: '2027-03-02' },
  },
];

describe.each(rows)('$rule', (row) => {
  it('is counted as the seed says', () => {
    const program = programs.get(row.who.programId)!;
    const status = personStatus(program, row.who, row.entries, row.today);
    const s = status.requirements.find((r) => r.requirement.id === row.requirement)!;
    const x = row.expect;
    if (x.done !== undefined) expect(s.done).toBe(x.done);
    if (x.overdue !== undefined) expect(s.overdue).toBe(x.overdue);
    if (x.due !== undefined) expect(s.due).toBe(x.due);
    if (x.started !== undefined) expect(s.started).toBe(x.started);
    if (x.approved !== undefined) expect((s.share?.minutes ?? s.minutes)!.approved).toBe(x.approved);
    if (x.outside !== undefined) expect(status.outside).toHaveLength(x.outside);
  });
});

describe('what is still owed', () => {
  it('NC with every training done but 0 of 10 continuing education hours is not "everything done"', () => {
    const nc = programs.get(NC)!;
    const entries = [
      ...nc30('2026-03-02'),
      e('motivational-interviewing', 13, '2026-03-03'),
      e('person-centered-thinking', 12, '2026-03-04'),
      e('crisis-response', 6, '2026-03-05'),
    ];
    const open = openRequirements(personStatus(nc, ncStaff, entries, '2026-03-16').requirements);
    expect(open.map((s) => s.requirement.id)).toEqual(['continuing-education']);
  });

  it('does not nudge a Wisconsin intern who is not certified about continuing education', () => {
    const wi = programs.get(WI)!;
    const ids = computeDeadlines(wi, wiIntern, [], '2026-03-16').map((d) => d.requirementId);
    expect(ids).not.toContain('continuing-education');
  });

  it('does not remind about logging hours after the internship ended', () => {
    const wi = programs.get(WI)!;
    const ids = (today: string) =>
      computeDeadlines(wi, wiIntern, [e('shadowing', 1, '2026-04-01')], today).map((d) => d.requirementId);
    expect(ids('2026-09-05')).toContain('no-hours');
    expect(ids('2026-09-06')).not.toContain('no-hours');
  });
});
