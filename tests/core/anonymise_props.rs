//! Property tests of anonymisation: for random casts, and random texts
//! that use their names in every form records use, no form of any name
//! survives, and the leak check finds nothing in the result.

use foresight::anonymise::forms::fold;
use foresight::anonymise::words::{is_not_a_name_part, is_word};
use foresight::anonymise::{LeakChecker, anonymise};
use foresight::model::{ChronologyEntry, Id, Person, Review, ReviewDate};
use proptest::prelude::*;

const SYLLABLES: &[&str] = &[
    "zar", "quo", "vex", "thal", "mir", "dov", "kesh", "ulb", "yen", "pryz", "gorm", "ilk", "brun",
    "sef", "wic", "jol", "nax", "tev", "ruq", "olz", "ëm", "ła", "øy", "ñu", "zé",
];

/// A name part of two or three syllables that is not an English word.
fn part() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(SYLLABLES), 2..=3)
        .prop_map(|s| {
            let word: String = s.concat();
            let mut chars = word.chars();
            let first: String = chars.next().unwrap().to_uppercase().collect();
            first + chars.as_str()
        })
        .prop_filter("not an ordinary word", |w| {
            let lower = w.to_lowercase();
            !is_word(&lower) && !is_word(&fold(&lower)) && !is_not_a_name_part(&lower)
        })
}

#[derive(Debug, Clone)]
struct Name {
    given: Vec<String>,
    surname: Vec<String>,
    apostrophe: bool,
}

impl Name {
    fn given_text(&self) -> String {
        self.given.join("-")
    }
    fn surname_text(&self) -> String {
        let s = self.surname.join("-");
        if self.apostrophe { format!("O'{s}") } else { s }
    }
    fn full(&self) -> String {
        format!("{} {}", self.given_text(), self.surname_text())
    }
    /// Every part that must not survive, lower case and without diacritics.
    fn parts(&self) -> Vec<String> {
        self.given
            .iter()
            .chain(&self.surname)
            .map(|p| fold(&p.to_lowercase()))
            .collect()
    }
}

fn name() -> impl Strategy<Value = Name> {
    (
        prop::collection::vec(part(), 1..=2),
        prop::collection::vec(part(), 1..=2),
        any::<bool>(),
    )
        .prop_map(|(given, surname, apostrophe)| Name {
            given,
            surname,
            apostrophe,
        })
}

/// One way of writing a name, as records do.
fn written(name: &Name, how: u8) -> String {
    let first = &name.given[0];
    let surname = name.surname_text();
    let initial = |w: &str| w.chars().next().unwrap().to_uppercase().collect::<String>();
    match how % 16 {
        0 => name.full(),
        1 => first.clone(),
        2 => surname.clone(),
        3 => format!("{}, {}", surname.to_uppercase(), name.given_text()),
        4 => name.full().to_uppercase(),
        5 => name.full().to_lowercase(),
        6 => format!("{}'s", name.full()),
        7 => format!("{}’s", surname),
        8 => format!("{}. {surname}", initial(first)),
        9 => format!("Mr {surname}"),
        10 => format!("DC {}", surname.replace('\'', "’")),
        11 => format!("{}\n{surname}", name.given_text()),
        12 => fold(&name.full()),
        13 => name.surname.last().unwrap().clone(),
        14 => name.given.last().unwrap().to_uppercase(),
        _ => format!("{} {}", first, surname.replace('-', " ")),
    }
}

const FILLER: &[&str] = &[
    "visited",
    "the home",
    "said",
    "and",
    "was seen by",
    "with",
    "at school",
    "reported that",
    "concerns about",
    ".",
    ",",
    ";",
    "\n",
    "-",
];

fn case() -> impl Strategy<Value = (Vec<Name>, Vec<(usize, u8, usize)>)> {
    prop::collection::vec(name(), 1..=5).prop_flat_map(|names| {
        let n = names.len();
        (
            Just(names),
            prop::collection::vec((0..n, any::<u8>(), 0..FILLER.len()), 1..25),
        )
    })
}

fn review_of(names: &[Name], text: &str) -> Review {
    let mut review = Review::new("Property test");
    review.people = names
        .iter()
        .enumerate()
        .map(|(i, n)| Person {
            id: Id::from(format!("P{}", i + 1)),
            name: n.full(),
            pseudonym: format!("Person {}", i + 1),
            ..Default::default()
        })
        .collect();
    review.chronology = vec![ChronologyEntry {
        id: Id::from("C1"),
        date: ReviewDate::month(2021, 4).unwrap(),
        agency: None,
        author: String::new(),
        text: text.to_string(),
        people: vec![],
        source: None,
    }];
    review
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn no_form_of_any_name_survives((names, script) in case()) {
        let mut text = String::new();
        for (who, how, filler) in &script {
            text.push_str(&written(&names[*who], *how));
            text.push(' ');
            text.push_str(FILLER[*filler]);
            text.push(' ');
        }
        let review = review_of(&names, &text);
        let out = anonymise(&review);
        let result = &out.review.chronology[0].text;
        let folded = fold(&result.to_lowercase());
        for name in &names {
            for part in name.parts() {
                prop_assert!(
                    !folded.contains(&part),
                    "{part:?} survives in {result:?}\nfrom {text:?}"
                );
            }
        }
        let leaks = LeakChecker::new(&review).check_review(&out.review);
        prop_assert!(leaks.is_empty(), "{leaks:?}");
    }
}
