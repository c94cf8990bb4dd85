import type { ClosedReason } from '../adapter.ts';
import type { Platform } from '../bot.ts';
import type { Reply } from '../message.ts';
import { textReply } from '../message.ts';

/** The words for a channel the bot cannot post in, and what to do about it. */

const WHY: Record<ClosedReason, string> = {
  private: "I can't post in this private channel.",
  direct: "I can't post in a direct message between people.",
  gone: "I can't post in this channel. It was archived or deleted.",
};

/** How to let the bot in: Slack has /invite; on Discord a server admin gives the bot the channel. */
const LET_IN: Record<Platform, string> = {
  slack: 'Invite me with /invite @peerbot',
  discord: 'Ask a server admin to let me see and post in this channel',
  console: 'Invite me to the channel',
};

function fix(reason: ClosedReason, platform: Platform): string {
  if (reason === 'private') return `${LET_IN[platform]}, or schedule it in a public channel.`;
  return reason === 'direct' ? 'Schedule it in a channel instead.' : 'Schedule it in a channel that is in use.';
}

/** "/meet schedule" in a channel the bot cannot post reminders to: said at once, nothing stored. */
export function cannotScheduleHere(reason: ClosedReason, platform: Platform): { message: string; example: string } {
  return {
    message: `${WHY[reason]} ${fix(reason, platform)}`,
    example: '/meet schedule "Peer call" teleconference weekly tuesday 13:00',
  };
}

/** To the facilitator, once, when a meeting's reminders stop getting through. */
export function remindersBlocked(title: string, reason: ClosedReason, platform: Platform): Reply {
  return textReply(
    `The reminders for ${title} could not be posted.`,
    WHY[reason],
    reason === 'private'
      ? `${LET_IN[platform]}. Or schedule the meeting again in a public channel.`
      : 'Schedule the meeting again in a channel I can post in.',
  );
}
