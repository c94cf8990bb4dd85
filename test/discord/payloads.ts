import { APP_ID, BOT_ID, CHANNEL_ID, GUILD_ID, messageJson } from './fake-discord.ts';

/** Snowflake ids for the people in the tests, so "alice" is the same Discord user everywhere. */
const IDS: Record<string, string> = {
  admin: '100000000000000001',
  alice: '100000000000000002',
  bob: '100000000000000003',
  sue: '100000000000000004',
  fran: '100000000000000005',
};
let nextUser = 200;

export function idOf(name: string): string {
  return (IDS[name] ??= `1000000000000${String(nextUser++).padStart(5, '0')}`);
}

export function userJson(name: string): Record<string, unknown> {
  return {
    id: idOf(name),
    username: name,
    discriminator: '0',
    global_name: name[0]!.toUpperCase() + name.slice(1),
    avatar: null,
  };
}

export type RawOption = {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: RawOption[];
  focused?: boolean;
};

export const sub = (name: string, options: RawOption[] = []): RawOption => ({ name, type: 1, options });
export const group = (name: string, subcommand: RawOption): RawOption => ({ name, type: 2, options: [subcommand] });
export const str = (name: string, value: string, focused?: boolean): RawOption => ({
  name,
  type: 3,
  value,
  ...(focused ? { focused } : {}),
});
export const int = (name: string, value: number): RawOption => ({ name, type: 4, value });
export const user = (name: string, who: string): RawOption => ({ name, type: 6, value: idOf(who) });

let nextInteraction = 1;

function base(
  type: number,
  who: string,
  data: Record<string, unknown>,
  message?: Record<string, unknown>,
): Record<string, unknown> {
  const id = `3000000000000${String(nextInteraction++).padStart(5, '0')}`;
  return {
    id,
    application_id: APP_ID,
    type,
    token: `token-${id}`,
    version: 1,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, name: 'general', guild_id: GUILD_ID },
    member: {
      user: userJson(who),
      roles: [],
      permissions: '0',
      joined_at: '2026-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: '0',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: {},
    context: 0,
    data,
    ...(message ? { message } : {}),
  };
}

/** The same interaction sent from a direct message with the bot: a user instead of a member, no server. */
export function inDirectMessage(raw: Record<string, unknown>): Record<string, unknown> {
  const { guild_id: _guild, member, guild_locale: _locale, ...rest } = raw;
  const user = (member as { user: Record<string, unknown> }).user;
  return {
    ...rest,
    user,
    channel_id: `77${String(user.id)}`,
    channel: { id: `77${String(user.id)}`, type: 1, recipients: [user] },
    context: 1,
  };
}

let nextMessage = 1;

/**
 * A message a person typed, as the gateway's MESSAGE_CREATE carries it: in their DM with the
 * bot (channel 77 + their id, channel_type 1, no guild_id) unless `extra` says otherwise.
 * discord.js makes the (uncached, partial) DM channel from channel_type and the author.
 */
export function messageCreate(
  who: string,
  content: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const id = `5000000000000${String(nextMessage++).padStart(5, '0')}`;
  return {
    ...messageJson(id, `77${idOf(who)}`, { content }),
    author: userJson(who),
    channel_type: 1,
    nonce: id,
    ...extra,
  };
}

/** The same message typed in a server's channel: a guild_id and the author as a member. */
export function inServerChannel(raw: Record<string, unknown>): Record<string, unknown> {
  return {
    ...raw,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel_type: 0,
    member: { roles: [], joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
  };
}

/** A slash command as Discord sends it: `/hours` + [sub('log', [str('duration', '2h')])]. */
export function chatInput(who: string, command: string, options: RawOption[] = []): Record<string, unknown> {
  const users = Object.fromEntries(
    collectUsers(options).map((id) => [id, { id, username: `user${id.slice(-3)}`, discriminator: '0', avatar: null }]),
  );
  return base(2, who, {
    id: `50${command.length}`,
    name: command,
    type: 1,
    options,
    ...(Object.keys(users).length ? { resolved: { users } } : {}),
  });
}

/** Typing into an option with autocomplete: the focused option carries what was typed so far. */
export function autocomplete(who: string, command: string, options: RawOption[]): Record<string, unknown> {
  return base(4, who, { id: `50${command.length}`, name: command, type: 1, options });
}

/** A click on a button of a message the bot sent (`components` as the bot rendered them). */
export function buttonClick(
  who: string,
  customId: string,
  messageId = '4000',
  components: unknown[] = [],
): Record<string, unknown> {
  const message = {
    ...messageJson(messageId, CHANNEL_ID, { components }),
    author: { id: BOT_ID, username: 'peerbot', discriminator: '0', avatar: null, bot: true },
  };
  return base(3, who, { custom_id: customId, component_type: 2 }, message);
}

function collectUsers(options: RawOption[]): string[] {
  return options.flatMap((o) => (o.type === 6 ? [String(o.value)] : collectUsers(o.options ?? [])));
}
