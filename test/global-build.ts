import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const sources = ['src', 'adapters', 'commands', 'scripts', 'data', 'tsconfig.json', 'tsconfig.build.json'];
const built = path.join(root, 'dist', '.tsbuildinfo');

function newest(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
}

/**
 * The process tests run the compiled bot (`node dist/...`), as `npm start` does. `npm ci` builds
 * it (prepare); this rebuilds only when a source is newer than the last build, so a test never
 * runs stale code after an edit.
 */
export default function setup(): void {
  const stale = !fs.existsSync(built) || sources.some((s) => newest(path.join(root, s)) > fs.statSync(built).mtimeMs);
  if (stale)
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'inherit',
    });
}
