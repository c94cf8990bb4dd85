import type { Adapter } from './adapter.ts';
import type { Services } from './services.ts';

/**
 * The Slack and Discord adapters the configuration asks for. Each is loaded only then, so
 * the console (and `npm run nudge` with no platform) starts without loading either library.
 */
export async function platformAdapters(services: Services): Promise<Adapter[]> {
  const adapters: Adapter[] = [];
  if (services.config.slack) {
    const { createSlackAdapter } = await import('../adapters/slack/index.ts');
    adapters.push(createSlackAdapter(services));
  }
  if (services.config.discord) {
    const { createDiscordAdapter } = await import('../adapters/discord/index.ts');
    adapters.push(createDiscordAdapter(services));
  }
  return adapters;
}
