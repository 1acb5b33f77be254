//! Letters without their diacritics, as records written on different
//! keyboards spell one name: "Zoë" and "Zoe", "Müller" and "Mueller".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The text without diacritics: "Zoë" → "Zoe", "Łukasz" → "Lukasz",
/// "Søren" → "Soren", "Straße" → "Strasse".
pub fn fold(text: &str) -> String {
    // ASCII has no diacritics, and decomposes to itself.
    if text.is_ascii() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'Ł' => out.push('L'),
            'ł' => out.push('l'),
            'Ø' => out.push('O'),
            'ø' => out.push('o'),
            'Đ' | 'Ð' => out.push('D'),
            'đ' | 'ð' => out.push('d'),
            'ß' => out.push_str("ss"),
            'Æ' => out.push_str("AE"),
            'æ' => out.push_str("ae"),
            'Œ' => out.push_str("OE"),
            'œ' => out.push_str("oe"),
            'ı' => out.push('i'),
            'Þ' => out.push_str("Th"),
            'þ' => out.push_str("th"),
            'Ħ' => out.push('H'),
            'ħ' => out.push('h'),
            c => out.push(c),
        }
    }
    out
}

/// The German way of writing umlauts without them: "Müller" → "Mueller".
pub(crate) fn fold_umlauts(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.nfc() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'Ä' => out.push_str("Ae"),
            'Ö' => out.push_str("Oe"),
            'Ü' => out.push_str("Ue"),
            c => out.push(c),
        }
    }
    fold(&out)
}
