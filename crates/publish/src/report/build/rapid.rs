//! The sections of a rapid review for the national panel: the facts and
//! each agency's involvement, the child's and family's lived context, the
//! immediate actions, the potential for learning, and the decision with
//! its rationale and key dates. Their text is the partners' (from
//! [`foresight_core::model::RapidReviewRecord`] and the review's clock); every
//! other word is the template's (see [`SectionTemplate::label`]). A
//! section with nothing written is left out, heading and all.
//!
//! The key dates are structured: the anonymised review keeps no day of
//! the clock, so a publication works them out on the identified review as
//! its date policy writes dates in text (to the month by default; see
//! [`KeyDates::of`]), and only the identified draft gives the day.

use chrono::{Datelike, NaiveDate};

use super::{Block, Context, Span, body, heading, note, paragraphs};
use crate::report::template::{Content, SectionTemplate};
use foresight_core::model::{
    DatePolicy, DateValue, Review, ReviewDate, ReviewDecision as Decision,
};

/// The key dates' words, in the order they are listed: awareness,
/// notification, decision.
const DATE_KEYS: [&str; 3] = ["date_aware", "date_notified", "date_decided"];

impl Context<'_> {
    /// True when a rapid review section of this content has nothing to
    /// say (false for any other content).
    pub(super) fn has_no_rapid_review_part(&self, content: Content) -> bool {
        let rapid = &self.review.meta.rapid_review;
        match content {
            Content::RapidReviewFacts => blank(&rapid.facts) && blank(&rapid.agency_involvement),
            Content::ImmediateActions => blank(&rapid.immediate_actions),
            Content::LivedContext => blank(&rapid.lived_context),
            Content::LearningPotential => blank(&rapid.learning_potential),
            Content::ReviewDecision => {
                let clock = &self.review.meta.clock;
                clock.decision == Decision::Undecided
                    && blank(&clock.decision_rationale)
                    && self.key_dates().is_empty()
            }
            _ => false,
        }
    }

    /// The facts of the incident, then each agency's involvement, each
    /// under its subheading when written.
    pub(super) fn rapid_review_facts(&self, section: &SectionTemplate, out: &mut Vec<Block>) {
        let s = Some(section);
        let rapid = &self.review.meta.rapid_review;
        if !blank(&rapid.facts) {
            out.push(heading(2, self.say(s, "facts", &[])));
            out.extend(paragraphs(&rapid.facts));
        }
        if !blank(&rapid.agency_involvement) {
            out.push(heading(2, self.say(s, "agency_involvement", &[])));
            out.extend(paragraphs(&rapid.agency_involvement));
        }
    }

    /// The text of one of the rapid review's parts written as a whole
    /// section: immediate actions, lived context or learning potential.
    pub(super) fn rapid_review_text(&self, content: Content, out: &mut Vec<Block>) {
        let rapid = &self.review.meta.rapid_review;
        let text = match content {
            Content::ImmediateActions => &rapid.immediate_actions,
            Content::LivedContext => &rapid.lived_context,
            Content::LearningPotential => &rapid.learning_potential,
            _ => return,
        };
        out.extend(paragraphs(text));
    }

    /// The decision in words, its rationale, and the key dates as the
    /// review's date policy publishes them.
    pub(super) fn review_decision(&self, section: &SectionTemplate, out: &mut Vec<Block>) {
        let s = Some(section);
        let clock = &self.review.meta.clock;
        out.push(heading(2, self.say(s, "decision", &[])));
        out.push(body(&self.say(s, decision_key(clock.decision), &[])));
        if !blank(&clock.decision_rationale) {
            out.push(heading(2, self.say(s, "rationale", &[])));
            out.extend(paragraphs(&clock.decision_rationale));
        }
        let dates = self.key_dates();
        if dates.is_empty() {
            return;
        }
        out.push(heading(2, self.say(s, "key_dates", &[])));
        let all = dates.all();
        if let Some(key) = all
            .iter()
            .flatten()
            .map(|d| dates_note_key(*d))
            .find(|k| !k.is_empty())
        {
            out.push(note(&self.say(s, key, &[])));
        }
        let items = DATE_KEYS
            .iter()
            .zip(all)
            .filter_map(|(key, date)| {
                Some(vec![
                    Span::bold(format!("{} ", self.say(s, key, &[]))),
                    Span::plain(self.key_date(s, date?)),
                ])
            })
            .collect();
        out.push(Block::List {
            ordered: false,
            items,
        });
    }

    /// The key dates to print: those the publication worked out on the
    /// identified review, or else those of the review given.
    fn key_dates(&self) -> KeyDates {
        match self.options.key_dates {
            Some(dates) => *dates,
            None => KeyDates::of(self.review, self.options.identified_draft),
        }
    }

    /// A key date in the template's words.
    fn key_date(&self, s: Option<&SectionTemplate>, date: KeyDate) -> String {
        match date {
            KeyDate::Day(day) => ReviewDate {
                value: DateValue::Day(day),
                approximate: false,
            }
            .human(),
            KeyDate::Month(year, month) => ReviewDate {
                value: DateValue::Month(year, month),
                approximate: false,
            }
            .human(),
            KeyDate::MonthOfPeriod(n) if n >= 1 => {
                self.say(s, "date_month", &[("n", &n.to_string())])
            }
            KeyDate::MonthOfPeriod(_) => self.say(s, "date_before_period", &[]),
            KeyDate::CountedFrom => self.say(s, "counted_from", &[]),
            KeyDate::DaysAfterAware(days) if days >= 0 => {
                self.count_of(s, "days_after_aware", days.unsigned_abs() as usize, &[])
            }
            KeyDate::DaysAfterAware(days) => {
                self.count_of(s, "days_before_aware", days.unsigned_abs() as usize, &[])
            }
            KeyDate::Withheld => self.say(s, "date_withheld", &[]),
        }
    }
}

