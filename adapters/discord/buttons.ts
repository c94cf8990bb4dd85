import type { Button } from '../../src/message.ts';

const RUN = 'run:';
const TOKEN = 'tok:';
const MAX_ID = 100;
const MAX_TOKENS = 5000;

/** What a pressed button asks for: `/<command> <args>`, run as the person who pressed it. */
export interface ButtonAction {
  command: string;
  args: string;
}

/**
 * Encodes a button's command in its custom_id (Discord allows 100 characters). A longer
 * command is kept here under a short token; the oldest tokens are forgotten first. The
 * custom_id is not trusted: the command runs as the person who clicked, with their rights,
 * exactly as if they had typed it.
 */
export class ButtonIds {
  private tokens = new Map<string, ButtonAction>();
  private next = 1;

  encode(button: Button): string {
    const plain = `${RUN}${button.command} ${button.args}`.trimEnd();
    if (plain.length <= MAX_ID) return plain;
    const token = `${TOKEN}${Date.now().toString(36)}.${(this.next++).toString(36)}`;
    this.tokens.set(token, { command: button.command, args: button.args });
    if (this.tokens.size > MAX_TOKENS) this.tokens.delete(this.tokens.keys().next().value!);
    return token;
  }

  /** The action, or undefined when the id is unknown (an old token after a restart). */
  decode(customId: string): ButtonAction | undefined {
    if (customId.startsWith(TOKEN)) return this.tokens.get(customId);
    if (!customId.startsWith(RUN)) return undefined;
    const rest = customId.slice(RUN.length);
    const space = rest.indexOf(' ');
    return space < 0 ? { command: rest, args: '' } : { command: rest.slice(0, space), args: rest.slice(space + 1) };
  }
}
