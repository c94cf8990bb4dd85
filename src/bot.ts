import type { Reply } from './message.ts';
import { textReply } from './message.ts';
import { StoreWriteError, UserError } from './errors.ts';
import type { Services } from './services.ts';
import type { Actor } from './people.ts';
import type { Role } from './store/schema.ts';
import { resolveActor } from './people.ts';
import { distance } from 'fastest-levenshtein';
import { waitingAsOne } from './notify/inbox.ts';
import { wordTable } from './lookup.ts';
import * as words from './messages/common.ts';

export type Platform = 'console' | 'slack' | 'discord';

/** One thing a person asked for, whatever platform it came from. */
export interface Invocation {
  platform: Platform;
  /** The platform's own user id ("alice" in the console, "U123" on Slack, a snowflake on Discord). */
  userId: string;
  userName?: string;
  channelId?: string;
  /** "hours", "cert", ... ("peerbot" routes to help, admin and link). */
  command: string;
  /** Everything after the command, as typed (or as built from Discord's typed options). */
  text: string;
  /** The platform's id for this request, so a request delivered twice is done once. */
  requestId?: string;
  /** Names the platform gave for the people mentioned (account key → name): Discord's <@id> carries none. */
  mentionNames?: Record<string, string>;
}

export interface Context {
  inv: Invocation;
  services: Services;
  actor: Actor;
}

/** A typed option, for platforms with typed slash commands (Discord). Order = order in the text. */
export interface OptionSpec {
  name: string;
  description: string;
  type: 'string' | 'integer' | 'number' | 'user' | 'boolean';
  required?: boolean;
  choices?: Array<{ name: string; value: string }>;
  autocomplete?: 'category' | 'program' | 'meeting' | 'milestone';
  /** Written before the value in the text, e.g. "program:". */
  prefix?: string;
  /** Wrap in double quotes in the text (titles with spaces). */
  quote?: boolean;
}

export interface SubcommandSpec {
  /** "log", or "admin enroll" for a subcommand inside a group. */
  name: string;
  description: string;
  options: OptionSpec[];
}

export interface Command {
  name: string;
  /** One line: what it does. */
  description: string;
  /** Examples that work for everyone, shown by /help. */
  examples: string[];
  /** Examples only some roles can use ("/hours approve @alice"): /help shows them to those roles alone. */
  roleExamples?: Partial<Record<Exclude<Role, 'mentor'>, string[]>>;
  /** The least role that can use the command at all: /help lists it only for them. */
  forRole?: Exclude<Role, 'mentor'>;
  /** The subcommands with typed options (the source for Discord's command definitions). */
  subcommands: SubcommandSpec[];
  run(ctx: Context, text: string): Promise<Reply>;
}

/**
 * The longest message read, in characters. A longer one is refused before anything parses it,
 * so one pasted page can never stall the bot for everyone (Slack and Discord share one process).
 */
export const INPUT_LIMIT = 2000;

/** True when "/command text" has more than INPUT_LIMIT characters (code points, so an emoji is one). */
export function isTooLong(inv: Pick<Invocation, 'command' | 'text'>): boolean {
  // What the person typed: "/ask …" with its slash, however the platform handed the command over.
  const command = inv.command.startsWith('/') ? inv.command : `/${inv.command}`;
  const units = command.length + 1 + inv.text.length;
  if (units <= INPUT_LIMIT) return false;
  // A surrogate pair is two UTF-16 units but one character; count only while it can still matter.
  let chars = 0;
  for (const part of [command, ' ', inv.text]) {
    for (let i = 0; i < part.length; i++) {
      const code = part.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < part.length) i++;
      if (++chars > INPUT_LIMIT) return true;
    }
  }
  return false;
}

