import { describe, expect, it } from 'vitest';
import { runNudgeCheck } from '../../src/notify/nudges.ts';
import { say } from '../helpers.ts';
import { seedTeam, servicesAt, tempDb } from './fixtures.ts';

describe('messages waiting for a console user', () => {
  it('shows reminders from many checks at the next reply as one message, each button once', async () => {
    const db = await tempDb();
    await seedTeam(await servicesAt(db, '2026-03-06T10:00:00-06:00'));
    // Nine checks on nine days while Ana is away: Ben's late training and Ana's marks pile up.
    const days = ['06', '09', '13', '16', '17', '18', '19', '20', '21'];
    let sent = 0;
    for (const d of days) {
      const { sent: now } = await runNudgeCheck(await servicesAt(db, `2026-03-${d}T10:00:00-05:00`), []);
      sent += now.filter((s) => s.to === 'ana').length;
    }
    expect(sent).toBeGreaterThanOrEqual(3);
    const shown = await say(await servicesAt(db, '2026-03-21T11:00:00-05:00'), 'ana', '/hours');
    const waiting = shown.slice(shown.indexOf('messages for you:'));
    expect(shown).toMatch(new RegExp(`\\n${sent} messages for you:\\n`));
    expect(waiting.match(/See my deadlines/g)).toHaveLength(1);
    expect(waiting).not.toMatch(/mute/i);
  });
});
