//! The person an author field names. An agency's record is signed by
//! someone ("Mercy Little (CAMHS Practitioner)", "M Little", "Peace
//! Okoro", "Mrs Patience Osei (DSL)"), and there a capitalised word that
//! is also an ordinary word ("Mercy", "Little", "Peace") is a name when it
//! is a common name, or stands beside a name that is no word or after an
//! initial. What the field says of the role ("CAMHS Practitioner", "Duty
//! SW", "Delivery Suite", "Repairs Team") is kept.

use super::gazetteer::gazetteer;
use super::lists::field_lists;
use super::words;

/// Words of roles, teams and services in author fields: never a name
/// there, though some are names elsewhere ("Nurse", "Sister", "Church").
const ROLE_WORDS: &[&str] = &[
    "acting",
    "adviser",
    "advisor",
    "advice",
    "admin",
    "assessor",
    "assistant",
    "attendance",
    "bookings",
    "carers",
    "centre",
    "chair",
    "church",
    "class",
    "clinician",
    "clinical",
    "community",
    "consultant",
    "coordinator",
    "co-ordinator",
    "counsellor",
    "deputy",
    "designated",
    "detective",
    "duty",
    "early",
    "engineer",
    "family",
    "forum",
    "fostering",
    "head",
    "health",
    "help",
    "hub",
    "housing",
    "investigator",
    "interpreter",
    "key",
    "kinship",
    "labour",
    "lead",
    "leader",
    "learning",
    "liaison",
    "line",
    "locum",
    "manager",
    "mentor",
    "mother",
    "named",
    "navigator",
    "night",
    "nurse",
    "officer",
    "operations",
    "options",
    "outreach",
    "parish",
    "practice",
    "practitioner",
    "private",
    "reception",
    "receptionist",
    "recovery",
    "registered",
    "registrar",
    "repairs",
    "rescue",
    "safeguarding",
    "school",
    "secretary",
    "sector",
    "senior",
    "service",
    "sites",
    "social",
    "staff",
    "suite",
    "support",
    "teacher",
    "team",
    "triage",
    "tutor",
    "volunteer",
    "ward",
    "worker",
    "year",
    "young",
    "youth",
];

/// True when a word of an author field says a role, a title, a team or a
/// kind of service rather than a name.
fn is_role_word(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    ROLE_WORDS.contains(&lower.as_str())
        || words::is_title(word)
        || words::is_acronym(word)
        || field_lists().is_abbreviation(word)
        || field_lists().is_public_name(word)
        || field_lists().is_kinship(&lower)
        || crate::agency_kind::is_agency_type(word)
        // "Paediatrician", "Psychologist", "Physiotherapist".
        || (words::is_word(&lower)
            && ["ian", "ist", "ologist", "ician"]
                .iter()
                .any(|end| lower.ends_with(end)))
}

/// One word of an author field.
struct Token<'a> {
    start: usize,
    end: usize,
    word: &'a str,
}

impl Token<'_> {
    /// "M", "J.", "K-A": letters standing for a name.
    fn is_initial(&self) -> bool {
        self.word
            .split(['.', '-'])
            .filter(|p| !p.is_empty())
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
    }

    fn is_capitalised(&self) -> bool {
        self.word.chars().next().is_some_and(char::is_uppercase)
            && self.word.chars().any(char::is_alphabetic)
    }

    /// A capitalised word in no dictionary ("Okoro", "OSEI").
    fn is_no_word(&self) -> bool {
        let lower = self.word.to_lowercase();
        self.is_capitalised()
            && !self.is_initial()
            && !words::is_word(&lower)
            && !words::in_larger_dictionary(&lower)
            && !is_role_word(self.word)
    }
}

