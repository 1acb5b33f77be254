//! The person an author field names. An agency's record is signed by
//! someone ("Mercy Little (CAMHS Practitioner)", "M Little", "Peace
//! Okoro", "Mrs Patience Osei (DSL)"), and there capitalised words that
//! are no role are a name, though each is also an ordinary word
//! ("Mercy", "Little", "Peace") or a day's abbreviation ("Vũ Thu
//! Trang"). What the field says of the role ("CAMHS Practitioner", "Duty
//! SW", "Delivery Suite", "Repairs Team") is kept.

use super::gazetteer::gazetteer;
use super::lists::field_lists;
use super::words;

/// Words of roles, teams and services in author fields: never a name
/// there, though some are names elsewhere ("Nurse", "Sister", "Church").
const ROLE_WORDS: &[&str] = &[
    "acting",
    "advocate",
    "decision",
    "guardian",
    "independent",
    "maker",
    "trafficking",
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
    "helpline",
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
    // Roles of one word, or of a school, a ward, a scanning room, a
    // faith or a shift: "Headteacher", "Warden", "Call Handler", "Foster
    // Carer", "Porter", "Physio", "Deacon", "Granthi".
    "headteacher",
    "headmaster",
    "headmistress",
    "principal",
    "warden",
    "handler",
    "carer",
    "carers",
    "foster",
    "porter",
    "physio",
    "steward",
    "caretaker",
    "concierge",
    "janitor",
    "dispatcher",
    "controller",
    "chaplain",
    "elder",
    "deacon",
    "priest",
    "vicar",
    "curate",
    "minister",
    "pastor",
    "imam",
    "rabbi",
    "granthi",
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
        // "Máire Nic Aoidh (Stiúrthóir)": a role in Irish or Welsh.
        || field_lists().is_other_language_word(&lower)
        || crate::agency_kind::is_agency_type(word)
        // "Paediatrician", "Psychologist", "Physiotherapist", "Sonographer".
        || (words::is_word(&lower)
            && ["ian", "ist", "ologist", "ician", "ographer"]
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
}

/// The words of an author field in runs that separators (brackets,
/// commas, slashes, dashes) break, each run with whether it stands in
/// brackets.
fn runs(author: &str) -> Vec<(Vec<Token<'_>>, bool)> {
    let mut runs: Vec<(Vec<Token>, bool)> = vec![(Vec::new(), false)];
    let mut depth = 0usize;
    let mut at = 0;
    for piece in author.split_inclusive(|c: char| c.is_whitespace() || "(),/–—;:+&".contains(c))
    {
        let trimmed =
            piece.trim_end_matches(|c: char| c.is_whitespace() || "(),/–—;:+&".contains(c));
        let breaks = trimmed.len() < piece.len() && !piece[trimmed.len()..].trim().is_empty();
        if !trimmed.is_empty() && trimmed != "-" {
            runs.last_mut()
                .expect("there is always a run")
                .0
                .push(Token {
                    start: at,
                    end: at + trimmed.len(),
                    word: trimmed,
                });
        }
        let separator = &piece[trimmed.len()..];
        depth += separator.matches('(').count();
        depth = depth.saturating_sub(separator.matches(')').count());
        if breaks || trimmed == "-" {
            runs.push((Vec::new(), depth > 0));
        }
        at += piece.len();
    }
    runs.retain(|run| !run.0.is_empty());
    runs
}

/// The stretches of an author field that name its author: each run of two
/// capitalised words or initials or more that are not words of a role,
/// whatever the words are ("Mercy Little", "M Little", "Peace Okoro",
/// "Patience Osei", "Vũ Thu Trang"), and one word alone when it is a
/// common name and all the field holds.
pub(super) fn author_names(author: &str) -> Vec<(usize, usize)> {
    let runs = runs(author);
    // Words in brackets name the author only when the words outside are a
    // role ("DSL (Mrs K. Gillard)", "HV (Joy Brook)"); beside a name they
    // are its role ("Fiona Reid (Independent Child Trafficking Guardian)").
    let outside = names_in(
        author,
        runs.iter()
            .filter(|(_, bracketed)| !bracketed)
            .map(|(run, _)| run),
    );
    // A word of a fixed term ("Wing Chun class") names no one either.
    let in_a_term = |run: &[Token], t: &Token| {
        run.iter().filter(|u| u.start <= t.start).any(|u| {
            super::lists::field_lists()
                .fixed_term_end(author, u.start)
                .is_some_and(|end| end >= t.end)
        })
    };
    let named_outside = runs
        .iter()
        .filter(|(_, bracketed)| !bracketed)
        .any(|(run, _)| {
            run.iter().any(|t| {
                t.is_capitalised() && !t.is_initial() && !is_role_word(t.word) && !in_a_term(run, t)
            })
        });
    if named_outside {
        return outside;
    }
    names_in(
        author,
        runs.iter()
            .filter(|(_, bracketed)| *bracketed)
            .map(|(run, _)| run),
    )
}

/// The names in runs of an author field's words.
fn names_in<'a>(
    author: &str,
    runs: impl Iterator<Item = &'a Vec<Token<'a>>>,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for run in runs {
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
            // "Sarah Foster (HV)", "Jane Porter": a word of a role that is
            // also a common surname, right after a word of a name that is no
            // initial and at the end of the run, is the surname.
            if k > first
                && k + 1 == run.len()
                && !run[k - 1].is_initial()
                && run[k].is_capitalised()
                && gazetteer().is_surname_word(&run[k].word.to_lowercase())
            {
                k += 1;
            }
            let name = &run[first..k];
            k = k.max(first + 1);
            if name.iter().all(Token::is_initial) {
                continue;
            }
            // "Social Worker with Deaf People", "Teacher of the Deaf": words
            // after a role's preposition say whom the role serves.
            if first > 0
                && matches!(
                    run[first - 1].word,
                    "with" | "for" | "of" | "the" | "in" | "to" | "and"
                )
            {
                continue;
            }
            // "Wing Chun class", "Young Carers worker": a fixed term of
            // the field names a thing, not the author.
            if super::lists::field_lists()
                .fixed_term_end(author, name[0].start)
                .is_some_and(|end| end >= name[name.len() - 1].end)
            {
                continue;
            }
            // Two words or more of a name, whatever each is ("Mercy
            // Little", "Peace Okoro", "M Little", "Vũ Thu Trang"); one
            // alone only when it is a common name and all the run holds.
            let common = |t: &Token| gazetteer().is_name_word(&t.word.to_lowercase());
            let sure = name.len() >= 2;
            if sure || (name.len() == 1 && common(&name[0]) && run.len() == 1) {
                out.push((name[0].start, name[name.len() - 1].end));
            }
        }
    }
    out
}

