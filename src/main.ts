import { loadConfig } from './config.ts';
import { createServices } from './app.ts';
import type { Adapter } from './adapter.ts';
import type { Services } from './services.ts';
import { createConsoleAdapter } from '../adapters/console/index.ts';

/** Command-line flags: --console, --as <id>. */
export function parseArgs(argv: string[]): { console: boolean; as: string } {
  let as = 'you';
  let console = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--console') console = true;
    else if (arg === '--as' && argv[i + 1]) as = argv[++i]!;
    else if (arg.startsWith('--as=')) as = arg.slice(5);
  }
  return { console, as };
}

/** Slack and Discord, when configured. Loaded only then, so the console starts fast. */
async function platformAdapters(services: Services): Promise<Adapter[]> {
  const adapters: Adapter[] = [];
  if (services.config.slack) {
    const { createSlackAdapter } = await import('../adapters/slack/index.ts');
    adapters.push(createSlackAdapter(services));
  }
  if (services.config.discord) {
    const { createDiscordAdapter } = await import('../adapters/discord/index.ts');
    adapters.push(createDiscordAdapter(services));
  }
  return adapters;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let services: Services;
  try {
    services = await createServices(loadConfig());
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  const platforms = args.console ? [] : await platformAdapters(services);
  for (const adapter of platforms) await adapter.start();
  if (platforms.length > 0) {
    const stop = async () => {
      for (const adapter of platforms) await adapter.stop();
      await services.store.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    return;
  }
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const consoleAdapter = createConsoleAdapter(services, { as: args.as, interactive });
  await consoleAdapter.run();
  await services.store.close();
  process.exit(0);
}

await main();
