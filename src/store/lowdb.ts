import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { z } from 'zod';
import { StoreError } from '../errors.ts';
import type { Collection, HoursRepo, MeetingsRepo, OutboxRepo, PeopleRepo, Store } from './port.ts';
import { MEETINGS } from './port.ts';
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
import { listJson, readChecked } from './lowdb/files.ts';
import { memoryLeases } from './lowdb/lease.ts';
import { hoursFile, lowdbHours, nextEntryId } from './lowdb/hours.ts';
import { Committer } from './lowdb/commit.ts';
import { takeOwnerLock } from './lowdb/owner-lock.ts';
import { recordsOutbox } from './lowdb/outbox.ts';
import type { StoredItem } from './lowdb/outbox.ts';
import { recordsCollection } from './lowdb/records.ts';
import type { BatchCollection } from './lowdb/records.ts';
import { knownSchema } from './known.ts';
import { OutboxItemSchema } from './schema.ts';

/**
 * The embedded store: lowdb JSON files. One small main file (people, accounts), one file per
 * feature's records (meetings, nudges...) and one file of hour entries per person, so logging
 * hours rewrites ~15 kB, not the whole collaborative. lowdb writes a temp file and renames it,
 * so a crash never leaves a half-written file. lowdb keeps the data in memory, so exactly one
 * process may own the files: the first takes an owner lock and a second is refused at start.
 */
export async function openLowdbStore(dbPath: string): Promise<Store> {
  const base = path.basename(dbPath, '.json');
  const dirs = {
    data: path.dirname(dbPath),
    hours: path.join(path.dirname(dbPath), `${base}.hours`),
    records: path.join(path.dirname(dbPath), `${base}.records`),
  };
  await fs.mkdir(dirs.data, { recursive: true });
  const release = await takeOwnerLock(dbPath);
  try {
    // Temp files of a write a crash interrupted: ours (we own the folder), never complete data.
    await removeStaleTemps(dirs.data, (n) => n === `.${path.basename(dbPath)}.tmp`);
    await removeStaleTemps(dirs.hours);
    await removeStaleTemps(dirs.records);
    return await load(dbPath, dirs, release);
  } catch (error) {
    await release();
    throw error;
  }
}

async function load(
  dbPath: string,
  dirs: { data: string; hours: string; records: string },
  release: () => Promise<void>,
): Promise<Store> {
  let pendingHours: Record<string, unknown[]> | undefined;
  const main = await readChecked(dbPath, MainFileSchema, {
    empty: emptyMainFile,
    prepare: (raw) => {
      const migrated = migrate(raw, dbPath);
      pendingHours = migrated.hours;
      return migrated.data;
    },
  });
  // Keyed by what people type: no prototype, so "constructor" is a name like any other.
  main.data.people = nullProto(main.data.people);
  main.data.accounts = nullProto(main.data.accounts);
  const records = new Map<string, Low<RecordsFile>>();
  // One person's (or channel's) inbox and sent messages: thousands of small files, read and
  // checked when first opened, so they cost neither start-up time nor memory until used.
  const later = new Map<string, string>();
  for (const name of await listJson(dirs.records)) {
    const file = path.join(dirs.records, name);
    const decoded = safeDecode(name.slice(0, -'.json'.length));
    if (decoded !== undefined && isPerPerson(decoded)) {
      later.set(decoded, file);
      continue;
    }
    const low = await readRecords(file);
    records.set(low.data.name, low);
  }
  const hours = new Map<string, Low<HoursFile>>();
  // Read in parallel batches: 1,000 people should load in well under a second.
  const names = await listJson(dirs.hours);
  for (let i = 0; i < names.length; i += 64) {
    const batch = names.slice(i, i + 64).map((name) => readChecked(path.join(dirs.hours, name), HoursFileSchema));
    for (const file of await Promise.all(batch)) hours.set(file.data.personId, file);
  }
  // A version-0 file kept hours inline; they move to per-person files before anything else is written.
  if (pendingHours) {
    await fs.mkdir(dirs.hours, { recursive: true });
    for (const [personId, raw] of Object.entries(pendingHours)) {
      const entries = HourEntrySchema.array().safeParse(raw);
      if (!entries.success)
        throw new StoreError(dbPath, `is not valid: hours.${personId}: ${describeZodError(entries.error)}.`);
      const file = hoursFile(dirs.hours, personId, hours);
      file.data.entries.push(...entries.data);
      file.data.nextId = nextEntryId(file.data);
      await file.write();
    }
    await main.write();
  }
  await finishAttendance(hours, records.get(MEETINGS));
  return new LowdbStore(dbPath, main, hours, records, later, dirs, release);
}

/**
 * /meet attended writes the call's hours first, then the attendance (two files). The hours
 * entry names its meeting and date (its origin), so a crash between the two writes is
 * finished here: everyone with such an entry is marked as there. One write, when needed.
 */
