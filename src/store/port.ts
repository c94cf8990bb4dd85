import type { z } from 'zod';
import type { HistoryItem, HourDraft, HourEntry, HourStatus, NewHourEntry, Person } from './schema.ts';

/**
 * The storage port. Commands talk only to this; the lowdb files are one implementation and
 * PostgreSQL another. Every method that changes data is one atomic step in the store (one
 * transaction in a database): callers never read a whole record, change it and write it back,
 * so two people (or two instances) acting at once never undo each other's change.
 * A write that fails throws StoreWriteError and changes nothing, in memory or on disk.
 */
export interface Store {
  /** Where the data lives, for messages. */
  readonly location: string;
  readonly people: PeopleRepo;
  readonly hours: HoursRepo;
  readonly outbox: OutboxRepo;
  readonly meetings: MeetingsRepo;
  /** A feature's own records, validated with its schema when opened. */
  collection<T>(name: string, schema: z.ZodType<T>): Promise<Collection<T>>;
  /**
   * Try to hold `key` for `ttlMs`. A lease for exactly one holder at a time, across every
   * process sharing the store; undefined when someone else holds it. Its token grows with
   * every new holder (a fencing token), so a late write from an old holder can be told apart.
   */
  lease(key: string, ttlMs: number, owner: string): Promise<Lease | undefined>;
  close(): Promise<void>;
}

export interface Lease {
  readonly key: string;
  readonly owner: string;
  readonly token: number;
  /** Extends the lease; false when it was lost (expired and taken by someone else). */
  renew(ttlMs: number): Promise<boolean>;
  release(): Promise<void>;
}

/** The 24-hours-a-day rule, kept in one place: the store refuses an add or change past it. */
export const DAY_LIMIT_MINUTES = 24 * 60;

/** Hours for one day would pass 24 hours. Nothing was stored. */
export class DayFullError extends Error {
  constructor(
    readonly date: string,
    /** Minutes already logged that day (not counting entries marked not approved, nor the one changed). */
    readonly already: number,
  ) {
    super(`more than 24 hours on ${date}`);
    this.name = 'DayFullError';
  }
}

export interface PeopleRepo {
  get(id: string): Promise<Person | undefined>;
  all(): Promise<Person[]>;
  /** The people whose supervisor is `supervisorId`. */
  bySupervisor(supervisorId: string): Promise<Person[]>;
  put(person: Person): Promise<void>;
  /** Stores `person` unless someone with that id exists; true when it was stored. */
  insert(person: Person): Promise<boolean>;
  /** Changes one person in one step; undefined when there is no such person. */
  update(id: string, change: (person: Person) => Person): Promise<Person | undefined>;
  /**
   * Enrolls (or updates) a person: the fields in `patch` are set on the stored record, or on
   * `person` when nobody is stored yet; a new supervisor is stored with them, in one step.
   */
  enroll(person: Person, patch: Partial<Person>, supervisor?: Person): Promise<{ person: Person; created: boolean }>;
  /** The person a platform account belongs to. */
  byAccount(accountKey: string): Promise<Person | undefined>;
  link(accountKey: string, personId: string): Promise<void>;
  accountsOf(personId: string): Promise<string[]>;
}

/** What else a review records on each entry it changes. */
export interface ReviewOptions {
  /** Only entries with one of these statuses change (default: any status other than the decision). */
  expected?: HourStatus[];
  /** When (ISO time); the store keeps it as reviewedAt. */
  at?: string;
  /** The reviewer's reason, kept as reviewNote and with the history item. Every review replaces or clears it. */
  note?: string;
  /** Appended to each changed entry's history (with the note as its reason). */
  history?: HistoryItem;
}

/**
 * The entry after a review: status, who, when, why, and the history item added. The last
 * review's reason is the only reviewNote: a review without one clears an older one.
 */
export function reviewed(e: HourEntry, decision: HourStatus, by: string, o: ReviewOptions = {}): HourEntry {
  const { reviewNote: old, ...rest } = e;
  const reason = o.note ? { reason: o.note } : {};
  return {
    ...rest,
    status: decision,
    reviewedBy: by,
    ...(o.at ? { reviewedAt: o.at } : {}),
    ...(o.note ? { reviewNote: o.note } : {}),
    ...(o.history ? { history: [...keepOldReason(e.history ?? [], old), { ...o.history, ...reason }] } : {}),
  };
}

/** An entry reviewed before each rejection kept its reason: the old note goes to the last rejection, not lost. */
function keepOldReason(history: HistoryItem[], note: string | undefined): HistoryItem[] {
  const reviews = history.filter((h) => h.action === 'approved' || h.action === 'rejected');
  const item = reviews.at(-1);
  if (!note || item?.action !== 'rejected' || item.reason !== undefined) return history;
  return history.map((h) => (h === item ? { ...h, reason: note } : h));
}

