//! Gazetteers of given names and surnames (`templates/anonymise/gazetteers/`,
//! public lists; sources and licences in its `LICENSES.md`), for the names
//! no cast lists that the residual scan cannot tell by their shape:
//!
//! - a given name written in lower case ("seen with kayden and shauna"),
//!   which is no English word: the UK's registered baby names given to at
//!   least [`MIN_UK_BABIES`] babies;
//! - a name that is also an ordinary word ("Hope", "Baker", "Wood"), which
//!   is a name only in a context that says so ("her friend Hope", "Baker
//!   rang back"): the words that are common given names or surnames.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use super::folding::fold;
use super::words;

const FORENAMES: &str = include_str!("../../../../templates/anonymise/gazetteers/forenames.txt");
const NAME_WORDS: &str = include_str!("../../../../templates/anonymise/gazetteers/name-words.txt");
const SURNAMES: &str = include_str!("../../../../templates/anonymise/gazetteers/surnames.txt");

/// A surname counts as common when it ranks at most this in the US Census
/// 1990 list (Pickering 2443, Harding 612).
pub const MAX_COMMON_SURNAME_RANK: u32 = 20000;

/// A given name counts when at least this many babies in the UK's
/// registrations had it: rarer ones are too often typing slips of words.
pub const MIN_UK_BABIES: u32 = 500;

/// A capitalised word is read as a given name rather than as an
/// inflection of a rarer word ("Mared" is not "mare" + "d") when at least
/// this many babies in the UK had it.
pub const MIN_UK_BABIES_CAPITALISED: u32 = 100;
/// A word that is also a surname counts when it ranks at most this in
/// the US Census 1990 surname list (Baker 37, Hughes 88, Church 763; but
/// not Staff 14173 or Both 24882).
pub const MAX_SURNAME_RANK: u32 = 5000;

/// A word that is also a given name counts as one in context when at
/// least this many babies in the UK had it (Hope, Summer, Hunter, Rowan).
pub const MIN_UK_BABIES_FOR_A_WORD: u32 = 300;

/// The gazetteers, as the residual scan asks them.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Common given names that are no English word, folded lower case.
    given_names: HashSet<String>,
    /// Given names of at least [`MIN_UK_BABIES_CAPITALISED`] babies and
    /// three letters, folded lower case, whether or not they are words.
    registered_given_names: HashSet<String>,
    /// Words that are also names: lower case → (UK babies, surname rank).
    name_words: HashMap<String, (u32, u32)>,
}

impl Gazetteer {
    fn parse(forenames: &str, name_words: &str) -> Gazetteer {
        let mut given_names = HashSet::default();
        let mut registered_given_names = HashSet::default();
        for line in forenames.lines().filter(|l| !l.starts_with('#')) {
            let mut columns = line.split('\t');
            let (Some(name), Some(count)) = (columns.next(), columns.next()) else {
                continue;
            };
            let babies: u32 = count.trim().parse().unwrap_or(0);
            if babies >= MIN_UK_BABIES_CAPITALISED && name.chars().count() >= 3 {
                registered_given_names.insert(fold(name).to_lowercase());
            }
            if babies < MIN_UK_BABIES || name.chars().count() < 4 {
                continue;
            }
            let lower = fold(name).to_lowercase();
            if !words::is_word(&lower) && !words::is_vocabulary(name) {
                given_names.insert(lower);
            }
        }
        let mut map = HashMap::default();
        for line in name_words.lines().filter(|l| !l.starts_with('#')) {
            let columns: Vec<&str> = line.split('\t').collect();
            if columns.len() < 4 {
                continue;
            }
            let babies = columns[2].trim().parse().unwrap_or(0);
            let rank = columns[3].trim().parse().unwrap_or(0);
            map.insert(columns[0].trim().to_lowercase(), (babies, rank));
        }
        Gazetteer {
            given_names,
            registered_given_names,
            name_words: map,
        }
    }

    /// True when a lower-case word is a common given name and no English
    /// word ("kayden", "shauna"; not "will", "hope", "sertraline").
    pub fn is_given_name(&self, lower: &str) -> bool {
        if lower.is_ascii() {
            self.given_names.contains(lower)
        } else {
            self.given_names.contains(&fold(lower))
        }
    }

