//! Unit tests of the language lint: one or more per category, inflections
//! and word order, negation, systemic and individual subjects, quotations.

use super::*;
use crate::model::FindingTag;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::built_in)
}

/// The built-in lexicon without its blame model: its phrases' own verdict.
fn phrases_alone() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::built_in().without_model())
}

/// The hits of a passage as (matched text, category).
fn hits(text: &str) -> Vec<(String, Category)> {
    lexicon()
        .lint(text)
        .into_iter()
        .map(|h| (h.matched, h.category))
        .collect()
}

fn one(text: &str) -> Hit {
    let hits = lexicon().lint(text);
    assert_eq!(hits.len(), 1, "{text}: {hits:#?}");
    hits.into_iter().next().unwrap()
}

fn assert_category(text: &str, matched: &str, category: Category) {
    let found = hits(text);
    assert!(
        found.iter().any(|(m, c)| m == matched && *c == category),
        "{text}: expected \"{matched}\" as {category:?}, found {found:?}"
    );
}

/// Asserts that a passage holds a phrase that counts towards blame.
fn assert_judged(text: &str) {
    assert!(
        lexicon()
            .lint(text)
            .iter()
            .any(|h| h.severity >= Severity::Medium),
        "{text}: {:?}",
        hits(text)
    );
}

fn assert_clean(text: &str) {
    assert_eq!(hits(text), vec![], "{text}");
}

#[test]
fn the_shipped_lexicon_has_every_category_and_at_least_45_phrases() {
    let lexicon = lexicon();
    assert!(lexicon.phrase_count() >= 45, "{}", lexicon.phrase_count());
    for category in Category::ALL {
        assert!(
            lexicon.files().iter().any(|f| f.category == category),
            "{category:?}"
        );
    }
    for file in lexicon.files() {
        for entry in &file.entries {
            assert!(
                entry.question.ends_with('?') || entry.question.ends_with(')'),
                "{}",
                entry.phrase
            );
        }
    }
}

#[test]
fn counterfactuals_are_found() {
    assert_category(
        "The health visitor should have referred the family.",
        "should have",
        Category::Counterfactual,
    );
    assert_category(
        "She shouldn't have accepted the account.",
        "shouldn't have",
        Category::Counterfactual,
    );
    assert_category(
        "If only the school had known.",
        "If only",
        Category::Counterfactual,
    );
    assert_category(
        "Professionals could have shared it sooner.",
        "could have",
        Category::Counterfactual,
    );
}

#[test]
fn an_inverted_condition_with_its_consequence_is_a_counterfactual() {
    assert_category(
        "Had the GP referred, and had social care acted, Arthur would be alive.",
        "Had the GP referred, and had social care acted, Arthur would be",
        Category::Counterfactual,
    );
    assert_category(
        "Records were kept. Were the information shared, the risk would have been clear.",
        "Were the information shared, the risk would have",
        Category::Counterfactual,
    );
    // "Had" in the middle of a sentence, a note of what happened, and a
    // question under inquiry are no counterfactual.
    assert_clean("The mother had left, and the GP would visit the next day.");
    assert_clean("Had a home visit from the health visitor, who would call again.");
    assert_clean("Had the GP been told about the previous injury?");
}

#[test]
fn a_condition_with_if_and_its_consequence_is_a_counterfactual() {
    assert_category(
        "If the GP had referred, the child would have been seen.",
        "If the GP had referred, the child would have",
        Category::Counterfactual,
    );
    assert_category(
        "The report notes that if connections had been made between the missed appointments, professionals would have acted sooner.",
        "if connections had been made between the missed appointments, professionals would have",
        Category::Counterfactual,
    );
    // What would not have changed, a concession and an open question are
    // no counterfactual verdict.
    assert_clean("If the family had moved away, the school would not have known.");
    assert_clean("Even if the social worker had visited, she would probably not have seen it.");
    assert_clean(
        "It is not possible to say whether, if the GP had referred, the outcome would have been different.",
    );
}

#[test]
fn verdicts_in_the_passive_are_found() {
    for (text, matched) in [
        ("The concerns were minimised.", "were minimised"),
        ("Her disclosures were dismissed.", "were dismissed"),
        (
            "The significance of the injury was missed.",
            "significance of the injury was missed",
        ),
        (
            "The significance was not appreciated.",
            "was not appreciated",
        ),
        ("The plan was never reviewed.", "was never reviewed"),
        (
            "It is difficult to understand why no referral was made.",
            "difficult to understand why",
        ),
        (
            "This represents a significant failure of practice.",
            "significant failure",
        ),
    ] {
        let found = hits(text);
        assert!(found.iter().any(|(m, _)| m == matched), "{text}: {found:?}");
    }
    // What the family missed, and a system's failure, are not verdicts on
    // practice.
    assert_clean("The appointment was missed.");
    assert_clean("There was a failure of the electronic records system.");
}

#[test]
fn hindsight_certainty_is_found() {
    assert_category(
        "With the benefit of hindsight, the signs were there.",
        "With the benefit of hindsight",
        Category::HindsightCertainty,
    );
    assert_category(
        "It was clear that the mother was not honest.",
        "It was clear that",
        Category::HindsightCertainty,
    );
    assert_category(
        "The harm was inevitable.",
        "inevitable",
        Category::HindsightCertainty,
    );
    assert_category(
        "It should have been obvious to the team.",
        "should have been obvious",
        Category::HindsightCertainty,
    );
}

#[test]
fn judgmental_words_are_found() {
    assert_category(
        "The assessment was inadequate.",
        "inadequate",
        Category::JudgmentalWord,
    );
    assert_category(
        "This was poor practice.",
        "poor practice",
        Category::JudgmentalWord,
    );
    assert_category(
        "The manager was complacent about the risk.",
        "complacent",
        Category::JudgmentalWord,
    );
    assert_category(
        "The school nurse was naive.",
        "naive",
        Category::JudgmentalWord,
    );
}

#[test]
fn individual_fault_is_found() {
    assert_category(
        "Practitioners showed a lack of professional curiosity.",
        "lack of professional curiosity",
        Category::IndividualFault,
    );
    assert_category(
        "This was human error.",
        "human error",
        Category::IndividualFault,
    );
    assert_category(
        "It was an isolated incident.",
        "isolated incident",
        Category::IndividualFault,
    );
    assert_category(
        "The worker should be held accountable.",
        "held accountable",
        Category::IndividualFault,
    );
}

