/** The words of /ask: answers, the not-sure reply, feedback, questions for facilitators. */

export const ASK_EXAMPLE = '/ask how many internship hours do I need?';

/**
 * Nothing matched well enough. The question is kept for facilitators either way, so the reply
 * says one thing: I don't know, and a facilitator can answer you if you want.
 */
export const NOT_SURE = [
  "I'm not sure about that.",
  'I did not find an answer in the program rules.',
  'You can ask it in other words.',
];
export const NOT_SURE_OFFER = 'Do you want a facilitator to answer you?';
export const PASS_BUTTON = 'Yes, ask a facilitator';
export const NOT_SURE_CONSOLE = 'To ask a facilitator, type /ask pass';

export const NOT_A_QUESTION = ["I'm not sure what you want to know.", 'Please ask a question about the program rules.'];

export const PASSED = (question: string) => [
  'Done. I asked a facilitator to answer you.',
  `Your question: "${question}"`,
];
export const NOTHING_TO_PASS = 'You have no question waiting. Ask one first.';
