import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One temp folder for the whole run, removed at the end: every folder a test (or a bot it
 * spawns) makes under os.tmpdir() lands inside it, so none is left behind, even after a crash
 * of a test file. Workers inherit TMPDIR, and os.tmpdir() reads it.
 */
export default function setup(): () => void {
  if (process.env.PEERBOT_TEST_TMP) return () => {};
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'peerbot-run-'));
  process.env.PEERBOT_TEST_TMP = root;
  process.env.TMPDIR = root;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
