import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { botEnv, compiled, repoRoot, tempDir } from '../helpers.ts';

/** Runs what `npm start` runs (the compiled bot), with lines on standard input. */
function start(input: string, env: Record<string, string>, args: string[] = []) {
  const [node, argv] = compiled('src/main', ...args);
  return spawnSync(node, argv, { cwd: repoRoot, input, encoding: 'utf8', env: botEnv(env), timeout: 60_000 });
}

describe('npm start with no credentials: the console', () => {
  it('logs hours and shows certification progress, then exits 0', async () => {
    const db = path.join(await tempDir(), 'db.json');
    const run = start('/hours log 2h shadowing\n/cert\n', { PEERBOT_DB: db });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Saved: 2 hours of shadowing/);
    expect(run.stdout).toMatch(/0 of 90 hours \(90 hours still needed, 2 hours waiting for approval\)/);
    // Outside a terminal: no prompt and no banner, only replies.
    expect(run.stdout).not.toMatch(/Hi! I am peerbot|you>/);
  });

  it('chats as the user given with --as, and prints an export as CSV alone', async () => {
    const db = path.join(await tempDir(), 'db.json');
    start('/hours log 1h retreat yesterday\n', { PEERBOT_DB: db, PEERBOT_NOW: '2026-03-16T10:00:00-05:00' }, [
      '--console',
      '--as',
      'alice',
    ]);
    const run = start('/hours export\n', { PEERBOT_DB: db, PEERBOT_NOW: '2026-03-16T10:00:00-05:00' }, [
      '--console',
      '--as',
      'alice',
    ]);
    expect(run.stdout).toBe(
      'date,category,minutes,face_to_face,status,note,id,person,reviewed_by,reviewed_at,review_note\n2026-03-15,retreat,60,false,pending,"",1,alice,"","",""\n',
    );
  });

  it('refuses to start on a corrupt database file, with a clear message, and leaves it unchanged', async () => {
    const db = path.join(await tempDir(), 'db.json');
    await fs.writeFile(db, '{ this is not json');
    const run = start('/hours log 2h shadowing\n', { PEERBOT_DB: db });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(db);
    expect(run.stderr).toMatch(/not valid JSON/);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(await fs.readFile(db, 'utf8')).toBe('{ this is not json');
  });

  it('refuses to start on a bad program file, naming the file and the field', async () => {
    const dir = await tempDir();
    await fs.writeFile(
      path.join(dir, 'wi-peer-mentor.json'),
      JSON.stringify({
        id: 'wi-peer-mentor',
        name: 'x',
        source: 'x',
        categories: [{ id: 'a', label: 'A', faceToFace: 'yes' }],
        requirements: [],
      }),
    );
    const run = start('/help\n', { PEERBOT_DB: path.join(dir, 'db.json'), PEERBOT_PROGRAMS: dir });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('wi-peer-mentor.json');
    expect(run.stderr).toMatch(/categories\.0\.faceToFace/);
  });
});
