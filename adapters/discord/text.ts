/** The account key of a Discord user id: the prefix lives here and in accountKey(), nowhere else. */
export function discordAccount(userId: string): string {
  return `discord:${userId}`;
}

/** What the adapter knows about ids in a message: the names it can show instead of numbers. */
export interface DiscordNames {
  user(id: string): string | undefined;
  channel(id: string): string | undefined;
  role(id: string): string | undefined;
}

/**
 * Discord writes a person a user typed as `<@42>` (or `<@!42>`), a channel as `<#7>`, a role
 * as `<@&9>`. People become account mentions (`@discord:42`) the core looks up without knowing
 * Discord, with the names Discord knows in `names`; channels and roles become their names.
 */
export function fromDiscordText(text: string, known: DiscordNames): { text: string; names: Record<string, string> } {
  const names: Record<string, string> = Object.create(null) as Record<string, string>;
  const plain = text.replace(/<(@!?|@&|#)(\d{5,25})>/g, (_whole, kind: string, id: string) => {
    if (kind === '#') return `#${known.channel(id) ?? 'channel'}`;
    if (kind === '@&') return `@${known.role(id) ?? 'role'}`;
    const key = discordAccount(id);
    const name = known.user(id);
    if (name) names[key] = name;
    return `@${key}`;
  });
  return { text: plain, names };
}
