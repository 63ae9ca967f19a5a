import { LARGE_MULTIPLIERS } from "./llm/figure-units.js";

/** A measurable figure found in the answer. */
export interface MetricMatch {
  start: number;
  end: number;
  text: string;
  /** The time the work took or a date ("over three months", "in 2021"): not an outcome. */
  durationOfWork: boolean;
  /**
   * The size of a team ("a team of 5 engineers", "my 3 engineers", "a
   * 12-person team", "it took 6 engineers"): context wherever it is told,
   * neither the result's figure nor a setup figure the result should carry.
   */
  teamSize: boolean;
}

const NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|billion|dozen";
// Words that make "from X to Y" a measured change even without digits.
const SCALE_WORDS = "(?:same-day|real-time|instant|instantly|seconds|minutes|hours|days|weeks|months|years|hourly|daily|weekly|monthly|quarterly|yearly|annually|zero|none|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|dozens|hundreds|thousands|millions)";
// A multiplier after a figure's digits, from the figure check's table: a word, spaced or not ("5 million", "2.5bn"),
// or a letter glued to them ("5M", "300k"); a spaced letter ("5 m") is more often metres or a typo.
const MULTIPLIER = String.raw`(?:[ \t]?(?:${LARGE_MULTIPLIERS.words.join("|")})|(?:${LARGE_MULTIPLIERS.letters.join("|")}))\b`;
// What a large figure counts ("5 million users", "300k requests"), so the figure reads as written.
const COUNTED = "people|users|customers|subscribers|members|visitors|downloads|installs|transactions|requests|orders|records|messages|events|views|tickets|bugs|incidents|pages|calls|dollars|euros|pounds";
const RATE = String.raw`(?:\s?(?:a|per)\s(?:month|year|week|day|quarter))?`;
// People, and the teams and organisations they make up, counted: a result that trained, hired, won or reached them
// ("trained 40 support agents", "onboarded 3 new hires", "adopted by 4 teams") is measured, even below 10.
const PEOPLE = "people|customers|users|subscribers|members|accounts|engineers|developers|hires|recruits|agents|reps|representatives|analysts|employees|staff|interns|trainees|mentees|juniors|graduates|apprentices|newcomers|peers|students|learners|nurses|teachers|managers|designers|testers|volunteers|contractors|colleagues|teammates|operators|workers|technicians|drivers|doctors|clinicians|scientists|researchers|leads|leaders|executives|attendees|participants|clients|partners|merchants|sellers|patients|teams|departments";
// One word between the number and the people it counts ("12 new hires", "40 support agents"), but not a
// preposition, article or conjunction ("10 for engineers" counts nothing).
const PEOPLE_MODIFIER = String.raw`(?:(?!(?:of|to|for|in|on|at|by|with|from|and|or|but|the|a|an|per|than|as)\b)[a-z]+(?:-[a-z]+)?\s)?`;
// A figure's digits, with the no-break or thin spaces that group thousands in French, German and many other styles
// ("120\u00a0000 €", "1\u202f200 users"): one figure, not "120" and "000". A plain space stays a break between two numbers.
const DIGITS = String.raw`\d(?:[\d,.]|[\u00a0\u202f\u2009](?=\d{3}(?!\d)))*`;
const METRIC = new RegExp(
  [
    // Money: "$3 million", "$4B", "€3m", "$200k a year"; after a sign a spaced letter is the multiplier too ("$3 m").
    String.raw`[$€£¥₹]\s?${DIGITS}(?:${MULTIPLIER}|\s(?:${LARGE_MULTIPLIERS.letters.join("|")})\b)?\+?${RATE}`,
    // A large count: "5 million+ users", "2.5 million users", "5M users", "1.2 billion"; not the "2B" of "B2B".
    String.raw`(?<![A-Za-z])${DIGITS}${MULTIPLIER}\+?(?:[ \t](?:${COUNTED})\b)?${RATE}`,
    // Spelled large counts: "half a million (users)", "a million users" ("thanks a million" is no figure).
    String.raw`\bhalf\s+an?\s+(?:million|billion)\b(?:\s(?:${COUNTED})\b)?`,
    String.raw`\ban?\s+(?:thousand|million|billion)\s(?:${COUNTED})\b`,
    // People counted: "5 engineers", "12 new hires"; "K8s" is no "8s" (nor is "EC2" a 2).
    String.raw`(?<![A-Za-z])${DIGITS}\+?\s${PEOPLE_MODIFIER}(?:${PEOPLE})\b`,
    String.raw`(?<![A-Za-z])${DIGITS}\+?\s?(?:%|percent|x\b|×|ms\b|s\b|sec(?:onds?)?\b|min(?:utes?)?\b|h\b|hrs?\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b|points?\b|pp\b|people\b|users\b|customers\b|tickets\b|bugs\b|incidents\b|pages\b|calls\b|requests\b|orders\b|stars?\b|times\b)`,
    // "from 40 to 12", "from hours to minutes"; not "from Jenkins to GitHub".
    String.raw`from\s+(?:\S*\d\S*|${SCALE_WORDS}\b)\s+to\s+(?:\S*\d\S*|${SCALE_WORDS}\b)`,
    // Spelled, hedged or as a rate, where no digit is found by the patterns below: "from about eight a month to one".
    String.raw`from\s+(?:(?:about|around|roughly|nearly|almost|over|some)\s+)?${SCALE_WORDS}\b(?:\s+(?:a|an|per|each|every)\s+[a-z]+)?\s+to\s+(?:(?:about|around|roughly|nearly|almost|under|just|only)\s+)?(?:\S*\d\S*|${SCALE_WORDS}\b)`,
    // The far end of "from 9 a month to 2": a bare figure after "to" in a from-to change.
    String.raw`(?<=\bfrom\s[^.;]{1,30}\sto\s)\d[\d,.]*`,
    // A small count given as a rate: "2 a month", "3 per sprint".
    String.raw`\b\d+\s(?:a|per)\s(?:day|week|month|year|quarter|sprint|release|deploy)\b`,
    String.raw`\b(?:half|halved|doubled|tripled|quadrupled|twice|three times|tenfold)\b`,
    // A spelled share: "about a third of what the dashboard claimed", "two thirds fewer"; not "a quarter of the year"
    // nor "three quarters of the way through".
    String.raw`\b(?:a|one|two|three)\s+(?:thirds?|quarters?|fifths?|tenths?)(?=\s+(?:of(?!\s+the\s+(?:year|way|time))|less|more|lower|higher|fewer|smaller|larger|bigger|cheaper|faster)\b)`,
    // A share as the size of a change: "down by about a third", "fell by a quarter".
    String.raw`\bby\s(?:(?:about|around|roughly|nearly|almost|over|just over|more than|less than)\s)?(?:a|one|two)\s(?:thirds?|quarters?|fifths?|tenths?)\b`,
    // One unit late or early: "shipped a day late", "a week before the deadline", "an hour earlier"; "a week later"
    // alone says when the next thing happened, "a day later than planned" how late.
    String.raw`\b(?:a|an|one)\s(?:minute|hour|day|week|month)(?=\s(?:late|early|earlier|later\s+than|ahead|behind|sooner|before\s(?:the|its|our|their)\s(?:deadline|due date|launch|go-live|release))\b)`,
    String.raw`\b(?:${NUMBER_WORDS})(?:[\s-](?:${NUMBER_WORDS}))*\s(?:percent|hours?|days?|weeks?|months?|minutes?|seconds?|people|customers|users|times|points|incidents|tickets|dollars)\b`,
    String.raw`\b(?:${NUMBER_WORDS})(?:[\s-](?:${NUMBER_WORDS}))*\s${PEOPLE_MODIFIER}(?:${PEOPLE})\b`,
    // A spelled figure ending on its multiplier: "three million", "two hundred thousand".
    String.raw`\b(?:${NUMBER_WORDS})(?:[\s-](?:${NUMBER_WORDS}))*[\s-](?:thousand|million|billion)\b`,
    String.raw`\bzero\s+\w+`,
    String.raw`\b\d+(?:\.\d+)?\s?(?:out of|/)\s?\d+`,
    // A bare figure, with the "+" of "5,000+".
    String.raw`\b\d(?:[\d,.]|[\u00a0\u202f\u2009](?=\d{3}(?!\d)))+\b\+?`,
  ].join("|"),
  "gi",
);
// Hours the speaker put in, not how late something came: "I stayed about two hours late", "came in an hour early".
const EFFORT_BEFORE = /\b(?:stay(?:ed|ing|s)?|work(?:ed|ing|s)?|c[oa]me\s+in|coming\s+in|g[oe]t\s+in|getting\s+in)\s+(?:(?:about|around|roughly|nearly|almost|over|an\s+extra|extra)\s+)?$/i;
const DURATION_OF_WORK = /^(over|for|within|in|during|after|about|around|nearly|almost|roughly|took|taking)\b/i;
// Time the speaker put into a step ("I spend three days to dive in the data", "we invested two weeks", "I put in 20
// hours"): effort, not a figure of the setup. "Spend only 2 hours" and "spend 2 hours instead of 8" are outcomes.
const TIME_SPENT_BEFORE = /\b(?:spen[dt]s?|spending|invest(?:ed|s|ing)?|put(?:s|ting)?\s+in)\s+(?:(?:about|around|roughly|nearly|almost|over|more\s+than|an\s+extra|extra|a\s+full|full)\s+)?$/i;
// A figure set against another ("instead of a month", "down from six"): a measured change, not a point in time.
const COMPARISON = /\b(?:instead of|rather than|down from|up from|compared (?:to|with)|where (?:before|it used to)|than before|used to)\b/i;
// A span of time that is itself the measure: "took 12 minutes", "ran in 3 hours", "under 2 days".
const MEASURED_BEFORE = /\b(?:took|take|takes|taking|lasted|lasts|ran|runs|run|was|were|is|are|been|be|in|under|within|to|at|of|than|only|just)\s+(?:(?:about|around|roughly|nearly|almost|only|just|under|over)\s+)?$/i;
const YEAR = /^(?:19|20)\d\d$/;