async function finishAttendance(hours: Map<string, Low<HoursFile>>, meetings: Low<RecordsFile> | undefined) {
  if (!meetings) return;
  const records = meetings.data.records as Record<string, { attended: Record<string, string[]> }>;
  let changed = false;
  for (const [personId, file] of hours)
    for (const e of file.data.entries) {
      if (!e.origin?.startsWith('meeting:') || e.status === 'rejected') continue;
      const [, id, date] = /^meeting:(.+):(\d{4}-\d{2}-\d{2})$/.exec(e.origin) ?? [];
      const meeting = id && date ? records[id] : undefined;
      if (!meeting || (meeting.attended[date!] ?? []).includes(personId)) continue;
      records[id!] = {
        ...meeting,
        attended: { ...meeting.attended, [date!]: [...(meeting.attended[date!] ?? []), personId] },
      };
      changed = true;
    }
  if (changed) await meetings.write();
}

/** Shards of one person or channel (inbox/alice, nudges/alice, reminders/#slack:C1): opened on demand. */
function isPerPerson(name: string): boolean {
  return /^(inbox|nudges|reminders)\//.test(name);
}

/** The same message, for a file found broken after start (it is not a start-up failure). */
function whileRunning(error: StoreError): StoreError {
  error.message = error.message.replace(/^peerbot cannot start: /, '');
  return error;
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** Reads a records file; every record of a feature the store knows is checked, naming file and field. */
async function readRecords(file: string): Promise<Low<RecordsFile>> {
  const low = await readChecked(file, RecordsFileSchema);
  low.data.records = nullProto(low.data.records);
  const schema = knownSchema(low.data.name);
  if (schema) checkRecords(file, low.data.records, schema);
  return low;
}

/** Checks each record with its feature's schema, keeping what the schema makes of it (defaults). */
export function checkRecords(file: string, records: Record<string, unknown>, schema: z.ZodType): void {
  for (const [id, value] of Object.entries(records)) {
    const result = schema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = ['records', id, ...(issue?.path ?? [])].map(String).join('.');
      throw new StoreError(file, `is not valid: field "${where}" ${issue?.message ?? 'is not valid'}.`);
    }
    records[id] = result.data;
  }
}

class LowdbStore implements Store {
  readonly people: PeopleRepo;
  readonly hours: HoursRepo;
  readonly outbox: OutboxRepo;
  readonly meetings: MeetingsRepo = {
    markAttended: async (meetingId, date, personId, hours) => {
      type Attended = { attended: Record<string, string[]> };
      const meetings = await this.records<Attended>(MEETINGS, knownSchema(MEETINGS) as z.ZodType<Attended>);
      if (!(await meetings.get(meetingId))) return undefined;
      // The hours first: their entry names the meeting and date, so a crash before the
      // attendance is written is finished at the next start (finishAttendance).
      const logged = hours ? await this.hours.add(personId, hours) : undefined;
      let marked = false;
      try {
        await meetings.update(meetingId, (m) => {
          const here = m?.attended[date] ?? [];
          if (!m || here.includes(personId)) return undefined;
          marked = true;
          return { ...m, attended: { ...m.attended, [date]: [...here, personId] } };
        });
      } catch (error) {
        // The attendance could not be written: the hours logged just now are taken back too.
        if (logged?.created) await this.hours.remove(personId, logged.entry.id).catch(() => undefined);
        throw error;
      }
      return { marked, ...(logged ? { hours: logged } : {}) };
    },
  };
  readonly lease = memoryLeases();
  private committer = new Committer();
  private opened = new Map<string, Promise<BatchCollection<unknown>>>();

  constructor(
    readonly location: string,
    private main: Low<MainFile>,
    hourFiles: Map<string, Low<HoursFile>>,
    private recordFiles: Map<string, Low<RecordsFile>>,
    /** Records files not read yet, by collection name (see isPerPerson). */
    private unread: Map<string, string>,
    private dirs: { data: string; hours: string; records: string },
    private release: () => Promise<void>,
  ) {
    this.people = this.makePeople();
    this.hours = lowdbHours(hourFiles, dirs.hours, this.committer);
    this.outbox = recordsOutbox((shard) => this.records<StoredItem>(shard, OutboxItemSchema), randomUUID());
  }

  /** One change of the main file (people, accounts): made, written, or taken back. */
  private changeMain<R>(apply: (data: MainFile) => { result: R; undo?: () => void }): Promise<R> {
    return this.committer.commit(this.main, this.location, () => {
      const { result, undo } = apply(this.main.data);
      return { result, changed: Boolean(undo), undo: undo ?? (() => undefined) };
    });
  }

  private setPerson(data: MainFile, person: Person): () => void {
    const before = data.people[person.id];
    data.people[person.id] = person;
    return () => {
      if (before) data.people[person.id] = before;
      else delete data.people[person.id];
    };
  }

