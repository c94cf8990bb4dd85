import { webApi } from '@slack/bolt';

/** What start() was doing: checking the bot token, opening the port, or opening Socket Mode. */
export type StartStep = 'bot-token' | 'listen' | 'app-token';

/**
 * Turns a failed start into one message an operator can act on: which setting is wrong and
 * where to find the right value.
 */
export function startupError(error: unknown, apiUrl: string, step: StartStep): Error {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === webApi.ErrorCode.PlatformError) {
    const reason = (error as webApi.WebAPIPlatformError).data.error;
    const message =
      step === 'app-token'
        ? `Slack did not accept SLACK_APP_TOKEN (${reason}). Use the app-level token (it starts with xapp-) with the connections:write scope, from your app's "Basic Information" page.`
        : `Slack did not accept SLACK_BOT_TOKEN (${reason}). Use the Bot User OAuth Token (it starts with xoxb-) from your app's "OAuth & Permissions" page, and install the app to the workspace.`;
    return new Error(`peerbot cannot start on Slack: ${message}`, { cause: error });
  }
  if (code === webApi.ErrorCode.RequestError) {
    const detail = rootCause((error as webApi.WebAPIRequestError).original);
    return new Error(
      `peerbot cannot start on Slack: the Slack Web API at ${apiUrl} cannot be reached (${detail}). Check the network, or SLACK_API_URL.`,
      { cause: error },
    );
  }
  if (code === webApi.ErrorCode.HTTPError) {
    const status = (error as webApi.WebAPIHTTPError).statusCode;
    return new Error(
      `peerbot cannot start on Slack: the Slack Web API at ${apiUrl} answered HTTP ${status}. Check SLACK_API_URL.`,
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  if (/EADDRINUSE/.test(detail))
    return new Error(
      `peerbot cannot start on Slack: the port is already in use (${detail}). Set PORT to a free port.`,
      { cause: error },
    );
  return new Error(`peerbot cannot start on Slack: ${detail}`, { cause: error });
}

/** The most telling reason down a chain of causes: a system code like ECONNREFUSED, else the last message. */
function rootCause(error: unknown): string {
  let reason = 'no answer';
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
    if (typeof message === 'string' && message) reason = message;
    current = cause;
  }
  return reason;
}
