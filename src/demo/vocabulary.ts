/**
 * The demo corpus's own word lists: made-up people and organisations, subject
 * tags, topics and sentence templates. Nothing here is taken from a real cable.
 */

/** A topic: the tags it brings and the words its subjects and sentences use. */
export interface DemoTopic {
  tags: readonly string[];
  /** Subject line endings, upper case; `{C}` is the country. */
  subjects: readonly string[];
  /** Noun phrases for sentence slots, lower case. */
  issues: readonly string[];
  /** Offices of the host government that deal with it. */
  offices: readonly string[];
}

export const TOPICS: readonly DemoTopic[] = [
  {
    tags: ['PREL', 'PGOV'],
    subjects: ['FOREIGN MINISTER OUTLINES PRIORITIES FOR THE YEAR', 'NEW CABINET TAKES SHAPE', '{C} SEEKS CLOSER TIES WITH NEIGHBORS', 'PRESIDENT REVIEWS BILATERAL AGENDA WITH AMBASSADOR', 'PARLIAMENT DEBATES COALITION REFORM'],
    issues: ['the coalition agreement', 'the reshuffle of the cabinet', 'the bilateral agenda', 'regional cooperation', 'the upcoming ministerial visit'],
    offices: ['Ministry of Foreign Affairs', 'Office of the President', 'Prime Minister\'s Office'],
  },
  {
    tags: ['PTER', 'PREL', 'ASEC'],
    subjects: ['COUNTERTERRORISM DIALOGUE MAKES MODEST PROGRESS', 'SECURITY SERVICES REVIEW BORDER CONTROLS', 'AUTHORITIES DETAIN SUSPECTS IN PLOT INVESTIGATION', 'EMBASSY REVIEWS SECURITY POSTURE AFTER THREAT REPORTING'],
    issues: ['border security', 'information sharing', 'the training program for police', 'terrorist financing controls', 'the watch list process'],
    offices: ['Ministry of Interior', 'National Security Council', 'Directorate of Public Security'],
  },
  {
    tags: ['ECON', 'EFIN', 'ETRD'],
    subjects: ['CENTRAL BANK HOLDS RATES AS INFLATION EASES', 'BUDGET SHORTFALL PROMPTS SPENDING CUTS', 'TRADE TALKS STALL OVER AGRICULTURE', '{C} ECONOMY SLOWS AMID WEAK EXPORTS', 'FINANCE MINISTER PREVIEWS TAX REFORM'],
    issues: ['the budget deficit', 'the exchange rate', 'tariff reductions', 'the banking law', 'foreign investment rules'],
    offices: ['Ministry of Finance', 'Central Bank', 'Ministry of Trade and Industry'],
  },
  {
    tags: ['ENRG', 'EPET', 'EINV'],
    subjects: ['ENERGY MINISTER SEEKS INVESTORS FOR POWER PROJECTS', 'PIPELINE NEGOTIATIONS ENTER NEW PHASE', 'FUEL SHORTAGES STRAIN HOUSEHOLDS', 'OIL REVENUES FALL SHORT OF FORECASTS'],
    issues: ['the pipeline tender', 'electricity tariffs', 'the refinery upgrade', 'gas export contracts', 'the renewable energy plan'],
    offices: ['Ministry of Energy', 'National Oil Company', 'Electricity Regulatory Board'],
  },
  {
    tags: ['KDEM', 'PGOV', 'PHUM'],
    subjects: ['OPPOSITION PREPARES FOR LOCAL ELECTIONS', 'ELECTORAL COMMISSION RELEASES VOTER ROLLS', 'OBSERVERS NOTE IRREGULARITIES IN BY-ELECTION', 'CIVIL SOCIETY GROUPS PRESS FOR MEDIA LAW CHANGES'],
    issues: ['the voter registration drive', 'campaign finance rules', 'the media law', 'the electoral calendar', 'access for observers'],
    offices: ['Electoral Commission', 'Ministry of Justice', 'Constitutional Court'],
  },
  {
    tags: ['PHUM', 'KJUS', 'KCRM'],
    subjects: ['HUMAN RIGHTS GROUPS REPORT DETENTION CONCERNS', 'COURT ACQUITS JOURNALISTS IN DEFAMATION CASE', 'PRISON CONDITIONS DRAW CRITICISM', 'NEW POLICE CODE OF CONDUCT ANNOUNCED'],
    issues: ['pretrial detention', 'the judicial reform package', 'treatment of detainees', 'freedom of assembly', 'the ombudsman\'s report'],
    offices: ['Ministry of Justice', 'National Human Rights Commission', 'Supreme Court'],
  },
  {
    tags: ['MARR', 'MOPS', 'PREL'],
    subjects: ['DEFENSE MINISTER DISCUSSES PEACEKEEPING CONTRIBUTION', 'MILITARY EXERCISE PLANNING ON TRACK', 'ARMED FORCES SEEK TRAINING SUPPORT', 'DEFENSE COOPERATION TALKS CONCLUDE'],
    issues: ['the peacekeeping deployment', 'joint exercises', 'maintenance of transport aircraft', 'the defense cooperation agreement', 'officer training slots'],
    offices: ['Ministry of Defense', 'General Staff', 'National Security Council'],
  },
  {
    tags: ['KNNP', 'PARM', 'MNUC'],
    subjects: ['NONPROLIFERATION TALKS FOCUS ON EXPORT CONTROLS', '{C} VIEWS ON REVIEW CONFERENCE', 'OFFICIALS PLEDGE TIGHTER CONTROLS ON DUAL-USE GOODS'],
    issues: ['export controls', 'the safeguards agreement', 'dual-use licensing', 'the review conference', 'interdiction cooperation'],
    offices: ['Ministry of Foreign Affairs', 'Atomic Energy Commission', 'Customs Directorate'],
  },
  {
    tags: ['SNAR', 'KCRM', 'PREL'],
    subjects: ['COUNTERNARCOTICS UNIT REPORTS RECORD SEIZURES', 'DRUG TRAFFICKING ROUTES SHIFT SOUTH', 'ANTI-MONEY LAUNDERING LAW ADVANCES'],
    issues: ['the eradication campaign', 'port inspections', 'the extradition request', 'money laundering controls', 'the vetted police unit'],
    offices: ['Counternarcotics Agency', 'Attorney General\'s Office', 'Customs Directorate'],
  },
  {
    tags: ['EAID', 'SOCI', 'KHIV'],
    subjects: ['ASSISTANCE PROGRAM REVIEW SHOWS MIXED RESULTS', 'HEALTH MINISTRY EXPANDS CLINIC NETWORK', 'DROUGHT RELIEF EFFORTS UNDERWAY', 'DONORS COORDINATE ON EDUCATION SUPPORT'],
    issues: ['the clinic network', 'school construction', 'the drought response', 'donor coordination', 'the vaccination campaign'],
    offices: ['Ministry of Health', 'Ministry of Planning', 'Disaster Management Agency'],
  },
  {
    tags: ['KIRF', 'PHUM', 'SOCI'],
    subjects: ['RELIGIOUS LEADERS CALL FOR CALM', 'MINORITY COMMUNITY RAISES PROPERTY CONCERNS', 'INTERFAITH COUNCIL MEETS AMID TENSIONS'],
    issues: ['the registration law', 'property restitution', 'the interfaith council', 'school curricula', 'protection of minority communities'],
    offices: ['Ministry of Religious Affairs', 'Ministry of Interior', 'Office of the Prime Minister'],
  },
  {
    tags: ['CVIS', 'CMGT', 'ASEC'],
    subjects: ['CONSULAR SECTION REVIEWS VISA FRAUD TRENDS', 'VISA DEMAND RISES AHEAD OF SUMMER', 'FRAUD PREVENTION UNIT QUARTERLY REPORT'],
    issues: ['visa fraud trends', 'the appointment backlog', 'document verification', 'student visa demand', 'the fraud prevention program'],
    offices: ['Consular Section', 'Ministry of Interior', 'Passport Directorate'],
  },
  {
    tags: ['EAGR', 'SENV', 'TBIO'],
    subjects: ['FARMERS PROTEST GRAIN PRICES', 'WATER SHORTAGES THREATEN HARVEST', 'BIOTECHNOLOGY RULES UNDER REVIEW', 'FISHERIES AGREEMENT RENEWED'],
    issues: ['grain import quotas', 'the irrigation project', 'biotechnology approvals', 'the fisheries agreement', 'water allocation'],
    offices: ['Ministry of Agriculture', 'Ministry of Environment', 'Water Authority'],
  },
  {
    tags: ['KPAO', 'OIIP', 'SCUL'],
    subjects: ['PUBLIC DIPLOMACY OUTREACH TO UNIVERSITIES', 'MEDIA REACTION TO SECRETARY\'S SPEECH', 'EXCHANGE ALUMNI LAUNCH NETWORK'],
    issues: ['the exchange program', 'media coverage', 'the alumni network', 'the English teaching program', 'the cultural preservation grant'],
    offices: ['Ministry of Education', 'Ministry of Information', 'National University'],
  },
  {
    tags: ['ELAB', 'KTIP', 'KWMN'],
    subjects: ['LABOR MINISTRY TARGETS TRAFFICKING NETWORKS', 'GARMENT WORKERS STRIKE OVER WAGES', 'WOMEN\'S GROUPS PUSH FOR NEW PROTECTIONS'],
    issues: ['the minimum wage', 'labor inspections', 'the anti-trafficking law', 'shelter funding', 'migrant worker protections'],
    offices: ['Ministry of Labor', 'Ministry of Social Affairs', 'National Police'],
  },
];

