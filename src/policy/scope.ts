import { stemmer } from 'stemmer';

/**
 * What the documents do not cover. They are about Wisconsin, North Carolina and Massachusetts
 * programs; a question about another state, or about pay, taxes or unions, gets "I'm not sure",
 * never the nearest section. A named state or topic may still be answered when the chosen text
 * itself names it (the handbook tells Georgia's 1999 Medicaid story).
 */

const OTHER_STATES =
  `alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland michigan minnesota mississippi missouri montana nebraska
nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wyoming`.split(/\s+/);
const TWO_WORD_STATES = [
  'new hampshire',
  'new jersey',
  'new mexico',
  'new york',
  'rhode island',
  'south carolina',
  'south dakota',
  'north dakota',
  'west virginia',
  'puerto rico',
];
/** Capital-letter abbreviations only: "in", "or", "me" and "ok" are words. */
const ABBREVIATIONS =
  /\b(?:AL|AK|AZ|AR|CA|CT|FL|GA|IL|IA|KS|KY|LA|MD|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|ND|OH|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WY)\b/;

/** Topics people ask about that none of the documents answer. */
const UNCOVERED = [
  'wage',
  'wages',
  'salary',
  'salaries',
  'tax',
  'taxes',
  'union',
  'unions',
  'vacation',
  'pto',
  'pension',
  'retirement',
  'overtime',
  'raise',
  'bonus',
  'holiday',
  'holidays',
  'paycheck',
  'payday',
  'sick',
].map((w) => stemmer(w));

/** The words in the question that name another state or an uncovered topic ("texas", "tax"). */
export function outOfScopeWords(question: string): string[] {
  const lower = ` ${question.toLowerCase().replace(/[^a-z]+/g, ' ')} `;
  const found: string[] = [];
  for (const s of TWO_WORD_STATES) if (lower.includes(` ${s} `)) found.push(s);
  const words = lower.trim().split(' ');
  // "west virginia" was found whole; its "virginia" is not a second state.
  for (const w of words) if (OTHER_STATES.includes(w) && !found.some((f) => f.endsWith(w))) found.push(w);
  const abbreviation = ABBREVIATIONS.exec(question.replace(/\b[A-Z]{3,}\b/g, ' '));
  if (abbreviation) found.push(abbreviation[0].toLowerCase());
  for (const w of words) if (UNCOVERED.includes(stemmer(w))) found.push(w);
  // "per hour" with "paid" asks for a pay rate, which no document gives.
  if (/\b(?:paid|pay|make|earn)\b.*\b(?:an|per|a)\s+hour\b|\bhourly\s+(?:pay|wage)\b|\bpay\s+rate/.test(lower))
    found.push('pay rate');
  // "How much does a CPS get paid", "how much does the training cost": no document gives an amount.
  else if (/\bhow\s+much\b.*\b(?:paid|pay|pays|make|makes|earn|earns|cost|costs|charge|charges)\b/.test(lower))
    found.push('pay rate');
  return found;
}

/** Does the text an answer would show name every one of these words itself? */
export function textNames(text: string, words: string[]): boolean {
  const lower = text.toLowerCase();
  return words.every((w) => w !== 'pay rate' && new RegExp(`\\b${w}`).test(lower));
}