#[test]
fn missed_opportunity_framing_is_found_in_either_word_order() {
    assert_category(
        "This was a missed opportunity.",
        "missed opportunity",
        Category::MissedOpportunity,
    );
    assert_category(
        "An opportunity to intervene was missed.",
        "opportunity to intervene was missed",
        Category::MissedOpportunity,
    );
    assert_category(
        "Warning signs were missed.",
        "Warning signs were missed",
        Category::MissedOpportunity,
    );
    assert_category(
        "They missed the warning signs.",
        "missed the warning signs",
        Category::MissedOpportunity,
    );
    assert_category(
        "Red flags were ignored.",
        "Red flags were ignored",
        Category::MissedOpportunity,
    );
}

#[test]
fn outcome_claims_are_found() {
    assert_category(
        "A referral would have prevented the injury.",
        "would have prevented",
        Category::OutcomeClaim,
    );
    assert_category(
        "The delay led to the death of the child.",
        "led to the death",
        Category::OutcomeClaim,
    );
    assert_category(
        "Child B would still be alive.",
        "would still be alive",
        Category::OutcomeClaim,
    );
}

#[test]
fn compliance_framing_is_found() {
    assert_category(
        "Staff must be reminded of their responsibilities.",
        "reminded of their responsibilities",
        Category::ComplianceFraming,
    );
    assert_category(
        "The decision was contrary to guidance.",
        "contrary to guidance",
        Category::ComplianceFraming,
    );
    assert_category(
        "The service must ensure that visits happen.",
        "must ensure",
        Category::ComplianceFraming,
    );
    assert_category(
        "Further training is recommended.",
        "Further training",
        Category::ComplianceFraming,
    );
}

#[test]
fn deficits_without_context_are_found() {
    assert_category(
        "The plan lacked rigour.",
        "lacked rigour",
        Category::DeficitWithoutContext,
    );
    assert_category(
        "There was no evidence that the risk was considered.",
        "no evidence that the risk was considered",
        Category::DeficitWithoutContext,
    );
    assert_category(
        "There was a failure of communication between agencies.",
        "failure of communication",
        Category::DeficitWithoutContext,
    );
}

#[test]
fn family_blaming_labels_are_found() {
    assert_category(
        "The family were hard to reach.",
        "hard to reach",
        Category::FamilyLabel,
    );
    assert_category(
        "The mother showed disguised compliance.",
        "disguised compliance",
        Category::FamilyLabel,
    );
    assert_category(
        "They lived a chaotic lifestyle.",
        "chaotic",
        Category::FamilyLabel,
    );
    assert_category(
        "Mother failed to protect the children.",
        "failed to protect",
        Category::FamilyLabel,
    );
    assert_category(
        "The father repeatedly failed to engage.",
        "failed to engage",
        Category::FamilyLabel,
    );
}

#[test]
fn inflections_and_auxiliaries_of_failed_to_all_match() {
    for text in [
        "The social worker failed to visit.",
        "The social worker had failed to visit.",
        "Social workers fail to visit.",
        "The social worker fails to visit.",
        "The social worker, failing to visit, closed the case.",
        "The social worker failed repeatedly to visit.",
    ] {
        let hit = lexicon()
            .lint(text)
            .into_iter()
            .find(|h| h.phrase == "failed to");
        assert!(hit.is_some(), "{text}");
    }
}

#[test]
fn systemic_failed_to_is_not_blame_and_individual_failed_to_is() {
    for text in [
        "The system failed to provide practitioners with time.",
        "Procedures failed to support practitioners.",
        "The assessment template failed to prompt a question about medicines.",
        "Practitioners were let down by a system that failed to provide cover.",
        "When the health visitor visited, the template failed to prompt her.",
        "Children's social care records failed to show who lived there.",
    ] {
        assert_clean(text);
        assert_eq!(lexicon().verdict(text), Verdict::Learning, "{text}");
    }
    for (text, subject) in [
        (
            "The social worker failed to visit the children.",
            Subject::Practitioner,
        ),
        (
            "Health Visitor 1 failed to ask about storage.",
            Subject::Practitioner,
        ),
        ("She failed to share the disclosure.", Subject::Person),
        (
            "The template did not prompt her, and the health visitor failed to ask.",
            Subject::Practitioner,
        ),
        (
            "The health visitor visited the mother and failed to see the baby.",
            Subject::Practitioner,
        ),
        (
            "The police failed to recognise the pattern.",
            Subject::Organisation,
        ),
    ] {
        let hit = one(text);
        assert_eq!(hit.subject, subject, "{text}");
        assert_eq!(hit.severity, Severity::High, "{text}");
        assert_eq!(lexicon().verdict(text), Verdict::Blame, "{text}");
    }
}

#[test]
fn did_not_counts_for_people_but_not_for_tools() {
    assert_clean("The template did not prompt a conversation about storage.");
    let hit = one("Health Visitor 1 did not ask about storage.");
    assert_eq!(hit.subject, Subject::Practitioner);
    assert_eq!(hit.severity, Severity::Medium);
    let hits = lexicon().lint("Health Visitor 1 did not ask about storage, did not inform the GP.");
    assert_eq!(hits.len(), 2, "{hits:#?}");
}

#[test]
fn negation_and_its_scope_are_respected() {
    assert_clean("It was not inevitable that the partner would relapse.");
    assert_clean("No one could have predicted this from the information available.");
    assert_clean(
        "There is no evidence that an earlier referral would have prevented the ingestion.",
    );
    assert_clean("It is unlikely that a referral would have changed the outcome.");
    assert_clean("It was not clear to anyone at the time that he lived there.");
    // The negation of one clause does not reach the next.
    assert_category(
        "She did not see the children, and she should have.",
        "should have",
        Category::Counterfactual,
    );
    assert_category(
        "The mother did not tell anyone that the worker had failed to visit.",
        "failed to",
        Category::Counterfactual,
    );
}

#[test]
fn acknowledging_hindsight_is_not_hindsight() {
    assert_clean("It is only with hindsight that the pattern can be seen.");
    assert_clean("The review team worked to avoid hindsight bias.");
    assert_clean("It is easy with hindsight to see a pattern no agency could see.");
}

