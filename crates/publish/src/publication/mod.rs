//! What a partnership publishes from a review, computed once.
//!
//! A [`Publication`] is one value per revision of a review: the
//! publication check with its blockers, the published review (anonymised,
//! with every finding that is not tagged learning removed along with
//! everything that refers to it), the anonymisation report and the
//! residual suspects, the facts counted for the report, what was left out
//! and why, and the leak check for everything drawn from it. The CLI
//! (`check`, `export`, `figure`), the Report, Anonymisation and Map panels
//! and every export format read the same value: nothing anonymises or
//! builds the leak check twice, and a finding left out of the text cannot
//! appear in a figure, because the review the figures are drawn from no
//! longer holds it.
//!
//! Facts are counted on the identified review and only their words are
//! published: the child's journey (seen, heard, per agency) reads the
//! agency records as they were written, so anonymisation cannot change
//! how often a child was seen. The clock's key dates, of which the
//! anonymised review keeps no day, are worked out there too, as the
//! review's date policy publishes dates (to the month by default).

pub mod action_plan;
pub mod export;

use crate::readiness::{Inputs, Published, Section, blockers, sections};
use crate::report::build::{KeyDates, LeftOut};
use foresight_core::analysis::journey::{Journey, child_journey, subject_children};
use foresight_core::analysis::language::Lexicon;
use foresight_core::anonymise::{Anonymiser, Leak, LeakChecker, Report, Suspect, residual_scan};
use foresight_core::edit::delete_record;
use foresight_core::model::{FindingTag, Id, Review};
use foresight_core::taxonomy::Taxonomy;

use crate::placeholders::{Placeholder, review_placeholders};

/// Everything published from one revision of a review.
#[derive(Debug)]
pub struct Publication {
    /// The publication check, section by section, in print order.
    pub sections: Vec<Section>,
    /// The review as published: anonymised, with every finding that is not
    /// tagged learning removed, and every link, diagram node, stage and
    /// reference to it with it.
    pub review: Review,
    /// How the review was anonymised: every occurrence replaced, kept or
    /// flagged.
    pub anonymisation: Report,
    /// What still looks like a name, a place or an identifier in the
    /// published review.
    pub suspects: Vec<Suspect>,
    /// Real names or identifiers left in the published review (each blocks
    /// publication).
    pub leaks: Vec<Leak>,
    /// Placeholders left unfilled in the text to be published.
    pub placeholders: Vec<Placeholder>,
    /// Findings left out of the publication, and why.
    pub left_out: Vec<LeftOut>,
    /// Each subject child's journey, counted on the identified review, with
    /// the child's published name and no dates.
    pub journeys: Vec<Journey>,
    /// The clock's key dates as the review's date policy publishes them,
    /// worked out on the identified review (the anonymised one keeps no
    /// day of the clock): never a day.
    pub key_dates: KeyDates,
    /// The leak check of anything drawn from this publication.
    checker: LeakChecker,
}

impl Publication {
    /// The publication of `review`, with the hindsight and blame `lexicon`
    /// and the review's `taxonomy` (when found) for the check.
    pub fn compute(review: &Review, lexicon: &Lexicon, taxonomy: Option<Taxonomy>) -> Publication {
        let left_out: Vec<LeftOut> = review
            .findings
            .iter()
            .filter(|f| f.tag != FindingTag::Learning)
            .map(LeftOut::of)
            .collect();
        let anonymiser = Anonymiser::new(review);
        let anonymised = anonymiser.review(review);
        let published = without_findings(
            anonymised.review,
            left_out
                .iter()
                .map(|l| &l.id)
                .collect::<Vec<_>>()
                .as_slice(),
        );
        let suspects = residual_scan(&published);
        let checker = LeakChecker::with_anonymiser(review, anonymiser);
        let leaks = checker.check_review(&published);
        let placeholders = review_placeholders(review);
        let journeys = published_journeys(review, &published);
        let key_dates = KeyDates::of(review, false);
        // The report's text: every free text but the agencies' records,
        // which it prints only in a summary chronology, if asked.
        let entries: std::collections::HashSet<&foresight_core::model::Id> =
            published.chronology.iter().map(|e| &e.id).collect();
        let mut unexpanded = std::collections::BTreeSet::new();
        foresight_core::anonymise::fields::visit(&published, |id, _, _, text| {
            if !entries.contains(id) {
                unexpanded.extend(crate::report::acronyms::unexpanded([text]));
            }
        });
        let unexpanded_acronyms: Vec<String> = unexpanded.into_iter().collect();

        let inputs = Inputs::gather(review, lexicon, taxonomy);
        let sections = sections(
            &inputs,
            &Published {
                report: &anonymised.report,
                suspects: &suspects,
                leaks: &leaks,
                placeholders: &placeholders,
                unexpanded_acronyms: &unexpanded_acronyms,
            },
        );
        Publication {
            sections,
            review: published,
            anonymisation: anonymised.report,
            suspects,
            leaks,
            placeholders,
            left_out,
            journeys,
            key_dates,
            checker,
        }
    }

