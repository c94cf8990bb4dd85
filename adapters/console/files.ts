import fs from 'node:fs/promises';
import path from 'node:path';
import type { Reply } from '../../src/message.ts';

/**
 * A terminal cannot show a PDF, so a file made of bytes is saved in `dir` and the reply says
 * where. Text files (CSV, ICS) stay in the reply: they print as they are.
 */
export async function saveBinaryFiles(reply: Reply, dir: string): Promise<Reply> {
  const binary = (reply.files ?? []).filter((f) => typeof f.content !== 'string');
  if (!binary.length) return reply;
  await fs.mkdir(dir, { recursive: true });
  const saved: string[] = [];
  for (const file of binary) {
    const where = path.join(dir, path.basename(file.filename));
    await fs.writeFile(where, file.content);
    saved.push(where);
  }
  const files = (reply.files ?? []).filter((f) => typeof f.content === 'string');
  return {
    ...reply,
    blocks: [...reply.blocks, { kind: 'text', text: saved.map((p) => `I saved the file here: ${p}`).join('\n') }],
    ...(files.length ? { files } : { files: undefined }),
  };
}
