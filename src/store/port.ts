import type { z } from 'zod';
import type { HourEntry, NewHourEntry, Person } from './schema.ts';

/**
 * The storage port. Commands talk only to this; the lowdb files are one implementation and a
 * database can be another. Every method is async so a networked store fits the same shape.
 */
export interface Store {
  /** Where the data lives, for messages. */
  readonly location: string;
  readonly people: PeopleRepo;
  readonly hours: HoursRepo;
  /** A feature's own records, validated with its schema when opened. */
  collection<T>(name: string, schema: z.ZodType<T>): Promise<Collection<T>>;
  /**
   * Try to hold `key` for `ttlMs`. True for exactly one holder at a time, across processes
   * sharing the store. Used so two instances never run the same scheduled job.
   */
  lease(key: string, ttlMs: number, owner: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface PeopleRepo {
  get(id: string): Promise<Person | undefined>;
  all(): Promise<Person[]>;
  put(person: Person): Promise<void>;
  /** The person a platform account belongs to. */
  byAccount(accountKey: string): Promise<Person | undefined>;
  link(accountKey: string, personId: string): Promise<void>;
  accountsOf(personId: string): Promise<string[]>;
}

export interface HoursRepo {
  /** Oldest first. */
  list(personId: string): Promise<HourEntry[]>;
  /** Adds an entry. With the same requestId or origin as an earlier entry it adds nothing and returns that one. */
  add(personId: string, entry: NewHourEntry): Promise<{ entry: HourEntry; created: boolean }>;
  update(personId: string, id: string, patch: Partial<NewHourEntry>): Promise<HourEntry | undefined>;
  remove(personId: string, id: string): Promise<HourEntry | undefined>;
}

export interface Collection<T> {
  all(): Promise<Array<{ id: string; value: T }>>;
  get(id: string): Promise<T | undefined>;
  put(id: string, value: T): Promise<void>;
  delete(id: string): Promise<boolean>;
}
