import type { Block, Reply } from '../../src/message.ts';

/** "approve all page:2" -> the command's own text and the page asked for (the adapter's word, not the command's). */
export function splitPage(text: string): { text: string; page: number } {
  const match = /(?:^|\s)page:(\d{1,4})\s*$/.exec(text);
  if (!match) return { text, page: 1 };
  return { text: text.slice(0, match.index).trimEnd(), page: Math.max(1, Number(match[1])) };
}

/** The two blocks that end a page that is not the last: where you are, and a button for the next page. */
export function moreBlocks(index: number, pages: number, command: string, args: string): Block[] {
  const next = `${args ? `${args} ` : ''}page:${index + 2}`;
  return [
    { kind: 'context', text: `Page ${index + 1} of ${pages}.` },
    { kind: 'actions', buttons: [{ label: 'Show more', command, args: next }] },
  ];
}

/**
 * One page of a reply that is too long for one message, cut between blocks: each page is as
 * many blocks as `fits` allows with the "Show more" blocks added. A page that is not the last
 * ends with a button that runs the same command for the next page.
 */
export function pageOf(
  reply: Reply,
  page: number,
  command: string,
  args: string,
  fits: (blocks: Block[]) => boolean,
): Reply {
  if (fits(reply.blocks)) return reply;
  const pages: Block[][] = [[]];
  for (const block of reply.blocks) {
    const current = pages.at(-1)!;
    // The footer is measured as for a page in the middle (the longest "Page 10 of 10." is close enough).
    if (current.length && !fits([...current, block, ...moreBlocks(98, 99, command, args)])) pages.push([block]);
    else current.push(block);
  }
  if (pages.length === 1) return reply;
  const index = Math.min(page, pages.length) - 1;
  const blocks = [...pages[index]!];
  if (index < pages.length - 1) blocks.push(...moreBlocks(index, pages.length, command, args));
  // Files and privacy belong to the whole answer; files go with the first page only.
  return { ...reply, blocks, ...(index === 0 ? {} : { files: undefined }) };
}
