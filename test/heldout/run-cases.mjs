#!/usr/bin/env node
// Held-out case runner for peerbot. Plain Node, no dependencies.
// usage: node run-cases.mjs <repo-dir> [cases.jsonl] [--only id-part[,id-part…]] [--jobs N] [--timeout ms-per-step, default 20000]
//
// Case: {id, issue, env, steps, expect, why}
// Step kinds (run in order against one fresh temp store):
//   {"as": "alice", "lines": [...], "args": [...], "env": {...}, "timeoutMs": 20000}
//       one console process with piped lines. A line may be a string, {"sh": "cmd"}
//       (run between lines, in interactive mode) or {"sleep": ms}. With any non-string
//       line the lines are fed one at a time, waiting for each reply.
//       "background": true keeps the process running (stdin open) until a {"kill": sig}
//       step or the end of the case; "waitFor": regex waits for that output first.
//   {"script": "nudge", "args": ["--dry-run"]}   scripts/<name>.ts (or dist/scripts/<name>.js)
//   {"npm": "start", "args": [...], "lines": [...]}  npm run <name> (with piped lines)
//   {"sh": "shell command"}   run in the temp dir ($DIR, $REPO, $PEERBOT_DB set)
//   {"send": ["line", ...], "waitMs": 5000}  write more lines to the background processes
//   {"kill": "SIGKILL"}       signal the background processes (whole process group)
// Lines and regexes may use {{rep:N:text}} (text repeated N times).
// Expect: {"step": i, "match"|"notMatch": regex, "flags": "i" (default)} ·
//         {"step": i, "exitCode": n} · {"step": i, "notExitCode": n} · {"step": i, "maxMs": n}
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
let only = null;
let jobs = 1;
let defaultTimeout = 20000;
const ti = args.indexOf('--timeout');
if (ti >= 0) {
  defaultTimeout = Number(args[ti + 1]) || 20000;
  args.splice(ti, 2);
}
const ji = args.indexOf('--jobs');
if (ji >= 0) {
  jobs = Number(args[ji + 1]) || 1;
  args.splice(ji, 2);
}
const oi = args.indexOf('--only');
if (oi >= 0) {
  only = args[oi + 1];
  args.splice(oi, 2);
}
const repo = path.resolve(args[0] || '.');
const here = path.dirname(new URL(import.meta.url).pathname);
const casesFile = path.resolve(args[1] || path.join(here, 'cases.jsonl'));
// Details go next to the cases unless HELDOUT_DETAILS names another file (the file is git-ignored).
const detailsFile = process.env.HELDOUT_DETAILS ?? path.join(here, 'last-run.txt');

const hasDist = fs.existsSync(path.join(repo, 'dist/src/main.js'));
function mainCmd() {
  if (hasDist) return ['node', ['dist/src/main.js']];
  return [path.join(repo, 'node_modules/.bin/tsx'), ['src/main.ts']];
}
function scriptCmd(name) {
  const d = path.join(repo, 'dist/scripts', name + '.js');
  if (fs.existsSync(d)) return ['node', [d]];
  return [path.join(repo, 'node_modules/.bin/tsx'), [path.join('scripts', name + '.ts')]];
}

const expand = (s) => String(s).replace(/\{\{rep:(\d+):([\s\S]*?)\}\}/g, (_, n, t) => t.repeat(Number(n)));

function baseEnv(dir, caseEnv, stepEnv) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^(SLACK_|DISCORD_|DATABASE_URL|PEERBOT_DATABASE_URL|PEERBOT_)/.test(k)) delete env[k];
  }
  env.PEERBOT_DB = path.join(dir, 'db.json');
  env.PEERBOT_TZ = 'America/Chicago';
  env.PEERBOT_NOW = '2026-03-17T10:00:00';
  env.NO_COLOR = '1';
  env.DIR = dir;
  env.REPO = repo;
  Object.assign(env, caseEnv || {}, stepEnv || {});
  for (const [k, v] of Object.entries(env)) if (v === null) delete env[k];
  return env;
}

