import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { dispatch } from '../../src/bot.ts';
import type { Invocation } from '../../src/bot.ts';
import type { Adapter } from '../../src/adapter.ts';
import type { Services } from '../../src/services.ts';
import type { Reply } from '../../src/message.ts';
import { renderConsole, banner } from './render.ts';
import { lineToInvocation } from '../shared/typed-line.ts';
import { saveBinaryFiles } from './files.ts';
import path from 'node:path';

export interface ConsoleOptions {
  /** The user id to chat as (--as). */
  as: string;
  input?: Readable;
  output?: Writable;
  /** A terminal: prompt, banner, colour. Outside a terminal only replies are printed. */
  interactive?: boolean;
  /** Where files a terminal cannot show (a PDF report) are saved: beside the store by default. */
  filesDir?: string;
}

/**
 * The terminal chat, hubot's shell adapter: one line is one message. Replies are printed in
 * order, one at a time, so a pasted script reads like a conversation.
 */
export function createConsoleAdapter(services: Services, options: ConsoleOptions): Adapter & { run(): Promise<void> } {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = options.interactive ?? false;
  let printed = 0;
  // A blank line between replies, so a pasted script reads like a conversation.
  const filesDir = options.filesDir ?? path.join(path.dirname(services.config.dbPath), 'files');
  const write = (reply: Reply) =>
    output.write(
      `${printed++ && !interactive ? '\n' : ''}${renderConsole(reply, { interactive })}\n${interactive ? '\n' : ''}`,
    );
  const print = async (reply: Reply) => write(await saveBinaryFiles(reply, filesDir));
  let closed = false;

  async function run(): Promise<void> {
    const rl = readline.createInterface({
      input,
      output: interactive ? output : undefined,
      terminal: interactive,
      prompt: `${options.as}> `,
    });
    if (interactive) {
      output.write(banner(options.as));
      rl.prompt();
    }
    for await (const line of rl) {
      if (closed) break;
      const text = line.trim();
      if (/^\/?(quit|exit|bye)$/i.test(text) && interactive) break;
      if (text) {
        const inv: Invocation = {
          ...lineToInvocation(text, services),
          platform: 'console',
          userId: options.as,
          channelId: 'console',
        };
        await print(await dispatch(services, inv));
      }
      if (interactive) rl.prompt();
    }
    rl.close();
  }

  return {
    platform: 'console',
    run,
    async start() {
      await run();
    },
    async stop() {
      closed = true;
    },
    async sendDirect(userId, reply) {
      if (userId !== options.as) return void (await services.inbox?.put(userId, reply));
      await print(reply);
    },
    async postToChannel(_channelId, reply) {
      await print(reply);
    },
  };
}