    /// True when a lower-case word is a given name at least
    /// [`MIN_UK_BABIES_CAPITALISED`] babies in the UK had, of three letters
    /// or more, whether or not it is also a word ("mared", "jac", "hope").
    pub fn is_registered_given_name(&self, lower: &str) -> bool {
        if lower.is_ascii() {
            self.registered_given_names.contains(lower)
        } else {
            self.registered_given_names.contains(&fold(lower))
        }
    }

    /// True when a lower-case word is a common surname ("pickering",
    /// "harding"), whether or not it is also a word.
    pub fn is_common_surname(&self, lower: &str) -> bool {
        static COMMON: LazyLock<HashSet<String>> = LazyLock::new(|| {
            SURNAMES
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|line| {
                    let mut columns = line.split('\t');
                    let name = columns.next()?;
                    let rank: u32 = columns.next()?.trim().parse().ok()?;
                    (rank > 0 && rank <= MAX_COMMON_SURNAME_RANK).then(|| fold(name).to_lowercase())
                })
                .collect()
        });
        if lower.is_ascii() {
            COMMON.contains(lower)
        } else {
            COMMON.contains(&fold(lower))
        }
    }

    /// True when a lower-case ordinary word is also a common given name
    /// or surname ("hope", "summer", "baker", "wood").
    pub fn is_name_word(&self, lower: &str) -> bool {
        self.name_words.get(lower).is_some_and(|&(babies, rank)| {
            babies >= MIN_UK_BABIES_FOR_A_WORD || (1..=MAX_SURNAME_RANK).contains(&rank)
        })
    }

    /// True when a word is in the list of names that are also words at
    /// all, however rare the name ("abate", "craven").
    pub fn is_any_name_word(&self, lower: &str) -> bool {
        self.name_words.contains_key(lower)
    }

    /// True when a lower-case ordinary word is also a common given name
    /// ("dean", "lee", "hope"; not "staff").
    pub fn is_given_name_word(&self, lower: &str) -> bool {
        self.name_words
            .get(lower)
            .is_some_and(|&(babies, _)| babies >= MIN_UK_BABIES_FOR_A_WORD)
    }

    /// True when a lower-case ordinary word is also a common surname
    /// ("baker", "hughes", "wood").
    pub fn is_surname_word(&self, lower: &str) -> bool {
        self.name_words
            .get(lower)
            .is_some_and(|&(_, rank)| (1..=MAX_SURNAME_RANK).contains(&rank))
    }
}

/// The built-in gazetteers, read once.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: LazyLock<Gazetteer> =
        LazyLock::new(|| Gazetteer::parse(FORENAMES, NAME_WORDS));
    &GAZETTEER
}

/// True when a kinship word of another language is written here as the
/// given name it also is: "Jan's visited" (a cast member Jan, or Janet),
/// where "khala jan" is an endearment. Capitalised, a given name many
/// babies have, and no English word for a relative ("Nana", "Gran" stay
/// kinship words however written).
pub fn kinship_word_as_given_name(written: &str) -> bool {
    let mut chars = written.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
    let lower = written.to_lowercase();
    capitalised
        && !words::is_not_a_name_part(&lower)
        && gazetteer().is_registered_given_name(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_that_are_no_words_and_names_that_are_words() {
        let g = gazetteer();
        for name in ["kayden", "shauna", "siobhan", "siobhán", "mohammed"] {
            assert!(g.is_given_name(name), "{name}");
        }
        for word in [
            "will",
            "hope",
            "summer",
            "sertraline",
            "visit",
            "mum",
            "nan",
            "police",
        ] {
            assert!(!g.is_given_name(word), "{word}");
        }
        for word in ["hope", "summer", "hunter", "baker", "wood", "church"] {
            assert!(g.is_name_word(word), "{word}");
        }
        for word in ["staff", "both", "visit", "nurse", "police"] {
            assert!(!g.is_name_word(word), "{word}");
        }
        assert!(g.is_surname_word("baker") && !g.is_surname_word("summer"));
    }
}
