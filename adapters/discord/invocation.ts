import type { ChatInputCommandInteraction, User } from 'discord.js';
import type { Command, Invocation, OptionSpec } from '../../src/bot.ts';
import { nullRecord } from '../../src/lookup.ts';
import { discordAccount, fromDiscordText } from './text.ts';
import { findSubcommand, isFlat } from './definitions.ts';

/**
 * A typed slash command becomes the same text a console user would type, so one parser in the
 * core serves every platform: `/hours log duration:2h category:shadowing` → "log 2h shadowing".
 */
export function invocationFromCommand(interaction: ChatInputCommandInteraction, command: Command): Invocation {
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand(false);
  const spec = findSubcommand(command, group, sub);
  const words: string[] = isFlat(command)
    ? spec && spec.name !== command.name
      ? [spec.name]
      : []
    : [group, sub].filter((w): w is string => Boolean(w));
  const mentionNames = nullRecord<string>();
  for (const option of spec?.options ?? []) {
    const given = interaction.options.get(option.name);
    if (given?.value === undefined || given.value === null || given.value === '') continue;
    words.push(optionText(option, given.value));
    // <@id> carries no name; the one Discord resolved is kept so a person enrolled now shows by name, not a number.
    if (given.user)
      mentionNames[discordAccount(given.user.id)] =
        given.member && 'displayName' in given.member ? given.member.displayName : nameOf(given.user);
  }
  // Free text (a note) may hold <@42> or <#7>: it reaches the core as the person typed it.
  const { text, names } = fromDiscordText(words.join(' '), {
    user: (id) => {
      const user = interaction.client.users.cache.get(id);
      return user ? nameOf(user) : undefined;
    },
    channel: (id) => {
      const channel = interaction.client.channels.cache.get(id);
      return channel && 'name' in channel && channel.name ? channel.name : undefined;
    },
    role: (id) => interaction.guild?.roles.cache.get(id)?.name,
  });
  for (const [key, name] of Object.entries(names)) mentionNames[key] ??= name;
  return {
    platform: 'discord',
    userId: interaction.user.id,
    userName:
      interaction.member && 'displayName' in interaction.member
        ? interaction.member.displayName
        : nameOf(interaction.user),
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    command: command.name,
    text,
    requestId: interaction.id,
    ...(Object.keys(mentionNames).length ? { mentionNames } : {}),
  };
}

function optionText(option: OptionSpec, value: string | number | boolean): string {
  let text = option.type === 'user' ? `@${discordAccount(String(value))}` : String(value).trim();
  // A title with a double quote inside would end the quoted part early in the core's parser.
  if (option.quote) text = `"${text.replace(/"/g, "'")}"`;
  return `${option.prefix ?? ''}${text}`;
}

export function nameOf(user: User): string {
  return user.globalName ?? user.username;
}
