import type { Command } from '../../src/bot.ts';
import { reply } from '../../src/message.ts';
import type { Services } from '../../src/services.ts';

/**
 * Small commands added to the registry so the adapter's own behaviour (rendering, buttons,
 * files, privacy flags) is tested apart from the real commands, which have their own tests.
 */
const echo: Command = {
  name: 'echo',
  description: 'Says back what was typed, with a button to say it again.',
  examples: ['/echo hi'],
  subcommands: [],
  async run(ctx, text) {
    return reply(
      [
        { kind: 'heading', text: 'You said' },
        { kind: 'text', text },
        {
          kind: 'fields',
          fields: [
            { label: 'Who', value: ctx.inv.userName ?? ctx.inv.userId },
            { label: 'Request', value: ctx.inv.requestId ?? 'none' },
          ],
        },
        { kind: 'progress', label: 'Internship hours', done: 45, total: 90, unit: 'hours', note: 'half way' },
        { kind: 'context', text: 'Source: a test' },
        { kind: 'actions', buttons: [{ label: 'Again', command: 'echo', args: `again ${text}`, style: 'primary' }] },
      ],
      { private: text.includes('secret') },
    );
  },
};

const file: Command = {
  name: 'file',
  description: 'Sends a small CSV file.',
  examples: ['/file'],
  subcommands: [],
  async run() {
    return reply([{ kind: 'text', text: 'Here is your file.' }], {
      files: [
        {
          filename: 'hours.csv',
          contentType: 'text/csv',
          content: 'date,category,minutes\n2026-03-16,shadowing,120\n',
        },
      ],
    });
  },
};

const broken: Command = {
  name: 'broken',
  description: 'Always fails inside.',
  examples: ['/broken'],
  subcommands: [],
  async run() {
    throw new Error('disk on fire');
  },
};

export function withFixtureCommands(services: Services): Services {
  for (const command of [echo, file, broken]) services.commands.set(command.name, command);
  return services;
}
