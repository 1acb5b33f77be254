//! Dates written in other languages' forms or other calendars, which the
//! English date patterns do not read: a Vietnamese date of birth ("ngày 03
//! tháng 10 năm 2009"), a Chinese or Japanese one ("2009年10月3日"), an
//! Islamic or Afghan and Iranian solar date ("3 Rabi al-Awwal 1410", "Jadi
//! 1400"), a Hebrew one ("15 Shevat 5785", "25 Adar") and a year of those
//! calendars alone ("year 1394", "1437 AH").
//! Each dates a person as exactly as a written day does: it is removed, not
//! coarsened, since no month of the review's calendar can be told from it
//! without converting.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// The months of the Islamic calendar, as written in English records.
const HIJRI_MONTHS: &str = r"Muharram|Safar|Rabi[‘'ʿ’]?\s?(?:al|ul|as)?[- ]?(?:Awwal|Awal|Thani|Akhir|Akhar)|Jumada\s?(?:al|ul)?[- ]?(?:Ula|Oula|Awwal|Akhirah|Akhira|Thani)|Rajab|Sha[‘'ʿ’]?ban|Ramadan|Ramadhan|Shawwal|Dhu\s?al[- ]?(?:Qi[‘'ʿ’]?dah|Qa[‘'ʿ’]?dah|Hijjah)|Zul[- ]?(?:Qadah|Hijjah)";

/// The months of the Afghan (Dari and Pashto) and Iranian solar calendars.
const SOLAR_MONTHS: &str = r"Hamal|Sawr|Saur|Jawza|Jauza|Saratan|Asad|Sonbola|Sunbula|Mizan|Aqrab|Qaws|Jadi|Dalw|Hoot|Hut|Farvardin|Ordibehesht|Khordad|Tir|Mordad|Shahrivar|Mehr|Aban|Azar|Dey|Bahman|Esfand";

/// The months in Irish, as Irish-medium schools and families write them.
const IRISH_MONTHS: &str = r"Eanáir|Eanair|Feabhra|Márta|Marta|Aibreán|Aibrean|Bealtaine|Meitheamh|Iúil|Iuil|Lúnasa|Lunasa|Meán Fómhair|Mean Fomhair|Deireadh Fómhair|Deireadh Fomhair|Samhain|Nollaig";

/// The months in Welsh, as Welsh-medium schools, chapels and families
/// write them ("3 Mawrth 2025", "2 Mai 2011"), with their mutated forms
/// after a number ("2 Fai").
pub(crate) const WELSH_MONTHS: &str = r"Ionawr|Chwefror|Mawrth|Ebrill|Mai|Fai|Mehefin|Fehefin|Gorffennaf|Orffennaf|Awst|Medi|Fedi|Hydref|Tachwedd|Dachwedd|Rhagfyr";

/// The months in Portuguese and Spanish, after "de" ("9 de março de 1995").
const IBERIAN_MONTHS: &str = r"janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|marzo|mayo|junio|julio|septiembre|setiembre|octubre|noviembre|diciembre";

/// The months in French, German, Dutch, Italian, Romanian and Polish (its
/// genitive, as a date writes it), read only between a day and a year
/// ("DOB 27 avril 1983", "1er mars 2001", "12. März 2010"), so that "3
/// Mars bars" and a Welsh "2 Mai" keep their own readings.
const EUROPEAN_MONTHS: &str = r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|januar|februar|märz|maerz|juni|juli|oktober|dezember|januari|februari|maart|mei|augustus|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|wrzesnia|października|pazdziernika|listopada|grudnia";

/// The months of the Ethiopian and Eritrean (Ge'ez) calendar, as they are
/// transliterated.
const ETHIOPIAN_MONTHS: &str = r"Meskerem|Meskarem|Tikimt|Tikemt|Teqemt|Tiqimt|Hidar|Hedar|Tahsas|Tahesas|Ter|Tirr|Yekatit|Yakatit|Megabit|Magabit|Miyazya|Miazia|Ginbot|Genbot|Sene|Senie|Hamle|Hamlie|Nehase|Nehasse|Pagume|Pagumen";

/// The months of the Hebrew calendar, as Orthodox Jewish families and
/// their schools transliterate them; "Av" and "Nissan" (also a word and a
/// make of car) are read only with a year or, for "Av", after a day.
const HEBREW_MONTHS: &str = r"Tishrei|Tishri|Cheshvan|Marcheshvan|Heshvan|Kislev|Teves|Tevet|Shevat|Shvat|Sh'vat|Adar(?: (?:I|II|Aleph|Alef|Bet|Beis|Sheni|Rishon))?|Nisan|Iyar|Iyyar|Sivan|Tammuz|Tamuz|Menachem Av|Elul";

