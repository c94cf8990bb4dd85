import fs from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { z } from 'zod';
import { StoreError } from '../errors.ts';
import type { Collection, HoursRepo, PeopleRepo, Store } from './port.ts';
import {
  HourEntrySchema,
  HoursFileSchema,
  MainFileSchema,
  RecordsFileSchema,
  describeZodError,
  emptyMainFile,
  SCHEMA_VERSION,
} from './schema.ts';
import type { HoursFile, MainFile, Person, RecordsFile } from './schema.ts';
import { migrate } from './migrate.ts';
import { listJson, readChecked } from './files.ts';
import { acquireLease } from './lease.ts';
import { hoursFile, lowdbHours } from './hours-files.ts';

/**
 * The embedded store: lowdb JSON files. One small main file (people, accounts), one file per
 * feature's records (meetings, nudges...) and one file of hour entries per person, so logging
 * hours rewrites ~15 kB, not the whole collaborative. lowdb writes a temp file and renames it, so a crash never leaves
 * a half-written file. One process owns the files at a time.
 */
export async function openLowdbStore(dbPath: string): Promise<Store> {
  let pendingHours: Record<string, unknown[]> | undefined;
  const main = await readChecked(dbPath, MainFileSchema, {
    empty: emptyMainFile,
    prepare: (raw) => {
      const migrated = migrate(raw, dbPath);
      pendingHours = migrated.hours;
      return migrated.data;
    },
  });
  const hoursDir = path.join(path.dirname(dbPath), `${path.basename(dbPath, '.json')}.hours`);
  const lockDir = path.join(path.dirname(dbPath), `${path.basename(dbPath, '.json')}.locks`);
  const recordsDir = path.join(path.dirname(dbPath), `${path.basename(dbPath, '.json')}.records`);
  const records = new Map<string, Low<RecordsFile>>();
  for (const name of await listJson(recordsDir)) {
    const file = await readChecked(path.join(recordsDir, name), RecordsFileSchema);
    records.set(file.data.name, file);
  }
  const hours = new Map<string, Low<HoursFile>>();
  // Read in parallel batches: 1,000 people should load in well under a second.
  const names = await listJson(hoursDir);
  for (let i = 0; i < names.length; i += 64) {
    const batch = names.slice(i, i + 64).map((name) => readChecked(path.join(hoursDir, name), HoursFileSchema));
    for (const file of await Promise.all(batch)) hours.set(file.data.personId, file);
  }
  // A version-0 file kept hours inline; they move to per-person files before anything else is written.
  if (pendingHours) {
    await fs.mkdir(hoursDir, { recursive: true });
    for (const [personId, raw] of Object.entries(pendingHours)) {
      const entries = HourEntrySchema.array().safeParse(raw);
      if (!entries.success)
        throw new StoreError(dbPath, `is not valid: hours.${personId}: ${describeZodError(entries.error)}.`);
      const file = hoursFile(hoursDir, personId, hours);
      file.data.entries.push(...entries.data);
      file.data.nextId = Math.max(0, ...entries.data.map((e) => Number(e.id) || 0)) + 1;
      await file.write();
    }
    await main.write();
  }
  return new LowdbStore(dbPath, main, hours, records, { hoursDir, lockDir, recordsDir });
}

class LowdbStore implements Store {
  readonly people: PeopleRepo;
  readonly hours: HoursRepo;
  private dirsMade = new Set<string>();
  private opened = new Map<string, Collection<unknown>>();

  constructor(
    readonly location: string,
    private main: Low<MainFile>,
    private hourFiles: Map<string, Low<HoursFile>>,
    private recordFiles: Map<string, Low<RecordsFile>>,
    private dirs: { hoursDir: string; lockDir: string; recordsDir: string },
  ) {
    this.people = this.makePeople();
    this.hours = lowdbHours(this.hourFiles, this.dirs.hoursDir, (file) => this.save(file, this.dirs.hoursDir));
  }

  private async save<T>(low: Low<T>, dir: string): Promise<void> {
    if (!this.dirsMade.has(dir)) {
      await fs.mkdir(dir, { recursive: true });
      this.dirsMade.add(dir);
    }
    await low.write();
  }

  private saveMain(): Promise<void> {
    return this.save(this.main, path.dirname(this.location));
  }

  private makePeople(): PeopleRepo {
    const data = () => this.main.data;
    return {
      get: async (id) => data().people[id],
      all: async () => Object.values(data().people),
      put: async (person: Person) => {
        data().people[person.id] = person;
        await this.saveMain();
      },
      byAccount: async (key) => {
        const id = data().accounts[key];
        return id ? data().people[id] : undefined;
      },
      link: async (key, personId) => {
        data().accounts[key] = personId;
        await this.saveMain();
      },
      accountsOf: async (personId) =>
        Object.entries(data().accounts)
          .filter(([, id]) => id === personId)
          .map(([key]) => key),
    };
  }

  async collection<T>(name: string, schema: z.ZodType<T>): Promise<Collection<T>> {
    // Records are checked the first time a feature opens its collection, not on every command.
    const open = this.opened.get(name);
    if (open) return open as Collection<T>;
    const collection = await this.openCollection(name, schema);
    this.opened.set(name, collection);
    return collection;
  }

  private async openCollection<T>(name: string, schema: z.ZodType<T>): Promise<Collection<T>> {
    const file = await this.recordsFile(name);
    const records = file.data.records;
    for (const [id, value] of Object.entries(records)) {
      const result = schema.safeParse(value);
      if (!result.success)
        throw new StoreError(
          this.location,
          `has a record that is not valid: ${name}.${id}: ${describeZodError(result.error)}.`,
        );
      records[id] = result.data;
    }
    const save = () => this.save(file, this.dirs.recordsDir);
    return {
      all: async () => Object.entries(records).map(([id, value]) => ({ id, value: value as T })),
      get: async (id) => records[id] as T | undefined,
      put: async (id, value) => {
        records[id] = value;
        await save();
      },
      delete: async (id) => {
        if (!(id in records)) return false;
        delete records[id];
        await save();
        return true;
      },
    };
  }

  /** Each feature's records live in a file of their own, so a busy feature rewrites only its file. */
  private async recordsFile(name: string): Promise<Low<RecordsFile>> {
    let file = this.recordFiles.get(name);
    if (file) return file;
    const legacy = this.main.data.collections[name];
    file = new Low<RecordsFile>(
      new JSONFile<RecordsFile>(path.join(this.dirs.recordsDir, `${encodeURIComponent(name)}.json`)),
      {
        version: SCHEMA_VERSION,
        name,
        records: { ...legacy },
      },
    );
    this.recordFiles.set(name, file);
    if (legacy) {
      // Records kept in the main file by an earlier build move to their own file, then leave the main file.
      await this.save(file, this.dirs.recordsDir);
      delete this.main.data.collections[name];
      await this.saveMain();
    }
    return file;
  }

  lease(key: string, ttlMs: number, owner: string): Promise<boolean> {
    return acquireLease(this.dirs.lockDir, key, ttlMs, owner);
  }

  async close(): Promise<void> {
    // Writes are awaited where they happen; nothing is buffered.
  }
}
