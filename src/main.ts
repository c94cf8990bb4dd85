import type { Server } from 'node:http';
import { loadConfig } from './config.ts';
import { createServices } from './app.ts';
import { platformAdapters } from './platforms.ts';
import { startScheduler } from './notify/scheduler.ts';
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

async function listenForHealth(services: Services): Promise<Server> {
  try {
    const server = await services.health!.listen(services.config.port);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : services.config.port;
    services.log.info(`health checks on port ${port} (GET /healthz and /readyz)`);
    return server;
  } catch (error) {
    process.stderr.write(
      `peerbot cannot serve its health checks on port ${services.config.port}: ${(error as Error).message}. Set PORT to a free port.\n`,
    );
    process.exit(1);
  }
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
  services.health?.watch(platforms);
  // Slack serves the health checks on its own port; otherwise peerbot opens PORT for them when
  // a platform runs (a server deploy), or in the console only when PORT is set.
  const healthServer =
    !services.config.slack && (platforms.length > 0 || services.config.portSet)
      ? await listenForHealth(services)
      : undefined;
  try {
    for (const adapter of platforms) await adapter.start();
    services.adapters = platforms;
  } catch (error) {
    // The adapters' start-up errors are written to be read: no stack trace after them.
    process.stderr.write(`${(error as Error).message}\n`);
    for (const adapter of platforms) await adapter.stop().catch(() => undefined);
    process.exit(1);
  }
  if (platforms.length > 0) {
    const scheduler = startScheduler(services, platforms);
    const stop = async () => {
      await scheduler.stop();
      for (const adapter of platforms) await adapter.stop();
      healthServer?.close();
      await services.store.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    return;
  }
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const consoleAdapter = createConsoleAdapter(services, { as: args.as, interactive });
  // SPEC: the console outside a terminal does not run the scheduler. In a terminal, nudges
  // wait in the person's inbox and show with their next reply.
  const scheduler = interactive ? startScheduler(services, []) : undefined;
  await consoleAdapter.run();
  await scheduler?.stop();
  healthServer?.close();
  await services.store.close();
  process.exit(0);
}

await main();
