import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MONDAY, seedTeam, servicesAt, tempDb } from './fixtures.ts';
import { FakeSlack } from '../slack/fakeSlack.ts';
import { botEnv, compiled, repoRoot } from '../helpers.ts';

const run = promisify(execFile);

/** What `npm run nudge` runs: the compiled script. */
async function nudge(db: string, args: string[] = [], extra: Record<string, string> = {}): Promise<string[]> {
  const env = botEnv({ PEERBOT_DB: db, PEERBOT_NOW: MONDAY, PEERBOT_TZ: 'America/Chicago', ...extra });
  const [node, argv] = compiled('scripts/nudge', ...args);
  const { stdout } = await run(node, argv, { cwd: repoRoot, env });
  return stdout.trim().split('\n');
}

/** Seeds the team, then closes the store: a lowdb store has one owner process, and the script is another. */
async function seeded(db: string, account?: (id: string) => string): Promise<void> {
  const services = await servicesAt(db, MONDAY);
  await seedTeam(services, account);
  await services.store.close();
}

// Each test starts the script as its own process two to four times: slow on a busy machine.
describe('npm run nudge', { timeout: 90_000 }, () => {
  it('--dry-run sends nothing; then a run sends what is due, and a second run sends 0', async () => {
    const db = await tempDb();
    await seeded(db);
    const dry = await nudge(db, ['--dry-run']);
    expect(dry.filter((l) => l.startsWith('-> '))).toHaveLength(5);
    expect(dry.at(-1)).toBe('Dry run: 5 nudges would be sent. Nothing was sent.');
    const first = await nudge(db);
    expect(first.at(-1)).toBe('5 nudges sent');
    expect(first).toContain(
      '-> ana: Reminder: Training within 30 days of hire, 12 hours still needed. It is due in 6 days, on Sunday, March 22.',
    );
    expect(first.filter((l) => l.startsWith('-> '))).toHaveLength(5);
    expect(await nudge(db)).toEqual(['0 nudges sent']);
    // Console users find their nudges waiting with their next reply.
    const later = await servicesAt(db, MONDAY);
    expect(await later.inbox!.take('sam')).toHaveLength(1);
  });

  it('delivers by Slack direct message when Slack is configured', async () => {
    const slack = await new FakeSlack().start();
    try {
      const db = await tempDb();
      await seeded(db, (id) => `slack:U${id.toUpperCase()}`);
      const env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.apiUrl };
      const out = await nudge(db, [], env);
      expect(out.at(-1)).toBe('5 nudges sent');
      expect(out).toContain(
        '-> slack:UANA: Reminder: Training within 30 days of hire, 12 hours still needed. It is due in 6 days, on Sunday, March 22.',
      );
      const posts = slack.calls.filter((c) => c.method === 'chat.postMessage');
      expect(posts.map((c) => c.args.channel).sort()).toEqual(['DUANA', 'DUBEN', 'DUCY', 'DUSAM', 'DUTESS']);
      expect((await nudge(db, [], env)).at(-1)).toBe('0 nudges sent');
      expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(5);
      // The direct-message channels were kept: the second run opened none.
      expect(slack.calls.filter((c) => c.method === 'conversations.open')).toHaveLength(5);
    } finally {
      await slack.stop();
    }
  });

  it('ends with one clear line and exit code 1, not a stack trace, when the check cannot run', async () => {
    const db = await tempDb();
    await seeded(db);
    // A record of sent nudges that is not valid: read when the check first opens it (one person's
    // records are not read at start), the check stops, naming the file and field.
    const records = db.replace(/\.json$/, '.records');
    await fs.mkdir(records, { recursive: true });
    await fs.writeFile(
      path.join(records, 'nudges%2Fana.json'),
      JSON.stringify({ version: 1, name: 'nudges/ana', records: { broken: { status: 'lost' } } }),
    );
    const failed = await nudge(db).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr?.trim()).toMatch(
      /^The deadline check stopped: the data file .*nudges%2Fana\.json is not valid: field "records\.broken/,
    );
    expect(failed?.stderr).not.toMatch(/\n\s+at /);
  });
});
