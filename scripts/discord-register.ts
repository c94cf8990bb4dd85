/**
 * `npm run discord:register` — puts peerbot's slash commands on Discord (for DISCORD_GUILD_ID
 * when set: they show at once; otherwise for every server, which Discord may take up to an
 * hour to show). Writes only when they changed. `-- --print` prints the definitions and sends
 * nothing. The bot also does this at start; this is for operators who deploy separately.
 */
import { REST } from 'discord.js';
import { loadConfig } from '../src/config.ts';
import { allCommands } from '../commands/index.ts';
import { commandDefinitions } from '../adapters/discord/definitions.ts';
import { registerCommands } from '../adapters/discord/register.ts';
import { inviteUrl } from '../adapters/discord/invite.ts';

const definitions = commandDefinitions(allCommands);
if (process.argv.includes('--print')) {
  console.log(JSON.stringify(definitions, null, 2));
  process.exit(0);
}
const { discord } = loadConfig();
if (!discord) {
  console.error('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID first (and DISCORD_GUILD_ID for one server).');
  process.exit(1);
}
const rest = new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
try {
  const result = await registerCommands(rest, discord.applicationId, definitions, discord.guildId);
  console.log(
    `${result.count} slash commands ${result.changed ? 'registered' : 'were already up to date'} for ${result.scope}.`,
  );
  console.log(`To add the bot to a server, open: ${inviteUrl(discord.applicationId)}`);
} catch (error) {
  console.error(`Could not register the commands: ${(error as Error).message}`);
  process.exit(1);
}
