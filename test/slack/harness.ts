import { createHmac, randomUUID } from 'node:crypto';
import type { types } from '@slack/bolt';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import type { SlackAdapter, SlackAdapterOptions } from '../../adapters/slack/index.ts';
import type { Services } from '../../src/services.ts';
import { testServices } from '../helpers.ts';
import { FakeSlack } from './fakeSlack.ts';
import type { Call } from './fakeSlack.ts';

export const SIGNING_SECRET = 'test-signing-secret';

/** Signs a body the way Slack does: v0=HMAC-SHA256(secret, "v0:{ts}:{body}"). */
export function sign(
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
  secret = SIGNING_SECRET,
): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${signature}` };
}

export interface SlackRig {
  services: Services;
  fake: FakeSlack;
  adapter: SlackAdapter;
  eventsUrl: string;
  /** POSTs a body to /slack/events; signed unless headers say otherwise. */
  post(body: string, contentType: string, headers?: Record<string, string>): Promise<Response>;
  /** Runs a slash command as a person and returns what was sent to its response_url. */
  command(user: string, line: string, extra?: CommandExtra): Promise<Call>;
  /** Builds the form body of a slash command (for tests that post it themselves). */
  commandBody(user: string, line: string, extra?: CommandExtra): { body: string; responseUrl: string };
  /** Delivers an Events API event (app_home_opened, ...); extra headers like X-Slack-Retry-Num. Gives the HTTP status. */
  event(event: Record<string, unknown>, eventId: string, headers?: Record<string, string>): Promise<number>;
  /**
   * A person writes `text` in their DM with the app: the signed `message.im` event Slack sends
   * (event id `eventId`, fresh by default). Gives the bot's answer posted in that DM.
   */
  dm(user: string, text: string, eventId?: string): Promise<Call>;
  /** Presses a button from an earlier answer without waiting for the answer; gives the HTTP status and where the answer would go. */
  press(
    user: string,
    answer: Call,
    label: string,
    extra?: PressExtra,
  ): Promise<{ status: number; responseUrl: string }>;
  /** Clicks a button from an earlier answer, as `user`, and returns the answer to the click. */
  click(user: string, answer: Call, label: string, extra?: PressExtra): Promise<Call>;
  stop(): Promise<void>;
}

/** Where the button was and, for a redelivered click, the ids of the click being repeated. */
export interface PressExtra {
  messageTs?: string;
  /** The channel the message with the button is in (default C1; a DM is D + the user id). */
  channelId?: string;
  triggerId?: string;
  actionTs?: string;
}

export interface CommandExtra {
  triggerId?: string;
  channelId?: string;
  userName?: string;
}

export async function slackRig(services?: Services, options: SlackAdapterOptions = {}): Promise<SlackRig> {
  const fake = await new FakeSlack().start();
  const svc = services ?? (await testServices());
  // Unpaced unless a test is about pacing: the stand-in takes posts as fast as they come.
  const adapter = createSlackAdapter(
    svc,
    { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl },
    { port: 0, retryConfig: { retries: 0 }, pace: { channelMs: 0, workspaceMs: 0 }, ...options },
  );
  await adapter.start();
  // As src/main.ts does: notices to people go out through the running platforms.
  svc.adapters = [adapter];
  const eventsUrl = `http://127.0.0.1:${adapter.port}/slack/events`;

  const post = (body: string, contentType: string, headers: Record<string, string> = sign(body)) =>
    fetch(eventsUrl, { method: 'POST', body, headers: { 'content-type': contentType, ...headers } });

  const commandBody = (user: string, line: string, extra: CommandExtra = {}) => {
    const [, command = '', text = ''] = /^(\/\S+)\s*([\s\S]*)$/.exec(line.trim()) ?? [];
    const id = randomUUID();
    const responseUrl = fake.responseUrl(id);
    const form = new URLSearchParams({
      token: 'legacy',
      team_id: 'T1',
      team_domain: 'peers',
      channel_id: extra.channelId ?? 'C1',
      channel_name: 'general',
      user_id: user,
      user_name: extra.userName ?? user.toLowerCase(),
      command,
      text,
      api_app_id: 'A1',
      response_url: responseUrl,
      trigger_id: extra.triggerId ?? `trig-${id}`,
    });
    return { body: form.toString(), responseUrl };
  };

  const command = async (user: string, line: string, extra: CommandExtra = {}) => {
    const { body, responseUrl } = commandBody(user, line, extra);
    const res = await post(body, 'application/x-www-form-urlencoded');
    if (res.status !== 200) throw new Error(`Slack would have seen HTTP ${res.status}`);
    return fake.waitFor((c) => c.method === 'respond' && responseUrl.endsWith(c.path), `an answer to ${line}`);
  };

  const press = async (user: string, answer: Call, label: string, extra: PressExtra = {}) => {
    const button = buttonsOf(answer).find((b) => b.text.text === label);
    if (!button)
      throw new Error(
        `no button "${label}" in: ${buttonsOf(answer)
          .map((b) => b.text.text)
          .join(', ')}`,
      );
    const responseUrl = fake.responseUrl(randomUUID());
    const payload = {
      type: 'block_actions',
      team: { id: 'T1', domain: 'peers' },
      user: { id: user, username: user.toLowerCase(), team_id: 'T1' },
      api_app_id: 'A1',
      token: 'legacy',
      trigger_id: extra.triggerId ?? `trig-${randomUUID()}`,
      response_url: responseUrl,
      container: {
        type: 'message',
        message_ts: extra.messageTs ?? '1773673200.000100',
        channel_id: extra.channelId ?? 'C1',
        is_ephemeral: !extra.channelId,
      },
      channel: extra.channelId ? { id: extra.channelId, name: 'directmessage' } : { id: 'C1', name: 'general' },
      actions: [
        {
          type: 'button',
          action_id: button.action_id,
          block_id: 'b1',
          text: button.text,
          value: button.value,
          action_ts: extra.actionTs ?? `${Date.now() / 1000}`,
        },
      ],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const res = await post(body, 'application/x-www-form-urlencoded');
    return { status: res.status, responseUrl };
  };

  const event = async (inner: Record<string, unknown>, eventId: string, headers: Record<string, string> = {}) => {
    const body = JSON.stringify({
      token: 'legacy',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      event: inner,
    });
    const res = await post(body, 'application/json', { ...sign(body), ...headers });
    return res.status;
  };

  const dm = async (user: string, text: string, eventId = `Ev${randomUUID()}`) => {
    const before = fake.calls.length;
    const status = await event(imMessage(user, text), eventId);
    if (status !== 200) throw new Error(`Slack would have seen HTTP ${status}`);
    return fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === `D${user}` && fake.calls.indexOf(c) >= before,
      `an answer in the DM to "${text}"`,
    );
  };

  const click = async (user: string, answer: Call, label: string, extra: PressExtra = {}) => {
    const { status, responseUrl } = await press(user, answer, label, extra);
    if (status !== 200) throw new Error(`Slack would have seen HTTP ${status}`);
    return fake.waitFor(
      (c) => c.method === 'respond' && responseUrl.endsWith(c.path),
      `an answer to the ${label} button`,
    );
  };

  return {
    services: svc,
    fake,
    adapter,
    eventsUrl,
    post,
    command,
    commandBody,
    event,
    dm,
    press,
    click,
    async stop() {
      await adapter.stop();
      await fake.stop();
    },
  };
}

/**
 * A message a person typed in a conversation, as Slack's Events API delivers it (`message`):
 * in their DM with the app (channel D + user id, channel_type im) unless `extra` says otherwise.
 */
export function imMessage(user: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = `${(Date.now() / 1000).toFixed(6)}`;
  return {
    type: 'message',
    channel: `D${user}`,
    user,
    text,
    ts,
    event_ts: ts,
    channel_type: 'im',
    blocks: [
      {
        type: 'rich_text',
        block_id: 'b1',
        elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }],
      },
    ],
    ...extra,
  };
}

/** The buttons in an answer's blocks. */
export function buttonsOf(call: Call): types.Button[] {
  const blocks = (call.args.blocks ?? []) as types.KnownBlock[];
  return blocks.flatMap((b) =>
    b.type === 'actions' ? b.elements.filter((e): e is types.Button => e.type === 'button') : [],
  );
}

/** The words a person would read in an answer: every text in its blocks, else the fallback text. */
export function shown(call: Call): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.text === 'string') texts.push(record.text);
      for (const [key, value] of Object.entries(record)) if (key !== 'value') walk(value);
    }
  };
  walk(call.args.blocks ?? []);
  return texts.length ? texts.join('\n') : String(call.args.text ?? '');
}
