import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/bot.ts';
import { plainText } from '../../src/message.ts';
import type { Button, Reply } from '../../src/message.ts';
import type { Services } from '../../src/services.ts';
import { questionsCollection } from '../../src/policy/records.ts';
import { lineToInvocation } from '../../adapters/shared/typed-line.ts';
import { say, testServices } from '../helpers.ts';

/** A line typed in the console, routed the way the console routes it (no command: /ask). */
async function typed(s: Services, user: string, line: string, platform: 'console' | 'slack' = 'console') {
  const { command, text } = lineToInvocation(line, s);
  return dispatch(s, { platform, userId: user, command, text });
}

function buttons(r: Reply): Button[] {
  return r.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : []));
}

async function press(s: Services, user: string, b: Button): Promise<string> {
  return plainText(await dispatch(s, { platform: 'slack', userId: user, command: b.command, text: b.args }));
}

async function savedQuestions(s: Services): Promise<number> {
  return (await (await questionsCollection(s.store)).all()).length;
}

describe('hours typed without the command', () => {
  it('GIVEN /help THEN it says hours can be written in plain words (in a DM on Slack)', async () => {
    const s = await testServices();
    expect(await say(s, 'mia', '/help')).toContain('You can also just write what you did.');
    const slack = plainText(await dispatch(s, { platform: 'slack', userId: 'U1', command: 'help', text: '' }));
    expect(slack).toContain('In a direct message to me, you can also just write what you did.');
  });

  it('GIVEN "i did 2 hrs shadowing yesterday" THEN asks "Log 2 hours of shadowing for yesterday?" and saves no question', async () => {
    const s = await testServices();
    const r = await typed(s, 'mia', 'i did 2 hrs shadowing yesterday', 'slack');
    expect(plainText(r, { hints: false })).toMatch(/^Log 2 hours of shadowing for yesterday, Sunday, March 15\?/);
    expect(buttons(r).map((b) => b.label)).toEqual(['Yes, log it', 'No']);
    expect(await savedQuestions(s)).toBe(0);
    for (const person of await s.store.people.all()) expect(await s.store.hours.list(person.id)).toEqual([]);
  });

  it('GIVEN the Yes button THEN the real /hours log saves the entry for the day that was meant', async () => {
    const s = await testServices();
    const yes = buttons(await typed(s, 'mia', 'i did 2 hrs shadowing yesterday', 'slack'))[0]!;
    expect(await press(s, 'mia', yes)).toMatch(/^Saved: 2 hours of shadowing on Sunday, March 15\./);
    const mia = (await s.store.people.all()).find((p) => p.id.endsWith(':mia'))!;
    const entries = await s.store.hours.list(mia.id);
    expect(entries.map((e) => [e.minutes, e.category, e.date])).toEqual([[120, 'shadowing', '2026-03-15']]);
  });

  it('GIVEN the No button THEN nothing is saved and the reply says so', async () => {
    const s = await testServices();
    const no = buttons(await typed(s, 'mia', 'log 1h 1on1', 'slack'))[1]!;
    expect(await press(s, 'mia', no)).toContain('I did not save anything.');
    for (const person of await s.store.people.all()) expect(await s.store.hours.list(person.id)).toEqual([]);
    expect(await savedQuestions(s)).toBe(0);
  });

  it('GIVEN "log 1h 1on1" in the console THEN offers one-on-one mentoring for today, with the command to type', async () => {
    const s = await testServices();
    const text = plainText(await typed(s, 'mia', 'log 1h 1on1'));
    expect(text).toMatch(/^Log 1 hour of one-on-one mentoring for today\?/);
    expect(text).toContain('type /hours log 1h mentoring-1on1 2026-03-16');
    expect(await savedQuestions(s)).toBe(0);
  });

  it('GIVEN hours with a kind that could be two THEN asks which, in words, and saves no question', async () => {
    const s = await testServices();
    const text = plainText(await typed(s, 'mia', 'i did 2 hrs of mentoring'));
    expect(text).toContain('Did you mean one-on-one mentoring or group mentoring?');
    expect(await savedQuestions(s)).toBe(0);
  });

  it('GIVEN a question that has hours in it THEN it is still a question', async () => {
    const s = await testServices();
    const text = plainText(await typed(s, 'mia', 'do 2 hours of shadowing count?'));
    expect(text).not.toMatch(/^Log /);
  });
});

