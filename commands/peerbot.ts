import type { Command } from '../src/bot.ts';
import { splitSubcommand } from '../src/subcommand.ts';
import help from './help.ts';
import admin from './admin.ts';

/**
 * /peerbot help|admin|link: on Slack and Discord these live under /peerbot so they don't
 * clash with other apps' /help and /admin. Each routes to the command of that name.
 */
export default {
  name: 'peerbot',
  description: 'Help, and admin tools.',
  examples: ['/peerbot help', '/peerbot admin enroll @alice supervisor:@sue'],
  subcommands: [
    ...help.subcommands,
    ...admin.subcommands,
    {
      name: 'link',
      description: 'Link one person’s Slack and Discord accounts (admins only)',
      options: [
        { name: 'user', description: 'The person, as they are known here', type: 'user', required: true },
        {
          name: 'account',
          description: 'Their other account, like slack:U123 or discord:123',
          type: 'string',
          required: true,
        },
      ],
    },
  ],
  async run(ctx, text) {
    const split = splitSubcommand(text, { help: 'help', admin: 'admin', link: 'link' });
    const target = split && ctx.services.commands.get(split[0]);
    if (!split || !target) return help.run(ctx, '');
    return target.run(ctx, split[1]);
  },
} satisfies Command;
