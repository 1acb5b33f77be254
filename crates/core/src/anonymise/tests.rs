//! Tests of the whole transform on small reviews and the worked example.

use serde_json::Value;

use super::*;
use crate::examples::worked_case;
use crate::model::{
    Agency, ChronologyEntry, Finding, Person, Place, ReviewDate, SensitiveAttribute,
    SensitiveAttributes,
};
use crate::store;

fn person(id: &str, name: &str, aliases: &[&str], pseudonym: &str) -> Person {
    Person {
        id: Id::from(id),
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        pseudonym: pseudonym.into(),
        ..Default::default()
    }
}

fn entry(id: &str, text: &str) -> ChronologyEntry {
    ChronologyEntry {
        id: Id::from(id),
        date: ReviewDate::day(2021, 4, 3).unwrap(),
        agency: None,
        author: String::new(),
        text: text.into(),
        people: vec![],
        source: None,
    }
}

fn small_review(texts: &[&str]) -> Review {
    let mut review = Review::new("Child R");
    review.people = vec![
        person("P1", "Rose Kettle", &["Rosie"], "Child R"),
        person("P2", "Will Kettle", &[], "Father"),
        person("P3", "Zoë O'Neill", &[], "Social Worker 1"),
    ];
    review.people[0].kind = PersonKind::SubjectChild;
    review.people[0].date_of_birth = NaiveDate::from_ymd_opt(2019, 8, 19);
    review.agencies = vec![Agency {
        id: Id::from("A1"),
        name: "Northbrook Children's Services".into(),
        aliases: vec!["NCS".into()],
        generic_name: "Children's social care".into(),
        ..Default::default()
    }];
    review.places = vec![Place {
        id: Id::from("PL1"),
        name: "17 Quillon Walk".into(),
        generic_name: "Address 1".into(),
        ..Default::default()
    }];
    review.chronology = texts
        .iter()
        .enumerate()
        .map(|(i, t)| entry(&format!("C{}", i + 1), t))
        .collect();
    review
}

fn first_text(review: &Review) -> String {
    anonymise(review).review.chronology[0].text.clone()
}

/// The review anonymised with its sensitive details kept as written, as
/// `foresight anonymise` does, and its chronology's texts, one a line.
fn anonymised_as_written(review: &Review) -> (Anonymised, String) {
    let out = Anonymiser::new(review)
        .keeping_sensitive_details()
        .review(review);
    let text = out
        .review
        .chronology
        .iter()
        .map(|e| format!("{}\n", e.text))
        .collect();
    (out, text)
}

/// The first entry's text anonymised with its sensitive details kept as
/// written, as `foresight anonymise` does.
/// The anonymised chronology's texts, one a line.
fn chronology_text(out: &Anonymised) -> String {
    let texts: Vec<&str> = out
        .review
        .chronology
        .iter()
        .map(|e| e.text.as_str())
        .collect();
    texts.join("\n")
}

fn first_text_as_written(review: &Review) -> String {
    Anonymiser::new(review)
        .keeping_sensitive_details()
        .review(review)
        .review
        .chronology[0]
        .text
        .clone()
}

#[test]
fn names_identifiers_and_dates_are_replaced_and_words_kept() {
    let review = small_review(&[
        "On 3rd April 2021 NCS visited Rose at 17 Quillon Walk; concerns rose. \
         Will visit again. Mr Kettle's phone 07700 900123; Zoe O’Neill will call. ROSIE was seen.",
    ]);
    assert_eq!(
        first_text(&review),
        "In April 2021 Children's social care visited Child R at Address 1; concerns rose. \
         Will visit again. Father's phone [phone number]; Social Worker 1 will call. Child R was seen."
            .replace("Father's", "[name]'s")
    );
}

#[test]
fn the_cast_keeps_only_pseudonyms_and_published_attributes() {
    let mut review = small_review(&["Seen."]);
    review.people[0].attributes = SensitiveAttributes {
        ethnicity: SensitiveAttribute {
            value: "White British".into(),
            disclosure: Disclosure::Publish,
            reason: "Relevant to Rose's care".into(),
        },
        religion: SensitiveAttribute {
            value: "Jehovah's Witness".into(),
            disclosure: Disclosure::Withhold,
            reason: "Would identify the family".into(),
        },
        language: SensitiveAttribute {
            value: "Polish".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    review.chronology[0].text = "Family are Jehovah's Witness and speak Polish.".into();
    let out = anonymise(&review);
    let p = &out.review.people[0];
    assert!(p.name.is_empty() && p.aliases.is_empty() && p.date_of_birth.is_none());
    assert_eq!(p.pseudonym, "Child R");
    assert_eq!(p.attributes.ethnicity.value, "White British");
    assert_eq!(p.attributes.ethnicity.reason, "Relevant to Child R's care");
    assert!(p.attributes.religion.value.is_empty() && p.attributes.religion.reason.is_empty());
    assert!(p.attributes.language.value.is_empty());
    assert_eq!(out.report.undecided, vec![(Id::from("P1"), "language")]);
    assert_eq!(
        out.review.chronology[0].text,
        "Family are [religion withheld] and speak [language withheld]."
    );
    assert_eq!(out.review.agencies[0].name, "Children's social care");
    assert!(out.review.agencies[0].aliases.is_empty());
    assert_eq!(out.review.places[0].name, "Address 1");
    assert_eq!(out.review.chronology[0].date.to_string(), "2021-04");
}

#[test]
fn doubtful_occurrences_are_replaced_and_flagged_until_the_reviewer_decides() {
    let mut review = small_review(&["Mark on left cheek. Will said hello."]);
    review.people.push(person("P4", "Mark Tully", &[], "Uncle"));
    let out = anonymise(&review);
    assert_eq!(
        out.review.chronology[0].text,
        "[name] on left cheek. Father said hello."
    );
    let flagged: Vec<Occurrence> = out.report.flagged().collect();
    assert_eq!(flagged.len(), 1);
    assert_eq!(flagged[0].original, "Mark");
    // The reviewer keeps it: recorded as an override in the settings.
    let keep = flagged[0].override_with(OverrideAction::Keep);
    review.meta.anonymisation.overrides.push(keep);
    let out = anonymise(&review);
    assert_eq!(
        out.review.chronology[0].text,
        "Mark on left cheek. Father said hello."
    );
    assert_eq!(out.report.flagged_count(), 0);
    // The anonymised review does not carry the overrides (they quote names).
    assert!(out.review.meta.anonymisation.overrides.is_empty());
    // A word can be forced to be replaced too.
    let mut review = small_review(&["concerns rose"]);
    let out = anonymise(&review);
    let word = out.report.occurrences().next().unwrap();
    assert!(!word.replaced && word.class == Class::Word);
    review
        .meta
        .anonymisation
        .overrides
        .push(word.override_with(OverrideAction::Replace));
    assert_eq!(first_text(&review), "concerns Child R");
}

#[test]
fn date_policies_apply_to_free_text_and_structured_days_become_months() {
    let mut review = small_review(&["Seen on 3 November 2020; DOB 19/08/2019."]);
    assert_eq!(
        first_text(&review),
        "Seen in November 2020; DOB [date of birth]."
    );
    review.meta.anonymisation.date_policy = DatePolicy::ChildAge;
    assert_eq!(
        first_text(&review),
        "Seen when Child R was 14 months old; DOB [date of birth]."
    );
    review.meta.anonymisation.date_policy = DatePolicy::MonthsSinceStart;
    review.meta.period = Some(crate::model::Period {
        start: ReviewDate::month(2020, 9).unwrap(),
        end: ReviewDate::day(2021, 9, 30).unwrap(),
    });
    let out = anonymise(&review);
    assert_eq!(
        out.review.chronology[0].text,
        "Seen in month 3; DOB [date of birth]."
    );
    assert_eq!(out.review.meta.period.unwrap().end.to_string(), "2021-09");
}

#[test]
fn the_worked_example_anonymises_without_leaks() {
    let review = worked_case();
    let out = anonymise(&review);
    let text = store::to_text(&out.review);
    for p in &review.people {
        let name = p.name.trim();
        assert!(!text.contains(name), "{name} left in the anonymised review");
    }
    for a in &review.agencies {
        assert!(!text.contains(&a.name), "{} left", a.name);
    }
    let leaks = LeakChecker::new(&review).check_review(&out.review);
    assert!(leaks.is_empty(), "{:#?}", &leaks[..leaks.len().min(10)]);
    assert!(out.report.replaced_count() > 100);
}

#[test]
fn the_leak_check_names_a_planted_leak_and_where_it_is() {
    let review = small_review(&["Seen."]);
    let checker = LeakChecker::new(&review);
    let leaks = checker.check(
        "diagram D1 label of F3",
        "Why Zoe ONeill's caseload mattered",
    );
    assert_eq!(leaks.len(), 1, "{leaks:?}");
    assert_eq!(leaks[0].location, "diagram D1 label of F3");
    assert_eq!(leaks[0].text, "Zoe ONeill");
    assert_eq!(leaks[0].what, "name of P3");
    assert!(
        checker
            .check("page 1", "Concerns rose; Will visit.")
            .is_empty()
    );
    // Foresight's own record ids are not reference numbers.
    let mut many = small_review(&["Seen."]);
    many.chronology[0].id = Id::from("C13704");
    let checker_many = LeakChecker::new(&many);
    assert!(checker_many.check("file text", "id: \"C13704\"").is_empty());
    assert!(
        checker_many
            .check_review(&anonymise(&many).review)
            .is_empty()
    );
    let leaks = checker.check("page 2", "Rang 07700 900123 on 3/4/21, DOB 19.08.2019");
    let what: Vec<&str> = leaks.iter().map(|l| l.what.as_str()).collect();
    assert!(
        what.contains(&"phone number")
            && what.contains(&"exact date")
            && what.contains(&"date of birth"),
        "{what:?}"
    );
    // A leak in the title of an anonymised review is found and named.
    let mut out = anonymise(&review).review;
    out.meta.title = "The review of Rose Kettle".into();
    let leaks = checker.check_review(&out);
    assert_eq!(leaks.len(), 1, "{leaks:?}");
    assert_eq!(leaks[0].location, "meta / title");
    assert_eq!(leaks[0].text, "Rose Kettle");
}

/// The string leaves of a JSON value, as paths of keys and places.
pub(super) fn leaves(value: &Value, path: Vec<String>, out: &mut Vec<Vec<String>>) {
    match value {
        Value::String(_) => out.push(path),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let mut p = path.clone();
                p.push(i.to_string());
                leaves(item, p, out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let mut p = path.clone();
                p.push(k.clone());
                leaves(item, p, out);
            }
        }
        _ => {}
    }
}

/// The value at a path that [`leaves`] gave.
pub(super) fn at<'a>(value: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(value, |v, k| match v {
        Value::Array(items) => &mut items[k.parse::<usize>().unwrap()],
        Value::Object(map) => map.get_mut(k).unwrap(),
        _ => unreachable!(),
    })
}

/// Sets every string of a review that is not an id or a fixed value to a
/// name, keeping only those the review still loads with.
fn fill_every_free_string(review: &Review, name: &str) -> Review {
    let ids: Vec<String> = review
        .all_ids()
        .into_iter()
        .map(|(id, _)| id.0.to_string())
        .collect();
    let mut value = serde_json::to_value(review).unwrap();
    let mut paths = Vec::new();
    leaves(&value, Vec::new(), &mut paths);
    // Written by the reviewer to be published, or fixed vocabularies.
    let published = [
        "pseudonym",
        "generic_name",
        "reviewers",
        "allow",
        "taxonomy",
        "level",
        "category",
        "value",
        "field",
    ];
    for path in paths {
        if path.iter().any(|k| published.contains(&k.as_str())) {
            continue;
        }
        let slot = at(&mut value, &path);
        let old = slot.clone();
        let id_like = |s: &str| {
            let letters = s.trim_end_matches(|c: char| c.is_ascii_digit());
            letters.len() < s.len()
                && letters.len() <= 2
                && letters.chars().all(|c| c.is_ascii_uppercase())
        };
        if old
            .as_str()
            .is_some_and(|s| id_like(s) || ids.iter().any(|id| id == s))
        {
            continue;
        }
        *slot = Value::String(name.to_string());
        let still_loads = serde_json::from_value::<Review>(value.clone()).is_ok();
        if !still_loads {
            *at(&mut value, &path) = old;
        }
    }
    serde_json::from_value(value).unwrap()
}

