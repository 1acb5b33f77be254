//! Personal data that no cast entry names: postcodes, addresses, phone
//! numbers, NHS and National Insurance numbers, emails, web addresses,
//! police collar numbers and reference numbers.
//!
//! Each finder is a small regular expression over the normalised text (see
//! [`super::text::View`]) with checks that a pattern cannot express: the
//! NHS number's check digit, the digit count of a UK phone number, that a
//! "reference" is not a date. One pass of a set of most of the patterns
//! tells which to search for; the email and web patterns are searched only
//! in texts with an `@`, a `://` or `www.`, or a full stop before a domain's
//! letter; the pattern for bare reference shapes only in the runs of
//! letters, digits, `/` and `-` with two digits in a row. Tests show each
//! shortcut finds what a search of the whole text finds.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use super::text::{matches_in, token_runs};

/// The kind of an identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdentifierKind {
    /// A UK postcode.
    Postcode,
    /// A house number and street, a flat, "no. 27".
    Address,
    /// A phone number, in the UK or abroad.
    Phone,
    /// An NHS number.
    NhsNumber,
    /// A National Insurance number.
    NiNumber,
    /// An email address.
    Email,
    /// A web address.
    Url,
    /// A social media account ("@name", "Insta: name_88").
    SocialMedia,
    /// A UK vehicle registration ("YK19 XBN").
    VehicleRegistration,
    /// A police collar (shoulder) number, or the staff number of a
    /// paramedic or call handler.
    CollarNumber,
    /// A crime, incident, log, hospital or other reference number.
    Reference,
    /// A bank sort code ("sort code 20-45-67").
    BankDetails,
}

impl IdentifierKind {
    /// Every kind.
    pub const ALL: [IdentifierKind; 12] = [
        IdentifierKind::Postcode,
        IdentifierKind::Address,
        IdentifierKind::Phone,
        IdentifierKind::NhsNumber,
        IdentifierKind::NiNumber,
        IdentifierKind::Email,
        IdentifierKind::Url,
        IdentifierKind::SocialMedia,
        IdentifierKind::VehicleRegistration,
        IdentifierKind::CollarNumber,
        IdentifierKind::Reference,
        IdentifierKind::BankDetails,
    ];

    /// The neutral text that replaces it.
    pub fn placeholder(self) -> &'static str {
        match self {
            IdentifierKind::Postcode => "[postcode]",
            IdentifierKind::Address => "[address]",
            IdentifierKind::Phone => "[phone number]",
            IdentifierKind::NhsNumber => "[NHS number]",
            IdentifierKind::NiNumber => "[NI number]",
            IdentifierKind::Email => "[email]",
            IdentifierKind::Url => "[web address]",
            IdentifierKind::SocialMedia => "[social media account]",
            IdentifierKind::VehicleRegistration => "[vehicle registration]",
            IdentifierKind::CollarNumber => "[collar number]",
            IdentifierKind::Reference => "[reference number]",
            IdentifierKind::BankDetails => "[bank details]",
        }
    }

    /// A name for messages.
    pub fn label(self) -> &'static str {
        match self {
            IdentifierKind::Postcode => "postcode",
            IdentifierKind::Address => "address",
            IdentifierKind::Phone => "phone number",
            IdentifierKind::NhsNumber => "NHS number",
            IdentifierKind::NiNumber => "National Insurance number",
            IdentifierKind::Email => "email address",
            IdentifierKind::Url => "web address",
            IdentifierKind::SocialMedia => "social media account",
            IdentifierKind::VehicleRegistration => "vehicle registration",
            IdentifierKind::CollarNumber => "collar or staff number",
            IdentifierKind::Reference => "reference number",
            IdentifierKind::BankDetails => "bank sort code",
        }
    }
}

/// One identifier found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identifier {
    /// Where it is.
    pub range: Range<usize>,
    /// What it is.
    pub kind: IdentifierKind,
    /// Why the reviewer should look at it, when it is only probably one.
    pub doubt: Option<&'static str>,
}

const STREET: &str = r"(?i:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Cl|Drive|Dr|Way|Walk|Rise|Court|Ct|Crescent|Cres|Place|Pl|Grove|Gardens|Gdns|Terrace|Terr|Hill|Park|View|Row|Mews|Square|Sq|Green|Parade|Vale|Gate|Fold|Croft|Meadows?|Wharf|Yard|Chase|Heights|Estate|Bank|End|Side|Lea|Brow|Crest|Dene|Garth|Hollow|Approach|Boulevard|Circle|Cottages|Wynd|Mount|Quay|Villas|Buildings|Towers?)";

struct Finder {
    kind: IdentifierKind,
    regex: Regex,
    /// The capture group that is the identifier (0: the whole match).
    group: usize,
    /// Its matches are made only of ASCII letters, digits, `/` and `-`,
    /// with two digits in a row: it is searched only in the [`tokens`]
    /// that have two digits in a row, not in the whole text.
    in_tokens: bool,
    /// A quick test every text it can match passes: when there is one,
    /// the finder is searched alone, only in texts that pass it.
    gate: Option<Gate>,
}

/// A quick test of a text (see [`Finder::gate`]): one of the cues
/// [`cues`] reads, each a bit.
type Gate = u16;

/// An `@`: emails and social media accounts need one.
const AT: Gate = 1;
/// A `_`: a user name written alone needs one.
const UNDERSCORE: Gate = 1 << 1;
/// `://` or `www.` in any case: web addresses given in full.
const WEB_START: Gate = 1 << 2;
/// A full stop before a letter that starts a top-level domain (`c` of
/// com, `o` of org, `n`, `i`, `m`, `b`, `l`, `u`), in any case.
const DOMAIN_DOT: Gate = 1 << 3;
/// A social media platform's name or a word for a user name, in any case:
/// a handle after the platform's name needs one.
const PLATFORM: Gate = 1 << 4;
/// "sort" or "s/c", in any case: a sort code after its label needs one.
const SORT_CODE: Gate = 1 << 5;
/// "word", "code" or "phrase", in any case: a password or a code word
/// needs one.
const SECRET: Gate = 1 << 6;
/// "server", "group" or "chat", in any case: a group chat's or a
/// server's name needs one.
const GROUP: Gate = 1 << 7;

/// The words and signs the gates look for, each with its gate.
const CUES: &[(&str, Gate)] = &[
    ("@", AT),
    ("_", UNDERSCORE),
    ("://", WEB_START),
    ("www.", WEB_START),
    (".c", DOMAIN_DOT),
    (".o", DOMAIN_DOT),
    (".n", DOMAIN_DOT),
    (".i", DOMAIN_DOT),
    (".m", DOMAIN_DOT),
    (".b", DOMAIN_DOT),
    (".l", DOMAIN_DOT),
    (".u", DOMAIN_DOT),
    ("sort", SORT_CODE),
    ("s/c", SORT_CODE),
    ("word", SECRET),
    ("code", SECRET),
    ("phrase", SECRET),
    ("erver", GROUP),
    ("roup", GROUP),
    ("chat", GROUP),
    ("inibus", GROUP),
    ("bus ", GROUP),
    ("van ", GROUP),
    ("boat", GROUP),
    ("lorry", GROUP),
    ("truck", GROUP),
    ("hatsApp", GROUP),
    ("acebook", GROUP),
    ("essenger", GROUP),
    ("elegram", GROUP),
    ("Signal", GROUP),
    ("napchat", GROUP),
];