/// The words of an author field, each with whether it stands in brackets,
/// in runs that separators (brackets, commas, slashes, dashes) break.
fn runs(author: &str) -> Vec<Vec<Token<'_>>> {
    let mut runs: Vec<Vec<Token>> = vec![Vec::new()];
    let mut at = 0;
    for piece in author.split_inclusive(|c: char| c.is_whitespace() || "(),/–—;:+&".contains(c))
    {
        let trimmed =
            piece.trim_end_matches(|c: char| c.is_whitespace() || "(),/–—;:+&".contains(c));
        let breaks = trimmed.len() < piece.len() && !piece[trimmed.len()..].trim().is_empty();
        if !trimmed.is_empty() && trimmed != "-" {
            runs.last_mut().expect("there is always a run").push(Token {
                start: at,
                end: at + trimmed.len(),
                word: trimmed,
            });
        } else if trimmed == "-" {
            runs.push(Vec::new());
        }
        if breaks {
            runs.push(Vec::new());
        }
        at += piece.len();
    }
    runs.retain(|run| !run.is_empty());
    runs
}

/// The stretches of an author field that name its author and that
/// ordinary words could hide: in each run of capitalised words and
/// initials that are not words of a role, the words that are ordinary
/// words too, with the name they belong to ("Mercy Little", "M Little",
/// "Peace Okoro", "Patience Osei"). A run whose words are all in no
/// dictionary is left to the other tests, which find such names anyway.
pub(super) fn author_names(author: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for run in runs(author) {
        let mut k = 0;
        while k < run.len() {
            // A name: capitalised words and initials, none of a role.
            let first = k;
            while k < run.len()
                && (run[k].is_initial() || (run[k].is_capitalised() && !is_role_word(run[k].word)))
                && !run[k].word.chars().any(|c| c.is_ascii_digit())
            {
                k += 1;
            }
            let name = &run[first..k];
            k = k.max(first + 1);
            if name.iter().all(Token::is_initial) {
                continue;
            }
            let ordinary = |t: &Token| t.is_capitalised() && !t.is_initial() && !t.is_no_word();
            if !name.iter().any(ordinary) {
                continue;
            }
            // A common name, or a word beside a name that is no word or
            // after an initial: "Mercy Little", "Peace Okoro", "M Little".
            let common = |t: &Token| gazetteer().is_name_word(&t.word.to_lowercase());
            let sure = name.len() >= 2
                && (name.iter().any(Token::is_no_word)
                    || name.iter().any(Token::is_initial)
                    || name.iter().filter(|t| ordinary(t)).all(common));
            if sure || (name.len() == 1 && common(&name[0]) && run.len() == 1) {
                out.push((name[0].start, name[name.len() - 1].end));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(author: &str) -> Vec<&str> {
        author_names(author)
            .into_iter()
            .map(|(s, e)| &author[s..e])
            .collect()
    }

    #[test]
    fn ordinary_words_that_name_the_author_are_found() {
        assert_eq!(names("Mercy Little (CAMHS Practitioner)"), ["Mercy Little"]);
        assert_eq!(names("M Little"), ["M Little"]);
        assert_eq!(names("Peace Okoro"), ["Peace Okoro"]);
        assert_eq!(names("Peace Okoro (IDVA)"), ["Peace Okoro"]);
        assert_eq!(names("Mrs Patience Osei (DSL)"), ["Patience Osei"]);
        assert_eq!(names("HV (Joy Brook)"), ["Joy Brook"]);
        assert_eq!(names("SW - Grace Adeyemi"), ["Grace Adeyemi"]);
    }

    #[test]
    fn roles_teams_and_names_in_no_dictionary_are_left_alone() {
        for author in [
            "Duty SW",
            "Delivery Suite",
            "Repairs Team",
            "MARAC Co-ordinator",
            "Detective constable",
            "Police constable",
            "HV",
            "DSL",
            "Team Manager",
            "Named Nurse Safeguarding",
            "PC 4471 HADLEY",
            "Dr Olumide Fashola (Consultant Community Paediatrician)",
        ] {
            assert_eq!(names(author), Vec::<&str>::new(), "{author}");
        }
    }
}
