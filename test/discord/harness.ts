import { createDiscordAdapter } from '../../adapters/discord/index.ts';
import type { DiscordAdapter, DiscordOptions } from '../../adapters/discord/index.ts';
import type { Services } from '../../src/services.ts';
import { testServices } from '../helpers.ts';
import { APP_ID, FakeDiscord } from './fake-discord.ts';
import type { Recorded } from './fake-discord.ts';
import { idOf } from './payloads.ts';

/** What a person saw after one interaction: the message Discord would show them. */
export interface Seen {
  /** 4 = answered at once, 5 = deferred then edited, 8 = autocomplete choices; 0 = a message posted in a DM. */
  callbackType: number;
  ephemeral: boolean;
  body: Record<string, unknown>;
  files: Record<string, string>;
  /** The same files as bytes (a PDF). */
  fileBytes: Record<string, Uint8Array>;
  /** Title, description, fields, footer and button labels, as plain text. */
  text: string;
  buttons: Array<{ label: string; custom_id: string; style: number }>;
}

export interface Bot {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  services: Services;
  /** Sends an interaction over the gateway and waits for the bot's answer to it. */
  interact(raw: Record<string, unknown>): Promise<Seen>;
  /** Sends a MESSAGE_CREATE over the gateway (see messageCreate) and waits for the bot's message in that DM. */
  message(raw: Record<string, unknown>): Promise<Seen>;
  close(): Promise<void>;
}

/** Services (admin = the Discord user "admin") and the real discord.js client logged in to a local stand-in. */
export async function startBot(options: DiscordOptions = {}, env: Record<string, string> = {}): Promise<Bot> {
  const services = await testServices({ PEERBOT_ADMINS: idOf('admin'), ...env });
  const fake = await FakeDiscord.start();
  const adapter = createDiscordAdapter(
    services,
    { token: 'test-token', applicationId: APP_ID, apiUrl: fake.apiUrl },
    options,
  );
  await adapter.start();
  // As src/main.ts does: notices to people (a rejected entry, a moved meeting) go out through the running platforms.
  services.adapters = [adapter];
  return {
    fake,
    adapter,
    services,
    async interact(raw) {
      const after = fake.requests.length;
      fake.dispatch('INTERACTION_CREATE', raw);
      return answerTo(fake, raw, after);
    },
    async message(raw) {
      const after = fake.requests.length;
      fake.dispatch('MESSAGE_CREATE', raw);
      const path = `/channels/${String(raw.channel_id)}/messages`;
      const posted = await fake.waitFor((r) => r.method === 'POST' && r.path === path, after);
      return {
        callbackType: 0,
        ephemeral: false,
        body: posted.body,
        files: posted.files,
        fileBytes: posted.fileBytes,
        text: textOf(posted.body),
        buttons: buttonsOf(posted.body),
      };
    },
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}

export async function answerTo(fake: FakeDiscord, raw: Record<string, unknown>, after = 0): Promise<Seen> {
  const { id, token } = raw as { id: string; token: string };
  const callback = await fake.waitFor((r) => r.path === `/interactions/${id}/${token}/callback`, after);
  const type = Number(callback.body.type);
  const data = (callback.body.data ?? {}) as Record<string, unknown>;
  const ephemeral = (Number(data.flags ?? 0) & 64) === 64;
  let final: Recorded = { ...callback, body: data };
  if (type === 5)
    final = await fake.waitFor(
      (r) => r.method === 'PATCH' && new RegExp(`^/webhooks/${APP_ID}/${token}/messages/(%40|@)original$`).test(r.path),
      after,
    );
  return {
    callbackType: type,
    ephemeral,
    body: final.body,
    files: final.files,
    fileBytes: final.fileBytes,
    text: textOf(final.body),
    buttons: buttonsOf(final.body),
  };
}

type Embed = {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
};

/** Unescapes Discord markdown escapes so tests read what a person reads. */
export function textOf(body: Record<string, unknown>): string {
  const lines: string[] = [];
  if (typeof body.content === 'string' && body.content) lines.push(body.content);
  for (const e of (body.embeds ?? []) as Embed[]) {
    if (e.title) lines.push(e.title);
    if (e.description) lines.push(e.description);
    for (const f of e.fields ?? []) lines.push(`${f.name}: ${f.value}`);
    if (e.footer) lines.push(e.footer.text);
  }
  for (const b of buttonsOf(body)) lines.push(`[${b.label}]`);
  return lines.join('\n').replace(/\\([*_~`|>#\-[\]()\\])/g, '$1');
}

export function buttonsOf(body: Record<string, unknown>): Seen['buttons'] {
  const rows = (body.components ?? []) as Array<{ components: Seen['buttons'] }>;
  return rows.flatMap((r) => r.components);
}
