import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** One instruction of a Dockerfile: COPY, RUN, ENV, CMD... with its arguments as written. */
export interface Instruction {
  op: string;
  args: string;
}

export interface Stage {
  name: string;
  from: string;
  steps: Instruction[];
}

/** Splits a Dockerfile into stages, joining continued lines and dropping comments. */
export function parseDockerfile(text: string): Stage[] {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (op.toUpperCase() === 'FROM') {
      const [, from = '', name] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(args) ?? [];
      stages.push({ name: name ?? String(stages.length), from, steps: [] });
    } else stages.at(-1)?.steps.push({ op: op.toUpperCase(), args });
  }
  return stages;
}

/** CMD, HEALTHCHECK's CMD: the exec form (a JSON array), which is all this Dockerfile uses. */
export function execForm(args: string): string[] {
  return JSON.parse(args.replace(/^.*?CMD\s+/s, '')) as string[];
}

function envOf(args: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const m of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) env[m[1]!] = m[2]!.replace(/^"|"$/g, '');
  return env;
}

/**
 * Runs the stages the way `docker build` would, without Docker: each stage's filesystem is a
 * temp folder, COPY copies from the repo (or an earlier stage), RUN runs in WORKDIR. Absolute
 * paths in ENV point into the stage's folder. Returns the last stage's folder, WORKDIR and ENV.
 */
export function buildStages(
  context: string,
  stages: Stage[],
  into: string,
  log: (line: string) => void = () => {},
): { root: string; workdir: string; env: Record<string, string>; stage: Stage } {
  const roots = new Map<string, string>();
  let result: ReturnType<typeof buildStages> | undefined;
  for (const stage of stages) {
    const root = path.join(into, stage.name);
    fs.mkdirSync(root, { recursive: true });
    roots.set(stage.name, root);
    let workdir = '/';
    const env: Record<string, string> = {};
    for (const { op, args } of stage.steps) {
      const inRoot = (p: string) => path.join(root, path.isAbsolute(p) ? p : path.join(workdir, p));
      if (op === 'WORKDIR') {
        workdir = path.posix.resolve(workdir, args);
        fs.mkdirSync(inRoot('.'), { recursive: true });
      } else if (op === 'ENV') Object.assign(env, envOf(args));
      else if (op === 'COPY') {
        const words = args.split(/\s+/);
        const from = words.find((w) => w.startsWith('--from='))?.slice(7);
        const paths = words.filter((w) => !w.startsWith('--'));
        const dest = inRoot(paths.pop()!);
        for (const source of paths) {
          const src = from ? path.join(roots.get(from) ?? '', source) : path.join(context, source);
          const target = paths.length > 1 || dest.endsWith('/') ? path.join(dest, path.basename(source)) : dest;
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.cpSync(src, target, { recursive: true });
        }
      } else if (op === 'RUN') {
        log(`${stage.name}: RUN ${args}`);
        const run = spawnSync('bash', ['-ec', args], {
          cwd: inRoot('.'),
          env: { ...process.env, ...env },
          stdio: 'inherit',
        });
        if (run.status !== 0) throw new Error(`${stage.name}: RUN ${args} failed with exit code ${run.status}`);
      }
    }
    const mapped = Object.fromEntries(
      Object.entries(env).map(([k, v]) => [k, v.startsWith('/') ? path.join(root, v) : v]),
    );
    result = { root, workdir: path.join(root, workdir), env: mapped, stage };
  }
  if (!result) throw new Error('the Dockerfile has no stage');
  return result;
}

/** Starts a command (the image's CMD) in a folder and resolves with its exit code and output. */
export function runCommand(
  command: string[],
  cwd: string,
  env: Record<string, string>,
  input: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const [bin = 'node', ...args] = command;
  const child = spawn(bin === 'node' ? process.execPath : bin, args, { cwd, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