function runProcess(cmd, argv, { cwd, env, lines, timeoutMs, background, waitFor }) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(cmd, argv, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let out = '';
    let err = '';
    let lastData = Date.now();
    let chunks = 0;
    child.stdout.on('data', (d) => {
      out += d;
      lastData = Date.now();
      chunks++;
    });
    child.stderr.on('data', (d) => {
      err += d;
      lastData = Date.now();
      chunks++;
    });
    child.stdin.on('error', () => {});
    let done = false;
    let timedOut = false;
    const finish = (code, signal) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ out, err, code, signal, ms: Date.now() - t0, timedOut, child });
    };
    const killGroup = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        try {
          child.kill(sig);
        } catch {}
      }
    };
    const isInteractive = (lines || []).some((l) => typeof l !== 'string');
    const timer = background
      ? null
      : setTimeout(
          () => {
            timedOut = true;
            killGroup('SIGKILL');
          },
          isInteractive ? timeoutMs * (lines.length + 1) : timeoutMs,
        );
    child.on('close', (code, signal) => {
      if (!background) finish(code, signal);
      else bgClosed = { code, signal };
    });
    child.on('error', (e) => {
      err += String(e);
      if (!background) finish(-1, null);
    });
    let bgClosed = null;
    const interactive = (lines || []).some((l) => typeof l !== 'string');
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    const waitQuiet = async (startChunks, maxMs) => {
      const start = Date.now();
      while (Date.now() - start < maxMs) {
        if (done || bgClosed) return;
        if (chunks > startChunks && Date.now() - lastData > 500) return;
        await sleep(50);
      }
    };
    (async () => {
      if (interactive) {
        for (const l of lines) {
          if (done) break;
          if (typeof l === 'string') {
            const c = chunks;
            child.stdin.write(expand(l) + '\n');
            await waitQuiet(c, Math.max(15000, timeoutMs));
          } else if (l.sh) {
            const r = spawnSync('bash', ['-c', l.sh], { cwd: env.DIR, env, encoding: 'utf8' });
            out += `\n[sh ${l.sh}] ${r.stdout}${r.stderr}\n`;
          } else if (l.sleep) {
            await sleep(l.sleep);
          }
        }
      } else {
        for (const l of lines || []) child.stdin.write(expand(l) + '\n');
      }
      if (!background) child.stdin.end();
      else {
        const start = Date.now();
        const re = waitFor ? new RegExp(expand(waitFor), 'i') : null;
        while (Date.now() - start < (timeoutMs || 20000)) {
          if (bgClosed) break;
          if (re ? re.test(out + err) : chunks > 0 && Date.now() - lastData > 500) break;
          await sleep(50);
        }
        resolve({
          out,
          err,
          code: bgClosed ? bgClosed.code : null,
          signal: null,
          ms: Date.now() - t0,
          timedOut: false,
          child,
          killGroup,
          getOut: () => out + err,
        });
      }
    })();
  });
}

