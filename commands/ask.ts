import type { Command, Context } from '../src/bot.ts';
import { UserError } from '../src/errors.ts';
import type { Block, Reply } from '../src/message.ts';
import { reply, textReply } from '../src/message.ts';
import { displayName, hasRole } from '../src/people.ts';
import type { PolicyIndex, PolicyMatch } from '../src/policy/search.ts';
import { buildPolicyIndex } from '../src/policy/search.ts';
import { detectState, hasTopicWords } from '../src/policy/language.ts';
import { answersCollection, newRecordId, questionsCollection, RECORD_ID } from '../src/policy/records.ts';
import { answerText } from '../src/policy/answer-text.ts';
import { answerFromReload, answerSaved } from '../src/policy/follow-up.ts';
import { tellWhatIsLeft } from '../src/notify/tell-left.ts';
import { readHoursIntent } from '../src/parse/hours-intent.ts';
import * as words from '../src/messages/ask.ts';
import { LOG_OFFER_NO, LOG_OFFER_YES, logOffer } from '../src/messages/hours.ts';

const EXAMPLE = words.ASK_EXAMPLE;
const MAX_QUESTION = 500;

export default {
  name: 'ask',
  description: 'Ask a question about the program rules. I answer from the policy documents.',
  examples: [EXAMPLE, '/ask can a family member be my peer support specialist?'],
  roleExamples: {
    facilitator: ['/ask unanswered', '/ask answer 1a2b3c4d Yes, the agency lot is free.', '/ask reload'],
  },
  // One flat subcommand, so Discord users type `/ask question:<text>`. Facilitators type
  // "unanswered" as the question; the buttons send "feedback …", "pass …" as text.
  subcommands: [
    {
      name: 'ask',
      description: 'Ask a question about the program rules',
      options: [
        {
          name: 'question',
          description: 'Your question, like: how many internship hours do I need?',
          type: 'string',
          required: true,
        },
      ],
    },
  ],
  async run(ctx, text) {
    if (/^unanswered(\s+questions?)?$/i.test(text)) return listUnanswered(ctx);
    if (/^reload$/i.test(text)) return reloadDocuments(ctx);
    const feedback = /^feedback\s+(\S+)\s+(yes|no)$/i.exec(text);
    if (feedback) return recordFeedback(ctx, feedback[1]!, feedback[2]!.toLowerCase() === 'yes');
    const pass = /^pass(?:\s+(\S+))?$/i.exec(text);
    if (pass && (!pass[1] || RECORD_ID.test(pass[1]))) return passToFacilitator(ctx, pass[1]);
    const answer = /^answer\s+([0-9a-f]{8})(?:\s+([\s\S]+))?$/i.exec(text);
    if (answer) return answerSavedQuestion(ctx, answer[1]!.toLowerCase(), answer[2]?.trim() ?? '');
    const done = /^done\s+(\S+)$/i.exec(text);
    if (done && RECORD_ID.test(done[1]!)) return markDone(ctx, done[1]!);
    // Hours typed without the command come here too: they are offered as a log, never saved as a question.
    const offer = hoursOffer(ctx, text);
    if (offer) return offer;
    return answerQuestion(ctx, text);
  },
} satisfies Command;

async function answerQuestion(ctx: Context, question: string): Promise<Reply> {
  if (!question) throw new UserError('ask-empty', 'Please write your question after /ask.', EXAMPLE);
  if (question.length > MAX_QUESTION)
    throw new UserError(
      'ask-too-long',
      `Please ask in fewer than ${MAX_QUESTION} letters. Ask one thing at a time.`,
      EXAMPLE,
    );
  // "thanks" or "ok" is not a question for a facilitator, so it is not recorded.
  if (!hasTopicWords(question)) return textReply(...words.NOT_A_QUESTION, `Example: ${EXAMPLE}`);
  const match = policyIndex(ctx).answer(question, { state: askerState(ctx) });
  return match ? answerReply(ctx, question, match) : notSureReply(ctx, question);
}

async function answerReply(ctx: Context, question: string, match: PolicyMatch): Promise<Reply> {
  const text = answerText(match);
  const blocks: Block[] = [{ kind: 'text', text: text.answer }];
  if (text.details) blocks.push({ kind: 'text', text: text.details });
  blocks.push({ kind: 'context', text: `Source: ${text.source}` });
  // The console cannot press buttons, so it is not asked.
  if (ctx.inv.platform !== 'console') {
    const id = newRecordId();
    const answers = await answersCollection(ctx.services.store);
    await answers.put(id, { question, sectionId: text.id, personId: ctx.actor.person.id, askedAt: now(ctx) });
    blocks.push(
      { kind: 'context', text: 'Did this help?' },
      {
        kind: 'actions',
        buttons: [
          { label: 'Yes, it helped', command: 'ask', args: `feedback ${id} yes`, style: 'primary' },
          { label: 'No', command: 'ask', args: `feedback ${id} no` },
        ],
      },
    );
  }
  return reply(blocks);
}