describe('near-miss command names', () => {
  it('GIVEN "/hour log" THEN runs /hours log with a one-line note', async () => {
    const s = await testServices();
    const text = await say(s, 'mia', '/hour log 1h shadowing');
    expect(text.split('\n')[0]).toBe('I read /hour as /hours.');
    expect(text).toContain('Saved: 1 hour of shadowing');
  });

  it('GIVEN "/hrs" THEN shows my hours with the note', async () => {
    const s = await testServices();
    const text = await say(s, 'mia', '/hrs');
    expect(text.split('\n')[0]).toBe('I read /hrs as /hours.');
    expect(text).toContain('Your hours');
  });

  it('GIVEN a name close to no command THEN runs nothing', async () => {
    const s = await testServices();
    expect(await say(s, 'mia', '/juggle')).toContain("I don't know the command /juggle.");
  });
});

describe('key:value options where a plain word works', () => {
  it('GIVEN "/hours edit 1 date:3/9" THEN changes the date', async () => {
    const s = await testServices();
    await say(s, 'mia', '/hours log 1h shadowing');
    expect(await say(s, 'mia', '/hours edit 1 date:3/9')).toContain('on Monday, March 9');
  });

  it('GIVEN "/hours log time:90min category:shadowing date:yesterday" THEN logs it', async () => {
    const s = await testServices();
    expect(await say(s, 'mia', '/hours log time:90min category:shadowing date:yesterday')).toContain(
      'Saved: 1 hour 30 minutes of shadowing on Sunday, March 15.',
    );
  });

  it('GIVEN "program:nc" THEN enrolls in the NC program', async () => {
    const s = await testServices();
    expect(await say(s, 'admin', '/admin enroll @bob program:nc')).toContain(
      'Enrolled bob in North Carolina Peer Support Services staff.',
    );
    expect(await say(s, 'admin', '/admin enroll @ann program:wisconsin')).toContain('Wisconsin Peer Mentor');
  });
});

describe('meetings written the way people say them', () => {
  async function withFacilitator() {
    const s = await testServices();
    await say(s, 'admin', '/admin role @fran facilitator');
    return s;
  }

  it('GIVEN "/meet schedule monthly call 3rd wed at 1pm" THEN reads a monthly call without "every"', async () => {
    const s = await withFacilitator();
    const text = await say(s, 'fran', '/meet schedule monthly call 3rd wed at 1pm');
    expect(text).toContain('Scheduled: monthly call');
    expect(text).toContain('every third Wednesday of the month at 1:00 PM');
  });

  it('GIVEN "/meet rsvp peer mentor call yes" THEN answers for the meeting with that title', async () => {
    const s = await withFacilitator();
    await say(s, 'fran', '/meet schedule "Peer mentor call" teleconference every 2nd tuesday 10:00');
    const text = await say(s, 'mia', '/meet rsvp peer mentor call yes');
    expect(text).toContain('Thanks! You will come to Peer mentor call.');
  });

  it('GIVEN the answer before the title, in any case THEN the same RSVP is stored (property)', async () => {
    const s = await withFacilitator();
    await say(s, 'fran', '/meet schedule "Peer mentor call" teleconference every 2nd tuesday 10:00');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('yes', 'no', 'Yes', 'NO', 'y', 'n'),
        fc.constantFrom('peer mentor call', 'Peer Mentor Call', 'pmc'),
        fc.boolean(),
        async (answer, title, answerFirst) => {
          const line = answerFirst ? `/meet rsvp ${answer} ${title}` : `/meet rsvp ${title} ${answer}`;
          const text = await say(s, 'mia', line);
          const yes = /^y/i.test(answer);
          expect(text).toContain(yes ? 'You will come to Peer mentor call.' : 'Peer mentor call');
          expect(text).not.toMatch(/can't find|yes or no/i);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('GIVEN an rsvp with no yes or no THEN still asks for one', async () => {
    const s = await withFacilitator();
    await say(s, 'fran', '/meet schedule "Peer mentor call" teleconference every 2nd tuesday 10:00');
    expect(await say(s, 'mia', '/meet rsvp peer mentor call')).toContain('Please answer yes or no.');
  });
});
