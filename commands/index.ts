import type { Command } from '../src/bot.ts';
import hours from './hours.ts';
import cert from './cert.ts';
import team from './team.ts';
import deadlines from './deadlines.ts';
import admin from './admin.ts';
import help from './help.ts';
import peerbot from './peerbot.ts';
import meet from './meet.ts';
import link from './link.ts';
import ask from './ask.ts';

/** Every command the bot knows. Adding a command: one file in commands/, one line here. */
export const allCommands: Command[] = [hours, cert, team, deadlines, meet, admin, help, peerbot, link, ask];
