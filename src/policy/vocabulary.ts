/**
 * The words people use, as data: phrases joined into one token, chat spellings, stop words,
 * synonyms and question shapes. Extend these lists when /ask unanswered shows a new way of asking.
 */

/** Multi-word phrases become one token before splitting, in documents and questions alike. */
export const PHRASES: Array<[RegExp, string]> = [
  [/\bface[\s-]*(?:to|2)[\s-]*face\b|\bin[\s-]+person\b|\bf2f\b|\bfacetoface\b/g, ' facetoface '],
  [/\bone[\s-]*on[\s-]*one\b|\b1[\s-]*on[\s-]*1\b|\b1to1\b/g, ' oneonone '],
  [/\bcontinuing[\s-]+ed(?:ucation)?\b|\bcont\.?[\s-]*ed\b|\bce(?:us?|s)?\b/g, ' continuing education '],
  [/\b(?:can|could|would|will)\s+you\s+(?:please\s+)?tell\s+me\b|\btell\s+me\b/g, ' '],
  [/\bhrs?\b/g, ' hours '],
  [/\ball\s+day\b|\bday[\s-]+to[\s-]+day\b|\btypical\s+day\b|\bevery\s*day\b/g, ' duties '],
  [/\bat\s+once\b|\bat\s+the\s+same\s+time\b|\bsimultaneously\b/g, ' sametime '],
  [/\b(?:in|during)\s+(?:the\s+|my\s+)?first\b/g, ' within '],
  [/\bfirst month\b/g, ' within 30 days '],
  [/\bcertif(?:y|ied|ying|icate|icates|ication|ications)\b/g, ' certification '],
  [/\bmins?\b/g, ' minutes '],
  [/\bpeer mentor 101\b/g, ' peer mentor 101 pm101 '],
  [/\bpm\s?101\b/g, ' peer mentor 101 pm101 '],
];

