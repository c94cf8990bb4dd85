import { describe, expect, it } from 'vitest';
import { say, testServices } from '../helpers.ts';

describe('/peerbot link joins one person’s accounts', () => {
  it('links a Discord account to a person known on Slack, so hours logged on either count once', async () => {
    const s = await testServices();
    await say(s, 'U1', '/hours log 2h shadowing', { platform: 'slack' });
    const answer = await say(s, 'admin', '/peerbot link slack:U1 @discord:42');
    expect(answer).toMatch(/now one person/);
    await say(s, '42', '/hours log 1h shadowing', { platform: 'discord' });
    expect(await s.store.people.byAccount('discord:42')).toMatchObject({ id: 'slack:U1' });
    expect(await s.store.hours.list('slack:U1')).toHaveLength(2);
    expect(await s.store.people.get('discord:42')).toBeUndefined();
  });

  it('accepts the accounts in either order', async () => {
    const s = await testServices();
    await say(s, 'U1', '/hours log 2h shadowing', { platform: 'slack' });
    await say(s, 'admin', '/peerbot link discord:42 slack:U1');
    expect(await s.store.people.byAccount('discord:42')).toMatchObject({ id: 'slack:U1' });
  });

  it('refuses two accounts that each have their own record, says why, and changes nothing', async () => {
    const s = await testServices();
    await say(s, 'U1', '/hours log 2h shadowing', { platform: 'slack' });
    await say(s, '42', '/hours log 3h shadowing', { platform: 'discord' });
    const answer = await say(s, 'admin', '/peerbot link slack:U1 discord:42');
    expect(answer).toMatch(/did not link/);
    expect(answer).toMatch(/discord:42 .* has 3 hours logged/);
    expect(await s.store.people.byAccount('discord:42')).toBeUndefined();
    expect(await s.store.hours.list('discord:42')).toHaveLength(1);
  });

  it('says so when the accounts are already linked', async () => {
    const s = await testServices();
    await say(s, 'U1', '/hours log 2h shadowing', { platform: 'slack' });
    await say(s, 'admin', '/peerbot link slack:U1 discord:42');
    expect(await say(s, 'admin', '/peerbot link discord:42 slack:U1')).toMatch(/already linked/);
  });

  it('lets only admins link accounts', async () => {
    const s = await testServices();
    await say(s, 'U1', '/hours log 2h shadowing', { platform: 'slack' });
    expect(await say(s, 'alice', '/peerbot link slack:U1 discord:42')).toMatch(/Only an admin/);
    expect(await s.store.people.byAccount('discord:42')).toBeUndefined();
  });

  it('asks for two accounts, with an example, when one is missing', async () => {
    const s = await testServices();
    expect(await say(s, 'admin', '/peerbot link slack:U1')).toMatch(/two accounts[\s\S]*Example: \/peerbot link/);
  });

  it('refuses when neither account is known yet', async () => {
    const s = await testServices();
    expect(await say(s, 'admin', '/peerbot link slack:U9 discord:99')).toMatch(/don't know slack:U9 or discord:99/);
  });
});
