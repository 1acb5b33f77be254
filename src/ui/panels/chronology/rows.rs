//! Which entries the table shows, in which order: the filters and the
//! search applied, the sort, and the entries of one day from several
//! agencies grouped.

use super::*;

/// Lower-case names of a person (name, aliases of three letters or more,
/// pseudonym) for the person filter.
pub(super) fn person_names(review: &Review, id: &Id) -> Vec<String> {
    let Some(p) = review.people.iter().find(|p| &p.id == id) else {
        return Vec::new();
    };
    std::iter::once(&p.name)
        .chain(&p.aliases)
        .chain(std::iter::once(&p.pseudonym))
        .map(|n| n.trim().to_lowercase())
        .filter(|n| n.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .collect()
}

/// True when `word` occurs in `hay` with no letter or digit either side.
pub(super) fn contains_word(hay: &str, word: &str) -> bool {
    hay.match_indices(word).any(|(at, _)| {
        let before = hay[..at].chars().next_back();
        let after = hay[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

pub(super) fn build_rows(
    review: &Review,
    key: ((u64, u64), Filters, SortColumn, bool),
) -> RowCache {
    let filters = &key.1;
    let agency_names: HashMap<Id, String> = review
        .agencies
        .iter()
        .map(|a| (a.id.clone(), a.name.clone()))
        .collect();
    let mut range_errors = Vec::new();
    let mut bound = |text: &str, label: &str| -> Option<ReviewDate> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        match parse_agency_date(text) {
            Ok(date) => Some(date),
            Err(e) => {
                range_errors.push(format!("{label}: {e}"));
                None
            }
        }
    };
    let from = bound(&filters.from, "From date").map(|d| d.first_day());
    let to = bound(&filters.to, "To date").map(|d| d.last_day());
    let needle = filters.text.trim().to_lowercase();
    let names = filters
        .person
        .as_ref()
        .map(|id| (id, person_names(review, id)));
    let agency_name = |e: &ChronologyEntry| {
        e.agency
            .as_ref()
            .and_then(|a| agency_names.get(a))
            .map_or("", String::as_str)
    };
    let mut rows: Vec<usize> = review
        .chronology
        .iter()
        .enumerate()
        .filter(|(_, e)| match &filters.agency {
            None => true,
            Some(agency) => e.agency == *agency,
        })
        .filter(|(_, e)| from.is_none_or(|f| e.date.last_day() >= f))
        .filter(|(_, e)| to.is_none_or(|t| e.date.first_day() <= t))
        .filter(|(_, e)| match &names {
            None => true,
            Some((id, names)) => {
                e.people.contains(id) || {
                    let lower = e.text.to_lowercase();
                    names.iter().any(|n| contains_word(&lower, n))
                }
            }
        })
        .filter(|(_, e)| {
            needle.is_empty()
                || e.text.to_lowercase().contains(&needle)
                || e.author.to_lowercase().contains(&needle)
                || agency_name(e).to_lowercase().contains(&needle)
                || e.date.human().to_lowercase().contains(&needle)
        })
        .map(|(i, _)| i)
        .collect();
    let chronology = &review.chronology;
    let by_date =
        |a: &usize, b: &usize| chronology[*a].date.cmp(&chronology[*b].date).then(a.cmp(b));
    let (sort, descending) = (key.2, key.3);
    match sort {
        SortColumn::Date => rows.sort_by(by_date),
        SortColumn::Agency => rows.sort_by(|a, b| {
            agency_name(&chronology[*a])
                .to_lowercase()
                .cmp(&agency_name(&chronology[*b]).to_lowercase())
                .then_with(|| by_date(a, b))
        }),
        SortColumn::Author => rows.sort_by(|a, b| {
            chronology[*a]
                .author
                .to_lowercase()
                .cmp(&chronology[*b].author.to_lowercase())
                .then_with(|| by_date(a, b))
        }),
        SortColumn::Text => rows.sort_by(|a, b| {
            chronology[*a]
                .text
                .to_lowercase()
                .cmp(&chronology[*b].text.to_lowercase())
                .then_with(|| by_date(a, b))
        }),
    }
    if descending {
        rows.reverse();
    }
    let (groups, group_parity) = if sort == SortColumn::Date {
        same_day_groups(chronology, &rows)
    } else {
        (vec![GroupMark::Alone; rows.len()], vec![false; rows.len()])
    };
    RowCache {
        key,
        rows,
        agency_names,
        groups,
        group_parity,
        range_errors,
    }
}

/// Marks runs of rows dated to the same day by at least two agencies.
pub(super) fn same_day_groups(
    chronology: &[ChronologyEntry],
    rows: &[usize],
) -> (Vec<GroupMark>, Vec<bool>) {
    let mut groups = vec![GroupMark::Alone; rows.len()];
    let mut parity = vec![false; rows.len()];
    let day = |i: usize| match chronology[rows[i]].date.value {
        DateValue::Day(d) => Some(d),
        _ => None,
    };
    let mut start = 0;
    let mut flip = false;
    while start < rows.len() {
        let mut end = start + 1;
        if let Some(d) = day(start) {
            while end < rows.len() && day(end) == Some(d) {
                end += 1;
            }
        }
        let agencies: HashSet<&Option<Id>> = rows[start..end]
            .iter()
            .map(|&i| &chronology[i].agency)
            .collect();
        if end - start > 1 && agencies.len() > 1 {
            for (k, slot) in groups[start..end].iter_mut().enumerate() {
                *slot = if k == 0 {
                    GroupMark::First
                } else if k == end - start - 1 {
                    GroupMark::Last
                } else {
                    GroupMark::Middle
                };
            }
            parity[start..end].fill(flip);
            flip = !flip;
        }
        start = end;
    }
    (groups, parity)
}

/// The change that makes a key practice episode of some entries: it spans
/// their dates, lists them in date order and names the practitioners among
/// their people. Returns the change and the new episode's id.
pub(super) fn episode_from(review: &Review, entries: &[Id]) -> (crate::edit::Change, Id) {
    let mut chosen: Vec<&ChronologyEntry> = review
        .chronology
        .iter()
        .filter(|e| entries.contains(&e.id))
        .collect();
    chosen.sort_by_key(|e| e.date);
    let start = chosen.iter().map(|e| e.date).min();
    let end = chosen.iter().map(|e| e.date).max_by_key(|d| d.last_day());
    let practitioners: Vec<Id> = {
        let mut out: Vec<Id> = Vec::new();
        for e in &chosen {
            for p in &e.people {
                let practitioner = review.people.iter().any(|x| {
                    &x.id == p && matches!(x.kind, PersonKind::Practitioner | PersonKind::Manager)
                });
                if practitioner && !out.contains(p) {
                    out.push(p.clone());
                }
            }
        }
        out
    };
    let id = review.next_id(RecordKind::Episode);
    let episode = PracticeEpisode {
        id: id.clone(),
        start,
        end: end.filter(|e| Some(*e) != start),
        entries: chosen.iter().map(|e| e.id.clone()).collect(),
        people: practitioners,
        ..Default::default()
    };
    (
        add("Make episode from entries", Record::Episode(episode)),
        id,
    )
}
