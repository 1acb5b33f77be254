//! Word lists that decide whether a name is also an ordinary word and what
//! the words around an occurrence say about it.
//!
//! The dictionary is the lower-case part of SCOWL size 35 (`words.txt`,
//! with its licence). Everything else here is small, hand-made and specific
//! to English case records.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// The dictionary with the ordinary words of case records it lacks
/// ([`RECORD_WORDS`]), one set, so that a word it does not hold, as every
/// name, costs one look-up.
static DICTIONARY: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("words.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .chain(RECORD_WORDS.iter().copied())
        .collect()
});

/// The dictionary and the given names and surnames that are ordinary
/// words ([`NAME_WORDS`]), as one set.
static WORDS_AND_NAME_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    DICTIONARY
        .iter()
        .copied()
        .chain(NAME_WORDS.iter().copied())
        .collect()
});

/// Given names and surnames that are also ordinary English words, whether
/// or not the dictionary has them: these are always treated as words that
/// need context to be read as names.
const NAME_WORDS: &[&str] = &[
    "rose", "will", "hope", "mark", "grace", "summer", "bill", "faith", "joy", "may", "june",
    "april", "august", "autumn", "dawn", "ruby", "amber", "jack", "frank", "pat", "sue", "rob",
    "guy", "carol", "rich", "art", "drew", "chase", "hunter", "brook", "river", "sky", "holly",
    "ivy", "jade", "pearl", "crystal", "daisy", "lily", "violet", "heather", "iris", "poppy",
    "hazel", "olive", "sandy", "rusty", "penny", "sunny", "storm", "reed", "wood", "green",
    "brown", "white", "black", "young", "long", "little", "strong", "sharp", "bell", "day",
    "knight", "bishop", "church", "rice", "lamb", "fox", "wolf", "bird", "swan", "crane", "page",
    "bond", "ward", "wall", "mills", "stone", "banks", "best", "lord", "king", "price", "marsh",
    "booth", "hale", "cook", "baker", "mason", "fisher", "field", "hill", "bush", "child",
    "winter", "spring", "sterling", "miles", "gay", "dean", "ray", "sol", "patience", "honor",
    "honour", "angel", "star", "robin", "wren", "jay", "gene", "norm", "bob", "don", "ken", "nick",
    "max", "ash", "clay", "glen", "dale", "lane", "rowan", "sage", "willow",
];

/// Ordinary words of case records that the general dictionary lacks.
const RECORD_WORDS: &[&str] = &[
    // "I'm fine": the first person's contractions, which the word lists
    // hold only with the capital.
    "i'm",
    "i've",
    "i'd",
    "i'll",
    "referral",
    "referrals",
    "referrer",
    "caseload",
    "caseloads",
    "multiagency",
    "multi-agency",
    "babysitter",
    "paediatric",
    "paediatrics",
    "antenatal",
    "postnatal",
    "perinatal",
    "midwifery",
    "methadone",
    "cannabis",
    "stepfather",
    "stepmother",
    "stepdad",
    "stepmum",
    "nan",
    "grandad",
    "lockdown",
    "handover",
    "handovers",
    "childminder",
    "childminders",
    "childminding",
    "carer",
    "carers",
    "carer's",
    "carers'",
    "caseworker",
    "caseworkers",
    "keyworkers",
    "keyworking",
    "headteacher",
    "headteachers",
    "headteacher's",
    "breathalyser",
    "breathalysers",
    "breathalysed",
    "reoffending",
    "reoffend",
    "centile",
    "centiles",
    "foodbank",
    "foodbanks",
    "pushchair",
    "haematoma",
    "haematomas",
    "dietitian",
    "dietician",
    "neurodiverse",
    "neurodivergent",
    "neurodevelopmental",
    "misuse",
    "cyberbullying",
    "sexting",
    "vaping",
    "vape",
    "vapes",
    "nappies",
    "nappy",
    "paediatrician",
    "paediatricians",
    "orthodontist",
    "safeguarded",
    "detox",
    "rehab",
    "homeschooling",
    "aftercare",
    "keyworker",
    "walkthrough",
    "guardianship",
    "attendee",
    "attendees",
    "invitee",
    "invitees",
    "demo",
    "demos",
    "demoed",
    "debrief",
    "debriefed",
    "signposted",
    "signposting",
    "covid",
    "pandemic",
    "unannounced",
    "texted",
    "reassessment",
    "wellbeing",
    "safeguarding",
    "practitioners",
    "toddler",
    "toddlers",
    "nursery",
    "dob",
    "dod",
    "re",
    "aka",
    "nfa",
    "asap",
    "mum",
    "mums",
    "dad",
    "dads",
    "ok",
    "okay",
    "via",
    "etc",
    "eg",
    "ie",
    "codeword",
    "safeword",
    "passcode",
    "gamertag",
    "gamertags",
    "username",
    "usernames",
];