// Names that carry a number, which is then no figure: a product and its version ("Windows 10", "Python 3.11",
// "Web 2.0", "Office 365", "iPhone 15"), written as the product writes it.
const VERSIONED_NAME = new RegExp(
  String.raw`(?:^|[^\p{L}\p{N}])(?:Windows(?: Server)?|Python|Java|JDK|Web|Office|Microsoft|Dynamics|iOS|iPadOS|macOS|OS X|Android|Ubuntu|Debian|Fedora|CentOS|RHEL|Node(?:\.js)?|Angular|Vue|React|Rails|Django|PHP|Perl|Ruby|Go|Rust|Swift|Kotlin|Scala|\.NET|C#|C\+\+|Postgres|PostgreSQL|MySQL|Oracle|SQL Server|Excel|Visual Studio|Spring Boot|Elasticsearch|Kafka|Spark|Hadoop|Terraform|Kubernetes|Java EE|Jakarta EE|Bootstrap|Webpack|Chrome|Firefox|Safari|IE|Internet Explorer|iPhone|iPad|Pixel|Galaxy|Xbox|PlayStation|Boeing|Airbus|HTTP|TLS|SSL|OAuth|GPT|Llama)[ -]$`,
  "u",
);
// A version, alone: "10", "3.11", "2.0", "22.04".
const VERSION = /^\d+(?:\.\d+)*$/;
// A company whose name is a figure, where the story works for, joins or leaves it ("I worked at 3M", "when I
// joined 3M", "3M's plant"); "traffic peaked at 3M" and "we saved 3M" stay figures.
const GLUED_NAME = /^\d+[A-Za-z]$/;
const EMPLOYER_BEFORE = /\b(?:(?:work(?:ed|ing)?|job|role|position|career|time|stint|tenure|years|days|intern(?:ed|ship)?|engineer|manager|developer|designer|analyst|consultant|employee|while)\s+at|joined|joining|join|left|leaving|quit|work(?:ed|ing)?\s+for|employed\s+by|hired\s+by)\s+$/i;
const POSSESSIVE_AFTER = /^['’]s\b/;
// A team's size told as such ("a team of 5 engineers", "our 12-person team", "my 3 engineers"): unless the story
// grew it to that size ("grew the team to 5", "built a team of 12").
const TEAM_OF_BEFORE = /\b(?:team|group|squad|crew|staff|department|org|organi[sz]ation)\s+of\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|just\s+|only\s+|over\s+)?$/i;
const TEAM_AFTER = /^[ -](?:person|member|strong)\b|^[ -](?:people|engineer|developer)[ -]team\b/i;
// "my 3 engineers", and the people the work took ("it took 5 engineers two weeks").
const OWN_PEOPLE_BEFORE = /\b(?:my|our|his|her|their|took|takes|take|taking|needed|required)\s+(?:only\s+|just\s+)?$/i;
// The people of a team: the speaker's own when "my" or "our" comes first ("my 3 engineers"; "our 3 new customers" are no team).
const STAFF = "engineers|developers|agents|reps|representatives|analysts|employees|staff|interns|nurses|teachers|managers|designers|testers|contractors|colleagues|teammates|members|operators|workers|technicians|drivers|doctors|clinicians|scientists|researchers|leads";
const TEAM_GROWN = /\b(?:grew|grow|grown|growing|built|build|building|hired|hiring|expanded|scaled|doubled|tripled|became|become|into|now)\b/i;