#[test]
fn judgments_of_system_conditions_are_not_hits() {
    assert_clean("Inadequate funding means contacts are by telephone.");
    assert_clean("The funding was inadequate for the demand.");
    let hit = one("The assessment was inadequate.");
    assert_eq!(hit.severity, Severity::High);
}

#[test]
fn quoted_speech_is_one_severity_lower() {
    let hit = one("The health visitor told the review: \"I failed to ask about storage.\"");
    assert!(hit.quoted && hit.speech && !hit.counts());
    assert_eq!(hit.severity, Severity::Medium);
    let hit = one("Mother said she felt “judged, as if I had failed to protect them”.");
    assert!(hit.quoted && hit.speech);
    assert_eq!(hit.severity, Severity::Medium);
    // Attributed to a practitioner by a speech verb, without "I".
    let hit = one("The health visitor said the family had been “let down”.");
    assert!(hit.quoted && hit.speech, "{hit:#?}");
    let plain = one("The health visitor should have asked.");
    assert_eq!(plain.severity, Severity::High);
}

#[test]
fn a_reviews_or_reports_words_in_quotation_marks_are_a_judgement_reported() {
    // Quoted from the reviewer or a report, not speech of the case: it
    // counts, at its full severity.
    for text in [
        "The reviewer notes that the health visitor 'should have asked'.",
        "The review found that agencies were “lacking urgency” and “insufficiently challenging”.",
        "A serious case review said agencies lacked “thoroughness and urgency”.",
    ] {
        let judged = lexicon().judge(text);
        assert_eq!(judged.verdict, Verdict::Blame, "{text}: {judged:#?}");
        assert!(judged.hits.iter().any(|h| h.quoted && h.counts()), "{text}");
    }
    let reported = one("The reviewer notes that the health visitor 'should have asked'.");
    assert_eq!(reported.severity, Severity::High);
}

#[test]
fn questions_for_the_partnership_are_one_severity_lower() {
    let text = "How will the service ensure staff are reminded of their responsibility to refer?";
    let narrative = lexicon().lint(text);
    let question = lexicon().lint_in(text, Context::Question);
    assert_eq!(narrative.len(), 1);
    assert_eq!(question[0].severity, narrative[0].severity.lower());
}

#[test]
fn hits_carry_span_category_severity_and_question() {
    let text = "In retrospect, the signs were obvious.";
    let hits = lexicon().lint(text);
    assert_eq!(hits.len(), 2, "{hits:#?}");
    assert_eq!(&text[hits[0].start..hits[0].end], "In retrospect");
    assert_eq!(hits[0].key, "in retrospect");
    assert!(hits[0].question.contains("Set the outcome aside"));
    assert_eq!(hits[1].category, Category::HindsightCertainty);
    assert_eq!(hits[1].severity, Severity::Medium);
}

#[test]
fn a_longer_phrase_hides_the_shorter_one_inside_it() {
    let hit = one("It should have been obvious.");
    assert_eq!(hit.phrase, "should have been obvious");
}

#[test]
fn the_worked_example_blame_finding_reads_as_blame() {
    let review = crate::examples::worked_case();
    let lexicon = lexicon();
    for finding in &review.findings {
        let suggestion = suggest_tag(lexicon, &review, finding);
        let expected = match finding.tag {
            FindingTag::Blame => FindingTag::Blame,
            _ => FindingTag::Learning,
        };
        assert_eq!(
            suggestion.tag, expected,
            "{}: {:#?}",
            finding.id, suggestion.open
        );
    }
}

#[test]
fn a_user_copy_replaces_the_built_in_file_and_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("lexicon");
    std::fs::create_dir_all(&folder).unwrap();
    let mut file = parse_file(lexicon::BUILT_IN[0].1, Path::new("x")).unwrap();
    file.entries = vec![Entry {
        phrase: "dropped the ball".into(),
        patterns: vec!["drop~ the ball".into()],
        scope: Scope::Actor,
        severity: Severity::High,
        question: "What else were they carrying?".into(),
        unless: vec![],
        also: vec![],
    }];
    let text = ron::ser::to_string_pretty(&file, Default::default()).unwrap();
    std::fs::write(folder.join("counterfactual.ron"), text).unwrap();
    let mine = Lexicon::find(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(mine.lint("The worker dropped the ball.").len(), 1);
    assert!(
        mine.lint("The worker should have known.")
            .iter()
            .all(|h| h.phrase != "should have")
    );

    std::fs::write(
        folder.join("extra.ron"),
        "(category: Counterfactual, title: 3)",
    )
    .unwrap();
    let err = Lexicon::find(&[dir.path().to_path_buf()])
        .unwrap_err()
        .to_string();
    assert!(err.contains("extra.ron:1:"), "{err}");

    std::fs::write(
        folder.join("extra.ron"),
        "(category: Counterfactual, title: \"x\", entries: [(phrase: \"p\", patterns: [\"_ x\"], severity: Low, question: \"?\")])",
    )
    .unwrap();
    let err = Lexicon::find(&[dir.path().to_path_buf()])
        .unwrap_err()
        .to_string();
    assert!(err.contains("extra.ron") && err.contains("gap"), "{err}");
}

#[test]
fn practitioners_quoted_words_are_not_the_reviewers_blame() {
    for text in [
        "She told the review: \"I thought it was a one-off and I should have asked more.\"",
        "The health visitor said: “With hindsight I should have asked where the medicine was kept.”",
        "“I thought it was a one-off.”",
    ] {
        let judged = lexicon().judge(text);
        assert_eq!(judged.verdict, Verdict::Learning, "{text}: {judged:#?}");
        assert!(judged.hits.iter().all(|h| !h.counts()), "{text}");
        assert!(judged.score < 0.5, "{text}: {judged:#?}");
        // The quoted words give the blame model nothing to go on.
        assert!(
            judged.drivers.iter().all(|d| d
                .span
                .is_none_or(|(start, _)| !text[..start].contains(['"', '“']))),
            "{text}: {judged:#?}"
        );
        assert_eq!(phrases_alone().judge(text).score, 0.0, "{text}");
    }
    // The same words as the reviewer's own are blame.
    assert_eq!(
        lexicon().verdict("The health visitor should have asked where the medicine was kept."),
        Verdict::Blame
    );
}

