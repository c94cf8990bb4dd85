import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/store/lowdb.ts';
import { StoreOwnedError } from '../../src/store/lowdb/owner-lock.ts';
import { tempDir } from '../helpers.ts';

const root = path.resolve(import.meta.dirname, '../..');
const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

async function freshDb(): Promise<string> {
  const dir = await tempDir();
  made.push(dir);
  return path.join(dir, 'db.json');
}

/**
 * Runs a peerbot script as its own process (node with tsx's loader, never npm). Asynchronously,
 * so this process (the owner) keeps refreshing its lock meanwhile.
 */
function runScript(
  script: string,
  db: string,
  args: string[] = [],
  input = '',
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PEERBOT_DB: db, PEERBOT_NOW: '2026-03-16T10:00:00-05:00' };
  for (const key of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'])
    delete env[key];
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

describe('a lowdb store has one owner process', () => {
  it('refuses a second process at start with one line naming the holder, and npm run nudge says the bot sends nudges', async () => {
    const db = await freshDb();
    const owner = await openLowdbStore(db);
    await owner.hours.add('alice', {
      date: '2026-03-02',
      minutes: 60,
      category: 'shadowing',
      faceToFace: false,
      status: 'pending',
      note: '',
      createdAt: '2026-03-02T10:00:00.000-06:00',
    });

    const second = await runScript('src/main.ts', db, ['--console'], '/hours log 2h shadowing\n');
    expect(second.status).toBe(1);
    const lines = second.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`in use by process ${process.pid} on ${os.hostname()}, since 20`);
    expect(lines[0]).toMatch(/Stop that peerbot first/);

    const nudge = await runScript('scripts/nudge.ts', db);
    expect(nudge.status).not.toBe(0);
    expect(nudge.stderr.trim()).toMatch(
      /^A peerbot \(process \d+ on .+\) is running on .+ and already sends the nudges/,
    );
    expect(nudge.stdout).toBe('');

    // Nothing the refused processes did reached the files.
    await owner.close();
    const again = await openLowdbStore(db);
    expect(await again.hours.list('alice')).toHaveLength(1);
    await again.close();
  }, 90_000);

  it('takes over the lock of an owner that was killed (kill -9) at once', async () => {
    const db = await freshDb();
    const script = path.join(path.dirname(db), 'owner.mts');
    await fs.writeFile(
      script,
      `import { openLowdbStore } from ${JSON.stringify(path.join(root, 'src/store/lowdb.ts'))};
       await openLowdbStore(${JSON.stringify(db)});
       console.log('open');
       setInterval(() => {}, 1000);`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const refused = await openLowdbStore(db).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreOwnedError);
    expect((refused as StoreOwnedError).holder?.pid).toBe(child.pid);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const store = await openLowdbStore(db);
    await store.close();
  }, 90_000);
});
