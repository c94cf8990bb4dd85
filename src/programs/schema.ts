import { z } from 'zod';
import { Role } from '../store/schema.ts';
import { KINDS } from '../meetings/meetings.ts';

/** When something is due: N days after one of the person's dates. */
export const DueSchema = z.object({
  after: z.enum(['hire', 'internship-start', 'internship-end']),
  days: z.number().int().min(0),
});
export type Due = z.infer<typeof DueSchema>;

/**
 * Which entries may count toward an hours requirement, by date. `from`: the latest of the
 * person's known dates named here (hire, internship start); `to`: the requirement's own due
 * date ("within 30 days of hire") or the end of the internship. An entry outside is never
 * counted: it is shown and flagged to the supervisor instead.
 */
export const WindowSchema = z.object({
  from: z.array(z.enum(['hire', 'internship-start'])).optional(),
  to: z.enum(['due', 'internship-end']).optional(),
});
export type Window = z.infer<typeof WindowSchema>;

const base = {
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lowercase letters, digits and dashes'),
  /** The short everyday name every message shows ("Agency evaluation"). */
  label: z.string().min(1),
  /** The name in the program's own documents, where it is longer ("Evaluation by your agency"): kept for the PDF report and for typing. */
  official: z.string().optional(),
  /** What to do next, in plain words, while it is not done. */
  next: z.string().optional(),
  /** Only people with one of these roles have this requirement (default: everyone). */
  roles: z.array(Role).optional(),
  /**
   * Who does this step when it is not the person themselves (an agency's evaluation): their
   * supervisor is reminded, and the person is not asked to do what they cannot.
   */
  doneBy: z.enum(['agency', 'supervisor']).optional(),
};

export const RequirementSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('milestone'), due: DueSchema.optional() }),
  z.object({
    ...base,
    kind: z.literal('hours'),
    minutes: z.number().int().positive(),
    /** Category ids that count (default: all of the program's categories). */
    categories: z.array(z.string()).optional(),
    /** Minimums per category inside the total (e.g. 3 hours of each listed training). */
    items: z.array(z.object({ category: z.string(), minutes: z.number().int().positive() })).optional(),
    due: DueSchema.optional(),
    window: WindowSchema.optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('face-to-face'),
    /** The hours requirement whose hours this share is of. */
    of: z.string(),
    share: z.number().gt(0).max(1),
    /**
     * What the share is of. "required": of the hours the requirement asks for (50% of 90 is 45
     * hours, whatever else is logged). "counted": of all hours counted toward it so far.
     */
    basis: z.enum(['required', 'counted']).default('required'),
  }),
  z.object({
    ...base,
    kind: z.literal('yearly-hours'),
    minutes: z.number().int().positive(),
    categories: z.array(z.string()).min(1),
    /**
     * When the yearly hours start: at hire, or once all the named milestones are done
     * (certification). Each year runs from that day: someone hired in December owes the hours
     * by the next December, not by December 31.
     */
    starts: z.union([z.literal('hire'), z.object({ milestones: z.array(z.string()).min(1) })]).default('hire'),
  }),
]);
export type Requirement = z.infer<typeof RequirementSchema>;

export const CategorySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lowercase letters, digits and dashes'),
  /** The short everyday name every message shows ("One-on-one mentoring"); the id is for typing. */
  label: z.string().min(1),
  /** The name in the program's own documents ("Mentoring one-on-one"): kept for the PDF report and for typing. */
  official: z.string().optional(),
  faceToFace: z.boolean(),
  /** The word /help tells people to type, when the id is not an everyday word ("1on1" for mentoring-1on1). */
  word: z.string().optional(),
  aliases: z.array(z.string()).default([]),
  /**
   * Words in the note that make this category doubtful ("phone call with my mentee" is maybe
   * mentoring, not the monthly call): the bot asks which one, offering `instead`.
   */
  askWith: z.object({ words: z.array(z.string()).min(1), instead: z.string() }).optional(),
});
export type Category = z.infer<typeof CategorySchema>;

export const ProgramSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    /** Other names people type for it ("nc", "wisconsin"). */
    aliases: z.array(z.string()).default([]),
    /** The seed document and section the rules come from. */
    source: z.string().min(1),
    minAge: z.number().int().positive().optional(),
    /** How long an internship lasts, for "end of internship" deadlines. */
    internshipDays: z.number().int().positive().optional(),
    categories: z.array(CategorySchema).min(1),
    requirements: z.array(RequirementSchema).min(1),
    /**
     * Meetings whose attendance the program counts (e.g. the monthly calls): /cert shows who
     * came to how many. `label` names them in a sentence: "monthly calls".
     */
    meetings: z.array(z.object({ kind: z.enum(KINDS), label: z.string().min(1) })).optional(),
  })
  .superRefine((program, ctx) => {
    const categories = new Set(program.categories.map((c) => c.id));
    const requirementIds = new Set<string>();
    program.requirements.forEach((r, i) => {
      if (requirementIds.has(r.id))
        ctx.addIssue({ code: 'custom', path: ['requirements', i, 'id'], message: `"${r.id}" is used twice` });
      requirementIds.add(r.id);
      const used =
        r.kind === 'hours'
          ? [...(r.categories ?? []), ...(r.items ?? []).map((it) => it.category)]
          : r.kind === 'yearly-hours'
            ? r.categories
            : [];
      for (const c of used)
        if (!categories.has(c))
          ctx.addIssue({
            code: 'custom',
            path: ['requirements', i, 'categories'],
            message: `names category "${c}", which is not in "categories"`,
          });
      if (r.kind === 'yearly-hours' && r.starts !== 'hire') {
        for (const m of r.starts.milestones)
          if (!program.requirements.some((o) => o.id === m && o.kind === 'milestone'))
            ctx.addIssue({
              code: 'custom',
              path: ['requirements', i, 'starts'],
              message: `"${m}" is not a milestone of this program`,
            });
      }
      if (r.kind === 'face-to-face' && !program.requirements.some((o) => o.id === r.of && o.kind === 'hours')) {
        ctx.addIssue({
          code: 'custom',
          path: ['requirements', i, 'of'],
          message: `"${r.of}" is not an hours requirement of this program`,
        });
      }
      if (
        r.kind !== 'face-to-face' &&
        r.kind !== 'yearly-hours' &&
        r.due?.after === 'internship-end' &&
        !program.internshipDays
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['internshipDays'],
          message: 'is needed when something is due at the end of the internship',
        });
      }
    });
  });
export type Program = z.infer<typeof ProgramSchema>;