/// The platforms' names and the words for a user name (see [`PLATFORM`]).
const PLATFORM_WORDS: &[&str] = &[
    "insta",
    "snap",
    "tiktok",
    "tik tok",
    "facebook",
    "fb",
    "twitter",
    "whatsapp",
    "whats app",
    "telegram",
    "zalo",
    "wechat",
    "weixin",
    "viber",
    "discord",
    "kik",
    "username",
    "user name",
    "handle",
    "gamertag",
    "gamer tag",
    "psn",
    "xbox",
    "playstation",
    "plays as",
    "roblox",
    "fortnite",
    "twitch",
    "steam",
    "minecraft",
    "user",
];

/// Which gates a text passes: every cue found in one pass over it (a few
/// short words in one automaton, in any case), where each gate alone
/// would search the text again.
fn cues(text: &str) -> Gate {
    static CUE_WORDS: LazyLock<(aho_corasick::AhoCorasick, Vec<Gate>)> = LazyLock::new(|| {
        let (words, gates): (Vec<&str>, Vec<Gate>) = CUES
            .iter()
            .copied()
            .chain(PLATFORM_WORDS.iter().map(|&w| (w, PLATFORM)))
            .unzip();
        let automaton = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            // Short words: the DFA is small and the fastest to scan with.
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(words)
            .expect("the gates' cues make an automaton");
        (automaton, gates)
    });
    let (automaton, gates) = &*CUE_WORDS;
    let mut passed = 0;
    for found in automaton.find_overlapping_iter(text) {
        passed |= gates[found.pattern().as_usize()];
    }
    passed
}

/// True when `after` starts with " of " and a day, as a police log's
/// number is followed by the day it was opened ("Log 1932 of 10/08").
fn is_a_log_day(after: &str) -> bool {
    after
        .strip_prefix(" of ")
        .is_some_and(|day| day.starts_with(|c: char| c.is_ascii_digit()))
}

/// True when a text names a social media platform or a user name (see
/// [`PLATFORM`]).
#[cfg(test)]
fn names_a_platform(text: &str) -> bool {
    cues(text) & PLATFORM != 0
}

/// The place of the passwords' and code words' finder among the finders.
const SECRET_FINDER: usize = 27;

/// The place of the finder of user names after a platform's name.
const HANDLE_FINDER: usize = 28;

/// The place of the finder of groups' and servers' names.
const GROUP_FINDER: usize = 29;

/// The place of the finder of a group's name before its platform's.
const NAMED_GROUP_FINDER: usize = 30;

/// The place of the finder of a vehicle's name in quotation marks.
const NAMED_VEHICLE_FINDER: usize = 31;

/// The numbers of national helplines and services, digits only: they
/// identify no one ("Childline 0800 1111", "text Shout 85258").
const PUBLIC_NUMBERS: &[&str] = &[
    "08001111",    // Childline
    "116123",      // Samaritans
    "116111",      // Childline's European number
    "85258",       // Shout, by text
    "08082000247", // National Domestic Abuse Helpline
    "08088005000", // NSPCC Helpline
    "0800555111",  // Crimestoppers
    "08088004444", // Shelter
    "08000684141", // Papyrus HOPELINE247
    "08088010327", // Men's Advice Line
    "03001236600", // FRANK
    "08088020133", // National Gambling Helpline
    "08000121700", // Modern Slavery Helpline
    "08085002222", // Rape Crisis
    "08005999247", // Karma Nirvana
    "02070080151", // Forced Marriage Unit
    "08009995428", // Galop
    "03001233393", // Mind
    "08088002222", // Family Lives
    "08081000900", // Stop It Now
];

/// True when a number found in a text is a national helpline's, written
/// with or without spaces.
pub fn is_public_number(found: &str) -> bool {
    let digits: String = found.chars().filter(char::is_ascii_digit).collect();
    PUBLIC_NUMBERS.contains(&digits.as_str())
}

