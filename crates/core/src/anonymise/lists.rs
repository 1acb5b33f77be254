//! Word lists of the field, kept as data in `templates/anonymise/`:
//! diminutives of given names (Elizabeth → Liz, Beth), abbreviations of
//! case records (TA, HV, NFA), which are never taken for initials, and
//! generic kinship words (Mum, Nan), which are kept, and public names
//! (countries, nationalities, faiths, national services, chains and
//! brands: "Poland", "Greggs", "Kooth"), which name no one; ordinary
//! Welsh words ("gweinidog", "ysgol"), and the words Welsh streets start
//! with ("Heol", "Lôn").
//!
//! The built-in copies are compiled in; a file of the same name in a
//! templates folder's `anonymise/` (see [`crate::taxonomy::template_folders`])
//! adds to them, so a partnership can extend a list without recompiling.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use super::folding::fold;

const BUILT_IN_DIMINUTIVES: &str = include_str!("../../../../templates/anonymise/diminutives.txt");
const BUILT_IN_ABBREVIATIONS: &str =
    include_str!("../../../../templates/anonymise/abbreviations.txt");
const BUILT_IN_KINSHIP: &str = include_str!("../../../../templates/anonymise/kinship.txt");
const BUILT_IN_VENUES: &str = include_str!("../../../../templates/anonymise/venues.txt");
const BUILT_IN_PREMISES: &str = include_str!("../../../../templates/anonymise/premises.txt");
const BUILT_IN_PUBLIC_NAMES: &str =
    include_str!("../../../../templates/anonymise/public-names.txt");
const BUILT_IN_TERMS: &str = include_str!("../../../../templates/anonymise/terms.txt");
const BUILT_IN_WELSH_WORDS: &str = include_str!("../../../../templates/anonymise/welsh-words.txt");
const BUILT_IN_IRISH_WORDS: &str = include_str!("../../../../templates/anonymise/irish-words.txt");
const BUILT_IN_STREET_PREFIXES: &str =
    include_str!("../../../../templates/anonymise/street-prefixes.txt");

/// The lists, built-in and the user's, as one.
#[derive(Debug, Clone, Default)]
pub struct FieldLists {
    /// Folded lower-case given name → its short forms as written.
    diminutives: HashMap<String, Vec<String>>,
    /// Every short form of the diminutives list, folded lower case
    /// ("sue", "pat", "liz").
    short_forms: HashSet<String>,
    /// Abbreviations as written.
    abbreviations: HashSet<String>,
    /// Kinship words, lower case.
    kinship: HashSet<String>,
    /// Names of pubs and venues made of ordinary words ("Red Lion"),
    /// folded lower case, words separated by one space.
    venues: HashSet<String>,
    /// The most words in a venue name.
    venue_words: usize,
    /// Words that make the capitalised words before them a place's name
    /// ("pub", "flats"), lower case.
    premises: HashSet<String>,
    /// Capitalised words that name no one and nowhere in particular
    /// ("Poland", "Greggs", "Apgar"), lower case.
    public_names: HashSet<String>,
    /// Fixed terms whose words may be names ("Bristol stool chart",
    /// "Moses basket"): the folded lower-case first word → each term's
    /// words, folded lower case, longest first.
    terms: HashMap<String, Vec<Vec<String>>>,
    /// Ordinary words of the other languages UK records are written in
    /// (Welsh: "gweinidog", "ysgol", "diolch"), lower case.
    other_words: HashSet<String>,
    /// Words that begin a street's name ("Heol y Bryn", "Lôn Penrhiw"),
    /// lower case.
    street_prefixes: HashSet<String>,
}

/// The words of a fixed term.
fn term_words(term: &str) -> impl Iterator<Item = &str> {
    term.split(|c: char| !is_term_char(c))
        .filter(|w| !w.is_empty())
}

/// The books of the Bible, in lower case, as a reference names them.
const BIBLE_BOOKS: &[&str] = &[
    "genesis",
    "exodus",
    "leviticus",
    "numbers",
    "deuteronomy",
    "joshua",
    "judges",
    "ruth",
    "samuel",
    "kings",
    "chronicles",
    "ezra",
    "nehemiah",
    "esther",
    "job",
    "psalm",
    "psalms",
    "proverbs",
    "ecclesiastes",
    "isaiah",
    "jeremiah",
    "lamentations",
    "ezekiel",
    "daniel",
    "hosea",
    "joel",
    "amos",
    "obadiah",
    "jonah",
    "micah",
    "nahum",
    "habakkuk",
    "zephaniah",
    "haggai",
    "zechariah",
    "malachi",
    "matthew",
    "mark",
    "luke",
    "john",
    "acts",
    "romans",
    "corinthians",
    "galatians",
    "ephesians",
    "philippians",
    "colossians",
    "thessalonians",
    "timothy",
    "titus",
    "philemon",
    "hebrews",
    "james",
    "peter",
    "jude",
    "revelation",
    "revelations",
];