#[test]
fn sentences_about_hindsight_bias_itself_are_not_blame() {
    for text in [
        "Hindsight bias makes the warning signs look obvious after the event.",
        "It is easy with hindsight to say that the visit should have happened sooner.",
        "Outcome bias leads reviewers to judge a decision as poor because the outcome was.",
    ] {
        let judged = lexicon().judge(text);
        assert_eq!(judged.verdict, Verdict::Learning, "{text}: {judged:#?}");
        assert!(judged.hits.iter().all(|h| h.discusses), "{text}");
    }
    assert_eq!(
        lexicon().verdict("The warning signs were obvious and should have been acted on."),
        Verdict::Blame
    );
}

#[test]
fn a_judgement_gives_a_score_the_phrases_that_drove_it_and_a_reframe_question() {
    let judged = lexicon().judge("The social worker failed to visit and missed obvious signs.");
    assert_eq!(judged.verdict, Verdict::Blame);
    assert!(judged.score > 0.9, "{judged:#?}");
    assert_eq!(
        phrases_alone()
            .judge("The social worker failed to visit and missed obvious signs.")
            .score,
        1.0
    );
    assert!(!judged.drivers.is_empty());
    let first = &judged.drivers[0];
    let (start, end) = first.span.unwrap();
    assert_eq!(
        &"The social worker failed to visit and missed obvious signs."[start..end],
        first.phrase
    );
    assert!(judged.reframe.as_deref().is_some_and(|q| q.ends_with('?')));
    let calm = lexicon().judge("Caseloads in the team were above the agreed ceiling.");
    assert_eq!((calm.verdict, &calm.reframe), (Verdict::Learning, &None));
    assert!(calm.score < 0.5, "{calm:#?}");
    let calm = phrases_alone().judge("Caseloads in the team were above the agreed ceiling.");
    assert_eq!(
        (calm.verdict, calm.score, calm.drivers.len(), calm.reframe),
        (Verdict::Learning, 0.0, 0, None)
    );
}

/// Puts `text` into every text field of the schema of every record the
/// lint may read, of an episode appraised `appraisal`.
fn review_with_text_everywhere(
    text: &str,
    appraisal: crate::model::Appraisal,
) -> crate::model::Review {
    use crate::model::{Action, Finding, Id};
    let mut review = crate::examples::worked_case();
    review.episodes.truncate(1);
    review.episodes[0].appraisal = appraisal;
    review.factors.truncate(1);
    review.conditions.truncate(1);
    review.findings = vec![Finding {
        id: Id::from("FN1"),
        questions: vec![String::new(); 2],
        recommendations: vec![String::new()],
        references: vec![String::new()],
        actions: vec![Action {
            id: Id::from("AC1"),
            ..Default::default()
        }],
        ..Default::default()
    }];
    review.meta.account.key_messages = vec![String::new()];
    crate::anonymise::fields::visit_mut(&mut review, |_, _, _, field| *field = text.to_string());
    review
}

#[test]
fn a_phrase_has_one_severity_in_every_field_as_check_the_panel_and_the_forms_read_it() {
    // `check` and the Language panel read lint_review and lint_account; the
    // forms underline with field_context. Both come from the schema of text
    // fields, so the same phrase in the same field has the same severity
    // everywhere, and a field the lint does not read is underlined nowhere.
    let lexicon = lexicon();
    let phrase = "The social worker failed to visit the child.";
    let expected = lexicon.lint(phrase)[0].severity;
    for appraisal in [
        crate::model::Appraisal::Problematic,
        crate::model::Appraisal::Good,
    ] {
        let review = review_with_text_everywhere(phrase, appraisal);
        let mut listed: HashMap<(String, String), Severity> = HashMap::new();
        for hit in lint_review(lexicon, &review) {
            listed.insert(
                (hit.record.to_string(), hit.field.clone()),
                hit.hit.severity,
            );
        }
        for hit in lint_account(lexicon, &review) {
            listed.insert(("review".to_string(), hit.field.clone()), hit.hit.severity);
        }
        let mut read = 0;
        crate::anonymise::fields::visit(&review, |record, field, _, text| {
            let form = field_context(&review, record, field)
                .map(|context| lexicon.lint_in(text, context)[0].severity);
            let key = (record.to_string(), field.to_string());
            assert_eq!(
                form,
                listed.get(&key).copied(),
                "{record} {field}: the form and check disagree"
            );
            if let Some(severity) = form {
                read += 1;
                assert!(severity <= expected, "{record} {field}");
            }
        });
        assert!(read >= 40, "{read} fields read");
    }
    // What each kind of text makes of the phrase.
    let review = review_with_text_everywhere(phrase, crate::model::Appraisal::Problematic);
    let at =
        |record: &str, field: &str| field_context(&review, &crate::model::Id::from(record), field);
    let episode = review.episodes[0].id.to_string();
    assert_eq!(at(&episode, "what_happened"), Some(Context::Narrative));
    assert_eq!(at(&episode, "local_rationality"), Some(Context::Quotation));
    assert_eq!(at(&episode, "mindset.hoping"), Some(Context::Quotation));
    assert_eq!(at("FN1", "questions[1]"), Some(Context::Question));
    assert_eq!(at("FN1", "tag_reason"), None);
    assert_eq!(at("FN1", "recommendations[0]"), None);
    assert_eq!(at("FN1", "actions[AC1].owner"), None);
    assert_eq!(at("FN1", "actions[AC1].what"), Some(Context::Narrative));
    assert_eq!(
        at("review", "account.family.views"),
        Some(Context::Quotation)
    );
    assert_eq!(
        at("review", "clock.decision_rationale"),
        Some(Context::Narrative)
    );
    assert_eq!(at("review", "title"), None);
    assert_eq!(at("FN1", "no_such_field"), None);
}

/// Asserts the verdict of each passage.
fn assert_verdicts(verdict: Verdict, texts: &[&str]) {
    for text in texts {
        let judged = lexicon().judge(text);
        assert_eq!(judged.verdict, verdict, "{text}: {judged:#?}");
    }
}

