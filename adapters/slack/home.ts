import type { types } from '@slack/bolt';
import type { Reply } from '../../src/message.ts';
import { toBlocks } from './render.ts';

/** The App Home tab: the person's own certification progress, and how to do more. */
export function homeView(status: Reply, updated: string): types.HomeView {
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'My progress' } },
      // A home view holds at most 100 blocks.
      ...toBlocks(status, 96),
      { type: 'divider' },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `Updated ${updated}.\nTo log hours, type /hours log 2h shadowing\nFor help, type /peerbot help`,
          },
        ],
      },
    ],
  };
}