/// True when a lower-case word is an ordinary English word.
pub fn is_word(lower: &str) -> bool {
    WORDS_AND_NAME_WORDS.contains(lower)
}

/// The larger British word list (SCOWL size 50).
static LARGER: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../../templates/anonymise/gazetteers/english-words.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
});

/// True when a lower-case word is itself in the larger British word list
/// (see [`in_larger_dictionary`]), not only as an inflection.
pub fn in_larger_dictionary_as_written(lower: &str) -> bool {
    LARGER.contains(lower)
}

/// True when a lower-case word is in the larger British word list (SCOWL
/// size 50, `templates/anonymise/gazetteers/english-words.txt`): rarer
/// words ("developmental", "psychosocial") that the dictionary lacks. It
/// decides only a capitalised word at a sentence's start, where a name
/// has no capital to give it away.
pub fn in_larger_dictionary(lower: &str) -> bool {
    // The list has few inflections: "attendees" is read as "attendee".
    LARGER.contains(lower)
        || ["s", "es", "ed", "d", "ing"].iter().any(|suffix| {
            lower
                .strip_suffix(suffix)
                .is_some_and(|stem| stem.len() >= 4 && LARGER.contains(stem))
        })
}

/// True when a lower-case word is in the dictionary proper (not only a
/// name that is also a word).
pub fn in_dictionary(lower: &str) -> bool {
    DICTIONARY.contains(lower)
}

/// Honorifics that are written with a dot ("Dr. Rose"): a dot after them
/// does not end a sentence.
const DOTTED_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "rev", "revd", "st", "sgt", "insp", "det", "cllr", "sr",
    "fr",
];

/// True when a dot after this word is an abbreviation's, not a full stop.
pub fn is_dotted_title(word: &str) -> bool {
    DOTTED_TITLES.iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// Titles and role prefixes written before a surname ("Mr Kilbride",
/// "DC Quinn", "HV Marsh"), lower case, without the dot.
pub const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "master",
    "dr",
    "doctor",
    "prof",
    "professor",
    "rev",
    "revd",
    "fr",
    "sr",
    "sir",
    "dame",
    "lady",
    "lord",
    "pc",
    "wpc",
    "pcso",
    "dc",
    "ds",
    "di",
    "dci",
    "dsi",
    "dsu",
    "det",
    "sgt",
    "sergeant",
    "insp",
    "inspector",
    "constable",
    "cllr",
    "councillor",
    "nurse",
    "volunteer",
    // Homes for Ukraine and supported lodgings: "Host Gill", "Sponsor Ade".
    "host",
    "sponsor",
    "sister",
    "matron",
    "judge",
    "hhj",
    "sw",
    "hv",
    "tm",
    "fsw",
    "dsl",
    "mw",
    "gp",
    "cpn",
    "iro",
    "senco",
    "midwife",
    "pp",
    "po",
    "pso",
    "idva",
    "isva",
    "tso",
    "emt",
    "paramedic",
    "cro",
    "parch",
    "parchedig",
    "pastor",
    "imam",
    "rabbi",
    // Titles of churches and mosques: "Sis Testimony", "Bro Gift",
    // "Maulana Hafeez" ("Bishop", "Deacon" and "Elder" are surnames too:
    // "Helen Bishop").
    "sis",
    "bro",
    "brother",
    "deaconess",
    "evangelist",
    "apostle",
    "prophetess",
    "maulana",
    "sheikh",
    "shaykh",
    "ustadh",
    // Orthodox Jewish titles: "Reb Shmuel", "Rav Gutfreund", "the Rov",
    // "Rebbetzin Halpern", "Morah Chani".
    "reb",
    "rav",
    "rov",
    "rebbe",
    "rebbetzin",
    "morah",
    "moreh",
];

