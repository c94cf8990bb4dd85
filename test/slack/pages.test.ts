import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, testServices } from '../helpers.ts';
import { buttonsOf, slackRig, shown } from './harness.ts';
import type { SlackRig } from './harness.ts';
import type { Call } from './fakeSlack.ts';

const MENTORS = 50;

describe('long answers on Slack', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    const services = await testServices({ PEERBOT_ADMINS: 'UADMIN' });
    const as = { platform: 'slack' as const };
    await send(services, 'UADMIN', '/admin role @slack:USUE supervisor', { ...as, userId: 'UADMIN' });
    for (let i = 1; i <= MENTORS; i++) {
      await send(services, 'UADMIN', `/admin enroll @slack:UM${i} supervisor:@slack:USUE name:"Mentor ${i}"`, as);
      await send(services, `UM${i}`, '/hours log 1h shadowing', as);
    }
    rig = await slackRig(services);
  }, 60_000);
  afterAll(async () => rig.stop());

  it('shows every mentor waiting for approval, page by page, with "Show more" and the buttons', async () => {
    let page: Call = await rig.command('USUE', '/hours approve');
    const seen: string[] = [page.error ?? shown(page)];
    for (let pages = 1; buttonsOf(page).some((b) => b.text.text === 'Show more'); pages++) {
      expect(pages).toBeLessThan(10);
      page = await rig.click('USUE', page, 'Show more');
      seen.push(page.error ?? shown(page));
    }
    expect(seen.length).toBeGreaterThan(1);
    const all = seen.join('\n');
    for (let i = 1; i <= MENTORS; i++) expect(all).toContain(`Mentor ${i}:`);
    expect(all).not.toContain('invalid_blocks');
    expect(all).toContain('Page 1 of');
  });

  it('approves 600 waiting entries from one "Approve all" button, which carries a short token', async () => {
    const mentor = 'slack:UM1';
    const today = DateTime.fromISO('2026-03-16');
    for (let i = 0; i < 600; i++) {
      await rig.services.store.hours.add(mentor, {
        date: today.minus({ days: 1 + (i % 300) }).toISODate()!,
        minutes: 15,
        category: 'shadowing',
        faceToFace: true,
        status: 'pending',
        note: '',
        createdAt: '2026-03-16T10:00:00.000-05:00',
      });
    }
    let page: Call = await rig.command('USUE', '/hours approve @slack:UM1');
    while (!buttonsOf(page).some((b) => b.text.text.startsWith('Approve all'))) {
      expect(page.error).toBeUndefined();
      page = await rig.click('USUE', page, 'Show more');
    }
    const approveAll = buttonsOf(page).find((b) => b.text.text.startsWith('Approve all'))!;
    expect(approveAll.value!.length).toBeLessThan(200);
    rig.fake.waitMs = 50_000; // 601 approvals are 601 writes to the lowdb files
    const done = await rig.click('USUE', page, approveAll.text.text);
    expect(shown(done)).toMatch(/Approved: 601 entries for Mentor 1/);
  }, 60_000);
});
