import { describe, expect, it } from 'vitest';
import { say, send, testServices } from '../helpers.ts';

describe('/hours log', () => {
  it('saves the entry and shows progress toward 90 hours, waiting for approval', async () => {
    const s = await testServices();
    const text = await say(s, 'alice', '/hours log 2h shadowing');
    expect(text).toMatch(/Saved: 2 hours of shadowing/);
    expect(text).toMatch(/0 of 90 hours \(90 hours still needed, 2 hours waiting for approval\)/);
    const entries = await s.store.hours.list('alice');
    expect(entries).toMatchObject([{ minutes: 120, category: 'shadowing', status: 'pending', date: '2026-03-16' }]);
  });

  it('enrolls a new person in the default program on first log', async () => {
    const s = await testServices({ PEERBOT_DEFAULT_PROGRAM: 'nc-peer-support' });
    await say(s, 'nina', '/hours log 3h documentation');
    expect((await s.store.people.get('nina'))?.programId).toBe('nc-peer-support');
  });

  it('offers an Undo button that deletes the entry', async () => {
    const s = await testServices();
    const reply = await send(s, 'alice', '/hours log 2h shadowing');
    const undo = reply.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : []))[0]!;
    expect(undo.label).toBe('Undo');
    expect(await say(s, 'alice', `/${undo.command} ${undo.args}`)).toMatch(/Deleted #1/);
    expect(await s.store.hours.list('alice')).toEqual([]);
    // A double-click on Undo: the second press finds nothing left to delete.
    expect(await say(s, 'alice', `/${undo.command} ${undo.args}`)).toMatch(/may already be deleted/);
  });

  it('logs once when the same request is delivered twice', async () => {
    const s = await testServices();
    await send(s, 'alice', '/hours log 2h shadowing', { requestId: 'trigger-1' });
    const again = await say(s, 'alice', '/hours log 2h shadowing', { requestId: 'trigger-1' });
    expect(again).toMatch(/already saved/);
    expect(await s.store.hours.list('alice')).toHaveLength(1);
  });

  it('refuses a day whose total would pass 24 hours and stores nothing', async () => {
    const s = await testServices();
    await say(s, 'alice', '/hours log 20h shadowing yesterday');
    const text = await say(s, 'alice', '/hours log 5h 1on1 yesterday');
    expect(text).toMatch(/more than 24 hours on Sunday, March 15/);
    expect(text).toMatch(/Example:/);
    expect(await s.store.hours.list('alice')).toHaveLength(1);
  });

  it.each([
    ['/hours log -2h shadowing', /more than 0/],
    ['/hours log 0h shadowing', /more than 0/],
    ['/hours log 25h shadowing', /more than 24 hours/],
    ['/hours log 2h shadowing 2026-13-45', /not a real date/],
    ['/hours log 2h shadowing 2026-12-01', /in the future/],
    ['/hours log 2h juggling', /You can use: .*shadowing/],
    [`/hours log 2h shadowing ${'a'.repeat(501)}`, /too long\. It has 5\d\d letters/],
  ])('refuses %s with a clear message and an example, storing nothing', async (line, message) => {
    const s = await testServices();
    const text = await say(s, 'alice', line);
    expect(text).toMatch(message);
    expect(text).toMatch(/Example: \/hours/);
    expect(await s.store.hours.list('alice')).toEqual([]);
    expect(await s.store.people.get('alice')).toBeUndefined();
  });

  it('understands "/hours 2h shadowing" without the word log', async () => {
    const s = await testServices();
    expect(await say(s, 'alice', '/hours 2h shadowing')).toMatch(/Saved/);
  });
});

