//! Anonymising a whole review: every free-text field the schema describes,
//! the chronology in parallel parts, names and dates of the structured
//! records, and the report of what was replaced.

use super::*;

impl Anonymiser {
    /// Anonymises a whole review (the one this anonymiser was made from).
    ///
    /// Besides the texts: names give way to pseudonyms and generic names,
    /// dates of birth go, episode and period dates are coarsened, and the
    /// clock and agency returns lose their days.
    pub fn review(&self, review: &Review) -> Anonymised {
        // Everything but the chronology is copied and changed in place; the
        // chronology, most of a review, is written anew from the original.
        let mut out = review.without_chronology();
        let mut without_pseudonym = Vec::new();
        let mut undecided = Vec::new();
        for person in &mut out.people {
            person.name.clear();
            person.aliases.clear();
            person.date_of_birth = None;
            if person.pseudonym.trim().is_empty() {
                without_pseudonym.push(person.id.clone());
            }
            for (name, attribute) in person.attributes.all_mut() {
                if attribute.disclosure == Disclosure::Publish {
                    continue;
                }
                if attribute.disclosure == Disclosure::Undecided
                    && !attribute.value.trim().is_empty()
                {
                    undecided.push((person.id.clone(), name));
                }
                attribute.value.clear();
                attribute.reason.clear();
            }
        }
        for agency in &mut out.agencies {
            // An agency named only by its type ("A&E", "Midwifery") names
            // no one: its name stays as the records wrote it.
            if !agency.generic {
                agency.name = self
                    .regional_name(&agency.id, &agency.name)
                    .unwrap_or_else(|| agency.generic_name.clone());
            }
            // So are its other names that are types or national bodies
            // ("Police Scotland" beside "Police").
            agency
                .aliases
                .retain(|a| crate::agency_kind::is_agency_type(a));
            // When each agency sent what is the review's own business, and
            // exact days: only what they gave stays.
            let returned = &mut agency.returned;
            returned.requested = None;
            returned.chronology = None;
            returned.summary = None;
        }
        // The clock's days (the day the incident became known among them)
        // would date the case exactly: the anonymised review keeps the
        // decision, its rationale and the reasons for missed deadlines.
        out.meta.clock = without_days(&out.meta.clock);
        for place in &mut out.places {
            place.name = place.generic_name.clone();
            place.aliases.clear();
        }
        for episode in &mut out.episodes {
            episode.start = episode.start.map(coarsen);
            episode.end = episode.end.map(coarsen);
        }
        // An action plan's dates are published to the month, like every
        // other structured date.
        for action in out.findings.iter_mut().flat_map(|f| &mut f.actions) {
            action.due = action.due.map(coarsen);
            action.review_on = action.review_on.map(coarsen);
        }
        if let Some(period) = &mut out.meta.period {
            period.start = coarsen(period.start);
            period.end = coarsen(period.end);
        }
        // The overrides quote the original text: they stay behind.
        out.meta.anonymisation.overrides.clear();
        // The texts of the review details and the people come before the
        // chronology in the report, the others after.
        let (mut before, mut after) = (Part::default(), Part::default());
        let mut buffers = Buffers::default();
        // The texts as written, in the walk's order, for the second pass.
        let mut written = Vec::new();
        fields::visit_mut(&mut out, |id, field, people, text| {
            let part = if id.as_str() == fields::META || self.person_ids.contains(id) {
                &mut before
            } else {
                &mut after
            };
            let anonymised = self.text_into(&mut buffers, part, id, field, text, people, None);
            written.push(std::mem::replace(text, anonymised));
        });
        let mut parts = vec![before];
        let mut chronology = self.chronology(&review.chronology, None).into_iter();
        let (entries, part) = chronology.next().unwrap_or_default();
        out.chronology = entries;
        parts.push(part);
        let more: usize = chronology.as_slice().iter().map(|part| part.0.len()).sum();
        out.chronology.reserve_exact(more);
        for (entries, part) in chronology {
            out.chronology.extend(entries);
            parts.push(part);
        }
        parts.push(after);
        self.names_named_elsewhere(review, &written, &mut out, &mut parts);
        let mut report = Report::new(parts, self.forms.clone());
        report.undecided = undecided;
        report.without_pseudonym = without_pseudonym;
        Anonymised {
            review: out,
            report,
        }
    }

