//! The sensitive-data pass: personal details that identify nobody by
//! themselves but are not for publication, withheld or generalised in
//! every published text unless the reviewer publishes the kind with a
//! reason (see [`SensitiveCategory`]).
//!
//! - Ages: "aged 23" and "(23yo)" are dropped, "a 23-year-old mother"
//!   becomes "a mother", any other age "[age]".
//! - Health: a screening score ("PHQ-9 score 18", "EPDS 14") becomes "a
//!   screening score"; a diagnosis ("postnatal depression", "EUPD")
//!   "[health condition]".
//! - Medication: a medicine with its dose and frequency ("sertraline
//!   100mg", "methadone 60ml daily") becomes "[medication]", a dose alone
//!   "[dose]". A medicine named without a dose is withheld in the
//!   agencies' records (chronology entries) and kept in the review's own
//!   analysis, where learning about it ("a week's supply of methadone in
//!   the home") is the point.
//! - Finances: "£1,240 rent arrears" becomes "rent arrears", "owes £300"
//!   "owes [amount]".
//! - Times: "at 14:30", "2.30pm", "0300hrs" become the part of the day
//!   ("in the afternoon", "at night").
//!
//! The pass is cheap: the words (medicines, diagnoses, screening tools)
//! are found in one Aho-Corasick scan, the rest only around digits.

mod details;
mod scan;

use scan::*;

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::model::{AnonymisationSettings, SensitiveCategory};

/// One sensitive detail to change in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SensitiveChange {
    /// The text to replace.
    pub range: Range<usize>,
    /// What replaces it (may be empty: the detail is dropped).
    pub replacement: String,
    /// What kind of detail it is.
    pub category: SensitiveCategory,
}