/// The end of a reference to the Bible whose book's name is the word at
/// `start..word_end` of `text` ("Jeremiah 29:11", "Romans 8:28-30",
/// "1 John 4:18"): a chapter and a verse after the book name no one, though
/// the book bears a given name.
fn scripture_end(text: &str, start: usize, word_end: usize) -> Option<usize> {
    let digits = |from: usize| {
        let run = text[from..].bytes().take_while(u8::is_ascii_digit).count();
        (1..=3).contains(&run).then_some(from + run)
    };
    // Most words are not followed by a number: that is asked first.
    let chapter_end = digits(word_end + text[word_end..].strip_prefix(' ').map(|_| 1)?)?;
    let book = &text[start..word_end];
    if !BIBLE_BOOKS.iter().any(|b| b.eq_ignore_ascii_case(book)) {
        return None;
    }
    let verse_end = digits(chapter_end + text[chapter_end..].strip_prefix(':').map(|_| 1)?)?;
    let end = text[verse_end..]
        .strip_prefix('-')
        .and_then(|_| digits(verse_end + 1))
        .unwrap_or(verse_end);
    (!text[end..].starts_with(|c: char| c.is_alphanumeric())).then_some(end)
}

/// A character of a word of a fixed term: letters, digits, apostrophes
/// ("Down's") and hyphens ("Prader-Willi").
fn is_term_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')
}

