import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nullRecord, ownValue, wordTable } from '../../src/lookup.ts';
import { splitSubcommand } from '../../src/subcommand.ts';

const BUILT_IN = Object.getOwnPropertyNames(Object.prototype);

describe('the lookup helpers', () => {
  it('finds no built-in word in a word table', () => {
    const table = wordTable({ log: 'log', add: 'log' });
    for (const word of BUILT_IN) expect(table.get(word)).toBeUndefined();
    expect(table.get('add')).toBe('log');
  });

  it('reads only what a record holds itself', () => {
    const record: Record<string, string> = { alice: '2026-03-01' };
    for (const word of BUILT_IN) expect(ownValue(record, word)).toBeUndefined();
    expect(ownValue(record, 'alice')).toBe('2026-03-01');
    expect(ownValue(undefined, 'alice')).toBeUndefined();
  });

  it('keeps "__proto__" as an ordinary key in a null record', () => {
    const record = nullRecord<string>();
    record['__proto__'] = 'x';
    expect(Object.keys(record)).toEqual(['__proto__']);
    expect(JSON.parse(JSON.stringify(record))).toEqual(JSON.parse('{"__proto__":"x"}'));
  });

  it('never turns a built-in word into a subcommand', () => {
    for (const word of BUILT_IN) {
      expect(splitSubcommand(`${word} 2h`, { log: 'log', show: 'show' })).toBeUndefined();
      expect(splitSubcommand(`${word} 2h`, wordTable({ log: 'log' }))).toBeUndefined();
    }
  });

  it('gives back only subcommands from the table, for any text', () => {
    const table = wordTable({ log: 'log', list: 'list', edit: 'edit', export: 'export' });
    const targets = new Set(table.values());
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom(...BUILT_IN).map((w) => `${w} x`),
        ),
        (text) => {
          const split = splitSubcommand(text, table);
          if (split) expect(targets.has(split[0])).toBe(true);
        },
      ),
    );
  });
});
