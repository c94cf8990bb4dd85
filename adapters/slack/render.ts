import type { types } from '@slack/bolt';
import type { Block, Button, Reply } from '../../src/message.ts';
import { plainText, progressAmount, progressBar } from '../../src/message.ts';

type KnownBlock = types.KnownBlock;

/** Every button peerbot renders has an action_id starting with this, so one listener catches them all. */
export const ACTION_PREFIX = 'peerbot:';

// Slack's documented limits; going over makes Slack refuse the whole message.
const MAX_BLOCKS = 50;
const MAX_SECTION = 3000;
const MAX_FIELD = 2000;
const MAX_HEADER = 150;
const MAX_BUTTON_LABEL = 75;

/**
 * Escapes text for Slack's mrkdwn: `<!channel>`, `<!here>` and `<@U123>` are only special
 * when written with a real `<`, so after this nobody can be pinged by text a person wrote.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** What a button carries: the command and its arguments, run as the person who pressed it. */
export interface ButtonValue {
  command: string;
  args: string;
}

function encodeButton(button: Button): string {
  return JSON.stringify({ command: button.command, args: button.args } satisfies ButtonValue);
}

export function decodeButton(value: string | undefined): ButtonValue | undefined {
  try {
    const parsed = JSON.parse(value ?? '') as Partial<ButtonValue>;
    if (typeof parsed.command === 'string' && typeof parsed.args === 'string')
      return { command: parsed.command, args: parsed.args };
  } catch {
    // A value we did not write: treated as no button at all.
  }
  return undefined;
}

/** The notification text and screen-reader fallback: the same words as the console, escaped. */
export function fallbackText(reply: Reply): string {
  return escapeSlack(cut(plainText(reply, { hints: false }) || 'Done.', 3900));
}

/** The neutral reply as Block Kit blocks (at most 50, Slack's limit). */
export function toBlocks(reply: Reply, maxBlocks = MAX_BLOCKS): KnownBlock[] {
  const blocks = reply.blocks.flatMap((block, index) => renderBlock(block, index));
  if (reply.private) blocks.forEach(withMentions);
  if (blocks.length <= maxBlocks) return blocks;
  const more: KnownBlock = {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: 'There is more. I can only show the first part here.' }],
  };
  return [...blocks.slice(0, maxBlocks - 1), more];
}

/**
 * The core names a person as `@slack:U123`; Slack shows `<@U123>` as their name. Only in a
 * private answer (ephemeral or a direct message): in a channel, text a person wrote (a meeting
 * title) must never ping anyone.
 */
function withMentions(block: KnownBlock): void {
  const render = (text: string) => text.replace(/@slack:([UW][A-Z0-9]{2,20})\b/g, '<@$1>');
  if (block.type === 'section' && block.text) block.text.text = render(block.text.text);
  if (block.type === 'section' && block.fields) for (const f of block.fields) f.text = render(f.text);
  if (block.type === 'context') for (const e of block.elements) if (e.type === 'mrkdwn') e.text = render(e.text);
}

/** How many Block Kit blocks one neutral block becomes (for paging). */
export function renderedBlocks(block: Block): number {
  return renderBlock(block, 0).length;
}

function renderBlock(block: Block, index: number): KnownBlock[] {
  switch (block.kind) {
    case 'heading':
      return [{ type: 'header', text: { type: 'plain_text', text: cut(block.text, MAX_HEADER), emoji: true } }];
    case 'text':
      return chunks(block.text, MAX_SECTION).map((text) => section(escapeSlack(text)));
    case 'fields':
      return groups(block.fields, 10).map((fields) => ({
        type: 'section',
        fields: fields.map((f) => ({
          type: 'mrkdwn',
          text: cut(`*${escapeSlack(f.label)}*\n${escapeSlack(f.value)}`, MAX_FIELD),
        })),
      }));
    case 'progress': {
      const amount = progressAmount(block);
      const note = block.note ? ` (${escapeSlack(block.note)})` : '';
      return [
        section(
          `*${escapeSlack(block.label)}*\n\`${progressBar(block.done, block.total)}\` ${escapeSlack(amount)}${note}`,
        ),
      ];
    }
    case 'context':
      return [{ type: 'context', elements: [{ type: 'mrkdwn', text: cut(escapeSlack(block.text), MAX_SECTION) }] }];
    case 'actions':
      return groups(block.buttons, 25).map((buttons, group) => ({
        type: 'actions',
        elements: buttons.map((button, i) => ({
          type: 'button',
          action_id: `${ACTION_PREFIX}${index}:${group}:${i}`,
          text: { type: 'plain_text', text: cut(button.label, MAX_BUTTON_LABEL), emoji: true },
          value: encodeButton(button),
          ...(button.style ? { style: button.style } : {}),
        })),
      }));
    case 'divider':
      return [{ type: 'divider' }];
  }
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: cut(text, MAX_SECTION) } };
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Splits long text on line breaks so each part fits one section. */
function chunks(text: string, max: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    // Escaping can grow a line up to 5×; measure what Slack will count.
    const grown = escapeSlack(line).length;
    if (current && escapeSlack(current).length + grown + 1 > max) {
      parts.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  parts.push(current);
  // Slack refuses a section with no text, so blank parts are dropped.
  return parts.filter((p) => p.trim() !== '');
}

function groups<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