/// Medicines that records name with their doses (lower case).
const MEDICINES: &[&str] = &[
    "sertraline",
    "fluoxetine",
    "citalopram",
    "escitalopram",
    "paroxetine",
    "mirtazapine",
    "venlafaxine",
    "duloxetine",
    "amitriptyline",
    "trazodone",
    "diazepam",
    "lorazepam",
    "zopiclone",
    "promethazine",
    "pregabalin",
    "gabapentin",
    "methadone",
    "buprenorphine",
    "subutex",
    "espranor",
    "suboxone",
    "naltrexone",
    "naloxone",
    "olanzapine",
    "quetiapine",
    "risperidone",
    "aripiprazole",
    "haloperidol",
    "clozapine",
    "lithium",
    "sodium valproate",
    "valproate",
    "lamotrigine",
    "carbamazepine",
    "levetiracetam",
    "propranolol",
    "tramadol",
    "codeine",
    "co-codamol",
    "dihydrocodeine",
    "morphine",
    "oxycodone",
    "fentanyl",
    "melatonin",
    "methylphenidate",
    "ritalin",
    "concerta",
    "atomoxetine",
    "lisdexamfetamine",
    "elvanse",
    "chlordiazepoxide",
    "acamprosate",
    "disulfiram",
    "insulin",
    "salbutamol",
    "paracetamol",
    "calpol",
    "ibuprofen",
    "naproxen",
    "amoxicillin",
    "omeprazole",
    "movicol",
    "lactulose",
    "senna",
    "gaviscon",
    "infacol",
    "dioralyte",
    "piriton",
    "cetirizine",
    "loratadine",
    "nurofen",
    "ventolin",
    "beclometasone",
    "clenil",
    "lansoprazole",
    "ranitidine",
    "flucloxacillin",
    "co-amoxiclav",
    "trimethoprim",
    "nitrofurantoin",
    "penicillin",
    "metronidazole",
    "clarithromycin",
    "erythromycin",
    "doxycycline",
    "prednisolone",
    "hydrocortisone",
    "epipen",
    "adrenaline",
    "epilim",
    "keppra",
    "librium",
    "antabuse",
    "temazepam",
    "clonazepam",
    "nitrazepam",
    "alprazolam",
    "xanax",
    "zolpidem",
    "depo-provera",
    "nexplanon",
    "microgynon",
    "levonorgestrel",
    "pregaday",
    "ferrous sulphate",
    "ferrous fumarate",
    "folic acid",
    "fluconazole",
    "aciclovir",
    "chloramphenicol",
    "diprobase",
    "oilatum",
    "epaderm",
    "cetraben",
    "dermol",
    "sudocrem",
    "metformin",
    "gliclazide",
    "sitagliptin",
    "empagliflozin",
    "dapagliflozin",
    "pioglitazone",
    "atorvastatin",
    "simvastatin",
    "rosuvastatin",
    "pravastatin",
    "amlodipine",
    "ramipril",
    "lisinopril",
    "enalapril",
    "losartan",
    "candesartan",
    "bisoprolol",
    "atenolol",
    "doxazosin",
    "bendroflumethiazide",
    "indapamide",
    "furosemide",
    "spironolactone",
    "levothyroxine",
    "carbimazole",
    "aspirin",
    "clopidogrel",
    "warfarin",
    "apixaban",
    "rivaroxaban",
    "edoxaban",
    "dabigatran",
    "digoxin",
    "isosorbide",
    "tamsulosin",
    "finasteride",
    "oxybutynin",
    "solifenacin",
    "mirabegron",
    "desmopressin",
    "montelukast",
    "symbicort",
    "seretide",
    "fostair",
    "tiotropium",
    "spiriva",
    "mebeverine",
    "loperamide",
    "buscopan",
    "hyoscine",
    "ondansetron",
    "metoclopramide",
    "cyclizine",
    "domperidone",
    "prochlorperazine",
    "betahistine",
    "sumatriptan",
    "diclofenac",
    "co-dydramol",
    "zomorph",
    "oramorph",
    "varenicline",
    "champix",
    "nicorette",
    "orlistat",
    "colecalciferol",
    "adcal",
    "calcichew",
    "konakion",
    "cefalexin",
    "azithromycin",
    "ciprofloxacin",
    "clotrimazole",
    "canesten",
    "daktarin",
    "miconazole",
    "nystatin",
    "hydroxyzine",
    "chlorphenamine",
    "fexofenadine",
    "emollin",
    "zerobase",
    "hydromol",
    "doublebase",
    "mupirocin",
    "fucidin",
    "mometasone",
    "betnovate",
    "dermovate",
    "eumovate",
    "topiramate",
    "clobazam",
    "midazolam",
    "buccolam",
    "medroxyprogesterone",
    "desogestrel",
    "cerazette",
    "rigevidon",
    "noriday",
    "ulipristal",
    "ellaone",
    "levonelle",
    "dexamfetamine",
    "guanfacine",
    "intuniv",
    "medikinet",
    "equasym",
    "xaggitin",
    "circadin",
    "docusate",
    "laxido",
    "bisacodyl",
    "glycerin",
    "mucogel",
    "peptac",
    "famotidine",
    "esomeprazole",
    "pantoprazole",
    "colchicine",
    "allopurinol",
    "alendronic",
    "alendronate",
    "methotrexate",
    "hydroxychloroquine",
    "sulfasalazine",
    "mesalazine",
    "azathioprine",
    "tacrolimus",
    "ciclosporin",
    "salmeterol",
    "formoterol",
    "budesonide",
    "fluticasone",
    "beclomethasone",
    "vortioxetine",
    "agomelatine",
    "bupropion",
    "buspirone",
    "lurasidone",
    "paliperidone",
    "amisulpride",
    "sulpiride",
    "chlorpromazine",
    "procyclidine",
    "pethidine",
    "vitamin d",
    "vitamin k",
    "vit d",
    "vit k",
    "multivitamin",
    "abidec",
    "dalivit",
];

/// True when a lower-case word is a medicine, a diagnosis or a screening
/// tool this pass knows: a health term, never a person's name.
///
/// The first word of a term of two words is one too ("Folic" of "Folic
/// acid", "Vit" of "Vit K"), so that the residual scan, which reads one
/// word at a time, does not take it for a name.
pub fn is_health_term(lower: &str) -> bool {
    static WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
        [MEDICINES, DIAGNOSES, SCREENINGS]
            .into_iter()
            .flatten()
            .flat_map(|term| [*term, term.split(' ').next().unwrap_or(term)])
            .collect()
    });
    WORDS.contains(lower)
}

