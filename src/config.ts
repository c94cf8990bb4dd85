import fs from 'node:fs';
import path from 'node:path';
import { logFormat } from './log.ts';
import type { LogFormat } from './log.ts';

/** Everything peerbot reads from the environment (SPEC "Starting it"), read once at start. */
export interface Config {
  tz: string;
  now?: string;
  dbPath: string;
  /** PostgreSQL instead of lowdb: DATABASE_URL or PEERBOT_DATABASE_URL, and an optional schema. */
  database?: { url: string; schema?: string };
  admins: Set<string>;
  defaultProgram: string;
  programsDir: string;
  policiesDir: string;
  port: number;
  /** PORT was set: the console then serves /healthz and /readyz too. */
  portSet: boolean;
  logFormat: LogFormat;
  slack?: { botToken: string; signingSecret: string; appToken?: string; apiUrl?: string };
  discord?: { token: string; applicationId: string; apiUrl?: string; guildId?: string };
}

/**
 * The folder holding data/: the nearest one above this file. From src/ that is the repo; from
 * the compiled dist/src/ it is one level further up, so both find the same data/ folder.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'data', 'programs'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

const root = findRoot(import.meta.dirname);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const list = (v?: string) =>
    new Set(
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}". Example: PORT=3000`);
  return {
    tz: env.PEERBOT_TZ || 'America/Chicago',
    now: env.PEERBOT_NOW || undefined,
    dbPath: path.resolve(env.PEERBOT_DB || path.join(root, 'data', 'db.json')),
    database:
      env.DATABASE_URL || env.PEERBOT_DATABASE_URL
        ? {
            url: (env.PEERBOT_DATABASE_URL || env.DATABASE_URL)!,
            schema: databaseSchema(env.PEERBOT_DATABASE_SCHEMA),
          }
        : undefined,
    admins: list(env.PEERBOT_ADMINS),
    defaultProgram: env.PEERBOT_DEFAULT_PROGRAM || 'wi-peer-mentor',
    programsDir: path.resolve(env.PEERBOT_PROGRAMS || path.join(root, 'data', 'programs')),
    policiesDir: path.resolve(env.PEERBOT_POLICIES || path.join(root, 'data', 'policies')),
    port,
    portSet: Boolean(env.PORT),
    logFormat: logFormat(env.LOG_FORMAT),
    slack:
      env.SLACK_BOT_TOKEN && env.SLACK_SIGNING_SECRET
        ? {
            botToken: env.SLACK_BOT_TOKEN,
            signingSecret: env.SLACK_SIGNING_SECRET,
            appToken: env.SLACK_APP_TOKEN || undefined,
            apiUrl: env.SLACK_API_URL || undefined,
          }
        : undefined,
    discord:
      env.DISCORD_TOKEN && env.DISCORD_APPLICATION_ID
        ? {
            token: env.DISCORD_TOKEN,
            applicationId: env.DISCORD_APPLICATION_ID,
            apiUrl: env.DISCORD_API_URL || undefined,
            guildId: env.DISCORD_GUILD_ID || undefined,
          }
        : undefined,
  };
}

function databaseSchema(name?: string): string | undefined {
  if (!name) return undefined;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new Error(
      `PEERBOT_DATABASE_SCHEMA must be a plain name (letters, digits, _), not "${name}". Example: peerbot`,
    );
  return name;
}
