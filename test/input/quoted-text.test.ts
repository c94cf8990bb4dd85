import { describe, expect, it } from 'vitest';
import { say, testServices } from '../helpers.ts';

describe('text in quotes', () => {
  it.each(['/hours log 2h "x" "y"', '/hours log 2h """"""', '/hours log 2h “hi” there'])(
    'is quoted back as typed when %s has no category, never as a placeholder',
    async (line) => {
      const s = await testServices();
      const reply = await say(s, 'alice', line);
      expect(reply).toMatch(/^I don't know the kind of hours/);
      expect(reply).not.toContain('\u0000');
      expect(await s.store.hours.list('alice')).toEqual([]);
    },
  );
});
