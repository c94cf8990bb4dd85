/**
 * Slack sends what a person typed with its own markup (`should_escape: true` in the manifest):
 * `&`, `<` and `>` as entities, links as `<url>` or `<url|label>`, people as `<@U123|sam>`,
 * channels as `<#C123|general>`, groups as `<!subteam^S123|@team>`, and `<!channel>`. This
 * turns it back into the text as typed, with people as account mentions (`@slack:U123`) the
 * core looks up without knowing Slack; the names Slack gave come along in `names`.
 */
export function fromSlackText(text: string): { text: string; names: Record<string, string> } {
  const names: Record<string, string> = Object.create(null) as Record<string, string>;
  // One pass over entities and markup together, so nothing is decoded twice.
  const plain = text.replace(/&(amp|lt|gt);|<([^<>]*)>/g, (whole, entity: string | undefined, inner: string) => {
    if (entity) return ENTITIES[entity]!;
    const bar = inner.indexOf('|');
    const target = bar < 0 ? inner : inner.slice(0, bar);
    const label = bar < 0 ? undefined : inner.slice(bar + 1);
    if (target.startsWith('@')) {
      const key = slackAccount(target.slice(1));
      if (label) names[key] = decode(label);
      return `@${key}`;
    }
    if (target.startsWith('#')) return `#${decode(label ?? target.slice(1))}`;
    if (target.startsWith('!subteam^')) return decode(label ?? '@group').replace(/^(?!@)/, '@');
    if (target.startsWith('!date^')) return decode(label ?? '');
    if (target.startsWith('!')) return `@${target.slice(1)}`;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target))
      return linkText(decode(target), label === undefined ? undefined : decode(label));
    return whole;
  });
  return { text: plain, names };
}

/** The account key of a Slack user id: the prefix lives here and in accountKey(), nowhere else. */
export function slackAccount(userId: string): string {
  return `slack:${userId}`;
}

/**
 * A typed `zoom.us/j/1` arrives as `<http://zoom.us/j/1|zoom.us/j/1>`: the link is kept, since
 * it is what the person meant (a meeting link). A mail or phone link shows as typed. A label
 * that is different text (a formatted link) is kept with the address after it.
 */
function linkText(url: string, label: string | undefined): string {
  if (label === undefined || label === url) return url;
  const bare = url.replace(/^[a-z][a-z0-9+.-]*:(\/\/)?/i, '');
  if (label === bare) return /^https?:/i.test(url) ? url : label;
  return `${label} ${url}`;
}

/** Slack escapes only these three. */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>' };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, entity: string) => ENTITIES[entity]!);
}
