import type { webApi } from '@slack/bolt';
import type { RespondFn } from '@slack/bolt';
import type { Attachment, Reply } from '../../src/message.ts';
import { attachmentBytes } from '../../src/message.ts';
import type { Logger } from '../../src/services.ts';
import { fallbackText, toBlocks } from './render.ts';

type WebClient = webApi.WebClient;

/** The message part of a reply, ready for chat.postMessage or a response_url. */
function messageOf(reply: Reply): { text: string; blocks: ReturnType<typeof toBlocks> } {
  return { text: fallbackText(reply), blocks: toBlocks(reply) };
}

/** The person's direct-message channel with the app (needed for file uploads). */
async function openDirect(client: WebClient, userId: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId });
  const id = opened.channel?.id;
  if (!id) throw new Error(`conversations.open gave no channel for ${userId}`);
  return id;
}

/** Uploads with files.uploadV2 (getUploadURLExternal, upload, completeUploadExternal). */
async function uploadFiles(client: WebClient, channelId: string, files: Attachment[]): Promise<void> {
  for (const file of files) {
    await client.files.uploadV2({
      channel_id: channelId,
      file: attachmentBytes(file),
      filename: file.filename,
      title: file.filename,
    });
  }
}

export async function sendDirect(client: WebClient, userId: string, reply: Reply): Promise<void> {
  const channel = await openDirect(client, userId);
  await client.chat.postMessage({ channel, ...messageOf(reply) });
  if (reply.files?.length) await uploadFiles(client, channel, reply.files);
}

/** Everyone in the channel sees this, so a reply marked private (personal data) is refused. */
export async function postToChannel(client: WebClient, channelId: string, reply: Reply): Promise<void> {
  if (reply.private)
    throw new Error(
      `Slack: refused to post a private reply to channel ${channelId}; private replies go by direct message.`,
    );
  await client.chat.postMessage({ channel: channelId, ...messageOf(reply) });
  if (reply.files?.length) await uploadFiles(client, channelId, reply.files);
}

/**
 * Answers a slash command or a button press. Files go to the person's direct messages, never
 * the channel, since an export holds personal data; the answer says where they went. Private
 * replies are ephemeral: only the person who asked sees them.
 */
export async function answer(
  client: WebClient,
  respond: RespondFn,
  userId: string,
  reply: Reply,
  log: Logger,
): Promise<void> {
  const shown = reply.files?.length ? await withFilesSent(client, userId, reply, log) : reply;
  await respond({
    response_type: reply.private ? 'ephemeral' : 'in_channel',
    replace_original: false,
    ...messageOf(shown),
  });
}

async function withFilesSent(client: WebClient, userId: string, reply: Reply, log: Logger): Promise<Reply> {
  const names = reply.files!.map((f) => f.filename).join(', ');
  try {
    const channel = await openDirect(client, userId);
    await uploadFiles(client, channel, reply.files!);
    return note(reply, `I sent you the file ${names} in a direct message.`);
  } catch (error) {
    log.error(`Slack: could not upload ${names} for ${userId}`, error);
    return note(reply, 'Sorry, I could not send you the file.\nPlease try again in a minute.');
  }
}

function note(reply: Reply, text: string): Reply {
  return { ...reply, files: undefined, blocks: [...reply.blocks, { kind: 'context', text }] };
}