    /// Every blocker of every section, in order.
    pub fn blockers(&self) -> Vec<String> {
        blockers(&self.sections)
    }

    /// True when nothing blocks publication.
    pub fn is_ready(&self) -> bool {
        !self.sections.iter().any(Section::blocks)
    }

    /// Every leak of a real name or identifier in `text`, located by
    /// `location` ("report title", "Figure 2 label").
    pub fn leaks_in(&self, location: &str, text: &str) -> Vec<Leak> {
        self.checker.check(location, text)
    }
}

/// `review` without the findings `ids` and everything that refers to them
/// (links, diagram nodes, stages, references in other records).
fn without_findings(mut review: Review, ids: &[&Id]) -> Review {
    for id in ids {
        if let Some(change) = delete_record(&review, id) {
            // A deletion made from the review it is applied to cannot
            // fail; were it to, the finding would still be found by the
            // left-out test of every published string.
            let _ = change.apply(&mut review);
        }
    }
    review
}

/// Each subject child's journey, counted on the identified `review`, with
/// the name the child has in `published` and without dates (the report
/// prints counts only).
fn published_journeys(review: &Review, published: &Review) -> Vec<Journey> {
    subject_children(review)
        .iter()
        .filter_map(|child| {
            let mut journey = child_journey(review, &child.id)?;
            journey.child_name = published
                .people
                .iter()
                .find(|p| p.id == child.id)
                .map(|p| [&p.pseudonym, &p.name])
                .and_then(|names| names.into_iter().find(|n| !n.trim().is_empty()).cloned())
                .unwrap_or_else(|| "the child".to_string());
            journey.date_of_birth = None;
            journey.entries.clear();
            journey.seen_days.clear();
            journey.gaps.clear();
            Some(journey)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use foresight_core::examples::worked_case;

    fn publication(review: &Review) -> Publication {
        Publication::compute(
            review,
            &Lexicon::built_in(),
            Taxonomy::built_in(&review.meta.taxonomy),
        )
    }

    #[test]
    fn the_published_review_holds_no_left_out_finding_nor_anything_pointing_at_it() {
        let review = worked_case();
        let p = publication(&review);
        assert!(p.is_ready(), "{:#?}", p.blockers());
        let fn9 = Id::from("FN9");
        assert_eq!(p.left_out.len(), 1);
        assert_eq!(p.left_out[0].id, fn9);
        assert!(review.findings.iter().any(|f| f.id == fn9));
        assert!(p.review.findings.iter().all(|f| f.id != fn9));
        assert!(p.review.links.iter().all(|l| l.from != fn9 && l.to != fn9));
        for d in &p.review.diagrams {
            assert!(d.nodes.iter().all(|n| n.item != fn9), "{}", d.id);
        }
    }

    #[test]
    fn the_check_names_acronyms_the_glossary_cannot_expand() {
        let text = |p: &Publication| {
            p.sections
                .iter()
                .find(|s| s.title == "Text")
                .unwrap()
                .lines
                .join("\n")
        };
        let mut review = worked_case();
        assert!(!text(&publication(&review)).contains("cannot expand"));
        review.findings[0]
            .introduction
            .push_str(" The DVPN was served.");
        review.chronology[0]
            .text
            .push_str(" Noted on the RAG rating.");
        let said = text(&publication(&review));
        assert!(said.contains("cannot expand: DVPN."), "{said}");
        assert!(
            !said.contains("RAG"),
            "the agencies' records are not the report's text"
        );
    }

    #[test]
    fn the_check_reads_the_reports_own_sections_for_hindsight_and_blame() {
        let mut review = worked_case();
        review
            .meta
            .account
            .executive_summary
            .push_str(" The social worker failed to act on obvious warning signs.");
        let p = publication(&review);
        let language = p
            .sections
            .iter()
            .find(|s| s.title == "Language")
            .unwrap()
            .lines
            .join("\n");
        assert!(
            language.contains("review account.executive_summary: \"failed to\""),
            "{language}"
        );
    }

    #[test]
    fn journeys_are_counted_on_the_identified_review() {
        let review = worked_case();
        let p = publication(&review);
        let identified = child_journey(&review, &subject_children(&review)[0].id).unwrap();
        let published = &p.journeys[0];
        assert_eq!(published.mentions, identified.mentions);
        assert_eq!(published.seen, identified.seen);
        assert_eq!(published.heard, identified.heard);
        assert_eq!(published.by_agency, identified.by_agency);
        let child = subject_children(&review)[0];
        assert_eq!(published.child_name, child.pseudonym);
        assert_ne!(published.child_name, child.name);
        assert!(published.entries.is_empty() && published.gaps.is_empty());
    }
}
