import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DataFileError } from '../errors.ts';

/**
 * The whole text of the source documents, as passages (a slide, a paragraph, a list item, a
 * sentence or two) with their heading paths: the second tier of /ask, so every fact in the
 * documents can be reached even when no curated topic covers it. Built from the seeds by
 * scripts/build-passages.ts and shipped in data/policies/passages/.
 */
export const PassageSchema = z.object({
  id: z.string().min(1),
  heading: z.array(z.string()),
  text: z.string().min(1),
});
export type Passage = z.infer<typeof PassageSchema>;

export const PassageFileSchema = z.object({
  /** The seed file name, shown on the Source line. */
  file: z.string().min(1),
  title: z.string().min(1),
  state: z.enum(['WI', 'NC', 'MA']).optional(),
  passages: z.array(PassageSchema),
});
export type PassageFile = z.infer<typeof PassageFileSchema>;

/** A passage with the document it comes from. */
export interface DocumentPassage extends Passage {
  file: string;
  title: string;
  state?: 'WI' | 'NC' | 'MA';
}

export function loadPassages(dir: string): { passages: DocumentPassage[]; problems: DataFileError[] } {
  const folder = path.join(dir, 'passages');
  const result = { passages: [] as DocumentPassage[], problems: [] as DataFileError[] };
  if (!fs.existsSync(folder)) return result;
  for (const name of fs
    .readdirSync(folder)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const file = path.join(folder, name);
    try {
      const parsed = PassageFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        result.problems.push(new DataFileError(file, issue.path.join('.'), issue.message));
        continue;
      }
      const { passages, ...doc } = parsed.data;
      for (const p of passages) result.passages.push({ ...p, ...doc });
    } catch (error) {
      result.problems.push(new DataFileError(file, '', `could not be read: ${(error as Error).message}`));
    }
  }
  return result;
}