/// True when a title names a role ("Nurse", "HV", "GP", "Midwife"), not an
/// honorific or a police rank: the word after it may be an ordinary word
/// ("Named Nurse Safeguarding", "HV Team").
pub fn is_role_title(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.').to_lowercase().as_str(),
        "nurse"
            | "sister"
            | "sr"
            | "matron"
            | "sw"
            | "hv"
            | "tm"
            | "fsw"
            | "dsl"
            | "mw"
            | "gp"
            | "cpn"
            | "iro"
            | "senco"
            | "midwife"
            | "pp"
            | "po"
            | "pso"
            | "idva"
            | "isva"
            | "tso"
            | "emt"
            | "paramedic"
            | "cro"
            | "volunteer"
            | "host"
            | "sponsor"
    )
}

/// True when a word (any case, with or without a trailing dot) is a title.
pub fn is_title(word: &str) -> bool {
    static TITLE_SET: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| TITLES.iter().copied().collect());
    let word = word.trim_end_matches('.');
    // The titles are in lower-case ASCII: a word is lower-cased on the
    // stack and looked up once, not compared with each title.
    let mut lower = [0u8; 12];
    if word.is_empty() || word.len() > lower.len() || !word.is_ascii() {
        return false;
    }
    let lower = &mut lower[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|lower| TITLE_SET.contains(lower))
}

/// Kinship and generic words that are never name parts on their own, even
/// when they appear in an alias such as "Nana Pauline".
const NOT_NAME_PARTS: &[&str] = &[
    "nan",
    "nana",
    "nanna",
    "nanny",
    "gran",
    "granny",
    "grandma",
    "grandmother",
    "grandad",
    "granddad",
    "grandpa",
    "grandfather",
    "mum",
    "mummy",
    "mom",
    "mother",
    "dad",
    "daddy",
    "father",
    "auntie",
    "aunty",
    "aunt",
    "uncle",
    "baby",
    "child",
    "sister",
    "brother",
    "cousin",
    "step",
    "half",
    "partner",
    "boyfriend",
    "girlfriend",
    "the",
    "and",
    "of",
    "de",
    "la",
    "le",
    "van",
    "von",
    "der",
    "den",
    "du",
    "da",
    "di",
    "del",
    "junior",
    "senior",
    "jr",
    "sr",
];

/// Particles that begin a surname and are no name by themselves: Irish
/// "Ní Dhomhnaill", "Mac", "Ó"; Welsh "ap Rhys"; Arabic "bin", "Al";
/// Dutch and German "van der", "von"; Romance "de la", "dos", "do";
/// Filipino "dela", "delos".
/// Lower case, without diacritics.
pub const SURNAME_PARTICLES: &[&str] = &[
    "ni", "nic", "mac", "mhic", "o", "ua", "ui", "bean", "ap", "ab", "ferch", "verch", "van",
    "von", "der", "den", "ter", "de", "da", "di", "del", "della", "du", "le", "la", "dos", "das",
    "do", "dela", "delos", "bin", "binti", "bint", "ibn", "al", "el", "ben", "abu",
];

/// True when a word of a name is a surname particle ("Ní", "ap", "bin"),
/// in any case, with or without diacritics.
pub fn is_surname_particle(word: &str) -> bool {
    let folded = super::folding::fold(word).to_lowercase();
    SURNAME_PARTICLES.contains(&folded.as_str())
}

/// True when a lower-case token must not be matched as a name by itself.
pub fn is_not_a_name_part(lower: &str) -> bool {
    NOT_NAME_PARTS.contains(&lower) || is_title(lower)
}

/// Names that are also modal verbs: "Will visit", "May need".
pub const MODALS: &[&str] = &["will", "may", "can", "must", "shall", "might"];

/// Names that are also months.
pub const MONTH_NAMES: &[&str] = &["may", "june", "april", "august", "january"];

/// Names that are also seasons.
pub const SEASONS: &[&str] = &["summer", "autumn", "winter", "spring"];

/// Words that follow a season used as a season: "Summer term", "Summer 2021".
pub const AFTER_SEASON: &[&str] = &[
    "term",
    "terms",
    "holiday",
    "holidays",
    "half",
    "half-term",
    "months",
    "period",
    "break",
    "school",
    "time",
    "of",
    "fair",
    "camp",
    "club",
    "scheme",
    "programme",
    "season",
];

