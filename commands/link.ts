import type { Command, Context, Platform } from '../src/bot.ts';
import { UserError } from '../src/errors.ts';
import { textReply } from '../src/message.ts';
import type { Reply } from '../src/message.ts';
import { displayName, hasRole, isMention, lookupPerson, mentionKeys } from '../src/people.ts';
import { hoursText } from '../src/hours/format.ts';
import type { Services } from '../src/services.ts';
import type { Person } from '../src/store/schema.ts';

const EXAMPLE = '/peerbot link @alice slack:U123ABC';

/**
 * `/peerbot link <account> <account>` (admins): one person's Slack, Discord and console
 * accounts become one person, so hours logged on any of them count once.
 *
 * Two accounts that already have a record each are not merged: the store has no way to remove
 * a person, and a leftover record would still get nudges and show on /team. The admin is told
 * which account has what, and nothing is changed.
 */
export async function linkAccounts(ctx: Context, text: string): Promise<Reply> {
  if (!hasRole(ctx.actor, 'admin')) throw new UserError('not-admin', 'Only an admin can link accounts.', '/help');
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length !== 2) {
    throw new UserError('link-accounts', 'Please name two accounts of the same person.', EXAMPLE);
  }
  const { services } = ctx;
  const platform = ctx.inv.platform;
  const [first, second] = await Promise.all(words.map((w) => accountOf(services, w, platform)));
  if (first!.key === second!.key)
    throw new UserError('link-same', 'Those are the same account. Name two different accounts.', EXAMPLE);
  const [a, b] = [first!, second!];
  if (a.person && b.person && a.person.id === b.person.id) {
    return textReply(`${a.key} and ${b.key} are already linked.`, `They are one person: ${displayName(a.person)}.`);
  }
  if (!a.person && !b.person) {
    throw new UserError('link-unknown', `I don't know ${a.key} or ${b.key} yet.`, '/peerbot admin enroll @alice');
  }
  if (a.person && b.person) return refuseTwoRecords(services, a.key, a.person, b.key, b.person);
  const [known, other] = a.person ? [a, b] : [b, a];
  await services.store.people.link(other.key, known.person!.id);
  return textReply(
    `Done. ${displayName(known.person!)}'s ${platformOf(other.key)} and ${platformOf(known.key)} accounts are now one person.`,
    'Hours logged on either account count once.',
  );
}

async function refuseTwoRecords(services: Services, keyA: string, a: Person, keyB: string, b: Person): Promise<Reply> {
  const hoursOf = async (p: Person) =>
    hoursText((await services.store.hours.list(p.id)).reduce((n, e) => n + e.minutes, 0));
  return textReply(
    'I did not link them.',
    `${keyA} and ${keyB} are already two people in my records.`,
    `${keyA} (${displayName(a)}) has ${await hoursOf(a)} logged.`,
    `${keyB} (${displayName(b)}) has ${await hoursOf(b)} logged.`,
    'Linking them could count hours twice or lose them.',
    'Link an account before the person uses it. Ask your facilitator for help with these two.',
  );
}

/** "Slack" for "slack:U123": the admin reads a platform, not a raw account id. */
function platformOf(key: string): string {
  const platform = /^([a-z]+):/.exec(key)?.[1] ?? 'console';
  return platform === 'console' ? platform : platform[0]!.toUpperCase() + platform.slice(1);
}

/** An account typed as "slack:U123" or "discord:42", a mention (the adapters turn them into "@slack:U123") or a console id ("alice"). */
async function accountOf(
  services: Services,
  word: string,
  platform: Platform,
): Promise<{ key: string; person?: Person }> {
  const prefixed = /^([a-z]+):(\S+)$/i.exec(word);
  const candidates = prefixed
    ? [`${prefixed[1]!.toLowerCase()}:${prefixed[2]}`]
    : isMention(word) || !/^[<#&]/.test(word)
      ? mentionKeys(word, platform)
      : [];
  if (candidates.length === 0)
    throw new UserError('link-account', `I don't understand the account "${word}".`, EXAMPLE);
  for (const key of candidates) {
    const person = await lookupPerson(services, key);
    if (person) return { key, person };
  }
  return { key: candidates[0]! };
}

/** Reached as `/peerbot link …` on Slack and Discord, and `/link …` in the console. */
export default {
  name: 'link',
  description: 'Link one person’s Slack and Discord accounts (admins only).',
  examples: [EXAMPLE, '/peerbot link @sam discord:123456789'],
  subcommands: [],
  run: linkAccounts,
} satisfies Command;