async function runCase(c) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerbot-heldout-'));
  const results = [];
  const bgs = [];
  try {
    for (const step of c.steps) {
      const env = baseEnv(dir, c.env, step.env);
      const timeoutMs = Math.max(step.timeoutMs || 0, defaultTimeout);
      let r;
      if (step.sh !== undefined) {
        const t0 = Date.now();
        const s = spawnSync('bash', ['-c', expand(step.sh)], { cwd: dir, env, encoding: 'utf8', timeout: timeoutMs });
        r = {
          out: s.stdout || '',
          err: s.stderr || '',
          code: s.status,
          ms: Date.now() - t0,
          timedOut: !!(s.error && s.error.code === 'ETIMEDOUT'),
        };
      } else if (step.send) {
        for (const b of bgs) for (const l of step.send) b.child.stdin.write(expand(l) + '\n');
        await new Promise((res) => setTimeout(res, step.waitMs || 5000));
        r = { out: bgs.map((b) => b.getOut()).join('\n'), err: '', code: 0, ms: 0 };
      } else if (step.kill) {
        for (const b of bgs) b.killGroup(step.kill);
        await new Promise((res) => setTimeout(res, step.waitMs || 1500));
        r = { out: bgs.map((b) => b.getOut()).join('\n'), err: '', code: 0, ms: 0 };
        bgs.length = 0;
      } else {
        let cmd, argv;
        if (step.script) [cmd, argv] = scriptCmd(step.script);
        else if (step.npm) {
          cmd = 'npm';
          argv = ['run', '--silent', step.npm];
        } else [cmd, argv] = mainCmd();
        argv = [...argv];
        const extra = [];
        if (!step.script && (!step.npm || step.as)) extra.push('--console', '--as', step.as || 'you');
        extra.push(...(step.args || []));
        if (step.npm && extra.length) argv.push('--');
        argv.push(...extra);
        r = await runProcess(cmd, argv, {
          cwd: repo,
          env,
          lines: step.lines,
          timeoutMs,
          background: !!step.background,
          waitFor: step.waitFor,
        });
        if (step.background) bgs.push(r);
      }
      results.push(r);
    }
  } finally {
    for (const b of bgs) b.killGroup('SIGKILL');
    if (bgs.length) await new Promise((res) => setTimeout(res, 500));
    try {
      spawnSync('chmod', ['-R', 'u+w', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {}
  }
  const failures = [];
  const textOf = (r) => (r.out || '') + (r.err ? '\n--stderr--\n' + r.err : '') + (r.timedOut ? '\n[TIMED OUT]' : '');
  const truth = (e) => {
    const r = results[e.step];
    if (!r) return null;
    const t = textOf(r),
      f = e.flags ?? 'i';
    if (e.match !== undefined) return new RegExp(expand(e.match), f).test(t);
    return !new RegExp(expand(e.notMatch), f).test(t);
  };
  for (const e of c.expect) {
    if (e.consistent) {
      const vals = e.consistent.map(truth);
      if (vals.some((v) => v !== vals[0]))
        failures.push(
          `inconsistent views: ${e.consistent.map((x, i) => `step ${x.step} ${x.match !== undefined ? 'match' : 'notMatch'} /${(x.match ?? x.notMatch).slice(0, 60)}/ = ${vals[i]}`).join('; ')}`,
        );
      continue;
    }
    const r = results[e.step];
    if (!r) {
      failures.push(`step ${e.step} missing`);
      continue;
    }
    const text = (r.out || '') + (r.err ? '\n--stderr--\n' + r.err : '') + (r.timedOut ? '\n[TIMED OUT]' : '');
    const flags = e.flags ?? 'i';
    if (e.match !== undefined && !new RegExp(expand(e.match), flags).test(text))
      failures.push(`step ${e.step}: no match /${e.match.slice(0, 120)}/`);
    if (e.notMatch !== undefined && new RegExp(expand(e.notMatch), flags).test(text))
      failures.push(`step ${e.step}: unwanted match /${e.notMatch.slice(0, 120)}/`);
    if (e.exitCode !== undefined && r.code !== e.exitCode)
      failures.push(`step ${e.step}: exit ${r.code}${r.timedOut ? ' (timed out)' : ''}, wanted ${e.exitCode}`);
    if (e.notExitCode !== undefined && (r.code === e.notExitCode || r.code === null))
      failures.push(`step ${e.step}: exit ${r.code}, wanted not ${e.notExitCode}`);
    if (e.maxMs !== undefined && (r.ms > e.maxMs || r.timedOut))
      failures.push(`step ${e.step}: took ${r.ms} ms > ${e.maxMs}`);
  }
  return { results, failures };
}

const clip = (s, n = 6000) =>
  s.length > n ? s.slice(0, n / 2) + `\n…[${s.length - n} chars cut]…\n` + s.slice(-n / 2) : s;

const cases = fs
  .readFileSync(casesFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l))
  .filter((c) => !only || only.split(',').some((o) => c.id.includes(o)));
let passed = 0,
  failed = 0;
const details = [
  `repo: ${repo} (${hasDist ? 'dist' : 'tsx'})`,
  `cases: ${casesFile}`,
  `started: ${new Date().toISOString()}`,
  '',
];
const outcomes = new Array(cases.length);
let next = 0;
async function worker() {
  while (next < cases.length) {
    const idx = next++;
    const c = cases[idx];
    let res;
    try {
      res = await runCase(c);
    } catch (e) {
      res = { results: [], failures: ['runner error: ' + e.stack] };
    }
    outcomes[idx] = res;
    if (jobs > 1) process.stderr.write(`${res.failures.length ? 'FAIL' : 'PASS'} ${c.id}\n`);
  }
}
// print in case order as results arrive
let printed = 0;
const flush = () => {
  while (printed < cases.length && outcomes[printed]) {
    const c = cases[printed],
      res = outcomes[printed];
    const ok = res.failures.length === 0;
    ok ? passed++ : failed++;
    console.log(`${ok ? 'PASS' : 'FAIL'} ${c.id} ${c.why}`);
    details.push(`=== ${ok ? 'PASS' : 'FAIL'} ${c.id} (issue ${c.issue}) ${c.why}`);
    for (const f of res.failures) details.push(`  ! ${f}`);
    res.results.forEach((r, i) => {
      details.push(`--- step ${i}: exit ${r.code}${r.timedOut ? ' TIMED OUT' : ''}, ${r.ms} ms`);
      details.push(clip((r.out || '') + (r.err ? '\n--stderr--\n' + r.err : '')));
    });
    details.push('');
    fs.writeFileSync(detailsFile, details.join('\n'));
    printed++;
  }
};
const timer = setInterval(flush, 200);
await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
clearInterval(timer);
flush();
console.log(`${passed} passed, ${failed} failed`);
details.push(`${passed} passed, ${failed} failed`);
fs.writeFileSync(detailsFile, details.join('\n'));
