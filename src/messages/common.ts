/** Words every command shares: errors, the apology for a fault, notes about what was read. */

/** A command typed with a small slip, run anyway: "I read /hrs as /hours." */
export function nearMissNote(typed: string, meant: string): string {
  return `I read /${typed} as /${meant}.`;
}

export function unknownCommand(typed: string, near: string | undefined): string[] {
  return [`I don't know the command /${typed}.`, near ? `Did you mean /${near}?` : 'Type /help to see what I can do.'];
}

export function tooLong(limit: number): string {
  return `That is too long. Keep it under ${limit.toLocaleString('en-US')} characters.`;
}

export const OOPS = [
  'Sorry, something went wrong on my side.',
  'Please try again in a minute.',
  'If it keeps happening, tell your facilitator.',
];

/** A write failed: the store changed nothing, and the person should know that. */
export const NOT_SAVED = ['Sorry, I could not save that, so nothing was changed.', 'Please try again later.'];

/** "You can use: one-on-one mentoring, group mentoring." */
export function choicesLine(choices: string[]): string {
  return `You can use: ${choices.join(', ')}.`;
}

export function exampleLine(example: string): string {
  return `Example: ${example}`;
}
