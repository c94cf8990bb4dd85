import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { dispatch } from '../../src/bot.ts';
import type { Invocation } from '../../src/bot.ts';
import type { Block, Button, Reply } from '../../src/message.ts';
import type { Services } from '../../src/services.ts';
import type { Store } from '../../src/store/port.ts';
import { renderedBlocks } from './render.ts';
import { pageOf as pagesOf, splitPage } from '../shared/paging.ts';

// Slack refuses a whole message over 50 blocks.
const MAX_BLOCKS = 50;
// Slack refuses a button value over 2,000 characters (and with it the whole reply).
const MAX_VALUE = 2000;
/** A button whose command is kept in the store under a short token. */
export const STORED = '__stored';

export { splitPage } from '../shared/paging.ts';

/**
 * One page of a reply that is too long for one Slack message, cut between blocks. Past the
 * last block that fits, a "Show more" button runs the same command again for the next page.
 */
export function pageOf(reply: Reply, page: number, command: string, args: string): Reply {
  const size = (blocks: Block[]) => blocks.reduce((n, b) => n + renderedBlocks(b), 0);
  return pagesOf(reply, page, command, args, (blocks) => size(blocks) <= MAX_BLOCKS);
}

const StoredButtonSchema = z.object({ command: z.string(), args: z.string(), at: z.number() });

/**
 * A button whose command is too long for Slack (Approve all with hundreds of entry numbers)
 * carries a short token instead; the command waits in the store, so any instance can run it.
 */
export async function withShortButtons(store: Store, reply: Reply): Promise<Reply> {
  const long = (b: Button) => JSON.stringify({ command: b.command, args: b.args }).length > MAX_VALUE;
  if (!reply.blocks.some((b) => b.kind === 'actions' && b.buttons.some(long))) return reply;
  const buttons = await store.collection('slack-buttons', StoredButtonSchema);
  const blocks: Block[] = [];
  for (const block of reply.blocks) {
    if (block.kind !== 'actions') {
      blocks.push(block);
      continue;
    }
    const kept: Button[] = [];
    for (const button of block.buttons) {
      if (!long(button)) {
        kept.push(button);
        continue;
      }
      const token = randomBytes(9).toString('base64url');
      await buttons.put(token, { command: button.command, args: button.args, at: Date.now() });
      kept.push({ ...button, command: STORED, args: token });
    }
    blocks.push({ ...block, buttons: kept });
  }
  return { ...reply, blocks };
}

/** The command a stored button stands for, or undefined when it is gone. */
export async function storedButton(
  store: Store,
  token: string,
): Promise<{ command: string; args: string } | undefined> {
  const found = await (await store.collection('slack-buttons', StoredButtonSchema)).get(token);
  return found ? { command: found.command, args: found.args } : undefined;
}

/**
 * Runs an invocation and gives the page of its reply that was asked for (`page:2` at the end,
 * from a "Show more" button), with over-long buttons swapped for stored tokens.
 */
export async function pagedReply(services: Services, inv: Invocation): Promise<Reply> {
  const { text, page } = splitPage(inv.text);
  const reply = await dispatch(services, { ...inv, text });
  return withShortButtons(services.store, pageOf(reply, page, inv.command, text));
}
