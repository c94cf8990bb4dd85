import type { OptionSpec } from '../../src/bot.ts';
import type { Services } from '../../src/services.ts';
import { accountKey } from '../../src/people.ts';
import { allMeetings } from '../../src/schedule/meetings.ts';
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
export async function suggestions(services: Services, kind: Kind, discordUserId: string, typed: string): Promise<Choice[]> {
  const all = await candidates(services, kind, discordUserId);
  const needle = typed.trim().toLowerCase();
  const matching = needle ? all.filter((c) => c.name.toLowerCase().includes(needle) || c.value.toLowerCase().includes(needle)) : all;
  return matching.slice(0, 25).map((c) => ({ name: clip(c.name, 100), value: c.value.slice(0, 100) }));
}

async function candidates(services: Services, kind: Kind, discordUserId: string): Promise<Choice[]> {
  switch (kind) {
    case 'program':
      return services.programs.all().map((p) => ({ name: `${p.name} (${p.id})`, value: p.id }));
    case 'category':
      return (await programOf(services, discordUserId)).categories.map((c) => ({ name: `${c.label} (${c.id})`, value: c.id }));
    case 'milestone':
      return (await programOf(services, discordUserId)).requirements
        .filter((r) => r.kind === 'milestone')
        .map((r) => ({ name: `${r.label} (${r.id})`, value: r.id }));
    case 'meeting':
      return (await allMeetings(services)).map((m) => ({ name: `${m.title} (${m.id})`, value: m.id }));
  }
}

async function programOf(services: Services, discordUserId: string) {
  const key = accountKey('discord', discordUserId);
  const person = (await services.store.people.byAccount(key)) ?? (await services.store.people.get(key));
  return services.programs.forPerson(person?.programId ?? services.config.defaultProgram);
}
