import { z } from 'zod';
import { MeetingSchema } from '../meetings/meetings.ts';
import { AnswerRecordSchema, OpenQuestionSchema } from '../policy/records.ts';
import { OutboxItemSchema } from './schema.ts';

/** A reply kept in an inbox: checked loosely (its blocks are the feature's business). */
export const WaitingSchema = z.object({
  replies: z.array(
    z.custom<{ blocks: unknown[] }>(
      (v) => typeof v === 'object' && v !== null && Array.isArray((v as { blocks?: unknown }).blocks),
      'must be a reply',
    ),
  ),
});

/**
 * The schemas of the records the features keep, by collection name, so the store checks
 * every file at start (a broken meeting is a start-up error naming the file and field, not an
 * apology at /meet). Collections not listed here are checked when their feature opens them.
 */
const KNOWN: Array<[RegExp, z.ZodType]> = [
  [/^meetings$/, MeetingSchema],
  [/^meetings-cancelled$/, z.object({ title: z.string() })],
  [/^questions$/, OpenQuestionSchema],
  [/^policy-answers$/, AnswerRecordSchema],
  [/^inbox\//, WaitingSchema],
  [/^(nudges|reminders)\//, OutboxItemSchema],
];

export function knownSchema(name: string): z.ZodType | undefined {
  return KNOWN.find(([pattern]) => pattern.test(name))?.[1];
}
