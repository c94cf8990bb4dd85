import type { Invocation, Platform } from './bot.ts';
import type { Services } from './services.ts';
import type { Person, Role } from './store/schema.ts';
import { UserError } from './errors.ts';

/** Who is asking: their person record (maybe not saved yet) and how they are known. */
export interface Actor {
  person: Person;
  accountKey: string;
  /** False until the person's first change is stored (first use writes nothing). */
  saved: boolean;
}

/** Console ids are plain ("alice"); platform ids are prefixed so a Slack U123 and a Discord 123 never meet by accident. */
export function accountKey(platform: Platform, userId: string): string {
  return platform === 'console' ? userId : `${platform}:${userId}`;
}

/**
 * The person an account key or person id stands for. Only a real person record counts: a key
 * like "constructor" or "__proto__" must never come back as something from Object.prototype.
 */
export async function lookupPerson(services: Services, key: string): Promise<Person | undefined> {
  const isPerson = (p: Person | undefined) => (p && typeof p === 'object' && typeof p.id === 'string' ? p : undefined);
  const byAccount = isPerson(await services.store.people.byAccount(key));
  if (byAccount) return byAccount;
  const byId = isPerson(await services.store.people.get(key));
  return byId?.id === key ? byId : undefined;
}

export async function resolveActor(services: Services, inv: Invocation): Promise<Actor> {
  const key = accountKey(inv.platform, inv.userId);
  const stored = await lookupPerson(services, key);
  const isAdmin = services.config.admins.has(inv.userId) || services.config.admins.has(key);
  if (stored) {
    // Someone enrolled by a mention that carried no name (Discord's <@id>) gets the name their platform gives, once.
    if (!stored.name && inv.userName)
      await services.store.people.update(stored.id, (p) => (p.name ? p : { ...p, name: inv.userName }));
    const named = stored.name || !inv.userName ? stored : { ...stored, name: inv.userName };
    const person = isAdmin && named.role !== 'admin' ? { ...named, role: 'admin' as const } : named;
    return { person, accountKey: key, saved: true };
  }
  const person: Person = {
    id: key,
    name: inv.userName,
    role: isAdmin ? 'admin' : 'mentor',
    programId: services.config.defaultProgram,
    milestones: {},
    nudgesMuted: false,
    createdAt: services.clock.now().toISO()!,
  };
  return { person, accountKey: key, saved: false };
}

/** Stores a person on first use (enrolled in PEERBOT_DEFAULT_PROGRAM). */
export async function ensureSaved(services: Services, actor: Actor): Promise<void> {
  if (actor.saved) return;
  // Insert, not put: the same person's first two messages at once must not overwrite each other.
  await services.store.people.insert(actor.person);
  if (actor.accountKey !== actor.person.id) await services.store.people.link(actor.accountKey, actor.person.id);
  actor.saved = true;
}

/**
 * Is this word a mention of a person? Mentions reach the core in one form whatever the
 * platform: `@` and an account key the adapter resolved ("@slack:U123", "@discord:42"), or
 * what a console user typed ("@alice", "@AliceLee"). Platform markup never gets this far.
 */
export function isMention(word: string): boolean {
  return /^@[\w.:-]+$/.test(word);
}

/** The account keys a mention may stand for, most likely first: the word itself, then the word as this platform's id. */
export function mentionKeys(word: string, platform: Platform): string[] {
  const plain = word.replace(/^@/, '');
  return platform === 'console' ? [plain] : [plain, accountKey(platform, plain)];
}

/** Finds the person a mention names, by account, id or name. */
export async function findMentioned(services: Services, word: string, platform: Platform): Promise<Person | undefined> {
  for (const key of mentionKeys(word, platform)) {
    const person = await lookupPerson(services, key);
    if (person) return person;
  }
  const name = word.replace(/^@/, '').toLowerCase();
  const people = await services.store.people.all();
  // "@AliceLee" for "Alice Lee": a name with spaces, written as one word after @.
  return (
    people.find((p) => p.name?.toLowerCase() === name) ??
    people.find((p) => p.name?.toLowerCase().replace(/\s+/g, '') === name)
  );
}

/** Like findMentioned, but a person nobody knows yet is an error with an example. */
export async function requireMentioned(
  services: Services,
  word: string,
  platform: Platform,
  example: string,
): Promise<Person> {
  const person = await findMentioned(services, word, platform);
  if (!person)
    throw new UserError(
      'unknown-person',
      `I don't know ${displayMention(word)} yet. An admin needs to enroll them first.`,
      example,
    );
  return person;
}

/** How a mention reads in a reply: as typed, or "that person" for an account key (a bare platform id says nothing). */
export function displayMention(word: string): string {
  if (word.includes(':')) return 'that person';
  return word.startsWith('@') ? word : `@${word}`;
}

export function displayName(person: Person): string {
  return person.name ?? person.id.replace(/^(slack|discord):/, '');
}

/** A word that names a person when typed after @: their name without spaces ("AliceLee"), else their account id without the platform. */
export function mentionWord(person: Person): string {
  const compact = person.name?.replace(/\s+/g, '');
  return compact && /^[\w.-]+$/.test(compact) ? compact : person.id.replace(/^(slack|discord):/, '');
}

/** Someone who left (an admin deactivated them) keeps every record but gets no nudges and is off /team. */
export function isActive(person: Person): boolean {
  return !person.deactivatedOn;
}

const RANK: Record<Role, number> = { mentor: 0, supervisor: 1, facilitator: 2, admin: 3 };

export function hasRole(actor: Actor, role: Role): boolean {
  return RANK[actor.person.role] >= RANK[role];
}

/** A mentor sees only themself; a supervisor their own mentors; facilitators and admins everyone. */
export function canSee(actor: Actor, target: Person): boolean {
  if (actor.person.id === target.id) return true;
  if (hasRole(actor, 'facilitator')) return true;
  return actor.person.role === 'supervisor' && target.supervisorId === actor.person.id;
}

/** The same refusal whether or not the person exists, so nobody can probe for names. */
export function notAllowed(what: string): UserError {
  return new UserError(
    'not-allowed',
    `You can only see your own ${what}.`,
    `/${what === 'hours' ? 'hours' : what === 'deadlines' ? 'deadlines' : 'cert'}`,
  );
}

/**
 * The person a command is about: the asker, or someone they named. A mentor naming anyone
 * else gets the same refusal whether or not that person exists.
 */
export async function resolveTarget(
  services: Services,
  actor: Actor,
  platform: Platform,
  word: string | undefined,
  what: string,
): Promise<Person> {
  if (!word) return actor.person;
  const person = await findMentioned(services, word, platform);
  if (person?.id === actor.person.id) return actor.person;
  if (!hasRole(actor, 'supervisor')) throw notAllowed(what);
  if (!person)
    throw new UserError(
      'unknown-person',
      `I don't know ${displayMention(word)} yet. An admin can enroll them.`,
      '/admin enroll @alice supervisor:@sue',
    );
  if (!canSee(actor, person)) throw notAllowed(what);
  return person;
}

/** Splits off a leading mention: "@bob 3" -> ["@bob", "3"]. */
export function takeMention(text: string): [string | undefined, string] {
  const [first = '', ...rest] = text.trim().split(/\s+/);
  return isMention(first) ? [first, rest.join(' ')] : [undefined, text.trim()];
}
