import type { Command, OptionSpec, SubcommandSpec } from '../../src/bot.ts';
import { UNDER_PEERBOT, isFlat } from '../../adapters/discord/definitions.ts';
import type { Services } from '../../src/services.ts';
import { group, idOf, sub } from './payloads.ts';
import type { RawOption } from './payloads.ts';

const SHAPES: Record<string, RegExp> = {
  time: /^\d{1,2}(:\d{2})?\s*(am|pm)?$/i,
  link: /^https?:\/\//i,
  duration: /^\d+(\.\d+)?\s*(h|hrs?|hours?|m|mins?|minutes?)$|^\d{1,2}:\d{2}$/i,
};

/** Subcommands a Discord user picks for a bare command (`/cert` → `/cert show`). */
const BARE = ['show', 'list'];

/**
 * Turns a console line into the slash command a Discord user would fill in: the subcommand
 * from the first words, "@name" as a user option, `prefix:value` options by their prefix,
 * choices by value, and the rest in order (the last text option takes what is left).
 */
export function typedCommand(services: Services, line: string): { command: string; options: RawOption[] } {
  let [name = '', ...words] = tokens(line.replace(/^\//, ''));
  if (UNDER_PEERBOT.has(name)) [name, words] = ['peerbot', [name, ...words]];
  const command = services.commands.get(name);
  if (!command) throw new Error(`no command /${name}`);
  const [spec, rest] = pickSubcommand(command, words);
  const options = fillOptions(spec, rest);
  if (isFlat(command)) return { command: name, options };
  const [first, second] = spec.name.split(' ');
  return { command: name, options: [second ? group(first!, sub(second, options)) : sub(first!, options)] };
}

function pickSubcommand(command: Command, words: string[]): [SubcommandSpec, string[]] {
  const lower = words.map((w) => w.toLowerCase());
  for (const spec of command.subcommands) {
    const parts = spec.name.split(' ');
    if (parts.every((p, i) => lower[i] === p)) return [spec, words.slice(parts.length)];
  }
  if (isFlat(command)) return [command.subcommands[0]!, words];
  const bare = command.subcommands.find((s) => BARE.includes(s.name));
  if (!bare) throw new Error(`/${command.name} needs a subcommand on Discord`);
  return [bare, words];
}

function fillOptions(spec: SubcommandSpec, words: string[]): RawOption[] {
  const left = [...words];
  const values = new Map<OptionSpec, string>();
  const take = (index: number) => left.splice(index, 1)[0]!;
  for (const o of spec.options.filter((o) => o.prefix)) {
    const i = left.findIndex((w) => w.toLowerCase().startsWith(o.prefix!));
    if (i >= 0) values.set(o, take(i).slice(o.prefix!.length));
  }
  for (const o of spec.options.filter((o) => !o.prefix && o.type === 'user')) {
    const i = left.findIndex((w) => w.startsWith('@'));
    if (i >= 0) values.set(o, take(i));
  }
  for (const o of spec.options.filter((o) => !o.prefix && o.choices)) {
    const i = left.findIndex((w) => o.choices!.some((c) => c.value === w.toLowerCase()));
    if (i >= 0) values.set(o, take(i).toLowerCase());
  }
  let positional = spec.options.filter((o) => !values.has(o) && !o.prefix && o.type !== 'user' && !o.choices);
  // More words than options: pick the ones with an unmistakable shape first ("10:00", "90m", a link).
  if (left.length > positional.length) {
    for (const o of positional.filter((o) => SHAPES[o.name])) {
      const i = left.findIndex((w) => SHAPES[o.name]!.test(w));
      if (i >= 0) values.set(o, take(i));
    }
    positional = positional.filter((o) => !values.has(o));
  }
  positional.forEach((o, i) => {
    if (left.length === 0) return;
    values.set(o, i === positional.length - 1 && o.type === 'string' ? left.splice(0).join(' ') : take(0));
  });
  return spec.options.filter((o) => values.has(o)).map((o) => raw(o, values.get(o)!));
}

function raw(option: OptionSpec, value: string): RawOption {
  switch (option.type) {
    case 'user':
      return { name: option.name, type: 6, value: idOf(value.replace(/^@/, '')) };
    case 'integer':
      return { name: option.name, type: 4, value: Number.parseInt(value, 10) };
    case 'number':
      return { name: option.name, type: 10, value: Number(value) };
    case 'boolean':
      return { name: option.name, type: 5, value: value === 'true' || value === 'yes' };
    case 'string':
      return { name: option.name, type: 3, value };
  }
}

/** Words, keeping "quoted phrases" (and prefix:"quoted phrases") together without the quotes. */
function tokens(text: string): string[] {
  // "90 min" and "1.5 hours" are one amount, as a person would type them into one option.
  return [...text.matchAll(/(?:[^\s"]+:)?"[^"]*"|\d+(?:\.\d+)?\s+(?:h|hrs?|hours?|m|mins?|minutes?)\b|\S+/gi)].map(
    (m) => m[0].replace(/"/g, ''),
  );
}
