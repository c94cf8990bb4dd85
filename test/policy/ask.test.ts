import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Button, Reply } from '../../src/message.ts';
import { plainText } from '../../src/message.ts';
import type { Logger, Services } from '../../src/services.ts';
import { answersCollection, questionsCollection } from '../../src/policy/records.ts';
import { say, send, tempDir, testServices } from '../helpers.ts';

const SHIPPED = path.resolve(import.meta.dirname, '../../data/policies');

async function makeFacilitator(services: Services, id: string): Promise<void> {
  await services.store.people.put({
    id,
    role: 'facilitator',
    programId: 'wi-peer-mentor',
    milestones: {},
    nudgesMuted: false,
    createdAt: '2026-03-01T10:00:00-06:00',
  });
}

function buttons(reply: Reply): Button[] {
  return reply.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : []));
}

/** A folder with the shipped documents plus the given extra files. */
async function policiesWith(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  await fs.cp(SHIPPED, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(dir, name), text);
  return dir;
}

describe('/ask', () => {
  it('answers with the key fact first and a Source line naming the seed', async () => {
    const services = await testServices();
    const text = await say(services, 'alice', '/ask how many hrs is the internship?');
    expect(text.split('\n')[0]).toMatch(/90 hours/);
    expect(text).toMatch(/^Source: 000_084a2beb7338ca42\.txt .*"90 Internship Hours"/m);
  });

  it('understands everyday words: mom, in person, NC, CE', async () => {
    const services = await testServices();
    expect(await say(services, 'alice', '/ask can my mom be my peer support specialist?')).toMatch(
      /family member cannot provide/i,
    );
    expect(await say(services, 'alice', '/ask do I have to do half my hours in person')).toMatch(/45 of 90 hours/);
    expect(await say(services, 'alice', '/ask how much CE do NC staff need each year')).toMatch(
      /10 hours of continuing education/,
    );
  });

  it('offers Discord one flat "question" option, which facilitators also use for "unanswered"', async () => {
    const services = await testServices();
    const ask = services.commands.get('ask')!;
    expect(ask.subcommands).toEqual([
      expect.objectContaining({
        name: 'ask',
        options: [expect.objectContaining({ name: 'question', type: 'string', required: true })],
      }),
    ]);
    await makeFacilitator(services, 'discord:42');
    expect(await say(services, '42', '/ask unanswered', { platform: 'discord' })).toMatch(/no questions waiting/);
  });

  it('finds a document an admin dropped into the folder', async () => {
    const dir = await policiesWith({
      'bus-pass.md':
        '# Travel\n\nDocument: 900_agency.txt (Agency handbook)\n\n## Monthly bus pass for peer mentors\nSource: section "Travel"\n\nEvery peer mentor gets a free monthly bus pass from the agency.\n',
    });
    const services = await testServices({ PEERBOT_POLICIES: dir });
    const text = await say(services, 'alice', '/ask do peer mentors get a bus pass?');
    expect(text).toMatch(/free monthly bus pass/);
    expect(text).toMatch(/^Source: 900_agency\.txt \(Agency handbook\), section "Travel"$/m);
  });

  it('lets an admin reload the folder after adding a file, naming a malformed one', async () => {
    const dir = await policiesWith({});
    const services = await testServices({ PEERBOT_POLICIES: dir });
    expect(await say(services, 'alice', '/ask reload')).toMatch(/Only a facilitator can load new policy files/);
    await fs.writeFile(
      path.join(dir, 'parking.md'),
      '# Parking\n\n## Parking at the agency\nSource: 900_agency.txt, section "Parking"\n\nPeer mentors park for free in the agency lot.\n',
    );
    await fs.writeFile(path.join(dir, 'broken.md'), '## No source here\n\nText.\n');
    const reloaded = await say(services, 'admin', '/ask reload');
    expect(reloaded).toMatch(/I loaded \d+ topics from 6 files, and \d+ passages\./);
    expect(reloaded).toMatch(/I skipped a file: .*broken\.md: section "No source here"/);
    expect(await say(services, 'alice', '/ask where can I park at the agency?')).toMatch(/park for free/);
  });

  it('reports a malformed document by name at start and still answers from the others', async () => {
    const dir = await policiesWith({ 'broken.md': '# Broken\n\n## A topic without a source\n\nSome text.\n' });
    const warnings: string[] = [];
    const log: Logger = { info() {}, error() {}, warn: (m) => void warnings.push(m) };
    const db = path.join(await tempDir(), 'db.json');
    const services = await createServices(
      loadConfig({ PEERBOT_DB: db, PEERBOT_POLICIES: dir, PEERBOT_NOW: '2026-03-16T10:00:00-05:00' }),
      log,
    );
    expect(warnings.join('\n')).toMatch(
      /broken\.md: section "A topic without a source" \(line 3\) has no "Source:" line/,
    );
    expect(await say(services, 'alice', '/ask how many internship hours do I need?')).toMatch(/90 hours/);
  });

  it('says it found no answer to an off-topic question, records it, and offers a facilitator without contradicting itself', async () => {
    const services = await testServices();
    const reply = await send(services, 'alice', "/ask what's the weather today?", { platform: 'slack' });
    const text = plainText(reply, { hints: false });
    expect(text).toMatch(/^I'm not sure about that\.\nI did not find an answer in the program rules\./);
    expect(text).toContain('Do you want a facilitator to answer you?');
    // Not "I saved your question so a facilitator…" next to "Pass it to a facilitator".
    expect(text).not.toMatch(/I saved your question|Source:/);
    const [pass] = buttons(reply);
    expect(pass).toMatchObject({ label: 'Yes, ask a facilitator', command: 'ask' });
    const stored = await (await questionsCollection(services.store)).all();
    expect(stored.map((q) => q.value)).toEqual([
      expect.objectContaining({
        question: "what's the weather today?",
        personId: 'slack:alice',
        status: 'open',
        wantsReply: false,
      }),
    ]);
    expect(await say(services, 'alice', `/ask ${pass!.args}`, { platform: 'slack' })).toMatch(
      /asked a facilitator to answer you/,
    );
    expect((await (await questionsCollection(services.store)).all())[0]!.value.wantsReply).toBe(true);
  });

  it('in the console, says the words to type with no code to copy, and "/ask pass" passes the last question', async () => {
    const services = await testServices();
    const text = await say(services, 'alice', "/ask what's the weather today?");
    expect(text).toContain('To ask a facilitator, type /ask pass');
    expect(text).not.toMatch(/\/ask pass [0-9a-f]{8}/);
    expect(await say(services, 'alice', '/ask pass')).toMatch(/asked a facilitator to answer you/);
    expect((await (await questionsCollection(services.store)).all())[0]!.value.wantsReply).toBe(true);
  });

  it('lists unanswered questions for facilitators only', async () => {
    const services = await testServices();
    await say(services, 'alice', '/ask what is the capital of France?');
    expect(await say(services, 'alice', '/ask unanswered')).toMatch(/Only facilitators/);
    await makeFacilitator(services, 'fran');
    const list = await say(services, 'fran', '/ask unanswered');
    expect(list).toMatch(/Questions waiting for an answer: 1/);
    expect(list).toMatch(/"what is the capital of France\?"\n\s+asked by alice on 2026-03-16/);
    const id = /Id: ([0-9a-f]{8})/.exec(list)![1]!;
    expect(await say(services, 'alice', `/ask done ${id}`)).toMatch(/Only facilitators/);
    expect(await say(services, 'fran', `/ask done ${id}`)).toMatch(/Marked as answered/);
    expect(await say(services, 'fran', '/ask unanswered')).toMatch(/no questions waiting/);
  });

  it('shows "Did this help?" buttons on Slack and records the answer; "No" goes to the facilitators once', async () => {
    const services = await testServices();
    const reply = await send(services, 'U1', '/ask what is a peer mentor?', { platform: 'slack' });
    expect(plainText(reply)).toMatch(/Did this help\?/);
    const [yes, no] = buttons(reply);
    expect(yes!.args).toMatch(/^feedback [0-9a-f]{8} yes$/);
    expect(await say(services, 'U1', `/ask ${yes!.args}`, { platform: 'slack' })).toMatch(/glad it helped/);
    const id = yes!.args.split(' ')[1]!;
    expect(await (await answersCollection(services.store)).get(id)).toMatchObject({
      question: 'what is a peer mentor?',
      helpful: true,
    });
    await say(services, 'U1', `/ask ${no!.args}`, { platform: 'slack' });
    await say(services, 'U1', `/ask ${no!.args}`, { platform: 'slack' });
    const open = await (await questionsCollection(services.store)).all();
    expect(open.map((q) => q.value)).toEqual([expect.objectContaining({ reason: 'not-helpful', wantsReply: true })]);
  });

  it('does not show buttons in the console, which cannot press them', async () => {
    const services = await testServices();
    const reply = await send(services, 'alice', '/ask what is a peer mentor?');
    expect(buttons(reply)).toEqual([]);
  });

  it('rejects an empty question with an example and stores nothing', async () => {
    const services = await testServices();
    expect(await say(services, 'alice', '/ask')).toMatch(/Please write your question after \/ask\.\nExample: \/ask /);
    expect(await say(services, 'alice', '/ask thanks!')).toMatch(/^I'm not sure what you want to know\./);
    expect(await (await questionsCollection(services.store)).all()).toEqual([]);
  });

  it("does not let one person give feedback on another person's answer", async () => {
    const services = await testServices();
    const [yes] = buttons(await send(services, 'U1', '/ask what is a peer mentor?', { platform: 'slack' }));
    expect(await say(services, 'U2', `/ask ${yes!.args}`, { platform: 'slack' })).toMatch(/could not find that answer/);
  });
});
