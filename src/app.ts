import type { Config } from './config.ts';
import { makeClock } from './clock.ts';
import { openStore } from './store/open.ts';
import type { Store } from './store/port.ts';
import { loadPrograms } from './programs/catalog.ts';
import { allCommands } from '../commands/index.ts';
import type { Logger, Services } from './services.ts';
import { createLogger } from './log.ts';
import { buildPolicyIndex } from './policy/search.ts';
import { storeInbox } from './notify/inbox.ts';
import { Health } from './health.ts';

/**
 * Builds everything the commands use. Fails with a clear message (and touches nothing) when
 * the clock, a program file or the data file is wrong.
 */
/** `store`: an already open store (tests run the same commands on PGlite). */
export async function createServices(
  config: Config,
  log: Logger = createLogger(config.logFormat),
  openedStore?: Store,
): Promise<Services> {
  const clock = makeClock(config.tz, config.now);
  const programs = loadPrograms(config.programsDir);
  if (!programs.get(config.defaultProgram)) {
    throw new Error(
      `PEERBOT_DEFAULT_PROGRAM is "${config.defaultProgram}", but there is no such program. Choose one of: ${programs
        .all()
        .map((p) => p.id)
        .join(', ')}`,
    );
  }
  const store = openedStore ?? (await openStore(config));
  const commands = new Map(allCommands.map((c) => [c.name, c]));
  const services: Services = { config, clock, store, programs, commands, log };
  // Feature services are attached here (policy index, meetings, inbox).
  services.policy = buildPolicyIndex(config.policiesDir);
  for (const problem of services.policy.problems) log.warn(`policy file skipped: ${problem.message}`);
  services.inbox = storeInbox(store);
  services.health = new Health(store);
  return services;
}