#[test]
fn one_medium_judgement_of_conduct_is_blame_and_one_low_word_is_not() {
    // "could have" is of medium severity: a counterfactual on its own.
    assert_verdicts(
        Verdict::Blame,
        &["Professionals could have made a referral at that point."],
    );
    // "poor" alone, of something other than practice, is low: the
    // phrases alone do not call it blame. (The blame model weighs it with
    // the sentence's other words: "quality" is often the quality of
    // practice in the writing it learned from.)
    let text = "The quality of the photocopy was poor.";
    assert_eq!(phrases_alone().verdict(text), Verdict::Learning, "{text}");
}

#[test]
fn judgements_of_conduct_without_a_failure_keyword_are_blame() {
    assert_verdicts(
        Verdict::Blame,
        &[
            "Nobody took the next step and asked who else lived there.",
            "Nobody in any of the agencies had the presence of mind to ask.",
            "The social worker misjudged the risk.",
            "Concerns from the grandmother were dismissed as malicious.",
            "Her account was too easily believed.",
            "The team manager was found to be unfit for the role.",
            "The family's concerns were not taken seriously.",
            "There was no real investigation for nine months.",
            "Had they looked into his background, they would have discovered his convictions.",
            "It would have been good practice to hold a strategy discussion.",
            "The review criticised the decision to close the case.",
            "The review found multiple failures by the police.",
            "Assessments were superficial and lacked analysis.",
            "The paediatrician did not communicate the concern to the school.",
            "Professional curiosity was absent.",
            "Agencies were slow to respond.",
            "The school did not do enough to protect her.",
            "Basic checks were not carried out.",
        ],
    );
}

#[test]
fn each_verb_of_a_pattern_list_is_found_alone() {
    // A two-word verb inside a list of one-word verbs ("shared|followed
    // up|escalated") made every verb of the list need the particle after
    // it: "had not been addressed" was never found, only "…addressed up".
    for (text, phrase) in [
        (
            "The concerns had not been addressed.",
            "not taken seriously / not listened to",
        ),
        (
            "The referral had not been followed up.",
            "not taken seriously / not listened to",
        ),
        (
            "The concerns had not been escalated.",
            "not taken seriously / not listened to",
        ),
        (
            "The child was not seen alone.",
            "not taken seriously / not listened to",
        ),
        (
            "The child was never visited at home.",
            "not taken seriously / not listened to",
        ),
    ] {
        let hits = lexicon().lint(text);
        assert!(
            hits.iter().any(|h| h.phrase == phrase),
            "{text}: {:?}",
            hits.iter().map(|h| &h.phrase).collect::<Vec<_>>()
        );
    }
    for text in [
        "The case was closed without consulting the school.",
        "The case was closed without speaking to the child.",
    ] {
        assert!(!lexicon().lint(text).is_empty(), "{text}");
    }
}

#[test]
fn a_question_or_an_allegation_asserts_nothing() {
    assert_verdicts(
        Verdict::Learning,
        &[
            "The inquiry is looking at whether authorities missed opportunities to protect her.",
            "The council is investigating claims that staff failed to respond.",
            "She complains that the council failed to take the lead in the matter.",
            "Mrs X complains the Council did not deal with a child protection issue properly.",
        ],
    );
    // A claim as the subject of a sentence is no allegation, nor is a
    // complaint of pain the clause after it.
    assert_verdicts(
        Verdict::Blame,
        &[
            "The claims were too easily believed by the social workers.",
            "The child complained of pain and the GP failed to examine him.",
        ],
    );
}

#[test]
fn errors_set_aside_studied_or_named_as_terms_are_not_blame() {
    assert_verdicts(
        Verdict::Learning,
        &[
            "The panel considered the failures to be systemic rather than individual errors.",
            "Her research began by studying individual errors in inquiry reports.",
            "Learning from mistakes needs more than a summary of what went wrong.",
            "Disguised compliance is when parents give the appearance of co-operating.",
            "The term disguised compliance is often used to explain a family's reluctance.",
            "Some parents may show disguised compliance for many reasons.",
            "This review does not seek to apportion blame.",
            "Caseloads were unacceptably high across the service.",
        ],
    );
    // The same words used of this family, or of a practitioner, still count.
    assert_verdicts(
        Verdict::Blame,
        &[
            "The parents showed disguised compliance throughout.",
            "The social worker made a serious error in closing the case.",
        ],
    );
}

#[test]
fn the_speaker_of_a_quotation_decides_whose_words_they_are() {
    let lexicon = lexicon();
    let speech = |text: &str| {
        let hits = lexicon.lint(text);
        assert!(!hits.is_empty(), "{text}");
        hits.iter().all(|h| h.speech)
    };
    // First person, or a practitioner or family member as the speaker.
    assert!(speech(
        "“We missed the signs,” the team manager told the review."
    ));
    assert!(speech("Her mother said the school had “let her down”."));
    // A review, an inquiry or a commentator quoted is a reported verdict.
    assert!(!speech("The inquiry said agencies had been “complacent”."));
    assert!(!speech("Lord Laming said that was “inexcusable”."));
    // Reported speech further from its verb: the speaker is still the
    // practitioner who told it; a role of the inquiry speaks for it.
    assert!(speech(
        "The duty social worker for the family told the panel at the practitioner event that she had been “out of her depth”."
    ));
    assert!(!speech(
        "The inquiry chair told journalists after the hearing that the social workers had been “out of their depth”."
    ));
}

#[test]
fn conduct_judged_through_idiom_and_passive_absence_is_blame() {
    assert_verdicts(
        Verdict::Blame,
        &[
            "Her disclosures went unheard by the professionals around her.",
            "The school let the matter drop after one phone call.",
            "Professionals placed too great an emphasis on the parents' cooperation.",
            "The assessment was not up to scratch.",
            "Not one professional asked the child what life was like at home.",
            "Nobody joined the dots.",
            "The police officers accepted the father's version of events without question.",
            "The agencies dropped the ball when the family moved.",
            "Basic checks were not done.",
            "The decision to close the case was premature.",
            "The social worker was out of her depth.",
            "Practitioners were blind to the risk posed by the partner.",
        ],
    );
    assert_verdicts(
        Verdict::Learning,
        &[
            "The baby was born prematurely at 32 weeks.",
            "Assessments routinely draw on the agencies that work with the mother but rarely on adult services, so the household as it is goes unassessed.",
            "Meetings were not convened within timescales because of staff sickness.",
            "There is no one to blame.",
            "Several published reviews found that the treatment service had not recorded the child.",
            "Report after report highlights how information was not passed on to new workers.",
        ],
    );
    // An agency as the subject of an omission is judged as a person is;
    // one review's finding about this case is a verdict reported.
    assert_verdicts(
        Verdict::Blame,
        &[
            "The school did not refer the concern to children's social care.",
            "The review found that the school had not recorded the child.",
            "The referral was not followed up.",
            "Nothing was done about the missed appointments.",
            "The opportunity to speak to the child was not taken.",
            "The case was closed without the child being seen.",
        ],
    );
}

