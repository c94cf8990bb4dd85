import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeClock } from '../../src/clock.ts';
import { UserError } from '../../src/errors.ts';
import { readHistoryArgs } from '../../src/hours/entry-history.ts';
import type { Services } from '../../src/services.ts';
import { say, testServices } from '../helpers.ts';

const opened: Services[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.store.close().catch(() => undefined);
});

/** Moves the bot's "now" (Chicago time), as days pass in a real week. */
function at(s: Services, iso: string): void {
  s.clock = makeClock('America/Chicago', iso);
}

async function cohort(): Promise<Services> {
  const s = await testServices();
  opened.push(s);
  await say(s, 'admin', '/admin enroll @sue name:"Sue Lee"');
  await say(s, 'admin', '/admin role @sue supervisor');
  await say(s, 'admin', '/admin enroll @alice name:"Alice Moore" supervisor:@sue');
  await say(s, 'admin', '/admin enroll @bob name:"Bob Diaz"');
  at(s, '2026-03-16T09:30:00-05:00');
  await say(s, 'alice', '/hours log 2h shadowing 3/13');
  return s;
}

describe('/hours history', () => {
  it('tells every change to an entry in plain words: who, when, what changed', async () => {
    const s = await cohort();
    at(s, '2026-03-16T11:15:00-05:00');
    await say(s, 'alice', '/hours edit 1 90 min');
    at(s, '2026-03-17T14:05:00-05:00');
    expect(await say(s, 'sue', '/hours reject @alice 1 wrong day, it was the 12th')).toMatch(/Marked as not approved/);
    at(s, '2026-03-17T16:40:00-05:00');
    await say(s, 'alice', '/hours edit 1 3/12');
    at(s, '2026-03-18T08:20:00-05:00');
    await say(s, 'sue', '/hours approve @alice 1');
    const mine = await say(s, 'alice', '/hours history 1');
    expect(mine).toContain('History of entry #1: 1 hour 30 minutes of shadowing on Mar 12, approved.');
    expect(mine).toContain('You logged it on Monday, March 16 at 9:30 AM: 2 hours of shadowing on Mar 13.');
    expect(mine).toContain(
      'You changed it on Monday, March 16 at 11:15 AM: the time from 2 hours to 1 hour 30 minutes.',
    );
    expect(mine).toContain(
      'Sue Lee did not approve it on Tuesday, March 17 at 2:05 PM. Reason: wrong day, it was the 12th',
    );
    expect(mine).toContain(
      'You changed it on Tuesday, March 17 at 4:40 PM: the date from Mar 13 to Mar 12, and sent it back to be approved.',
    );
    expect(mine).toContain('Sue Lee approved it on Wednesday, March 18 at 8:20 AM.');
    // Oldest first.
    expect(mine.indexOf('logged it')).toBeLessThan(mine.indexOf('approved it'));
    // The supervisor sees the same story, about Alice.
    const hers = await say(s, 'sue', '/hours history @alice 1');
    expect(hers).toContain('History of entry #1 of Alice Moore:');
    expect(hers).toContain('Alice Moore logged it on Monday, March 16 at 9:30 AM');
    expect(hers).toContain('You approved it on Wednesday, March 18 at 8:20 AM.');
  });

  it('keeps a deleted entry readable: that it was deleted, by whom, when, and what it was', async () => {
    const s = await cohort();
    at(s, '2026-03-17T10:00:00-05:00');
    expect(await say(s, 'alice', '/hours delete 1')).toMatch(/Deleted #1/);
    const answer = await say(s, 'alice', '/hours history 1');
    expect(answer).toContain('History of entry #1: deleted. It was 2 hours of shadowing on Mar 13.');
    expect(answer).toContain('You deleted it on Tuesday, March 17 at 10:00 AM.');
    expect(await say(s, 'sue', '/hours history @alice 1')).toContain('Alice Moore deleted it on Tuesday, March 17');
  });

  it('keeps undo’s steps too, and undo still goes one step back at a time', async () => {
    const s = await cohort();
    await say(s, 'alice', '/hours log 1h retreat 3/14');
    at(s, '2026-03-16T12:00:00-05:00');
    expect(await say(s, 'alice', '/hours undo')).toMatch(/I deleted #2/);
    expect(await say(s, 'alice', '/hours history 2')).toContain(
      'You took it back with /hours undo on Monday, March 16 at 12:00 PM.',
    );
    // The second undo takes back the next step (logging #1), not the first undo.
    expect(await say(s, 'alice', '/hours undo')).toMatch(/I deleted #1/);
    expect(await s.store.hours.list('alice')).toHaveLength(0);
    await say(s, 'alice', '/hours log 1h other 3/14');
    expect(await say(s, 'alice', '/hours delete 3')).toMatch(/Deleted #3/);
    expect(await say(s, 'alice', '/hours undo')).toMatch(/back, as #4/);
    expect(await say(s, 'alice', '/hours history 3')).toContain('Then /hours undo brought it back as #4.');
    expect(await say(s, 'alice', '/hours history 4')).toMatch(/History of entry #4: 1 hour of other mentoring work/);
  });

  it('shows an entry only to its mentor, their supervisor and facilitators, and says the same whether or not it exists', async () => {
    const s = await cohort();
    const refusal = await say(s, 'bob', '/hours history @alice 1');
    expect(refusal).toMatch(/You can only see your own hours/);
    expect(await say(s, 'bob', '/hours history @nobody 1')).toBe(refusal);
    expect(await say(s, 'alice', '/hours history 9')).toMatch(/You have no entry #9\. Type \/hours list/);
    expect(await say(s, 'sue', '/hours history @alice 9')).toMatch(/Alice Moore has no entry #9\./);
    expect(await say(s, 'alice', '/hours history')).toMatch(
      /Which entry\? Give its number from \/hours list\.[\s\S]*\/hours history 3/,
    );
    await say(s, 'admin', '/admin role @fran facilitator');
    expect(await say(s, 'fran', '/hours history 1 @alice')).toContain('Alice Moore logged it');
  });

  it('tells a call logged by /meet attended as the bot logging it', async () => {
    const s = await cohort();
    at(s, '2026-03-02T09:00:00-06:00');
    await say(s, 'admin', '/admin role @fran facilitator');
    await say(s, 'fran', '/meet schedule "Peer call" teleconference every 2nd tuesday 10:00 60m');
    at(s, '2026-03-10T12:00:00-05:00');
    await say(s, 'alice', '/meet attended pc');
    const id = (await s.store.hours.list('alice')).find((e) => e.category === 'teleconference')!.id;
    expect(await say(s, 'alice', `/hours history ${id}`)).toMatch(
      /I logged it on Tuesday, March 10 at 12:00 PM, when you said you came to the call: 1 hour of monthly call on Mar 10\./,
    );
  });
});

describe('the reason of each rejection', () => {
  /** A reason as a supervisor types it: words, not entry numbers, "all" or "because" first. */
  const reason = fc
    .array(fc.stringMatching(/^[a-zA-Zé'"?!.,;()]{1,8}$/), { minLength: 1, maxLength: 6 })
    .map((words) => words.join(' '))
    .filter((r) => !/^(all|because|reason)/i.test(r) && !/^[-:,]/.test(r));

  it('stays with its own rejection in the history; a rejection without one shows none, and clears the old one', async () => {
    const s = await cohort();
    let n = 1;
    await fc.assert(
      fc.asyncProperty(reason, fc.option(reason, { nil: undefined }), async (first, second) => {
        n += 1;
        // One minute each, told apart by the note: shrinking runs many times, and a day holds 24 hours.
        await say(s, 'alice', `/hours log 1 min shadowing 3/14 "run ${n}"`);
        const id = String(n);
        await say(s, 'sue', `/hours reject @alice ${id} ${first}`);
        await say(s, 'alice', `/hours edit ${id} "run ${n}, fixed"`);
        await say(s, 'sue', `/hours reject @alice ${id}${second ? ` ${second}` : ''}`);
        const entry = (await s.store.hours.list('alice')).find((e) => e.id === id)!;
        expect(entry.reviewNote).toBe(second);
        const lines = (await say(s, 'sue', `/hours history @alice ${id}`))
          .split('\n')
          .filter((l) => l.includes('did not approve'));
        expect(lines).toEqual([
          `You did not approve it on Monday, March 16 at 9:30 AM. Reason: ${first}`,
          `You did not approve it on Monday, March 16 at 9:30 AM.${second ? ` Reason: ${second}` : ''}`,
        ]);
        await say(s, 'alice', `/hours edit ${id} "run ${n}, fixed again"`);
        await say(s, 'sue', `/hours approve @alice ${id}`);
        expect((await s.store.hours.list('alice')).find((e) => e.id === id)?.reviewNote).toBeUndefined();
        expect(await say(s, 'sue', `/hours history @alice ${id}`)).toContain(`Reason: ${first}`);
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it('keeps the reason of a rejection made before reasons were kept with it, when the entry is reviewed again', async () => {
    const s = await cohort();
    const at = '2026-03-16T09:45:00.000-05:00';
    const { entry } = await s.store.hours.add('alice', {
      date: '2026-03-12',
      minutes: 30,
      category: 'shadowing',
      faceToFace: false,
      status: 'rejected',
      note: '',
      createdAt: at,
      reviewedBy: 'sue',
      reviewedAt: at,
      reviewNote: 'wrong week',
      history: [
        { action: 'logged', by: 'alice', at, n: 5 },
        { action: 'rejected', by: 'sue', at, n: 6 },
      ],
    });
    await say(s, 'sue', `/hours approve @alice ${entry.id}`);
    const history = await say(s, 'alice', `/hours history ${entry.id}`);
    expect(history).toContain('Sue Lee did not approve it on Monday, March 16 at 9:45 AM. Reason: wrong week');
    expect(history).toContain('Sue Lee approved it on Monday, March 16 at 9:30 AM.');
  });
});

describe('reading /hours history', () => {
  it('finds the number and the person in any order, and refuses anything else with a UserError', () => {
    fc.assert(
      fc.property(fc.nat({ max: 999_999 }), fc.boolean(), fc.boolean(), (n, hash, before) => {
        const id = `${hash ? '#' : ''}${n}`;
        const text = before ? `@alice ${id}` : `${id} @alice`;
        expect(readHistoryArgs(text)).toEqual({ mention: '@alice', id: String(n) });
        expect(readHistoryArgs(id)).toEqual({ id: String(n) });
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        try {
          const { id } = readHistoryArgs(text);
          expect(id).toMatch(/^\d+$/);
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
        }
      }),
    );
  });
});
