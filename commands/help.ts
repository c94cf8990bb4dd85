import type { Command } from '../src/bot.ts';
import { reply } from '../src/message.ts';
import type { Block } from '../src/message.ts';
import { hasRole } from '../src/people.ts';

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
      (c) => !HIDDEN.has(c.name) && (!ADMIN_ONLY.has(c.name) || hasRole(ctx.actor, 'admin')),
    );
    const one = commands.get(asked);
    if (asked && one) {
      return reply([
        { kind: 'heading', text: `/${one.name}` },
        { kind: 'text', text: one.description },
        { kind: 'text', text: ['Examples:', ...one.examples.map((e) => `  ${e}`)].join('\n') },
      ]);
    }
    const blocks: Block[] = [];
    if (asked) blocks.push({ kind: 'text', text: `I don't know a command called "${asked}".` });
    blocks.push(
      { kind: 'heading', text: 'Hi! I am peerbot. Here is what I can do:' },
      {
        kind: 'text',
        text: visible.map((c) => `/${c.name} — ${c.description}\n    Example: ${c.examples[0]}`).join('\n'),
      },
      { kind: 'context', text: 'For more about one command, type /help and its name. Example: /help hours' },
    );
    return reply(blocks);
  },
} satisfies Command;
