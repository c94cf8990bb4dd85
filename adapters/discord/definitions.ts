import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandOption,
  RESTPutAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command, OptionSpec, SubcommandSpec } from '../../src/bot.ts';

/** Commands that live under /peerbot on Slack and Discord, so `/admin` and `/help` never clash with other apps. */
export const UNDER_PEERBOT = new Set(['help', 'admin', 'link']);

export type CommandDefinition = RESTPutAPIApplicationCommandsJSONBody[number];

const OPTION_TYPE = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  number: ApplicationCommandOptionType.Number,
  user: ApplicationCommandOptionType.User,
  boolean: ApplicationCommandOptionType.Boolean,
} as const;

/**
 * A command with one subcommand (`/team`, `/deadlines`, `/ask`) is registered flat, with the
 * options straight on the command: Discord users type `/deadlines user:@sam`, not
 * `/deadlines show user:@sam`. The text still starts with the subcommand's name (see
 * invocation.ts), unless it is the command's own name (`ask` → "/ask <question>").
 */
export function isFlat(command: Command): boolean {
  return command.subcommands.length === 1 && !command.subcommands[0]!.name.includes(' ');
}

/** The commands Discord shows, in the order of the core's list. */
function registeredCommands(commands: Iterable<Command>): Command[] {
  return [...commands].filter((c) => !UNDER_PEERBOT.has(c.name) && c.subcommands.length > 0);
}

/** Discord's command definitions, generated from the core's subcommand specs (the one source of truth). */
export function commandDefinitions(commands: Iterable<Command>): CommandDefinition[] {
  return registeredCommands(commands).map((command) => ({
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: clip(command.description, 100),
    options: isFlat(command) ? optionsOf(command.subcommands[0]!) : subcommandTree(command.subcommands),
  }));
}

/** "admin enroll" becomes the subcommand "enroll" inside the group "admin". */
function subcommandTree(specs: SubcommandSpec[]): APIApplicationCommandOption[] {
  const tree: APIApplicationCommandOption[] = [];
  for (const spec of specs) {
    const [first, second] = spec.name.trim().split(/\s+/);
    const sub = {
      type: ApplicationCommandOptionType.Subcommand as const,
      name: (second ?? first)!,
      description: clip(spec.description, 100),
      options: optionsOf(spec),
    };
    if (!second) {
      tree.push(sub);
      continue;
    }
    let group = tree.find((o) => o.type === ApplicationCommandOptionType.SubcommandGroup && o.name === first);
    if (!group) {
      group = {
        type: ApplicationCommandOptionType.SubcommandGroup,
        name: first!,
        description: clip(`${first} commands`, 100),
        options: [],
      };
      tree.push(group);
    }
    if (group.type === ApplicationCommandOptionType.SubcommandGroup) group.options!.push(sub);
  }
  return tree;
}

/** Discord wants required options first; the text keeps the spec's order (see invocation.ts). */
function optionsOf(spec: SubcommandSpec): APIApplicationCommandBasicOption[] {
  const required = spec.options.filter((o) => o.required);
  const optional = spec.options.filter((o) => !o.required);
  return [...required, ...optional].map(optionDefinition);
}

function optionDefinition(option: OptionSpec): APIApplicationCommandBasicOption {
  const base = { name: option.name, description: clip(option.description, 100), required: option.required ?? false };
  switch (option.type) {
    case 'user':
      return { ...base, type: ApplicationCommandOptionType.User };
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'integer':
    case 'number':
      return { ...base, type: OPTION_TYPE[option.type], ...(option.autocomplete ? { autocomplete: true } : {}) };
    case 'string':
      if (option.choices?.length)
        return { ...base, type: ApplicationCommandOptionType.String, choices: option.choices.slice(0, 25) };
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        ...(option.autocomplete ? { autocomplete: true } : {}),
      };
  }
}

/** The spec of the subcommand an interaction names (`group` for "admin enroll"). */
export function findSubcommand(command: Command, group: string | null, sub: string | null): SubcommandSpec | undefined {
  if (isFlat(command)) return command.subcommands[0];
  const name = [group, sub].filter(Boolean).join(' ');
  return command.subcommands.find((s) => s.name.trim().split(/\s+/).join(' ') === name);
}

function clip(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim() || '-';
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}