/// Every written form, one alternative each.
static OTHER_CALENDAR_DATES: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(&format!(
        concat!(
            // Vietnamese: "ngày 03 tháng 10 năm 2009", "tháng 10 năm 2009".
            r"(?i:(?:ngày\s+\d{{1,2}}\s+)?tháng\s+\d{{1,2}}(?:\s+năm\s+\d{{4}})?)",
            // Chinese and Japanese: "2009年10月3日", "10月3号".
            r"|\d{{4}}\s*年(?:\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*[日号號])?)?",
            r"|\d{{1,2}}\s*月\s*\d{{1,2}}\s*[日号號]",
            // An Islamic or solar month with a year of those calendars,
            // and the day before it when written.
            r"|\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{hijri}|{solar})\s+1[34]\d\d\b",
            // Irish: "22 Meitheamh 2022"; Portuguese and Spanish: "9 de
            // março de 1995", "9 de março".
            r"|\b\d{{1,2}}\s+(?:{irish})(?:\s+\d{{4}})?\b",
            // Welsh: "3 Mawrth 2025", "2il Mai 2011", "2 Fai".
            r"|\b\d{{1,2}}(?:af|ail|il|ydd|edd|fed|ed)?\s+(?:{welsh})(?:\s+\d{{4}})?\b",
            r"|\b\d{{1,2}}\s+(?i:de)\s+(?i:{iberian})(?:\s+(?i:de)\s+\d{{4}})?\b",
            // French, German, Dutch, Italian, Romanian, Polish: "27 avril
            // 1983", "1er mars 2001", "12. März 2010".
            r"|\b\d{{1,2}}(?:er|\.)?\s+(?i:{european})\s+\d{{4}}\b",
            // Ethiopian and Eritrean: "5 Megabit 2001", "Tahsas 1999"
            // (seven or eight years behind).
            r"|\b(?:\d{{1,2}}\s+)?(?:{ethiopian})\s+(?:19|20)\d\d\b",
            // Hebrew: "15 Shevat 5785", "25 Adar", "9 Av", "Nissan 5784".
            r"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{hebrew}|Av)(?:\s+5[67]\d\d)?\b",
            r"|\b(?:{hebrew}|Av|Nissan)\s+5[67]\d\d\b",
            // A year of those calendars by itself: "year 1394", "1437 AH".
            r"|\b(?i:year|yr)\s+1[34]\d\d\b",
            r"|\b1[34]\d\d\s*(?:(?:AH|SH|HS)\b|A\.H\.|S\.H\.|H\.S\.)",
        ),
        hijri = HIJRI_MONTHS,
        solar = SOLAR_MONTHS,
        irish = IRISH_MONTHS,
        welsh = WELSH_MONTHS,
        iberian = IBERIAN_MONTHS,
        european = EUROPEAN_MONTHS,
        ethiopian = ETHIOPIAN_MONTHS,
        hebrew = HEBREW_MONTHS,
    ))
    .expect("the other calendars' date pattern is valid")
});

/// True when a text may hold such a date: it has a year of 13xx or 14xx,
/// Vietnamese "tháng" or a Chinese date sign. Most texts have none, and the
/// pattern is not run on them.
fn may_hold(text: &str) -> bool {
    let bytes = text.as_bytes();
    let year = memchr::memchr_iter(b'1', bytes).any(|i| {
        bytes.get(i + 1..i + 4).is_some_and(|w| {
            (w[0] == b'3' || w[0] == b'4') && w[1].is_ascii_digit() && w[2].is_ascii_digit()
        }) && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit())
    });
    year || has_a_cue(text)
}

/// True when `text` holds Vietnamese "tháng", a Chinese date sign, " de ",
/// an Irish month's name, or a Welsh month's name as a word of its own
/// ("Mawrth", not "Medical"): all looked for in one pass.
fn has_a_cue(text: &str) -> bool {
    /// The cues, the Welsh months' names last (from the number given).
    static CUES: LazyLock<(aho_corasick::AhoCorasick, usize)> = LazyLock::new(|| {
        let mut cues = vec!["tháng", "THÁNG", "月", "年", " de "];
        cues.extend(IRISH_MONTHS.split('|'));
        let welsh = cues.len();
        cues.extend(WELSH_MONTHS.split('|'));
        cues.extend(ETHIOPIAN_MONTHS.split('|'));
        cues.extend([
            "Tishrei", "Tishri", "Cheshvan", "Heshvan", "Kislev", "Teves", "Tevet",
        ]);
        cues.extend([
            "Shevat", "Shvat", "Sh'vat", "Adar", "Nisan", "Nissan", "Iyar", "Iyyar",
        ]);
        cues.extend(["Sivan", "Tammuz", "Tamuz", "Av", "Elul"]);
        // The European months, as written in lower case, capitalised or
        // in capitals, each a word of its own as the Welsh ones are.
        let european: Vec<String> = EUROPEAN_MONTHS
            .split('|')
            .flat_map(|month| {
                let mut chars = month.chars();
                let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
                [
                    month.to_string(),
                    first.unwrap_or_default() + chars.as_str(),
                    month.to_uppercase(),
                ]
            })
            .collect();
        cues.extend(european.iter().map(String::as_str));
        // Every text is scanned for them: the DFA is the fastest to scan
        // with, and these short words keep it small.
        let automaton = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(cues)
            .expect("the calendars' cues make an automaton");
        (automaton, welsh)
    });
    let (automaton, welsh) = &*CUES;
    let bytes = text.as_bytes();
    automaton.find_overlapping_iter(text).any(|m| {
        if m.pattern().as_usize() < *welsh {
            return true;
        }
        let before = m.start().checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(m.end()).copied();
        before.is_none_or(|b| !b.is_ascii_alphanumeric())
            && after.is_none_or(|b| !b.is_ascii_alphanumeric() && b < 0x80)
    })
}

