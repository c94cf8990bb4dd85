import { describe, expect, it } from 'vitest';
import { say, testServices } from '../helpers.ts';

describe('a person typing a command the bot does not know', () => {
  it('suggests the command they probably meant when it is a small typo', async () => {
    const s = await testServices();
    expect(await say(s, 'mia', '/hour')).toContain('/hours');
    expect(await say(s, 'mia', '/deadline')).toContain('/deadlines');
  });

  it('never shows a double slash, even when the platform sends the slash', async () => {
    const s = await testServices();
    expect(await say(s, 'mia', '/foo')).toContain('/foo');
    expect(await say(s, 'mia', '//foo')).not.toContain('//');
  });
});
