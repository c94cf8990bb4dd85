import { plainText } from '../../src/message.ts';
import type { Reply } from '../../src/message.ts';

const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

/** The first line of a reply everyone in the channel sees, so a person knows it is not just for them. */
export const PUBLIC_LABEL = '(Everyone in the channel can see this.)';

/**
 * A reply as terminal text. A public reply (one a platform posts to the channel) starts with
 * PUBLIC_LABEL. Outside a terminal a reply with a file (CSV, ICS) prints the file
 * alone, so `... | npm start > hours.csv` gives a clean file; in a terminal the caption comes first.
 */
export function renderConsole(reply: Reply, { interactive }: { interactive: boolean }): string {
  const files = reply.files ?? [];
  if (files.length && !interactive) return files.map((f) => String(f.content).replace(/\n$/, '')).join('\n');
  const text = reply.private ? plainText(reply) : `${PUBLIC_LABEL}\n${plainText(reply)}`;
  if (!interactive) return text;
  const styled =
    reply.private && reply.blocks[0]?.kind === 'heading' ? text.replace(/^[^\n]*/, (h) => `${BOLD}${h}${RESET}`) : text;
  const withHints = styled.replace(/^→ .*$/gm, (hint) => `${DIM}${hint}${RESET}`);
  const attached = files.map(
    (f) =>
      `${DIM}--- ${f.filename} ---${RESET}\n${String(f.content).replace(/\n$/, '')}\n${DIM}--- end of ${f.filename} ---${RESET}`,
  );
  return [withHints, ...attached].join('\n');
}

export function banner(user: string): string {
  return [
    `${BOLD}Hi! I am peerbot.${RESET}`,
    `You are chatting as ${user}. Type a command and press Enter.`,
    'Try: /hours log 2h shadowing   or   /cert   or   /help',
    'Type /quit to leave.',
    '',
  ].join('\n');
}
