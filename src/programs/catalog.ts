import fs from 'node:fs';
import path from 'node:path';
import { DataFileError } from '../errors.ts';
import { describeZodError } from '../store/schema.ts';
import { ProgramSchema } from './schema.ts';
import type { Category, Program } from './schema.ts';

/** The programs a collaborative runs, loaded from data/programs/*.json and checked at start. */
export class ProgramCatalog {
  private byId = new Map<string, Program>();

  constructor(programs: Program[]) {
    for (const p of programs) this.byId.set(p.id, p);
  }

  get(id: string): Program | undefined {
    return this.byId.get(id);
  }

  /** The program, or the first one, so a person whose program was removed still gets an answer. */
  /** The program a person means: its id, one of its aliases ("nc"), or the one id that starts with the word. */
  find(word: string): Program | undefined {
    const w = word.trim().toLowerCase();
    const exact = this.byId.get(w) ?? this.all().find((p) => p.aliases.some((a) => a.toLowerCase() === w));
    if (exact) return exact;
    const starts = w.length >= 2 ? this.all().filter((p) => p.id.startsWith(w)) : [];
    return starts.length === 1 ? starts[0] : undefined;
  }

  forPerson(programId: string): Program {
    return this.byId.get(programId) ?? [...this.byId.values()][0]!;
  }

  all(): Program[] {
    return [...this.byId.values()];
  }

  category(program: Program, id: string): Category | undefined {
    return program.categories.find((c) => c.id === id);
  }
}

/** Reads every program file; a bad one stops start-up with the file and field named. */
export function loadPrograms(dir: string): ProgramCatalog {
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch (error) {
    throw new DataFileError(dir, '', `cannot be read: ${(error as Error).message}`);
  }
  if (names.length === 0) throw new DataFileError(dir, '', 'has no program files (*.json).');
  const programs = names.map((name) => {
    const file = path.join(dir, name);
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new DataFileError(file, '', `is not valid JSON: ${(error as Error).message}`);
    }
    const result = ProgramSchema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new DataFileError(file, issue.path.map(String).join('.'), issue.message || describeZodError(result.error));
    }
    return result.data;
  });
  return new ProgramCatalog(programs);
}
