import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Client, Events, GatewayIntentBits, Partials, Routes, Status } from 'discord.js';
import type { Interaction, RESTOptions } from 'discord.js';
import { z } from 'zod';
import { ChannelClosedError } from '../../src/adapter.ts';
import type { Adapter, ChannelAccess, ClosedReason } from '../../src/adapter.ts';
import type { Config } from '../../src/config.ts';
import type { Reply } from '../../src/message.ts';
import type { Services } from '../../src/services.ts';
import { ButtonIds } from './buttons.ts';
import { commandDefinitions } from './definitions.ts';
import type { CommandDefinition } from './definitions.ts';
import { handleInteraction, NO_MENTIONS } from './interactions.ts';
import { answerDirectMessage } from './direct.ts';
import type { InteractionContext } from './interactions.ts';
import { registerCommands } from './register.ts';
import { inviteUrl } from './invite.ts';
import type { RegisterResult } from './register.ts';
import { renderReply } from './render.ts';
import { keepAlive } from '../shared/guard.ts';

export type DiscordSettings = NonNullable<Config['discord']>;

export interface DiscordOptions {
  /** Answer time after which a reply is deferred first (default 1500 ms; 0 = always defer). */
  deferAfterMs?: number;
  /** Register the slash commands in start() (default true). */
  registerOnStart?: boolean;
}

export interface DiscordAdapter extends Adapter {
  readonly client: Client;
  definitions(): CommandDefinition[];
  /** Puts the slash commands on Discord when they differ from what is there. */
  register(): Promise<RegisterResult>;
  /** Answers one interaction (the client calls this for every INTERACTION_CREATE). */
  handle(interaction: Interaction): Promise<void>;
}

/**
 * The bot on Discord: a discord.js gateway client for interactions and direct messages, REST
 * for everything it sends. Intents: Guilds, and DirectMessages for what people write to the
 * bot in a DM (with the Channel partial, since a DM channel is not cached before its first
 * message). Slash commands and buttons arrive as interactions whatever the intents; messages
 * in servers are never read (no GuildMessages, no MessageContent). Sending is REST, so
 * sendDirect and postToChannel work without start() (for `npm run nudge`).
 */
export function createDiscordAdapter(
  services: Services,
  settings: DiscordSettings | undefined = services.config.discord,
  options: DiscordOptions = {},
): DiscordAdapter {
  if (!settings) throw new Error('Discord is not configured. Set DISCORD_TOKEN and DISCORD_APPLICATION_ID.');
  const { log } = services;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    rest: { ...(settings.apiUrl ? { api: settings.apiUrl } : {}), agent: ownAgent() },
  });
  client.rest.setToken(settings.token);
  const ctx: InteractionContext = {
    services,
    ids: new ButtonIds(),
    deferAfterMs: options.deferAfterMs ?? 1500,
  };
  // Kept in the store, so a restart does not open every person's DM again.
  // Opened at first use, so a store that fails is a failed send, never an unhandled rejection.
  let opened: ReturnType<typeof services.store.collection<{ channel: string }>> | undefined;
  const dmChannels = () => (opened ??= services.store.collection('discord-directs', z.object({ channel: z.string() })));
  const handle = (interaction: Interaction) => handleInteraction(ctx, interaction);
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
  client.on(Events.MessageCreate, (message) => void answerDirectMessage(ctx, message, postMessage));
  const state = { stopping: false };
  let release: (() => void) | undefined;
  logConnection(client, services, state);

  const definitions = () => commandDefinitions(services.commands.values());
  const register = () => registerCommands(client.rest, settings.applicationId, definitions(), settings.guildId);

  async function postMessage(channelId: string, reply: Reply): Promise<void> {
    const message = renderReply(reply, ctx.ids);
    await closedAs(
      client.rest.post(Routes.channelMessages(channelId), {
        body: {
          content: message.content,
          embeds: message.embeds,
          components: message.components,
          allowed_mentions: NO_MENTIONS,
          attachments: message.files.map((f, id) => ({ id, filename: f.name })),
        },
        files: message.files.map((f) => ({ name: f.name, data: f.data, contentType: f.contentType })),
      }),
    );
  }

  return {
    platform: 'discord',
    client,
    definitions,
    register,
    handle,
    connected() {
      return client.isReady();
    },
    async start() {
      if (options.registerOnStart ?? true) {
        const result = await register().catch((error: unknown) => {
          throw startError('could not register the slash commands', error);
        });
        log.info(
          `discord: ${result.count} slash commands ${result.changed ? 'registered' : 'already up to date'} for ${result.scope}`,
        );
      }
      const ready = once(client, Events.ClientReady);
      await client.login(settings.token).catch((error: unknown) => {
        throw startError('could not log in', error);
      });
      await ready;
      release = keepAlive('Discord', log, recoverer(client, settings.token, services, state));
      log.info(`discord: logged in as ${client.user?.tag ?? 'the bot'}, in ${client.guilds.cache.size} server(s)`);
      if (client.guilds.cache.size === 0)
        log.warn(`discord: the bot is in no server yet. Invite it: ${inviteUrl(settings.applicationId)}`);
    },
    async stop() {
      state.stopping = true;
      release?.();
      await client.destroy();
      // destroy() forgets the token; sending (nudges) may still follow a stop.
      client.rest.setToken(settings.token);
    },
    async sendDirect(userId, reply) {
      const known = await (await dmChannels()).get(userId);
      let channelId = known?.channel;
      if (!channelId) {
        const channel = (await client.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as {
          id: string;
        };
        channelId = channel.id;
        await (await dmChannels()).put(userId, { channel: channelId });
      }
      await postMessage(channelId, reply);
    },
    /** GET /channels/{id}: a channel the bot cannot see is 50001 Missing Access, one that is gone 10003 Unknown Channel. */
    async canPost(channelId): Promise<ChannelAccess> {
      try {
        await closedAs(client.rest.get(Routes.channel(channelId)));
        return { ok: true };
      } catch (error) {
        if (error instanceof ChannelClosedError) return { ok: false, reason: error.reason };
        log.warn(`discord: could not check channel ${channelId}; scheduling there anyway`, error);
        return { ok: true };
      }
    },
    async postToChannel(channelId, reply) {
      // Everyone in the channel sees it, so personal data (a private reply) is refused, as on Slack.
      if (reply.private)
        throw new Error(
          `Discord: refused to post a private reply to channel ${channelId}; private replies go by direct message.`,
        );
      await postMessage(channelId, reply);
    },
  };
}

