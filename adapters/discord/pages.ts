import type { Block, Reply } from '../../src/message.ts';
import { pageOf } from '../shared/paging.ts';
import { fitsOneMessage } from './render.ts';

// A text block longer than this is cut at line ends first, so one long list can page too.
const TEXT_PART = 3500;

/**
 * A reply past Discord's limits (10 embeds, 6,000 characters, 5 rows of buttons) in pages:
 * each ends with a "Show more" button that runs the same command for the next page, as on
 * Slack, instead of sending the whole text as a file.
 */
export function discordPage(reply: Reply, page: number, command: string, args: string): Reply {
  const blocks = reply.blocks.flatMap(splitText);
  return pageOf({ ...reply, blocks }, page, command, args, (b) => fitsOneMessage({ ...reply, blocks: b }));
}

function splitText(block: Block): Block[] {
  if (block.kind !== 'text' || block.text.length <= TEXT_PART) return [block];
  const parts: string[] = [''];
  for (const line of block.text.split('\n')) {
    const last = parts.at(-1)!;
    if (last && last.length + 1 + line.length > TEXT_PART) parts.push(line);
    else parts[parts.length - 1] = last ? `${last}\n${line}` : line;
  }
  return parts.map((text) => ({ kind: 'text', text }));
}