/// The call signs and staff numbers an author field gives its author,
/// alone or in brackets (see [`is_call_sign`]).
pub(super) fn call_signs(author: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for word in
        author.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '/' | ',' | ';'))
    {
        let start = word.as_ptr() as usize - author.as_ptr() as usize;
        // "BFO D. Hale (4471)": a number alone in brackets is a staff
        // number, not a year ("(2024)").
        let staff_number = (3..=7).contains(&word.len())
            && word.bytes().all(|b| b.is_ascii_digit())
            && !word
                .parse::<u32>()
                .is_ok_and(|n| (1950..=2039).contains(&n))
            && author[..start].ends_with('(')
            && author[start + word.len()..].starts_with(')');
        if is_call_sign(word) || staff_number {
            out.push((start, start + word.len()));
        }
    }
    out
}

/// True when a word has the shape of a call sign or a staff number: two
/// to six letters and digits, with both ("H23", "4N21", "A1"); not an
/// ordinal ("2nd"), a school year ("Y6", "P7", "S2"), a doctor's grade
/// ("ST6", "FY1") or an abbreviation of the field.
fn is_call_sign(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_ascii_alphabetic()).count();
    let digits = word.chars().filter(|c| c.is_ascii_digit()).count();
    let lower = word.to_ascii_lowercase();
    let ordinal = ["st", "nd", "rd", "th"].iter().any(|s| {
        lower
            .strip_suffix(s)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    });
    let school_year = (2..=3).contains(&word.len())
        && matches!(word.as_bytes()[0], b'Y' | b'P' | b'S')
        && word[1..].bytes().all(|b| b.is_ascii_digit());
    // "ST6", "CT2", "FY1", "F2": a doctor's grade.
    let grade = ["ST", "CT", "FY", "F"].iter().any(|g| {
        word.strip_prefix(g)
            .is_some_and(|n| n.len() == 1 && n.bytes().all(|b| b.is_ascii_digit()))
    });
    (2..=6).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_alphanumeric())
        && letters > 0
        && digits > 0
        && !ordinal
        && !school_year
        && !grade
        && !field_lists().is_abbreviation(word)
}

