import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionsCollection } from '../../src/policy/records.ts';
import { tempDir, testServices } from '../helpers.ts';
import { pdfText } from '../hours/pdf-text.ts';
import { shown, slackRig } from './harness.ts';
import type { SlackRig } from './harness.ts';

const ALICE = '<@UALICE|alice>';

describe('running a cohort on Slack, through signed requests', () => {
  let rig: SlackRig;
  let policies: string;
  beforeAll(async () => {
    // A copy of the shipped policy documents, so a test can add a section and reload.
    policies = path.join(await tempDir(), 'policies');
    await fs.cp(path.resolve(import.meta.dirname, '../../data/policies'), policies, { recursive: true });
    rig = await slackRig(await testServices({ PEERBOT_ADMINS: 'UADMIN', PEERBOT_POLICIES: policies }));
    await rig.command('UADMIN', '/peerbot admin role <@UFRAN|fran> facilitator');
    await rig.command('UADMIN', '/peerbot admin role <@USUE|sue> supervisor');
    await rig.command('UADMIN', `/peerbot admin enroll ${ALICE} supervisor:<@USUE|sue>`);
  });
  afterAll(async () => {
    await rig.stop();
    await rig.services.store.close();
  });

  it('shows a supervisor the history of a mentor’s entry (/hours history @alice 1), privately', async () => {
    await rig.command('UALICE', '/hours log 2h shadowing 3/13');
    await rig.command('UALICE', '/hours edit 1 90 min');
    await rig.command('USUE', `/hours approve ${ALICE} 1`);
    const answer = await rig.command('USUE', `/hours history ${ALICE} 1`, { channelId: 'CPUBLIC' });
    expect(answer.args.response_type).toBe('ephemeral');
    const text = shown(answer);
    expect(text).toMatch(/History of entry #1 of alice/);
    expect(text).toMatch(
      /alice changed it on Monday, March 16 at 10:00 AM: the time from 2 hours to 1 hour 30 minutes\./,
    );
    expect(text).toMatch(/You approved it on Monday, March 16 at 10:00 AM\./);
    expect(shown(await rig.command('UBOB', `/hours history ${ALICE} 1`))).toMatch(/You can only see your own hours/);
  });

  it('sends a supervisor the PDF report of a mentor by direct message, and the file reads back whole', async () => {
    const before = rig.fake.calls.length;
    const answer = await rig.command('USUE', `/hours report ${ALICE}`, { channelId: 'CPUBLIC' });
    expect(shown(answer)).toMatch(/in a direct message/);
    const made = rig.fake.calls.slice(before);
    expect(made.find((c) => c.method === 'files.completeUploadExternal')!.args.channel_id).toBe('DUSUE');
    const text = await pdfText(new Uint8Array(made.find((c) => c.method === 'upload')!.bytes));
    expect(text).toContain('Hours report: alice');
    expect(text).toMatch(/Internship hours: 1 hour 30 minutes of 90 hours/);
    expect(text).toMatch(/Approved by sue on March 16, 2026/);
  });

  it('sends a facilitator’s answer to the person who asked, by direct message (/ask answer)', async () => {
    await rig.command('UALICE', '/ask where do I park my bike at the agency?');
    const [question] = await (await questionsCollection(rig.services.store)).where({ status: 'open' });
    const before = rig.fake.calls.length;
    const done = await rig.command('UFRAN', `/ask answer ${question!.id} Bikes go in the rack by the back door.`);
    expect(shown(done)).toMatch(/I sent it to the person who asked/);
    const dm = await rig.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.channel === 'DUALICE' &&
        /rack by the back door/.test(JSON.stringify(c.args)),
      'a direct message to Alice with the answer',
    );
    expect(JSON.stringify(dm.args)).toMatch(/A facilitator answered your question/);
    expect(
      rig.fake.calls.slice(before).filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'CPUBLIC'),
    ).toEqual([]);
    // Sent by direct message, so it does not also wait for Alice's next reply.
    expect(shown(await rig.command('UALICE', '/hours'))).not.toMatch(/rack by the back door/);
  });

  it('tells the person who asked by direct message when a new policy section answers their question (/ask reload)', async () => {
    const asked = shown(await rig.command('UALICE', '/ask where can I park my car at the agency?'));
    expect(asked).toMatch(/I'm not sure/);
    await fs.writeFile(
      path.join(policies, 'parking.md'),
      '# Parking\n\n## Parking at the agency\nSource: 900_agency.txt, section "Parking"\n\nPeer mentors park their car for free in the agency lot.\n',
    );
    const reloaded = shown(await rig.command('UFRAN', '/ask reload'));
    expect(reloaded).toMatch(/1 saved question now has an answer\. I told the people who asked\./);
    const dm = await rig.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.channel === 'DUALICE' &&
        /park their car for free/.test(JSON.stringify(c.args)),
      'a direct message to Alice with the new answer',
    );
    expect(JSON.stringify(dm.args)).toMatch(/Source: 900_agency\.txt/);
  });
});