/** Discord's JSON error codes that mean the bot may not post in a channel, whatever it retries. */
const CLOSED: Record<number, ClosedReason> = {
  50001: 'private', // Missing Access
  50013: 'private', // Missing Permissions
  10003: 'gone', // Unknown Channel
};

async function closedAs<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'number' ? CLOSED[code] : undefined;
    if (reason) throw new ChannelClosedError(reason, String(code));
    throw error;
  }
}

/**
 * discord.js's REST client sends with the process-wide undici dispatcher, and the first undici
 * loaded sets it. Next to Slack (whose socket-mode brings undici 7) that is an Agent that cannot
 * read the multipart bodies of file uploads, so every answer with a file (CSV, .ics, a long
 * reply) was lost. An Agent from the undici discord.js itself uses avoids the mix.
 */
function ownAgent(): NonNullable<RESTOptions['agent']> {
  const fromDiscord = createRequire(createRequire(import.meta.url).resolve('discord.js'));
  const fromRest = createRequire(fromDiscord.resolve('@discordjs/rest'));
  const { Agent } = fromRest('undici') as { Agent: new () => NonNullable<RESTOptions['agent']> };
  return new Agent();
}

/** A start-up failure an operator can act on, instead of a stack trace. */
function startError(what: string, error: unknown): Error {
  const status = (error as { status?: number }).status;
  const hint =
    status === 401 || (error as { code?: string }).code === 'TokenInvalid'
      ? 'Check DISCORD_TOKEN (the bot token from the Discord developer portal).'
      : status === 404 || status === 403
        ? 'Check DISCORD_APPLICATION_ID, and DISCORD_GUILD_ID if it is set (the bot must be in that server).'
        : 'Check the network and DISCORD_API_URL.';
  return new Error(`Discord ${what}: ${(error as Error).message}\n${hint}`);
}

/**
 * Reconnecting is discord.js's job (it resumes, or identifies again, every half second or so
 * for as long as it takes); this says what happens, once per outage, so an operator can see it.
 */
function logConnection(client: Client, services: Services, state: { stopping: boolean }): void {
  // services.log is read at each event, not captured, so a logger swapped in later is used.
  const log = () => services.log;
  let lostAt = 0;
  const back = (id: number, how: string) => {
    if (!lostAt) return;
    log().info(`discord: connection ${id} back after ${Math.round((Date.now() - lostAt) / 1000)} s (${how})`);
    lostAt = 0;
  };
  client.on(Events.ShardReconnecting, (id) => {
    // stop() closes the connection too; that is not worth a warning. Each failed attempt
    // fires this again: one line per outage is enough.
    if (state.stopping || lostAt) return;
    lostAt = Date.now();
    log().warn(`discord: connection ${id} lost, reconnecting`);
  });
  client.on(Events.ShardResume, (id, replayed) => back(id, `${replayed} events replayed`));
  client.on(Events.ShardReady, (id) => back(id, 'a new session'));
  client.on(Events.ShardDisconnect, (event, id) =>
    log().error(`discord: connection ${id} closed for good (code ${event.code})`),
  );
  client.on(Events.ShardError, (error, id) => log().warn(`discord: connection ${id} error: ${error.message}`));
  client.on(Events.Warn, (message) => log().warn(`discord: ${message}`));
  client.on(Events.Error, (error) => log().error(`discord: ${error.message}`));
}

/**
 * After an unhandled rejection: if discord.js gave the connection up (a shard "closed for
 * good"), log in again; otherwise its own reconnecting is under way and nothing is needed.
 */
function recoverer(client: Client, token: string, services: Services, state: { stopping: boolean }): () => void {
  let busy = false;
  return () => {
    if (state.stopping || busy) return;
    if (!client.ws.shards.some((shard) => shard.status === Status.Disconnected)) return;
    busy = true;
    services.log.warn('discord: the connection was given up; logging in again');
    void client
      .destroy()
      .then(() => client.login(token))
      .catch((error: unknown) => services.log.error('discord: could not log in again', error))
      .finally(() => (busy = false));
  };
}
