import fs from 'node:fs';
import path from 'node:path';
import { DataFileError } from '../errors.ts';
import type { State } from './language.ts';
import { detectState } from './language.ts';

/** One topic of a policy document: what /ask answers with. */
export interface PolicySection {
  /** "wi-peer-mentor#the-internship-is-90-hours" */
  id: string;
  file: string;
  heading: string;
  /** The first paragraph: the short answer, carrying the key fact. */
  answer: string;
  /** The rest of the section, shown after the answer. */
  details: string;
  /** Where it comes from: seed file and section, shown on the "Source:" line. */
  source: string;
  /** Other words people use for this topic (searched, never shown). */
  keywords: string;
  state?: State;
}

export interface LoadedPolicies {
  sections: PolicySection[];
  /** Files that could not be read, each naming the file and what is wrong. They are skipped. */
  problems: DataFileError[];
  files: string[];
}

const EXAMPLE_SOURCE = 'Source: slide "90 Internship Hours"';

/** Reads every Markdown file in the folder. A bad file is reported and skipped; the others still load. */
export function loadPolicyFolder(dir: string): LoadedPolicies {
  const result: LoadedPolicies = { sections: [], problems: [], files: [] };
  if (!fs.existsSync(dir)) {
    result.problems.push(
      new DataFileError(
        dir,
        '',
        'is not a folder I can find, so /ask has no documents. Set PEERBOT_POLICIES to the folder with the policy files.',
      ),
    );
    return result;
  }
  const names = fs
    .readdirSync(dir)
    .filter((n) => n.toLowerCase().endsWith('.md') && n.toLowerCase() !== 'readme.md')
    .sort();
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      result.sections.push(...parsePolicyFile(file, fs.readFileSync(file, 'utf8')));
      result.files.push(file);
    } catch (error) {
      result.problems.push(
        error instanceof DataFileError
          ? error
          : new DataFileError(file, '', `could not be read: ${(error as Error).message}`),
      );
    }
  }
  return result;
}

interface Draft {
  heading: string;
  line: number;
  meta: Map<string, string>;
  body: string[];
}

const META = /^(source|keywords|state|document)\s*:\s*(.*)$/i;

/**
 * Parses one policy file:
 *
 *     # Title
 *     Document: 000_seed.txt (what it is)      <- optional, put before every section's source
 *     State: WI                                <- optional, for every section
 *
 *     ## A topic, one per section
 *     Source: slide "90 Internship Hours"      <- required
 *     Keywords: other words people use          <- optional
 *
 *     The short answer, with the key fact.
 *
 *     More detail.
 */
export function parsePolicyFile(file: string, text: string): PolicySection[] {
  if (text.includes('\u0000'))
    throw new DataFileError(file, '', 'is not a text file. Policy files must be Markdown text.');
  const header = new Map<string, string>();
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const heading = /^##\s+(.+)$/.exec(line);
    if (heading) {
      current = { heading: heading[1]!.replace(/#+\s*$/, '').trim(), line: i + 1, meta: new Map(), body: [] };
      drafts.push(current);
      return;
    }
    const meta = META.exec(line);
    if (meta && (!current || current.body.every((b) => !b))) {
      (current?.meta ?? header).set(meta[1]!.toLowerCase(), meta[2]!.trim());
      return;
    }
    if (current) current.body.push(raw.trimEnd());
  });
  if (!drafts.length)
    throw new DataFileError(
      file,
      '',
      'has no sections. Each topic needs a heading line starting with "## ", then a "Source:" line, then the answer.',
    );
  const document = header.get('document');
  const fileState = parseState(file, header.get('state'));
  const base = path.basename(file, path.extname(file));
  const used = new Set<string>();
  return drafts.map((d) => {
    const where = `section "${d.heading}" (line ${d.line})`;
    const source = d.meta.get('source');
    if (!source)
      throw new DataFileError(
        file,
        '',
        `${where} has no "Source:" line. Add one under the heading, like: ${EXAMPLE_SOURCE}`,
      );
    const paragraphs = d.body
      .join('\n')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (!paragraphs.length) throw new DataFileError(file, '', `${where} has no answer text under its heading.`);
    let id = `${base}#${slug(d.heading)}`;
    for (let n = 2; used.has(id); n++) id = `${base}#${slug(d.heading)}-${n}`;
    used.add(id);
    return {
      id,
      file,
      heading: d.heading,
      answer: paragraphs[0]!,
      details: paragraphs.slice(1).join('\n\n'),
      source: document ? `${document}, ${source}` : source,
      keywords: d.meta.get('keywords') ?? '',
      state: parseState(file, d.meta.get('state')) ?? fileState,
    };
  });
}

function parseState(file: string, value: string | undefined): State | undefined {
  if (value === undefined || value === '') return undefined;
  const state = detectState(value.length === 2 ? value.toUpperCase() : value);
  if (!state) throw new DataFileError(file, 'State', `is "${value}". Use WI, NC or MA, or leave the line out.`);
  return state;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'section'
  );
}
