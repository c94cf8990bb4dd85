import { describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.ts';
import { commandDefinitions } from '../../adapters/discord/definitions.ts';
import { ButtonIds } from '../../adapters/discord/buttons.ts';
import { renderReply } from '../../adapters/discord/render.ts';
import { reply } from '../../src/message.ts';

type Def = {
  name: string;
  description: string;
  type?: number;
  required?: boolean;
  autocomplete?: boolean;
  choices?: unknown[];
  options?: Def[];
};
const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

/** Discord rejects the whole PUT when one definition breaks a rule, so every rule is checked here. */
function problems(def: Def, where: string): string[] {
  const found: string[] = [];
  if (!NAME.test(def.name)) found.push(`${where}: name "${def.name}"`);
  if (def.description.length < 1 || def.description.length > 100) found.push(`${where}: description length`);
  const options = def.options ?? [];
  if (options.length > 25) found.push(`${where}: more than 25 options`);
  const firstOptional = options.findIndex((o) => !o.required);
  if (firstOptional >= 0 && options.slice(firstOptional).some((o) => o.required))
    found.push(`${where}: a required option after an optional one`);
  if (new Set(options.map((o) => o.name)).size !== options.length) found.push(`${where}: two options with one name`);
  for (const o of options) {
    if (o.choices && o.autocomplete) found.push(`${where}.${o.name}: choices and autocomplete`);
    if ((o.choices?.length ?? 0) > 25) found.push(`${where}.${o.name}: more than 25 choices`);
    found.push(...problems(o, `${where}.${o.name}`));
  }
  return found;
}

describe('the slash commands generated from the core', () => {
  const definitions = commandDefinitions(allCommands) as unknown as Def[];

  it('registers /hours, /cert, /team, /deadlines, /meet, /ask and /peerbot, with help, admin and link under /peerbot', () => {
    const names = definitions.map((d) => d.name);
    expect(names.sort()).toEqual(['ask', 'cert', 'deadlines', 'hours', 'meet', 'peerbot', 'team']);
    expect(names).not.toContain('help');
    expect(names).not.toContain('admin');
    const peerbot = definitions.find((d) => d.name === 'peerbot')!;
    expect(peerbot.options!.map((o) => o.name)).toEqual(expect.arrayContaining(['help', 'admin', 'link']));
    expect(peerbot.options!.find((o) => o.name === 'admin')!.options!.map((o) => o.name)).toEqual([
      'enroll',
      'role',
      'people',
      'deactivate',
      'activate',
    ]);
  });

  it('follows every Discord rule for names, descriptions and options', () => {
    expect(definitions.flatMap((d) => problems(d, d.name))).toEqual([]);
    // Discord counts names, descriptions and choices of a command and all its options: at most 4000 characters.
    const characters = (d: Def): number =>
      d.name.length +
      d.description.length +
      (d.choices ?? []).reduce((n: number, c) => n + JSON.stringify(c).length, 0) +
      (d.options ?? []).reduce((n, o) => n + characters(o), 0);
    for (const d of definitions) expect(characters(d), d.name).toBeLessThanOrEqual(4000);
  });

  it('types people as user options and offers category suggestions', () => {
    const log = definitions.find((d) => d.name === 'hours')!.options!.find((o) => o.name === 'log')!;
    expect(log.options!.find((o) => o.name === 'category')).toMatchObject({
      type: 3,
      autocomplete: true,
      required: true,
    });
    const mark = definitions.find((d) => d.name === 'cert')!.options!.find((o) => o.name === 'mark')!;
    expect(mark.options!.find((o) => o.name === 'user')).toMatchObject({ type: 6, required: true });
  });

  it('registers a command with one subcommand flat (/team, /ask), and others with subcommands (/deadlines show|mute|unmute)', () => {
    expect(definitions.find((d) => d.name === 'team')!.options).toEqual([]);
    expect(definitions.find((d) => d.name === 'ask')!.options).toEqual([
      expect.objectContaining({ name: 'question', type: 3, required: true }),
    ]);
    expect(definitions.find((d) => d.name === 'deadlines')!.options!.map((o) => [o.name, o.type])).toEqual([
      ['show', 1],
      ['mute', 1],
      ['unmute', 1],
    ]);
  });
});

describe('rendering a reply for Discord', () => {
  it('puts progress bars in fields and the source line in the footer', () => {
    const message = renderReply(
      reply([
        { kind: 'heading', text: 'Your hours' },
        { kind: 'progress', label: 'Internship hours', done: 45, total: 90, unit: 'hours' },
        { kind: 'context', text: 'Source: seed 000, section 2' },
      ]),
      new ButtonIds(),
    );
    expect(message.embeds).toEqual([
      {
        color: expect.any(Number),
        title: 'Your hours',
        fields: [{ name: 'Internship hours', value: '▓▓▓▓▓░░░░░ 45 of 90 hours', inline: false }],
        footer: { text: 'Source: seed 000, section 2' },
      },
    ]);
  });

  it('shows "Done." for a reply with nothing else in it, since Discord refuses an empty message', () => {
    expect(renderReply(reply([]), new ButtonIds()).content).toBe('Done.');
    expect(renderReply(reply([{ kind: 'text', text: 'Saved.' }]), new ButtonIds()).content).toBeUndefined();
  });

  it('shortens a reply too long for Discord and attaches the whole text as a file', () => {
    const long = Array.from({ length: 400 }, (_, i) => `#${i + 1} · Mar 16 · 2 hours · shadowing`).join('\n');
    const message = renderReply(
      reply([{ kind: 'text', text: long }, { kind: 'divider' }, { kind: 'text', text: long }]),
      new ButtonIds(),
    );
    const size = JSON.stringify(message.embeds).length;
    expect(size).toBeLessThan(6500);
    expect(message.files.map((f) => f.name)).toEqual(['reply.txt']);
    expect(message.files[0]!.data.toString()).toContain('#400 · Mar 16');
  });
});

describe('a long single text', () => {
  it('is never cut: it is split over embeds, or attached whole when too long for one message', () => {
    const lines = Array.from({ length: 150 }, (_, i) => `#${i + 1} · Mar 16 · 2 hours · shadowing`);
    const message = renderReply(reply([{ kind: 'text', text: lines.join('\n') }]), new ButtonIds());
    const shown = message.embeds.map((e) => e.description).join('\n');
    expect(message.embeds.every((e) => (e.description?.length ?? 0) <= 4096)).toBe(true);
    expect(
      shown.includes('#150 · Mar 16') || message.files.some((f) => f.data.toString().includes('#150 · Mar 16')),
    ).toBe(true);
  });
});

describe('people named by the core', () => {
  it('shows @discord:<id> as a Discord mention (which pings no one: allowed_mentions is empty)', () => {
    const message = renderReply(
      reply([{ kind: 'text', text: 'Ask @discord:900000000000000077 about it.' }]),
      new ButtonIds(),
    );
    expect(message.embeds[0]!.description).toBe('Ask <@900000000000000077> about it.');
  });
});