/// Words before a month or season used as a date: "in May", "during the Summer".
pub const BEFORE_DATE: &[&str] = &[
    "in",
    "on",
    "of",
    "since",
    "during",
    "until",
    "till",
    "by",
    "from",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "end",
    "beginning",
    "start",
    "to",
    "between",
    "before",
    "after",
    "the",
    "over",
    "through",
    "throughout",
    "each",
    "every",
    "that",
    "whole",
];

/// Verbs that, after a name at the start of a sentence, make it a person:
/// "Rose said", "Grace disclosed".
pub const STRONG_NAME_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "stated",
    "states",
    "disclosed",
    "discloses",
    "reported",
    "reports",
    "explained",
    "explains",
    "asked",
    "asks",
    "agreed",
    "agrees",
    "refused",
    "refuses",
    "denied",
    "denies",
    "admitted",
    "admits",
    "attended",
    "attends",
    "arrived",
    "arrives",
    "cried",
    "cries",
    "smiled",
    "smiles",
    "laughed",
    "laughs",
    "spoke",
    "speaks",
    "lives",
    "lived",
    "stayed",
    "stays",
    "wanted",
    "wants",
    "who",
    "herself",
    "himself",
    "answered",
    "replied",
    "replies",
    "shouted",
    "screamed",
    "slept",
    "ate",
    "played",
    "plays",
    "walked",
    "ran",
    "hit",
    "kicked",
    "phoned",
    "rang",
    "texted",
    "emailed",
    "called",
    "confirmed",
    "confirms",
    "declined",
    "declines",
    "missed",
    "misses",
    "presented",
    "presents",
    "returned",
    "returns",
    "visited",
    "visits",
    "seemed",
    "seems",
    "looked",
    "looks",
    "appeared",
    "appears",
    "aged",
    "dob",
];

/// Words after a name at the start of a sentence that fit a person and a
/// thing alike: "Mark was…", "Hope is…".
pub const WEAK_NAME_VERBS: &[&str] = &[
    "is",
    "was",
    "has",
    "had",
    "did",
    "does",
    "and",
    "went",
    "came",
    "left",
    "remains",
    "remained",
    "continues",
    "continued",
    "became",
    "becomes",
    "got",
    "gets",
    "made",
    "makes",
];

/// Words after a modal at the start of a sentence that make it the verb:
/// "Will visit", "May need", "Will not".
pub const AFTER_MODAL: &[&str] = &[
    "be",
    "have",
    "need",
    "visit",
    "call",
    "phone",
    "ring",
    "see",
    "arrange",
    "review",
    "discuss",
    "update",
    "follow",
    "refer",
    "contact",
    "complete",
    "attend",
    "liaise",
    "ask",
    "speak",
    "check",
    "continue",
    "send",
    "book",
    "write",
    "meet",
    "do",
    "go",
    "try",
    "look",
    "monitor",
    "support",
    "undertake",
    "chase",
    "consider",
    "make",
    "take",
    "seek",
    "provide",
    "share",
    "inform",
    "remain",
    "also",
    "not",
    "now",
    "then",
    "still",
    "likely",
    "require",
    "request",
    "escalate",
    "convene",
    "hold",
    "offer",
    "plan",
    "explore",
    "assess",
    "work",
    "return",
    "email",
    "text",
    "telephone",
    "revisit",
    "recontact",
    "aim",
    "again",
    "continue",
    "ensure",
    "agree",
    "keep",
    "let",
    "get",
    "give",
    "help",
    "bring",
    "come",
    "stay",
    "start",
    "stop",
    "re-refer",
    "re-visit",
    "only",
    "need",
    "well",
    "possibly",
    "probably",
    "be",
];