function tooLong(commands: Map<string, Command>, inv: Invocation): UserError {
  const name = inv.command.slice(0, 40).toLowerCase().replace(/^\//, '');
  return new UserError('too-long', words.tooLong(INPUT_LIMIT), commands.get(name)?.examples[0] ?? '/help');
}

/** Short names and common slips of a command, run as that command (with a note saying so). */
const COMMAND_ALIASES = wordTable({
  hour: 'hours',
  hrs: 'hours',
  hr: 'hours',
  log: 'hours',
  certification: 'cert',
  certificate: 'cert',
  progress: 'cert',
  meeting: 'meet',
  meetings: 'meet',
  calendar: 'meet',
  deadline: 'deadlines',
  due: 'deadlines',
  question: 'ask',
});

/**
 * The one command a near-miss name means ("/hour", "/hrs", "/meets"), or undefined when it is
 * not close to exactly one. Only then is it run: a slip that could be two commands is asked about.
 */
export function nearCommand(commands: ReadonlyMap<string, Command>, name: string): string | undefined {
  const alias = COMMAND_ALIASES.get(name);
  if (alias && commands.has(alias)) return alias;
  if (name.length < 3) return undefined;
  const near = [...commands.keys()].filter((known) => distance(known, name) <= (known.length > 4 ? 2 : 1));
  return near.length === 1 ? near[0] : undefined;
}

/**
 * Runs one invocation and always returns a reply a person can understand: a mistake in the
 * input becomes a short message with an example; a fault becomes an apology (and a log line).
 */
export async function dispatch(services: Services, inv: Invocation): Promise<Reply> {
  try {
    const { commands } = services;
    if (isTooLong(inv)) return forPlatform(userErrorReply(tooLong(commands, inv)), inv.platform);
    const name = inv.command.toLowerCase().replace(/^\//, '');
    const meant = commands.get(name) ? name : nearCommand(commands, name);
    const command = meant ? commands.get(meant) : undefined;
    if (!command)
      return forPlatform(textReply(...words.unknownCommand(inv.command.replace(/^\//, ''), undefined)), inv.platform);
    const actor = await resolveActor(services, inv);
    let result = await command.run({ inv: { ...inv, command: command.name }, services, actor }, inv.text.trim());
    // "/hrs" ran /hours: one line says so, so the person learns the name without being stopped.
    if (meant !== name)
      result = {
        ...result,
        blocks: [{ kind: 'context', text: words.nearMissNote(name, command.name) }, ...result.blocks],
      };
    return forPlatform(await withInbox(services, actor, result), inv.platform);
  } catch (error) {
    if (error instanceof UserError) return forPlatform(userErrorReply(error), inv.platform);
    if (error instanceof StoreWriteError) {
      services.log.error(`command /${inv.command} could not be saved for ${inv.platform}:${inv.userId}`, error);
      return textReply(...words.NOT_SAVED);
    }
    services.log.error(`command /${inv.command} failed for ${inv.platform}:${inv.userId}`, error);
    return textReply(...words.OOPS);
  }
}

export function userErrorReply(error: UserError): Reply {
  const lines = [error.message];
  if (error.choices?.length) lines.push(words.choicesLine(error.choices));
  if (error.example) lines.push(words.exampleLine(error.example));
  return textReply(...lines);
}

/**
 * Slack and Discord have /help, /admin and /link only under /peerbot (other apps own /help),
 * so what a person is told to type there says "/peerbot help", not a command that is not there.
 */
function forPlatform(r: Reply, platform: Platform): Reply {
  if (platform === 'console') return r;
  const fix = (text: string) => text.replace(/(^|[\s("'])\/(help|admin|link)\b/g, '$1/peerbot $2');
  const blocks = r.blocks.map((b) => {
    if (b.kind === 'heading' || b.kind === 'text' || b.kind === 'context') return { ...b, text: fix(b.text) };
    if (b.kind === 'fields') return { ...b, fields: b.fields.map((f) => ({ label: f.label, value: fix(f.value) })) };
    return b;
  });
  return { ...r, blocks };
}

/** Nudges kept for a person with no platform to reach them are shown with their next reply. */
async function withInbox(services: Services, actor: Actor, result: Reply): Promise<Reply> {
  const waiting = await services.inbox?.take(actor.person.id);
  if (!waiting?.length) return result;
  return { ...result, blocks: [...result.blocks, { kind: 'divider' }, ...waitingAsOne(waiting)] };
}
