import { pino } from 'pino';
import type { Logger } from './services.ts';

export type LogFormat = 'text' | 'json';

/** LOG_FORMAT=json gives one JSON object a line (for log collectors); anything else, plain lines. */
export function logFormat(value: string | undefined): LogFormat {
  return value?.trim().toLowerCase() === 'json' ? 'json' : 'text';
}

/**
 * peerbot's one logger, on standard error (standard output carries the console's replies and
 * `npm run nudge`'s report). Both formats go through pino: JSON as pino writes it, text as
 * "[peerbot] warning: ..." lines a person reads. Synchronous, so the last line before an exit
 * is never lost.
 */
export function createLogger(format: LogFormat = 'text', destination = 2): Logger {
  const base =
    format === 'json'
      ? pino(
          {
            base: { name: 'peerbot' },
            timestamp: pino.stdTimeFunctions.isoTime,
            // "level":"warn", not 40: readable without pino's table.
            formatters: { level: (label) => ({ level: label }) },
          },
          pino.destination({ dest: destination, sync: true }),
        )
      : pino(
          { base: undefined, timestamp: false, formatters: { level: (label) => ({ level: label }) } },
          { write: (line: string) => process.stderr.write(textLine(line)) },
        );
  const at =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, ...rest: unknown[]) => {
      const error = rest.find((r) => r instanceof Error);
      const detail = rest.filter((r) => r !== error);
      base[level]({ ...(error ? { err: error } : {}), ...(detail.length ? { detail } : {}) }, message);
    };
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

/** One pino record as the human line peerbot has always written. */
function textLine(json: string): string {
  const { level, msg, err, detail } = JSON.parse(json) as {
    level: string;
    msg: string;
    err?: { message?: string };
    detail?: unknown[];
  };
  const prefix = level === 'warn' ? 'warning: ' : level === 'error' ? 'error: ' : '';
  const extra = [
    ...(err?.message ? [err.message] : []),
    ...(detail ?? []).map((d) => (typeof d === 'string' ? d : JSON.stringify(d))),
  ];
  return `[peerbot] ${prefix}${msg}${extra.length ? ` ${extra.join(' ')}` : ''}\n`;
}