export const FIRST_NAMES: readonly string[] = [
  'Adrian', 'Amara', 'Anselm', 'Beatrix', 'Boris', 'Camila', 'Cyrus', 'Dalia', 'Dorian', 'Edda', 'Emil', 'Farid',
  'Fenna', 'Gideon', 'Greta', 'Hakan', 'Ilse', 'Ivo', 'Jasna', 'Jorin', 'Kalina', 'Kenji', 'Laila', 'Lukas',
  'Mara', 'Milan', 'Nadia', 'Nestor', 'Odile', 'Orhan', 'Paloma', 'Pavel', 'Rania', 'Rufus', 'Selma', 'Soren',
  'Talia', 'Tobias', 'Ulla', 'Viktor', 'Wanda', 'Yara', 'Zeno', 'Anwar', 'Bettina', 'Cosmin', 'Delphine', 'Emre',
];

export const SURNAMES: readonly string[] = [
  'Abernath', 'Brandolin', 'Castellane', 'Dravic', 'Elmqvist', 'Fanthorpe', 'Grisanti', 'Halvorsen', 'Ilyasov', 'Jorvik',
  'Kestrel', 'Lindqvar', 'Montago', 'Nerudin', 'Ostrava', 'Pellinger', 'Quillon', 'Rostami', 'Saltzer', 'Tamberlane',
  'Ulvaeus', 'Varenko', 'Wexmoor', 'Yllandi', 'Zoranek', 'Achterberg', 'Bellweather', 'Corvalan', 'Demirtel', 'Esterhaz',
  'Fairbrook', 'Gavrilin', 'Hollistrand', 'Ivanescu', 'Karimov-Lenz', 'Larchmont', 'Mercado-Ruiz', 'Novakovar', 'Oyelaran', 'Petrakis',
];