/// The worked example with one of every record kind and every optional
/// part present.
fn review_with_every_part() -> Review {
    // One of every record kind with every optional part present.
    let mut review = worked_case();
    review.chronology.truncate(3);
    review.chronology[0].source = Some(crate::model::EntrySource {
        file: "x.csv".into(),
        row: 2,
    });
    review.findings.truncate(2);
    review.findings[0] = Finding {
        id: review.findings[0].id.clone(),
        questions: vec!["q".into()],
        recommendations: vec!["r".into()],
        references: vec!["f".into()],
        response: crate::model::FindingResponse {
            decision: crate::model::ResponseDecision::NotAccepted,
            reason: "r".into(),
        },
        actions: vec![crate::model::Action {
            id: Id::from("AC1"),
            what: "w".into(),
            owner: "o".into(),
            dropped_reason: "d".into(),
            impact_expected: "i".into(),
            evidence: "e".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    review.meta.terms_of_reference = vec!["t".into()];
    review.meta.account.key_messages = vec!["k".into()];
    review.meta.account.process.team = vec![crate::model::TeamMember {
        role: "r".into(),
        agency: "a".into(),
    }];
    // Any text makes the account part of the file.
    review.meta.account.executive_summary = "e".into();
    // Fields left out of the file when empty must be filled to be seen.
    review.meta.accepted_language = vec![crate::model::AcceptedPhrase {
        record: Id::from("FN1"),
        field: "statement".into(),
        phrase: "p".into(),
        reason: "r".into(),
    }];
    review.meta.clock.decision_rationale = "d".into();
    review.meta.clock.pauses = vec![crate::model::Pause {
        from: chrono::NaiveDate::from_ymd_opt(2024, 1, 2).unwrap(),
        to: None,
        reason: "r".into(),
    }];
    review.meta.clock.closures = vec![crate::model::ClosureDay {
        date: chrono::NaiveDate::from_ymd_opt(2024, 1, 3).unwrap(),
        name: "n".into(),
    }];
    review.meta.clock.missed = vec![crate::model::MissedReason {
        milestone: crate::model::Milestone::RapidReview,
        reason: "r".into(),
    }];
    review.meta.rapid_review.facts = "f".into();
    review.agencies[0].returned.answers = vec![crate::model::SummaryAnswer {
        question: "q".into(),
        answer: "a".into(),
    }];
    for episode in &mut review.episodes {
        for i in 0..crate::model::Mindset::QUESTIONS.len() {
            *episode.mindset.answer_mut(i) = "m".into();
        }
    }
    for p in &mut review.people {
        p.attributes.ethnicity = SensitiveAttribute {
            value: "v".into(),
            disclosure: Disclosure::Publish,
            reason: "r".into(),
        };
    }
    review
}

#[test]
fn every_free_string_of_every_record_kind_is_anonymised() {
    let review = review_with_every_part();
    let mut filled = fill_every_free_string(&review, "Zebedee Quartermain");
    filled
        .people
        .push(person("P99", "Zebedee Quartermain", &[], "Person Z"));
    let out = anonymise(&filled);
    let text = store::to_text(&out.review);
    let left: Vec<&str> = text.lines().filter(|l| l.contains("Quartermain")).collect();
    assert!(left.is_empty(), "fields not anonymised: {left:#?}");
}

#[test]
fn every_free_string_is_described_in_the_schema_of_text_fields() {
    // Every string a reviewer or an agency writes is either a text field of
    // the schema (which every walker reads) or one of the structured values
    // anonymisation treats as such. A string field the model gains that is
    // neither fails here.
    // The cast's names and their other forms, and the reviewer's own
    // corrections to the anonymisation: structured, each read as such.
    let structured = [
        "people.N.name",
        "people.N.aliases.N",
        "agencies.N.name",
        "agencies.N.aliases.N",
        "places.N.name",
        "places.N.aliases.N",
        "meta.anonymisation.overrides.N.before",
        "meta.anonymisation.overrides.N.after",
        "meta.anonymisation.overrides.N.text",
    ];
    let mut filled = fill_every_free_string(&review_with_every_part(), "Zebedee Quartermain");
    let mut described = 0;
    fields::visit_mut(&mut filled, |_, _, _, text| {
        if text.contains("Quartermain") {
            described += 1;
        }
        text.clear();
    });
    assert!(described > 100, "{described}");
    let value = serde_json::to_value(&filled).unwrap();
    let mut paths = Vec::new();
    leaves(&value, Vec::new(), &mut paths);
    let mut value = value;
    let left: Vec<String> = paths
        .into_iter()
        .filter(|path| {
            at(&mut value, path)
                .as_str()
                .is_some_and(|s| s.contains("Quartermain"))
        })
        .map(|path| {
            path.iter()
                .map(|k| {
                    if k.parse::<usize>().is_ok() {
                        "N"
                    } else {
                        k.as_str()
                    }
                })
                .collect::<Vec<_>>()
                .join(".")
        })
        .filter(|path| !structured.contains(&path.as_str()))
        .collect();
    assert!(
        left.is_empty(),
        "string fields not in the schema: {left:#?}"
    );
}

/// A review with one chronology entry and a cast of `(name, pseudonym)`.
fn review_of_cast(cast: &[(&str, &str)], text: &str) -> Review {
    let mut review = Review::new("Child D");
    review.people = cast
        .iter()
        .enumerate()
        .map(|(i, (name, pseudonym))| person(&format!("P{}", i + 1), name, &[], pseudonym))
        .collect();
    review.chronology = vec![entry("C1", text)];
    review
}

#[test]
fn diminutives_the_cast_does_not_list_are_names() {
    let review = review_of_cast(
        &[
            ("Nathaniel Brooks", "Child D"),
            ("Elizabeth Carter", "Mother"),
            ("Małgorzata Nowak", "Grandmother"),
            ("Jonathan Price", "Father"),
            ("Alfred Dunn", "Sibling"),
        ],
        "Nat was seen at nursery; Nate cried. Liz said Beth's sister called. \
         Gosia rang the duty line. Jon and Jonny attended. Weighed: Alfie 9.2kg.",
    );
    let out = first_text(&review);
    for name in [
        "Nat ", "Nate", "Liz", "Beth", "Gosia", "Jon ", "Jonny", "Alfie",
    ] {
        assert!(!out.contains(name), "{name} left in {out:?}");
    }
    assert!(out.starts_with("Child D was seen"), "{out}");
}

#[test]
fn diminutives_that_are_words_are_judged_as_words() {
    let review = review_of_cast(
        &[("William Hart", "Father"), ("Patricia Hart", "Mother")],
        "Unpaid gas bill noted; will pat the dog. Bill said Pat was out.",
    );
    assert_eq!(
        first_text(&review),
        "Unpaid gas bill noted; will pat the dog. Father said Mother was out."
    );
}

#[test]
fn names_before_a_possessive_or_a_measurement_are_names() {
    let review = review_of_cast(
        &[
            ("Autumn Reid", "Child D"),
            ("April Reid", "Sibling"),
            ("Summer Reid", "Cousin"),
        ],
        "Seen in Autumn's account. In Autumn’s view she was fine. Weighed: April 9.2kg, \
         Summer 14 kg; April 75 centile. Seen in April 2021.",
    );
    assert_eq!(
        first_text(&review),
        "Seen in Child D's account. In Child D’s view she was fine. Weighed: Sibling 9.2kg, \
         Cousin 14 kg; Sibling 75 centile. Seen in April 2021."
    );
}

#[test]
fn an_uppercase_surname_outside_the_cast_in_an_author_field_is_replaced() {
    let mut review = review_of_cast(&[("Autumn Reid", "Child D")], "Seen.");
    review.chronology[0].author = "DC 4812 PRESTON".into();
    let out = anonymise(&review);
    let author = &out.review.chronology[0].author;
    assert!(!author.contains("PRESTON"), "{author}");
    assert!(author.contains("[name]"), "{author}");
}

#[test]
fn a_street_of_a_cast_address_and_other_streets_are_replaced() {
    let mut review = review_of_cast(
        &[("Autumn Reid", "Child D")],
        "Mother stays away from Harrow Road. Father has a flat near her sister in Linnet Way.",
    );
    review.places = vec![Place {
        id: Id::from("PL1"),
        name: "14 Harrow Road, Northbrook".into(),
        generic_name: "Address 1".into(),
        ..Default::default()
    }];
    let out = first_text(&review);
    assert!(!out.contains("Harrow"), "{out}");
    assert!(!out.contains("Linnet"), "{out}");
    assert!(out.contains("stays away from Address 1"), "{out}");
    assert!(out.contains("near her sister in [place]."), "{out}");
}

#[test]
fn the_worked_example_keeps_field_abbreviations_and_kinship_words() {
    // The example records the reviewers' decisions ("TA" kept); without
    // them, "TA" is doubtful.
    let decided = anonymise(&worked_case());
    let c4 = |out: &Anonymised| {
        out.review
            .chronology
            .iter()
            .find(|e| e.id.as_str() == "C4")
            .unwrap()
            .text
            .clone()
    };
    assert!(c4(&decided).contains("check-in with TA offered"));
    assert_eq!(decided.report.flagged_count(), 0);
    let mut review = worked_case();
    review.meta.anonymisation.overrides.clear();
    let out = anonymise(&review);
    let text = |id: &str| {
        out.review
            .chronology
            .iter()
            .find(|e| e.id.as_str() == id)
            .unwrap()
            .text
            .clone()
    };
    // "TA" (teaching assistant) is listed as the sibling's initials: the
    // doubtful occurrence asserts nothing about who it is.
    assert!(
        text("C4").contains("check-in with [initials] offered"),
        "{}",
        text("C4")
    );
    assert!(!text("C39").contains("said to Sibling"), "{}", text("C39"));
    assert!(out.report.flagged().any(|o| o.original == "TA"));
    let e2 = out
        .review
        .episodes
        .iter()
        .find(|e| e.child_focus.views.contains("asked repeatedly"))
        .unwrap();
    assert!(
        e2.child_focus.views.contains("asked repeatedly for 'Nan'"),
        "{}",
        e2.child_focus.views
    );
}

#[test]
fn replacements_inside_quotations_are_in_square_brackets() {
    let review = small_review(&[
        "Child said: 'Will Kettle shouts at Rose' and \"Rosie cried\". Rose slept.",
    ]);
    assert_eq!(
        first_text(&review),
        "Child said: '[Father] shouts at [Child R]' and \"[Child R] cried\". Child R slept."
    );
}

#[test]
fn a_kinship_alias_is_kept_unless_the_reviewer_replaces_it() {
    let mut review = review_of_cast(
        &[("Pauline Reid", "Maternal Grandmother")],
        "She asked for 'Nan' and Nanny. Pauline visited.",
    );
    review.people[0].aliases = vec!["Nan".into(), "Nanny".into()];
    let out = anonymise(&review);
    assert_eq!(
        out.review.chronology[0].text,
        "She asked for 'Nan' and Nanny. Maternal Grandmother visited."
    );
    let nan = out
        .report
        .occurrences()
        .find(|o| o.original == "Nan")
        .unwrap();
    assert!(!nan.replaced);
    review
        .meta
        .anonymisation
        .overrides
        .push(nan.override_with(OverrideAction::Replace));
    assert_eq!(
        first_text(&review),
        "She asked for '[Maternal Grandmother]' and Nanny. Maternal Grandmother visited."
    );
}

/// The classes of what a cast list leaves out, through the whole
/// transform: each identifying string is gone, each ordinary word of the
/// field kept (the anonymised review keeps sensitive details; the
/// published report applies the sensitive data policy).
#[test]
fn what_no_cast_lists_is_replaced_and_the_fields_words_are_kept() {
    let mut review = small_review(&[
        "Key worker (Aoife K.) and DSL (Mrs Nasreen Qureshi) met Dr T. Halloran. PC 5512 DRUMMOND attended.",
        "Her friend Kerry-Ann and Aunt Dervla visited; her friend Hope too. Mensah rang back. Baker rang back.",
        "Seen with kayden and shauna. Ceris and Muhammad collected her; Wisniewska and Ni Dhomhnaill were told.",
        "Seen outside The Feathers and at the Red Lion. Kwik Save on Mill Row. Canal Side flats. Chapel Terrace.",
        "NI QQ 12 34 56 C and AB123456C; vehicle YK19XBN and YK19 XBN; Insta: kezza_88 and @kezza_88. Paramedic 2968 attended.",
        "GAD-7 11, PHQ-9 14, EPDS 12, ASQ-3 done. Sertraline 50mg OD, zopiclone PRN, naproxen BD. Xmas and Easter holidays. Mum and Nan. Concerns rose. Will review in May.",
    ]);
    review
        .people
        .push(person("P4", "Cerys Mensah-Jones", &[], "Child S"));
    review
        .people
        .push(person("P5", "Agnieszka Wiśniewska", &[], "Mother"));
    review
        .people
        .push(person("P6", "Siobhán Ní Dhomhnaill", &[], "Grandmother"));
    review
        .people
        .push(person("P7", "Mohammed Iqbal", &[], "Father 2"));
    let (_, text) = anonymised_as_written(&review);
    for identifying in [
        "Aoife",
        "Nasreen",
        "Qureshi",
        "Halloran",
        "5512",
        "DRUMMOND",
        "Kerry-Ann",
        "Dervla",
        "Hope",
        "Mensah",
        "Baker",
        "kayden",
        "shauna",
        "Ceris",
        "Muhammad",
        "Wisniewska",
        "Dhomhnaill",
        "Feathers",
        "Red Lion",
        "Kwik Save",
        "Mill Row",
        "Canal Side",
        "Chapel",
        "QQ 12",
        "AB123456C",
        "YK19",
        "kezza",
        "2968",
    ] {
        assert!(
            !text.contains(identifying),
            "\"{identifying}\" left in:\n{text}"
        );
    }
    for kept in [
        "GAD-7 11",
        "PHQ-9 14",
        "EPDS 12",
        "ASQ-3 done",
        "Sertraline 50mg OD",
        "zopiclone PRN",
        "naproxen BD",
        "Xmas and Easter holidays",
        "Mum and Nan",
        "Concerns rose",
        "Will review in May",
        "Key worker",
        "DSL",
        "Aunt",
        "her friend",
        "flats",
        "Paramedic",
        "Insta:",
    ] {
        assert!(text.contains(kept), "\"{kept}\" lost from:\n{text}");
    }
}

/// A pseudonym that ends in a number before a coarsened date would read
/// as a day ("Mother 2 May 2022"): the date is set off by a comma.
#[test]
fn a_coarsened_date_after_a_number_is_not_read_as_a_day() {
    let mut review = small_review(&["Seen with ROSE 10/05/2022 at home."]);
    review.people[0].pseudonym = "Child 2".into();
    let text = first_text(&review);
    assert_eq!(text, "Seen with Child 2, May 2022 at home.");
    assert!(
        LeakChecker::new(&review)
            .check_review(&anonymise(&review).review)
            .is_empty()
    );
    // After an ordinal too: "1st February" would read as a day, and so
    // would "(1st," alone.
    let review = small_review(&["Readmitted - 2nd aspiration pneumonia (1st 12/02)."]);
    let text = first_text(&review);
    assert_eq!(
        text,
        "Readmitted - 2nd aspiration pneumonia (1st during February)."
    );
    let leaks = LeakChecker::new(&review).check_review(&anonymise(&review).review);
    assert!(leaks.is_empty(), "{leaks:?}");
}

/// What the leak check reads in anonymised text is what anonymisation
/// read in the original: placeholders do not make a text look typed in
/// lower case, and "December." ending a sentence before a number is no
/// date.
#[test]
fn the_leak_check_reads_anonymised_text_as_the_original_was_read() {
    let mut review = small_review(&[
        "summer (Eirlys X418227, Madina) came to see the family at home today",
        "Seen 14/12. 19 PRN doses given.",
    ]);
    review
        .people
        .push(person("P4", "Summer Wood", &[], "Half-sibling"));
    let out = anonymise(&review);
    let leaks = LeakChecker::new(&review).check_review(&out.review);
    assert!(leaks.is_empty(), "{leaks:?}");
    assert!(
        out.review.chronology[1]
            .text
            .starts_with("Seen December. 19")
    );
}

#[test]
fn the_clock_and_agency_returns_lose_their_days_and_keep_the_rest() {
    let review = worked_case();
    assert!(review.meta.clock.aware.is_some() && !review.meta.clock.pauses.is_empty());
    let out = anonymise(&review).review;
    let clock = &out.meta.clock;
    assert_eq!(
        (
            clock.aware,
            clock.notified,
            clock.rapid_review_sent,
            clock.decided
        ),
        (None, None, None, None)
    );
    assert_eq!(
        (clock.sent_to_panel, clock.published, clock.kept_until),
        (None, None, None)
    );
    assert!(clock.pauses.is_empty() && clock.closures.is_empty());
    assert_eq!(clock.decision, review.meta.clock.decision);
    assert!(!clock.decision_rationale.is_empty() && !clock.missed.is_empty());
    for agency in &out.agencies {
        let r = &agency.returned;
        assert_eq!((r.requested, r.chronology, r.summary), (None, None, None));
    }
    let original = review.agencies.iter().map(|a| a.returned.entries);
    assert!(out.agencies.iter().map(|a| a.returned.entries).eq(original));
}

#[test]
fn the_fields_the_leak_check_reads_as_fixed_words_take_no_other_value() {
    let every_record = store::parse_review(
        include_str!("../../../../tests/golden/v3/every-record.review.ron"),
        std::path::Path::new("every-record.review.ron"),
    )
    .unwrap();
    let mut fixed_seen = 0;
    for review in [
        every_record,
        worked_case(),
        crate::examples::munro_appendix2(),
    ] {
        let value = serde_json::to_value(&review).unwrap();
        let mut paths = Vec::new();
        leaves(&value, Vec::new(), &mut paths);
        for path in paths {
            let field = path.last().unwrap();
            let mut changed = value.clone();
            let slot = at(&mut changed, &path);
            let old = slot.as_str().unwrap().to_string();
            *slot = Value::String("Rose Kettle".into());
            let loads = serde_json::from_value::<Review>(changed).is_ok();
            let one_word = !old.is_empty() && old.bytes().all(|b| b.is_ascii_alphanumeric());
            let listed = leak::is_fixed_field(&path[0], field);
            // Listed: no free text can hide there.
            assert!(
                !listed || !loads,
                "{path:?} is listed as fixed but takes free text"
            );
            // Not listed: the list misses a field of fixed words.
            assert!(
                listed || loads || !one_word || old.starts_with(|c: char| c.is_ascii_digit()),
                "{path:?} holds the fixed word {old:?} but is not listed"
            );
            fixed_seen += usize::from(listed);
        }
    }
    assert!(fixed_seen > 100, "{fixed_seen}");
}

#[test]
fn a_person_named_like_a_fixed_word_is_no_leak_in_the_fixed_fields() {
    let mut review = worked_case();
    review.people[0].name = "No Home".into();
    let anonymised = anonymise(&review).review;
    let leaks = leak::LeakChecker::new(&review).check_review(&anonymised);
    assert!(
        leaks.iter().all(|l| !l.location.ends_with("views_sought")
            && !l.location.ends_with("seen")
            && !l.location.ends_with("/ kind")),
        "{leaks:#?}"
    );
    // The same words as free text are still read.
    let mut leaked = anonymised.clone();
    leaked.episodes[0].what_happened = "No Home visited.".into();
    let leaks = leak::LeakChecker::new(&review).check_review(&leaked);
    assert!(
        leaks.iter().any(|l| l.location.ends_with("what_happened")),
        "{leaks:#?}"
    );
}

/// Each text anonymised alone in the small review, with what the leak
/// check finds in the result.
fn anonymised_with_leaks(text: &str) -> (String, Vec<leak::Leak>) {
    let review = small_review(&[text]);
    let out = anonymise(&review).review;
    let leaks = leak::LeakChecker::new(&review).check_review(&out);
    (first_text(&out), leaks)
}

#[test]
fn a_replacement_never_joins_its_neighbours_into_a_new_leak() {
    for (text, expected) in [
        // Day numbers glued before a date, which "July 2021" would join.
        ("LOG 2-1 OF July 2021. Next.", "LOG July 2021. Next."),
        (
            "Seen 2/1 of July 2021 and 1/3 July 2021.",
            "Seen July 2021 and July 2021.",
        ),
        ("Dated 01/08-1-1/08.", "Dated January 2008."),
        // A day joined to the coarsened date by "of".
        (
            "LOG 13 OF 02/07/2021. Spoke to Rosie.",
            "LOG July 2021. Spoke to Child R.",
        ),
        ("The 3rd of 02/07/2021.", "The July 2021."),
        ("LOG 2-1 OF 02/07/2021. Next.", "LOG July 2021. Next."),
        (
            "LOG 2\u{FFFD}31 OF 02/07/2021. Next.",
            "LOG 2, July 2021. Next.",
        ),
        // Numbers glued after a date, which would read as a reference.
        ("Dated 01/08-19/0-1.", "Dated August 2019."),
        // What the words replace ends before a digit: they are kept apart.
        ("Dated 01/08-19?184.", "Dated about August 2019 184."),
        // A handle named after a person, and one longer than any platform's.
        (
            "Mother posts as @rosie now.",
            "Mother posts as [social media account] now.",
        ),
        (
            "Mother posts as @rosie_k99999999999999999999999999999 now.",
            "Mother posts as [social media account] now.",
        ),
        // A name glued to what is replaced before it.
        (
            "Rang 07700 900123Rosie Kettle.",
            "Rang [phone number] [name].",
        ),
        // Numbers glued after a name, which would read as a reference
        // number after its pseudonym ("Child R-19/08").
        ("Seen by Rosie-19/08 today.", "Seen by Child R today."),
    ] {
        let (out, leaks) = anonymised_with_leaks(text);
        assert_eq!(out, expected, "from {text:?}");
        assert!(leaks.is_empty(), "{text:?} gave {out:?}: {leaks:#?}");
    }
    // An e-mail address is not a handle; a number before "of" goes with
    // the date, which it would read as the day of.
    let (out, leaks) =
        anonymised_with_leaks("Wrote to rosie@example.com on Ward 12 of 02/07/2021.");
    assert_eq!(out, "Wrote to [email] on Ward July 2021.");
    assert!(leaks.is_empty(), "{leaks:#?}");
}

#[test]
fn a_single_initial_in_a_pseudonym_or_a_reference_is_no_leak() {
    // "Z Khan" is Child Z: a letter alone names no one.
    let mut review = small_review(&["Z Khan was seen."]);
    review.people[0].name = "Z Khan".into();
    review.people[0].aliases.clear();
    review.people[0].pseudonym = "Child Z".into();
    review.meta.reviewers = vec!["Z. Reviewer".into()];
    review.findings = vec![Finding {
        id: Id::from("FN1"),
        references: vec!["Author Z (2020) Title. Publisher.".into()],
        ..Default::default()
    }];
    let out = anonymise(&review).review;
    assert_eq!(first_text(&out), "Child Z was seen.");
    let leaks = leak::LeakChecker::new(&review).check_review(&out);
    assert!(leaks.is_empty(), "{leaks:#?}");
    // The surname is still a leak wherever it is left.
    let mut leaked = out.clone();
    leaked.findings[0].references[0] = "Khan Z (2020) Title.".into();
    let leaks = leak::LeakChecker::new(&review).check_review(&leaked);
    assert_eq!(leaks.len(), 1, "{leaks:#?}");
}

/// Asserts that none of `texts` is left in `out`.
fn assert_gone(out: &str, texts: &[&str]) {
    for text in texts {
        assert!(!out.contains(text), "{text} left in {out:?}");
    }
}

/// An agency of the review, by its id, name and generic name.
fn named_agency(id: &str, name: &str, generic_name: &str) -> Agency {
    Agency {
        id: Id::from(id),
        name: name.into(),
        generic_name: generic_name.into(),
        ..Default::default()
    }
}

/// Asserts that every one of `texts` is kept in `out`.
fn assert_kept(out: &str, texts: &[&str]) {
    for text in texts {
        assert!(out.contains(text), "{text:?} lost in {out:?}");
    }
}

#[test]
fn public_names_record_shorthand_and_labels_are_kept() {
    let review = review_of_cast(
        &[
            ("Agnieszka Wróblewska", "Mother"),
            ("Zofia Adeyemi", "Child D"),
        ],
        "Babcia coming from Poland at Easter; new friend from the Polish shop. \
         Dog present (Staffie). Apgar 9/9. Movicol paed PRN. Xbox in his room; \
         breakfast at Greggs. Signposted to Kooth. No Op Encompass. Susp left in grey Astra. \
         Occ ref taken. Hx PND. IP withdrew statement; PNC checks - 2 x ABH. BAC not done. \
         Mr Fitzgerald HT spoke to him. UPN on form. Placed on register band B. Suggested refuge. \
         Card left. Demo'd correct prep. Handover to HV. Joint visit with SW. Zofia present.",
    );
    let out = first_text_as_written(&review);
    assert_kept(
        &out,
        &[
            "Babcia",
            "from Poland",
            "Polish shop",
            "(Staffie)",
            "Apgar 9/9",
            "Movicol paed PRN",
            "Xbox",
            "Greggs",
            "Kooth",
            "Op Encompass",
            "Susp left in grey Astra",
            "Occ ref",
            "Hx PND",
            "IP withdrew",
            "PNC checks - 2 x ABH",
            "BAC not done",
            "HT spoke",
            "UPN on form",
            "band B. Suggested refuge",
            "Card left",
            "Demo'd correct prep",
            "Handover to HV",
            "Joint visit with SW. Child D present",
        ],
    );
    assert!(!out.contains("Fitzgerald"), "{out}");
}

#[test]
fn a_letter_after_a_title_or_a_preposition_is_still_an_initial() {
    let review = review_of_cast(
        &[("Autumn Reid", "Child D")],
        "DSL (Mr G. Harries) rang. Seen by J. Baker; then by K. Marsden.",
    );
    let out = first_text(&review);
    assert_gone(&out, &["Harries", "Baker", "Marsden"]);
}

#[test]
fn a_named_unit_an_abbreviated_cast_street_and_a_zero_padded_day_are_replaced() {
    let mut review = review_of_cast(
        &[("Autumn Reid", "Child D")],
        "Offered 6 sessions at the Beech Unit, not the Mother and Baby Unit or the Family Centre. \
         Car found on Tanner St. ED saw 10/01; strategy discussion held 12/01. Score 10/12, r/v 2/52.",
    );
    review.places = vec![Place {
        id: Id::from("PL1"),
        name: "Flat 6, 44 Tanner Street, Calderbridge".into(),
        generic_name: "Address 1".into(),
        ..Default::default()
    }];
    let out = first_text(&review);
    assert_gone(&out, &["Beech", "Tanner", "10/01", "12/01"]);
    assert_kept(
        &out,
        &[
            "the Mother and Baby Unit",
            "the Family Centre",
            "Score 10/12",
            "r/v 2/52",
        ],
    );
}

#[test]
fn a_named_nursery_and_a_name_after_a_kinship_word_are_replaced() {
    let review = review_of_cast(
        &[("Kaiden Walsh", "Child D")],
        "Contact at Little Acorns nursery arranged. Grandma Sue collected; Nanna Pat rang. \
         Primary school place offered; Infant school too. Red Lion pub.",
    );
    let out = first_text(&review);
    assert_gone(&out, &["Little Acorns", "Sue", "Pat", "Red Lion"]);
    assert_kept(
        &out,
        &[
            "Grandma",
            "Nanna",
            "Primary school place",
            "Infant school too",
        ],
    );
}

#[test]
fn rarer_words_at_a_sentence_start_and_prison_and_probation_shorthand_are_kept() {
    let review = review_of_cast(
        &[("Kaiden Walsh", "Child D")],
        "Developmental review done. WellComm screen done. Dad in HMP Leeds. \
         Supervised by PO Gemma Thwaite; tag fitted by Serco.",
    );
    let out = first_text(&review);
    assert_kept(
        &out,
        &[
            "Developmental review",
            "WellComm screen",
            "HMP",
            "Supervised by PO",
            "by Serco",
        ],
    );
    assert_gone(&out, &["Gemma", "Thwaite"]);
}

#[test]
fn an_ordinary_word_after_a_name_in_capitals_or_after_a_role_is_kept() {
    let mut review = review_of_cast(
        &[("Kaiden Walsh", "Child D")],
        "MALE TARIQ MAHMOOD DETAINED. INFORMANT KERRY HILL. Attendees: DS Craven, HV Team. \
         Seen by Mr Green.",
    );
    review.chronology[0].author = "Named Nurse Safeguarding".into();
    let out = anonymise(&review);
    let entry = &out.review.chronology[0];
    assert_kept(&entry.text, &["DETAINED", "Attendees:", "HV Team"]);
    assert_gone(
        &entry.text,
        &["TARIQ", "MAHMOOD", "KERRY", "HILL", "Craven", "Green"],
    );
    assert_eq!(entry.author, "Named Nurse Safeguarding");
}

#[test]
fn a_short_given_name_that_is_a_word_after_a_role_is_a_name() {
    let mut review = review_of_cast(&[("Kaiden Walsh", "Child D")], "Seen.");
    review.chronology[0].author = "TSO (Rob Fenwick)".into();
    let out = anonymise(&review);
    let author = &out.review.chronology[0].author;
    assert!(
        !author.contains("Rob") && !author.contains("Fenwick"),
        "{author}"
    );
}

#[test]
fn orders_schemes_and_laws_of_the_field_are_kept() {
    let review = review_of_cast(
        &[("Kaiden Walsh", "Child D")],
        "Special Guardianship Order considered. Non-Molestation Order in place. \
         Child Abduction Warning Notice served. Clare's Law disclosure made. \
         Sarah's Law request declined. Education Health and Care Plan draft.",
    );
    let out = first_text(&review);
    assert_kept(
        &out,
        &[
            "Special Guardianship Order",
            "Non-Molestation Order",
            "Child Abduction Warning Notice",
            "Clare's Law",
            "Sarah's Law",
            "Education Health and Care Plan",
        ],
    );
}

#[test]
fn bank_details_handles_without_digits_and_days_without_their_month_are_replaced() {
    let review = review_of_cast(
        &[("Kaiden Walsh", "Child D")],
        "NINO JT 44 91 02 D confirmed. Bank acct 12345678 sort code 20-45-67. \
         Threats via Snap (shazzy.b). Seen in clinic (booked 27th). Next appt Tues 8th. \
         Not in school since 12th. Her 3rd child; the 2nd visit.",
    );
    let out = first_text(&review);
    assert_gone(
        &out,
        &[
            "JT 44", "12345678", "20-45-67", "shazzy", "27th", "8th", "12th",
        ],
    );
    assert_kept(
        &out,
        &[
            "NINO",
            "sort code [bank details]",
            "Her 3rd child; the 2nd visit",
        ],
    );
}

#[test]
fn house_and_building_names_go_and_kinds_of_place_stay() {
    let review = review_of_cast(
        &[
            ("Agnieszka Wróblewska", "Mother"),
            ("Zofia Adeyemi", "Child D"),
        ],
        "Mother moved to Elm Bank with Zofia. Staying at Rose Cottage with a friend. \
         Visit at Meadow View cancelled. Respite at Brookfield Grange. Attends St Mary's Primary. \
         Referred to the Food Bank. Met in the Car Park by the High Street.",
    );
    let out = first_text_as_written(&review);
    assert_gone(
        &out,
        &[
            "Elm Bank",
            "Rose Cottage",
            "Meadow View",
            "Brookfield",
            "St Mary",
        ],
    );
    // "St" before a saint's name is no street: the word before it stays.
    assert_kept(
        &out,
        &[
            "Attends ",
            "the Food Bank",
            "the Car Park",
            "the High Street",
        ],
    );
}

#[test]
fn named_services_and_settings_go_and_kinds_of_service_stay() {
    let review = review_of_cast(
        &[
            ("Agnieszka Wróblewska", "Mother"),
            ("Zofia Adeyemi", "Child D"),
        ],
        "Known to Harbour Outreach. Stays at Beacon Refuge. Supported by the Lighthouse Foundation. \
         Attends Sunrise Nursery. Works at Greenway Garage. Referred to Women's Aid and the Early Help Hub. \
         Drug and Alcohol Outreach visited. Seen by the Community Outreach team. Moved to a Primary School \
         then the Pupil Referral Unit; Forest School on Fridays; Sunday School; the Domestic Abuse Outreach.",
    );
    let out = first_text_as_written(&review);
    assert_gone(
        &out,
        &["Harbour", "Beacon", "Lighthouse", "Sunrise", "Greenway"],
    );
    assert_kept(
        &out,
        &[
            "Attends [place]",
            "the Early Help Hub",
            "Drug and Alcohol Outreach visited",
            "the Community Outreach team",
            "a Primary School",
            "the Pupil Referral Unit",
            "Forest School on Fridays",
            "Sunday School",
            "the Domestic Abuse Outreach",
        ],
    );
}

#[test]
fn case_recording_systems_are_kept() {
    let review = review_of_cast(
        &[
            ("Agnieszka Wróblewska", "Mother"),
            ("Zofia Adeyemi", "Child D"),
        ],
        "Recorded on LCS and EHM; GP notes on SystmOne, hospital on Cerner. School logged it on CPOMS. \
         Class teacher Miss Okonkwo rang.",
    );
    let out = first_text_as_written(&review);
    assert_kept(
        &out,
        &["on LCS and EHM", "on SystmOne", "on Cerner", "on CPOMS"],
    );
    assert_gone(&out, &["Okonkwo"]);
}

#[test]
fn a_streets_abbreviation_goes_with_its_street_or_stays_with_it() {
    for (text, expected) in [
        // The street of anyone's town, as "the high street" is.
        ("Shop on High St. Then home.", "Shop on High St. Then home."),
        ("Shop on High St, then home.", "Shop on High St, then home."),
        // A street named after an ordinary word locates a family as any
        // other does.
        (
            "Shop on Market St. Then home.",
            "Shop on [place]. Then home.",
        ),
        // A street that names a place goes whole.
        (
            "Shop on Tanner St. Then home.",
            "Shop on [place]. Then home.",
        ),
        (
            "Shop on Chapel St. Then home.",
            "Shop on [place]. Then home.",
        ),
    ] {
        let review = review_of_cast(&[("Agnieszka Wróblewska", "Mother")], text);
        let out = first_text_as_written(&review);
        assert_eq!(out, expected, "{text}");
    }
}

#[test]
fn fixed_terms_of_the_field_are_kept_whole_and_their_words_elsewhere_are_judged() {
    let review = review_of_cast(
        &[("Zofia Wiśniewska", "Subject child")],
        "Feed plan given, Bristol stool chart given. Asleep in Moses basket. \
         Zofia played the angel Gabriel and hopes for Sylvanian Families. \
         Seen with Gabriel Moses at the door.",
    );
    let out = first_text_as_written(&review);
    assert_kept(
        &out,
        &[
            "Bristol stool chart",
            "Moses basket",
            "the angel Gabriel",
            "Sylvanian Families",
        ],
    );
    // The same words outside a term are a person's name.
    assert_gone(&out, &["Gabriel Moses", "Zofia"]);
}

#[test]
fn a_surname_in_capitals_after_a_given_name_goes_with_it() {
    let review = review_of_cast(
        &[("Zofia Wiśniewska", "Subject child")],
        "Weighed by CNN Leanne PICKERING at clinic. MALE TARIQ MAHMOOD DETAINED AT SCENE.",
    );
    let out = first_text_as_written(&review);
    assert_gone(&out, &["PICKERING", "Leanne", "TARIQ", "MAHMOOD"]);
    // The field's abbreviation before the name, and shouting words after
    // a name in capitals, stay.
    assert_kept(&out, &["CNN", "DETAINED AT SCENE"]);
}

#[test]
fn a_user_name_is_found_by_its_shape_without_a_platform() {
    for (text, handle) in [
        ("New snap account (old one kaz_wisnia09).", "kaz_wisnia09"),
        ("Messages from lil_kay09 on her phone.", "lil_kay09"),
        ("Her account kaz09_x was blocked.", "kaz09_x"),
    ] {
        let found = crate::anonymise::identifiers::find_identifiers(text, &[]);
        assert!(
            found.iter().any(|i| &text[i.range.clone()] == handle
                && i.kind == crate::anonymise::identifiers::IdentifierKind::SocialMedia),
            "{text}: {found:?}"
        );
    }
    // Words joined by "_" with no digit are no account ("format_version",
    // a field of the review file).
    assert!(
        crate::anonymise::identifiers::find_identifiers("format_version: 1, named_loops: []", &[])
            .is_empty()
    );
}

#[test]
fn a_named_centre_goes_though_words_of_its_kind_of_service_follow_its_name() {
    let review = review_of_cast(
        &[("Zofia Wiśniewska", "Subject child")],
        "Born at Willow Birth Centre. Attends Sunrise Family Centre; \
         referred to the Family Support Centre and the Carers Centre.",
    );
    let out = first_text_as_written(&review);
    assert_gone(&out, &["Willow", "Sunrise"]);
    assert_kept(&out, &["the Family Support Centre", "the Carers Centre"]);
}

#[test]
fn a_pub_named_with_an_ordinary_word_is_a_place_and_a_street_after_market_is_a_street() {
    let review = review_of_cast(
        &[("Zofia Wiśniewska", "Subject child")],
        "Found asleep outside The Navigation; later in the car park of the Navigation. \
         Shop on Market Street, near the High Street.",
    );
    let out = first_text_as_written(&review);
    assert_gone(&out, &["Navigation", "Market Street"]);
    assert_kept(&out, &["the High Street"]);
}

#[test]
fn a_diminutive_of_a_cast_name_goes_in_lower_case_too_and_other_languages_kinship_stays() {
    let review = review_of_cast(
        &[("Zofia Wiśniewska", "Subject child")],
        "Mum calls her zosia at the gate; Zosia says Tata broke the door and Babcia came.",
    );
    let out = first_text_as_written(&review);
    assert_gone(&out, &["zosia", "Zosia"]);
    assert_kept(&out, &["Tata broke the door", "Babcia came"]);
}

#[test]
fn every_part_of_a_double_barrelled_surname_goes() {
    let review = review_of_cast(
        &[("Zofia Wiśniewska", "Subject child")],
        "SW Kelly-Ann O'Brien-Smith visited; Mrs O'Brien-Smith present. \
         Zofia Wiśniewska-Baker at St Mary's RC Primary.",
    );
    let out = first_text_as_written(&review);
    assert_gone(&out, &["Smith", "Baker", "O'Brien", "Kelly"]);
    assert_kept(&out, &["RC Primary"]);
}

#[test]
fn a_registration_with_a_space_after_its_letters_and_titles_of_nursing_and_faith() {
    let found = crate::anonymise::identifiers::find_identifiers("Vehicle reg KX 21 ABC seen.", &[]);
    assert!(
        found
            .iter()
            .any(|i| i.kind == crate::anonymise::identifiers::IdentifierKind::VehicleRegistration),
        "{found:?}"
    );
    let review = review_of_cast(
        &[("Zofia Wiśniewska", "Subject child")],
        "Triage nurse Sr. Mary-Kate Joyce. Fr. Tomasz visited. Coach at Brindleford Rovers FC.",
    );
    let out = first_text_as_written(&review);
    assert_gone(&out, &["Mary-Kate", "Joyce", "Tomasz", "Brindleford"]);
    assert_kept(&out, &["Sr.", "Fr.", "FC"]);
}

#[test]
fn a_lower_case_name_after_a_relation_goes_and_lower_case_shorthand_stays() {
    let review = review_of_cast(
        &[("Zofia Wiśniewska", "Subject child")],
        "spoke to mum, nan brenda helps. her mate skinz was there. dad dna appt, mum pnd hx. \
         NEIGHBOUR MRS HUSSAIN AT 16 WAS WITNESS.",
    );
    let out = first_text_as_written(&review);
    assert_gone(&out, &["brenda", "skinz", "HUSSAIN"]);
    assert_kept(&out, &["dad dna appt", "mum pnd hx", "AT 16 WAS WITNESS"]);
}

#[test]
fn a_named_surgery_or_pharmacy_goes_and_a_kind_of_practice_stays() {
    let review = review_of_cast(
        &[("Zofia Wiśniewska", "Subject child")],
        "Registered at Riverside Surgery, then Canal View Medical Practice. \
         Prescription from Lockside Pharmacy. Seen by the Practice Nurse; \
         discussed at General Practice and Good Practice meetings.",
    );
    let out = first_text_as_written(&review);
    assert_gone(&out, &["Riverside", "Canal View", "Lockside"]);
    assert_kept(
        &out,
        &["the Practice Nurse", "General Practice", "Good Practice"],
    );
}

/// A name the review names surely in one record is replaced wherever else
/// it is written; quoted nicknames, shops named with ordinary words,
/// streets typed in lower case, tower blocks and postcode districts go;
/// the field's words stay.
#[test]
fn what_one_record_names_is_replaced_in_every_other() {
    let review = small_review(&[
        "Housing Officer Bob Lister visited. Complaint from Frank Tilley (no. 82). SW Adeyemi rang.",
        "Lister to visit with IDVA. Frank (neighbour) let her stay. rang adeyemi - aware.",
        "Older males 'Blaze' + 'Tiny' in cars. Later: 'Blaze is my boyfriend'. A tiny bruise. \
         Seen w/ blaze again. A small blaze in the kitchen bin.",
        "Older ones call him Shorty. Texts instructing 'shorty go back ends'. Shorty trousers.",
        "Snapchat contact bigz_trap ('Bigz', believed older). Said bigz don't ring no more.",
        "He buys her food at Lucky Star Chicken. Seen again at Lucky Star.",
        "Seen outside Fresh Choice Food & Wine on bowyer rd. Arrested at 19 Tallow Tower.",
        "Declines to leave ZQ3 area. Lives ZQ14 side. She cried when she had Mishti. \
         Stayed with a friend in ZX7. Plays as StefGhost07 on PSN.",
        "Over Xmas school hols. DofE next term. NRPF Connect. CAWN given. RCADS elevated. \
         Fraser competency assessed. Emollient + Hedrin. Levonelle 1.5mg. Gucci belt. \
         After Jummah. Eid ul-Adha. Fried Chicken for tea. GAD7 and B12 in the area. \
         Down the main rd. Brought mishti for Eid. Frank discussion held. \
         Working in KS2 maths. GMFCS level IV. IDDSI level 2. SUDEP leaflet. EUSS settled status. \
         Drives a VW Golf. Came for Paște. Baclofen 5mg TDS.",
        "Dawn rang about the visit. Hope to see her soon. Grace visited with the HV.",
        "Tel + visit at Cwmhelyg YW14 3NX. Not a Flying Start area (YW14 outside). \
         Van CP68QXW at pitch 6. He plays Fortnite at night as DaiDraig99. \
         CT head: bilateral SDH. LFTs: GGT 212, MCV 104. AA on Tuesdays. Vitamin B12 given.",
        "Dawn Pickering (HV) visited; D Pickering to weigh again. Placed at the Mallard Hotel. \
         Works at Blue Wave Hand Car Wash; seen at Blue Wave again. HO notified (R227 1093). \
         Czech plates 3Q7 2519. Lives ZZ7 4QT. Drying a Mercedes Sprinter. Merton compliant \
         age assessment with a Sorani interpreter. Infatrini 150ml. In Y10 2024 cohort. Text: 'friday or i come to quillon'. \
         Lives in the ('Little Europe' area). Everyone in Little Europe knows him.",
    ]);
    let (out, text) = anonymised_as_written(&review);
    for identifying in [
        "Lister",
        "Tilley",
        "Frank (",
        "Adeyemi",
        "adeyemi",
        "Blaze",
        "Tiny",
        "w/ blaze",
        "Shorty",
        "'shorty",
        "Bigz",
        "bigz",
        "Lucky Star",
        "Fresh Choice",
        "bowyer",
        "Tallow",
        "ZQ3",
        "ZQ14",
        "Mishti",
        "ZX7",
        "StefGhost07",
        "Dawn",
        "Grace",
        "YW14",
        "CP68QXW",
        "pitch 6",
        "DaiDraig99",
        "Pickering",
        "Mallard",
        "Blue Wave",
        "R227 1093",
        "3Q7 2519",
        "ZZ7 4QT",
        "quillon",
        "Little Europe",
    ] {
        assert!(
            !text.contains(identifying),
            "\"{identifying}\" left in:\n{text}"
        );
    }
    for kept in [
        "Over Xmas school hols",
        "DofE next term",
        "NRPF Connect",
        "CAWN given",
        "RCADS elevated",
        "Fraser competency assessed",
        "Emollient + Hedrin",
        "Levonelle 1.5mg",
        "Gucci belt",
        "After Jummah",
        "Eid ul-Adha",
        "Fried Chicken for tea",
        "GAD7 and B12 in the area",
        "Down the main rd",
        "A small blaze in the kitchen bin",
        "Drying a Mercedes Sprinter",
        "Merton compliant age assessment with a Sorani interpreter",
        "Infatrini 150ml",
        "In Y10 2024 cohort",
        "CT head: bilateral SDH",
        "LFTs: GGT 212, MCV 104",
        "AA on Tuesdays",
        "Vitamin B12 given",
        "Flying Start area",
        "Brought mishti for Eid",
        "Hope to see her soon",
        "A tiny bruise",
        "Working in KS2 maths",
        "GMFCS level IV",
        "IDDSI level 2",
        "SUDEP leaflet",
        "EUSS settled status",
        "Drives a VW Golf",
        "Came for Paște",
        "Baclofen 5mg TDS",
        "Housing Officer",
        "IDVA",
    ] {
        assert!(text.contains(kept), "\"{kept}\" lost in:\n{text}");
    }
    // The report lists each replacement where it was made, the second
    // pass's as well as the first's.
    let lister: Vec<_> = out
        .report
        .occurrences()
        .filter(|o| o.original.contains("Lister"))
        .map(|o| format!("{} {}", o.record, o.original))
        .collect();
    assert_eq!(lister, ["C1 Bob Lister", "C2 Lister"], "{lister:?}");
}

#[test]
fn what_the_chronology_names_is_replaced_in_the_review_written_about_it() {
    let mut review = small_review(&[
        "Housing Officer Bob Lister visited. Her friend Amber Nolloth stayed over.",
        "Seen outside Lucky Star Chicken with older males.",
    ]);
    review.episodes = vec![crate::model::PracticeEpisode {
        id: Id::from("E1"),
        title: "Lister's visit".into(),
        what_happened: "Lister visited; Amber was there and LISTER spoke to her.".into(),
        local_rationality: "Rose was often at Lucky Star. A tiny flat; amber light.".into(),
        ..Default::default()
    }];
    review.findings = vec![Finding {
        id: Id::from("FN1"),
        statement: "Housing officers such as Lister work alone.".into(),
        ..Default::default()
    }];
    let out = Anonymiser::new(&review)
        .keeping_sensitive_details()
        .review(&review);
    let episode = &out.review.episodes[0];
    let written = format!(
        "{}\n{}\n{}\n{}",
        episode.title,
        episode.what_happened,
        episode.local_rationality,
        out.review.findings[0].statement
    );
    for identifying in ["Lister", "LISTER", "Amber was", "Lucky Star"] {
        assert!(
            !written.contains(identifying),
            "\"{identifying}\" left in:\n{written}"
        );
    }
    assert!(written.contains("amber light"), "{written}");
    assert!(written.contains("Housing officers"), "{written}");
    // Each replacement is listed once, in the text it is in.
    let report = &out.report;
    let in_episode: Vec<_> = report
        .occurrences()
        .filter(|o| o.record.as_str() == "E1" && o.field == "what_happened")
        .map(|o| o.original.clone())
        .collect();
    assert_eq!(
        in_episode.iter().filter(|o| o.as_str() == "Lister").count(),
        1,
        "{in_episode:?}"
    );
}

/// Names made of ordinary words, found by where they stand: a signature,
/// a title of a church, a role before a surname, what someone is called
/// in quotation marks; and a reference that starts like a month.
#[test]
fn names_of_ordinary_words_are_found_by_where_they_stand() {
    let mut review = small_review(&[
        "Session. CAMHS (Mercy Little) continuing.",
        "Referral from school (DSL Patience Osei). Sis Testimony + Bro Gift did the training.",
        "Kane DOWDING (20, 'K-Dog') in his contacts as 'lil T'. Ticket bought by 'kdog_deeline'.",
        "MARAC today, ref MAR-24-0117. Actions agreed.",
        "Deacon Godswill leading; Brother Gift Oduya (youth leader) spoke.",
    ]);
    review.chronology[0].author = "Mercy Little (CAMHS Practitioner)".into();
    review.chronology[1].author = "M Little".into();
    review.chronology[2].author = "Duty SW".into();
    review.chronology[3].author = "Peace Okoro".into();
    let out = anonymise(&review).review;
    let all: Vec<String> = out
        .chronology
        .iter()
        .flat_map(|e| [e.author.clone(), e.text.clone()])
        .collect();
    let all = all.join("\n");
    for name in [
        "Mercy",
        "Little",
        "Patience",
        "Osei",
        "Testimony",
        "Gift",
        "K-Dog",
        "lil T",
        "kdog_deeline",
        "MAR-24-0117",
        "Peace",
        "Okoro",
        "Godswill",
        "Oduya",
    ] {
        assert!(!all.contains(name), "{name} left in:\n{all}");
    }
    // The role the signature gives, and a role alone, stay.
    assert_eq!(out.chronology[0].author, "[name] (CAMHS Practitioner)");
    assert_eq!(out.chronology[2].author, "Duty SW");
    assert!(all.contains("MARAC today"), "{all}");
}

/// A church, shop or letting agent named with ordinary words, and the
/// short name it goes by; a public name before "nursery" names no place.
#[test]
fn a_business_goes_by_its_short_name_and_a_public_name_is_no_place() {
    let mut review = small_review(&[
        "Sessions at Flaming Sword Deliverance Ministry. Brother Gift from Flaming Sword came.",
        "Works at Mama Put Kitchen. Landlord Gannet Lettings. At an Ofsted-registered nursery.",
        "Weekly contact at Mama Put after closing.",
    ]);
    review.agencies.push(Agency {
        id: Id::from("A2"),
        name: "Flaming Sword Deliverance Ministry".into(),
        generic_name: "Religious organisation".into(),
        ..Default::default()
    });
    let out = anonymise(&review).review;
    let all: Vec<&str> = out.chronology.iter().map(|e| e.text.as_str()).collect();
    let all = all.join("\n");
    for name in ["Flaming Sword", "Mama Put", "Gannet"] {
        assert!(!all.contains(name), "{name} left in:\n{all}");
    }
    assert!(all.contains("an Ofsted-registered nursery"), "{all}");
}

/// Vietnamese and Chinese families' names as agency records write them:
/// the family name first, as a particle of other languages ("Le Thi
/// Hoa", then "Ms Le"); names in Chinese characters; a workplace named
/// with ordinary words; a church that goes by its short name; a Zalo ID;
/// words for relatives before a name ("bà Lan").
#[test]
fn names_of_vietnamese_and_chinese_families_are_found() {
    let mut review = small_review(&[
        "Ms Le + Linh seen. Chen Jianhua (陈建华, chef at Happy Garden) came.",
        "Registered as 'Mei Lin' (林梅 on her passport). Dad works 12-hr shifts at Happy Garden.",
        "Living Water Chinese Church mums' group; WeChat group 'Living Water Mums'. Zalo ID tuananh88.",
        "Pray for bà Lan in Nghệ An at Tết. Works at Tesco on Saturdays.",
    ]);
    review
        .people
        .push(person("P4", "Le Thi Hoa", &["Hoa"], "Mother 2"));
    let out = anonymise(&review).review;
    let all: Vec<&str> = out.chronology.iter().map(|e| e.text.as_str()).collect();
    let all = all.join("\n");
    for name in [
        "Le ",
        "陈建华",
        "林梅",
        "Happy Garden",
        "Living Water",
        "tuananh88",
        "Lan",
    ] {
        assert!(!all.contains(name), "{name} left in:\n{all}");
    }
    for kept in ["WeChat", "Zalo", "bà", "Nghệ An", "Tết", "Tesco"] {
        assert!(all.contains(kept), "{kept} lost in:\n{all}");
    }
}

/// Refugee and British families' names as records write them: a surname
/// in capitals before a given name, a name that is a season before an age
/// or after "looks after", a surname that is also a title, the word an
/// agency's name puts before its kind, a particle that is no name alone,
/// and an identifier written bare where another record labels it.
#[test]
fn names_of_refugee_and_british_families_are_found() {
    let mut review = small_review(&[
        "HILL Jordan (Hilly) known to police. Present: SW Faye Linton, Helen Bishop (Resettlement).",
        "Voucher: mother, 2 children (Tyler 13, Summer 4). 'I'm the one who looks after Summer'.",
        "HV with Pashto interpreter (Tidewater). Eid al-Fitr prayers at 8am; called me 'khala jan'.",
        "Pashto interpreter (PS-031) booked. Custody, telephone, PS-031 again.",
    ]);
    review
        .people
        .push(person("P4", "Summer Fisher", &["Summer"], "Daughter 2"));
    review
        .people
        .push(person("P5", "Maryam Al-Hassan", &[], "Child 3"));
    review.people.push(person("P6", "Gul Jan", &[], "Mother 2"));
    review.agencies.push(Agency {
        id: Id::from("A2"),
        name: "Tidewater Language Services".into(),
        generic_name: "Interpreting service".into(),
        ..Default::default()
    });
    let out = anonymise(&review).review;
    let all: Vec<&str> = out.chronology.iter().map(|e| e.text.as_str()).collect();
    let all = all.join("\n");
    for name in ["HILL", "Bishop", "Summer", "Tidewater", "PS-031"] {
        assert!(!all.contains(name), "{name} left in:\n{all}");
    }
    for kept in ["Eid al-Fitr", "khala jan"] {
        assert!(all.contains(kept), "{kept} lost in:\n{all}");
    }
}

#[test]
fn scottish_and_northern_irish_records_keep_their_vocabulary() {
    let mut review = small_review(&[
        "Found unresponsive, RR 6, BP 168/96. Amlodipine 5mg OD. Vit D normal. SADQ 28, EMA £30/wk.",
        "Pre-birth IRD agreed. Home Fire Safety Visit requested from the SFRS. Query ASD/ADHD.",
        "Traced at his pitch (council Gypsy/Traveller site). Discussed Foundation Apprenticeship.",
        "Protective: her gran, camogie w/ the club. Bottle of Irn-Bru in the buggy. 'meu Deus'.",
        "Referred to the Concern Hub. Left for Co. Donegal. Photos w/ Biji at the gurdwara.",
        "MISPER: MACRITCHIE Eilidh Hope, 12. Betting at Sure Thing bookmakers, taxi from Bluebell Taxis.",
        "Con 7736 attended. Serial 1523. Bríd Casey, b. 1961. Paid, ending ...4417. Van KQZ 2186.",
        "Ruby-Leigh (d.b. 22 Meitheamh 2022). Tazkira says year 1394. Sinh ngày 03 tháng 10 năm 2009.",
        "Fight on Front Street. Year 11, C2K snloingsigh427.",
        "Children at home: KT 14 and Tayla. Kyle took 20mg of the diazepam.",
    ]);
    review
        .people
        .push(person("P4", "Eilidh MacRitchie", &["Eilidh"], "Daughter 2"));
    review
        .people
        .push(person("P5", "Bríd Casey", &[], "Maternal Gran"));
    let (out, _) = anonymised_as_written(&review);
    let out = out.review;
    let all: Vec<&str> = out.chronology.iter().map(|e| e.text.as_str()).collect();
    let all = all.join("\n");
    for name in [
        "Hope",
        "Sure Thing",
        "Bluebell",
        "7736",
        "1523",
        "1961",
        "4417",
        "KQZ",
        "Meitheamh",
        "1394",
        "tháng",
        "Front Street",
        "snloingsigh427",
        "KT",
        "Kyle",
    ] {
        assert!(!all.contains(name), "{name} left in:\n{all}");
    }
    for kept in [
        "RR 6",
        "BP 168/96",
        "Amlodipine 5mg OD",
        "Vit D",
        "SADQ 28",
        "EMA £30",
        "Pre-birth",
        "IRD",
        "SFRS",
        "ASD/ADHD",
        "Gypsy/Traveller",
        "Foundation Apprenticeship",
        "camogie",
        "Irn-Bru",
        "meu Deus",
        "Concern Hub",
        "Co. Donegal",
        "Biji",
    ] {
        assert!(all.contains(kept), "{kept} lost in:\n{all}");
    }
}

#[test]
fn clubs_pets_nicknames_and_welsh_forms_of_names_are_found() {
    let mut review = small_review(&[
        "Youth worker from Forge Youth Club visited. Keep in touch via the Forge.",
        "Joined Debate Club and Homework Club. Sunday school w/ gran. Catholic church.",
        "Sheepdog Moss would not leave her. Misses Moss. Her pony Seren is at Nain's.",
        "Daughter re 'Tank': went to meet 'Tank'. Talks to 'Tank' on Roblox. RAG from 'Amber' to 'Red'.",
        "Roblox user xTankx_UK. Service user feedback good. Phone had the BENZ line.",
        "Siôn a Charys yn dod adref. Cacen i Ddewi. Mae Garys yn iawn.",
        "Alternative provision: Alder Bridge from 11/11. Dropped at the Hive, then Hive group.",
    ]);
    review
        .people
        .push(person("P4", "Carys Pugh", &[], "Daughter"));
    review.people.push(person("P5", "Dewi Pugh", &[], "Son"));
    for (id, name, generic_name) in [
        ("A2", "Alder Bridge PRU", "Pupil referral unit"),
        ("A3", "The Hive", "Youth service"),
    ] {
        review.agencies.push(Agency {
            id: Id::from(id),
            name: name.into(),
            generic_name: generic_name.into(),
            ..Default::default()
        });
    }
    let (out, _) = anonymised_as_written(&review);
    let out = out.review;
    let all: Vec<&str> = out.chronology.iter().map(|e| e.text.as_str()).collect();
    let all = all.join("\n");
    for name in [
        "Forge",
        "Moss",
        "Seren",
        "Tank",
        "xTankx_UK",
        "BENZ",
        "Charys",
        "Ddewi",
        "Garys",
        "Alder Bridge",
        "Hive",
    ] {
        assert!(!all.contains(name), "{name} left in:\n{all}");
    }
    for kept in [
        "Youth Club",
        "Debate Club",
        "Homework Club",
        "Sunday school",
        "Catholic church",
        "'Amber' to 'Red'",
        "Service user feedback",
        "Sheepdog",
        "pony",
        "Alternative provision",
    ] {
        assert!(all.contains(kept), "{kept} lost in:\n{all}");
    }
}

#[test]
fn welsh_days_months_and_counties_are_kept_and_a_house_by_its_last_word_is_not() {
    let review = small_review(&[
        "Dydd Llun 3 Mawrth 2025. Siôn yn hwyr eto. Eisteddfod ym mis Mai. Tymor Medi-Hydref.",
        "Comes every Saturday (bob Sadwrn). Posted to Wiltshire, then Cumbria. Asleep in Cymraeg.",
        "Pinned under a Honda TRX quad. AH to liaise w/ ISVA. Ah well, she said.",
        "Family now at the Old Chapel, Stryd y Cei. Owner needs the Chapel back by Easter.",
    ]);
    let (out, _) = anonymised_as_written(&review);
    let out = out.review;
    let all: Vec<&str> = out.chronology.iter().map(|e| e.text.as_str()).collect();
    let all = all.join("\n");
    for name in ["3 Mawrth 2025", "AH to", "Old Chapel", "the Chapel"] {
        assert!(!all.contains(name), "{name} left in:\n{all}");
    }
    for kept in [
        "Dydd Llun",
        "mis Mai",
        "Medi-Hydref",
        "bob Sadwrn",
        "Wiltshire",
        "Cumbria",
        "Cymraeg",
        "Honda TRX",
        "Ah well",
    ] {
        assert!(all.contains(kept), "{kept} lost in:\n{all}");
    }
}

#[test]
fn pets_seaside_venues_rooms_foreign_plates_and_dates_in_words_are_found() {
    let review = small_review(&[
        "No pets clause - dog Bandit to neighbour. Visit: Bandit (Staffy) in garden.",
        "Bandit back in the garden. Playing the one-armed bandits.",
        "Placed in TA: Sandpiper Holiday Park, Plot 31. Later seen outside Golden Sands Amusements.",
        "Caravan at Sandpiper cold + damp. Lucky Dip prize from Golden Sands.",
        "Night manager, Esplanade Court Hotel, North Esplanade. Moved to Rm 108. Back at Esplanade Court.",
        "Man in black Audi, Lithuanian plates KTA517. Later KTA517 seen again.",
        "Lucky (born the nineteenth of January 2014 in Germany). RAG Amber. Bike from Halfords.",
        "EU Settlement Scheme - Pre-Settled Status. Referred Migrant Help. Lidet at church.",
        "Food bank voucher (the Storehouse). Furniture via the Storehouse. Bus from Pier Approach.",
        "Referral to the Reporter. Safe space at the Base. Signs of Safety Approach. At the Hospital.",
        "Discussed Refuge helpline + IDVA referral.",
    ]);
    let (out, _) = anonymised_as_written(&review);
    let out = out.review;
    let all: Vec<&str> = out.chronology.iter().map(|e| e.text.as_str()).collect();
    let all = all.join("\n");
    for name in [
        "Bandit",
        "Sandpiper",
        "Golden Sands",
        "Esplanade Court",
        "North Esplanade",
        "Rm 108",
        "KTA517",
        "nineteenth",
        "January 2014",
        "Storehouse",
        "Pier Approach",
    ] {
        assert!(!all.contains(name), "{name} left in:\n{all}");
    }
    for kept in [
        "one-armed bandits",
        "RAG Amber",
        "Halfords",
        "EU Settlement Scheme",
        "Pre-Settled Status",
        "Migrant Help",
        "Lidet",
        "Staffy",
        "the Reporter",
        "the Base",
        "Signs of Safety Approach",
        "the Hospital",
        "Discussed Refuge helpline",
    ] {
        assert!(all.contains(kept), "{kept} lost in:\n{all}");
    }
}

/// A given name that is also a word, before a common surname, is a name
/// ("placed with Carol Hinds"), and that person's given name alone is
/// theirs in the other records; a place the reviewer typed into a role
/// ("Father - HMP Stourmoor") is still a place in the records.
#[test]
fn a_word_name_before_a_surname_and_a_place_in_a_role_are_found() {
    let mut review = small_review(&[
        "Placed with Carol Hinds, who sang a carol. Met in the Lily Garden; Red Book checked.",
        "Carol took the reg. Father at HMP Stourmoor for robbery.",
        "Neighbour Kath Wood rang.",
    ]);
    review.people[1].role = "Father - HMP Stourmoor".into();
    let (out, _) = anonymised_as_written(&review);
    let all = chronology_text(&out);
    assert_gone(&all, &["Carol", "Hinds", "Stourmoor", "Wood"]);
    assert_kept(
        &all,
        &["sang a carol", "the Lily Garden", "Red Book checked"],
    );
}

#[test]
fn titles_names_that_are_words_northern_places_pets_and_code_words_are_found() {
    let review = small_review(&[
        "Strategy meeting: DSL Mr Lord. Mr Judge rang back. D Lord (DSL) to chase. Praise the Lord.",
        "ICPC chaired by Carol Mountain (IRO). Carol sang a carol.",
        "Seun wants his mum Comfort invited. Her son Gift (9) helped. Comfort feeding at night.",
        "Phone cell-sited to Prospect Mill + Tanner's Ginnel. Lay-by on High Rake Moor. Cinder Clough.",
        "Found at Lower Slack Reservoir car park. Moved to Shuttle Brow.",
        "\"I miss Biscuit\" (dad's Staffy). Baby Bank visit. Pregnancy and Baby Payment claimed.",
        "Collection password \"Mango\". Codeword 'sunflower' if not safe. Password reset by IT.",
        "T2DM on Metformin 500mg BD + Gliclazide. Folic acid and Vit K given. Halal meat. JazakAllah.",
        "Text Shout 85258 or ring Childline 0800 1111. Samaritans 116 123. Mum's mobile 07700 900231.",
        "ROSH high. PCN issued. HEADSSS done. NOF fracture. HSF voucher. RCCG church. Thinkuknow.",
        "Discord jazzykat, in server \"Night Owls\". Snap with friends. Xbox gamertag fine.",
        "On Discord with her friends from Night Owls. Volunteer Sue packed. Volunteer Centre open.",
        "Carer from Baltic Agri Labour Ltd. Sunday school. Group chat 'Y9 girlies' muted.",
    ]);
    let (out, _) = anonymised_as_written(&review);
    let all = chronology_text(&out);
    assert_gone(
        &all,
        &[
            "Mr Lord",
            "Mr Judge",
            "D Lord",
            "Carol Mountain",
            "mum Comfort",
            "son Gift",
            "Prospect",
            "Tanner's",
            "High Rake",
            "Cinder",
            "Lower Slack",
            "Shuttle",
            "Biscuit",
            "Mango",
            "sunflower",
            "07700 900231",
            "jazzykat",
            "Night Owls",
            "Sue",
            "Baltic Agri Labour",
            "Y9 girlies",
        ],
    );
    assert_kept(
        &all,
        &[
            "Praise the Lord",
            "sang a carol",
            "Comfort feeding",
            "Baby Bank",
            "Pregnancy and Baby Payment",
            "Password reset by IT",
            "Codeword",
            "Metformin 500mg BD + Gliclazide",
            "Folic acid and Vit K",
            "Halal meat",
            "JazakAllah",
            "Shout 85258",
            "Childline 0800 1111",
            "Samaritans 116 123",
            "ROSH high. PCN issued. HEADSSS done. NOF fracture. HSF voucher. RCCG church. Thinkuknow.",
            "Snap with friends. Xbox gamertag fine.",
            "Volunteer Centre open",
            "Sunday school",
        ],
    );
}

/// A cast name's word beside a name that is not the same person's names
/// someone else: the whole name becomes a placeholder, never a cast
/// member's pseudonym, which would say a fact that is not true ("the
/// cousin is the mother's partner"). A cast member's name with a middle
/// word the cast does not list is still their pseudonym.
#[test]
fn a_name_made_partly_of_cast_words_is_someone_elses_and_asserts_no_one() {
    let mut review = small_review(&[
        "Jory Pascoe (cousin) visited the flat.",
        "Seen with Tran Thi Mai and her son.",
        "Spoke to Khoa Nguyen at the gate.",
        "Manager LE Thi Thu states she is the owner.",
        "Jory Michael Trewin attended. Hoa Nguyen attended. Jory Trewin rang.",
        "Dad Jory and Mum Hoa came; Khoa and Hoa left.",
        "Hoa Thu came to the door. Jory Trewin Snr rang.",
        "Kevin Tran in with a bandaged hand.",
        "On arrival SINGH Gurpreet at the door; Arjan Singh Dhillon asleep.",
    ]);
    review.people = vec![
        person("P1", "Nguyễn Thị Hoa", &["Hoa Nguyen"], "Mother"),
        person("P2", "Trần Minh Khoa", &["Kevin"], "Son"),
        person("P3", "Jory Trewin", &[], "Partner"),
        person("P4", "Gurpreet Singh Dhillon", &[], "Stepfather"),
        person("P5", "Arjan Singh Dhillon", &[], "Baby"),
    ];
    let (_, all) = anonymised_as_written(&review);
    let lines: Vec<&str> = all.lines().collect();
    assert_eq!(lines[0], "[name] (cousin) visited the flat.");
    assert_eq!(lines[1], "Seen with [name] and her son.");
    assert_eq!(lines[2], "Spoke to [name] at the gate.");
    assert_eq!(lines[3], "Manager [name] states she is the owner.");
    assert_eq!(lines[4], "Partner attended. Mother attended. Partner rang.");
    assert_eq!(
        lines[5],
        "Dad Partner and Mum Mother came; Son and Mother left."
    );
    // A cast word before a name word nothing else found; a generation
    // after a name is no name.
    assert_eq!(lines[6], "[name] came to the door. Partner Snr rang.");
    // An alias and a part of the same person's name found apart: their
    // pseudonym once.
    assert_eq!(lines[7], "Son in with a bandaged hand.");
    // A word two cast members share, beside a word of one: that one.
    assert_eq!(lines[8], "On arrival Stepfather at the door; Baby asleep.");
}

/// Classes a Cornish and Ukrainian chronology showed: a host or sponsor
/// by name, a phone number abroad, a fishing boat's port letters and
/// number glued, and the field's words that must be kept: a national
/// body's initials, an abbreviation with small letters inside, a
/// measurement, vaccines and scores, a named storm, a saint's day.
#[test]
fn hosts_numbers_abroad_and_boats_are_found_and_the_fields_words_kept() {
    let review = small_review(&[
        "Host Gill struggling. Sponsor Derek rang. Host family visit done.",
        "Ukrainian number +380 67 000 4172; Polish +48 512 345 678. Score +5 today.",
        "Crewing on the boat PZ417 again, then FV Morwennol AHL27. Call NHS111. Y11 pupil. PHQ9 14. KS2 SATs.",
        "HMRC informed re cash wages. OASys RoSH medium. DoLS in place.",
        "Toothpaste 1450ppm advised. BCG given. NIPE normal. CO alarm fitted.",
        "Damage in Storm Darragh. St Piran's Day parade. Duke of Edinburgh bronze.",
        "Conveyed by SWASFT. Signposted to the Fishermen's Mission. Per TEN-4-FACESp.",
    ]);
    let (_, all) = anonymised_as_written(&review);
    assert_gone(
        &all,
        &[
            "Gill", "Derek", "+380", "000 4172", "512 345", "PZ417", "AHL27",
        ],
    );
    assert_kept(
        &all,
        &[
            "Host family visit",
            "Score +5 today",
            "NHS111",
            "Y11 pupil",
            "PHQ9 14",
            "KS2 SATs",
            "HMRC informed",
            "RoSH medium",
            "DoLS in place",
            "1450ppm",
            "BCG given. NIPE normal. CO alarm",
            "Storm Darragh",
            "St Piran's Day",
            "Duke of Edinburgh",
            "SWASFT",
            "Fishermen's Mission",
            "TEN-4-FACESp",
        ],
    );
}

/// Classes a Fenland chronology showed: droves, caravan pitches in a
/// range, a doubled syllable for a nickname, a name someone asks to be
/// called, an interpreter's ID and a safeguarding log's number; and an
/// Act's title, whose words are no one's.
#[test]
fn droves_pitches_doubled_nicknames_and_log_numbers_are_found_and_acts_kept() {
    let review = small_review(&[
        "Police op at the barn, Cuckoo Drove. Rents pitches 38-44 to workers.",
        "Family call him Jun-Jun. Asks to be called Duke at home.",
        "Interpreter booked (ID PT-2207). CPOMS 3301 [Welfare]. GAD-7 and COVID-19 noted.",
        "Offences under the Gangmasters (Licensing) Act 2004 and the Modern Slavery Act 2015.",
    ]);
    let (_, all) = anonymised_as_written(&review);
    assert_gone(
        &all,
        &["Cuckoo", "38-44", "-44", "Jun", "Duke", "PT-2207", "3301"],
    );
    assert_kept(
        &all,
        &[
            "GAD-7 and COVID-19",
            "Gangmasters (Licensing) Act 2004",
            "Modern Slavery Act 2015",
        ],
    );
}

/// A cast member's word inside a longer fixed term of the field (a car's
/// model, a named storm, a brand of vape) names the thing, not the person:
/// it is kept, and the leak check accepts it; the person's own name is
/// still replaced, alone and whole.
#[test]
fn a_cast_word_inside_a_fixed_term_is_the_terms_and_no_leak() {
    let review = review_of_cast(
        &[
            ("Ciara De Leon", "Mother"),
            ("Mary Bautista", "Grandmother"),
        ],
        "Ciara's Seat Leon damaged in Storm Ciara. Mary vaping Lost Mary. \
         Seen: Ciara De Leon and Mary. Ms De Leon agreed. Leon family home.",
    );
    let out = anonymise(&review);
    let text = &out.review.chronology[0].text;
    assert!(text.contains("Seat Leon damaged in Storm Ciara"), "{text}");
    assert!(text.contains("vaping Lost Mary"), "{text}");
    assert!(text.starts_with("Mother's Seat Leon"), "{text}");
    for gone in ["Ciara De Leon", "and Mary", "Ms De Leon", "Leon family"] {
        assert!(!text.contains(gone), "{gone} left in {text}");
    }
    let leaks = LeakChecker::new(&review).check_review(&out.review);
    assert!(leaks.is_empty(), "{leaks:?}");
}

/// Classes a garrison town's and a Hong Kong and Kurdish family's
/// chronologies showed: a name romanised with its tones' numbers, a
/// Cantonese given name's syllable after a hyphen, the name of a local
/// operation, a right-to-work share code, a safeguarding log's number
/// after "#", a block, a quarter and a married quarter's number, a town
/// abroad, an ordinary word found as a name said again in the same
/// record, a group by its name before its platform's and a minibus by its
/// name; and what must be kept: the forces' abbreviations and
/// operations, countries and capitals, martial arts and festivals, a
/// year's quarter.
#[test]
fn toned_names_share_codes_and_local_operations_are_found_and_the_forces_words_kept() {
    let review = small_review(&[
        "Jyutping Ho4 Wing6 Si1; interpreter for CHAN Tai-man and Chan Siu-ming.",
        "Op FOXGLOVE update. Op HERRICK 13 memories. Op Encompass notification.",
        "eVisa updated, share code W7K-2XP-Q9M. CPOMS #2014. Quarter 2 figures.",
        "Bailed to SLA Block 7, Room 214. DA call to Quarter 41 in 2016.",
        "Grandmother visiting from Pokhara; works in Doha, Qatar; via Kathmandu.",
        "Argued with Brother Sing about money; Sing stayed calm. Sing Tao article.",
        "RSM and CSM briefed; JPA updated; referral to DCMH; JMES downgrade to MLD.",
        "Wing Chun with Sifu. Tai Chi in the park. Dashain and Tihar. Namaste.",
        "Added to Bravo Families Net WhatsApp. Drives our minibus \"Lion Rock Express\".",
        "Bus 'to school' late. Told the Police Scotland Facebook page.",
    ]);
    let (_, all) = anonymised_as_written(&review);
    assert_gone(
        &all,
        &[
            "Ho4",
            "Si1",
            "Tai-man",
            "-man",
            "-ming",
            "FOXGLOVE",
            "W7K-2XP-Q9M",
            "#2014",
            "Block 7",
            "Quarter 41",
            "Pokhara",
            "Brother Sing",
            "; Sing stayed",
            "Bravo Families Net",
            "Lion Rock Express",
        ],
    );
    assert_kept(
        &all,
        &[
            "Op HERRICK 13",
            "Op Encompass",
            "CPOMS #",
            "Quarter 2 figures",
            "SLA",
            "in 2016",
            "works in Doha, Qatar; via Kathmandu",
            "Sing Tao article",
            "RSM and CSM briefed; JPA updated; referral to DCMH; JMES downgrade to MLD",
            "Wing Chun with Sifu. Tai Chi",
            "Dashain and Tihar. Namaste",
            "Bus 'to school' late",
            "the Police Scotland Facebook page",
        ],
    );
}

/// The twenty-second realistic set's classes: a surname in capitals that
/// could be initials, after a given name that is a word ("Talent MOYO");
/// a hospital known only by its initials, and those initials said again
/// in another record; a police log's number before its day; a date of
/// birth written in French; Shona kinship words before a name; and what
/// must be kept: a faith in a fixed phrase whose last word is also a
/// surname, faiths and languages, scripture, a disease named after a
/// person, the field's abbreviations before a department.
#[test]
fn surnames_in_capitals_hospital_initials_and_log_numbers_are_found_and_scripture_kept() {
    let review = small_review(&[
        "Seen at the gate with Talent MOYO (Y11) and with Kerry DUBE.",
        "Attended HUH ED with a wrist injury. CAMHS ED team aware.",
        "Born at HUH, 3.12kg. Mum works as an HCA at HUH.",
        "No line activity seen. Log 1932 of 10/08.",
        "Application received: DOB 27 avril 1983, nationality DR Congo.",
        "Visitors: Tete Patience and Sekuru Moyo; Babamukuru proposed a visit.",
        "Mum converted to Islam in 2019; Mr Islam next door. Christianity, Hinduism.",
        "Prayed Psalm 23 and Jeremiah 29:11; read Romans 8:28-30 and 1 John 4:18.",
        "Known Alzheimer's disease. Speaks Lingala, Tagalog and isiZulu.",
    ]);
    let (_, all) = anonymised_as_written(&review);
    assert_gone(
        &all,
        &[
            "Talent MOYO",
            "MOYO",
            "DUBE",
            "HUH",
            "1932",
            "avril",
            "1983",
            "Patience",
            "Sekuru Moyo",
            "Babamukuru",
            "Mr Islam",
        ],
    );
    assert_kept(
        &all,
        &[
            "CAMHS ED team",
            "of August",
            "converted to Islam in 2019",
            "Christianity, Hinduism",
            "Prayed Psalm 23 and Jeremiah 29:11; read Romans 8:28-30 and 1 John 4:18",
            "Known Alzheimer's disease. Speaks Lingala, Tagalog and isiZulu",
        ],
    );
}

/// The twenty-third realistic set's classes: a given name before an age in
/// brackets, a sort code with its account number and no label, Orthodox
/// Jewish titles before a name; and what must be kept: the community's
/// languages, feasts, books and words, figures of scripture and history
/// whose names are given names, a country that is a given name after
/// "in".
#[test]
fn ages_in_brackets_and_unlabelled_sort_codes_are_found_and_a_communitys_words_kept() {
    let review = small_review(&[
        "Children: Kyle (16) and twins Lacey and Mason (6).",
        "Repaid to our account 60-83-71 / 20417793 by standing order.",
        "Rav Gutfreund spoke to the family; the Rov agreed.",
        "Toby chatty, in Yiddish. Goes to a yeshiva in Israel after Pesach.",
        "It is Shabbos; Erev Shavuos next week. Baruch Hashem, Yom Tov went well.",
        "Learning Tehillim and Gemara; Moshe Rabbeinu and the Book of Samuel.",
        "Project on Isaac Newton. Rosh Chodesh Adar. A white Dacia Logan.",
    ]);
    let (_, all) = anonymised_as_written(&review);
    assert_gone(
        &all,
        &["Lacey", "Mason", "60-83-71", "20417793", "Gutfreund"],
    );
    assert_kept(
        &all,
        &[
            "(6)",
            "Rav ",
            "the Rov agreed",
            "in Yiddish. Goes to a yeshiva in Israel after Pesach",
            "It is Shabbos; Erev Shavuos next week. Baruch Hashem, Yom Tov went well",
            "Learning Tehillim and Gemara; Moshe Rabbeinu and the Book of Samuel",
            "Project on Isaac Newton. Rosh Chodesh Adar. A white Dacia Logan",
        ],
    );
}

/// "Jan" is a kinship word of Pashto and Dari ("khala jan") and a given
/// name many babies have: capitalised, of a cast member named Jan or
/// Janet, it is the name; in lower case, the endearment.
#[test]
fn a_kinship_word_that_is_a_given_name_is_the_name_when_capitalised() {
    let mut review = small_review(&[
        "Jan's visited today; Jan rang back. Called me 'khala jan'.",
        "Gul's sister. Nana said hello.",
    ]);
    review
        .people
        .push(person("P4", "Janet Moss", &[], "Mother 2"));
    review.people.push(person("P5", "Gul Jan", &[], "Mother 3"));
    let (_, all) = anonymised_as_written(&review);
    assert_gone(&all, &["Jan's", "Jan rang"]);
    assert_kept(&all, &["'khala jan'", "Nana said hello"]);
}

#[test]
fn agencies_by_their_own_words_rooms_in_addresses_and_the_shorthand_of_a_twenty_sixth_set() {
    let mut review = small_review(&[
        "Remote interpreter via Lingo Bridge instead. Harbour Lights to chase the Home Office.",
        "Ana and Leo in room 6, Harbour View Guest House. B&B at 14 Cornhill Parade, room 6, from today.",
        "Warrant at Unit 4, Nethercote Farm. Baby in Unit 4 at the hospital. Met in room 2 before the review.",
        "Located in the Portakabin café (\"The Galley\") at the lorry park. Left with the older males.",
        "Mr Rui Pinto rang. Interviewed, then RUI. Kent Police and Devon and Cornwall Police informed.",
        "6-8/52 contact at the hub; review in 3-4/12.",
    ]);
    review.agencies.extend([
        named_agency(
            "A2",
            "Lingo Bridge Interpreting Ltd",
            "Interpreting service",
        ),
        named_agency(
            "A3",
            "Harbour Lights Migrant Centre",
            "Migrant support charity",
        ),
    ]);
    let (out, _) = anonymised_as_written(&review);
    let all = chronology_text(&out);
    assert_gone(
        &all,
        &[
            "Lingo Bridge",
            "Harbour Lights",
            "room 6",
            "Unit 4, Nethercote",
            "Rui",
        ],
    );
    assert_kept(
        &all,
        &[
            "Unit 4 at the hospital",
            "room 2 before",
            "Left with the older males",
            "then RUI",
            "Kent Police",
            "Devon and Cornwall Police",
            "6-8/52 contact",
            "3-4/12",
        ],
    );
}

#[test]
fn exhibits_houses_with_letters_churches_and_shops_of_a_twenty_seventh_set() {
    let mut review = small_review(&[
        "Owner gave the shop CCTV (exhibit BRB/1). Heritier stays in their back room at 118A for now.",
        "Deliverance at church (Open Heavens, Brookvale). First floor flat over Cloud Nine Vapes.",
        "Rehab to mother from 10/11 under the order; findings (judgment 10/10) disclosed.",
        "Arrived at 10A.M. Weight dropped from 25th to 9th centile. Pain 10/10. Exhibit 4 photos.",
        "\"She is a good Christian girl\". Deliverance is \"our African way\". Psychoeducation on CALFB.",
        "Weight plan, review 4/52. Countersigned by HV R. Arkwright.",
        "[Added 21/05 by RA: not escalated.] Discussed by SW with HV and IT.",
    ]);
    review.agencies.push(named_agency(
        "A2",
        "Open Heavens Revival Centre (Ashmerton)",
        "Religious organisation",
    ));
    let (out, _) = anonymised_as_written(&review);
    let all = chronology_text(&out);
    assert_gone(
        &all,
        &[
            "BRB/1",
            "118A",
            "Open Heavens",
            "Cloud Nine",
            "from 10/11",
            "judgment 10/10",
            "Arkwright",
            "by RA",
        ],
    );
    assert_kept(
        &all,
        &[
            "at 10A.M.",
            "from 25th to 9th centile",
            "Pain 10/10",
            "Exhibit 4 photos",
            "Christian girl",
            "African way",
            "CALFB",
            "Discussed by SW with HV and IT.",
        ],
    );
}

#[test]
fn a_regional_force_in_an_agency_column_is_published_by_its_name_and_a_town_s_is_not() {
    let mut review = small_review(&["West Midlands Police attended. Northshire Police rang."]);
    review.agencies.extend([
        named_agency("A2", "West Midlands Police - Ashmerton", "Police"),
        named_agency("A3", "Northshire Police - Brindle", "Police"),
    ]);
    let (out, text) = anonymised_as_written(&review);
    // The region's force is no town's: kept in the text, and its name,
    // without the town, is the agency's name in the anonymised review.
    assert!(text.starts_with("West Midlands Police attended."), "{text}");
    assert!(!text.contains("Northshire"), "{text}");
    let names: Vec<&str> = out.review.agencies[1..]
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, ["West Midlands Police", "Police"]);
}

#[test]
fn a_town_that_leads_several_agencies_names_is_no_one_agency_s_name() {
    // "Hessleclough Homes" is a housing provider's name, and its own word
    // is the town's, which other agencies' names lead with too: the
    // court, college and town hall of the town are no housing provider's.
    let mut review = small_review(&[
        "Sentenced at Hessleclough Crown Court. Enrolled at Hessleclough College. \
         Repairs referral to Hessleclough Homes.",
    ]);
    review.agencies.extend([
        named_agency("A2", "Hessleclough Homes", "Housing provider"),
        named_agency("A3", "Hessleclough CAMHS", "CAMHS"),
        named_agency("A4", "Hessleclough Early Help", "Early help service"),
    ]);
    let (_, text) = anonymised_as_written(&review);
    assert!(!text.contains("Hessleclough"), "{text}");
    assert!(!text.contains("Housing provider Crown Court"), "{text}");
    assert!(!text.contains("Housing provider College"), "{text}");
    assert!(
        text.contains("Crown Court") && text.contains("College"),
        "{text}"
    );
    // The agency named whole is still the agency.
    assert!(text.contains("referral to Housing provider."), "{text}");
}

#[test]
fn a_reference_number_led_by_an_agency_s_initials_goes_whole() {
    let mut review = small_review(&[
        "Tenancy GHA/T/20817 - sole tenant. GHA visited. Ref GHA-2025-0042. GHA/Police joint visit.",
    ]);
    review.agencies.push(named_agency(
        "A2",
        "Glanrhyd Housing Association",
        "Housing provider",
    ));
    let (_, text) = anonymised_as_written(&review);
    assert!(!text.contains("20817") && !text.contains("0042"), "{text}");
    assert!(
        text.starts_with(
            "Tenancy [reference number] - sole tenant. Housing provider visited. \
             Ref [reference number]."
        ),
        "{text}"
    );
    // Initials before an agency's name are no number.
    assert!(
        text.contains("Housing provider/Police joint visit"),
        "{text}"
    );
}

#[test]
fn a_place_s_name_after_a_title_or_a_given_name_is_a_surname() {
    let review = small_review(&[
        "Reported by host Mrs Brenda SUNDERLAND. Mrs Sunderland says the van is her son's, \
         Darren Sunderland. He supports Sunderland AFC and went to Poland.",
    ]);
    let (_, text) = anonymised_as_written(&review);
    assert!(
        !text.contains("Mrs Sunderland") && !text.contains("SUNDERLAND"),
        "{text}"
    );
    assert!(!text.contains("Darren Sunderland"), "{text}");
    assert_kept(&text, &["Sunderland AFC", "went to Poland"]);
}

#[test]
fn a_name_in_a_script_without_capitals_after_the_name_in_letters_is_replaced() {
    let review = small_review(&[
        "I have known Filmon Tesfamariam Gebreyesus (ፊልሞን ተስፋማርያም ገብረየሱስ) since 2024.",
    ]);
    let (_, text) = anonymised_as_written(&review);
    assert!(!text.contains("ፊልሞን") && !text.contains("ገብረየሱስ"), "{text}");
}

#[test]
fn identifiers_the_twenty_eighth_set_showed_are_found() {
    let review = small_review(&[
        "His baptism card gives his birth as 5 Megabit 2001. Moved to a Telegram group, \
         \"The Kingdom\". Staff got part of the reg, \"NX67\". Given £40 (receipt 0418).",
    ]);
    let (_, text) = anonymised_as_written(&review);
    for leak in ["Megabit", "Kingdom", "NX67", "0418"] {
        assert!(!text.contains(leak), "{leak} in {text}");
    }
}

#[test]
fn readings_forms_and_clinical_verbs_are_kept() {
    let review = small_review(&[
        "Extubated 14/04. BM 6.8, CRT 3s, 100% on 15L NRB. Sasha's ADOS-2 report; RHS-15 done. \
         NMO (FL401) and a C100 listed. EHC needs assessment requested.",
    ]);
    let (_, text) = anonymised_as_written(&review);
    assert_kept(
        &text,
        &[
            "Extubated",
            "BM 6.8",
            "CRT 3s",
            "15L NRB",
            "ADOS-2",
            "RHS-15",
            "FL401",
            "C100",
            "EHC needs",
        ],
    );
}

#[test]
fn a_service_named_by_ordinary_words_is_replaced_with_and_without_its_kind() {
    let review = small_review(&[
        "Referral to Turning Tide Recovery.",
        "Plan with her Turning Tide key worker.",
    ]);
    let (out, _) = anonymised_as_written(&review);
    for entry in &out.review.chronology {
        assert!(!entry.text.contains("Turning Tide"), "{}", entry.text);
    }
}

#[test]
fn what_the_twenty_ninth_set_showed_is_found_and_kept() {
    let review = small_review(&[
        "Mr Dickson YEUNG rang. Dana has a box room at the Yeungs' (£300/month). \
         Church: the Living Stone Fellowship. Videos on Facebook (group page \"Bottom Boys \
         Trotting\"). Allegations management meeting set 11/12. He writes his name \
         دانا کەمال محمود.",
        "Decision on a fresh claim under para 353 to follow. Chlamydia/gonorrhoea NAAT, \
         HIV/syphilis/hep B at the SARC. Referral from TVP.",
    ]);
    let (out, _) = anonymised_as_written(&review);
    let first = &out.review.chronology[0].text;
    for leak in ["Yeungs", "Living Stone", "Bottom Boys", "11/12", "دانا"] {
        assert!(!first.contains(leak), "{leak} in {first}");
    }
    let second = &out.review.chronology[1].text;
    assert_kept(
        second,
        &[
            "para 353",
            "Chlamydia/gonorrhoea NAAT",
            "HIV/syphilis/hep B",
            "from TVP",
        ],
    );
}

#[test]
fn a_pseudonym_that_holds_a_cast_name_is_a_leak_wherever_it_is_written() {
    let mut review = small_review(&["Dana seen with Kavin."]);
    review
        .people
        .push(person("P8", "Kavin Sivapalan", &["Kavin"], "Son"));
    review.people.push(person(
        "P9",
        "Dana Mahmood",
        &["Dana"],
        "Lodger at the Sivapalans",
    ));
    let out = Anonymiser::new(&review).review(&review);
    let leaks = LeakChecker::new(&review).check_review(&out.review);
    assert!(
        leaks
            .iter()
            .any(|l| l.text == "Lodger at the Sivapalans" && l.location.contains("chronology")),
        "{leaks:#?}"
    );
    // A pseudonym of ordinary words is no leak.
    review.people.last_mut().unwrap().pseudonym = "Lodger".into();
    let out = Anonymiser::new(&review).review(&review);
    assert!(
        LeakChecker::new(&review)
            .check_review(&out.review)
            .is_empty()
    );
}

#[test]
fn a_reference_number_led_by_a_person_s_initials_is_a_number_not_the_person() {
    let review = small_review(&["Interpreter booked via the contract (ref RK-24-0142) for Rose."]);
    let (_, text) = anonymised_as_written(&review);
    assert!(!text.contains("0142"), "{text}");
    assert!(text.contains("(ref [reference number])"), "{text}");
    assert!(!text.contains("ref Child R"), "{text}");
}

#[test]
fn quoted_speech_and_named_days_keep_their_words_across_the_review() {
    let review = small_review(&[
        "Hunter said \"I'm not going back to town\" and “I’ve had enough”.",
        "Jamhuri Day at the church with Lee Day from the choir.",
        "Christmas Day: all at home. Day 6 visit by the midwife.",
    ]);
    let (_, text) = anonymised_as_written(&review);
    assert_kept(
        &text,
        &[
            "\"I'm not going back to town\"",
            "“I’ve had enough”",
            "Jamhuri Day",
            "Christmas Day: all at home. Day 6 visit",
        ],
    );
    assert_gone(&text, &["Lee Day"]);
}
