import { ChannelType } from 'discord.js';
import type { Message } from 'discord.js';
import type { Reply } from '../../src/message.ts';
import { rememberOnce } from '../shared/once.ts';
import { lineToInvocation } from '../shared/typed-line.ts';
import type { InteractionContext } from './interactions.ts';
import { pagedReply } from './interactions.ts';
import { nameOf } from './invocation.ts';
import { fromDiscordText } from './text.ts';

/**
 * A message a person sends the bot in a DM runs as a console line does: "hours log 2h" is the
 * command, "hi" is help, and any other sentence goes to /ask, which offers hours typed there
 * ("i did 2 hrs shadowing yesterday") as a log with Yes and No buttons. The answer goes back to
 * that DM. Messages in servers, from bots (peerbot's own answers included) and system messages
 * get nothing. Discord sends a DM's text without the MessageContent intent.
 */
export async function answerDirectMessage(
  ctx: InteractionContext,
  message: Message,
  post: (channelId: string, reply: Reply) => Promise<void>,
): Promise<void> {
  if (message.author.bot || message.system || message.inGuild() || message.channel.type !== ChannelType.DM) return;
  const typed = fromDiscordText(message.content, {
    user: (id) => {
      const user = message.client.users.cache.get(id);
      return user ? nameOf(user) : undefined;
    },
    channel: () => undefined,
    role: () => undefined,
  });
  const line = typed.text.trim();
  if (!line) return;
  try {
    // A message seen twice (a replayed gateway session, a second instance) is answered once.
    if (!(await rememberOnce(ctx.services.store, `discord:message:${message.id}`))) return;
    const reply = await pagedReply(ctx.services, {
      ...lineToInvocation(line, ctx.services),
      platform: 'discord',
      userId: message.author.id,
      userName: nameOf(message.author),
      channelId: message.channelId,
      requestId: `message:${message.id}`,
      ...(Object.keys(typed.names).length ? { mentionNames: typed.names } : {}),
    });
    await post(message.channelId, reply);
  } catch (error) {
    ctx.services.log.error(`discord: could not answer direct message ${message.id}`, error);
  }
}
