import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ButtonIds } from '../../adapters/discord/buttons.ts';
import { startBot } from './harness.ts';
import type { Bot } from './harness.ts';
import { buttonClick, chatInput, idOf, str, sub } from './payloads.ts';

describe('buttons on Discord', () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => {
    await bot.close();
  });
  const logTwoHours = (who: string, note?: string) =>
    bot.interact(
      chatInput(who, 'hours', [
        sub('log', [str('duration', '2h'), str('category', 'shadowing'), ...(note ? [str('note', note)] : [])]),
      ]),
    );
  const hoursOf = (who: string) => bot.services.store.hours.list(`discord:${idOf(who)}`);

  it('runs Undo as the person who clicks it, so a click on someone else’s button cannot touch their hours', async () => {
    const logged = await logTwoHours('alice');
    const undo = logged.buttons.find((b) => b.label === 'Undo')!;
    const seen = await bot.interact(buttonClick('bob', undo.custom_id, '6001'));
    expect(seen.ephemeral).toBe(true);
    expect(seen.text).not.toMatch(/Deleted/);
    expect(await hoursOf('alice')).toHaveLength(1);
  });

  it('undoes once when the same Undo button is pressed twice', async () => {
    // Different notes: the same entry twice would be asked about first.
    await logTwoHours('alice', 'morning');
    const logged = await logTwoHours('alice', 'afternoon');
    expect(await hoursOf('alice')).toHaveLength(3);
    const undo = logged.buttons.find((b) => b.label === 'Undo')!;
    const first = await bot.interact(buttonClick('alice', undo.custom_id, '6002'));
    const second = await bot.interact(buttonClick('alice', undo.custom_id, '6002'));
    expect(first.text).toMatch(/Deleted|deleted/);
    // A second press is a new interaction and runs: it says, in plain words, the entry is gone.
    expect(second.text).toMatch(/no entry #\d+\. It may already/);
    expect(await hoursOf('alice')).toHaveLength(2);
  });

  it('answers the same interaction delivered twice once, and a deliberate second click again', async () => {
    const logged = await logTwoHours('bob');
    const undo = logged.buttons.find((b) => b.label === 'Undo')!;
    const click = buttonClick('bob', undo.custom_id, '6010');
    await bot.interact(click);
    bot.fake.dispatch('INTERACTION_CREATE', click);
    await logTwoHours('bob'); // answered after the redelivery had its chance
    const { id, token } = click as { id: string; token: string };
    expect(bot.fake.requests.filter((r) => r.path === `/interactions/${id}/${token}/callback`)).toHaveLength(1);
  });

  it('says a button is too old when its command was forgotten (after a restart)', async () => {
    const seen = await bot.interact(buttonClick('alice', 'tok:gone.1', '6003'));
    expect(seen.text).toMatch(/too old/);
    expect(seen.ephemeral).toBe(true);
  });

  it('keeps a command longer than a custom_id allows under a short token', () => {
    const ids = new ButtonIds();
    const long = { label: 'Go', command: 'meet', args: `rsvp ${'x'.repeat(120)} yes` };
    const id = ids.encode(long);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(ids.decode(id)).toEqual({ command: 'meet', args: long.args });
    expect(ids.decode(ids.encode({ label: 'Undo', command: 'hours', args: 'delete 3' }))).toEqual({
      command: 'hours',
      args: 'delete 3',
    });
  });

  it('keeps an unknown slash command from failing silently', async () => {
    const seen = await bot.interact(chatInput('alice', 'juggle'));
    expect(seen.text).toMatch(/don't know the command \/juggle/);
  });
});
