import { z } from 'zod';
import type { Store } from '../../src/store/port.ts';

const SeenSchema = z.object({ at: z.number() });
const COLLECTION = 'requests-seen';
// Slack retries an event for about 30 minutes at most; an id older than a day is never sent again.
const KEEP_MS = 24 * 60 * 60_000;
const PRUNE_EVERY = 500;
let calls = 0;

/**
 * True the first time a platform's own request id (Slack's trigger_id or event_id, a click's
 * action_ts, Discord's interaction id) is seen, false for a redelivery of the same request.
 * The ids live in the store, so whichever instance answers, and after a restart, a request
 * runs once; a deliberate second click is a new request with a new id, and always runs.
 *
 * The one place duplicates are decided, by the store's atomic insert: of two instances given
 * the same request at the same moment, exactly one runs it.
 */
export async function rememberOnce(store: Store, key: string, now = Date.now()): Promise<boolean> {
  const seen = await store.collection(COLLECTION, SeenSchema);
  if (!(await seen.insert(key, { at: now }))) return false;
  if (++calls % PRUNE_EVERY === 0) {
    for (const { id, value } of await seen.all()) if (now - value.at > KEEP_MS) await seen.delete(id);
  }
  return true;
}