    /// The part of an agency's name that names a force or a service of a
    /// whole county or region ("West Midlands Police" of "West Midlands
    /// Police - Ashmerton"), when the anonymiser keeps that part as written,
    /// as it keeps "West Midlands Police attended" in a record: it
    /// identifies no family. A town's own force ("Northshire Police") or
    /// anything the anonymiser would replace gives none.
    fn regional_name(&self, id: &Id, name: &str) -> Option<String> {
        const SERVICES: &[&str] = &["police", "constabulary", "fire", "ambulance", "probation"];
        let part = name
            .split(" - ")
            .next()?
            .split(" – ")
            .next()?
            .split(" (")
            .next()?
            .trim();
        let words: Vec<&str> = part.split_whitespace().collect();
        if words.len() < 2
            || !words
                .iter()
                .any(|w| SERVICES.contains(&w.to_lowercase().as_str()))
        {
            return None;
        }
        let (text, found) = self.text(id, "name", part, &[]);
        (found.is_empty() && text == part).then(|| part.to_string())
    }

    /// Anonymises chronology entries in parallel parts, one for each of the
    /// machine's cores: the entries and occurrences of each part, in order.
    pub(super) fn chronology(
        &self,
        entries: &[ChronologyEntry],
        review_names: Option<&ReviewNames>,
    ) -> Vec<(Vec<ChronologyEntry>, Part)> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let parts = threads.min(entries.len() / 256).max(1);
        let run = |entries: &[ChronologyEntry]| {
            let mut part = Part::default();
            let mut buffers = Buffers::default();
            let anonymised = entries
                .iter()
                .map(|e| {
                    let mut e = fields::map_entry(e, |id, field, people, text| {
                        self.text_into(
                            &mut buffers,
                            &mut part,
                            id,
                            field,
                            text,
                            people,
                            review_names,
                        )
                    });
                    e.date = coarsen(e.date);
                    e
                })
                .collect();
            (anonymised, part)
        };
        if parts == 1 {
            return vec![run(entries)];
        }
        let size = entries.len().div_ceil(parts);
        std::thread::scope(|scope| {
            let handles: Vec<_> = entries
                .chunks(size)
                .map(|chunk| scope.spawn(|| run(chunk)))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .expect("anonymising a part of the chronology never panics")
                })
                .collect()
        })
    }

    /// The second pass: the texts in which a name the first pass replaced
    /// elsewhere is still written ("Lister to visit" where another record
    /// names "Housing Officer Bob Lister"; an episode's "Amber came too"
    /// where the chronology has "her friend Amber") are anonymised again
    /// knowing the review's names, and their occurrences found anew.
    /// `written` holds the texts outside the chronology as written, in the
    /// order [`fields::visit_mut`] walks them.
    fn names_named_elsewhere(
        &self,
        review: &Review,
        written: &[String],
        out: &mut Review,
        parts: &mut Vec<Part>,
    ) {
        let Some(names) = ReviewNames::of(parts) else {
            return;
        };
        // Outside the chronology: the review's details, people, episodes,
        // factors, findings and report sections.
        let chronology = std::mem::take(&mut out.chronology);
        let mut redone: HashSet<(Id, String)> = HashSet::new();
        let mut again = Part::default();
        let mut buffers = Buffers::default();
        let mut at = 0;
        fields::visit_mut(out, |id, field, people, text| {
            let original = &written[at];
            at += 1;
            if names.occurs_in(text) {
                *text = self.text_into(
                    &mut buffers,
                    &mut again,
                    id,
                    field,
                    original,
                    people,
                    Some(&names),
                );
                redone.insert((id.clone(), field.to_string()));
            }
        });
        out.chronology = chronology;
        let entries: Vec<usize> = out
            .chronology
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                names.occurs_in(&e.text)
                    || names.occurs_in(&e.author)
                    || e.source.as_ref().is_some_and(|s| names.occurs_in(&s.file))
            })
            .map(|(i, _)| i)
            .collect();
        if entries.is_empty() && redone.is_empty() {
            return;
        }
        let records: HashSet<&Id> = entries.iter().map(|&i| &review.chronology[i].id).collect();
        // Most occurrences are of other records: their fields are not
        // looked up.
        let redone_records: HashSet<&Id> = redone.iter().map(|(record, _)| record).collect();
        let outside = |record: &Id, field: &str| {
            redone_records.contains(record) && redone.contains(&(record.clone(), field.to_string()))
        };
        for part in parts.iter_mut() {
            part.forget(|record, field| records.contains(record) || outside(record, field));
        }
        if again.len() > 0 {
            parts.push(again);
        }
        if entries.is_empty() {
            return;
        }
        let originals: Vec<ChronologyEntry> = entries
            .iter()
            .map(|&i| review.chronology[i].clone())
            .collect();
        let mut places = entries.iter();
        for (anonymised, part) in self.chronology(&originals, Some(&names)) {
            for (entry, &i) in anonymised.into_iter().zip(places.by_ref()) {
                out.chronology[i] = entry;
            }
            parts.push(part);
        }
    }
}