/// The lines of a list that are not blank or comments.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl FieldLists {
    /// The built-in lists only.
    pub fn built_in() -> FieldLists {
        let mut lists = FieldLists::default();
        lists.add(
            BUILT_IN_DIMINUTIVES,
            BUILT_IN_ABBREVIATIONS,
            BUILT_IN_KINSHIP,
        );
        lists.add_places(BUILT_IN_VENUES, BUILT_IN_PREMISES);
        lists.add_public_names(BUILT_IN_PUBLIC_NAMES);
        lists.add_terms(BUILT_IN_TERMS);
        lists.add_national_bodies(crate::agency_kind::BUILT_IN_NATIONAL_BODIES);
        lists.add_languages(BUILT_IN_WELSH_WORDS, BUILT_IN_STREET_PREFIXES);
        lists.add_languages(BUILT_IN_IRISH_WORDS, "");
        lists
    }

    /// The built-in lists with the user's copies in `folders` added.
    pub fn with_folders(folders: &[PathBuf]) -> FieldLists {
        let mut lists = FieldLists::built_in();
        let read = |folder: &Path, name: &str| {
            std::fs::read_to_string(folder.join("anonymise").join(name)).unwrap_or_default()
        };
        for folder in folders {
            lists.add(
                &read(folder, "diminutives.txt"),
                &read(folder, "abbreviations.txt"),
                &read(folder, "kinship.txt"),
            );
            lists.add_places(&read(folder, "venues.txt"), &read(folder, "premises.txt"));
            lists.add_public_names(&read(folder, "public-names.txt"));
            lists.add_terms(&read(folder, "terms.txt"));
            lists.add_national_bodies(&read(folder, "national-bodies.txt"));
            lists.add_languages(
                &read(folder, "welsh-words.txt"),
                &read(folder, "street-prefixes.txt"),
            );
            lists.add_languages(&read(folder, "irish-words.txt"), "");
        }
        lists
    }

    /// Adds the lines of a diminutives, an abbreviations and a kinship list.
    pub fn add(&mut self, diminutives: &str, abbreviations: &str, kinship: &str) {
        for line in lines(diminutives) {
            let Some((name, short)) = line.split_once(':') else {
                continue;
            };
            let list = self.diminutives.entry(key(name)).or_default();
            for s in short.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                if !list.iter().any(|d| d == s) {
                    list.push(s.to_string());
                }
                self.short_forms.insert(key(s));
            }
        }
        for a in lines(abbreviations) {
            // "GAD-7" makes "GAD" an abbreviation too.
            if let Some((stem, _)) = a.split_once('-') {
                self.abbreviations.insert(stem.to_string());
            }
            self.abbreviations.insert(a.to_string());
        }
        self.kinship
            .extend(lines(kinship).map(|l| l.to_lowercase()));
    }

    /// Adds the lines of a venues and a premises list.
    pub fn add_places(&mut self, venues: &str, premises: &str) {
        for venue in lines(venues) {
            let key = venue_key(venue);
            self.venue_words = self.venue_words.max(key.split(' ').count());
            self.venues.insert(key);
        }
        self.premises
            .extend(lines(premises).map(|l| l.to_lowercase()));
    }

    /// Adds the lines of a list of another language's ordinary words and
    /// of a list of words that begin a street's name.
    pub fn add_languages(&mut self, words: &str, street_prefixes: &str) {
        self.other_words
            .extend(lines(words).map(|l| l.to_lowercase()));
        self.street_prefixes
            .extend(lines(street_prefixes).map(|l| l.to_lowercase()));
    }

    /// True when a lower-case word is an ordinary word of another language
    /// of UK records (Welsh: "gweinidog", "pennaeth", "ddim").
    pub fn is_other_language_word(&self, lower: &str) -> bool {
        !self.other_words.is_empty() && self.other_words.contains(lower)
    }

    /// True when a word (any case) begins a street's name, as Welsh
    /// addresses do ("Heol", "Lôn", "Maes", "Parc").
    pub fn is_street_prefix(&self, word: &str) -> bool {
        // Every such word is short: most capitalised words are not asked
        // for a lower-case copy.
        word.len() <= 10
            && !self.street_prefixes.is_empty()
            && with_lower(word, |lower| self.street_prefixes.contains(lower))
    }

    /// Adds the lines of a fixed terms list.
    pub fn add_terms(&mut self, terms: &str) {
        for term in lines(terms) {
            let words: Vec<String> = term_words(term).map(key).collect();
            let Some(first) = words.first().cloned() else {
                continue;
            };
            let list = self.terms.entry(first).or_default();
            if !list.contains(&words) {
                list.push(words);
                list.sort_by_key(|w| std::cmp::Reverse(w.len()));
            }
        }
    }

    /// Where the fixed term that starts at `start` of `text` ends ("Bristol
    /// stool chart", "Moses basket", in any letter case), or `None` when
    /// none starts there.
    pub fn fixed_term_end(&self, text: &str, start: usize) -> Option<usize> {
        let rest = &text[start..];
        let first_end = rest.find(|c: char| !is_term_char(c)).unwrap_or(rest.len());
        let Some(candidates) = with_key(&rest[..first_end], |k| self.terms.get(k)) else {
            return scripture_end(text, start, start + first_end);
        };
        'term: for term in candidates {
            let mut at = start + first_end;
            for word in &term[1..] {
                let gap = text[at..].len() - text[at..].trim_start_matches(' ').len();
                if gap == 0 {
                    continue 'term;
                }
                let from = at + gap;
                let end = text[from..]
                    .find(|c: char| !is_term_char(c))
                    .map_or(text.len(), |e| from + e);
                if end == from || !key_is(&text[from..end], word) {
                    continue 'term;
                }
                at = end;
            }
            return Some(at);
        }
        scripture_end(text, start, start + first_end)
    }

    /// Adds the lines of a national bodies list: bodies that serve a whole
    /// nation or region identify no one in a record's text either ("HMRC
    /// informed", "handed to SWASFT", "signposted to the Fishermen's
    /// Mission"). A name of one word is a public name, a longer one a
    /// fixed term.
    pub fn add_national_bodies(&mut self, bodies: &str) {
        let (single, longer): (Vec<&str>, Vec<&str>) =
            lines(bodies).partition(|line| !line.contains(' '));
        self.add_public_names(&single.join("\n"));
        self.add_terms(&longer.join("\n"));
    }

    /// Adds the lines of a public names list.
    pub fn add_public_names(&mut self, names: &str) {
        self.public_names
            .extend(lines(names).map(|l| l.to_lowercase()));
    }

    /// True when a word names no one and nowhere in particular
    /// ("Poland", "POLISH", "Greggs", "Sainsbury's"), in any case. A
    /// possessive of one is too ("Greggs's").
    pub fn is_public_name(&self, word: &str) -> bool {
        if self.public_names.is_empty() {
            return false;
        }
        let known = |lower: &str| {
            self.public_names.contains(lower)
                || lower
                    .strip_suffix("'s")
                    .is_some_and(|bare| self.public_names.contains(bare))
        };
        // Most words asked about are short and ASCII: lower-cased on the
        // stack, not copied.
        if word.is_ascii() {
            return with_lower(word, known);
        }
        known(&word.to_lowercase().replace('’', "'"))
    }

    /// True when words ("Red Lion", "Feathers") are a venue's name, in
    /// any case, with or without an apostrophe ("Nag's Head").
    pub fn is_venue(&self, words: &str) -> bool {
        self.venues.contains(&venue_key(words))
    }

    /// The most words a venue's name has.
    pub fn venue_words(&self) -> usize {
        self.venue_words
    }

    /// True when a lower-case word makes the capitalised words before it
    /// a place's name ("pub", "flats").
    pub fn is_premises(&self, lower: &str) -> bool {
        self.premises.contains(lower)
    }

    /// The short forms of a given name ("Elizabeth" → Liz, Beth…).
    pub fn diminutives_of(&self, given: &str) -> &[String] {
        self.diminutives
            .get(&key(given))
            .map_or(&[], |v| v.as_slice())
    }

    /// True when a token is an abbreviation of the field, as written
    /// ("TA", "PHQ-9"; a plural "CPs" too). Two capitals after the first
    /// letter are an abbreviation's whichever letters a record writes
    /// small: "RoSH" for "ROSH" (but not "Rosh").
    pub fn is_abbreviation(&self, token: &str) -> bool {
        self.abbreviations.contains(token)
            || token
                .strip_suffix('s')
                .is_some_and(|t| t.len() >= 2 && self.abbreviations.contains(t))
            || (token.len() >= 3
                && token
                    .chars()
                    .skip(1)
                    .filter(char::is_ascii_uppercase)
                    .count()
                    >= 2
                && token.bytes().any(|b| b.is_ascii_lowercase())
                && self.abbreviations.contains(&token.to_ascii_uppercase()))
    }

    /// True when a word is a short form of a given name in the
    /// diminutives list ("Sue", "pat"), in any case.
    pub fn is_short_form(&self, word: &str) -> bool {
        if word.is_ascii() && word.bytes().all(|b| !b.is_ascii_uppercase()) {
            // Already a key: no copy made.
            return self.short_forms.contains(word.trim());
        }
        self.short_forms.contains(&key(word))
    }

    /// Every abbreviation of the field.
    pub fn abbreviations(&self) -> impl Iterator<Item = &str> {
        self.abbreviations.iter().map(String::as_str)
    }

    /// Every given name with short forms, with them: ("elizabeth", [Liz, Beth…]).
    pub fn all_diminutives(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.diminutives
            .iter()
            .map(|(name, short)| (name.as_str(), short.as_slice()))
    }

    /// True when a word is a generic kinship word ("Nan", "Mum"), in any case.
    pub fn is_kinship(&self, word: &str) -> bool {
        let lower = word.trim().to_lowercase();
        self.kinship.contains(&lower)
            || self
                .kinship
                .contains(lower.replace(['’', 'ʼ'], "'").trim_end_matches("'s"))
    }
}

