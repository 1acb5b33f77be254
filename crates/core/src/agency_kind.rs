//! What kind of agency a name says it is: its kind ("Anvil Vale Police"
//! is police), whether the name is only a type of agency ("GP",
//! "Probation", "Pharmacy"), which identifies nobody, and the generic name
//! an agency of its kind is published under. Shared by the import, which
//! names the agencies it adds, and the anonymiser, which never replaces a
//! type.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::model::AgencyKind;

/// The built-in list of national bodies; a `national-bodies.txt` in a
/// templates folder's `anonymise/` adds to it.
pub(crate) const BUILT_IN_NATIONAL_BODIES: &str =
    include_str!("../../../templates/anonymise/national-bodies.txt");

/// A national body's name as looked up: lower case, curly apostrophes
/// straight, words separated by one space.
fn national_body_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('’', "'")
}

/// The names of a national bodies list, as looked up.
fn national_bodies_of(list: &str) -> impl Iterator<Item = String> + '_ {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(national_body_key)
}

/// The national bodies' names, built-in and the user's, as looked up.
static NATIONAL_BODIES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut bodies: HashSet<String> = national_bodies_of(BUILT_IN_NATIONAL_BODIES).collect();
    for folder in crate::taxonomy::template_folders() {
        let path = folder.join("anonymise").join("national-bodies.txt");
        if let Ok(list) = std::fs::read_to_string(path) {
            bodies.extend(national_bodies_of(&list));
        }
    }
    bodies
});

/// The most words any national body's name has.
static LONGEST_NATIONAL_BODY: LazyLock<usize> = LazyLock::new(|| {
    NATIONAL_BODIES
        .iter()
        .map(|b| b.split(' ').count())
        .max()
        .unwrap_or(0)
});

/// True when an agency's name is that of a body serving a whole nation
/// ("Police Scotland", "SCRA", "Women's Aid"), in any case and spacing:
/// it identifies no family, no town and no one.
pub fn is_national_body(name: &str) -> bool {
    NATIONAL_BODIES.contains(&national_body_key(name))
}

/// The words of a role or description, lower case, for keyword matching.
pub(crate) fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '&')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

pub(crate) fn has_any(words: &[String], lower: &str, keys: &[&str]) -> bool {
    keys.iter().any(|k| {
        if k.contains(' ') || k.contains('-') {
            contains_words(lower, k)
        } else {
            words.iter().any(|w| w == k)
        }
    })
}

/// True when `key` occurs in `lower` with no letter or digit joined to
/// either end: "mental health" is in "adult mental health" but not in
/// "environmental health".
fn contains_words(lower: &str, key: &str) -> bool {
    let alphanumeric = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    lower.match_indices(key).any(|(at, _)| {
        !alphanumeric(lower[..at].chars().next_back())
            && !alphanumeric(lower[at + key.len()..].chars().next())
    })
}

/// Names of services that hold the word of another kind ("Education
/// Welfare Service" is no school, "Citizens Advice" no social care): they
/// are read as services of their own (see [`SERVICES`]).
const OWN_SERVICES: &[&str] = &[
    "education welfare",
    "environmental health",
    "citizens advice",
    "migrant help",
    "asylum support",
    "illegal money lending",
];