export const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bcan[’']?t\b|\bcannot\b/g, 'can not'],
  [/\bwon[’']?t\b/g, 'will not'],
  [/\b(\w+)n[’']t\b/g, '$1 not'],
  [/[’']s\b/g, ''],
  [/[’'](re|ve|ll|d|m)\b/g, ''],
];

/** Words that say nothing about the topic. "not" is kept: "what peer mentoring is not" depends on it. */
export const STOP = new Set(
  `a about above again all also am an and any are as at be because been being below between both but by
  could did do does doing done down during each either else ever every few for from further get gets getting give go
  goes going got had has have having he her here hers him his how i if in into is it its just know let like ll me might
  more most much must my myself need needs no nor now of off on once only or other our ours out over own please really
  same say she should so some still such than that the their them then there these they thing things this those
  through to too under until up us use used very want wants was way we well were what whats when where which while who many time
  whom whose why will with would yes yet you your yours yourself take takes taking can may could come comes came hi hello hey thanks thank ok okay i'm im dont does`.split(/\s+/),
);

/** Chat spellings, read as the word they stand for. */
export const SPELLING: Record<string, string> = {
  hw: 'how', wat: 'what', wut: 'what', wht: 'what', u: 'you', ur: 'your', r: 'are', y: 'why', abt: 'about',
  bc: 'because', cuz: 'because', pls: 'please', plz: 'please', thx: 'thanks', gonna: 'going', wanna: 'want',
};

/**
 * Words that say what kind of answer is wanted, not what it is about: searched with a low
 * weight, and never counted as a topic word the answer must match.
 */
export const SOFT = new Set(['mean', 'meaning', 'means', 'define', 'definition', 'stand', 'stands', 'explain', 'example', 'happen', 'happens', 'allowed', 'true', 'exactly', 'kind', 'type', 'types', 'anything', 'something', 'someone', 'somebody', 'okay', 'possible']);

/** Extra words to look for when someone uses these words (added with a lower weight). */
export const SYNONYMS: Record<string, string[]> = {
  mom: ['family'], mum: ['family'], mother: ['family'], dad: ['family'], father: ['family'], parent: ['family'],
  parents: ['family'], sister: ['family'], brother: ['family'], sibling: ['family'], spouse: ['family'],
  husband: ['family'], wife: ['family'], son: ['family'], daughter: ['family'], grandma: ['family'],
  grandpa: ['family'], grandmother: ['family'], grandfather: ['family'], relative: ['family'], relatives: ['family'],
  aunt: ['family'], uncle: ['family'], cousin: ['family'], kid: ['family'], child: ['family'], ma: ['family'],
  guardian: ['legally', 'responsible'],
  weekend: ['weekends', 'evenings'], saturday: ['weekends'], sunday: ['weekends'], evening: ['evenings', 'weekends'],
  night: ['evenings'], nights: ['evenings'], late: ['evenings'], holiday: ['weekends'],
  ride: ['transportation'], rides: ['transportation'], bus: ['transportation'], car: ['transportation'],
  drive: ['transportation'], driving: ['transportation'], van: ['transportation'],
  fun: ['recreational'], hobby: ['recreational'], hobbies: ['recreational'], leisure: ['recreational'], outings: ['recreational'],
  boss: ['supervisor'], manager: ['supervisor'],
  pay: ['paid', 'funding', 'bill'], paid: ['pay', 'funding'], salary: ['paid'], wage: ['paid'], wages: ['paid'], money: ['funding', 'paid'],
  cost: ['pay', 'funding'], costs: ['pay', 'funding'], afford: ['pay', 'funding'], unpaid: ['volunteer'], volunteering: ['volunteer'],
  lonely: ['loneliness', 'isolation'], alone: ['loneliness', 'isolated'], isolated: ['isolation'],
  test: ['exam'], tests: ['exam'], quiz: ['exam'], exams: ['exam'],
  old: ['age'], young: ['age'], years: ['age'],
  caseload: ['ratio'], ratios: ['ratio'],
  prereqs: ['requirements'], prerequisites: ['requirements'], qualify: ['requirements', 'eligible'], qualifications: ['requirements'],
  requirement: ['requirements'], criteria: ['eligible', 'requirements'],
  downside: ['cons', 'worry'], downsides: ['cons', 'worry'], drawback: ['cons', 'worry'], drawbacks: ['cons', 'worry'],
  disadvantage: ['cons', 'worry'], disadvantages: ['cons', 'worry'], risk: ['cons', 'worry'], risks: ['cons', 'worry'],
  problem: ['cons', 'worry'], problems: ['cons', 'worry'], upside: ['pros'], upsides: ['pros'], advantage: ['pros'], advantages: ['pros'],
  origin: ['history'], origins: ['history'], began: ['history'], history: ['history'],
  advice: ['tell', 'guidance'], advise: ['tell', 'guidance'], begin: ['start'], begins: ['start'], beginning: ['start'],
  job: ['career', 'role'], jobs: ['career', 'role'], careers: ['career'], positions: ['career', 'role'],
  direct: ['facetoface'], directly: ['facetoface'], never: ['not'], fast: ['within'], quickly: ['within'], soon: ['within'], quick: ['within'],
  junior: ['mini'], assistant: ['mini'], new: ['history'], newer: ['history'], worker: ['work'], workers: ['work'],
  reduce: ['less', 'decrease'], decrease: ['less', 'reduce'], lower: ['less'], fewer: ['less'],
  due: ['within', 'deadline'], deadline: ['within', 'due'], deadlines: ['within', 'due'],
  ed: ['education'], big: ['ratio', 'maximum'], large: ['ratio', 'maximum'], size: ['ratio'], serve: ['ratio'],
  cert: ['certification'], certs: ['certification'], certified: ['certification'], certify: ['certification'],
  certificate: ['certification'], license: ['certification'], licensed: ['certification'],
  discharged: ['discharge'], quit: ['discharge', 'stop'],
  spy: ['mole'], snitch: ['mole'], rat: ['mole'],
  meds: ['medication'], medicine: ['medication'], pills: ['medication'],
  therapist: ['therapy', 'counseling'], counsellor: ['counselor'], counselling: ['counseling'],
  myth: ['misconceptions'], myths: ['misconceptions'], mistakes: ['misconceptions'], wrong: ['misconceptions'],
  intern: ['internship'], interns: ['internship'], interning: ['internship'],
  shadow: ['shadowing'], shadowed: ['shadowing'],
  bpdd: ['board', 'developmental', 'disabilities'], mco: ['managed', 'care', 'organization'], mcos: ['managed', 'care', 'organization'],
  cps: ['certified', 'peer', 'specialist'], cpss: ['certified', 'peer', 'support', 'specialist'], pss: ['peer', 'support', 'services'],
  psw: ['peer', 'support', 'worker'], rlc: ['recovery', 'learning', 'community'], rlcs: ['recovery', 'learning', 'community'],
  qp: ['qualified', 'professional'], pcp: ['person-centered', 'plan'], dd: ['developmental', 'disability'], idd: ['developmental', 'disability'],
  confidentiality: ['confidential', 'privacy'], secret: ['confidential'], private: ['confidential'],
  call: ['teleconference'], calls: ['teleconference'], zoom: ['teleconference'],
  define: ['meaning'], definition: ['meaning'], means: ['meaning'], mean: ['meaning'],
};

/** Question shapes: the kind of answer wanted, as extra low-weight words. */
export const CUES: Array<[RegExp, string[], number?]> = [
  [/^(?:so\s+)?(?:what|who)\s+(?:is|are|s)\s+(?:a|an|the)?\s*\w+(?:\s+\w+)?\s*\??$|\bwhat\s+(?:does|do)\b.*\bmean\b|\bdefin|\bmeaning\b/, ['meaning', 'define']],
  [/\bhow\s+(?:do|can|would|should|to)\s+(?:i\s+|you\s+|we\s+|someone\s+|a person\s+)?(?:get|become|be)\b|\bsteps?\b|\bprocess\b/, ['steps', 'process', 'become'], 0.5],
  [/\bi\s+(?:am\s+)?\d{1,2}\b|\byears?\s+old\b|\bhow\s+old\b|\bage\b/, ['age', 'years', 'old'], 0.6],
  [/\bwhat\s+(?:happens|comes|do\s+i\s+do)\s+(?:after|next)\b|\bnext\s+step|\bafter\s+(?:i\s+)?(?:finish|complete)/, ['end', 'after', 'next'], 0.5],
  [/\bwhen\b|\bhow soon\b|\bdeadline\b|\bby when\b|\bwithin\b/, ['timeline', 'days'], 0.4],
  [/\bwho\s+(?:can|may|is able to)\s+(?:get|receive|use|join|have)\b|\beligib|\bqualif/, ['eligible', 'criteria']],
  [/\bwhat\s+(?:does|do|did|would|will)\s+(?:a|an|the|my|your)?\s*(?:\w+\s+){0,4}\bdo\b(?!\s+(?:i|you|we)\b)/, ['role', 'duties', 'job'], 0.6],
  [/\bwhat\s+(?:will|would|do|does)\s+(?:i|you|we)\s+learn\b|\blearn\s+about\b/, ['topics', 'content'], 0.6],
  [/\bwhere\s+(?:did|does)\b.*\bcome\s+from\b|\bhow\s+did\b.*\b(?:start|begin)\b/, ['history'], 0.6],
  [/\bwho\s+(?:does|is responsible|pays|provides|runs|leads|decides)\b|\brole\b|\bjob of\b/, ['role']],
];