/// The key of a venue's name: folded lower case, apostrophes gone,
/// "&" as "and", one space between words.
fn venue_key(name: &str) -> String {
    fold(name)
        .to_lowercase()
        .replace(['\'', '’'], "")
        .replace('&', " and ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The key of a given name: lower case, without diacritics.
fn key(name: &str) -> String {
    let name = name.trim();
    if name.is_ascii() {
        return name.to_ascii_lowercase();
    }
    fold(name).to_lowercase()
}

/// Calls `f` with `key(name)`, written on the stack when the name is short
/// and ASCII (nearly every word looked up), so that a look-up of every
/// capitalised word allocates nothing.
fn with_key<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    let name = name.trim();
    if name.is_ascii() {
        return with_lower(name, f);
    }
    f(&key(name))
}

/// Calls `f` with `word.to_lowercase()`, written on the stack when the
/// word is short and ASCII.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 48];
    if word.is_ascii() && word.len() <= buffer.len() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // ASCII bytes lower-cased are still ASCII, so still UTF-8.
        return f(std::str::from_utf8(lower).unwrap_or_default());
    }
    f(&word.to_lowercase())
}

/// `with_key` for a word compared with a key already made.
fn key_is(name: &str, key: &str) -> bool {
    with_key(name, |k| k == key)
}

