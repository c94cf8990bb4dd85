import { describe, expect, it } from 'vitest';
import { say, send, testServices } from '../helpers.ts';

// Today in these tests is Monday, March 16, 2026.
describe('/hours edit changes exactly what it says', () => {
  it('changes the note when the new note is in quotes', async () => {
    const s = await testServices();
    await say(s, 'mia', '/hours log 2h shadowing');
    const reply = await say(s, 'mia', '/hours edit 1 "shadowed Maria at the front desk"');
    expect(reply).toContain('Note: shadowed Maria at the front desk');
    expect(await s.store.hours.list('mia')).toMatchObject([
      { note: 'shadowed Maria at the front desk', minutes: 120, category: 'shadowing', date: '2026-03-16' },
    ]);
  });

  it('changes the time, the date and the category, one at a time', async () => {
    const s = await testServices();
    await say(s, 'mia', '/hours log 2h shadowing met Sam');
    await say(s, 'mia', '/hours edit 1 90 min');
    await say(s, 'mia', '/hours edit 1 yesterday');
    await say(s, 'mia', '/hours edit 1 1on1');
    expect(await s.store.hours.list('mia')).toMatchObject([
      { minutes: 90, date: '2026-03-15', category: 'mentoring-1on1', note: 'met Sam' },
    ]);
  });
});

describe('/hours undo undoes my last action', () => {
  it('undoes an edit, not an older entry', async () => {
    const s = await testServices();
    await say(s, 'mia', '/hours log 2h shadowing 2026-02-23');
    await say(s, 'mia', '/hours log 1h 1on1 2026-03-16');
    await say(s, 'mia', '/hours edit 2 3h');
    const reply = await say(s, 'mia', '/hours undo');
    expect(reply).toMatch(/Undone: your last change to #2/);
    expect((await s.store.hours.list('mia')).map((e) => [e.id, e.minutes])).toEqual([
      ['1', 120],
      ['2', 60],
    ]);
  });

  it('brings back an entry I deleted, then undoes the log before it', async () => {
    const s = await testServices();
    await say(s, 'mia', '/hours log 2h shadowing 2026-03-10');
    await say(s, 'mia', '/hours log 1h 1on1 2026-03-11');
    await say(s, 'mia', '/hours delete 1');
    expect(await say(s, 'mia', '/hours undo')).toMatch(/is back/);
    expect((await s.store.hours.list('mia')).map((e) => e.date).sort()).toEqual(['2026-03-10', '2026-03-11']);
    expect(await say(s, 'mia', '/hours undo')).toMatch(/deleted #2, the entry you logged last/);
    expect((await s.store.hours.list('mia')).map((e) => e.date)).toEqual(['2026-03-10']);
  });

  it('keeps who did what, and when, on each entry', async () => {
    const s = await testServices();
    await say(s, 'mia', '/hours log 2h shadowing');
    await say(s, 'mia', '/hours edit 1 3h');
    const [entry] = await s.store.hours.list('mia');
    expect(entry!.history!.map((h) => [h.action, h.by])).toEqual([
      ['logged', 'mia'],
      ['edited', 'mia'],
    ]);
    expect(entry!.history![1]!.before).toEqual({ minutes: 120 });
  });
});

describe('the same entry twice', () => {
  it('asks before logging the same date, category, time and note again, and stores nothing the first time', async () => {
    const s = await testServices();
    await say(s, 'mia', '/hours log 2h shadowing met Sam');
    const reply = await send(s, 'mia', '/hours log 2h shadowing met Sam');
    const text = (await import('../../src/message.ts')).plainText(reply);
    expect(text).toContain('You already logged this');
    expect(text).toContain('Type /hours log 2h shadowing met Sam again');
    expect(await s.store.hours.list('mia')).toHaveLength(1);
    await say(s, 'mia', '/hours log 2h shadowing met Sam again');
    expect((await s.store.hours.list('mia')).map((e) => e.note)).toEqual(['met Sam', 'met Sam']);
  });

  it('logs a different note on the same day without asking', async () => {
    const s = await testServices();
    await say(s, 'mia', '/hours log 2h shadowing met Sam');
    expect(await say(s, 'mia', '/hours log 2h shadowing met Ana')).toMatch(/Saved/);
  });
});

describe('lines that need a question, not a guess', () => {
  it('asks about "1 hr 1on1 and 1 hr group" and stores nothing', async () => {
    const s = await testServices();
    expect(await say(s, 'mia', '/hours log 1 hr 1on1 and 1 hr group')).toMatch(/two times/);
    expect(await s.store.hours.list('mia')).toHaveLength(0);
  });

  it('reads "1h 1on1 the 17th" as the last 17th, February 17', async () => {
    const s = await testServices();
    await say(s, 'mia', '/hours log 1h 1on1 the 17th');
    expect(await s.store.hours.list('mia')).toMatchObject([{ date: '2026-02-17', note: '' }]);
  });

  it('asks "45 minutes or 45 hours?" for "45 1on1"', async () => {
    const s = await testServices();
    const reply = await say(s, 'mia', '/hours log 45 1on1');
    expect(reply).toMatch(/45 minutes or 45 hours/);
    expect(reply).toMatch(/Example: \/hours log 45 min/);
    expect(await s.store.hours.list('mia')).toHaveLength(0);
  });

  it('asks whether a phone call with a mentee was the monthly call or mentoring', async () => {
    const s = await testServices();
    const reply = await say(s, 'mia', '/hours log 1h phone call with my mentee');
    expect(reply).toMatch(/monthly call, or one-on-one mentoring/);
    expect(await s.store.hours.list('mia')).toHaveLength(0);
    await say(s, 'mia', '/hours log 1h 1on1 phone call with my mentee');
    expect(await s.store.hours.list('mia')).toMatchObject([{ category: 'mentoring-1on1' }]);
  });

  it('still logs "2 1on1" as 2 hours', async () => {
    const s = await testServices();
    await say(s, 'mia', '/hours log 2 1on1');
    expect(await s.store.hours.list('mia')).toMatchObject([{ minutes: 120 }]);
  });
});
