import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../../src/config.ts';
import { createServices } from '../../src/app.ts';
import { dispatch } from '../../src/bot.ts';
import type { Command, Platform } from '../../src/bot.ts';
import { UserError } from '../../src/errors.ts';
import { plainText } from '../../src/message.ts';
import { silentLogger } from '../../src/services.ts';
import type { Logger, Services } from '../../src/services.ts';

/** One thing typed by someone: the console line, who typed it and on which platform. */
export interface FuzzInput {
  user: string;
  platform: Platform;
  line: string;
}

/** What one input did, and what was wrong with it (empty when nothing was). */
export interface FuzzOutcome {
  input: FuzzInput;
  reply: string;
  refused: boolean;
  ms: number;
  cpuMs: number;
  problems: string[];
}

/**
 * The people every fuzz world starts with, one of each role. Their ids are what the
 * generators pick from, so every role gets every input.
 */
export const ROLE_USERS = { mentor: 'alice', supervisor: 'sue', facilitator: 'fran', admin: 'admin' } as const;

const SETUP = [
  '/admin enroll @alice supervisor:@sue hired:2026-01-05 internship-start:2026-03-02',
  '/admin enroll @bob supervisor:@sam internship-start:2026-03-02',
  '/admin role @fran facilitator',
  '/admin enroll @constructor supervisor:@sue',
];
const SETUP_AS: Array<[string, string]> = [
  ['fran', '/meet schedule "Learning Collaborative" meeting every 2nd tuesday 10:00 90m https://zoom.us/j/1'],
  ['fran', '/meet schedule "Monthly peer call" teleconference every last thursday 13:00 60m'],
  ['alice', '/hours log 2h shadowing yesterday met with Sam'],
  ['alice', '/hours log 1h 1on1 3/10'],
  ['bob', '/hours log 90 min group'],
  // The first casual dates after start make V8 compile chrono's patterns (about 0.3 s of CPU, once
  // per process): paid here, so the timings below are what an input costs a running bot.
  ['bob', '/hours log 1h 1on1 last friday'],
  ['bob', '/hours log 1h 1on1 3 days ago'],
];

const INTERNAL_FAULT = /something went wrong/i;
// A stack frame ("    at fn (file.ts:1:2)"), an error class with its message, or a source path.
const STACK_TRACE = [/\n\s*at \S.*:\d+:\d+/, /\b(?:Type|Range|Reference|Syntax|Zod)?Error: /, /node_modules|\.ts:\d+/];

/** A real lowdb store on a temp folder, the real commands, and a way to check each input. */
export class FuzzWorld {
  private refused = false;
  private ran = false;
  private lastLoaded = '';
  faults: unknown[] = [];

  private constructor(
    readonly services: Services,
    readonly dir: string,
  ) {}

  static async create(): Promise<FuzzWorld> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'peerbot-fuzz-'));
    const config = loadConfig({
      PEERBOT_DB: path.join(dir, 'db.json'),
      PEERBOT_NOW: '2026-03-16T10:00:00-05:00',
      PEERBOT_ADMINS: 'admin',
    });
    const faults: unknown[] = [];
    const log: Logger = { ...silentLogger, error: (_message, ...rest) => void faults.push(rest[0]) };
    const services = await createServices(config, log);
    const world = new FuzzWorld(services, dir);
    world.faults = faults;
    world.watchRefusals();
    for (const line of SETUP) await world.setup('admin', line);
    for (const [user, line] of SETUP_AS) await world.setup(user, line);
    world.lastLoaded = await world.snapshot();
    return world;
  }

  private async setup(user: string, line: string): Promise<void> {
    const outcome = await this.send({ user, platform: 'console', line });
    if (outcome.refused || outcome.problems.length) throw new Error(`fuzz setup failed: ${line}: ${outcome.reply}`);
  }

  /**
   * Notes whether a command refused its input (threw a UserError). The command runs exactly as
   * it would; this only watches, so "nothing refused was stored" can be checked from outside.
   */
  private watchRefusals(): void {
    const { commands } = this.services;
    for (const [name, command] of commands) {
      const watched: Command = {
        ...command,
        run: async (ctx, text) => {
          this.ran = true;
          try {
            return await command.run(ctx, text);
          } catch (error) {
            if (error instanceof UserError) this.refused = true;
            throw error;
          }
        },
      };
      commands.set(name, watched);
    }
  }

  private async send(input: FuzzInput): Promise<FuzzOutcome> {
    const match = /^\/?(\S*)\s*([\s\S]*)$/.exec(input.line)!;
    this.refused = false;
    this.ran = false;
    this.faults.length = 0;
    const cpu = process.cpuUsage();
    const start = performance.now();
    const reply = await dispatch(this.services, {
      platform: input.platform,
      userId: input.user,
      command: match[1]!,
      text: match[2]!,
    });
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const text = plainText(reply) + (reply.files ?? []).map((f) => `\n${f.content}`).join('');
    const problems: string[] = [];
    if (INTERNAL_FAULT.test(text)) problems.push(`internal fault: ${String(this.faults[0] ?? '').slice(0, 300)}`);
    for (const pattern of STACK_TRACE)
      if (pattern.test(text) && !pattern.test(input.line)) problems.push(`stack trace in the reply: ${pattern}`);
    // Parsers set quoted text aside as "\u0000Q\u0000"; a person must never see one.
    if (text.includes('\u0000') && !input.line.includes('\u0000')) problems.push('a parser placeholder in the reply');
    // A refusal, an unknown command or a message that was too long never reached a handler's write.
    const refused = this.refused || !this.ran;
    return { input, reply: text, refused, ms, cpuMs: (used.user + used.system) / 1000, problems };
  }

  /**
   * Sends one input and checks what the issue asks of every input: no internal fault, no stack
   * trace, nothing stored when it was refused, and the store still loads from disk.
   */
  async check(input: FuzzInput): Promise<FuzzOutcome> {
    const before = await this.snapshot();
    const outcome = await this.send(input);
    const after = await this.snapshot();
    if (outcome.refused && after !== before) outcome.problems.push('a refused command changed the store');
    if (after !== this.lastLoaded) {
      const problem = await this.loads();
      if (problem) outcome.problems.push(`the store does not load: ${problem}`);
      else this.lastLoaded = after;
    }
    return outcome;
  }

  /** Opens the store again from its files, as a restart would; the error message if it cannot. */
  async loads(): Promise<string | undefined> {
    try {
      const again = await createServices(this.services.config, silentLogger);
      await again.store.close();
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message.split('\n')[0] : String(error);
    }
  }

  /** Every data file's name and content, so two snapshots are equal only if nothing was written. */
  async snapshot(): Promise<string> {
    const parts: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(dir, e.name);
        // Locks and owner files say who holds the store, not what it holds.
        if (/\.(locks?|owner)$/.test(e.name)) continue;
        if (e.isDirectory()) await walk(full);
        else if (e.name.endsWith('.json'))
          parts.push(`${path.relative(this.dir, full)}\n${await fs.readFile(full, 'utf8')}`);
      }
    };
    await walk(this.dir);
    return parts.join('\n\u0000\n');
  }

  async close(): Promise<void> {
    await this.services.store.close();
    await fs.rm(this.dir, { recursive: true, force: true });
  }
}
