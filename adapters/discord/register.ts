import { Routes } from 'discord.js';
import type { REST } from 'discord.js';
import type { CommandDefinition } from './definitions.ts';

export interface RegisterResult {
  changed: boolean;
  count: number;
  scope: string;
}

/**
 * Puts the command definitions on Discord, for one server (`guildId`, shows at once) or
 * globally. Discord rate-limits command writes and re-sends every definition to every client
 * on change, so it only writes when what GET returns differs from what the core declares.
 */
export async function registerCommands(
  rest: REST,
  applicationId: string,
  definitions: CommandDefinition[],
  guildId?: string,
): Promise<RegisterResult> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const scope = guildId ? `server ${guildId}` : 'all servers';
  const existing = (await rest.get(route)) as unknown[];
  if (sameDefinitions(existing, definitions)) return { changed: false, count: definitions.length, scope };
  await rest.put(route, { body: definitions });
  return { changed: true, count: definitions.length, scope };
}

/** Compares only what we declare: Discord adds ids, versions and defaults to what it returns. */
function sameDefinitions(existing: unknown[], wanted: CommandDefinition[]): boolean {
  const a = existing.map(normalize).sort(byName);
  const b = wanted.map(normalize).sort(byName);
  return JSON.stringify(a) === JSON.stringify(b);
}

type Normalized = { name: string; [key: string]: unknown };

function normalize(value: unknown): Normalized {
  const o = (value ?? {}) as Record<string, unknown>;
  const options = Array.isArray(o.options) ? o.options.map(normalize) : [];
  const choices = Array.isArray(o.choices)
    ? o.choices.map((c) => ({ name: (c as Normalized).name, value: (c as { value: unknown }).value }))
    : [];
  return {
    name: String(o.name ?? ''),
    description: String(o.description ?? ''),
    type: Number(o.type ?? 1),
    required: Boolean(o.required),
    autocomplete: Boolean(o.autocomplete),
    choices,
    // Option order matters to Discord (it is the order people fill them in), so it is kept.
    options,
  };
}

function byName(a: Normalized, b: Normalized): number {
  return a.name.localeCompare(b.name);
}