describe('/hours list, edit, delete, undo', () => {
  it('lists my last entries with their numbers', async () => {
    const s = await testServices();
    await say(s, 'alice', '/hours log 2h shadowing yesterday');
    await say(s, 'alice', '/hours log 1h 1on1 today with Jo');
    const text = await say(s, 'alice', '/hours list 5');
    expect(text).toMatch(/#1 · Mar 15 · 2 hours · Shadowing/);
    expect(text).toMatch(/#2 · Mar 16 · 1 hour · One-on-one mentoring · waiting for approval · with Jo/);
  });

  it('edits the time, the category or the date of one entry', async () => {
    const s = await testServices();
    await say(s, 'alice', '/hours log 2h shadowing');
    expect(await say(s, 'alice', '/hours edit 1 90 min')).toMatch(/1 hour 30 minutes of shadowing/);
    expect(await say(s, 'alice', '/hours edit 1 group')).toMatch(/of group mentoring/);
    expect(await say(s, 'alice', '/hours edit 1 yesterday')).toMatch(/Sunday, March 15/);
    expect(await s.store.hours.list('alice')).toMatchObject([
      { minutes: 90, category: 'mentoring-group', faceToFace: true, date: '2026-03-15' },
    ]);
  });

  it('undo removes the entry I logged last', async () => {
    const s = await testServices();
    await say(s, 'alice', '/hours log 2h shadowing');
    await say(s, 'alice', '/hours log 1h retreat');
    expect(await say(s, 'alice', '/hours undo')).toMatch(/deleted #2, the entry you logged last/);
    expect((await s.store.hours.list('alice')).map((e) => e.category)).toEqual(['shadowing']);
  });

  it('will not let a mentor change an approved entry', async () => {
    const s = await testServices();
    await say(s, 'alice', '/hours log 2h shadowing');
    await s.store.hours.update('alice', '1', { status: 'approved' });
    expect(await say(s, 'alice', '/hours delete 1')).toMatch(/already approved/);
    expect(await s.store.hours.list('alice')).toHaveLength(1);
  });
});

describe('/hours export', () => {
  it('prints the CSV exactly as SPEC defines it, oldest first', async () => {
    const s = await testServices();
    await say(s, 'alice', '/hours log 1h 1on1 said "hi", then left');
    await say(s, 'alice', '/hours log 2h shadowing 3/2');
    const reply = await send(s, 'alice', '/hours export');
    expect(reply.files?.[0]?.content).toBe(
      'date,category,minutes,face_to_face,status,note,id,person,reviewed_by,reviewed_at,review_note\n' +
        '2026-03-02,shadowing,120,false,pending,"",2,alice,"","",""\n' +
        '2026-03-16,mentoring-1on1,60,true,pending,"said ""hi"", then left",1,alice,"","",""\n',
    );
  });

  it('prints the header line alone when there are no entries', async () => {
    const s = await testServices();
    const reply = await send(s, 'alice', '/hours export');
    expect(reply.files?.[0]?.content).toBe(
      'date,category,minutes,face_to_face,status,note,id,person,reviewed_by,reviewed_at,review_note\n',
    );
  });
});

describe('/hours totals', () => {
  it('shows totals by category and the face-to-face share', async () => {
    const s = await testServices();
    await say(s, 'alice', '/hours log 3h shadowing');
    await say(s, 'alice', '/hours log 1h 1on1');
    for (const e of await s.store.hours.list('alice'))
      await s.store.hours.update('alice', e.id, { status: 'approved' });
    const text = await say(s, 'alice', '/hours');
    expect(text).toMatch(/Shadowing: 3 hours/);
    expect(text).toMatch(/Internship hours: .* 4 of 90 hours/);
    expect(text).toMatch(/Face-to-face mentoring: .* 1 of 45 hours \(44 hours still needed\)/);
  });
});

describe('forgiving subcommands', () => {
  it('understands a small typo in the subcommand', async () => {
    const s = await testServices();
    expect(await say(s, 'alice', '/hours lgo 2h retreat')).toMatch(/Saved: 2 hours of retreat/);
    expect((await s.store.hours.list('alice'))[0]?.note).toBe('');
  });
});

describe('two messages at once', () => {
  it('never lets two logs sent together pass 24 hours in one day', async () => {
    const s = await testServices();
    const replies = await Promise.all([
      send(s, 'alice', '/hours log 13h shadowing', { requestId: 'a' }),
      send(s, 'alice', '/hours log 13h retreat', { requestId: 'b' }),
    ]);
    expect(replies.map((r) => JSON.stringify(r)).filter((t) => t.includes('more than 24 hours'))).toHaveLength(1);
    expect(await s.store.hours.list('alice')).toHaveLength(1);
  });
});

describe('examples fit the person’s program', () => {
  it('gives a North Carolina staff member an example with one of their own categories', async () => {
    const s = await testServices({ PEERBOT_DEFAULT_PROGRAM: 'nc-peer-support' });
    const text = await say(s, 'nina', '/hours log 2h juggling');
    expect(text).toMatch(/Example: \/hours log 2h policy yesterday/);
    expect(text).not.toMatch(/shadowing/);
  });
});

describe('progress after logging', () => {
  it('shows the continuing-education goal when logging continuing education', async () => {
    const s = await testServices({ PEERBOT_DEFAULT_PROGRAM: 'nc-peer-support' });
    const text = await say(s, 'nina', '/hours log 2h CE');
    expect(text).toMatch(
      /Continuing education this year: .* 0 of 10 hours \(10 hours still needed, 2 hours waiting for approval\)/,
    );
    expect(text).not.toMatch(/Training within/);
  });

  it('tells a Wisconsin intern who is not certified yet that continuing education does not count yet', async () => {
    const s = await testServices();
    const text = await say(s, 'alice', '/hours log 2h CE');
    expect(text).toMatch(/dated before certification, so they do not count/);
    expect(text).not.toMatch(/Continuing education this year/);
  });
});