async function notSureReply(ctx: Context, question: string): Promise<Reply> {
  const id = newRecordId();
  const questions = await questionsCollection(ctx.services.store);
  await questions.put(id, {
    question,
    personId: ctx.actor.person.id,
    askedAt: now(ctx),
    reason: 'no-answer',
    wantsReply: false,
    status: 'open',
  });
  // The console cannot press a button: it is told the words to type, with no id to copy.
  if (ctx.inv.platform === 'console')
    return reply([
      { kind: 'text', text: words.NOT_SURE.join('\n') },
      { kind: 'text', text: `${words.NOT_SURE_OFFER}\n${words.NOT_SURE_CONSOLE}` },
    ]);
  return reply([
    { kind: 'text', text: words.NOT_SURE.join('\n') },
    { kind: 'text', text: words.NOT_SURE_OFFER },
    { kind: 'actions', buttons: [{ label: words.PASS_BUTTON, command: 'ask', args: `pass ${id}`, style: 'primary' }] },
  ]);
}

async function recordFeedback(ctx: Context, id: string, helpful: boolean): Promise<Reply> {
  const answers = await answersCollection(ctx.services.store);
  const answer = RECORD_ID.test(id) ? await answers.get(id) : undefined;
  if (!answer || answer.personId !== ctx.actor.person.id) {
    throw new UserError(
      'ask-feedback-unknown',
      'I could not find that answer. You can ask your question again.',
      EXAMPLE,
    );
  }
  await answers.update(id, (a) => (a ? { ...a, helpful } : undefined));
  if (helpful) return textReply("Thank you! I'm glad it helped.");
  // Same id as the answer, so pressing "No" twice keeps one question for the facilitators.
  const questions = await questionsCollection(ctx.services.store);
  await questions.put(id, {
    question: answer.question,
    personId: answer.personId,
    askedAt: answer.askedAt,
    reason: 'not-helpful',
    wantsReply: true,
    status: 'open',
    sectionId: answer.sectionId,
  });
  return textReply(
    'Thank you for telling me.',
    'I passed your question to a facilitator.',
    'They can give you a better answer.',
  );
}

async function passToFacilitator(ctx: Context, given: string | undefined): Promise<Reply> {
  const questions = await questionsCollection(ctx.services.store);
  // "/ask pass" alone: the person's last question that found no answer.
  const id = given ?? (await lastOpenQuestion(ctx));
  if (!id) throw new UserError('ask-pass-none', words.NOTHING_TO_PASS, EXAMPLE);
  const open = await questions.get(id);
  if (!open || open.personId !== ctx.actor.person.id) {
    throw new UserError('ask-pass-unknown', 'I could not find that question. You can ask it again.', EXAMPLE);
  }
  // Closed by a facilitator: the answer is in the documents now, and a closed question is on nobody's list.
  if (open.status === 'done')
    return textReply(
      'A facilitator already added an answer to your question.',
      `To see it, ask again: /ask ${open.question}`,
    );
  await questions.update(id, (q) => (q ? { ...q, wantsReply: true } : undefined));
  return textReply(...words.PASSED(open.question));
}

async function lastOpenQuestion(ctx: Context): Promise<string | undefined> {
  const questions = await questionsCollection(ctx.services.store);
  const mine = (await questions.where({ status: 'open' }))
    .filter((q) => q.value.personId === ctx.actor.person.id)
    .sort((a, b) => a.value.askedAt.localeCompare(b.value.askedAt));
  return mine.at(-1)?.id;
}

/** "i did 2 hrs shadowing yesterday": a Yes button that runs the real /hours log, and a No. */
function hoursOffer(ctx: Context, text: string): Reply | undefined {
  const program = ctx.services.programs.forPerson(ctx.actor.person.programId);
  const today = ctx.services.clock.now().startOf('day');
  const intent = readHoursIntent(text, program, today);
  if (!intent) return undefined;
  const { parsed } = intent;
  return reply([
    { kind: 'text', text: logOffer(parsed.minutes, parsed.category.label, parsed.date, today.toISODate()!) },
    ...(parsed.note ? [{ kind: 'text' as const, text: `Note: ${parsed.note}` }] : []),
    {
      kind: 'actions',
      buttons: [
        { label: LOG_OFFER_YES, command: 'hours', args: intent.args, style: 'primary' },
        { label: LOG_OFFER_NO, command: 'hours', args: 'cancel' },
      ],
    },
  ]);
}