/// Diagnoses (lower case): a health condition named.
const DIAGNOSES: &[&str] = &[
    "postnatal depression",
    "post-natal depression",
    "depression",
    "depressive disorder",
    "anxiety disorder",
    "generalised anxiety",
    "ptsd",
    "post-traumatic stress disorder",
    "bipolar disorder",
    "bipolar",
    "schizophrenia",
    "psychosis",
    "psychotic episode",
    "personality disorder",
    "eupd",
    "emotionally unstable personality disorder",
    "adhd",
    "autism",
    "autistic spectrum disorder",
    "asd",
    "ocd",
    "eating disorder",
    "anorexia",
    "bulimia",
    "hiv",
    "hepatitis c",
    "hepatitis b",
    "hep b",
    "hep c",
    "chlamydia",
    "gonorrhoea",
    "gonorrhea",
    "syphilis",
    "herpes",
    "trichomonas",
    "epilepsy",
    "diabetes",
    "foetal alcohol syndrome",
    "fasd",
];

/// Screening tools whose scores are health details (lower case).
const SCREENINGS: &[&str] = &[
    "phq-9",
    "phq9",
    "phq 9",
    "gad-7",
    "gad7",
    "gad 7",
    "epds",
    "edinburgh postnatal depression scale",
    "audit-c",
    "audit c",
    "core-10",
    "core 10",
    "k10",
    "hads",
    "whooley",
    "phq",
    "apgar",
];

/// What a word found by the scan is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Term {
    Medicine,
    Diagnosis,
    Screening,
}

/// The sensitive-data pass of one review.
#[derive(Debug, Clone)]
pub struct SensitiveRules {
    /// The categories withheld (not published by the reviewer).
    withheld: [bool; 5],
    /// Medicines, diagnoses and screening tools, when any of their
    /// categories is withheld.
    words: Option<AhoCorasick>,
    /// What each pattern of `words` is.
    terms: Vec<TermOf>,
}

/// The term of one pattern (kept apart to derive `Debug`).
#[derive(Debug, Clone, Copy)]
struct TermOf(u8);

impl TermOf {
    fn term(self) -> Term {
        match self.0 {
            0 => Term::Medicine,
            1 => Term::Diagnosis,
            _ => Term::Screening,
        }
    }
}

fn index(category: SensitiveCategory) -> usize {
    SensitiveCategory::ALL
        .iter()
        .position(|c| *c == category)
        .unwrap_or(0)
}

impl SensitiveRules {
    /// Rules that withhold nothing: de-identification alone, for an
    /// anonymised review file that keeps the case's substance.
    pub fn none() -> SensitiveRules {
        SensitiveRules {
            withheld: [false; 5],
            words: None,
            terms: Vec::new(),
        }
    }