/// One of the clock's key dates as a report prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyDate {
    /// The whole day: only in an identified draft.
    Day(NaiveDate),
    /// Its month: year and month (1–12).
    Month(i32, u32),
    /// Its month counted from the start of the period under review (1 is
    /// the first month; less than 1 is before the period).
    MonthOfPeriod(i32),
    /// The day the local authority became aware, which the other dates
    /// are counted from.
    CountedFrom,
    /// Days after the local authority became aware (negative: before).
    DaysAfterAware(i64),
    /// Not published: no day to count from.
    Withheld,
}

/// The clock's key dates (the local authority aware of the incident, the
/// notification to the national panel, the decision) as a report prints
/// them. A publication works them out on the identified review, since the
/// anonymised review keeps no day of the clock: never a day, only what the
/// review's date policy publishes of dates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeyDates {
    /// The day the local authority became aware of the incident.
    pub aware: Option<KeyDate>,
    /// The day the notification was sent to the national panel.
    pub notified: Option<KeyDate>,
    /// The day of the decision on a further review.
    pub decided: Option<KeyDate>,
}

impl KeyDates {
    /// The key dates of `review`'s clock: whole days in an identified
    /// draft; otherwise as the review's date policy writes dates in text:
    /// the month ("March 2027"), the month of the period under review, or,
    /// where dates are written as the child's age, the days since the
    /// local authority became aware (an age on the day of a decision
    /// about a child who may have died would read wrongly).
    pub fn of(review: &Review, identified_draft: bool) -> KeyDates {
        let clock = &review.meta.clock;
        let aware = clock.aware;
        let policy = review.meta.anonymisation.date_policy;
        let published = |date: NaiveDate, is_aware: bool| {
            if identified_draft {
                return KeyDate::Day(date);
            }
            match policy {
                DatePolicy::MonthYear => KeyDate::Month(date.year(), date.month()),
                DatePolicy::MonthsSinceStart => match &review.meta.period {
                    Some(period) => {
                        let start = period.start.first_day();
                        KeyDate::MonthOfPeriod(
                            (date.year() - start.year()) * 12 + date.month() as i32
                                - start.month() as i32
                                + 1,
                        )
                    }
                    // As the anonymiser does without a period to count in.
                    None => KeyDate::Month(date.year(), date.month()),
                },
                DatePolicy::ChildAge if is_aware => KeyDate::CountedFrom,
                DatePolicy::ChildAge => match aware {
                    Some(aware) => KeyDate::DaysAfterAware((date - aware).num_days()),
                    None => KeyDate::Withheld,
                },
            }
        };
        KeyDates {
            aware: aware.map(|d| published(d, true)),
            notified: clock.notified.map(|d| published(d, false)),
            decided: clock.decided.map(|d| published(d, false)),
        }
    }

