import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { send, say, testServices } from '../helpers.ts';
import { CSV_HEADER, hoursCsv, neutralise } from '../../src/hours/export.ts';
import type { HourEntry, Person } from '../../src/store/schema.ts';

const alice: Person = {
  id: 'alice',
  role: 'mentor',
  programId: 'wi-peer-mentor',
  milestones: {},
  nudgesMuted: false,
  createdAt: '2026-03-01T10:00:00Z',
};
const csvOf = (entries: HourEntry[]) => hoursCsv([{ person: alice, entries }]);

const entry = (note: string, n = 1): HourEntry => ({
  id: String(n),
  date: '2026-03-01',
  minutes: 60,
  category: 'shadowing',
  faceToFace: false,
  status: 'pending',
  note,
  createdAt: '2026-03-01T10:00:00Z',
});

/** The note cells of an export, read back by an independent RFC 4180 parser. */
function notesOf(csv: string): string[] {
  const rows: string[][] = parse(csv, { relax_quotes: false });
  expect(rows[0]).toEqual([...CSV_HEADER]);
  return rows.slice(1).map((r) => r[5]!);
}

describe('the hours CSV and spreadsheet formulas (OWASP CSV injection)', () => {
  const FORMULAS = ['=1+1', '+SUM(A1:A2)', '-2+3', '@SUM(1)', "=cmd|' /C calc'!A0", '\t=1+1', '\r=1+1'];

  it.each(FORMULAS)('writes the note %j with a leading single quote, quoted', (note) => {
    const csv = csvOf([entry(note)]);
    expect(csv.split('\n')[1]).toBe(
      `2026-03-01,shadowing,60,false,pending,"'${note.replace(/"/g, '""')}",1,alice,"","",""`,
    );
    expect(notesOf(csv)).toEqual([`'${note}`]);
  });

  it('exports formulas logged by a mentor, neutralised, in the order they were logged', async () => {
    const s = await testServices();
    for (const note of ['=1+1', "=cmd|' /C calc'!A0", '@SUM(1)', '-2+3', '+SUM(A1:A2)'])
      expect(await say(s, 'alice', `/hours log 1h shadowing yesterday "${note}"`)).toMatch(/^Saved/);
    const csv = String((await send(s, 'alice', '/hours export')).files![0]!.content);
    expect(notesOf(csv)).toEqual(["'=1+1", "'=cmd|' /C calc'!A0", "'@SUM(1)", "'-2+3", "'+SUM(A1:A2)"]);
    // What was stored is what the mentor typed; only the export is made safe.
    expect((await s.store.hours.list('alice')).map((e) => e.note)[0]).toBe('=1+1');
  });

  it('leaves an ordinary note as it is, and still quotes it', () => {
    expect(
      csvOf([entry('met with Sam'), entry('', 2)])
        .split('\n')
        .slice(1, 3),
    ).toEqual([
      '2026-03-01,shadowing,60,false,pending,"met with Sam",1,alice,"","",""',
      '2026-03-01,shadowing,60,false,pending,"",2,alice,"","",""',
    ]);
    expect(neutralise('met with Sam = good')).toBe('met with Sam = good');
  });

  it('reads back every note exactly (after the quote), whatever it holds', () => {
    const tricky = fc.constantFrom('"', ',', '\n', '\r', '\r\n', '=', '+', '-', '@', '\t', "'", ' ', 'a', 'é', '😀');
    const note = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.array(tricky, { maxLength: 20 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 5 }), (notes) => {
        const csv = csvOf(notes.map((n, i) => entry(n, i + 1)));
        expect(notesOf(csv)).toEqual(notes.map(neutralise));
        for (const cell of notesOf(csv)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        // RFC 4180: every note field is quoted, so the first line of each record ends in a quote or the note runs on.
        for (const line of csv.split('\n').slice(1)) if (line.startsWith('2026-03-01,')) expect(line).toMatch(/,"/);
      }),
      { numRuns: 150 },
    );
  });
});
