import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../src/services.ts';
import { say, testServices } from '../helpers.ts';

let services: Services | undefined;
afterEach(async () => {
  if (!services) return;
  await services.store.close();
  services = undefined;
});

describe('/cert unmark', () => {
  it('takes back a step marked by mistake, and the history keeps both', async () => {
    const s = (services = await testServices());
    await say(s, 'admin', '/admin enroll @sue name:Sue');
    await say(s, 'admin', '/admin role @sue supervisor');
    await say(s, 'admin', '/admin enroll @alice name:Alice supervisor:@sue');
    expect(await say(s, 'sue', '/cert mark @alice peer-mentor-101 3/4')).toMatch(/Marked as done: Peer Mentor 101/);
    expect(await say(s, 'alice', '/cert')).toMatch(/✅ Peer Mentor 101 training: done/);
    expect(await say(s, 'sue', '/cert unmark @alice peer-mentor-101')).toBe(
      'Taken back: Peer Mentor 101 training for Alice is not done any more.\nIt was marked as done on Wednesday, March 4.',
    );
    expect(await say(s, 'alice', '/cert')).toMatch(/⬜ Peer Mentor 101 training: not done yet/);
    expect(await say(s, 'sue', '/cert unmark @alice peer-mentor-101')).toMatch(/is not marked as done for Alice/);
    expect(await say(s, 'alice', '/cert history')).toBe(
      'Changes to your steps:\n' +
        'Mar 16: Peer Mentor 101 training marked as done (for Mar 4) by Sue\n' +
        'Mar 16: Peer Mentor 101 training taken back by Sue',
    );
  });

  it('is only for the supervisor of that person, or a facilitator', async () => {
    const s = (services = await testServices());
    await say(s, 'admin', '/admin enroll @alice name:Alice');
    await say(s, 'admin', '/admin role @bob supervisor');
    expect(await say(s, 'alice', '/cert unmark @alice peer-mentor-101')).toMatch(/Only a supervisor or facilitator/);
    expect(await say(s, 'bob', '/cert unmark @alice peer-mentor-101')).toMatch(
      /only mark steps for people you supervise/,
    );
  });
});
