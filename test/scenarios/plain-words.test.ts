import { describe, expect, it } from 'vitest';
import { say, testServices } from '../helpers.ts';

/** The examples under "Why" in issue 15, each as a person would meet it. */
describe('words a peer mentor does not have to decode', () => {
  it('GIVEN an NC mentor with an unknown kind THEN the reply names kinds in words, never pss-policy or the long official label', async () => {
    const s = await testServices();
    await say(s, 'admin', '/admin enroll @nina program:nc');
    const text = await say(s, 'nina', '/hours log 2h juggling');
    expect(text).toContain(
      'You can use: peer support rules, crisis plan, person-centered plan, writing notes, and more.',
    );
    expect(text).not.toMatch(/pss-policy|crisis-plan|pcp-elements|Comprehensive Prevention/);
    const cert = await say(s, 'nina', '/cert');
    expect(cert).toContain('Crisis plan: 0 of 3 hours');
    expect(cert).not.toMatch(/comprehensive prevention and intervention crisis plan training/i);
  });

  it('GIVEN no face-to-face hours THEN /cert says "You have 0 hours of face-to-face mentoring. You need 45." with no percentage', async () => {
    const s = await testServices();
    await say(s, 'mia', '/hours log 3h shadowing');
    const cert = await say(s, 'mia', '/cert');
    expect(cert).toContain('You have 0 hours of face-to-face mentoring. You need 45.');
    expect(cert).toMatch(/Steps done: [▓░]{10} 0 of 8 steps/);
    expect(cert).not.toMatch(/%|goal is/);
  });

  it('GIVEN 45 minutes waiting THEN every view says "45 minutes", never "0.8 hours"', async () => {
    const s = await testServices();
    const saved = await say(s, 'mia', '/hours log 45 min 1on1');
    expect(saved).toContain('Saved: 45 minutes of one-on-one mentoring');
    for (const view of [saved, await say(s, 'mia', '/hours'), await say(s, 'mia', '/cert')]) {
      expect(view).toContain('45 minutes waiting for approval');
      expect(view).not.toMatch(/\d\.\d/);
    }
  });

  it('GIVEN one hour waiting THEN it says "approve 1 hour", not "approve them"', async () => {
    const s = await testServices();
    await say(s, 'mia', '/hours log 1h shadowing');
    const cert = await say(s, 'mia', '/cert');
    expect(cert).toContain('Your supervisor still needs to approve 1 hour. Only approved hours count.');
    expect(cert).not.toContain('approve them');
  });

  it('GIVEN a supervisor looking at a mentor THEN the agency step does not say "your agency"', async () => {
    const s = await testServices();
    await say(s, 'admin', '/admin enroll @mia supervisor:@sue');
    await say(s, 'admin', '/admin role @sue supervisor');
    const view = await say(s, 'sue', '/cert @mia');
    expect(view).toContain('Agency evaluation: not done yet');
    expect(view).not.toMatch(/your agency/i);
  });

  it('GIVEN the official names THEN they are still understood when typed', async () => {
    const s = await testServices();
    expect(await say(s, 'mia', '/hours log 1h mentoring one-on-one')).toContain('of one-on-one mentoring');
    expect(await say(s, 'mia', '/hours log 1h ltc')).toContain('of learning about local services');
  });
});