async function listUnanswered(ctx: Context): Promise<Reply> {
  requireFacilitator(ctx);
  const questions = await questionsCollection(ctx.services.store);
  const open = (await questions.where({ status: 'open' })).sort((a, b) =>
    a.value.askedAt.localeCompare(b.value.askedAt),
  );
  if (!open.length) return textReply('There are no questions waiting for an answer.');
  const lines: string[] = [];
  for (const { id, value } of open) {
    const person = await ctx.services.store.people.get(value.personId);
    const who = person ? displayName(person) : value.personId.replace(/^(slack|discord):/, '');
    const notes = [
      value.reason === 'not-helpful' ? 'the answer did not help' : 'no answer found',
      value.wantsReply ? 'wants a reply' : '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`• "${value.question}"\n   asked by ${who} on ${value.askedAt.slice(0, 10)} (${notes}). Id: ${id}`);
  }
  return reply([
    { kind: 'heading', text: `Questions waiting for an answer: ${open.length}` },
    { kind: 'text', text: lines.join('\n') },
    {
      kind: 'context',
      text: `To answer one, type: /ask answer ${open[0]!.id} <your answer>\nOr add a section to a file in the policies folder, then type /ask reload.`,
    },
  ]);
}

async function markDone(ctx: Context, id: string): Promise<Reply> {
  requireFacilitator(ctx);
  const questions = await questionsCollection(ctx.services.store);
  const open = await questions.get(id);
  if (!open)
    throw new UserError('ask-done-unknown', `I could not find a question with the id ${id}.`, '/ask unanswered');
  await questions.update(id, (q) => (q ? { ...q, status: 'done' } : undefined));
  return textReply(`Marked as answered: "${open.question}"`);
}

/**
 * Admins and facilitators drop files into the policies folder, then reload instead of restarting
 * the bot. Saved questions that a new or changed topic now answers are closed, and the people who
 * asked are told: by direct message on Slack or Discord, else with their next reply.
 */
async function reloadDocuments(ctx: Context): Promise<Reply> {
  if (!hasRole(ctx.actor, 'facilitator'))
    throw new UserError('not-allowed', 'Only a facilitator can load new policy files.', EXAMPLE);
  const index = buildPolicyIndex(ctx.services.config.policiesDir);
  ctx.services.policy = index;
  const files = new Set(index.sections.map((s) => s.file)).size;
  const lines = [
    `I loaded ${index.sections.length} topics from ${files} files, and ${index.passages.length} passages.`,
  ];
  for (const problem of index.problems) lines.push(`I skipped a file: ${problem.message}`);
  const stateOf = async (personId: string) => {
    const person = await ctx.services.store.people.get(personId);
    const program = person ? ctx.services.programs.get(person.programId) : undefined;
    return program ? detectState(program.name) : undefined;
  };
  const at = now(ctx);
  const { result: told } = await tellWhatIsLeft(ctx.services, `reload:${at}`, (services) =>
    answerFromReload(services, index, stateOf, at),
  );
  if (told)
    lines.push(
      `${told} saved ${told === 1 ? 'question now has an answer' : 'questions now have answers'}. I told the people who asked.`,
    );
  return textReply(...lines);
}

/** `/ask answer <id> <text>`: the facilitator's own words go to everyone who asked that question, by direct message where they can be reached. */
async function answerSavedQuestion(ctx: Context, id: string, text: string): Promise<Reply> {
  requireFacilitator(ctx);
  const example = `/ask answer ${id} The agency lot is free for peer mentors.`;
  if (!text) throw new UserError('ask-answer-empty', 'Please write the answer after the question id.', example);
  if (text.length > MAX_QUESTION * 2)
    throw new UserError('ask-answer-too-long', `Please keep the answer under ${MAX_QUESTION * 2} letters.`, example);
  const at = now(ctx);
  const { result: told } = await tellWhatIsLeft(ctx.services, `answer:${id}:${at}`, (services) =>
    answerSaved(services, id, text, at),
  );
  if (told < 0)
    throw new UserError('ask-answer-unknown', `I could not find a question with the id ${id}.`, '/ask unanswered');
  return textReply(
    `Thank you. I saved your answer and closed the question.`,
    told === 1 ? 'I sent it to the person who asked.' : `I sent it to the ${told} people who asked.`,
    'To answer it for everyone, add a section to a policy file, then type /ask reload.',
  );
}

function requireFacilitator(ctx: Context): void {
  if (!hasRole(ctx.actor, 'facilitator')) {
    throw new UserError(
      'not-allowed',
      'Only facilitators can see and close the questions waiting for an answer.',
      EXAMPLE,
    );
  }
}

function policyIndex(ctx: Context): PolicyIndex {
  const { policy } = ctx.services;
  if (!policy) throw new Error('services.policy is missing: createServices() builds it at start');
  return policy;
}

/** The state of the asker's program, so "how many hours" means their program's hours. */
function askerState(ctx: Context) {
  const program = ctx.services.programs.get(ctx.actor.person.programId);
  return program ? detectState(program.name) : undefined;
}

function now(ctx: Context): string {
  return ctx.services.clock.now().toISO()!;
}
