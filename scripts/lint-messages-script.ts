/**
 * What scripts/lint-messages.ts types, per role, on Monday, May 11, 2026 at 10:00: the set-up
 * first (not measured), then every command each role uses, with the mistakes people make,
 * so every reply and error is rendered with realistic values.
 */
export type Reader = 'mentor' | 'supervisor' | 'facilitator' | 'admin';

export interface Step {
  as: string;
  reader: Reader;
  line: string;
  measure?: false;
}

const setup = (as: string, line: string): Step => ({ as, reader: 'admin', line, measure: false });
const as =
  (reader: Reader, who: string) =>
  (line: string): Step => ({ as: who, reader, line });
const mia = as('mentor', 'mia');
const nico = as('mentor', 'nico');
const sue = as('supervisor', 'sue');
const fran = as('facilitator', 'fran');
const admin = as('admin', 'admin');

export const SCRIPT: Step[] = [
  setup('admin', '/admin role @sue supervisor'),
  setup('admin', '/admin role @fran facilitator'),
  setup('admin', '/admin enroll @mia name:"Mia Lopez" supervisor:@sue hired:2026-02-02 internship-start:2026-02-16'),
  setup('admin', '/admin enroll @nico name:"Nico Reyes" program:nc supervisor:@sue hired:2026-04-20'),
  setup('fran', '/meet schedule "Peer mentor call" call every 2nd tuesday 10:00 90m https://zoom.us/j/1'),
  setup('fran', '/meet schedule "Learning Collaborative" meeting every 3rd wednesday 13:00 2h'),
  setup('mia', '/hours log 40h shadowing 2026-03-02'),
  // Mentor: help, logging, fixing, progress, meetings, questions, and the mistakes.
  mia('/help'),
  mia('/help hours'),
  mia('/help ask'),
  mia('/help meet'),
  mia('/hours log 2h shadowing yesterday'),
  mia('/hours log 1h shadowing 2026-02-09'),
  mia('/hours log 90 min 1on1 met with Sam'),
  mia('/hours log 45 min group'),
  mia('/hours log 1h 1on1 today'),
  mia('/hours log 1h 1on1 today'),
  mia('/hours'),
  mia('/hours list'),
  mia('/hours edit 3 date:5/8'),
  mia('/hours edit 3 "talked about jobs"'),
  mia('/hours undo'),
  mia('/hours delete 4'),
  mia('/hours log 2h mentoring'),
  mia('/hours log 3h juggling'),
  mia('/hours log 30h shadowing'),
  mia('/hours log 0h shadowing'),
  mia('/hours log 2h shadowing tomorrow'),
  mia('/hours log 2h shadowing 2026-13-45'),
  mia('/hours log 45 shadowing'),
  mia('/hours log shadowing'),
  mia('/hours log 2h'),
  mia('/hours log 1h call with my mentee'),
  mia('/hours log 1 hr 1on1 and 1 hr group'),
  mia('/hours delete 99'),
  mia('/hours juggle'),
  mia('/hours report'),
  mia('/cert'),
  mia('/cert @nico'),
  mia('/deadlines'),
  mia('/team'),
  mia('/hours approve @mia'),
  mia('/meet'),
  mia('/meet rsvp peer mentor call yes'),
  mia('/meet rsvp pmc maybe'),
  mia('/meet rsvp nothing yes'),
  mia('/meet attended pmc'),
  mia('/meet attended lc'),
  mia('/meet schedule "My meeting" meeting every 2nd monday 10:00'),
  mia('i did 2 hrs shadowing yesterday'),
  mia('log 1h 1on1'),
  mia('i did 2 hrs of mentoring'),
  mia('/hours cancel'),
  mia('/hrs'),
  mia('/hour log 1h retreat'),
  mia('/juggle'),
  mia('/ask what is the wifi password at the office'),
  mia('/ask pass'),
  mia('/ask thanks'),
  mia('/ask reload'),
  mia('/deadlines mute'),
  mia('/deadlines unmute'),
  nico('/hours log 3h crisis plan'),
  nico('/hours log 2h xyz'),
  nico('/hours log 2h training'),
  nico('/cert'),
  nico('/deadlines'),
  // Supervisor.
  sue('/help hours'),
  sue('/team'),
  sue('/hours @mia'),
  sue('/hours approve @mia'),
  sue('/hours approve @mia 1'),
  sue('/hours reject @mia 2 wrong date'),
  sue('/hours approve @mia all'),
  sue('/cert @mia'),
  sue('/cert mark @mia peer-mentor-101 5/1'),
  sue('/cert unmark @mia peer-mentor-101'),
  sue('/deadlines'),
  sue('/deadlines @nico'),
  // The mentor sees the rejected entry's notice with her next reply.
  mia('/hours list'),
  // Facilitator.
  fran('/meet who pmc'),
  fran('/meet skip lc 2026-05-20'),
  fran('/meet move pmc 2026-06-09 2026-06-10'),
  fran('/ask unanswered'),
  fran('/meet cancel lc'),
  fran('/cert @nico'),
  // Admin.
  admin('/admin people'),
  admin('/admin people no-supervisor'),
  admin('/admin enroll @zoe program:xyz'),
  admin('/admin deactivate @nico'),
  admin('/help'),
];

/** Policy questions a peer mentor asks (from test/policy/questions.jsonl and the issue). */
export const POLICY_SAMPLE = [
  'how long is the peer mentor internship',
  'what share of my hours must be face to face',
  'do i need to keep things private',
  'who does my exit interview',
  'what counts as internship hours',
  'how old do i have to be',
  'can a family member be my peer support specialist',
  'do i need continuing education',
];
