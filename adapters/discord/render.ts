import { ButtonStyle, ComponentType, escapeMarkdown } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import { attachmentBytes, plainText, progressAmount, progressBar } from '../../src/message.ts';
import type { Block, Button, Reply } from '../../src/message.ts';
import type { ButtonIds } from './buttons.ts';

/** A reply in Discord's shapes; the adapter adds flags and allowed_mentions when sending. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: Array<APIActionRowComponent<APIButtonComponent>>;
  files: Array<{ name: string; data: Buffer; contentType: string }>;
}

const COLOR = 0x3b82f6;
// Discord's limits: https://discord.com/developers/docs/resources/message#embed-object-embed-limits
const LIMIT = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embeds: 10,
  total: 6000,
};

/**
 * Renders the core's neutral reply as embeds and buttons. Headings start an embed, text is its
 * description, fields and progress bars are embed fields, the context line ("Source: …") is the
 * footer. Everything a person wrote is escaped, so a note cannot format or ping.
 */
export function renderReply(reply: Reply, ids: ButtonIds): DiscordMessage {
  const embeds: APIEmbed[] = [];
  const buttons: Button[][] = [];
  let current: APIEmbed = { color: COLOR };
  const flush = () => {
    if (current.title || current.description || current.fields?.length || current.footer) embeds.push(current);
    current = { color: COLOR };
  };
  for (const block of reply.blocks) {
    if (startsNewEmbed(current, block)) flush();
    switch (block.kind) {
      case 'heading':
        current.title = clip(escapeText(block.text), LIMIT.title);
        break;
      case 'text':
        // A long list is split over embeds, never cut: withinTotalLimit() attaches it whole if it is too long for one message.
        for (const piece of pieces(escapeText(block.text), LIMIT.description)) {
          if (current.description && current.description.length + 1 + piece.length > LIMIT.description) flush();
          current.description = joinLines(current.description, piece);
        }
        break;
      case 'fields':
        for (const f of block.fields) addField(current, f.label, escapeText(f.value), true);
        break;
      case 'progress': {
        const amount = progressAmount(block);
        addField(
          current,
          block.label,
          `${progressBar(block.done, block.total)} ${amount}${block.note ? `\n${escapeText(block.note)}` : ''}`,
          false,
        );
        break;
      }
      case 'context':
        current.footer = { text: clip(joinLines(current.footer?.text, block.text), LIMIT.footer) };
        break;
      case 'actions':
        buttons.push(block.buttons);
        break;
      case 'divider':
        flush();
        break;
    }
  }
  flush();
  const files = (reply.files ?? []).map((f) => ({
    name: f.filename,
    data: attachmentBytes(f),
    contentType: f.contentType,
  }));
  const message = withinTotalLimit(reply, { embeds, components: buttonRows(buttons, ids), files });
  // Discord refuses a message with nothing to show.
  return message.embeds.length || message.files.length ? message : { ...message, content: 'Done.' };
}

/** Embed parts show in a fixed order (title, description, fields, footer); a block out of that order starts a new embed. */
function startsNewEmbed(current: APIEmbed, block: Block): boolean {
  if (current.footer) return block.kind !== 'actions' && block.kind !== 'context';
  if (block.kind === 'heading') return Boolean(current.title || current.description || current.fields?.length);
  if (block.kind === 'text') return Boolean(current.fields?.length);
  if (block.kind === 'fields' || block.kind === 'progress') return (current.fields?.length ?? 0) >= LIMIT.fields;
  return false;
}

function addField(embed: APIEmbed, name: string, value: string, inline: boolean): void {
  (embed.fields ??= []).push({
    name: clip(name, LIMIT.fieldName),
    value: clip(value || '-', LIMIT.fieldValue),
    inline,
  });
}

/**
 * At most 5 rows of 5. A group of buttons (one actions block: one person's, one meeting's) is
 * kept in one row when it fits, so its buttons are not split across rows.
 */
function buttonRows(groups: Button[][], ids: ButtonIds): Array<APIActionRowComponent<APIButtonComponent>> {
  const rows: Array<APIActionRowComponent<APIButtonComponent>> = [];
  const placed = groups.flatMap((group) => group.map((b, i) => ({ b, size: i === 0 ? Math.min(group.length, 5) : 0 })));
  for (const { b, size } of placed) {
    const used = rows.at(-1)?.components.length ?? 5;
    if (used >= 5 || used + size > 5) rows.push({ type: ComponentType.ActionRow, components: [] });
    if (rows.length > 5) {
      rows.pop();
      break;
    }
    rows.at(-1)!.components.push({
      type: ComponentType.Button,
      style:
        b.style === 'danger' ? ButtonStyle.Danger : b.style === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary,
      label: clip(b.label, 80),
      custom_id: ids.encode(b),
    });
  }
  return rows;
}

/**
 * True when the reply shows whole in one message: every embed within Discord's totals and
 * every button placed (the rows left one short, for a "Show more" button).
 */
export function fitsOneMessage(reply: Reply): boolean {
  const message = renderReply(reply, { encode: () => 'x' } as unknown as ButtonIds);
  const buttons = reply.blocks.reduce((n, b) => n + (b.kind === 'actions' ? b.buttons.length : 0), 0);
  const placed = message.components.reduce((n, row) => n + row.components.length, 0);
  return message.files.length === (reply.files?.length ?? 0) && placed === buttons;
}

/** A reply too long for embeds (a long list) is shortened, and the whole text comes as a file. */
function withinTotalLimit(reply: Reply, message: DiscordMessage): DiscordMessage {
  const size = (e: APIEmbed) =>
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  const kept: APIEmbed[] = [];
  let total = 0;
  for (const embed of message.embeds) {
    if (kept.length >= LIMIT.embeds - 1 || total + size(embed) > LIMIT.total - 100) {
      kept.push({ color: COLOR, description: 'This is long. The whole answer is in the file reply.txt.' });
      const whole = {
        name: 'reply.txt',
        data: Buffer.from(plainText(reply, { hints: false }), 'utf8'),
        contentType: 'text/plain',
      };
      return { ...message, embeds: kept, files: [...message.files, whole] };
    }
    kept.push(embed);
    total += size(embed);
  }
  return message;
}

/** Text is plain: formatting marks, headings and masked links a person typed show as typed. */
function escapeText(text: string): string {
  // The core names a person as `@discord:42`; Discord shows `<@42>` as their name, and
  // allowed_mentions (none) keeps it from pinging anyone.
  return escapeMarkdown(text, { heading: true, maskedLink: true }).replace(/@discord:(\d{5,25})\b/g, '<@$1>');
}

/** Splits text at line ends into parts of at most `max` characters. */
function pieces(text: string, max: number): string[] {
  const parts: string[] = [];
  let part = '';
  for (const line of text.split('\n')) {
    for (let rest = line; ; rest = rest.slice(max)) {
      const chunk = rest.slice(0, max);
      if (part && part.length + 1 + chunk.length > max) {
        parts.push(part);
        part = '';
      }
      part = part ? `${part}\n${chunk}` : chunk;
      if (rest.length <= max) break;
    }
  }
  return [...parts, part];
}

function joinLines(before: string | undefined, text: string): string {
  return before ? `${before}\n${text}` : text;
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
