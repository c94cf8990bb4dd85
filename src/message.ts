/**
 * The neutral reply model. The core builds replies from these blocks; each adapter renders
 * them (Block Kit, Discord embeds, plain text). Text is plain language with no markup:
 * adapters escape it, so text a person wrote can never ping anyone.
 */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'fields'; fields: Field[] }
  /** `amount` is the exact text ("89 hours 45 minutes of 90 hours"); without it, "done of total unit". */
  | { kind: 'progress'; label: string; done: number; total: number; unit: string; note?: string; amount?: string }
  | { kind: 'context'; text: string }
  | { kind: 'actions'; buttons: Button[] }
  | { kind: 'divider' };

export interface Field {
  label: string;
  value: string;
}

/**
 * A button runs a command when pressed, exactly as if the person had typed
 * `/<command> <args>`. The console shows it as a hint to type that command.
 */
export interface Button {
  label: string;
  command: string;
  args: string;
  style?: 'primary' | 'danger';
}

export interface Attachment {
  filename: string;
  contentType: string;
  /** Text (CSV, ICS) or bytes (a PDF). */
  content: string | Uint8Array;
}

/** The bytes of a file, whatever it holds. */
export function attachmentBytes(file: Attachment): Buffer {
  return typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content);
}

export interface Reply {
  blocks: Block[];
  files?: Attachment[];
  /** Personal data: only the person who asked may see it (ephemeral on Slack and Discord). */
  private: boolean;
}

export function reply(blocks: Block[], options: { private?: boolean; files?: Attachment[] } = {}): Reply {
  return { blocks, private: options.private ?? true, ...(options.files ? { files: options.files } : {}) };
}

/** A private reply made of plain lines, one idea per line. */
export function textReply(...lines: string[]): Reply {
  return reply([{ kind: 'text', text: lines.join('\n') }]);
}

export function progressBar(done: number, total: number, width = 10): string {
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  // Never rounded up: a bar is full only when it is done (89.75 of 90 shows 9 of 10).
  const filled = Math.floor(share * width);
  return '▓'.repeat(filled) + '░'.repeat(width - filled);
}

/** "45 of 90 hours": the one way every adapter writes a progress amount. */
export function progressAmount(block: Extract<Block, { kind: 'progress' }>): string {
  return block.amount ?? `${formatNumber(block.done)} of ${formatNumber(block.total)} ${block.unit}`;
}

export function progressLine(block: Extract<Block, { kind: 'progress' }>): string {
  const amount = progressAmount(block);
  return `${block.label}: ${progressBar(block.done, block.total)} ${amount}${block.note ? ` (${block.note})` : ''}`;
}

/** One decimal at most, cut, never rounded up: 89.75 is "89.7", so a total that is not done never reads done. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return (Math.floor(n * 10 + 1e-9) / 10).toFixed(1).replace(/\.0$/, '');
}

export function buttonHint(button: Button): string {
  return `${button.label}: type /${button.command}${button.args ? ` ${button.args}` : ''}`;
}

/** Plain-text rendering: the console uses it, and platforms use it as the notification text. */
export function plainText(r: Reply, options: { hints?: boolean } = {}): string {
  const lines: string[] = [];
  for (const block of r.blocks) {
    switch (block.kind) {
      case 'heading':
      case 'text':
      case 'context':
        lines.push(block.text);
        break;
      case 'fields':
        for (const f of block.fields) lines.push(`${f.label}: ${f.value}`);
        break;
      case 'progress':
        lines.push(progressLine(block));
        break;
      case 'actions':
        if (options.hints ?? true) for (const b of block.buttons) lines.push(`→ ${buttonHint(b)}`);
        break;
      case 'divider':
        lines.push('');
        break;
    }
  }
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
