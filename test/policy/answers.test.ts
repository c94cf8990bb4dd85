import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Services } from '../../src/services.ts';
import { questionsCollection } from '../../src/policy/records.ts';
import { say, testServices } from '../helpers.ts';

async function enroll(services: Services, id: string, programId: string, role = 'mentor'): Promise<void> {
  await services.store.people.put({
    id,
    role: role as 'mentor',
    programId,
    milestones: {},
    nudgesMuted: false,
    createdAt: '2026-03-01T10:00:00-06:00',
  });
}

const firstLine = (text: string) => text.split('\n')[0]!;

describe('/ask abstains rather than guesses', () => {
  it.each([
    'how much do peer mentors get paid an hour in texas',
    'what are the rules for peer specialists in california',
    'do i have to pay taxes on my internship money',
    'can i join a union as a peer worker',
    'what is the minimum wage in florida',
    'how much does a cps get paid in mass',
    'how much does the cps training cost',
  ])('says "I\'m not sure" to a question the documents do not cover: %s', async (question) => {
    const services = await testServices();
    const text = await say(services, 'alice', `/ask ${question}`);
    expect(text).toMatch(/^I'm not sure/);
    expect(text).not.toMatch(/^Source:/m);
    expect((await (await questionsCollection(services.store)).all()).map((q) => q.value.question)).toEqual([question]);
  });

  it('still answers a question about another state that a document itself tells about', async () => {
    const services = await testServices();
    expect(await say(services, 'alice', '/ask what did georgia get approved in 1999 for peer specialists?')).toMatch(
      /Georgia[\s\S]*^Source: /m,
    );
  });

  it('never crashes on words that are names of object properties', async () => {
    const services = await testServices();
    for (const word of ['constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf'])
      expect(await say(services, 'alice', `/ask what is the ${word} of peer support?`)).toMatch(/\S/);
  });

  it('answers any text without throwing (property)', async () => {
    const services = await testServices();
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 80 }), async (q) => {
        const text = await say(services, 'alice', `/ask ${q}`);
        expect(text.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});

describe("/ask answers for the asker's program", () => {
  it('gives a Massachusetts peer specialist the Massachusetts training, and names it', async () => {
    const services = await testServices();
    await enroll(services, 'mia', 'ma-cps');
    const text = await say(services, 'mia', '/ask how long is the cps training');
    expect(firstLine(text)).toMatch(/Massachusetts.*8 to 9 day/);
    expect(text).toMatch(/^Source: 003_09729a8c7bb7b84b\.txt /m);
  });

  it('gives a Wisconsin peer mentor a Wisconsin answer to the same words', async () => {
    const services = await testServices();
    await enroll(services, 'walt', 'wi-peer-mentor');
    const text = await say(services, 'walt', '/ask how long is the training');
    expect(firstLine(text)).not.toMatch(/8 to 9 day/);
    expect(text).toMatch(/^Source: 000_084a2beb7338ca42\.txt /m);
  });

  it("follows a state the question names over the asker's program", async () => {
    const services = await testServices();
    await enroll(services, 'mia', 'ma-cps');
    const text = await say(services, 'mia', '/ask how much CE do NC staff need each year');
    expect(firstLine(text)).toMatch(/10 hours of continuing education/);
  });
});

describe('/ask reads questions as people type them', () => {
  it('answers a question in chat spelling, with a lowercase state', async () => {
    const services = await testServices();
    const text = await say(services, 'alice', '/ask whats the most ppl one cpss can have in nc');
    expect(firstLine(text)).toMatch(/\b25\b/);
    expect(text).toMatch(/^Source: 004_e35242edc1a08dd4\.txt /m);
  });
});

describe('/ask puts the answer first', () => {
  it('starts with the sentence that answers, not a list', async () => {
    const services = await testServices();
    await enroll(services, 'nora', 'nc-peer-support');
    const text = await say(services, 'nora', "/ask can i bill PSS time for helping my client's kids or husband");
    expect(firstLine(text)).toMatch(/^No\. .*family/);
    expect(firstLine(text)).not.toMatch(/^[•-]/);
    expect(text).toMatch(/^Source: 004_e35242edc1a08dd4\.txt \(NC Medicaid.*\), slide "Activities Not Covered"$/m);
  });

  it('leads with the list item that answers when the summary does not (no fact in bullet 8)', async () => {
    const services = await testServices();
    await enroll(services, 'alice', 'wi-peer-mentor');
    const text = await say(services, 'alice', '/ask do i need to keep things private');
    expect(firstLine(text)).toMatch(/confidential|private/i);
    expect(firstLine(text)).not.toMatch(/^[•-]/);
    // The fact is not shown twice.
    expect(text.match(/confidential/g)).toHaveLength(1);
    expect(text).toMatch(/^Source: 000_084a2beb7338ca42\.txt/m);
  });

  it('answers from a passage of the source document when no topic covers the fact, naming title and section', async () => {
    const services = await testServices();
    const text = await say(services, 'nora', '/ask is the nc webinar recorded');
    expect(firstLine(text)).toMatch(/webinar is recorded/);
    expect(text).toMatch(/^Source: 004_e35242edc1a08dd4\.txt \(NC Medicaid.*\), section "Housekeeping"$/m);
  });
});

describe('facilitators close the loop', () => {
  it('tells the person who asked when a facilitator answers, at their next message', async () => {
    const services = await testServices();
    await enroll(services, 'fran', 'wi-peer-mentor', 'facilitator');
    await say(services, 'alice', '/ask where do I park my bike at the agency?');
    await say(services, 'bob', '/ask Where do I park my bike at the agency');
    const list = await say(services, 'fran', '/ask unanswered');
    const id = /Id: ([0-9a-f]{8})/.exec(list)![1]!;
    expect(await say(services, 'alice', `/ask answer ${id} nope`)).toMatch(/Only facilitators/);
    expect(await say(services, 'fran', `/ask answer ${id}`)).toMatch(/Please write the answer/);
    expect(await say(services, 'fran', `/ask answer ${id} Bikes go in the rack by the back door.`)).toMatch(
      /I sent it to the 2 people who asked/,
    );
    expect(await say(services, 'alice', '/hours')).toMatch(
      /A facilitator answered your question[\s\S]*rack by the back door/,
    );
    expect(await say(services, 'alice', '/hours')).not.toMatch(/rack by the back door/);
    expect(await say(services, 'bob', '/deadlines')).toMatch(/rack by the back door/);
    expect(await say(services, 'fran', '/ask unanswered')).toMatch(/no questions waiting/);
  });
});