  private makePeople(): PeopleRepo {
    const data = () => this.main.data;
    return {
      get: async (id) => data().people[id],
      all: async () => Object.values(data().people),
      bySupervisor: async (id) => Object.values(data().people).filter((p) => p.supervisorId === id),
      put: (person) => this.changeMain((d) => ({ result: undefined, undo: this.setPerson(d, person) })),
      insert: (person) =>
        this.changeMain((d) =>
          d.people[person.id] ? { result: false } : { result: true, undo: this.setPerson(d, person) },
        ),
      update: (id, change) =>
        this.changeMain((d) => {
          const current = d.people[id];
          if (!current) return { result: undefined };
          const next = { ...change(current), id };
          return { result: next, undo: this.setPerson(d, next) };
        }),
      enroll: (person, patch, supervisor) =>
        this.changeMain((d) => {
          const undos: Array<() => void> = [];
          if (supervisor && !d.people[supervisor.id]) undos.push(this.setPerson(d, supervisor));
          const current = d.people[person.id];
          const next = { ...(current ?? person), ...patch, id: person.id };
          undos.push(this.setPerson(d, next));
          return { result: { person: next, created: !current }, undo: () => undos.reverse().forEach((u) => u()) };
        }),
      byAccount: async (key) => {
        const id = data().accounts[key];
        return id ? data().people[id] : undefined;
      },
      link: (key, personId) =>
        this.changeMain((d) => {
          const before = d.accounts[key];
          if (before === personId) return { result: undefined };
          d.accounts[key] = personId;
          return {
            result: undefined,
            undo: () => (before === undefined ? delete d.accounts[key] : (d.accounts[key] = before)),
          };
        }),
      accountsOf: async (personId) =>
        Object.entries(data().accounts)
          .filter(([, id]) => id === personId)
          .map(([key]) => key),
    };
  }

  collection<T>(name: string, schema: z.ZodType<T>): Promise<Collection<T>> {
    return this.records(name, schema);
  }

  /** Opened once: two commands opening a shard at the same moment share one file in memory. */
  private records<T>(name: string, schema: z.ZodType<T>): Promise<BatchCollection<T>> {
    let open = this.opened.get(name);
    if (!open) {
      open = this.openRecords(name, schema);
      this.opened.set(name, open);
      // A file that cannot be read is tried again next time (and the error shown again).
      open.catch(() => this.opened.delete(name));
    }
    return open as Promise<BatchCollection<T>>;
  }

  private async openRecords<T>(name: string, schema: z.ZodType<T>): Promise<BatchCollection<unknown>> {
    const unread = this.unread.get(name);
    if (unread && !this.recordFiles.has(name)) {
      const low = await readRecords(unread).catch((error: unknown) => {
        throw error instanceof StoreError ? whileRunning(error) : error;
      });
      if (low.data.name !== name)
        throw whileRunning(
          new StoreError(unread, `holds the records of "${low.data.name}", not "${name}" as its name says.`),
        );
      this.recordFiles.set(name, low);
      this.unread.delete(name);
    }
    const file = await this.recordsFile(name);
    const filePath = path.join(this.dirs.records, `${encodeURIComponent(name)}.json`);
    // Records of a feature the start did not know are checked the first time it opens them.
    if (!knownSchema(name)) checkRecords(filePath, file.data.records, schema);
    return recordsCollection<unknown>(file, filePath, this.committer);
  }

  /** Each feature's records live in a file of their own, so a busy feature rewrites only its file. */
  private async recordsFile(name: string): Promise<Low<RecordsFile>> {
    let file = this.recordFiles.get(name);
    if (file) return file;
    const legacy = this.main.data.collections[name];
    const filePath = path.join(this.dirs.records, `${encodeURIComponent(name)}.json`);
    file = new Low<RecordsFile>(new JSONFile<RecordsFile>(filePath), {
      version: SCHEMA_VERSION,
      name,
      records: nullProto(legacy ?? {}),
    });
    this.recordFiles.set(name, file);
    if (legacy) {
      // Records kept in the main file by an earlier build move to their own file, then leave the main file.
      const moved = file;
      await this.committer.commit(moved, filePath, () => ({ result: undefined, changed: true, undo: () => undefined }));
      await this.changeMain((d) => {
        delete d.collections[name];
        return { result: undefined, undo: () => (d.collections[name] = legacy) };
      });
    }
    return file;
  }

  async close(): Promise<void> {
    await this.committer.settle();
    await this.release();
  }
}

function nullProto<T>(record: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, record);
}

async function removeStaleTemps(dir: string, ours = (name: string) => /^\..+\.json\.tmp$/.test(name)): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  // steno's temp name: ".<file>.tmp" next to the file.
  for (const name of names.filter(ours)) await fs.rm(path.join(dir, name), { force: true });
}