#[test]
fn a_phrase_reads_through_scare_quotes_but_not_across_clauses() {
    assert_category(
        "Agencies lacked “thoroughness and urgency”.",
        "lacked “thoroughness",
        Category::DeficitWithoutContext,
    );
    assert_clean("They lacked time, and thoroughness was hard.");
}

#[test]
fn a_deficit_given_its_reason_is_not_a_deficit_without_context() {
    let explained =
        "The implications were not explored; nothing in the template invited that conversation.";
    let hit = one(explained);
    assert_eq!(hit.category, Category::DeficitWithoutContext);
    assert!(hit.discusses && !hit.counts(), "{hit:#?}");
    assert_eq!(lexicon().verdict(explained), Verdict::Learning);
    let bare = "The implications were not explored.";
    assert_eq!(lexicon().verdict(bare), Verdict::Blame);
}

#[test]
fn no_lexicon_pattern_mixes_a_linking_word_into_one_words_alternatives() {
    // A pattern's words are separated by spaces, so "refuse~ to accept|engage
    // with" reads "… accept|engage" then "with": the multi-word alternative
    // silently demands a "with" after "accept". A step whose alternatives mix
    // a linking word with other words is that mistake.
    const LINKING: &[&str] = &[
        "of", "with", "on", "to", "than", "in", "at", "by", "for", "up", "off", "away", "as",
    ];
    // Alternatives of a linking word that are themselves linking words
    // ("too concerned with|about", "no evidence that|of").
    const ALSO_LINKING: &[&str] = &["about", "among", "upon", "into", "through", "that", "from"];
    let mixed = patterns_with_a_step(|alternatives| {
        let linking = alternatives.iter().any(|a| LINKING.contains(a));
        let other = alternatives
            .iter()
            .any(|a| !LINKING.contains(a) && !ALSO_LINKING.contains(a));
        linking && other
    });
    assert!(mixed.is_empty(), "{mixed:#?}");
}

/// The lexicon's patterns (as "phrase: pattern") with a step whose
/// alternatives `wrong` says are a mistake.
fn patterns_with_a_step(wrong: impl Fn(&[&str]) -> bool) -> Vec<String> {
    let mut found = Vec::new();
    for file in lexicon().files() {
        for entry in &file.entries {
            for pattern in entry.patterns.iter().chain(&entry.unless) {
                let steps = pattern.split_whitespace();
                if steps
                    .map(|step| step.split('|').collect::<Vec<_>>())
                    .any(|a| wrong(&a))
                {
                    found.push(format!("{}: {pattern}", entry.phrase));
                }
            }
        }
    }
    found
}

#[test]
fn no_lexicon_pattern_offers_one_word_as_the_alternative_of_two() {
    // "no one|nobody join~" reads "no" then "one|nobody": "nobody" would
    // need a "no" before it, and "Nobody joined…" is never found. One
    // word of a two-word phrase, beside a one-word synonym of the phrase,
    // is that mistake.
    const HALVES: &[(&str, &[&str])] = &[("one", &["nobody", "noone"])];
    let mixed = patterns_with_a_step(|alternatives| {
        HALVES.iter().any(|(half, whole)| {
            alternatives.contains(half) && alternatives.iter().any(|a| whole.contains(a))
        })
    });
    assert!(mixed.is_empty(), "{mixed:#?}");
}

#[test]
fn the_verdicts_of_inspection_reports_are_found() {
    for text in [
        "In most areas, responses to missing children required improvement.",
        "Adult services in most areas are not effective in identifying neglect.",
        "There was a lack of robust recording by the nursery.",
        "Where the child was seen, they were not asked about their views.",
        "Practitioners did not always understand the links between neglect and other risks.",
        "The risk of exploitation is still not well understood in many areas.",
        "Local arrangements are underdeveloped, and leadership frequently lacking.",
        "Senior leaders have not taken sufficient action to protect children.",
        "Children at risk were not being properly protected.",
        "The council had been leaving children for too long in situations of neglect.",
        "Agencies had enough information to safeguard her after the first survey.",
        "Practitioners under estimated the fragility of the baby.",
    ] {
        assert_judged(text);
    }
    // A rating reported, and what a service could not do, are not.
    assert_clean("The council was rated requires improvement to be good in 2019.");
    assert_clean("The screening tool was not effective in identifying neglect.");
}

#[test]
fn what_review_reports_say_of_delay_and_omission_is_found_and_their_own_questions_are_not() {
    for text in [
        "It took considerably too long for decisive safeguarding action to be initiated.",
        "The report says no connection was made, so no risk assessment was completed.",
        "There was no co-ordinated approach to the risk.",
        "Help was offered for short periods, or closed without sustained improvement.",
        "The incidents did not trigger proportionate intervention until the children were hospitalised.",
        "Children's social care accepted the mother's claim that the stepfather lived elsewhere.",
    ] {
        assert_judged(text);
    }
    for text in [
        "The review has looked closely at everything to see what could have been done differently.",
        "The parents were arrested on suspicion of gross negligence manslaughter.",
        "The injuries which led to the death were thought to have been caused non-accidentally.",
        "The failure to address the safeguarding needs of these children was systemic.",
    ] {
        assert!(
            lexicon()
                .lint(text)
                .iter()
                .all(|h| h.severity < Severity::Medium),
            "{text}: {:?}",
            hits(text)
        );
    }
}

