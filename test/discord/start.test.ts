import { once } from 'node:events';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { botEnv, compiled, logLine, repoRoot, tempDir } from '../helpers.ts';
import { APP_ID, FakeDiscord } from './fake-discord.ts';
import { answerTo } from './harness.ts';
import { chatInput, str, sub } from './payloads.ts';

let child: ChildProcess | undefined;
let fake: FakeDiscord | undefined;
afterEach(async () => {
  // Wait for the bot to exit, so it writes nothing into a temp folder being removed.
  if (child && child.exitCode === null) {
    const exited = once(child, 'exit');
    child.kill();
    await exited;
  }
  await fake?.close();
  child = fake = undefined;
});

describe('npm start with DISCORD_TOKEN and DISCORD_APPLICATION_ID', () => {
  it('logs in, registers the commands and answers a slash command', async () => {
    fake = await FakeDiscord.start();
    const dir = await tempDir();
    child = spawn(...compiled('src/main'), {
      cwd: repoRoot,
      env: botEnv({
        DISCORD_TOKEN: 'test-token',
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: fake.apiUrl,
        PEERBOT_DB: path.join(dir, 'db.json'),
        PEERBOT_NOW: '2026-03-16T10:00:00-05:00',
        PORT: '0',
      }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const healthLine = logLine(child, /health checks on port \d+/);
    await logLine(child, /discord: logged in/);
    // With no Slack port to share, peerbot serves the health checks on PORT itself.
    const port = /port (\d+)/.exec(await healthLine)?.[1];
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await ready.json()).toEqual({ ok: true, store: 'ok', adapters: { discord: 'connected' } });
    expect(ready.status).toBe(200);
    expect(fake.requests.some((r) => r.method === 'PUT' && r.path === `/applications/${APP_ID}/commands`)).toBe(true);
    const raw = chatInput('alice', 'hours', [sub('log', [str('duration', '90 min'), str('category', '1on1')])]);
    const after = fake.requests.length;
    fake.dispatch('INTERACTION_CREATE', raw);
    const seen = await answerTo(fake, raw, after);
    expect(seen.text).toMatch(/Saved: 1 hour 30 minutes|Saved: 1\.5 hours/);
    expect(seen.ephemeral).toBe(true);
  });
});

describe('npm run discord:register', () => {
  it('registers the commands once, and says they are up to date the second time', async () => {
    fake = await FakeDiscord.start();
    const register = () =>
      promisify(execFile)(...compiled('scripts/discord-register'), {
        cwd: repoRoot,
        env: botEnv({
          DISCORD_TOKEN: 'test-token',
          DISCORD_APPLICATION_ID: APP_ID,
          DISCORD_API_URL: fake!.apiUrl,
          DISCORD_GUILD_ID: '900000000000000003',
        }),
      });
    const first = (await register()).stdout;
    expect(first).toMatch(/^\d+ slash commands registered for server 900000000000000003\./);
    expect(first).toContain(
      `https://discord.com/oauth2/authorize?client_id=${APP_ID}&scope=bot+applications.commands&permissions=52224`,
    );
    expect((await register()).stdout).toMatch(/were already up to date/);
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });
});