static FINDERS: LazyLock<Vec<Finder>> = LazyLock::new(|| {
    let b = r"(?-u:\b)";
    let gates: [(usize, Gate); 14] = [
        (0, AT),
        (1, WEB_START),
        (2, DOMAIN_DOT),
        (3, AT),
        (4, PLATFORM),
        (5, PLATFORM),
        (6, SORT_CODE),
        (20, UNDERSCORE),
        (21, PLATFORM),
        (SECRET_FINDER, SECRET),
        (HANDLE_FINDER, PLATFORM),
        (GROUP_FINDER, GROUP),
        (NAMED_GROUP_FINDER, GROUP),
        (NAMED_VEHICLE_FINDER, GROUP),
    ];
    let specs: Vec<(IdentifierKind, String, usize)> = vec![
        (
            IdentifierKind::Email,
            r"(?i)[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}".to_string(),
            0,
        ),
        (
            IdentifierKind::Url,
            r#"(?i)(?:https?://|www\.)[^\s<>"\[\]{}|\\^]+"#.to_string(),
            0,
        ),
        (
            IdentifierKind::Url,
            format!(
                r"(?i){b}[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|co\.uk|org\.uk|org|net|io|me|info|biz|ly|uk)(?:/[^\s<>]*)?{b}"
            ),
            0,
        ),
        (
            IdentifierKind::SocialMedia,
            r"(?:^|[\s(])(@[A-Za-z0-9_]{3,})".to_string(),
            1,
        ),
        (
            // A handle after the platform's name, with a digit, "_" or "."
            // in it so that "via Facebook messenger" names no account.
            IdentifierKind::SocialMedia,
            format!(
                r#"(?i){b}(?:insta(?:gram)?|snap(?:chat)?|tik ?tok|facebook|fb|twitter|whats ?app|telegram|zalo|wechat|weixin|viber|discord|kik|roblox|xbox|psn|steam|twitch|minecraft|fortnite|user|user ?name|handle)(?:(?: (?:account|name|handle|id|username|user))?(?: ?[:\-] ?| )|(?: (?:now|is|was|called) ['‘"“]))(@?[a-z0-9_.]*[0-9_][a-z0-9_.]*[a-z0-9_])"#
            ),
            1,
        ),
        (
            // A handle a few words after the platform's name: "Instagram
            // (she is aga.wrob90)", "Snapchat, her name on it kezza_88".
            // It starts with a letter and holds a digit, "_" or ".".
            IdentifierKind::SocialMedia,
            format!(
                r#"(?i){b}(?:insta(?:gram)?|snap(?:chat)?|tik ?tok|facebook|fb|twitter|whats ?app|telegram|zalo|wechat|weixin|viber|discord|kik){b}[^\n.!?]{{0,30}}?[\s(:'‘"“](@?[a-z][a-z0-9._]*[0-9_.][a-z0-9._]*[a-z0-9_]){b}"#
            ),
            1,
        ),
        (
            IdentifierKind::BankDetails,
            format!(
                r"(?i){b}(?:sort ?code|s/c)\.? ?(?:no\.? ?)?:? ?([0-9]{{2}}[- ][0-9]{{2}}[- ][0-9]{{2}}|[0-9]{{6}}){b}"
            ),
            1,
        ),
        (
            IdentifierKind::VehicleRegistration,
            format!(
                r"{b}[A-Z]{{2}}[0-9]{{2}} ?[A-Z]{{3}}{b}|(?i:{b}(?:reg|registration|vrm|index|plate|number plate|veh|vehicle))\.?:? ?[A-Z]{{2}} [0-9]{{2}} ?[A-Z]{{3}}{b}|{b}[A-Z][A-HJ-Y]Z ?[0-9]{{1,4}}{b}"
            ),
            0,
        ),
        (
            IdentifierKind::Postcode,
            format!(
                r"(?i){b}(?:[A-Z][0-9]{{1,2}}|[A-Z]{{2}}[0-9]{{1,2}}|[A-Z][0-9][A-Z]|[A-Z]{{2}}[0-9][A-Z]) ?[0-9][ABD-HJLNP-UW-Z]{{2}}{b}"
            ),
            0,
        ),
        (
            IdentifierKind::NiNumber,
            format!(r"(?i){b}[A-Z]{{2}} ?[0-9]{{2}} ?[0-9]{{2}} ?[0-9]{{2}} ?[A-DFM]{b}"),
            0,
        ),
        (
            IdentifierKind::Phone,
            // A UK number in any form, or a number abroad with its
            // country's code ("+380 67 000 4172").
            r"(?:(?:\+ ?44|0044) ?(?:\(0\) ?)?[1-9]|\(?0[1-9]|\+ ?[1-9][0-9]{0,2} ?)[0-9 ().-]{6,16}[0-9]"
                .to_string(),
            0,
        ),
        (
            IdentifierKind::NhsNumber,
            format!(r"{b}[0-9]{{3}}[ -]?[0-9]{{3}}[ -]?[0-9]{{4}}{b}"),
            0,
        ),
        (
            IdentifierKind::CollarNumber,
            format!(
                r"{b}(?:PC|PCSO|PS|DC|DS|DI|DCI|WPC|Sgt|Insp|Det|Officer|Constable|Sergeant|Con|Cst|Const)\.? ?#?([0-9]{{2,6}}){b}"
            ),
            1,
        ),
        (
            IdentifierKind::CollarNumber,
            format!(
                r"{b}(?:(?i:paramedic|technician|EMT|ECA|call handler|call taker|dispatcher|crew|staff)|Para|PARA)(?i:(?: (?:no\.?|number|num|id|#))? ?:? ?#?)([0-9]{{3,7}}){b}"
            ),
            1,
        ),
        (
            IdentifierKind::CollarNumber,
            format!(
                r"(?i){b}(?:collar|shoulder|warrant|badge)(?: (?:no\.?|number|num|#))? ?:? ?([0-9]{{2,7}}){b}"
            ),
            1,
        ),
        (
            IdentifierKind::Reference,
            format!(
                r"(?i){b}(?:crime|incident|occurrence|log|cad|storm|niche|hospital|patient|case|mrn|referral|custody|urn|record|file|ref|reference|ticket|claim|tenancy|account|court|interpreter|translator|cpoms|myconcern|mosaic|liquidlogic|carefirst|systmone|emis|share code|share-code|exhibit|receipt|pnr|booking)(?: (?:ref|reference|no\.?|number|num|#|id))*\.? ?[:#(]? ?((?:[A-Z]{{1,4}}[/-]?)?[0-9][A-Z0-9/-]*)"
            ),
            1,
        ),
        (
            IdentifierKind::Reference,
            format!(
                r"{b}(?:[A-Z]{{1,4}}[/-]?)?[0-9]{{2,}}(?:[/-][A-Za-z0-9]+)+{b}|{b}[A-Z]{{1,4}}[0-9]{{5,}}{b}|{b}[0-9]{{6,}}{b}|{b}[A-Z]{{1,4}}-[0-9]{{3,}}{b}"
            ),
            usize::MAX,
        ),
        (
            IdentifierKind::Address,
            format!(
                r"{b}(?:(?:Flat|FLAT|flat|Apartment|Apt|Unit|Room) ?[0-9]+[A-Za-z]?,? )?[0-9]{{1,4}}[A-Za-z]?,? (?:[A-Z][A-Za-z'’-]+ ){{1,3}}{STREET}{b}"
            ),
            0,
        ),
        (
            IdentifierKind::Address,
            format!(r"{b}(?:Flat|FLAT|Apartment|Apt|Room|ROOM|Rm|RM) [0-9]+[A-Za-z]?{b}"),
            0,
        ),
        (
            IdentifierKind::Address,
            format!(
                r"{b}(?:[Nn]o\.|No|(?:[Hh]ouse|[Dd]oor|at) [Nn]umber) ?[0-9]{{1,4}}[A-Za-z]?{b}"
            ),
            0,
        ),
        (
            // A user name by its shape, wherever it stands ("(old one
            // kaz_wisnia09)"): letters joined by "_", with a digit, which
            // no word has (and no field name of the review file).
            IdentifierKind::SocialMedia,
            r#"(?:^|[\s(:'‘"“])(@?[A-Za-z][A-Za-z0-9._]*(?:_[A-Za-z0-9._]*[0-9]|[0-9][A-Za-z0-9._]*_)[A-Za-z0-9_]*)"#.to_string(),
            1,
        ),
        (
            // A gamer tag or user name in joined-up capitals with a number
            // after a platform's name, in the same sentence ("PSN
            // StefGhost07", "plays as KezBabe99", "Xbox: BigzTrap4",
            // "plays Fortnite at night as DaiDraig99").
            IdentifierKind::SocialMedia,
            format!(
                r#"(?i:psn|xbox|gamertag|gamer tag|plays as|playstation|roblox|fortnite|twitch|steam|snap|insta|tiktok|discord)[^\n.!?]{{0,40}}?[\s:'‘"“(]([A-Za-z]*[a-z][A-Z][A-Za-z]*[0-9]{{1,4}}){b}"#
            ),
            1,
        ),
        (
            // The last digits of an account or a card ("sort code
            // 95-08-61, ending ...4417", "card ending 0921").
            IdentifierKind::BankDetails,
            format!(
                r"(?i)(?:{b}(?:account|acc|acct|a/c|card)(?: no\.?| number)?,? (?:ending|ends)(?: in| with)?:? ?\.{{0,3}} ?|{b}(?:ending|ends)(?: in| with)? ?\.{{2,3}} ?)([0-9]{{3,8}}){b}"
            ),
            1,
        ),
        (
            // A number after the label of a record or a document, in any
            // shape, dots and dashes too ("Serial 1523", "CPF
            // 529.982.247-25", "asmens kodas 49503120345").
            IdentifierKind::Reference,
            format!(
                r"(?i){b}(?:serial|occ|inc|cpf|rg|asmens kodas|personal code|upn|scn|seemis(?: id)?|candidate (?:no\.?|number)|pupil (?:no\.?|number|id)|passport(?: no\.?| number)?|h&c(?: no\.?| number)?|hkid|bn\(o\) passport)\.? ?[:#]? ?([0-9](?:[0-9]|[./ -][0-9]){{3,}}|[A-Z]{{1,3}}[0-9]{{4,}}(?:\([0-9A]\))?){b}"
            ),
            1,
        ),
        (
            // A card's or a permit's number in groups: "0561 4478 2290"
            // (an Oyster card), "W4K 7P2 9QX" (a residence permit).
            IdentifierKind::Reference,
            format!(
                r"{b}[0-9]{{4}} [0-9]{{4}} [0-9]{{4}}(?: [0-9]{{4}})?{b}|{b}(?:[A-Z0-9]*[0-9][A-Z0-9]*[A-Z][A-Z0-9]*|[A-Z0-9]*[A-Z][A-Z0-9]*[0-9][A-Z0-9]*) [A-Z0-9]{{3}} [A-Z0-9]*[0-9][A-Z0-9]*{b}"
            ),
            0,
        ),
        (
            // A user name after the label of a school or work system
            // ("C2K snloingsigh427", "login: jbloggs7").
            IdentifierKind::SocialMedia,
            format!(
                r"(?i){b}(?:c2k|glow|user ?name|user ?id|login|log-in|account name)\)?:? ?([a-z][a-z0-9._]*[0-9][a-z0-9._]*){b}"
            ),
            1,
        ),
        (
            // Plates of another country or an older shape after a word
            // that says they are a plate: "Lithuanian plates KTA517",
            // "reg ABC 123D", a part of one: "got part of the reg, \"NX67\"".
            IdentifierKind::VehicleRegistration,
            format!(
                r#"(?i:{b}(?:reg|registration|vrm|plates?|number plate|car|van|vehicle|motorbike|moped|taxi))\.?:?,? ?["'‘“]?([A-Z]{{1,3}} ?[0-9]{{1,4}} ?[A-Z]{{0,3}}){b}"#
            ),
            1,
        ),
        (
            // A password or code word in quotation marks: "collection
            // password 'Mango'", "codeword \"sunflower\" if not safe".
            IdentifierKind::Reference,
            r#"(?i:password|pass word|passcode|codeword|code word|safe word|safeword|passphrase)[^.!?"'‘’“”\n]{0,40}?["'‘“]([^"'’”\n\[]{2,30})["'’”]"#.to_string(),
            1,
        ),        (
            // A user name in lower case right after a platform's name
            // ("Discord jazzykat", "snap: kezzaxo"); words are left out
            // after the search ("snap with friends").
            IdentifierKind::SocialMedia,
            format!(
                r#"(?i:discord|snapchat|snap|insta|instagram|tiktok|tik tok|xbox|psn|roblox|twitch|telegram|kik|whatsapp name)(?: (?i:name|handle|username|user|id|tag|account|gamertag|gamer tag))?:? @?([a-z][a-z0-9._]{{3,29}}){b}"#
            ),
            1,
        ),
        (
            // A group's or a server's name in quotation marks ("Discord
            // server 'Night Owls'", "group chat \"Y9 girlies\"", "a Telegram
            // group, \"The Kingdom\"").
            IdentifierKind::SocialMedia,
            r#"(?i:server|group chat|groupchat|group called|group named|group page|page|group)(?: called| named)?[:,]? ?["'‘“]([^"'’”\n\[]{2,40})["'’”]"#.to_string(),
            1,
        ),
        (
            // A group's name of two words or more before its platform's
            // ("added to Bravo Families Net WhatsApp", "on the School
            // Mums Facebook group").
            IdentifierKind::SocialMedia,
            format!(
                r#"{b}(?:to|on|in|via|from|the) ((?:[A-Z][A-Za-z0-9'’&-]* ){{1,3}}[A-Z][A-Za-z0-9'’&-]*) (?:WhatsApp|Facebook|Messenger|Telegram|Signal|Snapchat)(?-u:\b)"#
            ),
            1,
        ),
        (
            // A vehicle by its name in quotation marks ("drives our
            // minibus 'Lion Rock Express'", "the boat \"Morwenna\"").
            IdentifierKind::VehicleRegistration,
            r#"(?i:minibus|bus|van|boat|lorry|truck)(?: called| named)?:? ?["'‘“]([A-Z][^"'’”\n\[]{1,39})["'’”]"#.to_string(),
            1,
        ),
        (
            // A sort code with its account number and no label ("to our
            // account 60-83-71 / 20417793").
            IdentifierKind::BankDetails,
            format!(r"{b}([0-9]{{2}}-[0-9]{{2}}-[0-9]{{2}}) ?/ ?[0-9]{{8}}{b}"),
            1,
        ),
        (
            // A room or a unit in an address, in lower case too: before
            // the name of its building ("room 6, Harbour View Guest House",
            // "Unit 4, Nethercote Farm") or after the rest of the address
            // ("…, ZZ26 4HB, room 6, from today"). Alone, "room 2" is a
            // meeting room, "Unit 4" a hospital's.
            IdentifierKind::Address,
            format!(r"{b}((?:[Rr]oom|Unit|UNIT|Rm) [0-9]{{1,4}}[A-Za-z]?),? [A-Z][a-z]"),
            1,
        ),
        (
            IdentifierKind::Address,
            format!(r"[A-Za-z0-9], ((?:[Rr]oom|Unit|Rm) [0-9]{{1,4}}[A-Za-z]?){b}"),
            1,
        ),
        (
            // A house by its number with a letter ("their back room at
            // 118A"): no count or time has one.
            IdentifierKind::Address,
            format!(r"{b}(?:at|At|to|from) ([0-9]{{1,4}}[A-H]){b}"),
            1,
        ),
        (
            // "Paramedic L. Scott (3120)", "PC Jo Hart (4471)": a staff
            // number in brackets after the rank and the name.
            IdentifierKind::CollarNumber,
            format!(
                r"{b}(?:(?i:paramedic|technician)|EMT|ECA|Para|PC|PCSO|PS|DC|DS|Sgt) (?:[A-Z]\.? ?){{0,2}}[A-Z][a-z'-]+(?: [A-Z][a-z'-]+)? \(([0-9]{{3,7}}|[A-Z]{{1,2}}[0-9]{{1,4}})\)"
            ),
            1,
        ),
        (
            // "doors fitted to Rooms 1, 3 and 4": the rooms of a house let
            // by the room.
            IdentifierKind::Address,
            format!(r"{b}((?:Rooms|rooms|Flats|flats) [0-9]{{1,4}}[A-Za-z]?(?:, [0-9]{{1,4}}[A-Za-z]?)*,? (?:and|&) [0-9]{{1,4}}[A-Za-z]?){b}"),
            1,
        ),
    ];
    // The gates name their finders by place: of the last ten, two are
    // user names'; then come the account endings, labelled numbers,
    // numbers in groups, system user names and plates after their label,
    // searched in every text, and the passwords and code words, the user
    // names after a platform's name and the groups' names, only where a
    // text may give one; then a sort code with its account number, and
    // last a room's or a unit's number in an address, a house's number
    // with a letter, a staff number in brackets after a name and a list of
    // rooms, in every text.
    debug_assert!(
        specs.len() == 38
            && specs[20].0 == IdentifierKind::SocialMedia
            && specs[21].0 == IdentifierKind::SocialMedia
    );
    // A group of `usize::MAX` marks the whole match of a pattern searched
    // only in tokens.
    specs
        .into_iter()
        .enumerate()
        .map(|(i, (kind, pattern, group))| Finder {
            kind,
            regex: crate::pattern::compile(&pattern).expect("identifier patterns are valid"),
            group: if group == usize::MAX { 0 } else { group },
            in_tokens: group == usize::MAX,
            gate: gates.iter().find(|g| g.0 == i).map(|g| g.1),
        })
        .collect()
});

