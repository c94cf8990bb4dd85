import type { webApi } from '@slack/bolt';
import type { RespondFn } from '@slack/bolt';
import { z } from 'zod';
import { ChannelClosedError } from '../../src/adapter.ts';
import type { ChannelAccess, ClosedReason } from '../../src/adapter.ts';
import type { Attachment, Reply } from '../../src/message.ts';
import { attachmentBytes } from '../../src/message.ts';
import type { Logger, Services } from '../../src/services.ts';
import { fallbackText, toBlocks } from './render.ts';
import { pacer } from './pace.ts';
import type { Pace } from './pace.ts';

type WebClient = webApi.WebClient;

/** The message part of a reply, ready for chat.postMessage or a response_url. */
function messageOf(reply: Reply): { text: string; blocks: ReturnType<typeof toBlocks> } {
  return { text: fallbackText(reply), blocks: toBlocks(reply) };
}

/** Slack's error code from a failed Web API call ("not_in_channel"), if it gave one. */
export function slackError(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/**
 * Slack's answers that mean the bot may not post in a channel, whatever it retries:
 * https://docs.slack.dev/reference/methods/chat.postMessage#errors
 */
const CLOSED: Record<string, ClosedReason> = {
  not_in_channel: 'private',
  channel_not_found: 'private',
  is_archived: 'gone',
  channel_is_archived: 'gone',
  cannot_dm_bot: 'direct',
};

function closedReason(channelId: string, code: string | undefined): ClosedReason | undefined {
  const reason = code ? CLOSED[code] : undefined;
  // A DM between other people is "not found" to the bot too.
  return reason === 'private' && /^D/.test(channelId) ? 'direct' : reason;
}

const DirectSchema = z.object({ channel: z.string() });

/** What the Slack adapter sends outside a command's own answer: direct messages, channel posts, files. */
export interface SlackOutgoing {
  sendDirect(userId: string, reply: Reply): Promise<void>;
  postToChannel(channelId: string, reply: Reply): Promise<void>;
  canPost(channelId: string): Promise<ChannelAccess>;
  /** Answers in a person's own direct-message channel with the app, files included (a DM is private, so any reply may go there). */
  replyInDirect(channelId: string, reply: Reply): Promise<void>;
  /** The person's direct-message channel with the app (kept in the store: conversations.open once per person). */
  openDirect(userId: string): Promise<string>;
  uploadFiles(channelId: string, files: Attachment[]): Promise<void>;
}

export function slackOutgoing(client: WebClient, services: Services, pace?: Partial<Pace>): SlackOutgoing {
  const paced = pacer(pace);
  // Across restarts and instances: conversations.open is Tier 3 (about 50 a minute).
  // Opened at first use, not here: a store that fails is then a failed send, never an unhandled rejection.
  let opened: ReturnType<typeof services.store.collection<{ channel: string }>> | undefined;
  const directs = () => (opened ??= services.store.collection('slack-directs', DirectSchema));
  const openDirect = async (userId: string): Promise<string> => {
    const known = await (await directs()).get(userId);
    if (known) return known.channel;
    const opened = await client.conversations.open({ users: userId });
    const id = opened.channel?.id;
    if (!id) throw new Error(`conversations.open gave no channel for ${userId}`);
    await (await directs()).put(userId, { channel: id });
    return id;
  };
  const post = async (channel: string, reply: Reply): Promise<void> => {
    try {
      await paced(channel, () => client.chat.postMessage({ channel, ...messageOf(reply) }));
    } catch (error) {
      const code = slackError(error);
      const reason = closedReason(channel, code);
      if (reason) throw new ChannelClosedError(reason, code!);
      throw error;
    }
  };
  const uploadFiles = async (channelId: string, files: Attachment[]): Promise<void> => {
    for (const file of files) {
      await client.files.uploadV2({
        channel_id: channelId,
        file: attachmentBytes(file),
        filename: file.filename,
        title: file.filename,
      });
    }
  };
  return {
    openDirect,
    uploadFiles,
    async sendDirect(userId, reply) {
      let channel = await openDirect(userId);
      try {
        await post(channel, reply);
      } catch (error) {
        // A kept channel Slack no longer knows (the app was reinstalled): opened again, once.
        if (!(error instanceof ChannelClosedError)) throw error;
        await (await directs()).delete(userId);
        channel = await openDirect(userId);
        await post(channel, reply);
      }
      if (reply.files?.length) await uploadFiles(channel, reply.files);
    },
    async replyInDirect(channelId, reply) {
      await post(channelId, reply);
      if (reply.files?.length) await uploadFiles(channelId, reply.files);
    },
    /** Everyone in the channel sees this, so a reply marked private (personal data) is refused. */
    async postToChannel(channelId, reply) {
      if (reply.private)
        throw new Error(
          `Slack: refused to post a private reply to channel ${channelId}; private replies go by direct message.`,
        );
      await post(channelId, reply);
      if (reply.files?.length) await uploadFiles(channelId, reply.files);
    },
    /**
     * conversations.info, as Slack documents for "can the app post here": a private channel or
     * a DM between other people is channel_not_found to an app that is not in it. Public
     * channels are open (chat:write.public).
     */
    async canPost(channelId) {
      try {
        const { channel } = await client.conversations.info({ channel: channelId });
        if (channel?.is_archived) return { ok: false, reason: 'gone' };
        if ((channel?.is_private || channel?.is_mpim) && channel.is_member === false)
          return { ok: false, reason: 'private' };
        return { ok: true };
      } catch (error) {
        const reason = closedReason(channelId, slackError(error));
        if (reason) return { ok: false, reason };
        // missing_scope (an older install) or Slack unreachable: allowed now; a failed reminder tells the facilitator.
        services.log.warn(`Slack: could not check channel ${channelId}; scheduling there anyway`, error);
        return { ok: true };
      }
    },
  };
}

/**
 * Answers a slash command or a button press. Files go to the person's direct messages, never
 * the channel, since an export holds personal data; the answer says where they went. Private
 * replies are ephemeral: only the person who asked sees them.
 */
export async function answer(
  out: SlackOutgoing,
  respond: RespondFn,
  userId: string,
  reply: Reply,
  log: Logger,
): Promise<void> {
  const shown = reply.files?.length ? await withFilesSent(out, userId, reply, log) : reply;
  await respond({
    response_type: reply.private ? 'ephemeral' : 'in_channel',
    replace_original: false,
    ...messageOf(shown),
  });
}

async function withFilesSent(out: SlackOutgoing, userId: string, reply: Reply, log: Logger): Promise<Reply> {
  const names = reply.files!.map((f) => f.filename).join(', ');
  try {
    const channel = await out.openDirect(userId);
    await out.uploadFiles(channel, reply.files!);
    return note(reply, `I sent you the file ${names} in a direct message.`);
  } catch (error) {
    log.error(`Slack: could not upload ${names} for ${userId}`, error);
    return note(reply, 'Sorry, I could not send you the file.\nPlease try again in a minute.');
  }
}

function note(reply: Reply, text: string): Reply {
  return { ...reply, files: undefined, blocks: [...reply.blocks, { kind: 'context', text }] };
}
