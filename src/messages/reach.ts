import type { ClosedReason } from '../adapter.ts';
import type { Reply } from '../message.ts';
import { textReply } from '../message.ts';

/** The words for a channel the bot cannot post in, and what to do about it. */

const WHY: Record<ClosedReason, string> = {
  private: "I can't post in this private channel.",
  direct: "I can't post in a direct message between people.",
  gone: "I can't post in this channel. It is archived.",
};

const FIX: Record<ClosedReason, string> = {
  private: 'Invite me with /invite @peerbot, or schedule it in a public channel.',
  direct: 'Schedule it in a channel instead.',
  gone: 'Schedule it in a channel that is in use.',
};

/** "/meet schedule" in a channel the bot cannot post reminders to: said at once, nothing stored. */
export function cannotScheduleHere(reason: ClosedReason): { message: string; example: string } {
  return {
    message: `${WHY[reason]} ${FIX[reason]}`,
    example: '/meet schedule "Peer call" teleconference weekly tuesday 13:00',
  };
}

/** To the facilitator, once, when a meeting's reminders stop getting through. */
export function remindersBlocked(title: string, reason: ClosedReason): Reply {
  return textReply(
    `The reminders for ${title} could not be posted.`,
    WHY[reason],
    reason === 'private'
      ? 'Invite me to the channel with /invite @peerbot. Or schedule the meeting again in a public channel.'
      : 'Schedule the meeting again in a channel I can post in.',
  );
}