#[test]
fn verdicts_of_delay_and_quality_with_no_failure_word_are_blame() {
    for sentence in [
        "It took four months before the health visitor's concern was assessed.",
        "Yet it took over a year for anyone to ask where the child was.",
        "The assessments of the children were of poor quality.",
        "Recording of home visits was too variable.",
        "The pace of change was not swift enough.",
        "Strategy discussions were not routinely undertaken.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Blame, "{sentence}");
    }
    for sentence in [
        "Munro's 'Common errors of reasoning in child protection work' (1999) is cited.",
        "The move took four months because no flat was available.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Learning, "{sentence}");
    }
}

#[test]
fn a_clinical_term_effort_or_a_denial_of_foresight_is_not_blame() {
    for sentence in [
        // "Failure to thrive" is a child's faltering growth, not a failing.
        "The report found that the baby had failed to thrive and develop normally.",
        "He was admitted with failure to thrive.",
        // Trying hard to help is not finding someone hard to help.
        "Many professionals, including her school, tried very hard to help her.",
        // Saying no one could have prevented a death is no counterfactual.
        "The review concluded that the death could not reasonably have been prevented by any agency.",
        // The blame that follows a death, discussed, is not blame.
        "Some anxious professionals are waiting for the inevitable finger pointing.",
        // A safety net is a part of the system.
        "Therefore, the safety net that should have protected the children did not hold.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Learning, "{sentence}");
    }
    for sentence in [
        "The health visitor failed to refer the baby's weight loss.",
        "The family were hard to help.",
        "The social worker could have visited sooner.",
        "The outcome was inevitable.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Blame, "{sentence}");
    }
}

#[test]
fn omissions_and_verdicts_found_in_a_ninth_batch_of_real_writing_are_blame() {
    for sentence in [
        // Passive omissions of more acts of practice.
        "When a family moved, reports were not sent on to the new borough.",
        "Bruises on her face were seen but not reported to social services.",
        "The inspector says these steps were not taken.",
        "Repeated emails from the local authority to the hospital received no reply.",
        "He did not receive suitable equipment or advice.",
        "The review said that limited consideration was given to the family's first language.",
        "The authorities had not done enough to challenge the couple.",
        "The child's new school remained unaware of the care order.",
        // Verdicts on handling and on quality.
        "Staff did not handle the case properly.",
        "Healthcare workers did not collect enough information.",
        "The regulator did not carry out an inspection until a year after the death.",
        "The views of children were rarely considered and support was poorly coordinated.",
        "We find that leadership generally has been lacking.",
        "There was a distinct lack of documentation during her stay.",
        "Some areas were making only limited progress.",
        "Social workers were too reliant on information from the school.",
        "Her mother did not prevent the abuse.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Blame, "{sentence}");
    }
    for sentence in [
        "There is not an identified course of action that could have prevented this death.",
        "The inquiry listed eight lessons to be learned from the failures of the past.",
        "Measures must be in place so that the mistakes of the past are not repeated.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Learning, "{sentence}");
    }
}

#[test]
fn verdicts_and_false_alarms_found_in_a_sixteenth_batch_of_real_writing() {
    for sentence in [
        // Verdicts with no failure word, in this test's own words.
        "The agencies did not abide by the protocol they had agreed.",
        "New guidance on neglect has not been incorporated into health visiting practice.",
        "Joint working between the school and the police was inconsistent at best.",
        "The plan made little analysis of the risks posed by the father.",
        "Several teams are struggling to provide a safe enough service.",
        "The mother was given no advice about safe sleeping.",
        "The power to intervene was not used until the following spring.",
        "There were delays in allocating the referral to a social worker.",
        "The nurse was asked to refer the concern and did not do so.",
        "The team manager was unable to explain why the case was closed.",
        "Practitioners were insufficiently alert to the signs of neglect.",
        "The service did not improve enough to change its rating.",
        "Had the assessment been carried out properly, the risk would have been clear.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Blame, "{sentence}");
    }
    for sentence in [
        // Process, systems and discussion, though blame words are used.
        "When inspectors find serious shortcomings, the provider is inspected again.",
        "The inquest found systemic failings in the way the services were commissioned.",
        "Staff turnover led to inadequate communication between the two teams.",
        "Reviews of this kind are not about who is culpable.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Learning, "{sentence}");
    }
}

#[test]
fn verdicts_and_false_alarms_found_in_a_seventeenth_batch_of_real_writing() {
    for sentence in [
        // Verdicts, in this test's own words.
        "We found that the council's actions were unreasonable.",
        "Insufficient checks were carried out on the friend she was left with.",
        "The apology does not go far enough.",
        "The risk is not being appropriately dealt with.",
        "The boy went missing overnight without staff noticing.",
        "Visit notes were often recorded later than set out in the policy.",
        "A disclosure was noted in a meeting rather than being escalated.",
        "His injuries might have been prevented had the team acted sooner.",
        "Her requests for help fell on deaf ears.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Blame, "{sentence}");
    }
    for sentence in [
        // Complaints, questions and a condition, though blame words are used.
        "Mr and Mrs B complained to us that the council failed to support them.",
        "She also complained about the council's failure to arrange transport.",
        "Could anything have been done to save him?",
        "Some boards return to further cases of self-neglect to review.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Learning, "{sentence}");
    }
}

#[test]
fn verdicts_and_complainants_views_found_in_an_eighteenth_batch_of_real_writing() {
    for sentence in [
        // Verdicts, in this test's own words.
        "The council did not invite the grandmother to the core group.",
        "The nurse did not raise the bruise with the safeguarding lead.",
        "The trust did not handle her complaint as its policy sets out.",
        "Some teachers still do not pass on concerns when they should.",
        "When the boys reported abuse, they were routinely disbelieved.",
        "Officers went through the motions and closed the log.",
        "The ombudsman finds some fault, causing injustice to the family.",
        "There was also delay in the council's handling of the referral.",
        "Several young people had not been allocated a social worker.",
        "Children living at the home were not safe.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Blame, "{sentence}");
    }
    for sentence in [
        // A complainant's view, which the decision goes on to weigh.
        "Mrs D says the council failed to tell her about the meeting.",
        "Mr K would like the council to apologise for causing him distress.",
        "She says the council should have done more to help.",
        // The practitioner's view at the time, and a family's choice.
        "The mother did not want the health visitor to call.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Learning, "{sentence}");
    }
}

