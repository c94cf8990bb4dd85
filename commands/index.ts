import type { Command } from '../src/bot.ts';
import help from './help.ts';

/** Every command the bot knows. Adding a command: one file in commands/, one line here. */
export const allCommands: Command[] = [help];
