import { setTimeout as sleep } from 'node:timers/promises';
import { MessageFlags } from 'discord.js';
import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction } from 'discord.js';
import { dispatch } from '../../src/bot.ts';
import type { Invocation } from '../../src/bot.ts';
import { textReply } from '../../src/message.ts';
import type { Reply } from '../../src/message.ts';
import type { Services } from '../../src/services.ts';
import type { ButtonIds } from './buttons.ts';
import { findSubcommand } from './definitions.ts';
import { invocationFromCommand, nameOf } from './invocation.ts';
import { renderReply } from './render.ts';
import type { DiscordMessage } from './render.ts';
import { suggestions } from './autocomplete.ts';
import { rememberOnce } from '../shared/once.ts';
import { splitPage } from '../shared/paging.ts';
import { discordPage } from './pages.ts';

export interface InteractionContext {
  services: Services;
  ids: ButtonIds;
  /** Discord drops an answer that takes over 3 seconds; past this the reply is deferred first (0: always). */
  deferAfterMs: number;
}

export const NO_MENTIONS = { parse: [] as [] };

/** Every interaction ends in an answer the person can read; failures to answer are logged. */
export async function handleInteraction(ctx: InteractionContext, interaction: Interaction): Promise<void> {
  try {
    if (interaction.isAutocomplete()) return await answerAutocomplete(ctx, interaction);
    // Each command and each click is its own interaction with its own id: a deliberate second
    // click runs; the same interaction seen twice (two gateway sessions, two instances) runs once.
    if (!(await rememberOnce(ctx.services.store, `discord:${interaction.id}`))) return;
    if (interaction.isChatInputCommand()) return await answerCommand(ctx, interaction);
    if (interaction.isButton()) return await answerButton(ctx, interaction);
  } catch (error) {
    ctx.services.log.error(`discord: could not answer interaction ${interaction.id}`, error);
  }
}

async function answerCommand(ctx: InteractionContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const command = ctx.services.commands.get(interaction.commandName);
  if (!command) {
    await send(
      ctx,
      interaction,
      textReply(
        `I don't know the command /${interaction.commandName} any more.`,
        'Type /peerbot help to see what I can do.',
      ),
    );
    return;
  }
  await answer(ctx, interaction, invocationFromCommand(interaction, command));
}

async function answerButton(ctx: InteractionContext, interaction: ButtonInteraction): Promise<void> {
  const action = ctx.ids.decode(interaction.customId);
  if (!action) {
    await send(ctx, interaction, textReply('This button is too old to use.', 'Please type the command again.'));
    return;
  }
  // The clicker, not the person the message was for, runs the command: their rights apply.
  await answer(ctx, interaction, {
    platform: 'discord',
    userId: interaction.user.id,
    userName: nameOf(interaction.user),
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    command: action.command,
    text: action.args,
    requestId: `button:${interaction.id}`,
  });
}

async function answerAutocomplete(ctx: InteractionContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const command = ctx.services.commands.get(interaction.commandName);
  const spec =
    command &&
    findSubcommand(command, interaction.options.getSubcommandGroup(false), interaction.options.getSubcommand(false));
  const kind = spec?.options.find((o) => o.name === focused.name)?.autocomplete;
  // The person the command is about (`/cert mark user:`), whose program the suggestions come from.
  const about = spec?.options.find(
    (o) => o.type === 'user' && o.name !== focused.name && interaction.options.get(o.name)?.value,
  )?.name;
  const aboutId = about ? String(interaction.options.get(about)!.value) : undefined;
  const choices = kind
    ? await suggestions(ctx.services, kind, interaction.user.id, String(focused.value), aboutId).catch(() => [])
    : [];
  await interaction.respond(choices);
}

/**
 * Answers at once when the core is quick; when it is slow, defers (privately: the answer may
 * be personal, and a deferred reply cannot change who sees it) and edits the answer in.
 */
async function answer(
  ctx: InteractionContext,
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  inv: Invocation,
): Promise<void> {
  const work = pagedReply(ctx.services, inv);
  if (ctx.deferAfterMs <= 0) return deferThenEdit(ctx, interaction, work);
  const timer = new AbortController();
  const slow = sleep(ctx.deferAfterMs, 'slow' as const, { signal: timer.signal }).catch(() => 'quick' as const);
  const first = await Promise.race([work, slow]);
  timer.abort();
  if (first !== 'slow' && first !== 'quick') {
    await send(ctx, interaction, first);
    return;
  }
  await deferThenEdit(ctx, interaction, work);
}

/** A reply past Discord's limits comes a page at a time; "Show more" asks for the next (`page:2`). */
export async function pagedReply(services: Services, inv: Invocation): Promise<Reply> {
  const { text, page } = splitPage(inv.text);
  return discordPage(await dispatch(services, { ...inv, text }), page, inv.command, text);
}

async function deferThenEdit(
  ctx: InteractionContext,
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  work: Promise<Reply>,
): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await interaction.editReply(editOptions(renderReply(await work, ctx.ids)));
}

async function send(
  ctx: InteractionContext,
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  reply: Reply,
): Promise<void> {
  const message = renderReply(reply, ctx.ids);
  await interaction.reply({
    ...editOptions(message),
    ...(reply.private ? { flags: MessageFlags.Ephemeral as const } : {}),
  });
}

/** What both a first reply and an edit accept. */
interface Payload {
  content?: string;
  embeds: DiscordMessage['embeds'];
  components: DiscordMessage['components'];
  files: Array<{ attachment: Buffer; name: string; contentType: string }>;
  allowedMentions: typeof NO_MENTIONS;
}

function editOptions(message: DiscordMessage): Payload {
  return {
    ...(message.content ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    files: message.files.map((f) => ({ attachment: f.data, name: f.name, contentType: f.contentType })),
    allowedMentions: NO_MENTIONS,
  };
}
