import type { Config } from './config.ts';
import type { Clock } from './clock.ts';
import type { Store } from './store/port.ts';
import type { ProgramCatalog } from './programs/catalog.ts';
import type { Command } from './bot.ts';
import type { Reply } from './message.ts';
import type { PolicyIndex } from './policy/search.ts';
import type { Health } from './health.ts';
import type { Adapter } from './adapter.ts';

export interface Logger {
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

/** Messages kept for a person until they next talk to the bot (console users get nudges this way). */
export interface Inbox {
  put(personId: string, reply: Reply): Promise<void>;
  take(personId: string): Promise<Reply[]>;
}

/** Everything a command may use. Built once at start by createServices(). */
export interface Services {
  config: Config;
  clock: Clock;
  store: Store;
  programs: ProgramCatalog;
  commands: Map<string, Command>;
  log: Logger;
  inbox?: Inbox;
  /** The policy documents' search index for /ask, built once at start. */
  policy?: PolicyIndex;
  /** /healthz and /readyz: the store and each adapter the process runs. */
  health?: Health;
  /** The platforms running (set once they started): notices to people go through them. */
  adapters?: Adapter[];
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