/// The finders searched in the whole text, by their place in [`ANY`].
static IN_TEXT: LazyLock<Vec<usize>> = LazyLock::new(|| {
    (0..FINDERS.len())
        .filter(|&i| !FINDERS[i].in_tokens && FINDERS[i].gate.is_none())
        .collect()
});

/// One pass that tells which of the finders searched in the whole text
/// have anything to find.
static ANY: LazyLock<RegexSet> = LazyLock::new(|| {
    crate::pattern::compile_set(IN_TEXT.iter().map(|&i| FINDERS[i].regex.as_str()))
        .expect("identifier patterns are valid")
});

/// The stretches of `text` that are runs of ASCII letters, digits, `_`,
/// `/` and `-` with two digits in a row (see [`super::text::token_runs`]).
fn tokens(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    token_runs(text, |a, b| a.is_ascii_digit() && b.is_ascii_digit())
}

thread_local! {
    /// This thread's copies of the finders' patterns and of [`ANY`]: a
    /// copy has its own search memory, so threads anonymising parts of a
    /// chronology never wait for each other.
    static HERE: (Vec<Regex>, RegexSet) =
        (FINDERS.iter().map(|f| f.regex.clone()).collect(), ANY.clone());
}

/// Web sites of public bodies and research that identify no one.
const PUBLIC_SITES: &[&str] = &[
    "gov.uk",
    "www.gov.uk",
    "legislation.gov.uk",
    "www.legislation.gov.uk",
    "scie.org.uk",
    "www.scie.org.uk",
    "nspcc.org.uk",
    "www.nspcc.org.uk",
    "learning.nspcc.org.uk",
    "ofsted.gov.uk",
    "nice.org.uk",
    "www.nice.org.uk",
    "researchinpractice.org.uk",
    "www.researchinpractice.org.uk",
    "nhs.uk",
    "www.nhs.uk",
];

