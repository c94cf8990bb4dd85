import { describe, expect, it } from 'vitest';
import { say, testServices } from '../helpers.ts';
import { createServices } from '../../src/app.ts';
import { silentLogger } from '../../src/services.ts';
import type { Services } from '../../src/services.ts';

/**
 * "constructor", "__proto__", "toString" and "hasOwnProperty" are ordinary names and words.
 * Each of these once gave an apology, named "Object", or wrote `people.undefined` so the bot
 * would not start again.
 */
const OOPS = /something went wrong|Object|undefined|\[object/;

async function reopened(s: Services): Promise<Services> {
  return createServices(s.config, silentLogger);
}

async function withFacilitator(): Promise<Services> {
  const s = await testServices();
  expect(await say(s, 'admin', '/admin role @fran facilitator')).toBe('fran is now a facilitator.');
  return s;
}

describe('a person named like a built-in word', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'gives @%s a role, and the bot starts again with it',
    async (name) => {
      const s = await testServices();
      expect(await say(s, 'admin', `/admin role @${name} supervisor`)).toBe(`${name} is now a supervisor.`);
      const again = await reopened(s);
      expect((await again.store.people.get(name))?.role).toBe('supervisor');
      expect(await say(again, name, '/team')).not.toMatch(OOPS);
    },
  );

  it('makes @constructor an admin by that name, not "Object"', async () => {
    const s = await testServices();
    expect(await say(s, 'admin', '/admin role @constructor admin')).toBe('constructor is now an admin.');
    await expect(reopened(s)).resolves.toBeTruthy();
  });

  it.each(['__proto__', 'constructor'])('enrolls @%s without an apology, and the bot starts again', async (name) => {
    const s = await testServices();
    const reply = await say(s, 'admin', `/admin enroll @${name} supervisor:@sam`);
    expect(reply).toMatch(new RegExp(`^Enrolled ${name} in`));
    expect(reply).not.toMatch(OOPS);
    await expect(reopened(s)).resolves.toBeTruthy();
  });

  it.each(['/cert @__proto__', '/deadlines @constructor', '/hours list @toString', '/hours @hasOwnProperty'])(
    'answers a facilitator asking %s with "I don\'t know" and stores nothing',
    async (line) => {
      const s = await withFacilitator();
      const before = await s.store.people.all();
      expect(await say(s, 'fran', line)).toMatch(/I don't know @\w+ yet/);
      expect(await s.store.people.all()).toEqual(before);
    },
  );

  it.each(['constructor', '__proto__', 'toString'])('lets a console user called %s log hours', async (name) => {
    const s = await testServices();
    expect(await say(s, name, '/deadlines mute')).toMatch(/^OK\. I will not send you deadline reminders/);
    expect(await say(s, name, '/hours log 1h shadowing')).toMatch(/^Saved: 1 hour of shadowing/);
    const again = await reopened(s);
    expect(await say(again, name, '/hours list')).toMatch(/1 hour/);
  });
});

describe('a built-in word typed as a category, meeting or subcommand', () => {
  it.each(['__proto__', 'constructor', 'toString'])(
    'refuses /hours log 1h %s with the list of categories',
    async (word) => {
      const s = await testServices();
      const reply = await say(s, 'alice', `/hours log 1h ${word}`);
      expect(reply).toMatch(/I don't know the kind of hours/);
      expect(reply).toMatch(/You can use: shadowing/);
      expect(await s.store.hours.list('alice')).toEqual([]);
    },
  );

  it.each(['constructor', '__proto__', 'hasOwnProperty'])(
    'refuses /meet rsvp %s yes as an unknown meeting',
    async (word) => {
      const s = await withFacilitator();
      await say(s, 'fran', '/meet schedule "Learning Collaborative" meeting every 2nd tuesday 10:00 90m');
      const reply = await say(s, 'alice', `/meet rsvp ${word} yes`);
      expect(reply).toMatch(new RegExp(`I can't find a meeting called "${word.replace(/\W/g, '\\$&')}"`));
      expect(reply).not.toMatch(OOPS);
    },
  );

  it.each([
    ['/hours constructor', /I don't know "\/hours constructor"/],
    ['/hours __proto__', /I don't know "\/hours __proto__"/],
    ['/meet toString', /I don't know "\/meet toString"/],
    ['/cert constructor', /Your certification/],
  ])('reads %s as an unknown word', async (line, expected) => {
    const s = await testServices();
    expect(await say(s, 'alice', line)).toMatch(expected);
  });

  it('does not take "constructor" for a kind or an nth when scheduling', async () => {
    const s = await withFacilitator();
    const kind = await say(s, 'fran', '/meet schedule "Planning" constructor weekly monday 10:00');
    expect(kind).toMatch(/I don't know the kind "constructor"/);
    const nth = await say(s, 'fran', '/meet schedule "Planning" meeting every constructor monday 10:00');
    expect(nth).not.toMatch(OOPS);
  });
});
