//! What a cast list's words say a record is: a person's part from their
//! role, an agency's kind (and whether a name is only an agency's type,
//! with the generic name it publishes under), a place's kind.

use super::*;

/// The words of a role or description, lower case, for keyword matching.
pub(super) fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '&')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

pub(super) fn has_any(words: &[String], lower: &str, keys: &[&str]) -> bool {
    keys.iter().any(|k| {
        if k.contains(' ') || k.contains('-') {
            lower.contains(k)
        } else {
            words.iter().any(|w| w == k)
        }
    })
}

/// A person's part in the case read from their role: "Mother" is a parent,
/// "Health visitor" a practitioner, "Team manager" a manager.
pub fn person_kind_from_role(role: &str) -> PersonKind {
    let lower = role.to_lowercase();
    let w = words(role);
    const MANAGER: &[&str] = &[
        "manager",
        "supervisor",
        "team leader",
        "head of",
        "director",
        "headteacher",
        "head teacher",
        "principal",
    ];
    const PRACTITIONER: &[&str] = &[
        "social worker",
        "worker",
        "visitor",
        "nurse",
        "midwife",
        "gp",
        "doctor",
        "dr",
        "paediatrician",
        "paediatric",
        "consultant",
        "registrar",
        "police",
        "officer",
        "constable",
        "detective",
        "pc",
        "dc",
        "sergeant",
        "teacher",
        "dsl",
        "safeguarding lead",
        "practitioner",
        "therapist",
        "psychologist",
        "psychiatrist",
        "keyworker",
        "advocate",
        "probation",
        "clinician",
        "paramedic",
        "senco",
        "pharmacist",
        "receptionist",
        "sister",
        "assistant",
        "coordinator",
        "co-ordinator",
        "reviewing",
        "iro",
    ];
    if has_any(&w, &lower, MANAGER) {
        return PersonKind::Manager;
    }
    // "Ward sister" is a nurse; "sister" alone is a sibling.
    let only_sister = (w.len() == 1 && w[0] == "sister")
        || lower.contains("half-sister")
        || lower.contains("step-sister");
    let practitioner = has_any(&w, &lower, PRACTITIONER) && !only_sister;
    if practitioner {
        return PersonKind::Practitioner;
    }
    if has_any(
        &w,
        &lower,
        &[
            "partner",
            "boyfriend",
            "girlfriend",
            "stepfather",
            "stepmother",
            "step-father",
            "step-mother",
            "husband",
            "wife",
        ],
    ) {
        return PersonKind::Partner;
    }
    if has_any(
        &w,
        &lower,
        &[
            "sibling",
            "brother",
            "sister",
            "half-brother",
            "half-sister",
            "twin",
        ],
    ) {
        return PersonKind::Sibling;
    }
    if lower.contains("grand")
        || has_any(
            &w,
            &lower,
            &[
                "aunt", "auntie", "uncle", "cousin", "relative", "nan", "nana",
            ],
        )
    {
        return PersonKind::Relative;
    }
    if has_any(&w, &lower, &["mother", "father", "mum", "dad", "parent"]) {
        return PersonKind::Parent;
    }
    if has_any(&w, &lower, &["carer", "foster", "guardian", "kinship"]) {
        return PersonKind::Carer;
    }
    if has_any(
        &w,
        &lower,
        &["child", "subject", "baby", "infant", "young person"],
    ) {
        return PersonKind::SubjectChild;
    }
    PersonKind::Other
}

/// The kind of an agency read from its name or description.
pub fn agency_kind_from_text(text: &str) -> AgencyKind {
    let lower = text.to_lowercase();
    let w = words(text);
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
            &["school", "academy", "education", "college"],
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
            ],
        ),
        (AgencyKind::Police, &["police", "constabulary"]),
        (
            AgencyKind::HealthVisiting,
            &[
                "health visiting",
                "health visitor",
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
    let lower = name.trim().to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    // A type may itself end in a tail word ("Emergency department"): the
    // name is a type when it is one with any of its tail words dropped.
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

/// The kind of a place read from its name or description.
pub fn place_kind_from_text(text: &str) -> PlaceKind {
    let lower = text.to_lowercase();
    let w = words(text);
    if has_any(&w, &lower, &["nursery", "children's centre", "preschool"]) {
        PlaceKind::Nursery
    } else if has_any(&w, &lower, &["school", "academy", "college"]) {
        PlaceKind::School
    } else if has_any(&w, &lower, &["hospital", "ward", "picu", "a&e"]) {
        PlaceKind::Hospital
    } else if has_any(
        &w,
        &lower,
        &["surgery", "clinic", "health centre", "medical practice"],
    ) {
        PlaceKind::Clinic
    } else if has_any(
        &w,
        &lower,
        &[
            "home", "flat", "house", "address", "road", "street", "lane", "walk", "rise", "close",
            "avenue", "drive", "way", "crescent", "court", "terrace",
        ],
    ) {
        PlaceKind::Home
    } else {
        PlaceKind::Other
    }
}
