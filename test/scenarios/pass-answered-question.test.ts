import { describe, expect, it } from 'vitest';
import { say, send, testServices } from '../helpers.ts';

describe('pressing "Pass it to a facilitator" after a facilitator already answered', () => {
  it('says an answer was added, instead of claiming the question was passed on where nobody will see it', async () => {
    const s = await testServices();
    await say(s, 'admin', '/admin role @fran facilitator');
    const unsure = await send(s, 'alice', '/ask what is the wifi password', { platform: 'slack' });
    const pass = unsure.blocks
      .flatMap((b) => (b.kind === 'actions' ? b.buttons : []))
      .find((b) => b.label === 'Yes, ask a facilitator')!;
    await say(s, 'fran', `/ask done ${pass.args.split(' ')[1]}`);
    const pressed = await say(s, 'alice', `/${pass.command} ${pass.args}`, { platform: 'slack' });
    expect(pressed).not.toMatch(/I passed your question/);
    expect(pressed).toMatch(/already added an answer/);
    expect(pressed).toMatch(/\/ask what is the wifi password/);
  });
});
