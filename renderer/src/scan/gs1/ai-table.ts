// The GS1 Application Identifiers (GS1 General Specifications, section 3, and the GS1
// Barcode Syntax Dictionary): how long each AI is, what its data looks like, and which
// ones are "predefined length" (need no FNC1 after them). Pure data and lookups.

/** Character sets of the GS1 syntax: N digits, X CSET 82, Y CSET 39, Z CSET 64. */
type Charset = 'N' | 'X' | 'Y' | 'Z';

const CHARSET_CLASS: Record<Charset, string> = {
  N: '0-9',
  X: "!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z",
  Y: '#\\-/0-9A-Z',
  Z: '\\-0-9A-Z_a-z=',
};

export interface AiDefinition {
  ai: string;
  /** Data length bounds (the AI digits not counted). */
  minLength: number;
  maxLength: number;
  /** The whole value matches the AI's format (character sets and component lengths). */
  pattern: RegExp;
  /** Dates (YYMMDD) where day 00 means "the last day of the month". */
  date: 'yymmdd' | 'yymmdd-no-00' | null;
  /** Values ending in a GS1 mod-10 check digit (GTIN, SSCC, GLN). */
  checkDigit: boolean;
}

/**
 * AIs and their formats in the GS1 notation ("N6", "X..20", "N3+X..9"); a trailing
 * "n" stands for the decimal-point digit 0–9 of a four-digit AI (310n = 3100…3109).
 */
const FORMATS: readonly (readonly [string, string])[] = [
  ['00', 'N18'], ['01', 'N14'], ['02', 'N14'], ['03', 'N14'],
  ['10', 'X..20'], ['11', 'N6'], ['12', 'N6'], ['13', 'N6'], ['15', 'N6'], ['16', 'N6'], ['17', 'N6'],
  ['20', 'N2'], ['21', 'X..20'], ['22', 'X..20'],
  ['235', 'X..28'], ['240', 'X..30'], ['241', 'X..30'], ['242', 'N..6'], ['243', 'X..20'],
  ['250', 'X..30'], ['251', 'X..30'], ['253', 'N13+X..17'], ['254', 'X..20'], ['255', 'N13+N..12'],
  ['30', 'N..8'], ['37', 'N..8'],
  // Trade and logistic measures: 310n–316n, 320n–329n, 330n–337n, 340n–349n, 350n–357n, 360n–369n.
  ...([[310, 316], [320, 329], [330, 337], [340, 349], [350, 357], [360, 369]] as const).flatMap(([from, to]) =>
    Array.from({ length: to - from + 1 }, (_, i) => [`${from + i}n`, 'N6'] as const),
  ),
  ['390n', 'N..15'], ['391n', 'N3+N..15'], ['392n', 'N..15'], ['393n', 'N3+N..15'], ['394n', 'N4'], ['395n', 'N6'],
  ['400', 'X..30'], ['401', 'X..30'], ['402', 'N17'], ['403', 'X..30'],
  ['410', 'N13'], ['411', 'N13'], ['412', 'N13'], ['413', 'N13'], ['414', 'N13'], ['415', 'N13'], ['416', 'N13'], ['417', 'N13'],
  ['420', 'X..20'], ['421', 'N3+X..9'], ['422', 'N3'], ['423', 'N3+N..12'], ['424', 'N3'], ['425', 'N3+N..12'], ['426', 'N3'], ['427', 'X..3'],
  ['4300', 'X..35'], ['4301', 'X..35'], ['4302', 'X..70'], ['4303', 'X..70'], ['4304', 'X..70'], ['4305', 'X..70'], ['4306', 'X..70'],
  ['4307', 'X2'], ['4308', 'X..30'], ['4309', 'N20'], ['4310', 'X..35'], ['4311', 'X..35'], ['4312', 'X..70'], ['4313', 'X..70'],
  ['4314', 'X..70'], ['4315', 'X..70'], ['4316', 'X..70'], ['4317', 'X2'], ['4318', 'X..20'], ['4319', 'X..30'], ['4320', 'X..35'],
  ['4321', 'N1'], ['4322', 'N1'], ['4323', 'N1'], ['4324', 'N10'], ['4325', 'N10'], ['4326', 'N6'],
  ['4330', 'N6+X..1'], ['4331', 'N6+X..1'], ['4332', 'N6+X..1'], ['4333', 'N6+X..1'],
  ['7001', 'N13'], ['7002', 'X..30'], ['7003', 'N10'], ['7004', 'N..4'], ['7005', 'X..12'], ['7006', 'N6'], ['7007', 'N6..12'],
  ['7008', 'X..3'], ['7009', 'X..10'], ['7010', 'X..2'], ['7011', 'N6+N..4'],
  ['7020', 'X..20'], ['7021', 'X..20'], ['7022', 'X..20'], ['7023', 'X..30'],
  ...Array.from({ length: 10 }, (_, d) => [`703${d}`, 'N3+X..27'] as const),
  ['7040', 'N1+X3'], ['7041', 'X..4'],
  ['710', 'X..20'], ['711', 'X..20'], ['712', 'X..20'], ['713', 'X..20'], ['714', 'X..20'], ['715', 'X..20'], ['716', 'X..20'],
  ...Array.from({ length: 10 }, (_, d) => [`723${d}`, 'X2+X..28'] as const),
  ['7240', 'X..20'], ['7241', 'N2'], ['7242', 'X..25'],
  ['7250', 'N8'], ['7251', 'N12'], ['7252', 'N1'], ['7253', 'X..40'], ['7254', 'X..40'], ['7255', 'X..10'], ['7256', 'X..90'],
  ['7257', 'X..70'], ['7258', 'N1+X1+N1'], ['7259', 'X..40'],
  ['8001', 'N14'], ['8002', 'X..20'], ['8003', 'N14+X..16'], ['8004', 'X..30'], ['8005', 'N6'], ['8006', 'N14+N2+N2'],
  ['8007', 'X..34'], ['8008', 'N8+N..4'], ['8009', 'X..50'], ['8010', 'Y..30'], ['8011', 'N..12'], ['8012', 'X..20'],
  ['8013', 'X..25'], ['8014', 'X..25'], ['8017', 'N18'], ['8018', 'N18'], ['8019', 'N..10'], ['8020', 'X..25'],
  ['8026', 'N14+N2+N2'], ['8030', 'Z..90'], ['8110', 'X..70'], ['8111', 'N4'], ['8112', 'X..70'], ['8200', 'X..70'],
  ['90', 'X..30'], ['91', 'X..90'], ['92', 'X..90'], ['93', 'X..90'], ['94', 'X..90'], ['95', 'X..90'], ['96', 'X..90'],
  ['97', 'X..90'], ['98', 'X..90'], ['99', 'X..90'],
];