export const HOST_TITLES: readonly string[] = [
  'Minister', 'Deputy Minister', 'Director General', 'Senior Advisor', 'Permanent Secretary', 'Chief of Staff',
  'Undersecretary', 'Spokesperson', 'Member of Parliament', 'Governor', 'opposition leader', 'party chairman',
];

export const US_SIGNER_TITLES: readonly string[] = ['Ambassador', 'CDA', 'DCM', 'Political Counselor', 'Economic Counselor', 'Consul General', 'Principal Officer'];

export const EMBASSY_ACTORS: readonly string[] = ['the Ambassador', 'the DCM', 'PolOff', 'EconOff', 'the Political Counselor', 'the Defense Attache', 'Post', 'Embassy officers', 'the Consul General'];

export const VERBS_SAID: readonly string[] = ['said', 'told us', 'noted', 'stressed', 'acknowledged', 'argued', 'claimed', 'predicted', 'insisted', 'confided'];

export const ADVERB_OPENERS: readonly string[] = ['Separately,', 'In a follow-up meeting,', 'Privately,', 'At the same time,', 'By contrast,', 'In addition,', 'Later that week,', 'Nevertheless,'];

export const OUTCOMES: readonly string[] = [
  'would be resolved before the end of the year',
  'remained stuck in an interministerial committee',
  'depended on the outcome of the budget negotiations',
  'had the full backing of the cabinet',
  'faced strong resistance from regional officials',
  'could move faster with modest technical assistance',
  'was unlikely to change before the next elections',
  'had been delayed by procedural disputes in parliament',
];

export const COMMENTS: readonly string[] = [
  'We expect little movement on this issue in the near term, but the willingness to engage is a positive sign.',
  'The government\'s position appears driven more by domestic politics than by the merits of the proposal.',
  'Post will continue to press for concrete steps and will report further developments.',
  'These remarks are consistent with what we have heard from other interlocutors in recent weeks.',
  'Without sustained attention from senior officials, we doubt the initiative will survive the coming budget cycle.',
  'The meeting was cordial, and our contacts signalled interest in a follow-up visit by Washington experts.',
];

export const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** Office symbols for "DEPARTMENT FOR ..." lines. */
export const DEPARTMENT_OFFICES: readonly string[] = ['EUR', 'NEA', 'SCA', 'EAP', 'AF', 'WHA', 'INR', 'DRL', 'EEB', 'ISN', 'S/CT', 'INL', 'PM', 'CA'];

/** Article sites for the occasional "Appears in these articles" row (fictional domains). */
export const ARTICLE_SITES: readonly string[] = ['demo-press.example', 'fictional-daily.example', 'cablegate-demo-news.example'];
