import type { OptionSpec } from '../../src/bot.ts';
import type { Services } from '../../src/services.ts';
import { accountKey, canSee, resolveActor } from '../../src/people.ts';
import { allMeetings } from '../../src/meetings/meetings.ts';
import { clip } from './render.ts';

export interface Choice {
  name: string;
  value: string;
}

type Kind = NonNullable<OptionSpec['autocomplete']>;

/**
 * Suggestions while a person types an option: the categories and milestones of their own
 * program, the programs, the meetings. Discord shows at most 25 and wants them within 3 seconds.
 */
export async function suggestions(
  services: Services,
  kind: Kind,
  discordUserId: string,
  typed: string,
  aboutUserId?: string,
): Promise<Choice[]> {
  const all = await candidates(services, kind, discordUserId, aboutUserId);
  const needle = typed.trim().toLowerCase();
  const matching = needle
    ? all.filter((c) => c.name.toLowerCase().includes(needle) || c.value.toLowerCase().includes(needle))
    : all;
  return matching.slice(0, 25).map((c) => ({ name: clip(c.name, 100), value: c.value.slice(0, 100) }));
}

async function candidates(
  services: Services,
  kind: Kind,
  discordUserId: string,
  aboutUserId?: string,
): Promise<Choice[]> {
  switch (kind) {
    case 'program':
      return services.programs.all().map((p) => ({ name: `${p.name} (${p.id})`, value: p.id }));
    case 'category':
      return (await programOf(services, discordUserId)).categories.map((c) => ({
        name: `${c.label} (${c.id})`,
        value: c.id,
      }));
    case 'milestone':
      return (await programOf(services, discordUserId, aboutUserId)).requirements
        .filter((r) => r.kind === 'milestone')
        .map((r) => ({ name: `${r.label} (${r.id})`, value: r.id }));
    case 'meeting':
      return (await allMeetings(services)).map((m) => ({ name: `${m.title} (${m.id})`, value: m.id }));
  }
}

/**
 * The program of the asker, or of the person the command is about (`/cert mark user:`), so a
 * facilitator marking someone in another program sees that program's steps. Only for someone
 * the asker may see: suggestions must not tell a mentor anything about another person.
 */
async function programOf(services: Services, discordUserId: string, aboutUserId?: string) {
  const asker = await resolveActor(services, { platform: 'discord', userId: discordUserId, command: 'cert', text: '' });
  const about = aboutUserId ? await personOf(services, aboutUserId) : undefined;
  const person = about && canSee(asker, about) ? about : asker.person;
  return services.programs.forPerson(person.programId ?? services.config.defaultProgram);
}

async function personOf(services: Services, discordUserId: string) {
  const key = accountKey('discord', discordUserId);
  return (await services.store.people.byAccount(key)) ?? (await services.store.people.get(key));
}