/// The kind of an agency read from its name or description.
pub fn agency_kind_from_text(text: &str) -> AgencyKind {
    let lower = text.to_lowercase();
    let w = words(text);
    if OWN_SERVICES.iter().any(|s| contains_words(&lower, s)) {
        return AgencyKind::Other;
    }
    let table: &[(AgencyKind, &[&str])] = &[
        (AgencyKind::Camhs, &["camhs", "child and adolescent mental"]),
        // Before children's social care, whose "social care" it contains.
        (
            AgencyKind::AdultSocialCare,
            &[
                "adult social care",
                "adults social care",
                "adults' social care",
                "adult services",
                "adult social services",
                "asc",
            ],
        ),
        (
            AgencyKind::YouthJustice,
            &["youth justice", "youth offending", "yot", "yjs"],
        ),
        (
            AgencyKind::Ambulance,
            &["ambulance", "paramedic", "paramedics"],
        ),
        (
            AgencyKind::Dental,
            &["dental", "dentist", "dentists", "orthodontic"],
        ),
        (
            AgencyKind::EarlyYears,
            &[
                "nursery",
                "early years",
                "preschool",
                "pre-school",
                "childminder",
            ],
        ),
        (
            AgencyKind::Education,
            &[
                "school",
                "academy",
                "education",
                "college",
                "pru",
                "pupil referral",
                "alternative provision",
            ],
        ),
        (
            AgencyKind::ChildrensSocialCare,
            &[
                "children's services",
                "childrens services",
                "children's social care",
                "social care",
                "social services",
                "csc",
                "mash",
                "early help",
                "edt",
                "disability team",
                "children's disability",
                "disabled children",
            ],
        ),
        (AgencyKind::Police, &["police", "constabulary"]),
        (
            AgencyKind::HealthVisiting,
            &[
                "health visiting",
                "health visitor",
                "hv",
                "0-19",
                "0–19",
                "public health nursing",
            ],
        ),
        (
            AgencyKind::Midwifery,
            &["midwifery", "midwife", "maternity"],
        ),
        (
            AgencyKind::GeneralPractice,
            &[
                "gp",
                "surgery",
                "medical practice",
                "general practice",
                "medical centre",
                "health centre",
                "medical group",
            ],
        ),
        (
            AgencyKind::AdultMentalHealth,
            &[
                "mental health",
                "cmht",
                "iapt",
                "talking therapies",
                "psychological",
            ],
        ),
        (
            AgencyKind::Hospital,
            &[
                "hospital",
                "a&e",
                "emergency department",
                "foundation trust",
                "infirmary",
                "ed",
            ],
        ),
        (
            AgencyKind::SubstanceMisuse,
            &["drug", "alcohol", "recovery", "substance", "addiction"],
        ),
        (AgencyKind::Probation, &["probation"]),
        (
            AgencyKind::Housing,
            &["housing", "homes", "tenancy", "lettings"],
        ),
        (
            AgencyKind::DomesticAbuse,
            &[
                "domestic abuse",
                "domestic violence",
                "idva",
                "idvas",
                "women's aid",
                "refuge",
                "da service",
                "women's service",
                "women's centre",
            ],
        ),
        (
            AgencyKind::Voluntary,
            &["charity", "voluntary", "nspcc", "barnardo's"],
        ),
        (
            AgencyKind::Religious,
            &[
                "mosque",
                "masjid",
                "church",
                "chapel",
                "parish",
                "mission",
                "temple",
                "gurdwara",
                "mandir",
                "synagogue",
                "madrasa",
                "madrassa",
                "faith",
            ],
        ),
    ];
    table
        .iter()
        .find(|(_, keys)| has_any(&w, &lower, keys))
        .map_or(AgencyKind::Other, |(kind, _)| *kind)
}

