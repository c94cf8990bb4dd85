import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices } from '../helpers.ts';
import { slackRig, shown, buttonsOf, sign as signFor } from './harness.ts';
import type { SlackRig } from './harness.ts';

const ALICE = '<@UALICE|alice>';

describe('every command on Slack, through signed requests', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig(await testServices({ PEERBOT_ADMINS: 'UADMIN' }));
    await rig.command('UADMIN', '/peerbot admin role <@UFRAN|fran> facilitator');
    await rig.command('UADMIN', '/peerbot admin role <@USUE|sue> supervisor');
    await rig.command(
      'UADMIN',
      `/peerbot admin enroll ${ALICE} supervisor:<@USUE|sue> hired:2026-03-01 internship-start:2026-03-02`,
    );
  });
  afterAll(async () => rig.stop());

  it('shows help under /peerbot help', async () => {
    const answer = await rig.command('UALICE', '/peerbot help');
    expect(shown(answer)).toMatch(/\/hours/);
    expect(shown(answer)).toMatch(/\/meet/);
  });

  it('logs hours privately with a progress bar and an Undo button that works', async () => {
    const answer = await rig.command('UALICE', '/hours log 2h shadowing met the team');
    expect(answer.args.response_type).toBe('ephemeral');
    expect(shown(answer)).toMatch(/Saved: 2 hours of shadowing/);
    expect(shown(answer)).toMatch(/`░░░░░░░░░░` 0 of 90 hours/);
    const undone = await rig.click('UALICE', answer, 'Undo');
    expect(shown(undone)).toMatch(/Deleted #\d+/);
    expect(shown(await rig.command('UALICE', '/hours list'))).not.toMatch(/met the team/);
  });

  it('refuses a 25-hour entry, a future date and an unknown category, and stores nothing', async () => {
    expect(shown(await rig.command('UBOB', '/hours log 25h shadowing'))).toMatch(
      /more than 24 hours[\s\S]*Example: \/hours log/,
    );
    expect(shown(await rig.command('UBOB', '/hours log 2h shadowing 2026-03-20'))).toMatch(/in the future/);
    expect(shown(await rig.command('UBOB', '/hours log 2h juggling'))).toMatch(/You can use: shadowing/);
    expect(shown(await rig.command('UBOB', '/hours list'))).toMatch(/not logged any hours/);
  });

  it('logs a command delivered twice (same trigger_id, then a retry header) once', async () => {
    const first = rig.commandBody('UBOB', '/hours log 1h shadowing', { triggerId: 'trig-twice' });
    const again = rig.commandBody('UBOB', '/hours log 1h shadowing', { triggerId: 'trig-twice' });
    expect((await rig.post(first.body, 'application/x-www-form-urlencoded')).status).toBe(200);
    await rig.fake.waitFor((c) => first.responseUrl.endsWith(c.path));
    const retried = await rig.post(again.body, 'application/x-www-form-urlencoded', {
      ...signFor(again.body),
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(retried.status).toBe(200);
    const list = shown(await rig.command('UBOB', '/hours list'));
    expect(list.match(/1 hour ·/g)).toHaveLength(1);
  });

  it('keeps hours and status out of the channel even when asked in a channel', async () => {
    for (const line of ['/hours', '/cert', '/hours list', '/deadlines']) {
      const answer = await rig.command('UALICE', line, { channelId: 'CPUBLIC' });
      expect(answer.args.response_type).toBe('ephemeral');
    }
    expect(rig.fake.called('chat.postMessage').filter((c) => c.args.channel === 'CPUBLIC')).toEqual([]);
  });

  it("never shows a mentor someone else's status", async () => {
    const answer = await rig.command('UBOB', `/cert ${ALICE}`);
    expect(shown(answer)).toMatch(/only see/);
    expect(shown(answer)).not.toMatch(/90 hours/);
  });

  it('shows certification status with progress bars', async () => {
    const answer = await rig.command('UALICE', '/cert');
    expect(shown(answer)).toMatch(/of 90 hours/);
  });

  it('lets a supervisor see the team and approve with a button', async () => {
    await rig.command('UALICE', '/hours log 90 min 1on1');
    expect(shown(await rig.command('USUE', '/team'))).toMatch(/alice/i);
    const review = await rig.command('USUE', `/hours approve ${ALICE}`);
    const approve = buttonsOf(review).find((b) => b.text.text.startsWith('Approve all'));
    expect(approve).toBeDefined();
    const done = await rig.click('USUE', review, approve!.text.text);
    expect(shown(done)).toMatch(/Approved: 1 entry/);
  });

  it('lists deadlines', async () => {
    expect(shown(await rig.command('UALICE', '/deadlines'))).toMatch(/Your deadlines/);
  });

  it('exports hours as a CSV file sent by direct message, never into the channel', async () => {
    const before = rig.fake.calls.length;
    const answer = await rig.command('UALICE', '/hours export', { channelId: 'CPUBLIC' });
    expect(shown(answer)).toMatch(/in a direct message/);
    const made = rig.fake.calls.slice(before);
    expect(made.find((c) => c.method === 'upload')!.raw).toContain('date,category,minutes,face_to_face,status,note');
    expect(made.find((c) => c.method === 'files.completeUploadExternal')!.args.channel_id).toBe('DUALICE');
  });

  it('sends the PDF hours report by direct message, never into the channel', async () => {
    const before = rig.fake.calls.length;
    const answer = await rig.command('UALICE', '/hours report', { channelId: 'CPUBLIC' });
    expect(shown(answer)).toMatch(/in a direct message/);
    const made = rig.fake.calls.slice(before);
    const upload = made.find((c) => c.method === 'upload')!;
    expect(upload.raw).toContain('%PDF-');
    expect(upload.raw).toContain('%%EOF');
    const done = made.find((c) => c.method === 'files.completeUploadExternal')!;
    expect(done.args.channel_id).toBe('DUALICE');
    expect(String(done.args.files)).toMatch(/hours-report-alice-\d{4}-\d{2}-\d{2}\.pdf/);
  });

  it('schedules a meeting, lists it, takes an RSVP and sends a calendar file from a button', async () => {
    const scheduled = await rig.command(
      'UFRAN',
      '/meet schedule "Peer Call" teleconference every 3rd tuesday 10:00 60m https://zoom.example/j/1',
    );
    expect(shown(scheduled)).toMatch(/Scheduled: Peer Call/);
    expect(shown(await rig.command('UALICE', '/meet'))).toMatch(/Peer Call/);
    expect(shown(await rig.command('UALICE', '/meet rsvp pc yes'))).toMatch(/You will come to Peer Call/);
    const before = rig.fake.calls.length;
    const file = await rig.click('UALICE', scheduled, 'Add to my calendar');
    expect(shown(file)).toMatch(/in a direct message/);
    expect(rig.fake.calls.slice(before).find((c) => c.method === 'upload')!.raw).toContain('RRULE:FREQ=MONTHLY');
  });

  it('answers a policy question with its source, and passes an unanswered one on from a button', async () => {
    const answer = await rig.command('UALICE', '/ask how many hours do I need for the internship?');
    expect(shown(answer)).toMatch(/90 hours/);
    expect(shown(answer)).toMatch(/Source:/);
    const unknown = await rig.command('UALICE', '/ask what color is the sky on mars');
    expect(shown(unknown)).toMatch(/not sure/);
    const passed = await rig.click('UALICE', unknown, 'Yes, ask a facilitator');
    expect(passed.args.response_type).toBe('ephemeral');
    expect(shown(passed)).not.toMatch(/Sorry, something went wrong/);
    expect(shown(passed)).toMatch(/asked a facilitator to answer you/);
  });
});