/// The lists in use: built-in, with the user's copies from the template
/// folders, read once.
pub fn field_lists() -> &'static FieldLists {
    static LISTS: LazyLock<FieldLists> =
        LazyLock::new(|| FieldLists::with_folders(&crate::taxonomy::template_folders()));
    &LISTS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_built_in_list_holds_a_line_twice() {
        for (name, list) in [
            ("diminutives", BUILT_IN_DIMINUTIVES),
            ("abbreviations", BUILT_IN_ABBREVIATIONS),
            ("kinship", BUILT_IN_KINSHIP),
            ("venues", BUILT_IN_VENUES),
            ("premises", BUILT_IN_PREMISES),
            ("public names", BUILT_IN_PUBLIC_NAMES),
            ("terms", BUILT_IN_TERMS),
            ("Welsh words", BUILT_IN_WELSH_WORDS),
            ("Irish words", BUILT_IN_IRISH_WORDS),
            ("street prefixes", BUILT_IN_STREET_PREFIXES),
        ] {
            let mut seen = HashSet::default();
            let twice: Vec<&str> = lines(list).filter(|l| !seen.insert(*l)).collect();
            assert!(twice.is_empty(), "{name}: {twice:?}");
        }
    }

    #[test]
    fn the_built_in_lists_know_the_field() {
        let lists = FieldLists::built_in();
        let liz = lists.diminutives_of("Elizabeth");
        assert!(liz.contains(&"Liz".to_string()) && liz.contains(&"Beth".to_string()));
        assert!(
            lists
                .diminutives_of("MAŁGORZATA")
                .contains(&"Gosia".to_string())
        );
        assert!(lists.diminutives_of("Zebedee").is_empty());
        for a in ["TA", "HV", "NFA", "PHQ-9", "GAD-7", "PRN", "CPs"] {
            assert!(lists.is_abbreviation(a), "{a}");
        }
        assert!(!lists.is_abbreviation("MJA") && !lists.is_abbreviation("ta"));
        for k in ["Nan", "NANNY", "Grandad", "mum", "Nan's"] {
            assert!(lists.is_kinship(k), "{k}");
        }
        assert!(!lists.is_kinship("Pauline"));
        for w in ["gweinidog", "ysgol", "ddim", "gweddïo"] {
            assert!(lists.is_other_language_word(w), "{w}");
        }
        // Welsh words that are also names are left to be read as names.
        for name in ["bryn", "glyn", "rhys", "gwen", "allen", "beth"] {
            assert!(!lists.is_other_language_word(name), "{name}");
        }
        assert!(lists.is_street_prefix("Heol") && lists.is_street_prefix("LÔN"));
        assert!(!lists.is_street_prefix("Bryn") && !lists.is_street_prefix("Street"));
    }

    #[test]
    fn no_public_name_is_a_common_given_name() {
        // A person may bear a given name ("Christian", "Kia"): such a word
        // is never kept as a public name.
        let forenames = include_str!("../../../../templates/anonymise/gazetteers/forenames.txt");
        let common: HashSet<String> = forenames
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut columns = l.split('\t');
                let name = columns.next()?;
                let babies: u32 = columns.next()?.trim().parse().ok()?;
                (babies >= super::super::gazetteer::MIN_UK_BABIES).then(|| name.to_lowercase())
            })
            .collect();
        assert!(common.contains("olivia") && common.len() > 1000);
        let lists = FieldLists::built_in();
        let named: Vec<&String> = lists
            .public_names
            .iter()
            .filter(|p| common.contains(*p))
            .collect();
        assert!(named.is_empty(), "{named:?}");
        for word in ["Poland", "POLISH", "greggs", "Sainsbury's", "Greggs's"] {
            assert!(lists.is_public_name(word), "{word}");
        }
        assert!(!lists.is_public_name("Christian") && !lists.is_public_name("Jordan"));
    }

    #[test]
    fn a_users_copy_adds_to_the_built_in_lists() {
        let folder = tempfile::tempdir().unwrap();
        std::fs::create_dir(folder.path().join("anonymise")).unwrap();
        std::fs::write(
            folder.path().join("anonymise/diminutives.txt"),
            "# ours\nZebedee: Zeb, Zebby\nElizabeth: Lilibet\n",
        )
        .unwrap();
        std::fs::write(folder.path().join("anonymise/abbreviations.txt"), "FNP\n").unwrap();
        let lists = FieldLists::with_folders(&[folder.path().to_path_buf()]);
        assert_eq!(lists.diminutives_of("Zebedee"), ["Zeb", "Zebby"]);
        let liz = lists.diminutives_of("Elizabeth");
        assert!(liz.contains(&"Lilibet".to_string()) && liz.contains(&"Liz".to_string()));
        assert!(lists.is_abbreviation("FNP") && lists.is_abbreviation("TA"));
    }
}
