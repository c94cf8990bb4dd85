import fs from 'node:fs/promises';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { z } from 'zod';
import { StoreError } from '../../errors.ts';
import { SCHEMA_VERSION, describeZodError } from '../schema.ts';

interface ReadOptions<T> {
  /** The data for a file that does not exist yet; without it a missing file is an error. */
  empty?: () => T;
  /** Turns what the file holds into the current shape before it is checked (migrations). */
  prepare?: (raw: unknown) => unknown;
}

/**
 * Reads one JSON file into a lowdb instance, checked with its zod schema. Any problem is a
 * StoreError naming the file; nothing is ever written here, so a bad file stays as it was.
 */
export async function readChecked<T>(
  file: string,
  schema: z.ZodType<T>,
  options: ReadOptions<T> = {},
): Promise<Low<T>> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && options.empty) return new Low<T>(new JSONFile<T>(file), options.empty());
    throw new StoreError(file, `cannot be read (${code ?? (error as Error).message}).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new StoreError(file, `is not valid JSON (${(error as Error).message}).`);
  }
  const result = schema.safeParse((options.prepare ?? requireCurrentVersion(file))(parsed));
  if (!result.success) throw new StoreError(file, `is not valid: ${describeZodError(result.error)}.`);
  return new Low<T>(new JSONFile<T>(file), result.data);
}

function requireCurrentVersion(file: string): (raw: unknown) => unknown {
  return (raw) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new StoreError(file, 'is not a peerbot data file (expected a JSON object).');
    const problem = versionProblem((raw as { version?: unknown }).version);
    if (problem) throw new StoreError(file, problem);
    return raw;
  };
}

/** What is wrong with a file's "version", in plain words; undefined when it is the current one. */
export function versionProblem(version: unknown): string | undefined {
  if (version === SCHEMA_VERSION) return undefined;
  if (version === undefined) return `has no "version" field; this peerbot reads version ${SCHEMA_VERSION}.`;
  if (typeof version === 'string')
    return `has "version": ${JSON.stringify(version)} (text); it must be the number ${SCHEMA_VERSION}, written without quotes.`;
  if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION)
    return `has schema version ${version}, made by a newer peerbot; this one reads version ${SCHEMA_VERSION}.`;
  return `has "version": ${JSON.stringify(version)}, which is not a version this peerbot knows (it reads version ${SCHEMA_VERSION}).`;
}

/** The JSON files in a folder, sorted; none when the folder does not exist yet. */
export async function listJson(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new StoreError(dir, `cannot be read (${(error as Error).message}).`);
  }
}