/// Role and service acronyms of case records: never initials by themselves
/// in the residual scan, and reported as a possible clash when a person's
/// initials are the same.
pub const ACRONYMS: &[&str] = &[
    "SW", "HV", "GP", "DSL", "PC", "DC", "DS", "DI", "ED", "AE", "CP", "CIN", "CSC", "CAMHS",
    "MASH", "LA", "NHS", "IRO", "FSW", "TM", "MW", "CPN", "PCSO", "ICPC", "RCPC", "CPC", "LADO",
    "LSCP", "SCR", "CSPR", "LCSPR", "UK", "OK", "TV", "AM", "PM", "ASYE", "EHA", "EHCP", "SEN",
    "SENCO", "SENDCO", "DBS", "MARAC", "MAPPA", "IDVA", "DASH", "DV", "DA", "CSE", "CCE", "FGM",
    "PLO", "ICO", "ABE", "CPS", "CID", "PPU", "CAD", "MRN", "NI", "NFA", "SGO", "LAC", "CLA",
    "CME", "EHE", "SCIE", "NSPCC", "KPE", "KPEs", "CLD", "ID", "IT", "HR", "PE", "RE", "OT",
    "SALT", "PICU", "NICU", "SCBU", "MARF", "TAF", "TAC", "CAF", "FGC", "DNA", "WNB", "A&E",
    "ASAP", "ETA", "FYI", "N/A", "NB", "PS", "RIP", "CEO", "MP", "JP", "MH", "AMHS", "IAPT", "DWP",
    "ESA", "PIP", "UC", "DLA", "EYFS", "PEP", "IHA", "RHA", "LAC", "PDF", "CSV", "SCR", "ADHD",
    "ASD", "ASC", "PTSD", "BMI", "GCSE", "YOT", "YJS", "EHCNA", "CPR", "PPE", "COVID", "DOB",
    "DOD", "NHS", "PVP", "RAG", "ASQ", "HMO", "CCTV", "ICT", "MP", "QC", "KC", "PHQ", "WTE",
    "DVPN", "DVPO", "FIFA", "LOC", "URTI", "UTI", "GCS", "EDT", "CSC", "MASH", "CAMHS", "ADHD",
    "SCR", "CCG", "ICB", "A&E", "BBC", "DfE", "LGA", "UNICEF", "GDPR", "HCP", "CIN", "CPP",
];

/// True when an all-capitals token is a known acronym.
pub fn is_acronym(token: &str) -> bool {
    static ACRONYM_SET: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| ACRONYMS.iter().copied().collect());
    ACRONYM_SET.contains(token) || super::lists::field_lists().is_abbreviation(token)
}

/// Capitalised words of case records that are not in the lower-case
/// dictionary but are not names either (months and weekdays are
/// [`crate::model::is_calendar_word`]).
pub const VOCABULARY: &[&str] = &[
    "UK",
    // A generation after a name ("Jory Trewin Snr", "Dad Jnr").
    "Snr",
    "Jnr",
    "Jr",
    "Christmas",
    "Easter",
    "Ofsted",
    "Munro",
    "Covid",
    "Child",
    "Children's",
    "Children’s",
    "Mother's",
    "Mother’s",
    "Father's",
    "Father’s",
    "Subutex",
    "Methadone",
    "Calpol",
    "Ibuprofen",
    "Paracetamol",
    "Section",
    "Trust",
    "Council",
    "Hospital",
    "Services",
    "Police",
    "Constable",
    "Sergeant",
    "Inspector",
    "Detective",
    "Doctor",
    "Nurse",
    "Midwife",
    "Visitor",
    "Worker",
    "Manager",
    "Team",
    "Practice",
    "Review",
    "Episode",
    "Finding",
    "Appendix",
    "Factor",
    "Address",
    "Place",
    "Agency",
    "Sibling",
    "Partner",
    "Grandmother",
    "Grandfather",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Miss",
    "Mx",
    "Nan",
    "Mum",
    "Dad",
    "Wi-Fi",
    "Ltd",
    "Plc",
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thur",
    "Thurs",
    "Fri",
    "Sat",
    "Sun",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Voicemail",
    "Op",
    "Hx",
    "Dx",
    "Rx",
    "Tx",
    "Sx",
    "Fx",
    "Ix",
    "Px",
    "Ops",
    "Susp",
    "Occ",
    "Ref",
    "Refs",
    "Hosp",
    "Approx",
    "Appt",
    "Appts",
    "Makaton",
    "Sertraline",
    "Keyworking",
    "Headteacher",
    "Headteachers",
];

/// True when a capitalised word is common vocabulary rather than a name:
/// the record's own words above, calendar words, and the public names of
/// `templates/anonymise/public-names.txt` ("Poland", "Greggs").
pub fn is_vocabulary(word: &str) -> bool {
    static VOCABULARY_SET: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| VOCABULARY.iter().copied().collect());
    VOCABULARY_SET.contains(word)
        || crate::model::is_calendar_word(word)
        || super::lists::field_lists().is_public_name(word)
        || is_discipline(word)
}

