/**
 * npm run soak [-- --minutes 10 --rate 20]: peerbot on Slack (Socket Mode) and Discord at once,
 * against the local stand-ins over loopback, with simulated people sending commands, the
 * connections dropped every minute and one 30-second outage (connections refused). Prints
 * commands answered, answers lost, duplicates, process exits and the p99 ack time.
 * Not part of npm test: it takes minutes and a good share of a CPU.
 */
import { createSlackAdapter } from '../adapters/slack/index.ts';
import { createDiscordAdapter } from '../adapters/discord/index.ts';
import { testServices } from '../test/helpers.ts';
import { FakeSlack } from '../test/slack/fakeSlack.ts';
import { APP_ID, FakeDiscord } from '../test/discord/fake-discord.ts';
import { chatInput, sub } from '../test/discord/payloads.ts';
import { SIGNING_SECRET } from '../test/slack/harness.ts';

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
const minutes = flag('minutes', 10);
const rate = flag('rate', 20);
const outageSeconds = flag('outage', 30);

const services = await testServices();
const errors: string[] = [];
services.log = { info: () => {}, warn: () => {}, error: (m) => void errors.push(m) };
const slack = await new FakeSlack().start();
const discord = await FakeDiscord.start();
const slackBot = createSlackAdapter(
  services,
  { botToken: 'xoxb-soak', signingSecret: SIGNING_SECRET, appToken: 'xapp-soak', apiUrl: slack.apiUrl },
  { port: 0 },
);
const discordBot = createDiscordAdapter(services, { token: 'soak', applicationId: APP_ID, apiUrl: discord.apiUrl });
await slackBot.start();
await discordBot.start();

interface Sent {
  at: number;
  ackMs?: number;
  answers: number;
}
const sent = new Map<string, Sent>();
let notSent = 0;
let seq = 0;

// An answer is what the person sees: a response_url post on Slack, the interaction callback on Discord.
const watch = setInterval(() => {
  for (const call of slack.calls.splice(0)) {
    const id = /^\/respond\/(.+)$/.exec(call.path)?.[1];
    const entry = id ? sent.get(id) : undefined;
    if (entry) entry.answers++;
  }
  for (const request of discord.requests.splice(0)) {
    const id = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(request.path)?.[1];
    const entry = id ? sent.get(id) : undefined;
    if (entry) {
      entry.answers++;
      entry.ackMs ??= Date.now() - entry.at;
    }
  }
}, 50);

function sendSlack(): void {
  const id = `s${++seq}`;
  const entry: Sent = { at: Date.now(), answers: 0 };
  try {
    const acked = slack.envelope('slash_commands', {
      team_id: 'T1',
      channel_id: 'C1',
      user_id: `USOAK${seq % 40}`,
      user_name: `soak${seq % 40}`,
      command: seq % 3 ? '/cert' : '/hours',
      text: seq % 3 ? '' : 'log 15 min shadowing',
      response_url: slack.responseUrl(id),
      trigger_id: `trig-${id}`,
      api_app_id: 'A1',
    });
    sent.set(id, entry);
    void acked.then(() => (entry.ackMs = Date.now() - entry.at));
  } catch {
    notSent++; // no connection at this moment: Slack would show the person an error and they try again
  }
}

function sendDiscord(): void {
  const raw = chatInput(`soak${seq % 40}`, 'hours', [sub('show')]);
  const id = String(raw.id);
  if (!discordBot.client.ws.shards.some((s) => s.status === 0)) {
    notSent++;
    return;
  }
  sent.set(id, { at: Date.now(), answers: 0 });
  discord.dispatch('INTERACTION_CREATE', raw);
}

const start = Date.now();
const end = start + minutes * 60_000;
const outageAt = start + Math.min((minutes * 60_000) / 2, 5 * 60_000);
let outageDone = false;
let nextDrop = start + 60_000;
const tick = setInterval(() => {
  for (let i = 0; i < rate / 10; i++) (++seq % 2 ? sendSlack : sendDiscord)();
}, 100);

while (Date.now() < end) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const now = Date.now();
  if (!outageDone && now >= outageAt && minutes * 60 > outageSeconds * 2) {
    outageDone = true;
    process.stderr.write(`soak: ${outageSeconds} s outage (connections refused)\n`);
    await Promise.all([slack.refuse(), discord.refuse()]);
    await new Promise((resolve) => setTimeout(resolve, outageSeconds * 1000));
    await Promise.all([slack.restore(), discord.restore()]);
  } else if (now >= nextDrop) {
    nextDrop += 60_000;
    process.stderr.write('soak: dropping both connections\n');
    slack.dropConnections();
    discord.dropConnections();
  }
}
clearInterval(tick);
await new Promise((resolve) => setTimeout(resolve, 10_000)); // the last answers arrive
clearInterval(watch);

const entries = [...sent.values()];
const acks = entries.flatMap((e) => (e.ackMs === undefined ? [] : [e.ackMs])).sort((a, b) => a - b);
const p99 = acks[Math.min(acks.length - 1, Math.floor(acks.length * 0.99))] ?? NaN;
console.log(`minutes: ${minutes}, rate: ${rate} commands a second, one ${outageSeconds} s outage, drops every minute`);
console.log(`commands delivered: ${entries.length} (${notSent} not delivered: no connection at that moment)`);
console.log(`commands answered: ${entries.filter((e) => e.answers > 0).length}`);
console.log(`answers lost: ${entries.filter((e) => e.answers === 0).length}`);
console.log(`duplicates: ${entries.filter((e) => e.answers > 1).length}`);
console.log('process exits/restarts: 0 (the bot runs in this process: an exit would have ended the soak)');
console.log(`p99 ack time: ${p99} ms (median ${acks[Math.floor(acks.length / 2)] ?? NaN} ms)`);
console.log(`errors logged: ${errors.length}${errors.length ? ` (first: ${errors[0]})` : ''}`);
await slackBot.stop();
await discordBot.stop();
await slack.stop();
await discord.close();
process.exit(0);
