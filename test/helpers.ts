import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/app.ts';
import { dispatch } from '../src/bot.ts';
import type { Invocation, Platform } from '../src/bot.ts';
import { plainText } from '../src/message.ts';
import type { Reply } from '../src/message.ts';
import type { Services } from '../src/services.ts';
import { silentLogger } from '../src/services.ts';

export const repoRoot = path.resolve(import.meta.dirname, '..');

const made = new Set<string>();

/** A fresh temp folder, removed when the test file ends (test/setup.ts). */
export async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'peerbot-test-'));
  made.add(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  for (const dir of made) await fs.rm(dir, { recursive: true, force: true });
  made.clear();
}

/**
 * The compiled entry point `npm start` (or another npm script) runs, as [node, args] for spawn:
 * e.g. compiled('src/main', '--console'). test/global-build.ts builds dist/ when it is stale.
 */
export function compiled(entry: string, ...args: string[]): [string, string[]] {
  return [process.execPath, [path.join(repoRoot, 'dist', `${entry}.js`), ...args]];
}

/** The environment of a bot process a test starts: no platform credentials unless the test adds them. */
export function botEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of [
    'SLACK_BOT_TOKEN',
    'SLACK_SIGNING_SECRET',
    'SLACK_APP_TOKEN',
    'DISCORD_TOKEN',
    'DISCORD_APPLICATION_ID',
    'PEERBOT_NOW',
    'LOG_FORMAT',
    'PORT',
  ])
    delete env[key];
  return { ...env, ...extra };
}

/** Services on a fresh temp database, with a fixed "now" (default: Monday 2026-03-16, 10:00 Chicago). */
export async function testServices(env: Record<string, string> = {}): Promise<Services> {
  const dir = await tempDir();
  const config = loadConfig({
    PEERBOT_DB: path.join(dir, 'db.json'),
    PEERBOT_NOW: '2026-03-16T10:00:00-05:00',
    PEERBOT_ADMINS: 'admin',
    ...env,
  });
  return createServices(config, silentLogger);
}

/** Sends one line as a person would type it in the console, e.g. say(s, 'alice', '/hours log 2h shadowing'). */
export async function send(
  services: Services,
  user: string,
  line: string,
  extra: Partial<Invocation> = {},
): Promise<Reply> {
  const match = /^\/?(\S+)\s*([\s\S]*)$/.exec(line.trim());
  if (!match) throw new Error(`not a command: ${line}`);
  const platform: Platform = extra.platform ?? 'console';
  return dispatch(services, { platform, userId: user, command: match[1]!, text: match[2]!, ...extra });
}

export async function say(
  services: Services,
  user: string,
  line: string,
  extra: Partial<Invocation> = {},
): Promise<string> {
  return plainText(await send(services, user, line, extra));
}

/** Waits until a child process writes a line matching `pattern` to standard error. */
export function logLine(proc: ChildProcess, pattern: RegExp): Promise<string> {
  let seen = '';
  return new Promise((resolve, reject) => {
    proc.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.split('\n').find((l) => pattern.test(l));
      if (match) resolve(match);
    });
    proc.once('exit', (code) => reject(new Error(`exited with ${code}:\n${seen}`)));
  });
}
