import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicyFolder, parsePolicyFile } from '../../src/policy/document.ts';
import { buildPolicyIndex } from '../../src/policy/search.ts';
import { tempDir } from '../helpers.ts';

const GOOD = `# Bus passes

Document: 900_example.txt (Example agency handbook)
State: WI

## Bus passes for peer mentors
Source: section "Travel"
Keywords: bus, ride, travel

The agency gives each peer mentor a monthly bus pass.

Ask your supervisor for it.
`;

describe('policy documents', () => {
  it('reads each section with its short answer, details and full source', () => {
    const [section] = parsePolicyFile('bus.md', GOOD);
    expect(section).toMatchObject({
      id: 'bus#bus-passes-for-peer-mentors',
      heading: 'Bus passes for peer mentors',
      answer: 'The agency gives each peer mentor a monthly bus pass.',
      details: 'Ask your supervisor for it.',
      source: '900_example.txt (Example agency handbook), section "Travel"',
      state: 'WI',
    });
  });

  it('reports a section without a Source line, naming the file, and still loads the other files', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'bus.md'), GOOD);
    await fs.writeFile(path.join(dir, 'broken.md'), '# Broken\n\n## Parking\n\nThere is free parking.\n');
    const loaded = loadPolicyFolder(dir);
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]!.message).toContain('broken.md');
    expect(loaded.problems[0]!.message).toContain('"Source:"');
    expect(loaded.sections.map((s) => s.heading)).toEqual(['Bus passes for peer mentors']);
  });

  it('reports a file with no sections and a file with an unknown state', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'notes.md'), 'Just some notes, no headings.\n');
    await fs.writeFile(path.join(dir, 'state.md'), GOOD.replace('State: WI', 'State: Atlantis'));
    const { problems, sections } = loadPolicyFolder(dir);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/notes\.md: has no sections/);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/state\.md: field "State" is "Atlantis"/);
    expect(sections).toEqual([]);
  });

  it('reports a missing folder instead of failing start-up', () => {
    const index = buildPolicyIndex('/no/such/policies/folder');
    expect(index.sections).toEqual([]);
    expect(index.problems[0]!.message).toContain('/no/such/policies/folder');
    expect(index.answer('how many internship hours do I need?')).toBeUndefined();
  });

  it('gives every shipped section a source naming its seed file', () => {
    const { sections, problems } = loadPolicyFolder(path.resolve(import.meta.dirname, '../../data/policies'));
    expect(problems).toEqual([]);
    expect(sections.length).toBeGreaterThan(50);
    for (const s of sections) expect(s.source, s.id).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt \(.+\), \S/);
  });
});
