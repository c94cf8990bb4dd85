import { z } from 'zod';
import { MIN_YEAR } from '../dates.ts';

/**
 * True for a calendar day that exists, in a year from MIN_YEAR on: the same lower bound the
 * date reader (src/parse/date.ts) refuses below, so a date the bot accepted always loads again.
 * The upper bound is only checked on input ("next year"), never on load: a clock set back must
 * not stop the bot from starting. Cheap on purpose: it runs for every stored entry at start.
 */
export function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (y < MIN_YEAR) return false;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date, YYYY-MM-DD, that really exists, from 1900 on. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isRealDate, `is not a real date from ${MIN_YEAR} on`);

export const Role = z.enum(['mentor', 'supervisor', 'facilitator', 'admin']);
export type Role = z.infer<typeof Role>;

export const PersonSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  role: Role,
  programId: z.string().min(1),
  supervisorId: z.string().optional(),
  hired: IsoDate.optional(),
  internshipStart: IsoDate.optional(),
  /** Milestone id -> the date it was done. */
  milestones: z.record(z.string(), IsoDate).default({}),
  nudgesMuted: z.boolean().default(false),
  /** Every mark and take-back of a milestone, oldest first: who, when, and the day it was marked for. */
  milestoneHistory: z
    .array(
      z.object({
        milestone: z.string(),
        action: z.enum(['marked', 'unmarked']),
        date: IsoDate,
        by: z.string(),
        at: z.string(),
      }),
    )
    .optional(),
  /** The day an admin marked them as left: records are kept, nudges and /team skip them. */
  deactivatedOn: IsoDate.optional(),
  createdAt: z.string(),
});
export type Person = z.infer<typeof PersonSchema>;

export const HourStatus = z.enum(['pending', 'approved', 'rejected']);
export type HourStatus = z.infer<typeof HourStatus>;

/** One action on an hour entry. `before` holds the fields as they were, so an edit can be undone. */
export const HistoryItemSchema = z.object({
  action: z.enum(['logged', 'edited', 'approved', 'rejected', 'deleted']),
  by: z.string(),
  at: z.string(),
  /** Orders actions that share a clock time (a fixed PEERBOT_NOW): higher is later. */
  n: z.number().int().nonnegative(),
  before: z.record(z.string(), z.unknown()).optional(),
  /** A rejection's reason, in the reviewer's words: each rejection keeps its own. */
  reason: z.string().max(500).optional(),
});
export type HistoryItem = z.infer<typeof HistoryItemSchema>;

export const HourEntrySchema = z.object({
  id: z.string().min(1),
  date: IsoDate,
  minutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60),
  category: z.string().min(1),
  faceToFace: z.boolean(),
  status: HourStatus,
  note: z.string().max(500).default(''),
  createdAt: z.string(),
  /** The platform request that created it (Slack trigger_id, Discord interaction id): logging is idempotent per request. */
  requestId: z.string().optional(),
  /** Where it came from when the bot logged it (e.g. "meeting:<id>:<date>"): logged once however often it is said. */
  origin: z.string().optional(),
  reviewedBy: z.string().optional(),
  /** When it was approved or rejected (ISO time). */
  reviewedAt: z.string().optional(),
  /** Why a supervisor did not approve it, in their words: the mentor is told. */
  reviewNote: z.string().max(500).optional(),
  /** The day (local) it was logged, which can be later than the day the hours were done. */
  loggedOn: IsoDate.optional(),
  /** What was done to this entry, oldest first: undo reads it (src/hours/history.ts). Optional, so old files load. */
  history: z.array(HistoryItemSchema).optional(),
});
export type HourEntry = z.infer<typeof HourEntrySchema>;
export type NewHourEntry = Omit<HourEntry, 'id' | 'createdAt'>;
/** What an add is given: the entry, and when it was made by the bot's clock (the store keeps no clock of its own). */
export type HourDraft = NewHourEntry & Pick<HourEntry, 'createdAt'>;

export const SCHEMA_VERSION = 1;

export const MainFileSchema = z.object({
  version: z.literal(SCHEMA_VERSION),
  people: z.record(z.string(), PersonSchema),
  /** Platform account key ("alice", "slack:U123", "discord:42") -> person id. */
  accounts: z.record(z.string(), z.string()),
  /** Feature records were kept here before they got files of their own; moved out when opened. */
  collections: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export type MainFile = z.infer<typeof MainFileSchema>;

export const HoursFileSchema = z.object({
  version: z.literal(SCHEMA_VERSION),
  personId: z.string(),
  nextId: z.number().int().positive(),
  entries: z.array(HourEntrySchema),
});
export type HoursFile = z.infer<typeof HoursFileSchema>;

/** One feature's records (meetings, nudges sent, questions...), in a file of its own. */
export const RecordsFileSchema = z.object({
  version: z.literal(SCHEMA_VERSION),
  name: z.string(),
  records: z.record(z.string(), z.unknown()),
});
export type RecordsFile = z.infer<typeof RecordsFileSchema>;

/** A message in the outbox (see OutboxRepo): its target is checked by the feature that sends it. */
export const OutboxItemSchema = z.object({
  target: z.unknown(),
  status: z.enum(['queued', 'sending', 'sent', 'dropped']),
  queuedAt: z.string(),
  claimedAt: z.string().optional(),
  claimedBy: z.string().optional(),
  sentAt: z.string().optional(),
  to: z.string().optional(),
});

export function emptyMainFile(): MainFile {
  return { version: SCHEMA_VERSION, people: {}, accounts: {}, collections: {} };
}

/** The first path of a zod error, written for a person reading a log: `people.alice.hired`. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'is not valid';
  const where = issue.path.map(String).join('.');
  return `${where ? `field "${where}" ` : ''}${issue.message}`;
}
