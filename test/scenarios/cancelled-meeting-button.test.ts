import { describe, expect, it } from 'vitest';
import { say, testServices } from '../helpers.ts';

describe('an RSVP button on a reminder for a meeting that was cancelled since', () => {
  it('says the meeting was cancelled, and never answers for a new meeting with a similar name', async () => {
    const s = await testServices();
    await say(s, 'admin', '/admin role @fran facilitator');
    expect(await say(s, 'fran', '/meet schedule "Peer Call" teleconference weekly tuesday 10:00')).toMatch(
      /short name is pc\./,
    );
    await say(s, 'fran', '/meet cancel pc');
    expect(await say(s, 'fran', '/meet schedule "Parent Circle" meeting weekly friday 10:00')).not.toMatch(
      /short name is pc\./,
    );
    const pressed = await say(s, 'alice', '/meet rsvp pc yes');
    expect(pressed).toMatch(/Peer Call was cancelled/);
    expect(pressed).not.toMatch(/Parent Circle/);
  });
});
