import type { App, BlockAction } from '@slack/bolt';
import { dispatch } from '../../src/bot.ts';
import type { Invocation } from '../../src/bot.ts';
import type { Reply } from '../../src/message.ts';
import { textReply } from '../../src/message.ts';
import type { Services } from '../../src/services.ts';
import { ACTION_PREFIX, decodeButton } from './render.ts';
import { answer } from './deliver.ts';
import type { SlackOutgoing } from './deliver.ts';
import { homeView } from './home.ts';
import { fromSlackText } from './text.ts';
import { pagedReply as paged, STORED, storedButton } from './pages.ts';
import { registerDirectMessages } from './direct.ts';
import { rememberOnce } from '../shared/once.ts';

/**
 * Slash commands, button presses, direct messages to the bot and the App Home tab. Each listener acknowledges first
 * (Slack allows 3 seconds), then runs the command and answers through response_url.
 */
export function registerHandlers(app: App, services: Services, out: SlackOutgoing): void {
  const { log } = services;
  const first = (id: string) => rememberOnce(services.store, `slack:${id}`);

  // Every slash command: the core answers unknown ones in plain words, so none is left silent.
  app.command(/.*/, async ({ command, ack, respond }) => {
    await ack();
    // The same trigger_id delivered twice (a retry): the first copy answers.
    if (!(await first(`command:${command.trigger_id}`))) return;
    const { text, names } = fromSlackText(command.text ?? '');
    const inv: Invocation = {
      platform: 'slack',
      userId: command.user_id,
      userName: command.user_name,
      channelId: command.channel_id,
      command: command.command.replace(/^\//, ''),
      text,
      requestId: command.trigger_id,
      ...(Object.keys(names).length ? { mentionNames: names } : {}),
    };
    const reply = await paged(services, inv);
    await answer(out, respond, command.user_id, reply, log);
  });

  app.action<BlockAction>(new RegExp(`^${ACTION_PREFIX}`), async ({ ack, body, action, respond }) => {
    await ack();
    if (action.type !== 'button') return;
    const decoded = decodeButton(action.value);
    const button = decoded?.command === STORED ? await storedButton(services.store, decoded.args) : decoded;
    if (!button) {
      // Every click gets an answer, even on a button from an older version of the bot.
      const stale = textReply(
        'This button is too old to use.',
        'Please type the command instead. Type /peerbot help to see them.',
      );
      if (respond) await answer(out, respond, body.user.id, stale, log);
      return;
    }
    // Each click is its own request (its trigger_id and action_ts), so a deliberate second
    // click (RSVP yes, no, yes again) runs; only a redelivery of the same click is dropped.
    const requestId = `slack-click:${body.trigger_id}:${action.action_ts}`;
    if (!(await first(requestId))) return;
    const reply = await paged(services, {
      platform: 'slack',
      userId: body.user.id,
      userName: body.user.username ?? body.user.name,
      channelId: body.channel?.id,
      command: button.command,
      text: button.args,
      requestId,
    });
    // A button in the App Home tab has no response_url: the answer goes by direct message.
    if (respond && body.container?.type !== 'view') await answer(out, respond, body.user.id, reply, log);
    else await out.sendDirect(body.user.id, reply);
  });

  registerDirectMessages(app, services, out, first);

  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab && event.tab !== 'home') return;
    // A retried event (X-Slack-Retry-Num) carries the same event_id.
    if (!(await first(`event:${body.event_id}`))) return;
    const status: Reply = await dispatch(services, {
      platform: 'slack',
      userId: event.user,
      command: 'cert',
      text: '',
    });
    await client.views.publish({
      user_id: event.user,
      view: homeView(status, services.clock.now().toFormat('LLLL d, h:mm a')),
    });
  });

  app.error(async (error) => {
    log.error('Slack: a request could not be answered', error);
  });
}
