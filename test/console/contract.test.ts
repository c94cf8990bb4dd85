import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { lineToInvocation } from '../../adapters/shared/typed-line.ts';
import { createConsoleAdapter } from '../../adapters/console/index.ts';
import { PUBLIC_LABEL } from '../../adapters/console/render.ts';
import { adapterContract } from '../contract/suite.ts';
import type { SeenReply } from '../contract/suite.ts';
import { testServices } from '../helpers.ts';

const FILE = /^--- (.+) ---\n([\s\S]*?)\n--- end of \1 ---$/gm;

/**
 * Reads what a person saw in one terminal session: the text after their echoed line, with
 * each attached file cut out of it. Private or not is read from the screen (a public reply
 * starts with PUBLIC_LABEL), never assumed.
 */
export function readScreen(screen: string, line: string): SeenReply {
  const plain = stripVTControlCharacters(screen);
  const echoed = plain.indexOf(`${line}\r\n`);
  if (echoed < 0) throw new Error(`the console did not echo "${line}":\n${plain}`);
  const shown = plain.slice(echoed + line.length + 2).replace(/\s*\S+> $/, '');
  const files = [...shown.matchAll(FILE)].map((m) => ({ filename: m[1]!, content: `${m[2]}\n` }));
  const text = shown.replace(FILE, '').trim();
  return { text: text.replace(`${PUBLIC_LABEL}\n`, ''), private: !text.startsWith(PUBLIC_LABEL), files };
}

/**
 * The console adapter in a terminal session (banner, prompt, files framed by name), through
 * its own input and output streams. Each message is one `--as <user>` session.
 */
adapterContract('console', async () => {
  const services = await testServices();
  return {
    async send(user, line) {
      const input = new PassThrough();
      const output = new PassThrough();
      let screen = '';
      output.on('data', (chunk) => (screen += String(chunk)));
      input.end(`${line}\n`);
      await createConsoleAdapter(services, { as: user, input, output, interactive: true }).run();
      return readScreen(screen, line);
    },
    async close() {},
  };
});

describe('the console contract driver', () => {
  it('sees a reply marked public as not private, and a framed file as a file', () => {
    const screen = `alice> /x\r\n${PUBLIC_LABEL}\nHello.\n--- a.csv ---\nh\n1\n--- end of a.csv ---\n\nalice> `;
    expect(readScreen(screen, '/x')).toEqual({
      text: 'Hello.',
      private: false,
      files: [{ filename: 'a.csv', content: 'h\n1\n' }],
    });
    expect(readScreen('alice> /x\r\nHello.\n\nalice> ', '/x')).toEqual({ text: 'Hello.', private: true, files: [] });
  });
});

describe('console input', () => {
  it('reads "/ hours" with a space after the slash as /hours, and a plain sentence as a question', async () => {
    const services = await testServices();
    expect(lineToInvocation('/ hours log 2h shadowing', services)).toEqual({
      command: 'hours',
      text: 'log 2h shadowing',
    });
    expect(lineToInvocation('hours', services)).toEqual({ command: 'hours', text: '' });
    expect(lineToInvocation('how many hours do I need?', services)).toEqual({
      command: 'ask',
      text: 'how many hours do I need?',
    });
    expect(lineToInvocation('hi!', services)).toEqual({ command: 'help', text: '' });
  });
});