/// The NHS number check: weights 10 to 2 over the first nine digits; 11
/// minus the remainder mod 11 is the tenth (11 counts as 0, 10 never).
pub fn nhs_number_is_valid(digits: &[u32]) -> bool {
    if digits.len() != 10 {
        return false;
    }
    let sum: u32 = digits[..9]
        .iter()
        .zip((2..=10).rev())
        .map(|(d, w)| d * w)
        .sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        c => c,
    };
    check == digits[9]
}

/// The end of the longest run of whole digit groups of a phone number that
/// has the right number of digits, or `None` when there is none.
fn phone_end(text: &str, range: &Range<usize>) -> Option<usize> {
    let s = &text[range.clone()];
    if let Some(rest) = s.strip_prefix('+')
        && !rest.trim_start().starts_with("44")
    {
        return number_abroad_end(rest).map(|end| range.start + 1 + end);
    }
    let (international, body_start) = if let Some(rest) = s.strip_prefix('+') {
        (true, s.len() - rest.trim_start().len() + 2)
    } else if s.starts_with("0044") {
        (true, 4)
    } else {
        (false, 0)
    };
    let mut digits = 0usize;
    let mut best = None;
    let body = &s[body_start..];
    let body = if international {
        // Skip a "(0)" after +44.
        body.trim_start()
            .strip_prefix("(0)")
            .map(|b| b.trim_start())
            .unwrap_or(body)
    } else {
        body
    };
    let offset = s.len() - body.len();
    let wanted: &[usize] = if international { &[9, 10] } else { &[10, 11] };
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            digits += 1;
            let group_ends = chars.get(k + 1).is_none_or(|&(_, n)| !n.is_ascii_digit());
            if group_ends && wanted.contains(&digits) {
                best = Some(range.start + offset + i + 1);
            }
        }
        if digits > 11 {
            break;
        }
    }
    best
}

/// The end, in `digits` (what follows a "+" that is not +44's), of the
/// longest run of whole digit groups with 8 to 15 digits in all (the
/// country's code with the number, as international numbers are).
fn number_abroad_end(digits: &str) -> Option<usize> {
    let mut count = 0usize;
    let mut best = None;
    let bytes = digits.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            count += 1;
            let group_ends = bytes.get(i + 1).is_none_or(|n| !n.is_ascii_digit());
            if group_ends && (8..=15).contains(&count) {
                best = Some(i + 1);
            }
            if count > 15 {
                break;
            }
        }
    }
    best
}

/// Finds every identifier in `text` (already normalised), skipping any
/// whose text the allow-list names. Overlapping finds are all returned;
/// the caller merges them.
pub fn find_identifiers(text: &str, allow: &[String]) -> Vec<Identifier> {
    let mut out = Vec::new();
    find_identifiers_into(text, allow, &mut out);
    out
}

/// Like [`find_identifiers`], into `out` (emptied first).
pub fn find_identifiers_into(text: &str, allow: &[String], out: &mut Vec<Identifier>) {
    out.clear();
    let quick = text
        .bytes()
        .any(|b| b.is_ascii_digit() || b == b'@' || b == b'.' || b == b'_');
    if !quick {
        return;
    }
    HERE.with(|(patterns, any)| find_with(text, allow, patterns, any, out));
}

/// At most this many finders are searched in the whole text (see [`ANY`]).
const MOST_IN_TEXT: usize = 23;

/// True when a token is a section of an Act as records cite it ("s139A",
/// "s23", "S47"): "s", one to three digits, capitals after.
pub(super) fn is_a_section(token: &str) -> bool {
    token.strip_prefix(['s', 'S']).is_some_and(|rest| {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        (1..=3).contains(&digits) && rest[digits..].bytes().all(|b| b.is_ascii_uppercase())
    })
}