/// True when an agency's name is only a type of agency ("GP",
/// "Probation", "Midwifery", "Housing", "Children's social care", "GP
/// practice"), as agencies write in a chronology's agency column: such a
/// name identifies nobody. "Kestrel Homes" or "Northshire Constabulary"
/// is a real name.
pub fn is_agency_type(name: &str) -> bool {
    /// Types of agency, lower case, as chronologies write them.
    const TYPES: &[&str] = &[
        "children's social care",
        "childrens social care",
        "resettlement",
        "resettlement team",
        "food bank",
        "foodbank",
        "children's services",
        "childrens services",
        "social care",
        "social services",
        "social work",
        "csc",
        "early help",
        "police",
        "health visiting",
        "health visitor",
        "health visitors",
        "0-19",
        "0–19",
        "public health nursing",
        "midwifery",
        "midwife",
        "midwives",
        "maternity",
        "community midwifery",
        "gp",
        "general practice",
        "gp surgery",
        "surgery",
        "primary care",
        "hospital",
        "a&e",
        "emergency department",
        "ed",
        "paediatrics",
        "camhs",
        "mental health",
        "adult mental health",
        "talking therapies",
        "iapt",
        "drug and alcohol",
        "substance misuse",
        "probation",
        "youth justice",
        "youth offending",
        "housing",
        "education",
        "school",
        "schools",
        "nursery",
        "early years",
        "voluntary sector",
        "voluntary",
        "ambulance",
        "fire and rescue",
        "dwp",
        "job centre",
        "jobcentre",
        "school nursing",
        "adult social care",
        "domestic abuse service",
        "idva",
        "marac",
        "mash",
        // Further types chronologies name their sources by.
        "health",
        "community health",
        "nhs",
        "nhs trust",
        "health trust",
        "acute trust",
        "children's centre",
        "childrens centre",
        "family hub",
        "family support",
        "education welfare",
        "school nurse",
        "dentist",
        "dental",
        "community dental service",
        "safeguarding",
        "safeguarding team",
        "edt",
        "emergency duty team",
        "out of hours",
        "nhs 111",
        "111",
        "urgent care",
        "walk-in centre",
        "minor injuries",
        "sexual health",
        "community paediatrics",
        "lado",
        "cafcass",
        "fostering",
        "leaving care",
        "local authority",
        "council",
        "housing association",
        "landlord",
        "refuge",
        "domestic abuse",
        "recovery service",
        "youth service",
        "virtual school",
        "prison",
        "hmpps",
        "yot",
        "yjs",
        "cps",
        "family court",
        "court",
        "home office",
        "interpreting service",
        "adult services",
        "adult health",
        "cmht",
        "community mental health",
        "mental health liaison",
        "housing options",
        "drug",
        "drugs",
        "drug & alcohol",
        "alcohol",
        "community dental",
        "community midwives",
        "community midwife",
        "primary school",
        "secondary school",
        "nursery school",
        "ambulance service",
        "mosque",
        "church",
        "faith group",
        "gp practice",
        "hv",
        "hvs",
        "ews",
        "esol",
        "coastguard",
        "hm coastguard",
        "rnli",
        "lifeboat",
        "lifeboat station",
        // Services with no kind of their own (see `import::agencies`).
        "pharmacy",
        "chemist",
        "interpreting",
        "interpreters",
        "translation",
        "carers",
        "carers'",
        "young carers",
        "short breaks",
        "respite",
        "salt",
        "speech and language therapy",
        "occupational therapy",
        "physiotherapy",
        "physio",
        "therapy",
        "therapies",
        "children's therapies",
        "wheelchair",
        "ot",
        "community nursing",
        "continuing care",
        "neurology",
        "paediatric",
        "youth club",
        "fire",
        "fire service",
        "da",
        "disability",
        "children's disability",
        "disabled children's",
        "pru",
        "pupil referral unit",
        "alternative provision",
        // Teams and services of the four nations, named by what they do.
        "community justice",
        "criminal justice social work",
        "justice social work",
        "cjsw",
        "standby social work",
        "out of hours social work",
        "duty",
        "social work services",
        "sws",
        "pupil support",
        "guidance",
        "children's ward",
        "childrens ward",
        "paediatric ward",
        "ward",
        "gateway",
        "family intervention",
        "named person",
        "concern hub",
        "central referral",
        "public protection",
        "ppu",
        "cid",
        "custody",
        "recovery",
        "alcohol and drug recovery",
        "adrs",
        "careers",
        "social security",
        "benefits",
        "universal credit",
        "jobs & benefits office",
        "jobs and benefits office",
        "parish",
        "interpreter",
        "exploitation",
        "private fostering",
        "missing persons",
        "safeguarding adolescents",
        "headteacher",
        "head of centre",
    ];
    /// Words that name nothing more than the type ("Probation service").
    const TAILS: &[&str] = &[
        "service",
        "services",
        "team",
        "teams",
        "department",
        "dept",
        "provider",
        "practice",
        "unit",
        "records",
        "record",
        "agency",
    ];
    let is_type = |name: &str| {
        let lower = name.trim().to_lowercase();
        let mut words: Vec<&str> = lower.split_whitespace().collect();
        // A type may itself end in a tail word ("Emergency department"):
        // the name is a type when it is one with any of its tail words
        // dropped.
        loop {
            if !words.is_empty() && TYPES.contains(&words.join(" ").as_str()) {
                return true;
            }
            if words.len() > 1 && words.last().is_some_and(|w| TAILS.contains(w)) {
                words.pop();
            } else {
                break;
            }
        }
        !words.is_empty()
            && generic_agency_name(agency_kind_from_text(name))
                .is_some_and(|g| g.eq_ignore_ascii_case(name.trim()))
    };
    let national = is_national_body;
    if is_type(name) || national(name) {
        return true;
    }
    // "Police Scotland (DATF)": the same without its bracket.
    if let Some((head, inside)) = name
        .trim_end()
        .strip_suffix(')')
        .and_then(|n| n.split_once(" ("))
        && !inside.contains(['(', ')'])
        && (is_agency_type(&format!("{head} {inside}"))
            || is_agency_type(&format!("{head} / {inside}")))
    {
        return true;
    }
    // "SWS - Duty", "Police Scotland DATF / CID": every part, between
    // dashes or slashes, a type or a national body.
    let parts: Vec<&str> = name
        .split(" - ")
        .flat_map(|p| p.split(" – "))
        .flat_map(|p| p.split(" / "))
        .map(str::trim)
        .collect();
    if parts.len() > 1
        && parts
            .iter()
            .all(|p| !p.is_empty() && (is_type(p) || national(p)))
    {
        return true;
    }
    // "Police Scotland DATF", "PSNI Public Protection Branch": a national
    // body, then a team of it named by its type or an abbreviation.
    // Cut only where a national body's name can end: a long name is not
    // cut at every word (which takes time growing with the square of its
    // length).
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..words.len().min(*LONGEST_NATIONAL_BODY + 1)).any(|cut| {
        national(&words[..cut].join(" "))
            && (is_type(&words[cut..].join(" "))
                || words[cut..].iter().all(|w| {
                    // An abbreviation's shape: two to six capitals.
                    (2..=6).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
                        || TAILS.contains(&w.to_lowercase().as_str())
                }))
    })
}

