/**
 * `npx tsx deploy/docker-stages.ts`: builds the Dockerfile's stages in a temp folder without
 * Docker (CI has no Docker engine), then runs the image's CMD there: it must answer /help.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildStages, execForm, parseDockerfile, runCommand } from './dockerfile.ts';

const context = path.resolve(import.meta.dirname, '..');
const stages = parseDockerfile(fs.readFileSync(path.join(context, 'Dockerfile'), 'utf8'));
const into = fs.mkdtempSync(path.join(os.tmpdir(), 'peerbot-docker-'));
try {
  const image = buildStages(context, stages, into, (line) => process.stdout.write(`${line}\n`));
  const cmd = image.stage.steps.find((s) => s.op === 'CMD');
  if (!cmd) throw new Error('the last stage has no CMD');
  const run = await runCommand(execForm(cmd.args), image.workdir, image.env, '/help\n');
  if (run.code !== 0 || !/hours log 2h shadowing/.test(run.stdout))
    throw new Error(`the image's CMD did not answer /help (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  process.stdout.write(`The image's CMD (${execForm(cmd.args).join(' ')}) answered /help.\n`);
} finally {
  fs.rmSync(into, { recursive: true, force: true });
}