export interface HoursRepo {
  /** Oldest first. */
  list(personId: string): Promise<HourEntry[]>;
  /** The entries of each of `personIds` (oldest first; none for someone with no entries), in one query. */
  listMany(personIds: string[]): Promise<Map<string, HourEntry[]>>;
  /**
   * Adds an entry. With the same requestId or origin as an earlier entry it adds nothing and
   * returns that one. Throws DayFullError when the day would pass 24 hours. Ids are never reused.
   * `createdAt` is kept as given: the time comes from the caller's clock (PEERBOT_NOW), not the machine's.
   */
  add(personId: string, entry: HourDraft): Promise<{ entry: HourEntry; created: boolean }>;
  /** Throws DayFullError when the change would put the day past 24 hours. */
  update(personId: string, id: string, patch: Partial<NewHourEntry>): Promise<HourEntry | undefined>;
  remove(personId: string, id: string): Promise<HourEntry | undefined>;
  /**
   * Sets `decision` on the entries `ids` in one write. Only entries whose status is one of
   * `expected` change (default: any status other than the decision). Unknown ids are reported
   * and nothing changes when there are any.
   */
  review(
    personId: string,
    ids: string[],
    decision: HourStatus,
    by: string,
    options?: ReviewOptions,
  ): Promise<{ changed: HourEntry[]; unknown: string[] }>;
  /** Entries waiting for approval, for each of `personIds` that has any. */
  pending(personIds: string[]): Promise<Map<string, HourEntry[]>>;
}

/** The meeting steps that touch more than one record. Meetings themselves are the "meetings" collection. */
export interface MeetingsRepo {
  /**
   * Marks `personId` as there on `date` and, with `hours`, logs them (once per `hours.origin`),
   * in one step: both are stored or neither. Undefined when there is no such meeting (nothing
   * stored). Throws DayFullError when the hours would pass 24 hours that day (nothing stored).
   */
  markAttended(
    meetingId: string,
    date: string,
    personId: string,
    hours?: HourDraft & { origin: string },
  ): Promise<{ marked: boolean; hours?: { entry: HourEntry; created: boolean } } | undefined>;
}

/** The collection the meetings live in, and the origin of the hours a meeting logs. */
export const MEETINGS = 'meetings';
export const meetingOrigin = (meetingId: string, date: string) => `meeting:${meetingId}:${date}`;

export interface Collection<T> {
  all(): Promise<Array<{ id: string; value: T }>>;
  get(id: string): Promise<T | undefined>;
  /** Records whose top-level fields equal `fields` (e.g. { status: 'open' }). */
  where(fields: Partial<Record<keyof T, string | number | boolean>>): Promise<Array<{ id: string; value: T }>>;
  put(id: string, value: T): Promise<void>;
  /** Creates the record unless it exists: true when it was created. */
  insert(id: string, value: T): Promise<boolean>;
  /**
   * Changes one record in one step. `change` gets the stored value (undefined when there is
   * none) and returns the new value, or undefined to leave it as it is. It may run more than
   * once (a database retries), so it must not do anything else. Returns the stored value after.
   */
  update(id: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined>;
  delete(id: string): Promise<boolean>;
  /** Deletes the record and returns what it held, in one step (undefined when there was none). */
  take(id: string): Promise<T | undefined>;
}

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'dropped';

export interface OutboxItem<Target = unknown> {
  key: string;
  target: Target;
  status: OutboxStatus;
  queuedAt: string;
  claimedAt?: string;
  claimedBy?: string;
  sentAt?: string;
  to?: string;
}

/**
 * Messages that must be sent exactly once. A check enqueues what it wants sent (a key once
 * known is never queued again), claims what is queued (queued -> sending, so two instances
 * never both send one), delivers, then finishes it (sent, dropped, or back to queued).
 * A shard groups the messages of one check for one person or channel.
 */
export interface OutboxRepo {
  list(shard: string): Promise<OutboxItem[]>;
  /** Queues the keys not seen before; returns how many were new. */
  enqueue(shard: string, items: Array<{ key: string; target: unknown }>, at: string): Promise<number>;
  /** Moves up to `limit` queued messages of the shard (and ones stuck in sending since before `staleBefore`) to sending. */
  claim(shard: string, limit: number, staleBefore: string): Promise<OutboxItem[]>;
  finish(
    shard: string,
    key: string,
    result: { status: 'sent' | 'dropped' | 'queued'; at?: string; to?: string },
  ): Promise<void>;
}
