import type { Context } from '../src/bot.ts';
import { textReply } from '../src/message.ts';
import type { Reply } from '../src/message.ts';
import { ensureSaved, findMentioned, takeMention } from '../src/people.ts';
import { UserError } from '../src/errors.ts';

/** `/deadlines mute` and `/deadlines unmute`: the person's own deadline reminders (and digest) on or off. */
export async function muteNudges(ctx: Context, muted: boolean, text = ''): Promise<Reply> {
  const { services, actor } = ctx;
  // "/deadlines mute @joe" must not quietly mute the person who typed it.
  const [word] = takeMention(text);
  if (word && (await findMentioned(services, word, ctx.inv.platform))?.id !== actor.person.id) {
    throw new UserError(
      'mute-someone-else',
      'You can only turn your own reminders on or off.',
      muted ? '/deadlines mute' : '/deadlines unmute',
    );
  }
  await ensureSaved(services, actor);
  // Store the saved record, not the actor: an admin from PEERBOT_ADMINS is shown as admin but stored as they are.
  await services.store.people.update(actor.person.id, (stored) => ({ ...stored, nudgesMuted: muted }));
  return muted
    ? textReply(
        'OK. I will not send you deadline reminders.',
        'You can still see your deadlines with /deadlines.',
        'To turn reminders back on, type /deadlines unmute',
      )
    : textReply('OK. I will send you deadline reminders again.', 'To stop them, type /deadlines mute');
}
