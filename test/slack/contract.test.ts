import { adapterContract } from '../contract/suite.ts';
import type { ContractDriver, SeenReply } from '../contract/suite.ts';
import { testServices } from '../helpers.ts';
import { slackRig, shown } from './harness.ts';

/** Contract names to Slack user ids ("alice" -> "UALICE"); "@alice" becomes Slack's <@UALICE|alice>. */
const slackId = (name: string) => `U${name.toUpperCase()}`;

/** The contract suite through the real Bolt app: signed slash commands in, response_url and uploads out. */
async function slackDriver(): Promise<ContractDriver> {
  const rig = await slackRig(await testServices({ PEERBOT_ADMINS: slackId('admin') }));
  return {
    async send(user: string, line: string): Promise<SeenReply> {
      const slackLine = line
        .replace(/^\/(admin|help|link)\b/, '/peerbot $1')
        .replace(/@([a-z]+)/g, (_, name: string) => `<@${slackId(name)}|${name}>`);
      const before = rig.fake.calls.length;
      const answer = await rig.command(slackId(user), slackLine, { userName: user });
      const made = rig.fake.calls.slice(before);
      const names = made.filter((c) => c.method === 'files.getUploadURLExternal').map((c) => String(c.args.filename));
      const files = made
        .filter((c) => c.method === 'upload')
        .map((c, i) => ({ filename: names[i] ?? '', content: fileContent(c.raw) }));
      return { text: unescape(shown(answer)), private: answer.args.response_type === 'ephemeral', files };
    },
    close: () => rig.stop(),
  };
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The upload body is multipart form data; the file is its one part. */
function fileContent(raw: string): string {
  const part = /\r\n\r\n([\s\S]*?)\r\n--/.exec(raw);
  return part ? part[1]! : raw;
}

adapterContract('slack', slackDriver);
