import PDFDocument from 'pdfkit';

/** What goes into a printable hours report: already worded for people, so the PDF only lays it out. */
export interface HoursReport {
  person: string;
  program: string;
  supervisor?: string;
  /** "December 1, 2026". */
  generatedOn: string;
  requirements: Array<{ label: string; progress: string; done: boolean }>;
  milestones: Array<{ label: string; date?: string }>;
  totals: Array<{ label: string; value: string }>;
  entries: Array<{
    id: string;
    date: string;
    category: string;
    duration: string;
    /** "Approved by Sue Park on March 16, 2026", "Not approved by … Reason: …", "Waiting for approval". */
    review: string;
    note: string;
  }>;
}

const MARGIN = 50;
/** Column x positions and widths for the entry table (A4/Letter portrait, 50 pt margins). */
const COLUMNS = [
  { key: 'id', title: '#', width: 28 },
  { key: 'date', title: 'Date', width: 66 },
  { key: 'category', title: 'Activity', width: 120 },
  { key: 'duration', title: 'Time', width: 72 },
  { key: 'review', title: 'Approval', width: 226 },
] as const;

/**
 * Lays the report out with pdfkit's built-in Helvetica (no font files to ship), and returns the
 * bytes. Text stays real text, so the certifying body can search it and a test can read it back.
 */
export function hoursReportPdf(report: HoursReport): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    info: { Title: `Hours report: ${report.person}`, Author: 'peerbot', Subject: report.program },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).text(`Hours report: ${report.person}`);
  doc.font('Helvetica').fontSize(11).moveDown(0.3);
  doc.text(`Program: ${report.program}`);
  if (report.supervisor) doc.text(`Supervisor: ${report.supervisor}`);
  doc.text(`Made on ${report.generatedOn} by peerbot.`);

  section(doc, 'Requirements');
  for (const r of report.requirements) doc.text(`${r.done ? '[done]' : '[    ]'}  ${r.label}: ${r.progress}`);

  section(doc, 'Totals');
  for (const t of report.totals) doc.text(`${t.label}: ${t.value}`);

  if (report.milestones.length) {
    section(doc, 'Milestones');
    for (const m of report.milestones)
      doc.text(`${m.date ? '[done]' : '[    ]'}  ${m.label}${m.date ? `: ${m.date}` : ''}`);
  }

  section(doc, `Entries (${report.entries.length})`);
  if (!report.entries.length) doc.text('No hours logged yet.');
  else entryTable(doc, report.entries);

  doc.end();
  return done;
}

function section(doc: PDFKit.PDFDocument, title: string): void {
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(title, MARGIN).font('Helvetica').fontSize(10);
  doc.moveDown(0.2);
}

function entryTable(doc: PDFKit.PDFDocument, entries: HoursReport['entries']): void {
  const bottom = () => doc.page.height - MARGIN;
  const row = (cells: Record<(typeof COLUMNS)[number]['key'], string>, bold = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const height = Math.max(...COLUMNS.map((c) => doc.heightOfString(cells[c.key], { width: c.width - 4 })));
    if (doc.y + height > bottom()) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    for (const c of COLUMNS) {
      doc.text(cells[c.key], x, y, { width: c.width - 4 });
      x += c.width;
    }
    doc.x = MARGIN;
    doc.y = y + height + 3;
  };
  const header = Object.fromEntries(COLUMNS.map((c) => [c.key, c.title])) as Record<
    (typeof COLUMNS)[number]['key'],
    string
  >;
  row(header, true);
  for (const e of entries) {
    row({ id: e.id, date: e.date, category: e.category, duration: e.duration, review: e.review });
    if (e.note) {
      doc.font('Helvetica-Oblique').fontSize(8);
      if (doc.y + doc.heightOfString(e.note, { width: 400 }) > bottom()) doc.addPage();
      doc.text(`Note: ${e.note}`, MARGIN + COLUMNS[0].width, doc.y, { width: 400 });
      doc.x = MARGIN;
      doc.moveDown(0.2);
    }
  }
}
