import { describe, expect, it } from 'vitest';
import { say, testServices } from '../helpers.ts';

describe('turning deadline reminders off', () => {
  it("refuses to mute someone else, and leaves everyone's reminders on", async () => {
    const s = await testServices();
    await say(s, 'admin', '/admin enroll @joe supervisor:@sue');
    const reply = await say(s, 'sue', '/deadlines mute @joe');
    expect(reply).not.toMatch(/I will not send you/);
    expect((await s.store.people.get('sue'))?.nudgesMuted ?? false).toBe(false);
    expect((await s.store.people.get('joe'))?.nudgesMuted).toBe(false);
  });

  it('still mutes my own reminders when I name myself', async () => {
    const s = await testServices();
    await say(s, 'admin', '/admin enroll @joe supervisor:@sue');
    await say(s, 'joe', '/deadlines mute @joe');
    expect((await s.store.people.get('joe'))?.nudgesMuted).toBe(true);
  });
});
