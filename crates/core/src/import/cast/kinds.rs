//! What a cast list's words say a record is: a person's part from their
//! role, an agency's kind (and whether a name is only an agency's type,
//! with the generic name it publishes under), a place's kind.

use super::*;
use crate::agency_kind::{has_any, words};

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
