import type { App } from '@slack/bolt';
import type { Services } from '../../src/services.ts';
import { lineToInvocation } from '../shared/typed-line.ts';
import type { SlackOutgoing } from './deliver.ts';
import { pagedReply } from './pages.ts';
import { fromSlackText } from './text.ts';

/**
 * A message a person types in their direct messages with the app (the `message.im` event)
 * runs as a console line does: "hours log 2h" is the command, "hi" is help, and any other
 * sentence goes to /ask, which offers hours typed there ("i did 2 hrs shadowing yesterday") as
 * a log with Yes and No buttons. The answer goes back to that DM. Messages anywhere else, from
 * bots (peerbot's own answers included) and message subtypes (edits, deletions, joins, file
 * shares) get nothing: only a person's own new line is a request.
 */
export function registerDirectMessages(
  app: App,
  services: Services,
  out: SlackOutgoing,
  first: (id: string) => Promise<boolean>,
): void {
  app.event('message', async ({ event, body }) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined || event.bot_id || !event.user) return;
    const typed = fromSlackText(event.text ?? '');
    const line = typed.text.trim();
    if (!line) return;
    // A retried event (X-Slack-Retry-Num) carries the same event_id: the first copy answers.
    const requestId = `slack-dm:${body.event_id}`;
    if (!(await first(`event:${body.event_id}`))) return;
    const reply = await pagedReply(services, {
      ...lineToInvocation(line, services),
      platform: 'slack',
      userId: event.user,
      channelId: event.channel,
      requestId,
      ...(Object.keys(typed.names).length ? { mentionNames: typed.names } : {}),
    });
    await out.replyInDirect(event.channel, reply);
  });
}