/// [`find_identifiers`] with this thread's patterns.
fn find_with(
    text: &str,
    allow: &[String],
    patterns: &[Regex],
    any: &RegexSet,
    out: &mut Vec<Identifier>,
) {
    let mut which = [false; MOST_IN_TEXT];
    let which = &mut which[..any.len()];
    any.matches_read_at(which, text, 0);
    let in_text = (0..which.len()).filter(|&k| which[k]).map(|k| IN_TEXT[k]);
    // Every gate is asked in one pass over the text.
    let passed = cues(text);
    let alone = (0..FINDERS.len()).filter(|&i| {
        FINDERS[i].in_tokens || FINDERS[i].gate.is_some_and(|gate| passed & gate != 0)
    });
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for index in in_text.chain(alone) {
        let finder = &FINDERS[index];
        let pattern = &patterns[index];
        ranges.clear();
        if finder.in_tokens {
            matches_in(pattern, text, tokens(text), &mut ranges);
        } else if finder.group == 0 {
            ranges.extend(pattern.find_iter(text).map(|m| m.range()));
        } else {
            ranges.extend(
                pattern
                    .captures_iter(text)
                    .filter_map(|c| c.get(finder.group).map(|m| m.range())),
            );
        }
        for mut range in ranges.drain(..) {
            let mut doubt = None;
            let found = &text[range.clone()];
            match finder.kind {
                // "at 10A.M." is a time, not a house.
                IdentifierKind::Address
                    if found.ends_with(['A', 'P'])
                        && text[range.end..].starts_with(['.', ' '])
                        && text[range.end..]
                            .trim_start_matches(['.', ' '])
                            .starts_with(['M', 'm']) =>
                {
                    continue;
                }
                IdentifierKind::Url => {
                    let trimmed =
                        found.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'', '"', '’']);
                    range.end = range.start + trimmed.len();
                    let host = trimmed
                        .trim_start_matches("https://")
                        .trim_start_matches("http://")
                        .split('/')
                        .next()
                        .unwrap_or("")
                        .to_lowercase();
                    if PUBLIC_SITES.contains(&host.as_str()) {
                        continue;
                    }
                }
                IdentifierKind::Phone => {
                    if text[..range.start].ends_with(|c: char| c.is_alphanumeric() || c == '/') {
                        continue;
                    }
                    match phone_end(text, &range) {
                        Some(end) => range.end = end,
                        None => continue,
                    }
                    if is_public_number(&text[range.clone()]) {
                        continue;
                    }
                }
                // "case no. 55-1234" is a reference, not house number 55.
                IdentifierKind::Address
                    if !found.starts_with(|c: char| c.is_ascii_digit())
                        && text[range.end..].starts_with(['-', '/'])
                        && text[range.end + 1..].starts_with(|c: char| c.is_ascii_digit()) =>
                {
                    continue;
                }
                IdentifierKind::NhsNumber => {
                    let digits: Vec<u32> = found.chars().filter_map(|c| c.to_digit(10)).collect();
                    if !nhs_number_is_valid(&digits) {
                        doubt = Some("ten digits like an NHS number, but the check digit fails");
                    }
                }
                // "the Police Scotland Facebook page": a national body's
                // page, not a group.
                IdentifierKind::SocialMedia
                    if index == NAMED_GROUP_FINDER
                        && (crate::agency_kind::is_national_body(found)
                            || super::lists::field_lists()
                                .fixed_term_end(found, 0)
                                .is_some_and(|end| end == found.len())
                            || found
                                .split(' ')
                                .all(|w| super::lists::field_lists().is_public_name(w))) =>
                {
                    continue;
                }
                // "snap with friends": a word after a platform's name is
                // no user name.
                IdentifierKind::SocialMedia
                    if index == HANDLE_FINDER && {
                        let lower = found.to_lowercase();
                        super::words::is_word(&lower)
                            || super::words::in_larger_dictionary(&lower)
                            || super::words::is_vocabulary(found)
                            || super::lists::field_lists().is_public_name(found)
                    } =>
                {
                    continue;
                }
                // "FB group Y10": a short token with no "@" or "_" is no
                // account name.
                IdentifierKind::SocialMedia
                    if !found.starts_with('@')
                        && !found.contains('_')
                        && found.chars().count() < 5 =>
                {
                    continue;
                }
                // A password or code word is one in any shape.
                IdentifierKind::Reference if index == SECRET_FINDER => {}
                IdentifierKind::Reference => {
                    let token = found.trim_end_matches(['/', '-']);
                    range.end = range.start + token.len();
                    // "court (C100 listed…)", "FL401": a form of the field.
                    if super::lists::field_lists().is_abbreviation(token) {
                        continue;
                    }
                    let digits = token.chars().filter(char::is_ascii_digit).count();
                    let long_run = token
                        .split(|c: char| !c.is_ascii_digit())
                        .any(|run| run.len() >= 3);
                    let lettered = token.chars().any(|c| c.is_ascii_alphabetic());
                    // After a label ("case no. 55-1234") two numbers with a
                    // dash are a reference; without one, a span ("10-12").
                    let labelled = finder.group != 0 && finder.group != usize::MAX;
                    // An exhibit is numbered after its officer's initials
                    // ("exhibit BRB/1"): those initials name them.
                    let exhibit = labelled
                        && text[..range.start]
                            .trim_end()
                            .to_ascii_lowercase()
                            .ends_with("exhibit")
                        && token.split_once('/').is_some_and(|(initials, number)| {
                            (2..=4).contains(&initials.len())
                                && initials.bytes().all(|b| b.is_ascii_uppercase())
                                && !number.is_empty()
                                && number.bytes().all(|b| b.is_ascii_digit())
                        });
                    // "booking ref QX7HRT": after a label, letters and a
                    // digit mixed, as a booking's or a ticket's code is.
                    let mixed_code = labelled
                        && token.len() >= 5
                        && digits >= 1
                        && token.bytes().filter(u8::is_ascii_alphabetic).count() >= 2
                        && token
                            .bytes()
                            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
                    if !exhibit && !mixed_code && (digits < 3 || !(long_run || lettered))
                        // "CPOMS #2014": a number after "#" is no year, nor
                        // a police log's number before its day ("Log 1932
                        // of 10/08").
                        || (looks_like_a_date_or_span(token, labelled)
                            && !(labelled
                                && (text[..range.start].ends_with('#')
                                    || is_a_log_day(&text[range.end..]))))
                    {
                        continue;
                    }
                    if text[..range.start].ends_with(['£', '$', '€']) {
                        continue;
                    }
                    // "Youth Court: s139A guilty plea": a section of an Act.
                    if is_a_section(token) {
                        continue;
                    }
                    if finder.group == 0 {
                        doubt = Some("a number shaped like a reference");
                    }
                }
                _ => {}
            }
            if range.is_empty() {
                continue;
            }
            let found = &text[range.clone()];
            if allow.iter().any(|a| a.eq_ignore_ascii_case(found)) {
                continue;
            }
            out.push(Identifier {
                range,
                kind: finder.kind,
                doubt,
            });
        }
    }
    out.sort_by_key(|i| (i.range.start, std::cmp::Reverse(i.range.end)));
}

