import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { execForm, parseDockerfile, runCommand } from '../../deploy/dockerfile.ts';
import { botEnv, logLine, repoRoot, tempDir } from '../helpers.ts';

// What can be checked without a Docker engine. .ci/run builds the stages for real (deploy/docker-stages.ts).
const stages = parseDockerfile(fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8'));
const runtime = stages.at(-1)!;
const step = (op: string) => runtime.steps.filter((s) => s.op === op).map((s) => s.args);

describe('the Docker image', () => {
  it('builds in one stage and runs in another, as a user who is not root, with the data on a volume', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'runtime']);
    expect(step('RUN')).toEqual([]);
    expect(step('USER')).toEqual(['node']);
    expect(step('VOLUME')).toEqual(['/var/lib/peerbot']);
    expect(step('ENV').join(' ')).toContain('PEERBOT_DB=/var/lib/peerbot/db.json');
    expect(step('COPY').filter((c) => c.includes('--from=build'))).toContain(
      '--from=build --chown=node:node /app/var /var/lib/peerbot',
    );
  });

  it("starts the bot from compiled code with the image's CMD, as the systemd unit does", async () => {
    const cmd = execForm(step('CMD')[0]!);
    expect(cmd).toEqual(['node', 'dist/src/main.js']);
    const unit = fs.readFileSync(path.join(repoRoot, 'deploy/peerbot.service'), 'utf8');
    expect(unit).toContain(`ExecStart=/usr/bin/node ${cmd.slice(1).join(' ')}`);
    const db = path.join(await tempDir(), 'db.json');
    const run = await runCommand(cmd, repoRoot, botEnv({ PEERBOT_DB: db }) as Record<string, string>, '/help\n');
    expect(run.stdout).toMatch(/Example: \/hours log 2h shadowing/);
    expect(run.code).toBe(0);
  });

  it('passes its HEALTHCHECK while the bot runs, and fails it when nothing answers', async () => {
    const check = execForm(step('HEALTHCHECK')[0]!);
    const db = path.join(await tempDir(), 'db.json');
    const bot = spawn(process.execPath, ['dist/src/main.js'], {
      cwd: repoRoot,
      env: botEnv({ PEERBOT_DB: db, PORT: '0' }),
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    try {
      const port = /port (\d+)/.exec(await logLine(bot, /health checks on port \d+/))?.[1] ?? '';
      const healthy = await runCommand(check, repoRoot, { PORT: port }, '');
      expect(healthy.code).toBe(0);
    } finally {
      const exited = once(bot, 'exit');
      bot.stdin.end();
      await exited;
    }
    const closed = await runCommand(check, repoRoot, { PORT: '9' }, '');
    expect(closed.code).toBe(1);
  });
});
