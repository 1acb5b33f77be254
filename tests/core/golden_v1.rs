//! Golden files of review file format 1: every record kind and every enum
//! value this format knows, loaded from a file committed when format 1 was
//! released. When the format changes, these files must still load (through
//! migration) into the same review.

use std::path::Path;

use chrono::NaiveDate;
use foresight::model::*;
use foresight::store;

fn date(text: &str) -> ReviewDate {
    text.parse().unwrap()
}

/// The review the golden file holds, built in code. When a field is added
/// to the model, it is added here with its default value: the golden file
/// itself is never rewritten.
pub(crate) fn every_record() -> Review {
    let mut review = Review::new("Child Z: golden file of format 1");
    review.meta = ReviewMeta {
        title: "Child Z: golden file of format 1".into(),
        partnership: "Golden Partnership".into(),
        review_type: ReviewType::SeriousCaseReview,
        method: Method::Hybrid,
        causation_model: CausationModel::SwissCheese,
        taxonomy: "learning-together".into(),
        stage: ReviewStage::QualityAssurance,
        period: Some(Period {
            start: date("2019-spring"),
            end: date("~2021-04"),
        }),
        why_reviewed: "Why “quotes”, apostrophes ’ and accents é survive.".into(),
        summary: "Line one.\nLine two.".into(),
        terms_of_reference: vec!["Question one?".into(), "Question two?".into()],
        reviewers: vec!["A. Reviewer".into()],
        worked_example: true,
        anonymisation: AnonymisationSettings::default(),
        accepted_language: Vec::new(),
        account: ReviewAccount::default(),
        clock: ReviewClock::default(),
        rapid_review: RapidReviewRecord::default(),
        conflicts: Vec::new(),
    };
    review.agencies = vec![Agency {
        id: Id::from("A1"),
        name: "Golden Children's Services".into(),
        aliases: vec!["GCS".into()],
        generic_name: "Children's social care".into(),
        kind: AgencyKind::ChildrensSocialCare,
        generic: false,
        returned: AgencyReturn::default(),
    }];
    review.people = vec![
        Person {
            id: Id::from("P1"),
            name: "Zoë O'Neill".into(),
            aliases: vec!["Zo".into()],
            role: "Child".into(),
            kind: PersonKind::SubjectChild,
            agency: None,
            pseudonym: "Child Z".into(),
            date_of_birth: NaiveDate::from_ymd_opt(2018, 2, 28),
            notes: String::new(),
            attributes: SensitiveAttributes::default(),
        },
        Person {
            id: Id::from("P2"),
            name: "Sam Social".into(),
            role: "Social worker".into(),
            kind: PersonKind::Practitioner,
            agency: Some(Id::from("A1")),
            pseudonym: "Social Worker 1".into(),
            ..Default::default()
        },
    ];
    review.places = vec![Place {
        id: Id::from("PL1"),
        name: "1 Golden Row".into(),
        aliases: vec![],
        generic_name: "Address 1".into(),
        kind: PlaceKind::Home,
    }];
    review.chronology = vec![
        ChronologyEntry {
            id: Id::from("C1"),
            date: date("2019-03-04"),
            agency: Some(Id::from("A1")),
            author: "SW".into(),
            text: "Home visit; Zoë seen.".into(),
            people: vec![Id::from("P1"), Id::from("P2")],
            source: Some(EntrySource {
                file: "csc.csv".into(),
                row: 2,
            }),
        },
        ChronologyEntry {
            id: Id::from("C2"),
            date: date("2019-winter"),
            agency: None,
            author: String::new(),
            text: "Approximate winter entry.".into(),
            people: vec![],
            source: None,
        },
    ];
    review.episodes = vec![PracticeEpisode {
        id: Id::from("E1"),
        title: "First visit".into(),
        start: Some(date("2019-03-04")),
        end: Some(date("2019-03")),
        entries: vec![Id::from("C1")],
        people: vec![Id::from("P2")],
        what_happened: "A visit.".into(),
        local_rationality: "It made sense because…".into(),
        mindset: Mindset::default(),
        appraisal: Appraisal::Mixed,
        appraisal_note: "Against the local procedure.".into(),
        child_focus: ChildFocus {
            seen: Answer::Yes,
            views_sought: Answer::No,
            views: "Smiled.".into(),
        },
    }];
    review.factors = vec![
        ContributingFactor {
            id: Id::from("F1"),
            statement: "High caseloads".into(),
            level: "frontline".into(),
            category: "conditions-of-work".into(),
            influence: Influence::MadeProblemsMoreLikely,
            evidence: "Caseload data".into(),
        },
        ContributingFactor {
            id: Id::from("F2"),
            statement: "Supportive supervision".into(),
            level: "local-strategic".into(),
            category: "own-team".into(),
            influence: Influence::SupportedGoodPractice,
            evidence: String::new(),
        },
    ];
    review.conditions = SystemLevel::ALL
        .iter()
        .enumerate()
        .map(|(i, level)| LatentCondition {
            id: Id::from(format!("LC{}", i + 1)),
            statement: format!("Condition at {} level", level.label()),
            level: *level,
            since: "2015".into(),
        })
        .collect();
    review.findings = [
        FindingTag::Untagged,
        FindingTag::Learning,
        FindingTag::Blame,
    ]
    .iter()
    .enumerate()
    .map(|(i, tag)| Finding {
        id: Id::from(format!("FN{}", i + 1)),
        title: format!("Finding {}", i + 1),
        statement: "Statement".into(),
        category: "human-tool".into(),
        tag: *tag,
        tag_reason: "Reason".into(),
        introduction: "Intro".into(),
        in_this_case: "Here".into(),
        systemic_evidence: "Audit".into(),
        wider_knowledge: "Research".into(),
        why_it_matters: "Because".into(),
        questions: vec!["Does the partnership accept this?".into()],
        asks: FindingAsks::Questions,
        recommendations: Vec::new(),
        references: Vec::new(),
        response: Default::default(),
        actions: Vec::new(),
    })
    .collect();
    review.variables = vec![
        Variable {
            id: Id::from("V1"),
            name: "Caseload".into(),
            description: "Cases per worker".into(),
        },
        Variable {
            id: Id::from("V2"),
            name: "Time with families".into(),
            description: String::new(),
        },
    ];
    review.links = vec![
        Link {
            id: Id::from("K1"),
            from: Id::from("F1"),
            to: Id::from("E1"),
            kind: LinkKind::ContributedTo,
            note: String::new(),
        },
        Link {
            id: Id::from("K2"),
            from: Id::from("LC1"),
            to: Id::from("F1"),
            kind: LinkKind::Underlies,
            note: String::new(),
        },
        Link {
            id: Id::from("K3"),
            from: Id::from("E1"),
            to: Id::from("FN2"),
            kind: LinkKind::Evidences,
            note: "n".into(),
        },
        Link {
            id: Id::from("K4"),
            from: Id::from("V1"),
            to: Id::from("V2"),
            kind: LinkKind::Causal {
                polarity: Polarity::Opposite,
                delay: true,
            },
            note: String::new(),
        },
        Link {
            id: Id::from("K5"),
            from: Id::from("V2"),
            to: Id::from("V1"),
            kind: LinkKind::Causal {
                polarity: Polarity::Same,
                delay: false,
            },
            note: String::new(),
        },
    ];
    review.named_loops = vec![NamedLoop {
        id: Id::from("NL1"),
        name: "Squeeze".into(),
        label: "B1".into(),
        variables: vec![Id::from("V1"), Id::from("V2")],
        narrative: "Less time, more cases.".into(),
        findings: vec![Id::from("FN2")],
    }];
    review.diagrams = vec![
        Diagram {
            id: Id::from("D1"),
            name: "Case map".into(),
            kind: DiagramKind::CaseMap,
            nodes: vec![
                DiagramNode {
                    item: Id::from("E1"),
                    x: 100.0,
                    y: 80.0,
                },
                DiagramNode {
                    item: Id::from("F1"),
                    x: 100.5,
                    y: 300.25,
                },
            ],
            stages: vec![],
        },
        Diagram {
            id: Id::from("D2"),
            name: "Loop".into(),
            kind: DiagramKind::CausalLoop,
            nodes: vec![
                DiagramNode {
                    item: Id::from("V1"),
                    x: 0.0,
                    y: 0.0,
                },
                DiagramNode {
                    item: Id::from("V2"),
                    x: -250.0,
                    y: 10.0,
                },
            ],
            stages: vec![
                Stage {
                    title: "One".into(),
                    notes: "Say this.".into(),
                    reveal: vec![Id::from("V1")],
                },
                Stage {
                    title: "Two".into(),
                    notes: String::new(),
                    reveal: vec![Id::from("V2"), Id::from("K5")],
                },
            ],
        },
    ];
    review
}

const GOLDEN: &str = "tests/golden/v1/every-record.review.ron";

#[test]
fn the_format_1_golden_file_loads_into_the_same_review() {
    let expected = every_record();
    let loaded = store::load(Path::new(GOLDEN)).unwrap();
    assert_eq!(loaded, expected);
}

#[test]
fn a_loaded_golden_file_saves_and_reloads_unchanged() {
    // Fields added later to format 1 take their defaults; saving what was
    // loaded and loading it again must change nothing, and saving twice
    // must give identical bytes (no churn in diffs).
    let loaded = store::load(Path::new(GOLDEN)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("again.review.ron");
    store::save(&path, &loaded).unwrap();
    let first = std::fs::read(&path).unwrap();
    assert_eq!(store::load(&path).unwrap(), loaded);
    store::save(&path, &store::load(&path).unwrap()).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), first);
}

#[test]
fn the_golden_review_is_valid() {
    let taxonomy = foresight::taxonomy::Taxonomy::built_in("learning-together");
    assert_eq!(
        foresight::validate::validate(&every_record(), taxonomy.as_ref()),
        vec![]
    );
}
