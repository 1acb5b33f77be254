//! What a publication may be trusted for: agencies named only by their
//! type, and Foresight's own placeholders, never block it (real agency
//! names still do); no date is left at day level and no year invented.

use super::*;
use crate::model::{Agency, AgencyKind, ChronologyEntry, Person, ReviewDate};

fn agency(id: &str, name: &str, generic_name: &str, kind: AgencyKind, generic: bool) -> Agency {
    Agency {
        id: Id::from(id),
        name: name.into(),
        aliases: vec![],
        generic_name: generic_name.into(),
        kind,
        generic,
        returned: Default::default(),
    }
}

/// A review as an import of a chronology with an agency column of types
/// leaves it: agencies named "GP", "Probation", "Housing", "Midwifery"
/// with generic names, one real agency, practitioners named after them.
fn imported_review() -> Review {
    let mut review = Review::new("Child R");
    review.people = vec![
        Person {
            id: Id::from("P1"),
            name: "Jayden Price".into(),
            pseudonym: "Child A".into(),
            kind: PersonKind::SubjectChild,
            ..Default::default()
        },
        Person {
            id: Id::from("P2"),
            name: "Dr Amir Shah".into(),
            role: "GP".into(),
            pseudonym: "GP 1".into(),
            ..Default::default()
        },
        Person {
            id: Id::from("P3"),
            name: "Lee Carr".into(),
            role: "Probation officer".into(),
            pseudonym: "Probation Officer 1".into(),
            ..Default::default()
        },
    ];
    review.agencies = vec![
        agency(
            "A1",
            "Midwifery",
            "Midwifery service",
            AgencyKind::Midwifery,
            true,
        ),
        agency("A2", "GP", "GP practice", AgencyKind::GeneralPractice, true),
        agency(
            "A3",
            "Housing",
            "Housing provider",
            AgencyKind::Housing,
            true,
        ),
        agency(
            "A4",
            "Probation",
            "Probation service",
            AgencyKind::Probation,
            true,
        ),
        agency(
            "A5",
            "Kestrel Homes",
            "Housing provider 2",
            AgencyKind::Housing,
            false,
        ),
    ];
    review.chronology = vec![ChronologyEntry {
        id: Id::from("C1"),
        date: ReviewDate::month(2021, 4).unwrap(),
        agency: Some(Id::from("A5")),
        author: "Probation officer".into(),
        text: "GP rang Probation. Kestrel Homes visited Jayden; Midwifery and Housing informed."
            .into(),
        people: vec![],
        source: None,
    }];
    review
}

#[test]
fn an_agency_named_by_its_type_is_not_replaced_and_a_real_agency_is() {
    let review = imported_review();
    let out = anonymise(&review);
    assert_eq!(
        out.review.chronology[0].text,
        "GP rang Probation. Housing provider 2 visited Child A; Midwifery and Housing informed."
    );
    let checker = LeakChecker::new(&review);
    let leaks = checker.check_review(&out.review);
    assert!(leaks.is_empty(), "{leaks:#?}");
    // The real agency name is still a leak wherever it is written.
    let leaks = checker.check("page 1", "Kestrel Homes visited in April 2021.");
    assert_eq!(leaks.len(), 1, "{leaks:#?}");
    assert_eq!(leaks[0].text, "Kestrel Homes");
}

#[test]
fn placeholders_are_never_leaks_even_when_a_type_was_taken_for_a_name() {
    // A review saved before agencies were marked generic: "Probation" and
    // "GP" are taken for real names, yet what Foresight writes in their
    // place (generic names, pseudonyms, roles) is no leak.
    let mut review = imported_review();
    for a in &mut review.agencies {
        a.generic = false;
    }
    let checker = LeakChecker::new(&review);
    let text = "The Probation service and Probation Officer 1 met GP 1 of the GP practice; \
                Housing provider 2 and the Midwifery service attended.";
    let leaks = checker.check("page 1", text);
    assert!(leaks.is_empty(), "{leaks:#?}");
    let out = anonymise(&review);
    let leaks = checker.check_review(&out.review);
    assert!(leaks.is_empty(), "{leaks:#?}");
    // A real name outside any placeholder still is one.
    let leaks = checker.check("page 1", "Kestrel Homes rang.");
    assert_eq!(leaks.len(), 1, "{leaks:#?}");
}

#[test]
fn a_placeholder_holding_a_persons_name_is_not_trusted() {
    let mut review = imported_review();
    review.people[2].pseudonym = "Lee Carr".into();
    let checker = LeakChecker::new(&review);
    let leaks = checker.check("page 1", "Lee Carr visited.");
    assert!(!leaks.is_empty());
}

#[test]
fn the_worked_example_keeps_no_day_and_invents_no_year() {
    let review = crate::examples::worked_case();
    let out = anonymise(&review);
    let c54 = out
        .review
        .chronology
        .iter()
        .find(|e| e.id.as_str() == "C54")
        .expect("the worked example has entry C54");
    assert!(c54.text.contains("annual leave August."), "{}", c54.text);
    assert!(
        c54.text.contains("CIN visit due August not"),
        "{}",
        c54.text
    );
    let text = serde_json::to_string(&out.review).unwrap();
    for day in ["2019/08", "24 September", "22 June", "06/05", "04/03"] {
        assert!(!text.contains(day), "{day} is left");
    }
    let leaks = LeakChecker::new(&review).check_review(&out.review);
    assert!(leaks.is_empty(), "{leaks:#?}");
}

#[test]
fn a_day_without_a_year_or_a_range_of_days_is_a_leak() {
    let review = imported_review();
    let checker = LeakChecker::new(&review);
    for text in [
        "seen on 24 September",
        "leave 01/08-19/08",
        "off 1st–3rd March",
    ] {
        assert!(!checker.check("page 1", text).is_empty(), "{text}");
    }
    assert!(checker.check("page 1", "seen in September").is_empty());
}
