import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, logFormat } from '../../src/log.ts';
import { tempDir } from '../helpers.ts';

describe('logs', () => {
  it('writes one JSON object a line with LOG_FORMAT=json, with the error when there is one', async () => {
    const file = path.join(await tempDir(), 'log.jsonl');
    const fd = fs.openSync(file, 'w');
    const log = createLogger(logFormat('JSON'), fd);
    log.info('Slack: listening on port 3000');
    log.error('scheduled peerbot-nudges failed', new Error('disk full'));
    fs.closeSync(fd);
    const lines = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toMatchObject([
      { level: 'info', name: 'peerbot', msg: 'Slack: listening on port 3000' },
      { level: 'error', msg: 'scheduled peerbot-nudges failed', err: { message: 'disk full' } },
    ]);
    expect(typeof lines[0]!.time).toBe('string');
  });

  it('reads any other LOG_FORMAT as plain text', () => {
    expect(logFormat(undefined)).toBe('text');
    expect(logFormat('pretty')).toBe('text');
  });
});