/// The generic name an agency of this kind has in exports; `None` for
/// [`AgencyKind::Other`], which is numbered instead.
pub fn generic_agency_name(kind: AgencyKind) -> Option<&'static str> {
    Some(match kind {
        AgencyKind::ChildrensSocialCare => "Children's social care",
        AgencyKind::Police => "Police",
        AgencyKind::HealthVisiting => "Health visiting service",
        AgencyKind::Midwifery => "Midwifery service",
        AgencyKind::GeneralPractice => "GP practice",
        AgencyKind::Hospital => "Hospital trust",
        AgencyKind::Camhs => "CAMHS",
        AgencyKind::AdultMentalHealth => "Adult mental health service",
        AgencyKind::SubstanceMisuse => "Adult drug and alcohol service",
        AgencyKind::Education => "School",
        AgencyKind::EarlyYears => "Nursery",
        AgencyKind::Probation => "Probation service",
        AgencyKind::Housing => "Housing provider",
        AgencyKind::Voluntary => "Voluntary sector organisation",
        AgencyKind::AdultSocialCare => "Adult social care",
        AgencyKind::Ambulance => "Ambulance service",
        AgencyKind::YouthJustice => "Youth justice service",
        AgencyKind::Dental => "Dental service",
        AgencyKind::DomesticAbuse => "Domestic abuse service",
        // Not "Faith group": Faith is a given name.
        AgencyKind::Religious => "Religious organisation",
        AgencyKind::Other => return None,
    })
}

