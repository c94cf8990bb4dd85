/** The words of /help. */
import type { Category } from '../programs/schema.ts';

export const HELLO = 'Hi! I am peerbot. Here is what I can do:';
export const MORE = 'For more about one command, type /help and its name. Example: /help hours';
/** Free text reaches the bot in the console and in a direct message (not in a channel). */
export const plainWords = (platform: string) =>
  platform === 'console'
    ? 'You can also just write what you did. Example: i did 2 hours of shadowing today'
    : 'In a direct message to me, you can also just write what you did. Example: i did 2 hours of shadowing today';
export const unknownHelp = (asked: string) => `I don't know a command called "${asked}".`;

/** "Kinds of hours you can log" with the short word to type for each: "One-on-one mentoring (type 1on1)". */
export function kindsOfHours(categories: Category[]): string {
  const lines = categories.map((c) => `  ${c.label} (type ${c.word ?? c.id})`);
  return ['Kinds of hours you can log:', ...lines].join('\n');
}
