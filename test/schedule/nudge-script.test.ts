import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MONDAY, seedTeam, servicesAt, tempDb } from './fixtures.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

async function nudge(db: string, ...args: string[]): Promise<string[]> {
  const env: NodeJS.ProcessEnv = { ...process.env, PEERBOT_DB: db, PEERBOT_NOW: MONDAY, PEERBOT_TZ: 'America/Chicago' };
  for (const key of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'DISCORD_TOKEN', 'DISCORD_APPLICATION_ID']) delete env[key];
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/nudge.ts', ...args], { cwd: root, env });
  return stdout.trim().split('\n');
}

describe('npm run nudge', () => {
  it('sends what is due once: run twice in a row, the second run sends 0', async () => {
    const db = await tempDb();
    await seedTeam(await servicesAt(db, MONDAY));
    const first = await nudge(db);
    expect(first.at(-1)).toBe('8 nudges sent');
    expect(first).toContain('-> ana: Reminder: Training within 30 days of hire is due in 6 days, on Sunday, March 22.');
    expect(first.filter((l) => l.startsWith('-> '))).toHaveLength(8);
    expect(await nudge(db)).toEqual(['0 nudges sent']);
    // Console users find their nudges waiting with their next reply.
    const sam = await servicesAt(db, MONDAY);
    expect(await sam.inbox!.take('sam')).toHaveLength(3);
  });

  it('with --dry-run prints what would be sent and sends nothing', async () => {
    const db = await tempDb();
    await seedTeam(await servicesAt(db, MONDAY));
    const dry = await nudge(db, '--dry-run');
    expect(dry.filter((l) => l.startsWith('-> '))).toHaveLength(8);
    expect(dry.at(-1)).toBe('Dry run: 8 nudges would be sent. Nothing was sent.');
    expect((await nudge(db)).at(-1)).toBe('8 nudges sent');
  });
});
