import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from './harness.ts';
import type { Bot, Seen } from './harness.ts';
import { buttonClick, chatInput, group, idOf, int, str, sub, user } from './payloads.ts';
import type { RawOption } from './payloads.ts';

/** Every command, filled in the way a Discord user fills typed options, over the real gateway. */
describe('every command as a Discord slash command', () => {
  let bot: Bot;
  const run = (who: string, command: string, options: RawOption[] = []): Promise<Seen> =>
    bot.interact(chatInput(who, command, options));

  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('lets an admin enroll a mentor with a supervisor and set a role (/peerbot admin …)', async () => {
    const enrolled = await run('admin', 'peerbot', [
      group(
        'admin',
        sub('enroll', [
          user('user', 'alice'),
          user('supervisor', 'sue'),
          str('hired', '2026-03-01'),
          str('name', 'Alice Lee'),
        ]),
      ),
    ]);
    expect(enrolled.text).toMatch(/Enrolled Alice Lee/);
    expect(enrolled.text).toMatch(/Supervisor/);
    expect(
      (await run('admin', 'peerbot', [group('admin', sub('role', [user('user', 'fran'), str('role', 'facilitator')]))]))
        .text,
    ).toMatch(/now a facilitator/);
  });

  it('logs hours from typed options and offers an Undo button, privately', async () => {
    const seen = await run('alice', 'hours', [
      sub('log', [
        str('duration', '2h'),
        str('category', 'shadowing'),
        str('date', 'today'),
        str('note', 'met the team'),
      ]),
    ]);
    expect(seen.text).toMatch(/Saved: 2 hours of shadowing/);
    expect(seen.ephemeral).toBe(true);
    expect(seen.buttons.map((b) => b.label)).toEqual(['Undo']);
  });

  it('shows totals, lists entries, edits one and undoes the last (/hours show|list|edit|undo|delete)', async () => {
    expect((await run('alice', 'hours', [sub('show')])).text).toMatch(/Your hours/);
    expect((await run('alice', 'hours', [sub('list', [int('count', 5)])])).text).toMatch(/shadowing/i);
    expect((await run('alice', 'hours', [sub('edit', [str('id', '1'), str('change', '90 min')])])).text).toMatch(
      /1 hour 30 minutes|1\.5 hours/,
    );
    await run('alice', 'hours', [sub('log', [str('duration', '1h'), str('category', 'mentoring-1on1')])]);
    expect((await run('alice', 'hours', [sub('undo')])).text).toMatch(/Deleted|deleted|removed/i);
    await run('alice', 'hours', [sub('log', [str('duration', '1h'), str('category', 'retreat')])]);
    expect((await run('alice', 'hours', [sub('delete', [str('id', '3')])])).text).toMatch(/Deleted|deleted|removed/i);
    expect(await bot.services.store.hours.list(`discord:${idOf('alice')}`)).toHaveLength(1);
  });

  it('shows a supervisor their team, and the Approve button approves as the supervisor who clicks it', async () => {
    expect((await run('sue', 'team')).text).toMatch(/Alice Lee/);
    const approve = await run('sue', 'hours', [sub('approve', [user('user', 'alice')])]);
    const button = approve.buttons.find((b) => /Approve all/.test(b.label));
    expect(button).toBeDefined();
    const clicked = await bot.interact(buttonClick('sue', button!.custom_id, '5001', []));
    expect(clicked.text).toMatch(/Approved: 1 entry/);
    expect((await run('alice', 'cert', [sub('show')])).text).toMatch(/1 hour 30 minutes of 90 hours/);
  });

  it('lets a supervisor reject an entry (/hours reject)', async () => {
    await run('alice', 'hours', [sub('log', [str('duration', '1h'), str('category', 'other')])]);
    const before = bot.fake.requests.length;
    const seen = await run('sue', 'hours', [
      sub('reject', [user('user', 'alice'), str('entries', '4 not a work duty')]),
    ]);
    expect(seen.text).toMatch(/not approved|rejected/i);
    // Alice hears it in a direct message, with the reason.
    const made = bot.fake.requests.slice(before);
    const dm = made.find((r) => r.method === 'POST' && r.path.endsWith('/users/@me/channels'));
    expect(dm?.body.recipient_id).toBe(idOf('alice'));
    expect(JSON.stringify(made.filter((r) => /\/channels\/[^/]+\/messages$/.test(r.path)).map((r) => r.body))).toMatch(
      /did not approve[\s\S]*Reason: not a work duty/,
    );
  });

  it('uploads the PDF hours report as an attachment (/hours report)', async () => {
    const seen = await run('alice', 'hours', [sub('report')]);
    const pdf = Object.entries(seen.files).find(([name]) => name.endsWith('.pdf'));
    expect(pdf?.[0]).toMatch(/^hours-report-Alice-Lee-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pdf?.[1].startsWith('%PDF-')).toBe(true);
    expect(pdf?.[1].trimEnd().endsWith('%%EOF')).toBe(true);
    expect(seen.ephemeral).toBe(true);
  });

  it('uploads the CSV export as an attachment (/hours export)', async () => {
    const seen = await run('alice', 'hours', [sub('export')]);
    const csv = Object.entries(seen.files).find(([name]) => name.endsWith('.csv'));
    expect(csv?.[1].split('\n')[0]).toBe(
      'date,category,minutes,face_to_face,status,note,id,person,reviewed_by,reviewed_at,review_note',
    );
    expect(seen.ephemeral).toBe(true);
  });

  it('marks a milestone and shows it done (/cert mark, /cert show)', async () => {
    expect(
      (
        await run('sue', 'cert', [
          sub('mark', [user('user', 'alice'), str('milestone', 'peer-mentor-101'), str('date', 'yesterday')]),
        ])
      ).text,
    ).toMatch(/Peer Mentor 101/);
    expect((await run('alice', 'cert', [sub('show')])).text).toMatch(/Peer Mentor 101/);
  });

  it('shows deadlines and mutes reminders (/deadlines show|mute|unmute)', async () => {
    const seen = await run('alice', 'deadlines', [sub('show')]);
    expect(seen.ephemeral).toBe(true);
    expect(seen.text).toMatch(/due|late|deadline/i);
    expect((await run('alice', 'deadlines', [sub('mute')])).text).toMatch(/will not send you deadline reminders/);
    expect((await run('alice', 'deadlines', [sub('unmute')])).text).toMatch(/send you deadline reminders again/);
  });

  it('schedules a teleconference, lists it, takes an RSVP and attendance, and sends a calendar file (/meet …)', async () => {
    const scheduled = await run('fran', 'meet', [
      sub('schedule', [
        str('title', 'Peer Call'),
        str('kind', 'teleconference'),
        str('repeats', 'weekly monday'),
        str('time', '09:00'),
        str('duration', '60m'),
      ]),
    ]);
    expect(scheduled.text).toMatch(/Scheduled: Peer Call/);
    const id = /Its short name is (\w+)/.exec(scheduled.text)![1]!;
    expect((await run('alice', 'meet', [sub('list')])).text).toMatch(/Peer Call/);
    expect((await run('alice', 'meet', [sub('rsvp', [str('meeting', id), str('answer', 'yes')])])).text).toMatch(
      /You will come to Peer Call/,
    );
    expect((await run('alice', 'meet', [sub('attended', [str('meeting', id)])])).text).toMatch(/logged 1 hour/);
    const ics = await run('alice', 'meet', [sub('ics', [str('meeting', id)])]);
    const file = Object.entries(ics.files).find(([name]) => name.endsWith('.ics'));
    expect(file?.[1]).toMatch(/BEGIN:VCALENDAR[\s\S]*RRULE/);
    expect((await run('fran', 'meet', [sub('skip', [str('meeting', id), str('date', '2026-03-23')])])).text).toMatch(
      /There is no Peer Call on Monday, March 23/,
    );
    expect((await run('fran', 'meet', [sub('cancel', [str('meeting', id)])])).text).toMatch(/Cancelled: Peer Call/);
  });

  it('answers a policy question with its source, and the "Did this help?" button records the answer (/ask)', async () => {
    const seen = await run('alice', 'ask', [str('question', 'how many internship hours do I need?')]);
    expect(seen.text).toMatch(/90/);
    expect(seen.body.embeds).toEqual([
      expect.objectContaining({ footer: { text: expect.stringMatching(/^Source: /) } }),
    ]);
    const yes = seen.buttons.find((b) => /helped/i.test(b.label))!;
    const clicked = await bot.interact(buttonClick('alice', yes.custom_id, '5002'));
    expect(clicked.text).toMatch(/thank/i);
  });

  it('shows help under /peerbot help', async () => {
    expect((await run('alice', 'peerbot', [sub('help')])).text).toMatch(/\/hours/);
    expect((await run('alice', 'peerbot', [sub('help', [str('command', 'hours')])])).text).toMatch(
      /hours log 2h shadowing/,
    );
  });

  it('links a Slack account to a Discord user (/peerbot link)', async () => {
    const seen = await run('admin', 'peerbot', [sub('link', [user('user', 'alice'), str('account', 'slack:U777')])]);
    expect(seen.text).toMatch(/Alice Lee's Slack and Discord accounts are now one person/);
    expect(await bot.services.store.people.byAccount('slack:U777')).toMatchObject({ name: 'Alice Lee' });
  });
});
