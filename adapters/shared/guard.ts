import type { Logger } from '../../src/services.ts';

/** Something an adapter does to get its connection back after a fault it did not see coming. */
type Recover = () => void;

const recoverers = new Set<{ name: string; recover: Recover; log: Logger }>();
let listening = false;

function onRejection(reason: unknown): void {
  // Node's default for an unhandled rejection is to end the process. A chat library's reconnect
  // path is where they come from (a lost connection mid-retry), so each adapter is logged and
  // asked to check its connection instead, and the bot keeps answering.
  for (const entry of recoverers) {
    entry.log.error(`${entry.name}: an error nobody handled; checking the connection`, reason);
    try {
      entry.recover();
    } catch (error) {
      entry.log.error(`${entry.name}: could not start reconnecting`, error);
    }
  }
}

/**
 * While an adapter runs, an unhandled rejection anywhere in the process is logged and the
 * adapter reconnects if its connection is down; the process does not exit. Returns the undo.
 */
export function keepAlive(name: string, log: Logger, recover: Recover): () => void {
  const entry = { name, recover, log };
  recoverers.add(entry);
  if (!listening) {
    process.on('unhandledRejection', onRejection);
    listening = true;
  }
  return () => {
    recoverers.delete(entry);
    if (recoverers.size === 0 && listening) {
      process.off('unhandledRejection', onRejection);
      listening = false;
    }
  };
}
