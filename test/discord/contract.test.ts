import { adapterContract } from '../contract/suite.ts';
import type { ContractDriver } from '../contract/suite.ts';
import { startBot } from './harness.ts';
import { typedCommand } from './driver.ts';
import { chatInput } from './payloads.ts';

/** Each console-style line becomes the typed slash command a Discord user would fill in, sent over the gateway. */
async function discordDriver(): Promise<ContractDriver> {
  const bot = await startBot();
  return {
    async send(user, line) {
      const { command, options } = typedCommand(bot.services, line);
      const seen = await bot.interact(chatInput(user, command, options));
      return {
        text: seen.text,
        private: seen.ephemeral,
        files: Object.entries(seen.files).map(([filename, content]) => ({ filename, content })),
      };
    },
    close: () => bot.close(),
  };
}

adapterContract('discord', discordDriver);
