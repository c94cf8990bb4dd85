import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Collection, Store } from '../store/port.ts';

/** An answer given by /ask, kept so "Did this help?" can be recorded against it. */
export const AnswerRecordSchema = z.object({
  question: z.string(),
  sectionId: z.string(),
  personId: z.string(),
  askedAt: z.string(),
  helpful: z.boolean().optional(),
});
export type AnswerRecord = z.infer<typeof AnswerRecordSchema>;

/** A question /ask could not answer well, waiting for a facilitator. */
export const OpenQuestionSchema = z.object({
  question: z.string(),
  personId: z.string(),
  askedAt: z.string(),
  /** no-answer: nothing matched. not-helpful: the person said the answer did not help. */
  reason: z.enum(['no-answer', 'not-helpful']),
  /** The person pressed "pass it to a facilitator" (or said the answer did not help). */
  wantsReply: z.boolean(),
  status: z.enum(['open', 'done']),
  sectionId: z.string().optional(),
  /** What a facilitator wrote with `/ask answer <id> <text>`, or the topic that answers it since a reload. */
  answer: z.string().optional(),
  answeredAt: z.string().optional(),
});
export type OpenQuestion = z.infer<typeof OpenQuestionSchema>;

export const RECORD_ID = /^[0-9a-f]{8}$/;

export function newRecordId(): string {
  return randomUUID().replace(/-/g, '').slice(0, 8);
}

export function answersCollection(store: Store): Promise<Collection<AnswerRecord>> {
  return store.collection('policy-answers', AnswerRecordSchema);
}

export function questionsCollection(store: Store): Promise<Collection<OpenQuestion>> {
  return store.collection('questions', OpenQuestionSchema);
}
