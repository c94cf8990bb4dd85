import type { Services } from '../../src/services.ts';

const GREETINGS = /^(hi|hello|hey|help|menu|\?)\W*$/i;

/**
 * Turns a typed line (the console, or a direct message to the bot on Slack or Discord) into a
 * command and its text. "/hours log 2h" and "hours log 2h" both work; a greeting shows help;
 * any other sentence goes to /ask when it exists, which offers hours typed there as a log.
 */
export function lineToInvocation(line: string, services: Services): { command: string; text: string } {
  // "/ hours log 2h" (a space after the slash) means /hours too.
  const match = /^\/?\s*(\S+)\s*([\s\S]*)$/.exec(line)!;
  const word = match[1]!.toLowerCase();
  if (line.startsWith('/') || services.commands.has(word)) return { command: word, text: match[2]! };
  if (GREETINGS.test(line) || !services.commands.has('ask')) return { command: 'help', text: '' };
  return { command: 'ask', text: line };
}