/// "03/04/2021", "2019/20", "2019-2021", "10-12": not references.
fn looks_like_a_date_or_span(token: &str, labelled: bool) -> bool {
    let year = token.len() == 4
        && token
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y));
    // "MAR-24-0117" reads as 24 March of the year 117: a part of four
    // digits or more that is no year of the records makes no date.
    let no_year = token.split(['/', '-', '.']).any(|p| {
        p.len() >= 4
            && p.bytes().all(|b| b.is_ascii_digit())
            && !p.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
    });
    if year
        || (!no_year
            && token.contains(['/', '-', '.'])
            && crate::dates::parse_agency_date(token).is_ok())
    {
        return true;
    }
    let parts: Vec<&str> = token.split(['/', '-']).collect();
    let year = |p: &&str| p.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
    parts.len() == 2
        && parts
            .iter()
            .all(|p| p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
        && (!labelled || parts.iter().all(year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plate_after_its_vehicle_a_code_word_and_a_call_sign_after_a_paramedic() {
        for (text, what) in [
            ("His car JMN482E found on the road.", "JMN482E"),
            ("His car JMN 482E found on the road.", "JMN 482E"),
            // A code word a few words after its label.
            (
                "Code word to her mum by text - \"puffin\" = ring the police.",
                "puffin",
            ),
            (
                "Paramedic T. Kewin (W21) / ECA Lucy Faragher attended.",
                "W21",
            ),
        ] {
            let found: Vec<&str> = find_identifiers(text, &[])
                .into_iter()
                .map(|i| &text[i.range])
                .collect();
            assert_eq!(found, [what], "{text}");
        }
    }

    #[test]
    fn a_booking_code_of_letters_and_a_digit_after_a_label_is_found() {
        has(
            "booked January (booking ref QX7HRT), paid by",
            "QX7HRT",
            IdentifierKind::Reference,
        );
        has("Ticket ref: AB12CD.", "AB12CD", IdentifierKind::Reference);
        has(
            "return e-tickets (PNR 9TQH4L). Liberty",
            "9TQH4L",
            IdentifierKind::Reference,
        );
        has(
            "booking 6KX2QM (BHX to",
            "6KX2QM",
            IdentifierKind::Reference,
        );
        // Short codes, small letters and words are not codes.
        for text in [
            "case ref Y6 class",
            "record PHQ9 score",
            "ref Tuesday2",
            "booking 3 sessions",
            "booking 2024 holiday",
        ] {
            assert!(
                !found(text)
                    .iter()
                    .any(|(_, k)| *k == IdentifierKind::Reference),
                "{text}: {:?}",
                found(text)
            );
        }
    }

    #[test]
    fn an_interpreters_number_and_a_reference_that_starts_like_a_month_are_found() {
        has(
            "assessment with Pashto interpreter (PS-031). Account of",
            "PS-031",
            IdentifierKind::Reference,
        );
        has(
            "Interpreter PS-031 (Zabihullah Noori)",
            "PS-031",
            IdentifierKind::Reference,
        );
        has(
            "MARAC today, ref MAR-24-0117. Actions",
            "MAR-24-0117",
            IdentifierKind::Reference,
        );
        has(
            "Zalo ID tuananh88.",
            "tuananh88",
            IdentifierKind::SocialMedia,
        );
    }

    #[test]
    fn handles_named_after_their_platform_and_vehicle_registrations_are_found() {
        use IdentifierKind::{SocialMedia, VehicleRegistration};
        has("via Insta shivvy_b96 - advised", "shivvy_b96", SocialMedia);
        has("friend (Insta: jolene.x.88).", "jolene.x.88", SocialMedia);
        has(
            "Snapchat account dpritch_91 messaging",
            "dpritch_91",
            SocialMedia,
        );
        has("TikTok: kez_88", "kez_88", SocialMedia);
        has(
            "in contact w/ Roblox user xTankx_UK, moved to Discord",
            "xTankx_UK",
            SocialMedia,
        );
        has(
            "monitors her Instagram (she is aga.wrob90).",
            "aga.wrob90",
            SocialMedia,
        );
        has(
            "Snapchat, her name on it is kezza88 now",
            "kezza88",
            SocialMedia,
        );
        has("Threats via Snap (shazzy.b).", "shazzy.b", SocialMedia);
        has("Plays as StefGhost07 on PSN.", "StefGhost07", SocialMedia);
        has(
            "He plays Fortnite at night as DaiDraig99 'to stay awake'.",
            "DaiDraig99",
            SocialMedia,
        );
        has(
            "His gamertag on the Xbox club list is DaiDraig99 - asked him",
            "DaiDraig99",
            SocialMedia,
        );
        has(
            "Bank acct 12345678 sort code 20-45-67.",
            "20-45-67",
            IdentifierKind::BankDetails,
        );
        has("s/c 204567 given", "204567", IdentifierKind::BankDetails);
        has(
            "repaid to our account 60-83-71 / 20417793, ref",
            "60-83-71",
            IdentifierKind::BankDetails,
        );
        assert!(
            find_identifiers("Scores 20-45-67 across the three visits", &[])
                .iter()
                .all(|i| i.kind != IdentifierKind::BankDetails)
        );
        // Every platform the pattern names passes the gate that lets the
        // pattern be searched.
        for platform in [
            "Insta",
            "Instagram",
            "SNAP",
            "Snapchat",
            "TikTok",
            "Tik Tok",
            "Facebook",
            "FB",
            "Twitter",
            "WhatsApp",
            "Whats App",
            "Telegram",
            "Discord",
            "Kik",
            "username",
            "User name",
            "handle",
        ] {
            let text = format!("{platform}: kez_88");
            assert!(names_a_platform(&text), "{text}");
            has(&text, "kez_88", SocialMedia);
        }
        has("YK19XBN parked outside", "YK19XBN", VehicleRegistration);
        has("a silver Astra LR68 TWU.", "LR68 TWU", VehicleRegistration);
        // Letters a registration never has (I, Q) are still taken: a
        // mistyped or invented plate identifies as much.
        has("His van CP68QXW outside", "CP68QXW", VehicleRegistration);
        has("Land Rover CU09 QHM.", "CU09 QHM", VehicleRegistration);
        has(
            "man in black Audi, Lithuanian plates KTA517 - not known",
            "KTA517",
            VehicleRegistration,
        );
        has("reg ABC 123D seen twice", "ABC 123D", VehicleRegistration);
        for ordinary in [
            "messaged via Facebook messenger",
            "Insta account closed",
            "PHQ9 ABC",
            "GAD7 score",
            "CP plan, ICPC 12 May",
            "seen at 14:30 by SW",
        ] {
            assert!(
                found(ordinary)
                    .iter()
                    .all(|(_, k)| !matches!(k, SocialMedia | VehicleRegistration)),
                "{ordinary}: {:?}",
                found(ordinary)
            );
        }
    }

    #[test]
    fn the_finders_searched_in_the_whole_text_fit_their_buffer() {
        assert!(ANY.len() <= MOST_IN_TEXT && !ANY.is_empty());
    }

    fn found(text: &str) -> Vec<(&str, IdentifierKind)> {
        find_identifiers(text, &[])
            .into_iter()
            .map(|i| (&text[i.range], i.kind))
            .collect()
    }

    fn has(text: &str, what: &str, kind: IdentifierKind) {
        let f = found(text);
        assert!(f.contains(&(what, kind)), "{what:?} as {kind:?} in {f:?}");
    }

    /// Random text from pieces that make and break references.
    fn random_text(rng: &mut fastrand::Rng) -> String {
        const PIECES: &[&str] = &[
            "12", "3", "2021", "/", "-", "_", " ", ".", ",", "CR", "AB", "x", "Zoë", "ref",
            "004417", "1234567", "\u{a0}", "é", "NB", "(", ")", "\n", "O'", "99",
        ];
        crate::anonymise::text::text_of_pieces(rng, PIECES, 0..40)
    }

    #[test]
    fn searching_tokens_alone_finds_what_searching_the_text_finds() {
        let mut rng = fastrand::Rng::with_seed(11);
        let mut found = 0;
        for _ in 0..20_000 {
            let text = random_text(&mut rng);
            for finder in FINDERS.iter().filter(|f| f.in_tokens) {
                let whole: Vec<Range<usize>> =
                    finder.regex.find_iter(&text).map(|m| m.range()).collect();
                let mut in_tokens = Vec::new();
                matches_in(&finder.regex, &text, tokens(&text), &mut in_tokens);
                assert_eq!(whole, in_tokens, "{text:?}");
                found += whole.len();
            }
        }
        assert!(found > 5_000, "the texts hold references: {found}");
    }

    #[test]
    fn a_text_that_fails_a_finders_gate_has_nothing_for_it() {
        const PIECES: &[&str] = &[
            "@", "www.", "WwW.", "http://", "HTTPS://", "ſ", ".com", ".Uk", ".CO.UK", ".org",
            ".io", ".ME", ".ly", ".biz", ".info", ".net", "x", "rose", "9", " ", ".", "/", "-",
            "_", ":", "é", "K",
        ];
        let mut rng = fastrand::Rng::with_seed(13);
        let (mut shut, mut found) = (0, 0);
        for _ in 0..20_000 {
            let text = crate::anonymise::text::text_of_pieces(&mut rng, PIECES, 0..10);
            for finder in FINDERS.iter() {
                let Some(gate) = finder.gate else { continue };
                let matches = finder.regex.find_iter(&text).count();
                found += matches;
                if cues(&text) & gate == 0 {
                    shut += 1;
                    assert_eq!(matches, 0, "{text:?}");
                }
            }
        }
        assert!(shut > 10_000 && found > 10_000, "{shut} {found}");
    }

    #[test]
    fn phone_numbers_in_every_form() {
        for (text, phone) in [
            ("Mobile 07700 900123 today", "07700 900123"),
            ("call 07700900123.", "07700900123"),
            ("tel: +44 7700 900123", "+44 7700 900123"),
            ("on +44 (0)7700 900 123 or", "+44 (0)7700 900 123"),
            ("(0161) 496-0000 ext", "(0161) 496-0000"),
            ("0161 496 0000 x", "0161 496 0000"),
            ("0044 20 7946 0018", "0044 20 7946 0018"),
            ("rang 07700 900123 2 times", "07700 900123"),
        ] {
            has(text, phone, IdentifierKind::Phone);
        }
        assert!(
            found("on 01.02.2021 at 10:00")
                .iter()
                .all(|f| f.1 != IdentifierKind::Phone)
        );
    }

    #[test]
    fn nhs_numbers_with_and_without_a_valid_check_digit() {
        assert!(nhs_number_is_valid(&[9, 4, 3, 4, 7, 6, 5, 9, 1, 9]));
        let ids = find_identifiers("NHS no 943 476 5919 and 9434765918", &[]);
        let nhs: Vec<_> = ids
            .iter()
            .filter(|i| i.kind == IdentifierKind::NhsNumber)
            .collect();
        assert_eq!(nhs.len(), 2);
        assert!(nhs[0].doubt.is_none());
        assert!(nhs[1].doubt.is_some());
    }

    #[test]
    fn postcodes_ni_numbers_emails_and_web_addresses() {
        has("lives at NE1 4ST now", "NE1 4ST", IdentifierKind::Postcode);
        has("postcode ne14st.", "ne14st", IdentifierKind::Postcode);
        has("SW1A 1AA", "SW1A 1AA", IdentifierKind::Postcode);
        // An area no postcode has ("ZZ"), as test and invented data write.
        has("Scarthwell ZZ7 4QT.", "ZZ7 4QT", IdentifierKind::Postcode);
        has(
            "NI AB 12 34 56 C ok",
            "AB 12 34 56 C",
            IdentifierKind::NiNumber,
        );
        has("NI: ab123456c", "ab123456c", IdentifierKind::NiNumber);
        // Any prefix, the ones HMRC never issues and temporary ones too: a
        // record's number is personal data whether or not it is valid.
        for ni in [
            "QQ123456C",
            "QQ 12 34 56 C",
            "ZZ123456D",
            "TN 31 12 58 F",
            "GB 12 34 56 A",
        ] {
            has(&format!("NINO {ni} noted"), ni, IdentifierKind::NiNumber);
        }
        has(
            "email rose.k99@example.com.",
            "rose.k99@example.com",
            IdentifierKind::Email,
        );
        has(
            "see https://facebook.com/rose.k.",
            "https://facebook.com/rose.k",
            IdentifierKind::Url,
        );
        has(
            "profile www.example.co.uk/x",
            "www.example.co.uk/x",
            IdentifierKind::Url,
        );
        has("on (@rosie_k99)", "@rosie_k99", IdentifierKind::SocialMedia);
        has(
            "his Snap now 'lc.08x'.",
            "lc.08x",
            IdentifierKind::SocialMedia,
        );
        assert!(found("messaged on Snap now 5pm").is_empty());
        assert!(found("see https://www.gov.uk/guidance").is_empty());
    }

    #[test]
    fn shapes_of_northern_ireland_scotland_and_abroad() {
        has("Con 7736 McKEOWN", "7736", IdentifierKind::CollarNumber);
        has("Serial 1523 of 12/10/24", "1523", IdentifierKind::Reference);
        has("Inc 2451 of 07/02", "2451", IdentifierKind::Reference);
        has(
            "(passport FZ482913, CPF 529.982.247-25)",
            "529.982.247-25",
            IdentifierKind::Reference,
        );
        has(
            "asmens kodas 49503120345",
            "49503120345",
            IdentifierKind::Reference,
        );
        has(
            "Year 11, C2K snloingsigh427. PE teacher",
            "snloingsigh427",
            IdentifierKind::SocialMedia,
        );
        has(
            "sort code 95-08-61, ending ...4417. Sanction",
            "4417",
            IdentifierKind::BankDetails,
        );
        has("card ending 0921", "0921", IdentifierKind::BankDetails);
        assert!(found("Youth Court: s139A guilty plea").is_empty());
        has(
            "his van KQZ 2186 seen there",
            "KQZ 2186",
            IdentifierKind::VehicleRegistration,
        );
        // A child in need since March 2017 is no car.
        let f = found("open as CIN 03/17-07/17, closed");
        assert!(
            !f.iter()
                .any(|(_, k)| *k == IdentifierKind::VehicleRegistration),
            "{f:?}"
        );
    }

    #[test]
    fn addresses_collar_and_reference_numbers() {
        has(
            "visited 17 Quillon Walk today",
            "17 Quillon Walk",
            IdentifierKind::Address,
        );
        has(
            "Flat 2, 17 Quillon Walk",
            "Flat 2, 17 Quillon Walk",
            IdentifierKind::Address,
        );
        has(
            "moved to no. 27 last week",
            "no. 27",
            IdentifierKind::Address,
        );
        // A room in a hotel or a hostel is a home's number too.
        has(
            "moved rooms to Rm 108 at the hotel",
            "Rm 108",
            IdentifierKind::Address,
        );
        has("vacate Apt 4B by Friday", "Apt 4B", IdentifierKind::Address);
        has("PC 4471 attended", "4471", IdentifierKind::CollarNumber);
        has("collar number 4471", "4471", IdentifierKind::CollarNumber);
        has(
            "Paramedic L. Scott (3120)",
            "3120",
            IdentifierKind::CollarNumber,
        );
        has(
            "PC Jo Hart (4471) attended",
            "4471",
            IdentifierKind::CollarNumber,
        );
        has("Para 3390 LEWIS", "3390", IdentifierKind::CollarNumber);
        // A paragraph of the rules is no paramedic's number.
        assert!(find_identifiers("a fresh claim (para 353)", &[]).is_empty());
        has(
            "Paramedic 2968 attended",
            "2968",
            IdentifierKind::CollarNumber,
        );
        has(
            "call handler no. 30417",
            "30417",
            IdentifierKind::CollarNumber,
        );
        has(
            "case no. 55-1234 opened",
            "55-1234",
            IdentifierKind::Reference,
        );
        has(
            "crime ref CR/012345/21 raised",
            "CR/012345/21",
            IdentifierKind::Reference,
        );
        has("Log 0345 of the day", "0345", IdentifierKind::Reference);
        has(
            "hospital number A1234567",
            "A1234567",
            IdentifierKind::Reference,
        );
        has(
            "ref NB-2021-004417",
            "NB-2021-004417",
            IdentifierKind::Reference,
        );
        // Dates, year spans and money are not references.
        assert!(
            found("on 03/04/2021 in 2019/20 for £250000")
                .iter()
                .all(|f| f.1 != IdentifierKind::Reference)
        );
        assert!(found("took 2 children to the park").is_empty());
    }
}
