import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { neutralise } from '../../src/hours/export.ts';
import type { Services } from '../../src/services.ts';
import { say, send, testServices } from '../helpers.ts';
import { pdfText } from './pdf-text.ts';

let services: Services | undefined;
afterEach(async () => {
  if (!services) return;
  await services.store.close();
  services = undefined;
});

async function cohort(): Promise<Services> {
  services = await testServices();
  await say(services, 'admin', '/admin enroll @sue name:"Sue Park"');
  await say(services, 'admin', '/admin role @sue supervisor');
  await say(services, 'admin', '/admin enroll @alice name:"Alice Moore" supervisor:@sue hired:2026-01-05');
  await say(services, 'alice', '/hours log 2h shadowing 3/2 "front desk"');
  await say(services, 'alice', '/hours log 90 min 1on1 3/3');
  await say(services, 'alice', '/hours log 1h group 3/4');
  await say(services, 'sue', '/hours approve @alice 1 2');
  await say(services, 'sue', '/hours reject @alice 3');
  return services;
}

/** The rows of a CSV export, by column name, read back by an independent parser. */
async function csvRows(s: Services, user: string, line: string): Promise<Array<Record<string, string>>> {
  return parse(String((await send(s, user, line)).files![0]!.content), { columns: true });
}

describe('/hours report', () => {
  it('gives a supervisor a PDF of a mentor’s hours with totals, approver and approval date', async () => {
    const s = await cohort();
    const reply = await send(s, 'sue', '/hours report @alice');
    const file = reply.files?.[0];
    expect(file?.contentType).toBe('application/pdf');
    expect(file?.filename).toMatch(/^hours-report-Alice-Moore-2026-03-16\.pdf$/);
    const text = await pdfText(file!.content as Uint8Array);
    expect(text).toContain('Hours report: Alice Moore');
    expect(text).toContain('Program: Wisconsin Peer Mentor');
    expect(text).toContain('Supervisor: Sue Park');
    expect(text).toContain('Made on March 16, 2026');
    expect(text).toMatch(/Approved: 3 hours 30 minutes/);
    expect(text).toMatch(/Not approved: 1 hour\b/);
    expect(text).toMatch(/Internship hours: 3 hours 30 minutes of 90 hours/);
    expect(text).toContain('Entries (3)');
    // Each approved entry names who approved it, and when; the one not approved says so.
    expect(text.match(/Approved by Sue Park on March 16, 2026/g)).toHaveLength(2);
    expect(text).toContain('3 2026-03-04 Mentoring in a group 1 hour Not approved by Sue Park on March 16, 2026');
    expect(text).toContain('Note: front desk');
    expect(text).toContain('Peer Mentor 101 training');
  });

  it('says continuing education starts after certification, as /cert does, and does not mark it done before', async () => {
    const s = await cohort();
    const cert = await say(s, 'alice', '/cert');
    expect(cert).toContain('⬜ Continuing education this year: starts after certification');
    const before = await pdfText((await send(s, 'alice', '/hours report')).files![0]!.content as Uint8Array);
    expect(before).toContain('[ ] Continuing education this year: starts after certification');
    expect(before).not.toMatch(/\[done\]\s+Continuing education/);
    // Once certified (the exit interview done), the year counts, in both.
    await say(s, 'sue', '/cert mark @alice exit-interview 3/10');
    expect(await say(s, 'alice', '/cert')).toMatch(/⬜ Continuing education this year: ░+ 0 of 6 hours/);
    const after = await pdfText((await send(s, 'alice', '/hours report')).files![0]!.content as Uint8Array);
    expect(after).toContain('[ ] Continuing education this year: 0 of 6 hours');
  });

  it('says how each entry stands: approved by whom and when, not approved with the reason, or waiting, as the CSV does', async () => {
    const s = await cohort();
    await say(s, 'alice', '/hours log 30 min shadowing 3/5');
    await say(s, 'sue', '/hours reject @alice 4 wrong week');
    await say(s, 'alice', '/hours log 45 min shadowing 3/6');
    await say(s, 'sue', '/hours reject @alice 5 it was not shadowing');
    // Fixed, so it goes back to Sue: it waits, whoever did not approve it before.
    await say(s, 'alice', '/hours edit 5 3/7');
    const text = await pdfText((await send(s, 'sue', '/hours report @alice')).files![0]!.content as Uint8Array);
    expect(text).toContain('# Date Activity Time Approval');
    expect(text).toContain(
      '4 2026-03-05 Shadowing staff and certified peer mentors 30 minutes Not approved by Sue Park on March 16, 2026. Reason: wrong week',
    );
    expect(text).toContain('5 2026-03-07 Shadowing staff and certified peer mentors 45 minutes Waiting for approval');
    expect(text).not.toContain('it was not shadowing');
    const csv = await csvRows(s, 'sue', '/hours export @alice');
    expect(csv.map((r) => [r.id, r.status, r.reviewed_by, String(r.reviewed_at).slice(0, 10), r.review_note])).toEqual([
      ['1', 'approved', 'Sue Park', '2026-03-16', ''],
      ['2', 'approved', 'Sue Park', '2026-03-16', ''],
      ['3', 'rejected', 'Sue Park', '2026-03-16', ''],
      ['4', 'rejected', 'Sue Park', '2026-03-16', 'wrong week'],
      ['5', 'pending', '', '', ''],
    ]);
  });

  it('shows any reason a supervisor types the same in the PDF and the CSV', async () => {
    const s = await cohort();
    const reason = fc
      .array(fc.stringMatching(/^[a-zA-Zé'"?!.,;()=+@]{1,8}$/), { minLength: 1, maxLength: 8 })
      .map((words) => words.join(' '))
      .filter((r) => !/^(all|because|reason)/i.test(r) && !/^[-:,@]/.test(r));
    let n = 3;
    await fc.assert(
      fc.asyncProperty(reason, async (why) => {
        n += 1;
        await say(s, 'alice', `/hours log 1 min shadowing 3/9 "run ${n}"`);
        await say(s, 'sue', `/hours reject @alice ${n} ${why}`);
        const text = await pdfText((await send(s, 'sue', '/hours report @alice')).files![0]!.content as Uint8Array);
        expect(text).toContain(`1 minute Not approved by Sue Park on March 16, 2026. Reason: ${why} Note: run ${n}`);
        const row = (await csvRows(s, 'sue', '/hours export @alice')).find((r) => r.id === String(n))!;
        expect(row).toMatchObject({ status: 'rejected', reviewed_by: 'Sue Park', review_note: neutralise(why) });
      }),
      { numRuns: 10 },
    );
  }, 60_000);

  it('gives a mentor their own report, and refuses another mentor’s the same way whether or not they exist', async () => {
    const s = await cohort();
    await say(s, 'admin', '/admin enroll @bob name:"Bob Ray"');
    const own = await send(s, 'alice', '/hours report');
    expect(await pdfText(own.files![0]!.content as Uint8Array)).toContain('Hours report: Alice Moore');
    const other = await say(s, 'bob', '/hours report @alice');
    const nobody = await say(s, 'bob', '/hours report @nobody');
    expect(other).toMatch(/You can only see your own hours\./);
    expect(nobody).toBe(other);
  });

  it('is saved as a file in the console, and the reply gives its path', async () => {
    const s = await cohort();
    const { createConsoleAdapter } = await import('../../adapters/console/index.ts');
    const { PassThrough } = await import('node:stream');
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c: Buffer) => (printed += c.toString()));
    const run = createConsoleAdapter(s, { as: 'alice', input, output, interactive: false }).run();
    input.end('/hours report\n');
    await run;
    const where = /I saved the file here: (\S+\.pdf)/.exec(printed)?.[1];
    expect(where).toBeDefined();
    expect(path.dirname(where!)).toBe(path.join(path.dirname(s.config.dbPath), 'files'));
    expect(await pdfText(new Uint8Array(await fs.readFile(where!)))).toContain('Hours report: Alice Moore');
  });
});