const STAFF_COUNT = new RegExp(String.raw`\s(?:${STAFF})$`, "i");

const MONTHS = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const MONTH_AFTER = new RegExp(String.raw`^(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTHS}\b`, "i");
const MONTH_BEFORE = new RegExp(String.raw`\b${MONTHS}\s+$`, "i");
// Words that name a thing by its number: a school year, a ward, a shift, a quarter.
const LABEL_BEFORE = /\b(?:year|grade|level|class|form|room|ward|bay|bed|line|gate|platform|route|building|floor|store|unit|phase|stage|tier|sprint|week|day|q|p|sev|version|v)\s*$/i;

/** Whether a figure is part of a name: a product's version or a company called by a figure. */
function isName(value: string, before: string, after: string): boolean {
  if (VERSION.test(value) && VERSIONED_NAME.test(before)) return true;
  return GLUED_NAME.test(value) && (EMPLOYER_BEFORE.test(before) || POSSESSIVE_AFTER.test(after));
}

/**
 * Figures in a text with their offsets, leaving out names that carry a number
 * ("Windows 10", "I worked at 3M"); marks those that are only dates or how
 * long the work took, and those that are a team's size.
 */
export function detectMetrics(text: string, offset = 0): MetricMatch[] {
  const found: MetricMatch[] = [];
  for (const match of text.matchAll(METRIC)) {
    // A sentence's full stop or comma is not part of the figure.
    // Trimmed by hand: /[.,]+$/ retried from every comma of a long run of them, which was quadratic.
    let end = match[0].length;
    while (end > 0 && (match[0][end - 1] === "." || match[0][end - 1] === ",")) end--;
    const raw = match[0].slice(0, end);
    const value = raw.trim();
    if (YEAR.test(value)) continue;
    const lead = text.slice(Math.max(0, match.index! - 16), match.index!);
    const trail = text.slice(match.index! + match[0].length, match.index! + match[0].length + 16);
    // A day of the month ("24 March", "March 3"), a label's number ("Year 11", "Ward 7", "Q3"), or a portion someone
    // has ("her half of the ledger") is no measure of anything.
    if (/^\d{1,2}$/.test(value) && (MONTH_AFTER.test(trail) || MONTH_BEFORE.test(lead))) continue;
    if (/^\d+$/.test(value) && LABEL_BEFORE.test(lead)) continue;
    if (/^half$/i.test(value) && /\b(?:her|his|my|our|their|your|its)\s+$/i.test(lead)) continue;
    const window = text.slice(Math.max(0, match.index! - 40), match.index!);
    const previousWord = window.trim().split(/\s+/).at(-1) ?? "";
    const after = text.slice(match.index! + match[0].length, match.index! + match[0].length + 16);
    // Money or a rate is no span of time, whatever its rate's unit: "roughly £200,000 a quarter".
    const isTimeUnit = !/[$€£¥₹]|\b(?:a|per|each|every)\s+[a-z]+$/i.test(value) && /\b(hours?|days?|weeks?|months?|years?|minutes?|min|sprints?|quarters?)\b/i.test(value);
    // "over three months" is how long the work took; "saved about 5 hours a week", "arrived about forty minutes late"
    // and "within two days of the original date" are outcomes.
    const outcomeWords =
      /\b(saved|saving|cut|reduced|from|to|by|down|faster|shaved|freed|dropped|fell|lost|gained|won)\b/i.test(window) ||
      /^\s*(a|per|each|every)\s+(day|week|month|year|quarter|sprint)/i.test(after) ||
      (/^\s*(?:late|early|ahead|behind|earlier|later\s+than|sooner|overdue|of (?:the|its|our|their) (?:original|planned|target|agreed|scheduled|due) (?:[a-z-]+ )?(?:date|deadline|launch|go-live|release|delivery|handover|cutover|estimate))\b/i.test(text.slice(match.index! + raw.length, match.index! + raw.length + 50)) &&
        !EFFORT_BEFORE.test(window));
    // "We redid it two weeks later", "two months after the launch": when the next thing happened, not how much changed
    // ("a day later than planned" is how late; "builds took 12 minutes after the fix" and "cut it to 12 minutes after
    // the fix" measure the outcome).
    const next = text.slice(match.index! + raw.length, match.index! + raw.length + 20);
    // "after" says when only as a time the sentence is set in ("Two months after the launch, usage..."), never beside a
    // comparison ("5 days after the request instead of a month") or as what an outcome took ("shipped 3 days after joining").
    const sentenceRest = text.slice(match.index! + raw.length).split(/[.!?](?:\s|$)/)[0]!;
    const setsTheTime = /(?:^|[.!?;,]\s*|\b(?:and|but|then|so)\s+)(?:about\s+|around\s+|roughly\s+|some\s+|only\s+|just\s+)?$/i.test(text.slice(Math.max(0, match.index! - 12), match.index!));
    const when =
      isTimeUnit &&
      (/^\s*later\b(?!\s+than\b)/i.test(next) ||
        (/^\s*after\b(?!\s+than\b)/i.test(next) && !outcomeWords && !MEASURED_BEFORE.test(window) && setsTheTime && !COMPARISON.test(sentenceRest)));
    const timeSpent = isTimeUnit && TIME_SPENT_BEFORE.test(window) && !outcomeWords && !COMPARISON.test(sentenceRest);
    const durationOfWork = (isTimeUnit && DURATION_OF_WORK.test(previousWord) && !outcomeWords) || when || timeSpent;
    const before = text.slice(Math.max(0, match.index! - 30), match.index!);
    if (isName(value, before, text.slice(match.index! + raw.length, match.index! + raw.length + 3))) continue;
    const teamSize = (TEAM_OF_BEFORE.test(before) || TEAM_AFTER.test(text.slice(match.index! + raw.length)) || (OWN_PEOPLE_BEFORE.test(before) && STAFF_COUNT.test(value))) && !TEAM_GROWN.test(window);
    found.push({ start: offset + match.index!, end: offset + match.index! + raw.length, text: value, durationOfWork, teamSize });
  }
  return found;
}
