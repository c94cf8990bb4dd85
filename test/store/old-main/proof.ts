/**
 * The scenarios of issue 10 ("Why"), driven through the public surface both builds share (the
 * console bot as a process, and createServices + dispatch in one process), so they run on the
 * old main (1fcb7ed, before issues 9-16) and on this branch alike. Not part of `npm test`: run
 *   node --import tsx test/store/old-main/proof.ts <root of a peerbot checkout> [trials]
 * It prints one line per scenario and trial with the counts. See test/store/README.md.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
const trials = Number(process.argv[3] ?? 3);
const NOW = '2026-03-16T10:00:00-05:00';
// The old main runs through tsx; this branch compiled (npm run build first).
const compiled = fs.existsSync(path.join(root, 'dist/src/main.js'));
const main = compiled ? ['dist/src/main.js'] : ['--import', 'tsx', 'src/main.ts'];

interface Run {
  out: string;
  err: string;
  code: number | null;
}

/** A console bot on `db` as `as`, fed `lines`; with `hold`, then `later` once it settles. */
function consoleBot(
  db: string,
  as: string,
  lines: string[],
  hold?: Promise<unknown>,
  later: string[] = [],
): Promise<Run> {
  const child = spawn(process.execPath, [...main, '--console', '--as', as], {
    cwd: root,
    env: {
      ...process.env,
      PEERBOT_DB: db,
      PEERBOT_NOW: NOW,
      PEERBOT_ADMINS: 'admin',
      SLACK_BOT_TOKEN: '',
      DISCORD_TOKEN: '',
      PORT: '0',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  child.stdin.on('error', () => undefined);
  child.stdin.write(lines.map((l) => `${l}\n`).join(''));
  if (hold)
    void hold.then(() => {
      child.stdin.write(later.map((l) => `${l}\n`).join(''));
      child.stdin.end();
    });
  else child.stdin.end();
  return new Promise((resolve) => child.once('exit', (code) => resolve({ out, err, code })));
}

/** createServices + dispatch from the checkout under test, on `db`. */
async function inProcess(db: string) {
  const { loadConfig } = await import(path.join(root, 'src/config.ts'));
  const { createServices } = await import(path.join(root, 'src/app.ts'));
  const { dispatch } = await import(path.join(root, 'src/bot.ts'));
  const { silentLogger } = await import(path.join(root, 'src/services.ts'));
  const services = await createServices(
    loadConfig({ PEERBOT_DB: db, PEERBOT_NOW: NOW, PEERBOT_ADMINS: 'admin', SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '' }),
    silentLogger,
  );
  const say = async (userId: string, line: string) => {
    const [, command, text] = /^\/(\S+)\s*(.*)$/.exec(line)!;
    return JSON.stringify(await dispatch(services, { platform: 'console', userId, command, text }));
  };
  return { services, say };
}

const fresh = async () => path.join(await fsp.mkdtemp(path.join(os.tmpdir(), 'peerbot-proof-')), 'db.json');
const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

/** Two console processes log 200 entries each for the same person at the same time. */
async function twoConsoles(): Promise<string> {
  const db = await fresh();
  const logs = (n: number) =>
    Array.from({ length: 200 }, (_, i) => `/hours log 5 min shadowing 3/${1 + ((i + n) % 12)} visit ${n}-${i}`);
  const [a, b] = await Promise.all([consoleBot(db, 'ana', logs(0)), consoleBot(db, 'ana', logs(6))]);
  const confirmed = count(a.out + b.out, /^Saved: /gm);
  const { services } = await inProcess(db);
  const stored = (await services.store.hours.list('ana')).length;
  await services.store.close();
  const refused = [a, b].filter((r) => r.code !== 0).length;
  return `two consoles, 2 x 200 logs: ${confirmed} confirmed, ${stored} stored, ${Math.max(0, confirmed - stored)} lost; ${refused} process refused at start`;
}

/** A long-running console (the admin's) while a second process enrolls someone and exits. */
async function enrollmentBeside(): Promise<string> {
  const db = await fresh();
  let open!: () => void;
  const hold = new Promise<void>((resolve) => (open = resolve));
  // The long-running one writes again after the second exited (a log), as a busy bot does.
  const first = consoleBot(db, 'admin', ['/hours log 5 min shadowing 3/2'], hold, ['/admin enroll @cy']);
  // Wait until the first one has written (its store is loaded), then a second process enrolls bob.
  for (let i = 0; i < 600 && !(await exists(db)); i++) await new Promise((r) => setTimeout(r, 100));
  const second = await consoleBot(db, 'admin', ['/admin enroll @bob']);
  open();
  await first;
  const { services } = await inProcess(db);
  const bob = await services.store.people.get('bob');
  await services.store.close();
  const enrolled = /Enrolled|enrolled/.test(second.out);
  const ran = second.code === 0;
  return `admin enrolls bob beside a running console: second process ${ran ? 'ran' : 'was refused at start'}${enrolled ? ' and said enrolled' : ''}; bob ${bob ? 'is stored' : enrolled ? 'is gone (lost)' : 'not stored (nothing was confirmed)'}`;
}

async function exists(file: string): Promise<boolean> {
  return fsp.access(file).then(
    () => true,
    () => false,
  );
}

/** Five people answer one meeting's RSVP at the same moment, in one process (a meeting titled "lc" has the short name "l"). */
async function fiveRsvps(): Promise<string> {
  const db = await fresh();
  const { services, say } = await inProcess(db);
  await say('admin', '/meet schedule lc weekly monday 13:00');
  const people = ['p1', 'p2', 'p3', 'p4', 'p5'];
  for (const p of people) await say('admin', `/admin enroll @${p}`);
  await Promise.all(people.map((p) => say(p, '/meet rsvp l yes')));
  const meetings = await services.store.collection('meetings', (await import('zod')).z.any());
  const lc = (await meetings.get('l')) as { rsvps: Record<string, Record<string, string>> } | undefined;
  const stored = Object.values(lc?.rsvps ?? {}).reduce((n, day) => n + Object.keys(day).length, 0);
  await services.store.close();
  return `five RSVPs at once: ${stored} of 5 stored`;
}

/** `npm run nudge` (cron) beside a running bot, then the bot's own deadline check. */
async function nudgeBeside(): Promise<string> {
  const db = await fresh();
  const { services, say } = await inProcess(db);
  for (const p of ['ana', 'ben', 'cy', 'dee'])
    await say('admin', `/admin enroll @${p} hired:2026-01-05 internship-start:2026-01-05`);
  const script = compiled ? ['dist/scripts/nudge.js'] : ['--import', 'tsx', 'scripts/nudge.ts'];
  const cron = await new Promise<Run>((resolve) => {
    const child = spawn(process.execPath, script, {
      cwd: root,
      env: { ...process.env, PEERBOT_DB: db, PEERBOT_NOW: NOW, SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => resolve({ out, err, code }));
  });
  const byCron = Number(/(\d+) nudges sent/.exec(cron.out)?.[1] ?? 0);
  const where = fs.existsSync(path.join(root, 'src/notify/nudges.ts'))
    ? 'src/notify/nudges.ts'
    : 'src/schedule/nudges.ts';
  const { runNudgeCheck } = await import(path.join(root, where));
  const bot = (await runNudgeCheck(services, [])).sent as Array<{ to: string; text: string }>;
  const fromCron = new Set(cron.out.split('\n').filter((l) => l.startsWith('-> ')));
  const twice = bot.filter((n) => fromCron.has(`-> ${n.to}: ${n.text}`)).length;
  await services.store.close();
  return `npm run nudge beside a running bot: exit ${cron.code}, ${byCron} sent by it, then ${bot.length} by the bot's own check (${twice} of them the same nudge again)`;
}

for (let t = 1; t <= trials; t++) {
  console.log(`[${path.basename(root)} trial ${t}] ${await nudgeBeside()}`);
  console.log(`[${path.basename(root)} trial ${t}] ${await twoConsoles()}`);
  console.log(`[${path.basename(root)} trial ${t}] ${await fiveRsvps()}`);
  console.log(`[${path.basename(root)} trial ${t}] ${await enrollmentBeside()}`);
}
process.exit(0);