    /// The pass the review's settings ask for: every category withheld but
    /// those the reviewer publishes.
    pub fn new(settings: &AnonymisationSettings) -> SensitiveRules {
        let mut withheld = [true; 5];
        for category in SensitiveCategory::ALL {
            withheld[index(category)] = !settings.publishes(category);
        }
        let mut patterns: Vec<&str> = Vec::new();
        let mut terms = Vec::new();
        for (list, term, category) in [
            (MEDICINES, 0u8, SensitiveCategory::Medication),
            (DIAGNOSES, 1, SensitiveCategory::Health),
            (SCREENINGS, 2, SensitiveCategory::Health),
        ] {
            if withheld[index(category)] {
                patterns.extend(list.iter().copied());
                terms.extend(std::iter::repeat_n(TermOf(term), list.len()));
            }
        }
        let words = (!patterns.is_empty())
            .then(|| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .ok()
            })
            .flatten();
        SensitiveRules {
            withheld,
            words,
            terms,
        }
    }

    fn withholds(&self, category: SensitiveCategory) -> bool {
        self.withheld[index(category)]
    }

    /// Every sensitive detail of `text` to change, in text order.
    /// `record` is true for a text of the agencies' records (a chronology
    /// entry), where a medicine's name alone is withheld too.
    pub fn changes(&self, text: &str, record: bool) -> Vec<SensitiveChange> {
        let mut out = Vec::new();
        self.changes_into(text, record, &mut out);
        out
    }

    /// Like [`SensitiveRules::changes`], into `out` (emptied first).
    pub fn changes_into(&self, text: &str, record: bool, out: &mut Vec<SensitiveChange>) {
        out.clear();
        let bytes = text.as_bytes();
        if let Some(words) = &self.words {
            for m in words.find_iter(text) {
                let (start, end) = (m.start(), m.end());
                if !boundary(bytes, start, end) {
                    continue;
                }
                match self.terms[m.pattern().as_usize()].term() {
                    Term::Medicine => {
                        // Without a dose, only in the agencies' records.
                        let dose = dose_end(text, end);
                        if dose.is_some() || record {
                            out.push(change(
                                start..dose.unwrap_or(end),
                                "[medication]",
                                SensitiveCategory::Medication,
                            ));
                        }
                    }
                    Term::Diagnosis => out.push(change(
                        start..end,
                        "[health condition]",
                        SensitiveCategory::Health,
                    )),
                    Term::Screening => {
                        if let Some(end) = score_end(text, end) {
                            out.push(change(
                                start..end,
                                "a screening score",
                                SensitiveCategory::Health,
                            ));
                        }
                    }
                }
            }
        }
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
                i += 1;
                continue;
            }
            let mut end = i;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            if out.iter().any(|c| c.range.start <= i && end <= c.range.end) {
                i = end;
                continue;
            }
            let found = self
                .clinical_fraction(text, i, end)
                .or_else(|| self.money(text, i, end))
                .or_else(|| self.time(text, i, end))
                .or_else(|| self.dose(text, i, end))
                .or_else(|| self.age(text, i, end));
            match found {
                Some(c) => {
                    i = c.range.end.max(end);
                    out.push(c);
                }
                None => i = end,
            }
        }
        self.ages_in_words(text, out);
        out.sort_by_key(|c| c.range.start);
        // Overlaps (a dose after a medicine already taken): the first wins.
        let mut last_end = 0;
        out.retain(|c| {
            let keep = c.range.start >= last_end;
            if keep {
                last_end = c.range.end;
            }
            keep
        });
        // A sentence still starts with a capital: "EPDS 14 noted" → "A
        // screening score noted", "£300 owed" → "Owed".
        for c in out.iter_mut() {
            let head = text[..c.range.start].trim_end();
            if !(head.is_empty() || head.ends_with(['.', '!', '?'])) {
                continue;
            }
            if c.replacement.is_empty() {
                if let Some(next) = text[c.range.end..].chars().next()
                    && next.is_lowercase()
                {
                    c.range.end += next.len_utf8();
                    c.replacement = next.to_uppercase().collect();
                }
            } else {
                c.replacement = super::text::capitalise(&c.replacement);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SensitivePublication;

    fn apply(text: &str, rules: &SensitiveRules) -> String {
        let mut out = text.to_string();
        for c in rules.changes(text, true).into_iter().rev() {
            out.replace_range(c.range, &c.replacement);
        }
        out
    }

    fn withheld() -> SensitiveRules {
        SensitiveRules::new(&AnonymisationSettings::default())
    }

    #[test]
    fn a_medicines_first_word_is_a_health_term_but_withheld_only_as_the_medicine() {
        assert!(is_health_term("folic") && is_health_term("vit") && is_health_term("metformin"));
        assert!(!is_health_term("healthy") && !is_health_term("yasmin"));
        let rules = withheld();
        assert_eq!(
            apply("Vit K given. Healthy Start vitamins. Folic acid.", &rules),
            "[medication] given. Healthy Start vitamins. [medication]."
        );
    }

    #[test]
    fn ages_are_dropped_or_marked() {
        let rules = withheld();
        for (text, expected) in [
            (
                "Mother aged 23 reported low mood.",
                "Mother reported low mood.",
            ),
            ("Mother, aged 23, reported", "Mother reported"),
            ("with a 23-year-old mother", "with a mother"),
            ("an 18-year-old mother", "A mother"),
            ("An 18 year old woman", "A woman"),
            ("Father (23yo) attended", "Father attended"),
            ("Partner is 23 years old.", "Partner is [age]."),
            (
                "that he, a seven-year-old, was getting",
                "that he, a child, was getting",
            ),
            (
                "Her partner, a 27-year-old, left.",
                "Her partner, an adult, left.",
            ),
            (
                "listened to a seven-year-old and referred in his words",
                "listened to a child and referred in his words",
            ),
            ("seen at age 4 months by", "seen at [age] by"),
            ("the 23yo partner", "the partner"),
            ("Child B (3y1m) drowsy", "Child B drowsy"),
            ("Baby aged 4 months, weight", "Baby, weight"),
            (
                "Child B, then aged three, was admitted",
                "Child B was admitted",
            ),
            ("She was aged eighteen months.", "She was."),
            (
                "She has a two-year-old boy and a three year old girl.",
                "She has a boy and a girl.",
            ),
            ("Child B (13 months) and Sibling", "Child B and Sibling"),
            ("Child B (2 years 4 months) was quiet", "Child B was quiet"),
            ("Sibling (7) said", "Sibling said"),
            ("Child A 7/12, weight", "Child A, weight"),
            ("Baby (3/52) feeding", "Baby feeding"),
            ("Child A (7m) spiral fracture", "Child A spiral fracture"),
            ("Child A aged 7/12 was seen", "Child A was seen"),
            ("seen at age three by", "seen at [age] by"),
        ] {
            assert_eq!(apply(text, &rules), expected, "{text}");
        }
        for text in [
            "3 visits in 2 weeks",
            "Child A's age",
            "Room 23",
            "an old house",
            "the age of three agencies' records",
            "visited again (2 weeks)",
            "moved to 2-year-old funding",
            "eligible for two-year-old funding",
            "the 27-month-old check was late",
            "as the guidance says (2)",
            "Section (47) enquiries",
            "manage the page one",
        ] {
            assert_eq!(apply(text, &rules), text);
        }
    }

    #[test]
    fn gestation_is_withheld_and_a_date_after_on_is_no_age() {
        let rules = withheld();
        assert_eq!(
            apply("Booking appt @ 10+3/40. Scan at 20/40.", &rules),
            "Booking appt @ [weeks of pregnancy]. Scan at [weeks of pregnancy]."
        );
        for text in [
            "Visit on 7/12 cancelled",
            "from 3/12 to 9/12",
            "Scored 7/12 on the test",
        ] {
            assert_eq!(apply(text, &rules), text);
        }
    }

    #[test]
    fn health_details_and_medication_are_withheld() {
        let rules = withheld();
        for (text, expected) in [
            ("Low mood; EPDS 14.", "Low mood; a screening score."),
            ("PHQ-9 score 18 recorded", "A screening score recorded"),
            ("Seen. PHQ-9 score 18.", "Seen. A screening score."),
            ("GAD-7 score of 15/21", "A screening score"),
            (
                "GP prescribed sertraline 100mg.",
                "GP prescribed [medication].",
            ),
            ("on methadone 60ml daily", "on [medication]"),
            (
                "Diagnosed with postnatal depression",
                "Diagnosed with [health condition]",
            ),
            ("dose increased to 150 mg", "dose increased to [dose]"),
            ("EPDS completed", "EPDS completed"),
        ] {
            assert_eq!(apply(text, &rules), expected, "{text}");
        }
    }

    #[test]
    fn money_and_times_are_generalised() {
        let rules = withheld();
        for (text, expected) in [
            ("£1,240 rent arrears reported", "Rent arrears reported"),
            ("Visit. £1,240 rent arrears.", "Visit. Rent arrears."),
            ("had a £200 sanction applied", "had a sanction applied"),
            ("She owes £300.", "She owes [amount]."),
            ("debt of £1.2k to", "debt of [amount] to"),
            ("Home visit at 14:30.", "Home visit in the afternoon."),
            (
                "Called 2.30pm, no answer",
                "Called in the afternoon, no answer",
            ),
            ("Police attended at 0300hrs", "Police attended at night"),
            ("At 9am the HV rang", "In the morning the HV rang"),
            ("ratio 1.50 and 3:1", "ratio 1.50 and 3:1"),
        ] {
            assert_eq!(apply(text, &rules), expected, "{text}");
        }
    }

    #[test]
    fn a_medicine_without_a_dose_is_kept_in_the_analysis_only() {
        let rules = withheld();
        let analysis = "a week's supply of methadone in the home; methadone 60ml daily";
        let mut out = analysis.to_string();
        for c in rules.changes(analysis, false).into_iter().rev() {
            out.replace_range(c.range, &c.replacement);
        }
        assert_eq!(
            out,
            "a week's supply of methadone in the home; [medication]"
        );
        assert_eq!(
            apply("taking sertraline, no change", &rules),
            "taking [medication], no change"
        );
    }

    #[test]
    fn a_published_category_is_left_as_written() {
        let mut settings = AnonymisationSettings::default();
        settings.publish_sensitive.push(SensitivePublication {
            category: SensitiveCategory::Ages,
            reason: "the parents' youth is central to the learning".into(),
        });
        let rules = SensitiveRules::new(&settings);
        assert_eq!(
            apply("Mother aged 19 took sertraline 50mg.", &rules),
            "Mother aged 19 took [medication]."
        );
    }
}
