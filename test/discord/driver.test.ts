import { describe, expect, it } from 'vitest';
import { testServices } from '../helpers.ts';
import { typedCommand } from './driver.ts';
import { idOf } from './payloads.ts';

/** The contract driver must type console lines the way a Discord user fills the options, or the contract proves nothing. */
describe('typing a console line as Discord options (contract driver)', () => {
  it('fills duration, category, date and note of /hours log', async () => {
    const s = await testServices();
    expect(typedCommand(s, '/hours log 90 min 1on1 yesterday met with Sam')).toEqual({
      command: 'hours',
      options: [
        {
          name: 'log',
          type: 1,
          options: [
            { name: 'duration', type: 3, value: '90 min' },
            { name: 'category', type: 3, value: '1on1' },
            { name: 'date', type: 3, value: 'yesterday' },
            { name: 'note', type: 3, value: 'met with Sam' },
          ],
        },
      ],
    });
  });

  it('fills a meeting series: quoted title, kind by choice, time, duration and link by shape, the rest as the repeat', async () => {
    const s = await testServices();
    const { options } = typedCommand(
      s,
      '/meet schedule "Learning Collaborative" meeting every 2nd tuesday 10:00 90m https://meet.example/lc',
    );
    expect(options[0]!.options).toEqual([
      { name: 'title', type: 3, value: 'Learning Collaborative' },
      { name: 'kind', type: 3, value: 'meeting' },
      { name: 'repeats', type: 3, value: 'every 2nd tuesday' },
      { name: 'time', type: 3, value: '10:00' },
      { name: 'duration', type: 3, value: '90m' },
      { name: 'link', type: 3, value: 'https://meet.example/lc' },
    ]);
  });

  it('routes /admin under /peerbot with people as user options and prefixes', async () => {
    const s = await testServices();
    const { command, options } = typedCommand(s, '/admin enroll @alice supervisor:@sue hired:2026-03-01');
    expect(command).toBe('peerbot');
    expect(options[0]).toMatchObject({ name: 'admin', type: 2, options: [{ name: 'enroll', type: 1 }] });
    expect(options[0]!.options![0]!.options).toEqual([
      { name: 'user', type: 6, value: idOf('alice') },
      { name: 'supervisor', type: 6, value: idOf('sue') },
      { name: 'hired', type: 3, value: '2026-03-01' },
    ]);
  });
});