#[test]
fn verdicts_found_in_a_nineteenth_batch_of_real_writing() {
    for sentence in [
        // Verdicts, in this test's own words.
        "Senior management neglected to act on what the audit showed.",
        "The force took no steps to check his bail conditions.",
        "Her complaints were effectively suppressed.",
        "The response of the call handlers was unsatisfactory.",
        "Officers withheld vital information from the family.",
        "Record keeping was variable and often poor.",
        "Practice was not consistently good enough.",
        "The home allowed a bullying culture to grow.",
        "The department appeared to be in ignorance of the regime.",
        "Staff never took any of those opportunities to ask.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Blame, "{sentence}");
    }
    // Research on a difficulty of reasoning, as the worked example cites it.
    assert_eq!(
        lexicon()
            .verdict("Professionals were slow to revise judgements in the light of new evidence."),
        Verdict::Learning
    );
}

#[test]
fn verdicts_found_in_a_twentieth_batch_of_real_writing() {
    for sentence in [
        // Verdicts with no failure word, in this test's own words.
        "Leadership of the service has been nonexistent for two years.",
        "The department implemented only one recommendation of the audit.",
        "The calls about the baby were essentially filed away.",
        "Caseworkers did not always complete the risk assessments.",
        "Joint visits were required and did not take place.",
        "The board appeared unwilling to properly investigate the errors.",
        "The review is critical of the way the hospital handled the referral.",
        "The inquest found that the death was wholly avoidable.",
        "Closing the reports unread is contrary to the agency's statutory duties.",
        "Had we known what we know now, the repairs would have been done.",
        // "who" after a word that names no one stands for people, not for
        // the noun before it.
        "It is a report that shames many who failed to respond.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Blame, "{sentence}");
    }
    for sentence in [
        // A system is still the subject of its own relative clause.
        "It was a system which failed to share the referrals.",
        // Hindsight discussed, not used.
        "Reviewers must avoid writing as if they had known then what we know now.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Learning, "{sentence}");
    }
}

#[test]
fn verdicts_found_in_a_twenty_first_batch_of_real_writing() {
    for sentence in [
        // Verdicts of the ombudsman and of reviews, in this test's own words.
        "The council's record keeping was poor.",
        "The effects of the neglect went largely unnoticed.",
        "Her complaints were not promptly investigated.",
        "We would find the council at fault.",
        "The council apologised for this failure.",
        "There had been delay in assessing the kinship placement.",
        "The service was inconsistent and contradictory in applying its guidance.",
        "Consent was assumed without properly explaining the parents' rights.",
        "Half of the cases were characterised by drift and delay.",
        "We considered this delay to be unreasonable.",
        "The inquiry report was highly critical of the health board.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Blame, "{sentence}");
    }
    // Not at fault is no fault.
    assert_eq!(
        lexicon().verdict("The ombudsman found the council was not at fault."),
        Verdict::Learning
    );
}

#[test]
fn verdicts_found_in_a_twenty_second_batch_of_real_writing() {
    for sentence in [
        // Verdicts on institutions, in this test's own words.
        "The diocese colluded with the abbot rather than helping those he had harmed.",
        "The club's welfare officer shrugged off the complaint.",
        "The federation has been slow to engage with former gymnasts.",
        "The board was not alerted to the deaths until the following summer.",
        "The charity acted to protect its reputation.",
        "Investigators never spoke with the neighbours.",
        "There is simply no excuse for this.",
        "The school did not even record the complaints.",
        // A church as the subject of "failed to", like an agency.
        "The church failed to protect the choristers.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Blame, "{sentence}");
    }
}

#[test]
fn verdicts_found_in_a_twenty_third_batch_of_real_writing() {
    for sentence in [
        // Inspection verdicts, in this test's own words.
        "The children's wards weren't well-led.",
        "Agency staff were overly relied on at night.",
        "The care on the unit was well below what families should expect.",
        "The dangers were not ascertained by any of the professionals involved.",
        // Ombudsman and coroner findings.
        "The delay caused the grandmother avoidable distress.",
        "The coroner ruled that neglect by the trust contributed to his death.",
        // Hindsight certainty.
        "There were enough warning signs a year before to warrant action.",
        "The family's need for help was apparent months earlier.",
        // The subject of "failed to" read past a relative clause between
        // commas: the trust, not the referral.
        "The trust, which made the referral, failed to tell the crisis house staff.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Blame, "{sentence}");
    }
    // The relative clause's own subject still counts there: the system.
    assert_eq!(
        lexicon().verdict("The procedures, which the staff followed, failed to work."),
        Verdict::Learning
    );
}

#[test]
fn verdicts_found_in_a_twenty_fourth_batch_of_real_writing() {
    // A regulator's findings, in this test's own words.
    for sentence in [
        "The panel finds that your fitness to practise is currently impaired.",
        "You did not take sufficient action to contact the school.",
        "As the nurse in charge she failed in that duty.",
        "The tribunal found that he did commit gross misconduct.",
        "Her recording was under par for months.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Blame, "{sentence}");
    }
    // A finding of no misconduct, or of no impairment, is none.
    for sentence in [
        "The panel found no misconduct.",
        "The panel found her fitness to practise is not impaired.",
    ] {
        assert_eq!(lexicon().verdict(sentence), Verdict::Learning, "{sentence}");
    }
}

#[test]
fn a_partnerships_board_quoted_is_a_verdict_and_not_families_in_general() {
    let text = "Local Safeguarding Children Board Northamptonshire (LSCBN) said agencies had \"failed to protect\" the girl.";
    assert_eq!(lexicon().judge(text).verdict, Verdict::Blame);
    // Families in general are still discussed, not blamed.
    assert_verdicts(
        Verdict::Learning,
        &["Children and families in general may find services hard to reach."],
    );
}

#[test]
fn absence_missed_voices_and_parents_conduct_without_a_failure_keyword_are_blame() {
    assert_verdicts(
        Verdict::Blame,
        &[
            "The voice of the child was regularly missed.",
            "Her presentation was seen in isolation.",
            "No links were made back to the previous episode.",
            "But no one reported any of their concerns to the Local Authority.",
            "The review uncovered numerous failings in how it handled the case.",
            "The mother lied about her drug use.",
            "A strategy discussion should have taken place.",
        ],
    );
}
