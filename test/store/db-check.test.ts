import { afterAll, describe, expect, it } from 'vitest';
import { checkRows } from '../../src/store/postgres/check.ts';
import type { NewHourEntry } from '../../src/store/schema.ts';
import { pgliteKind, serverKind } from './stores.ts';

const entry: NewHourEntry = {
  date: '2026-01-02',
  minutes: 60,
  category: 'shadowing',
  faceToFace: false,
  status: 'pending',
  note: '',
};

const url = process.env.PEERBOT_TEST_DATABASE_URL;
for (const kind of [pgliteKind(), ...(url ? [serverKind(url)] : [])]) {
  describe(`npm run db:check on ${kind.name}`, () => {
    afterAll(() => kind.end());

    it('finds every row that is not valid, naming table, row and field; the database refuses a bad status', async () => {
      const store = await kind.fresh();
      const { sql } = await kind.database!();
      await store.people.put({
        id: 'ana',
        role: 'mentor',
        programId: 'wi-peer-mentor',
        milestones: {},
        nudgesMuted: false,
        createdAt: 'now',
      });
      for (let i = 0; i < 7; i++)
        await store.hours.add('ana', { ...entry, date: `2026-01-0${i + 1}`, createdAt: '2026-01-10T12:00:00.000Z' });
      // Paging 3 rows a query reads all of them.
      expect(await checkRows(sql, 3)).toEqual({ rows: 8, problems: [] });
      // Written past the store (by hand, by an old tool): the data says 30 hours in one entry.
      await sql.query(`UPDATE hour_entries SET data = data || '{"minutes": 1800}' WHERE person_id = 'ana' AND id = 5`);
      await sql.query(`UPDATE hour_entries SET data = data || '{"minutes": 120}' WHERE person_id = 'ana' AND id = 6`);
      const { problems } = await checkRows(sql, 3);
      expect(problems).toEqual([
        { table: 'hour_entries', key: 'ana 5', problem: expect.stringMatching(/^field "minutes" /) },
        {
          table: 'hour_entries',
          key: 'ana 6',
          problem: 'its columns (id, date, minutes, status) and its data disagree',
        },
      ]);
      await expect(sql.query(`UPDATE hour_entries SET status = 'lost' WHERE person_id = 'ana'`)).rejects.toThrow(
        /hour_entries_status/,
      );
    });
  });
}
