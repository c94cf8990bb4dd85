import { PassThrough } from 'node:stream';
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
