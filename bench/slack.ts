import { createHmac } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import { DateTime } from 'luxon';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/app.ts';
import type { Services } from '../src/services.ts';
import { silentLogger } from '../src/services.ts';
import { SCHEMA_VERSION } from '../src/store/schema.ts';
import { createSlackAdapter } from '../adapters/slack/index.ts';
import { boltLogger } from '../adapters/slack/receiver.ts';
import { FakeSlack } from '../test/slack/fakeSlack.ts';
import { row } from './measure.ts';
import type { BenchRow } from './measure.ts';

export interface SlackBenchOptions {
  /** A database already holding the big data set (the shared bench builds one). */
  dbPath?: string;
  /** Or services already open on it. */
  services?: Services;
  /** Entries to seed when neither is given (default 100,000). */
  entries?: number;
  iterations?: number;
}

const SECRET = 'bench-signing-secret';
const NOW = '2026-03-16T10:00:00-05:00';

/**
 * End-to-end latency of a signed `/hours log` through Slack's HTTP path: request signed and
 * POSTed to the real Bolt receiver, acked, run against the big store, answer arriving at the
 * response_url. Next to it, in the same run and interleaved, a bare Bolt app that only acks:
 * the floor that Bolt and HTTP cost by themselves.
 */
export async function benchSlack(options: SlackBenchOptions = {}): Promise<BenchRow[]> {
  const iterations = options.iterations ?? 500;
  const services =
    options.services ?? (await openServices(options.dbPath ?? (await seedDatabase(options.entries ?? 100_000))));
  const fake = await new FakeSlack().start();
  const peerbot = createSlackAdapter(
    services,
    { botToken: 'xoxb-bench', signingSecret: SECRET, apiUrl: fake.apiUrl },
    { port: 0, retryConfig: { retries: 0 } },
  );
  await peerbot.start();
  const floor = new App({
    token: 'xoxb-floor',
    botId: 'B0',
    botUserId: 'U0',
    signingSecret: SECRET,
    logger: boltLogger(silentLogger),
  });
  floor.command(/.*/, async ({ ack }) => ack());
  const floorPort = ((await floor.start(0)) as Server).address() as AddressInfo;

  const floorMs: number[] = [];
  const ackMs: number[] = [];
  const endToEndMs: number[] = [];
  const today = DateTime.fromISO(NOW);
  try {
    for (let i = 0; i < iterations + 20; i++) {
      const measured = i >= 20;
      const date = today.minus({ days: 1 + (i % 300) }).toISODate();
      const responseUrl = fake.responseUrl(`bench-${i}`);
      const body = commandBody(`/hours`, `log 15 min shadowing ${date}`, responseUrl, `bench-trigger-${i}`);

      const f = await timedPost(`http://127.0.0.1:${floorPort.port}/slack/events`, body);
      const started = performance.now();
      const answered = fake.waitFor((c) => responseUrl.endsWith(c.path), 'the /hours log answer');
      const a = await timedPost(`http://127.0.0.1:${peerbot.port}/slack/events`, body);
      await answered;
      if (measured) {
        floorMs.push(f);
        ackMs.push(a);
        endToEndMs.push(performance.now() - started);
      }
    }
  } finally {
    await peerbot.stop();
    await floor.stop();
    await fake.stop();
  }
  const floorRow = row('Slack: bare Bolt app, ack only (floor)', floorMs, 'floor');
  const limit = 1.5 * floorRow.p99 + 20;
  const e2e = row('Slack: signed /hours log, end to end, 100k entries', endToEndMs, '');
  e2e.target = `p99 ≤ ${limit.toFixed(1)} ms (1.5× floor p99 + 20 ms): ${e2e.p99 <= limit ? 'met' : 'MISSED'}`;
  return [floorRow, row('Slack: signed /hours log, ack', ackMs, 'under 3000 ms (Slack’s limit)'), e2e];
}

function commandBody(command: string, text: string, responseUrl: string, triggerId: string): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'UBENCH',
    user_name: 'bench',
    command,
    text,
    response_url: responseUrl,
    trigger_id: triggerId,
    api_app_id: 'A1',
  }).toString();
}

async function timedPost(url: string, body: string): Promise<number> {
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature,
    },
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`bench request got HTTP ${res.status}`);
  return performance.now() - started;
}

async function openServices(dbPath: string): Promise<Services> {
  return createServices(loadConfig({ ...process.env, PEERBOT_DB: dbPath, PEERBOT_NOW: NOW }), silentLogger);
}

/** Writes a store of `entries` hour entries over 1,000 people, in the lowdb files' own format. */
async function seedDatabase(entries: number): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'peerbot-bench-slack-'));
  const dbPath = path.join(dir, 'db.json');
  const hoursDir = path.join(dir, 'db.hours');
  await fs.mkdir(hoursDir);
  const peopleCount = 1000;
  const perPerson = Math.ceil(entries / peopleCount);
  const people: Record<string, unknown> = {};
  const accounts: Record<string, string> = {};
  const createdAt = new Date(NOW).toISOString();
  const start = DateTime.fromISO('2025-03-17');
  for (let p = 0; p < peopleCount; p++) {
    const id = `slack:U${String(p).padStart(6, '0')}`;
    people[id] = { id, role: 'mentor', programId: 'wi-peer-mentor', milestones: {}, nudgesMuted: false, createdAt };
    accounts[id] = id;
    const list = Array.from({ length: perPerson }, (_, i) => ({
      id: String(i + 1),
      date: start.plus({ days: Math.floor((i * 364) / perPerson) }).toISODate(),
      minutes: 60,
      category: i % 3 ? 'shadowing' : 'mentoring-1on1',
      faceToFace: i % 3 === 0,
      status: 'approved',
      note: '',
      createdAt,
    }));
    const file = { version: SCHEMA_VERSION, personId: id, nextId: perPerson + 1, entries: list };
    await fs.writeFile(path.join(hoursDir, `${encodeURIComponent(id)}.json`), JSON.stringify(file));
  }
  await fs.writeFile(dbPath, JSON.stringify({ version: SCHEMA_VERSION, people, accounts, collections: {} }));
  return dbPath;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchSlack());
}
