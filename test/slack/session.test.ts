import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices } from '../helpers.ts';
import { slackRig, shown } from './harness.ts';
import type { SlackRig } from './harness.ts';

const ALICE = '<@UALICE|alice>';

describe('a whole session on Slack, as people would read it', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig(await testServices({ PEERBOT_ADMINS: 'UADMIN' }));
    await rig.command('UADMIN', '/peerbot admin role <@USUE|sue> supervisor');
    await rig.command('UADMIN', `/peerbot admin enroll ${ALICE} supervisor:<@USUE|sue>`);
    await rig.command('UALICE', '/hours log 2h shadowing');
  });
  afterAll(async () => rig.stop());

  it('points to /peerbot help, since /help and /admin are not Slack commands of this app', async () => {
    const help = shown(await rig.command('UALICE', '/peerbot help'));
    expect(help).toMatch(/type \/peerbot help and its name\. Example: \/peerbot help hours/);
    expect(help).not.toMatch(/(^|\s)\/help/);
    const unknown = shown(await rig.command('UADMIN', '/peerbot admin enrol'));
    expect(unknown).not.toMatch(/(^|\s)\/admin/);
    const notAdmin = shown(await rig.command('UALICE', '/peerbot admin role <@USUE|sue> mentor'));
    expect(notAdmin).toMatch(/Example: \/peerbot help/);
  });

  it("shows a supervisor an example with the mentor's name, not a raw account id", async () => {
    const list = shown(await rig.command('USUE', `/hours list ${ALICE}`));
    expect(list).toMatch(/Example: \/hours approve @alice 1/);
    expect(list).not.toMatch(/slack:/);
  });

  it('approves with "Approve all" only the entries the supervisor was shown, not hours logged after', async () => {
    const review = await rig.command('USUE', '/hours approve');
    await rig.command('UALICE', '/hours log 8h shadowing yesterday');
    const done = await rig.click('USUE', review, 'Approve all 1 (alice)');
    expect(shown(done)).toMatch(/Approved: 1 entry for alice/);
    const entries = await rig.services.store.hours.list('slack:UALICE');
    expect(entries.map((e) => [e.minutes, e.status]).sort()).toEqual([
      [120, 'approved'],
      [480, 'pending'],
    ]);
  });

  it('names the person, not raw account ids, when an admin links accounts', async () => {
    const linked = shown(await rig.command('UADMIN', `/peerbot link ${ALICE} discord:123456`));
    expect(linked).toMatch(/alice/);
    expect(linked).not.toMatch(/slack:UALICE/);
  });
});