    /// The dates in the order of [`DATE_KEYS`].
    fn all(&self) -> [Option<KeyDate>; 3] {
        [self.aware, self.notified, self.decided]
    }

    /// True when none is recorded.
    pub fn is_empty(&self) -> bool {
        self.all().iter().all(Option::is_none)
    }
}

/// The key of the note on how the key dates are given: none ("") for
/// whole days.
fn dates_note_key(date: KeyDate) -> &'static str {
    match date {
        KeyDate::Day(_) => "",
        KeyDate::Month(..) => "dates_by_month",
        KeyDate::MonthOfPeriod(_) => "dates_by_period",
        KeyDate::CountedFrom | KeyDate::DaysAfterAware(_) | KeyDate::Withheld => {
            "dates_from_awareness"
        }
    }
}

/// The key of the words of a decision.
fn decision_key(decision: Decision) -> &'static str {
    match decision {
        Decision::Undecided => "decision_undecided",
        Decision::LocalReview => "decision_local_review",
        Decision::NationalReview => "decision_national_review",
        Decision::NoFurtherReview => "decision_no_further_review",
    }
}

/// True when nothing but white space is written.
fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::super::{BuildOptions, build_report};
    use crate::report::document::{Block, ReportDocument};
    use crate::report::template::ReportTemplate;
    use foresight_core::examples::worked_case;
    use foresight_core::model::{DatePolicy, Review, ReviewDecision, ReviewType};

    fn report(review: &Review, identified_draft: bool) -> ReportDocument {
        let measure = |text: &str, size: f32, _bold: bool| text.len() as f32 * size * 0.5;
        let template = ReportTemplate::built_in("rapid-review").unwrap();
        build_report(
            review,
            &template,
            &BuildOptions {
                identified_draft,
                include_chronology: false,
                taxonomy: None,
                measure: &measure,
                journeys: None,
                key_dates: None,
            },
        )
        .document
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    /// The worked example as a rapid review with every part written.
    fn rapid_review() -> Review {
        let mut review = worked_case();
        review.meta.review_type = ReviewType::RapidReview;
        let rapid = &mut review.meta.rapid_review;
        rapid.facts = "Child B was admitted to hospital after swallowing methadone.".into();
        rapid.agency_involvement = "Ten agencies were involved with the family.".into();
        rapid.immediate_actions = "Child B moved to her grandmother's home.".into();
        rapid.lived_context =
            "The family lived in a small flat on a low income.\n\nPoverty shaped the help offered."
                .into();
        rapid.learning_potential = "There is learning about adult services.".into();
        let clock = &mut review.meta.clock;
        clock.aware = day(2027, 3, 3);
        clock.notified = day(2027, 3, 5);
        clock.decided = day(2027, 3, 24);
        clock.decision = ReviewDecision::LocalReview;
        clock.decision_rationale = "The criteria for a local review are met.".into();
        review
    }

    /// Each heading, paragraph and list item as one line.
    fn lines(document: &ReportDocument) -> Vec<String> {
        let spans = |spans: &[crate::report::document::Span]| -> String {
            spans.iter().map(|s| s.text.as_str()).collect()
        };
        let mut out = document.title_lines.clone();
        for block in &document.blocks {
            match block {
                Block::Heading { text, .. } => out.push(text.clone()),
                Block::Paragraph { spans: s, .. } => out.push(spans(s)),
                Block::List { items, .. } => out.extend(items.iter().map(|i| spans(i))),
                Block::Table(t) => out.extend(t.rows.iter().map(|r| r.join(" | "))),
                _ => {}
            }
        }
        out
    }

    fn text_of(review: &Review, identified_draft: bool) -> String {
        lines(&report(review, identified_draft)).join("\n")
    }

    fn top_headings(document: &ReportDocument) -> Vec<String> {
        document
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level: 1, text } => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_rapid_review_sets_out_its_parts_in_the_order_of_a_submission() {
        let document = report(&rapid_review(), false);
        assert_eq!(
            top_headings(&document),
            [
                "1. The decision and its rationale",
                "2. The facts and each agency's involvement",
                "3. The child's and family's lives",
                "4. Analysis of key practice episodes",
                "5. Immediate actions to keep children safe",
                "6. The potential for learning",
                "Appendix A: Roles and agencies",
            ]
        );
        let texts = lines(&document);
        let at = |wanted: &str| {
            texts
                .iter()
                .position(|t| t.contains(wanted))
                .unwrap_or_else(|| panic!("{wanted} in {texts:#?}"))
        };
        let order = [
            "The decision",
            "The safeguarding partners decided to commission a local child safeguarding practice review.",
            "The rationale",
            "The criteria for a local review are met.",
            "Key dates",
            "The incident and what is known of Child B",
            "Child B was admitted to hospital after swallowing methadone.",
            "Each agency's involvement",
            "Ten agencies were involved with the family.",
            "racism, disability and other inequalities",
            "The family lived in a small flat on a low income.",
            "Poverty shaped the help offered.",
            "Episode 1: ",
            "Child B moved to her grandmother's home.",
            "There is learning about adult services.",
        ];
        let places: Vec<usize> = order.iter().map(|w| at(w)).collect();
        assert!(places.is_sorted(), "{order:?} at {places:?}");
    }

    #[test]
    fn a_part_with_nothing_written_is_left_out_heading_and_all() {
        let mut review = rapid_review();
        review.meta.rapid_review = Default::default();
        review.meta.clock = Default::default();
        assert_eq!(
            top_headings(&report(&review, false)),
            [
                "1. Analysis of key practice episodes",
                "Appendix A: Roles and agencies"
            ]
        );
        // A part written alone brings its section back; white space is
        // nothing written.
        review.meta.rapid_review.agency_involvement = "Police attended twice.".into();
        review.meta.rapid_review.facts = "  \n ".into();
        review.meta.rapid_review.learning_potential = " ".into();
        let document = report(&review, false);
        assert_eq!(
            top_headings(&document)[0],
            "1. The facts and each agency's involvement"
        );
        let texts = lines(&document).join("\n");
        assert!(!texts.contains("The incident and what is known"), "{texts}");
        assert!(!texts.contains("potential for learning"), "{texts}");
        // A decision alone, or a date alone, is something to say.
        review.meta.clock.notified = day(2027, 3, 5);
        assert_eq!(
            top_headings(&report(&review, false))[0],
            "1. The decision and its rationale"
        );
    }

    #[test]
    fn each_decision_is_put_in_words() {
        let mut review = rapid_review();
        review.meta.clock.decision_rationale.clear();
        for (decision, words) in [
            (
                ReviewDecision::Undecided,
                "The safeguarding partners have not yet decided whether to hold a further review.",
            ),
            (
                ReviewDecision::LocalReview,
                "The safeguarding partners decided to commission a local child safeguarding practice review.",
            ),
            (
                ReviewDecision::NationalReview,
                "The safeguarding partners consider that the case raises issues of national importance, and ask the national panel to consider a national review.",
            ),
            (
                ReviewDecision::NoFurtherReview,
                "The safeguarding partners decided that no further review is needed: the learning from this rapid review will be taken forward without one.",
            ),
        ] {
            review.meta.clock.decision = decision;
            let texts = text_of(&review, false);
            assert!(texts.contains(words), "{decision:?}: {texts}");
            assert!(!texts.contains("The rationale"), "{decision:?}");
        }
    }

    #[test]
    fn key_dates_are_published_to_the_month_and_given_in_full_only_in_the_identified_draft() {
        let review = rapid_review();
        let published = text_of(&review, false);
        assert!(published.contains("Dates are given to the month only."));
        assert!(published.contains("The local authority became aware of the incident: March 2027"));
        assert!(published.contains("The notification was sent to the national panel: March 2027"));
        assert!(published.contains("The decision was made: March 2027"));
        for day in ["3 March 2027", "5 March 2027", "24 March 2027"] {
            assert!(!published.contains(day), "{day}");
        }
        let draft = text_of(&review, true);
        assert!(draft.contains("The local authority became aware of the incident: 3 March 2027"));
        assert!(draft.contains("The notification was sent to the national panel: 5 March 2027"));
        assert!(draft.contains("The decision was made: 24 March 2027"));
        assert!(!draft.contains("Dates are given to the month only."));
    }

    #[test]
    fn key_dates_follow_the_reviews_date_policy() {
        let mut review = rapid_review();
        // The worked example's period starts in September 2020.
        review.meta.anonymisation.date_policy = DatePolicy::MonthsSinceStart;
        let texts = text_of(&review, false);
        assert!(
            texts.contains(
                "The decision was made: month 79, counted from the start of the period under review"
            ),
            "{texts}"
        );
        assert!(!texts.contains("March 2027"), "{texts}");
        // Not the child's age (on the day of a decision about a child who
        // may have died): days from the day the local authority knew.
        review.meta.anonymisation.date_policy = DatePolicy::ChildAge;
        let texts = text_of(&review, false);
        assert!(
            texts.contains(
                "The local authority became aware of the incident: the day the other dates are counted from"
            ),
            "{texts}"
        );
        assert!(texts.contains("The notification was sent to the national panel: 2 days later"));
        assert!(texts.contains("The decision was made: 21 days later"));
        assert!(!texts.contains("2027"), "{texts}");
        review.meta.clock.aware = None;
        let texts = text_of(&review, false);
        assert!(texts.contains(
            "The notification was sent to the national panel: withheld under the review's date policy"
        ));
        assert!(!texts.contains("2027"), "{texts}");
    }

    #[test]
    fn the_publication_gives_the_key_dates_that_the_anonymised_review_no_longer_holds() {
        use crate::publication::Publication;
        use crate::publication::export::{ExportOptions, ReportFormat, publication_document};
        let review = rapid_review();
        let lexicon = foresight_core::analysis::language::Lexicon::built_in();
        let publication = Publication::compute(&review, &lexicon, None);
        assert_eq!(publication.review.meta.clock.aware, None);
        assert_eq!(
            publication.key_dates.aware,
            Some(super::KeyDate::Month(2027, 3))
        );
        let template = ReportTemplate::built_in("rapid-review").unwrap();
        let options = ExportOptions {
            format: ReportFormat::Pdf,
            template: &template,
            taxonomy: None,
            lexicon: &lexicon,
            identified_draft: false,
            include_chronology: false,
            created: None,
        };
        let (document, _) = publication_document(&publication, &options);
        let texts = lines(&document).join("\n");
        assert!(
            texts.contains("The notification was sent to the national panel: March 2027"),
            "{texts}"
        );
        assert!(!texts.contains("5 March 2027"), "{texts}");
        assert!(texts.contains("The criteria for a local review are met."));
    }

    #[test]
    fn every_word_of_a_rapid_review_comes_from_its_template() {
        let key = regex::Regex::new(r"\b[a-z]+(_[a-z]+)+\b").unwrap();
        let mut review = rapid_review();
        for policy in [
            DatePolicy::MonthYear,
            DatePolicy::MonthsSinceStart,
            DatePolicy::ChildAge,
        ] {
            review.meta.anonymisation.date_policy = policy;
            for draft in [false, true] {
                for text in report(&review, draft).texts() {
                    assert!(!key.is_match(text), "{policy:?}: {text}");
                }
            }
        }
        let template = ReportTemplate::built_in("rapid-review").unwrap();
        assert_eq!(
            crate::placeholders::template_placeholders(&template),
            vec![]
        );
    }
}