/// The call sign in brackets right after a name that ends at `end`
/// ("Yossi Kahan (H23)", "Shloimy Weiss (H09)"), if there is one.
pub(super) fn call_sign_after(text: &str, end: usize) -> Option<(usize, usize)> {
    let rest = text[end..].strip_prefix(" (")?;
    let close = rest.find(')')?;
    let word = &rest[..close];
    let start = end + 2;
    is_call_sign(word).then_some((start, start + word.len()))
}

/// The words of `span` of `text`, each as a stretch.
pub(super) fn words_of(text: &str, span: (usize, usize)) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = span.0;
    for word in text[span.0..span.1].split(' ') {
        if !word.is_empty() {
            out.push((at, at + word.len()));
        }
        at += word.len() + 1;
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
    fn call_signs_and_staff_numbers_are_found_but_years_and_ordinals_are_not() {
        let signs = |author: &'static str| -> Vec<&str> {
            call_signs(author)
                .into_iter()
                .map(|(s, e)| &author[s..e])
                .collect()
        };
        assert_eq!(signs("Y. Kahan (H23)"), ["H23"]);
        assert_eq!(signs("Yossi Kahan H23 / Shloimy Weiss H09"), ["H23", "H09"]);
        assert_eq!(
            signs("Paramedic J. Ogden / EMT Claire Rhodes (4N21)"),
            ["4N21"]
        );
        assert!(signs("Class teacher Y6, 2nd in department").is_empty());
        assert!(signs("Dr A. Patel (ST6 Paediatrics) / FY1").is_empty());
        assert!(signs("PC 4471 BERGER").is_empty());
        assert_eq!(signs("BFO D. Hale (4471)"), ["4471"]);
        assert!(signs("Report (2024) / room (12)").is_empty());
        let text = "Responders: Yossi Kahan (H23), Shloimy Weiss (Y6).";
        assert_eq!(
            call_sign_after(text, 23).map(|(s, e)| &text[s..e]),
            Some("H23")
        );
        assert_eq!(call_sign_after(text, 44), None);
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
        assert_eq!(names("Vũ Thu Trang (Caseworker)"), ["Vũ Thu Trang"]);
        // A fixed term of the field is no author: the teacher in brackets is.
        assert_eq!(names("Wing Chun class (Ken Lau)"), ["Ken Lau"]);
        // A helpline and its adviser: the service's word names no one.
        for author in ["KN Helpline (R.S.)", "Helpline Advisor - Beth"] {
            assert!(
                !names(author).iter().any(|n| n.contains("Helpline")),
                "{author}: {:?}",
                names(author)
            );
        }
        assert_eq!(
            names("Fiona Reid (Independent Child Trafficking Guardian)"),
            ["Fiona Reid"]
        );
        assert_eq!(
            names("Dr Olumide Fashola (Consultant Community Paediatrician)"),
            ["Olumide Fashola"]
        );
        // A role word after a given name is its surname.
        assert_eq!(names("Sarah Foster (HV)"), ["Sarah Foster"]);
        assert_eq!(names("Jane Porter"), ["Jane Porter"]);
        assert_eq!(names("Tom Elder (Youth Worker)"), ["Tom Elder"]);
        // Whom a role serves is no name.
        assert_eq!(
            names("Fiona Cregeen, Social Worker with Deaf People"),
            ["Fiona Cregeen"]
        );
        assert_eq!(names("K. Duggan, Teacher of the Deaf"), ["K. Duggan"]);
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
            "Ward Sister",
            "Fiona (Independent Child Trafficking Guardian)",
            "Call Handler",
            "Foster Carer",
            "Sonographer",
            "Porter",
            "Physio",
            "Deacon",
            "Granthi",
        ] {
            assert_eq!(names(author), Vec::<&str>::new(), "{author}");
        }
    }
}