/// Where the dates of other languages and calendars are written in `text`.
pub fn other_calendar_dates(text: &str) -> Vec<Range<usize>> {
    if !may_hold(text) {
        return Vec::new();
    }
    OTHER_CALENDAR_DATES
        .find_iter(text)
        .filter(|m| m.as_str().bytes().any(|b| b.is_ascii_digit()))
        .map(|m| m.range())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        other_calendar_dates(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn vietnamese_dates_are_found() {
        assert_eq!(
            found("Giấy khai sinh: ngày 03 tháng 10 năm 2009, Hải Phòng"),
            ["ngày 03 tháng 10 năm 2009"]
        );
        assert_eq!(found("sinh tháng 5 năm 2012"), ["tháng 5 năm 2012"]);
    }

    #[test]
    fn european_dates_between_a_day_and_a_year_are_found() {
        assert_eq!(found("DOB 27 avril 1983 (27/04/1983)"), ["27 avril 1983"]);
        assert_eq!(found("né le 1er Mars 2001"), ["1er Mars 2001"]);
        assert_eq!(found("geboren am 12. MÄRZ 2010"), ["12. MÄRZ 2010"]);
        assert_eq!(found("urodzona 3 września 2015"), ["3 września 2015"]);
        assert!(found("ate 3 Mars bars in 2019").is_empty());
    }

    #[test]
    fn hebrew_dates_are_found_and_a_month_alone_is_not() {
        assert_eq!(
            found("Call on 15 Shevat 5785 from father; born 25 Adar 5770."),
            ["15 Shevat 5785", "25 Adar 5770"]
        );
        assert_eq!(
            found("His Hebrew birthday on 25 Adar - nobody"),
            ["25 Adar"]
        );
        assert_eq!(
            found("Fast of 9 Av; bris 14 Cheshvan"),
            ["9 Av", "14 Cheshvan"]
        );
        assert_eq!(found("Pesach, Nissan 5784."), ["Nissan 5784"]);
        for text in [
            "Hit him in Elul, everybody gets it.",
            "Owns 2 Nissan cars.",
            "Rosh Chodesh Adar",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn welsh_dates_are_found_and_a_month_alone_is_not() {
        assert_eq!(
            found("Dydd Llun 3 Mawrth 2025. Siôn yn hwyr eto"),
            ["3 Mawrth 2025"]
        );
        assert_eq!(found("ganwyd 2 Mai 2011 yn Wrecsam"), ["2 Mai 2011"]);
        assert!(found("Eisteddfod ym mis Mai, tymor Medi-Hydref").is_empty());
    }

    #[test]
    fn chinese_dates_are_found() {
        assert_eq!(found("出生 2009年10月3日 in Fujian"), ["2009年10月3日"]);
        assert_eq!(found("born 10月3号"), ["10月3号"]);
    }

    #[test]
    fn islamic_and_solar_dates_are_found() {
        assert_eq!(
            found("DOB 04.10.1989 (3 Rabi al-Awwal 1410 on her Syrian ID)"),
            ["3 Rabi al-Awwal 1410"]
        );
        assert_eq!(found("born 'in the snow, in Jadi 1400'"), ["Jadi 1400"]);
        assert_eq!(found("'15 Rajab 1443' on the paper"), ["15 Rajab 1443"]);
        assert_eq!(found("tazkira says year 1394 only"), ["year 1394"]);
        assert_eq!(found("born 1437 AH"), ["1437 AH"]);
    }

    #[test]
    fn ethiopian_dates_are_found() {
        assert_eq!(
            found("gives his birth as 5 Megabit 2001 in our calendar"),
            ["5 Megabit 2001"]
        );
        assert_eq!(found("born in Tahsas 1999 E.C."), ["Tahsas 1999"]);
        assert!(found("Sene is her aunt; Hamle visited").is_empty());
    }

    #[test]
    fn irish_portuguese_and_spanish_dates_are_found() {
        assert_eq!(
            found("Ruby-Leigh (d.b. 22 Meitheamh 2022) settling in"),
            ["22 Meitheamh 2022"]
        );
        assert_eq!(
            found("nascido em 9 de março de 1995, Goiânia"),
            ["9 de março de 1995"]
        );
        assert_eq!(found("a festa de 12 de Junio"), ["12 de Junio"]);
    }

    #[test]
    fn ordinary_numbers_and_months_are_not_dates() {
        assert!(found("Ramadan 2025: iftar at the mosque").is_empty());
        assert!(found("Year 9 pupil, 1394 pupils on roll, Ramadan started").is_empty());
        assert!(found("seen at 1400 hrs, Tir Na Nog nursery").is_empty());
        assert!(found("Safar and Rajab are months").is_empty());
    }
}
