import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lineToInvocation } from '../../adapters/console/input.ts';
import { createConsoleAdapter } from '../../adapters/console/index.ts';
import { adapterContract } from '../contract/suite.ts';
import { testServices } from '../helpers.ts';

/**
 * The console adapter, through its own input and output streams. Each message is one
 * `--as <user>` session; outside a terminal a file (CSV, ICS) is what it prints.
 */
adapterContract('console', async () => {
  const services = await testServices();
  return {
    async send(user, line) {
      const input = new PassThrough();
      const output = new PassThrough();
      let text = '';
      output.on('data', (chunk) => (text += String(chunk)));
      input.end(`${line}\n`);
      await createConsoleAdapter(services, { as: user, input, output, interactive: false }).run();
      const isFile = /^\/(hours export|meet ics)\b/.test(line);
      return { text, private: true, files: isFile ? [{ filename: 'stdout', content: text }] : [] };
    },
    async close() {},
  };
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