/// True when a word in no list is an acronym by its shape, not a name:
/// three capitals or more with no vowel ("NRCPD", "NDCS"), or two
/// capitals, a small letter and another capital ("QToD", "BScN"). Names
/// with a capital inside start with one ("McDonald", "MacLeod",
/// "DeShawn", "LaToya"). Not [`is_acronym`], which also says which
/// initials are never an organisation's: an agency's own initials may have
/// no vowel ("NCS").
pub fn reads_as_an_acronym(word: &str) -> bool {
    let b = word.as_bytes();
    let no_vowel_capitals = b.len() >= 3
        && b.iter().all(u8::is_ascii_uppercase)
        && !b.iter().any(|c| b"AEIOUY".contains(c));
    let inner_capital = b.len() >= 3
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_uppercase()
        && b.iter().all(u8::is_ascii_alphabetic)
        && b[2..]
            .iter()
            .position(u8::is_ascii_lowercase)
            .is_some_and(|at| b[2 + at..].iter().any(u8::is_ascii_uppercase));
    no_vowel_capitals || inner_capital
}

/// True when a word names a clinical or scientific discipline by its
/// ending ("Audiology", "Paediatrics", "Orthopaedics", "Radiography",
/// "Physiotherapy", "Optometry"): a department or a service, in no
/// dictionary of ordinary words but no one's name.
pub fn is_discipline(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ology",
        "ologies",
        "iatry",
        "iatrics",
        "paedics",
        "pedics",
        "graphy",
        "therapy",
        "therapies",
        "metry",
    ];
    word.len() >= 7
        && word.is_ascii()
        && word.bytes().skip(1).all(|b| b.is_ascii_lowercase())
        && ENDINGS.iter().any(|end| word.ends_with(end))
}

/// True when a lower-case word counts time ("days", "hrs", "am").
pub fn is_unit_of_time(lower: &str) -> bool {
    [
        "second", "seconds", "secs", "minute", "minutes", "mins", "min", "hour", "hours", "hrs",
        "hr", "day", "days", "week", "weeks", "wks", "month", "months", "year", "years", "yrs",
        "times", "am", "pm",
    ]
    .contains(&lower)
}

/// True when a small word joins the words of a street's name after its
/// first: Welsh "y", "yr", "'r"; French "de", "du", "des", "la", "le",
/// "les" ("Heol y Bryn", "Clos de Trèfle", "Rue des Prés").
pub fn is_street_particle(word: &str) -> bool {
    matches!(
        word,
        "y" | "yr" | "'r" | "a'r" | "de" | "du" | "des" | "la" | "le" | "les" | "d'" | "l'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_by_shape_and_disciplines_are_no_names() {
        for term in ["QToD", "BScN", "NRCPD", "NDCS", "BSL"] {
            assert!(reads_as_an_acronym(term), "{term}");
        }
        for name in [
            "McDonald",
            "MacLeod",
            "DeShawn",
            "LaToya",
            "Kinvig",
            "MOYO",
            "CNC's",
            "Mary",
            "ClearSpeak",
        ] {
            assert!(!reads_as_an_acronym(name), "{name}");
        }
        for discipline in ["Audiology", "Paediatrics", "Orthopaedics", "Physiotherapy"] {
            assert!(is_discipline(discipline), "{discipline}");
        }
        for name in ["Raman", "Cregeen", "Harding", "AUDIOLOGY"] {
            assert!(!is_discipline(name), "{name}");
        }
    }

    #[test]
    fn the_dictionary_knows_ordinary_words_and_not_rarer_names() {
        for word in ["rose", "will", "kettle", "price", "concerns", "visit"] {
            assert!(is_word(word), "{word}");
        }
        for name in ["chantelle", "kilbride", "adeyemi", "zoë", "łukasz"] {
            assert!(!is_word(name), "{name}");
        }
    }

    #[test]
    fn titles_are_known_with_and_without_a_dot() {
        for title in ["Mr", "mrs.", "DC", "Dr.", "HV"] {
            assert!(is_title(title), "{title}");
        }
        assert!(!is_title("Rose"));
        assert!(!is_title("") && !is_title(".") && !is_title("Mŕ"));
        // Every title is looked up in lower-case ASCII, as written there.
        for title in TITLES {
            assert!(
                title.len() <= 12 && title.is_ascii() && *title == title.to_lowercase(),
                "{title}"
            );
            assert!(is_title(&title.to_uppercase()), "{title}");
        }
    }
}