/// Services with no kind of their own, by the words that name them, and
/// the generic name each is published under.
const SERVICES: &[(&[&str], &str)] = &[
    (
        &["pharmacy", "chemist", "chemists", "pharmacist"],
        "Pharmacy",
    ),
    (
        &["interpreting", "interpreter", "interpreters", "translation"],
        "Interpreting service",
    ),
    (
        &["carers", "carers'", "carer's", "young carers"],
        "Carers' service",
    ),
    (
        &["short breaks", "short break", "respite"],
        "Short breaks service",
    ),
    (
        &[
            "salt",
            "speech and language",
            "speech & language",
            "occupational therapy",
            "physiotherapy",
            "physio",
            "therapies",
            "therapy",
            "wheelchair",
            "ot",
        ],
        "Therapy service",
    ),
    (
        &[
            "community paediatrics",
            "community health",
            "continuing care",
            "community nursing",
            "school nursing",
            "school nurse",
        ],
        "Community health service",
    ),
    (
        &["paediatrics", "paediatric", "neurology", "neurologist"],
        "Paediatric service",
    ),
    (&["sexual health", "gum"], "Sexual health service"),
    (
        &["resettlement", "refugee resettlement"],
        "Resettlement service",
    ),
    (&["food bank", "foodbank"], "Food bank"),
    (
        &["youth service", "youth club", "youth work"],
        "Youth service",
    ),
    (
        &[
            "nhs 111",
            "111",
            "out of hours",
            "urgent care",
            "walk-in",
            "minor injuries",
        ],
        "Urgent care service",
    ),
    (&["fire", "fire and rescue"], "Fire and rescue service"),
    (
        &["education welfare", "ews", "attendance service"],
        "Education welfare service",
    ),
    (&["environmental health"], "Environmental health service"),
    (
        &["citizens advice", "debt advice", "advice service", "cab"],
        "Advice service",
    ),
    (
        &["migrant help", "asylum support", "asylum"],
        "Asylum support service",
    ),
    (
        &["modern slavery", "navigator", "anti-slavery"],
        "Modern slavery support service",
    ),
    (&["illegal money lending"], "Illegal money lending team"),
    (
        &["esol", "adult learning", "adult education"],
        "Adult learning service",
    ),
    (
        &["community worker", "community support", "outreach"],
        "Community support service",
    ),
    (&["coastguard"], "Coastguard"),
    (&["rnli", "lifeboat"], "Lifeboat service"),
    (&["cafcass"], "Cafcass"),
    (&["court", "family court"], "Family court"),
    (
        &["dwp", "jobcentre", "job centre"],
        "Department for Work and Pensions",
    ),
];

/// What kind of agency a name is, as far as publishing goes: its kind and
/// the generic name agencies of that kind publish under (`None` when
/// nothing says, for "Agency 1").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgencyClass {
    /// The kind.
    pub kind: AgencyKind,
    /// The generic name, without a number.
    pub base: Option<&'static str>,
}

/// The class of an agency named `name`.
pub fn agency_class(name: &str) -> AgencyClass {
    let kind = agency_kind_from_text(name);
    let base = generic_agency_name(kind).or_else(|| {
        let (lower, words) = (name.to_lowercase(), words(name));
        SERVICES
            .iter()
            .find(|(keys, _)| has_any(&words, &lower, keys))
            .map(|(_, base)| *base)
    });
    AgencyClass { kind, base }
}

#[cfg(test)]
mod national_body_tests {
    use super::*;

    #[test]
    fn national_bodies_are_found_in_any_case_and_spacing_and_listed_once() {
        assert!(is_national_body("Police Scotland"));
        assert!(is_national_body("police  scotland"));
        assert!(is_national_body("Women’s Aid"));
        assert!(!is_national_body("Northshire Constabulary"));
        let mut seen = HashSet::new();
        let twice: Vec<String> = national_bodies_of(BUILT_IN_NATIONAL_BODIES)
            .filter(|b| !seen.insert(b.clone()))
            .collect();
        assert!(twice.is_empty(), "{twice:?}");
    }

    #[test]
    fn a_national_body_with_what_a_bracket_says_of_it_is_a_type() {
        assert!(is_agency_type("Forced Marriage Unit (FCDO / Home Office)"));
        assert!(is_agency_type("Police Scotland (DATF)"));
        assert!(!is_agency_type("Northshire Constabulary (CID)"));
        assert!(!is_agency_type("Forced Marriage Unit (Kestrel Homes)"));
    }
}
