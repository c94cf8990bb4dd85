import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../src/services.ts';
import { say, send, testServices } from '../helpers.ts';
import { shown, slackRig } from '../slack/harness.ts';
import type { SlackRig } from '../slack/harness.ts';

const opened: Services[] = [];
const rigs: SlackRig[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) await r.stop();
  for (const s of opened.splice(0)) {
    await s.store.close().catch(() => undefined);
  }
});

async function cohort(): Promise<Services> {
  const s = await testServices();
  opened.push(s);
  await say(s, 'admin', '/admin enroll @sue name:"Sue Park"');
  await say(s, 'admin', '/admin role @sue supervisor');
  await say(s, 'admin', '/admin enroll @alice name:"Alice Moore" supervisor:@sue');
  await say(s, 'alice', '/hours log 2h shadowing 3/2');
  await say(s, 'alice', '/hours log 1h shadowing 3/3');
  return s;
}

describe('rejecting with a reason', () => {
  it('stores the reason, keeps the entry number right, and tells the mentor at their next message', async () => {
    const s = await cohort();
    const done = await say(s, 'sue', '/hours reject @alice 2 wrong date, it was the 9th');
    expect(done).toMatch(/Marked as not approved: 1 entry for Alice Moore/);
    expect(done).toMatch(/I told Alice Moore, with your reason/);
    const entry = (await s.store.hours.list('alice')).find((e) => e.id === '2');
    expect(entry).toMatchObject({ status: 'rejected', reviewNote: 'wrong date, it was the 9th', reviewedBy: 'sue' });
    expect(entry?.reviewedAt).toMatch(/^2026-03-16T10:00/);
    const next = await say(s, 'alice', '/hours');
    expect(next).toMatch(/Sue Park did not approve this entry:\n#2 · Mar 3 · 1 hour/);
    expect(next).toMatch(/Reason: wrong date, it was the 9th/);
    expect(next).toMatch(/To fix it, type \/hours edit 2 and the right date, time or activity\./);
    // Told once.
    expect(await say(s, 'alice', '/hours')).not.toMatch(/did not approve/);
  });

  it('takes several numbers before the reason, and refuses a number that is not there', async () => {
    const s = await cohort();
    expect(await say(s, 'sue', '/hours reject @alice 1, 2 because both are from the wrong week')).toMatch(
      /Marked as not approved: 2 entries/,
    );
    expect((await s.store.hours.list('alice')).map((e) => e.reviewNote)).toEqual([
      'both are from the wrong week',
      'both are from the wrong week',
    ]);
    expect(await say(s, 'sue', '/hours reject @alice 7 nope')).toMatch(/Alice Moore has no entry #7/);
  });

  it('reads a range of entry numbers, and the Approve all button names exactly the entries shown as ranges', async () => {
    const s = await cohort();
    await say(s, 'alice', '/hours log 1h shadowing 3/4');
    await say(s, 'alice', '/hours log 1h shadowing 3/5');
    await say(s, 'sue', '/hours approve @alice 2');
    const list = await send(s, 'sue', '/hours approve @alice');
    const button = list.blocks
      .flatMap((b) => (b.kind === 'actions' ? b.buttons : []))
      .find((b) => /Approve all/.test(b.label));
    expect(button?.args).toBe('approve @alice 1 3-4');
    expect(await say(s, 'sue', `/hours ${button!.args}`)).toMatch(/Approved: 3 entries for Alice Moore/);
    expect(await say(s, 'sue', '/hours approve @alice 9-2')).toMatch(/I can't read the entries "9-2"/);
  });

  it('says that nothing was approved when "approve all" names nobody', async () => {
    const s = await cohort();
    const answer = await say(s, 'sue', '/hours approve all');
    expect(answer).toMatch(/^Nothing is approved yet\. Whose hours\? Name the person\./);
    expect(answer).toMatch(/Alice Moore: 3 hours waiting/);
    expect((await s.store.hours.list('alice')).every((e) => e.status === 'pending')).toBe(true);
  });

  it('sends the rejected mentor a direct message on Slack', async () => {
    const services = await testServices({ PEERBOT_ADMINS: 'UADMIN' });
    opened.push(services);
    const rig = await slackRig(services);
    rigs.push(rig);
    await rig.command('UADMIN', '/peerbot admin role <@USUE|sue> supervisor');
    await rig.command('UADMIN', '/peerbot admin enroll <@UALICE|alice> supervisor:<@USUE|sue>');
    await rig.command('UALICE', '/hours log 2h shadowing 3/2');
    const answer = await rig.command('USUE', '/hours reject <@UALICE|alice> 1 that was a holiday');
    expect(shown(answer)).toMatch(/Marked as not approved: 1 entry/);
    const dm = await rig.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === 'DUALICE',
      'a direct message to Alice',
    );
    expect(JSON.stringify(dm.args)).toMatch(/Reason: that was a holiday/);
    expect(rig.fake.called('conversations.open').map((c) => c.args.users)).toContain('UALICE');
  });
});
