import type { Command } from '../src/bot.ts';
import { reply } from '../src/message.ts';
import type { Block } from '../src/message.ts';
import { hasRole } from '../src/people.ts';
import type { Role } from '../src/store/schema.ts';
import * as words from '../src/messages/help.ts';

/** Commands that only route to others, left out of the list. */
const HIDDEN = new Set(['peerbot', 'help']);
/** Shown to admins only. */
const ADMIN_ONLY = new Set(['admin', 'link']);

export default {
  name: 'help',
  description: 'What I can do, with examples.',
  examples: ['/help', '/help hours'],
  subcommands: [
    {
      name: 'help',
      description: 'What I can do, with examples',
      options: [{ name: 'command', description: 'A command to explain, like hours', type: 'string' }],
    },
  ],
  async run(ctx, text) {
    const { commands } = ctx.services;
    const asked = text.replace(/^\//, '').trim().toLowerCase();
    const visible = [...commands.values()].filter(
      (c) =>
        !HIDDEN.has(c.name) &&
        (!ADMIN_ONLY.has(c.name) || hasRole(ctx.actor, 'admin')) &&
        (!c.forRole || hasRole(ctx.actor, c.forRole)),
    );
    const one = commands.get(asked);
    if (asked && one) {
      // Examples fit the reader: a mentor is not shown "/hours approve @alice".
      const forRole = Object.entries(one.roleExamples ?? {})
        .filter(([role]) => hasRole(ctx.actor, role as Role))
        .flatMap(([, examples]) => examples);
      const blocks: Block[] = [
        { kind: 'heading', text: `/${one.name}` },
        { kind: 'text', text: one.description },
        { kind: 'text', text: ['Examples:', ...[...one.examples, ...forRole].map((e) => `  ${e}`)].join('\n') },
      ];
      if (one.name === 'hours') {
        const program = ctx.services.programs.forPerson(ctx.actor.person.programId);
        blocks.push({ kind: 'text', text: words.kindsOfHours(program.categories) });
      }
      return reply(blocks);
    }
    const blocks: Block[] = [];
    if (asked) blocks.push({ kind: 'text', text: words.unknownHelp(asked) });
    blocks.push(
      { kind: 'heading', text: words.HELLO },
      {
        kind: 'text',
        text: visible.map((c) => `/${c.name} — ${c.description}\n    Example: ${c.examples[0]}`).join('\n'),
      },
      { kind: 'context', text: words.plainWords(ctx.inv.platform) },
      { kind: 'context', text: words.MORE },
    );
    return reply(blocks);
  },
} satisfies Command;
