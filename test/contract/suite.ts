import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** What a person saw after sending one message, on any platform. */
export interface SeenReply {
  text: string;
  /** Only the sender could see it (ephemeral on Slack and Discord; always true in the console). */
  private: boolean;
  files: Array<{ filename: string; content: string }>;
}

/**
 * Drives one adapter end to end. Users are named "admin" (an admin), "sue", "alice", "bob";
 * the driver maps them to platform ids and writes "@name" in a line as that platform's mention.
 * Lines are console-style: "/hours log 2h shadowing", "/peerbot admin enroll @alice ...".
 */
export interface ContractDriver {
  send(user: string, line: string): Promise<SeenReply>;
  close(): Promise<void>;
}

/**
 * The adapter contract: the same invocations in, the same meaning out, on every adapter.
 * Runs in order; each step builds on the last (one store per suite). PEERBOT_NOW is 2026-03-16.
 */
export function adapterContract(name: string, start: () => Promise<ContractDriver>): void {
  describe(`adapter contract: ${name}`, () => {
    let driver: ContractDriver;
    beforeAll(async () => {
      driver = await start();
    });
    afterAll(async () => {
      await driver?.close();
    });

    it('shows help with the commands and an example', async () => {
      const seen = await driver.send('alice', '/peerbot help');
      expect(seen.text).toMatch(/\/hours/);
      expect(seen.text).toMatch(/\/cert/);
      expect(seen.text).toMatch(/hours log 2h shadowing/);
    });

    it('logs hours and says what was saved, privately', async () => {
      const seen = await driver.send('alice', '/hours log 2h shadowing');
      expect(seen.text).toMatch(/Saved: 2 hours of shadowing/i);
      expect(seen.private).toBe(true);
    });

    it('shows certification progress with the 90-hour goal', async () => {
      const seen = await driver.send('alice', '/cert');
      expect(seen.text).toMatch(/0 of 90 hours/);
      expect(seen.text).toMatch(/2 hours waiting for approval/);
      expect(seen.private).toBe(true);
    });

    it('refuses a 25-hour entry with an example and stores nothing', async () => {
      const seen = await driver.send('bob', '/hours log 25h shadowing');
      expect(seen.text).toMatch(/more than 24 hours/);
      expect(seen.text).toMatch(/Example: \/hours log/);
      expect((await driver.send('bob', '/hours list')).text).toMatch(/not logged any hours/);
    });

    it('names some kinds of hours in words when the category is unknown', async () => {
      const seen = await driver.send('bob', '/hours log 2h juggling');
      expect(seen.text).toMatch(/don't know the kind of hours/);
      expect(seen.text).toMatch(/You can use: shadowing, learning about local services/);
      expect(seen.text).not.toMatch(/ltc-system|mentoring-1on1,/);
    });

    it("never shows a mentor someone else's status", async () => {
      const seen = await driver.send('bob', '/cert @alice');
      expect(seen.text).toMatch(/only see/);
      expect(seen.text).not.toMatch(/90 hours/);
    });

    it('lets an admin enroll a mentor with a supervisor', async () => {
      const seen = await driver.send(
        'admin',
        '/peerbot admin enroll @alice supervisor:@sue hired:2026-03-01 internship-start:2026-03-02',
      );
      expect(seen.text).toMatch(/Updated|Enrolled/);
      expect(seen.text).toMatch(/Supervisor/);
    });

    it("shows a supervisor their team and lets them approve their mentor's hours", async () => {
      expect((await driver.send('sue', '/team')).text).toMatch(/2 hours to approve/);
      expect((await driver.send('sue', '/hours approve @alice all')).text).toMatch(/Approved: 1 entry/);
      expect((await driver.send('alice', '/cert')).text).toMatch(/2 of 90 hours/);
    });

    it('exports hours as CSV with the exact header', async () => {
      const seen = await driver.send('alice', '/hours export');
      expect(seen.files).toHaveLength(1);
      const lines = seen.files[0]!.content.trim().split('\n');
      expect(lines[0]!.startsWith('date,category,minutes,face_to_face,status,note,')).toBe(true);
      expect(lines[1]!.startsWith('2026-03-16,shadowing,120,false,approved,"",')).toBe(true);
    });
  });
}
