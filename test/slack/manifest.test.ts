import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allCommands } from '../../commands/index.ts';

interface Manifest {
  display_information: { name: string; description: string; long_description?: string };
  features: {
    app_home: Record<string, boolean>;
    slash_commands: Array<{ command: string; url: string; description: string; should_escape: boolean }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const file = path.resolve(import.meta.dirname, '../../adapters/slack/manifest.yaml');
const manifest = parse(fs.readFileSync(file, 'utf8')) as Manifest;
// SPEC "Commands": what Slack registers.
const SPEC_COMMANDS = ['/hours', '/cert', '/team', '/deadlines', '/meet', '/ask', '/peerbot'];

describe('the Slack app manifest', () => {
  it('lists every slash command in the SPEC, each at /slack/events with mentions escaped', () => {
    const commands = manifest.features.slash_commands;
    expect(commands.map((c) => c.command).sort()).toEqual([...SPEC_COMMANDS].sort());
    for (const c of commands) {
      expect(c.url).toMatch(/\/slack\/events$/);
      expect(c.should_escape).toBe(true);
      expect(c.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('names only commands the bot knows', () => {
    const known = new Set(allCommands.map((c) => `/${c.name}`));
    const missing = manifest.features.slash_commands.map((c) => c.command).filter((c) => !known.has(c));
    expect(missing).toEqual([]);
  });

  it('asks for the scopes the adapter uses, and turns on the home tab, buttons and app_home_opened', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['commands', 'chat:write', 'im:write', 'files:write', 'channels:read', 'groups:read']),
    );
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    expect(typeof manifest.settings.socket_mode_enabled).toBe('boolean');
  });

  it('lets people write to the bot in its Messages tab, and sends those messages to it (message.im with im:history)', () => {
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('message.im');
    expect(manifest.oauth_config.scopes.bot).toContain('im:history');
    // Only direct messages: the bot never reads or answers what is said in channels.
    expect(manifest.settings.event_subscriptions.bot_events.filter((e) => e.startsWith('message.'))).toEqual([
      'message.im',
    ]);
    expect(manifest.oauth_config.scopes.bot).not.toContain('channels:history');
  });

  it('keeps within Slack’s length limits for the app description', () => {
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    const long = manifest.display_information.long_description ?? '';
    expect(long.length).toBeGreaterThanOrEqual(174);
    expect(long.length).toBeLessThanOrEqual(4000);
  });
});
