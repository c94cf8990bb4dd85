import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Services } from '../../src/services.ts';
import { say, send, testServices } from '../helpers.ts';

/** The text of every page, read back by an independent PDF reader (Mozilla's pdf.js). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n').replace(/\s+/g, ' ');
}

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
    // Each approved entry names who approved it, and when.
    expect(text.match(/Sue Park, 2026-03-16/g)).toHaveLength(3);
    expect(text).toContain('Note: front desk');
    expect(text).toContain('Peer Mentor 101 training');
  });

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