/** AIs whose first two digits are in this set never need an FNC1 after them (GS1 GenSpecs figure 5.10.1-2). */
const PREDEFINED_LENGTH_PREFIXES = new Set(['00', '01', '02', '03', '04', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '31', '32', '33', '34', '35', '36', '41']);

const DATE_AIS_WITH_00 = new Set(['11', '12', '13', '15', '16', '17']);
const DATE_AIS = new Set(['7006', '4326']);
const CHECK_DIGIT_AIS = new Set(['00', '01', '02', '03', '410', '411', '412', '413', '414', '415', '416', '417']);

function compile(ai: string, format: string): AiDefinition {
  let minLength = 0;
  let maxLength = 0;
  let source = '';
  for (const part of format.split('+')) {
    const m = /^([NXYZ])(?:(\d+)\.\.(\d+)|\.\.(\d+)|(\d+))$/.exec(part);
    if (!m) throw new Error(`bad AI format ${format} for ${ai}`);
    const cls = CHARSET_CLASS[m[1] as Charset];
    const [lo, hi] = m[5] ? [Number(m[5]), Number(m[5])] : m[4] ? [1, Number(m[4])] : [Number(m[2]), Number(m[3])];
    minLength += lo;
    maxLength += hi;
    source += `[${cls}]{${lo},${hi}}`;
  }
  return {
    ai,
    minLength,
    maxLength,
    pattern: new RegExp(`^${source}$`),
    date: DATE_AIS_WITH_00.has(ai) ? 'yymmdd' : DATE_AIS.has(ai) ? 'yymmdd-no-00' : null,
    checkDigit: CHECK_DIGIT_AIS.has(ai),
  };
}

const TABLE = new Map<string, AiDefinition>();
for (const [key, format] of FORMATS) {
  const ais = key.endsWith('n') ? Array.from({ length: 10 }, (_, d) => key.slice(0, -1) + d) : [key];
  for (const ai of ais) TABLE.set(ai, compile(ai, format));
}

/** The definition of an AI, e.g. "01" or "3103"; undefined for an unknown AI. */
export function aiDefinition(ai: string): AiDefinition | undefined {
  return TABLE.get(ai);
}

/**
 * The AI that starts `text` at `at` (AIs are prefix-free: at most one of the 2, 3 and 4
 * digit readings is an AI), or undefined.
 */
export function aiAt(text: string, at: number): AiDefinition | undefined {
  for (let len = 2; len <= 4; len++) {
    const candidate = text.slice(at, at + len);
    if (candidate.length < len || !/^\d+$/.test(candidate)) return undefined;
    const def = TABLE.get(candidate);
    if (def) return def;
  }
  return undefined;
}

/** True when the AI's data has a predefined length, so no FNC1 separator follows it. */
export function isPredefinedLength(ai: string): boolean {
  return PREDEFINED_LENGTH_PREFIXES.has(ai.slice(0, 2));
}
