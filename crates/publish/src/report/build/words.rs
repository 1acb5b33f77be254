//! Every word the report writes comes from its template: a section's own
//! `labels`, then the template's, then the built-in templates' words for
//! the same key. Counts choose their form by number (`KEY_none`, when the
//! template has one, for none; `KEY_one`; `KEY_many`), so that no sentence
//! reads "recorded in no entries".

use super::Context;
use crate::report::template::{SectionTemplate, words_for};

impl Context<'_> {
    /// The words for `key`: `section`'s own, the template's, the built-in
    /// section's, the built-in template's; the key itself when none has it
    /// (a test keeps every key the report asks for in the built-in
    /// templates).
    pub(super) fn label_of(&self, section: Option<&SectionTemplate>, key: &str) -> String {
        words_for(section, Some(self.template), key).unwrap_or_else(|| key.to_string())
    }

    /// `n` in words, from the template's `numbers` ("no, one, two, …"), or
    /// in figures past the end of that list.
    pub(super) fn number(&self, n: usize) -> String {
        self.label_of(None, "numbers")
            .split(',')
            .map(str::trim)
            .nth(n)
            .filter(|w| !w.is_empty())
            .map_or_else(|| n.to_string(), str::to_string)
    }

    /// True when the template or the built-in ones have words for `key`.
    fn has_label(&self, section: Option<&SectionTemplate>, key: &str) -> bool {
        words_for(section, Some(self.template), key).is_some()
    }

    /// The words for `key` with each `{name}` of `args` filled, and no
    /// other placeholder.
    pub(super) fn words_with(
        &self,
        section: Option<&SectionTemplate>,
        key: &str,
        args: &[(&str, &str)],
    ) -> String {
        let mut text = self.label_of(section, key);
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// [`Self::words_with`], then the template's own placeholders
    /// (`{partnership}`, `{child}`…) filled.
    pub(super) fn say(
        &self,
        section: Option<&SectionTemplate>,
        key: &str,
        args: &[(&str, &str)],
    ) -> String {
        self.fill(&self.words_with(section, key, args))
    }

    /// A count of `n`: the words for `KEY_none` (when there are such) for
    /// none, `KEY_one` for one and `KEY_many` otherwise, with `{n}` the
    /// number in words and `{count}` in figures.
    pub(super) fn count_of(
        &self,
        section: Option<&SectionTemplate>,
        key: &str,
        n: usize,
        args: &[(&str, &str)],
    ) -> String {
        let none = format!("{key}_none");
        let form = match n {
            0 if self.has_label(section, &none) => none,
            1 => format!("{key}_one"),
            _ => format!("{key}_many"),
        };
        let (words, figures) = (self.number(n), n.to_string());
        let mut all: Vec<(&str, &str)> = vec![("n", &words), ("count", &figures)];
        all.extend_from_slice(args);
        self.words_with(section, &form, &all)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use crate::report::template::{ReportTemplate, default_template_label};

    /// Every key the report's builder asks for, read from its source: the
    /// literal keys of `say`, `words_with`, `count_of`, `words` and
    /// `label_of` calls, those the `*_key` functions return, and those of
    /// `*_KEYS` lists.
    fn keys_asked_for() -> (BTreeSet<String>, BTreeSet<String>) {
        let sources = [
            include_str!("../build.rs"),
            include_str!("account.rs"),
            include_str!("appendices.rs"),
            include_str!("finding_map.rs"),
            include_str!("findings.rs"),
            include_str!("practice.rs"),
            include_str!("rapid.rs"),
        ];
        let call = regex::Regex::new(
            r#"\b(say|words_with|count_of|words|label_of)\(\s*(?:None|s|Some\(section\)|section),\s*"([a-z]+(?:_[a-z]+)*)""#,
        )
        .unwrap();
        let returned = regex::Regex::new(r#"=>\s*"([a-z]+(?:_[a-z]+)+)""#).unwrap();
        let listed = regex::Regex::new(r#"const [A-Z_]+_KEYS[^=]*=\s*\[([^\]]*)\]"#).unwrap();
        let literal = regex::Regex::new(r#""([a-z]+(?:_[a-z]+)+)""#).unwrap();
        let (mut plain, mut counted) = (BTreeSet::new(), BTreeSet::new());
        for source in sources {
            for c in call.captures_iter(source) {
                if &c[1] == "count_of" {
                    counted.insert(c[2].to_string());
                } else {
                    plain.insert(c[2].to_string());
                }
            }
            for c in returned.captures_iter(source) {
                plain.insert(c[1].to_string());
            }
            for list in listed.captures_iter(source) {
                for c in literal.captures_iter(&list[1]) {
                    plain.insert(c[1].to_string());
                }
            }
        }
        (plain, counted)
    }

    fn built_in_has(key: &str) -> bool {
        default_template_label(key).is_some()
            || ReportTemplate::built_in_names()
                .into_iter()
                .filter_map(ReportTemplate::built_in)
                .flat_map(|t| t.sections)
                .any(|s| s.labels.contains_key(key))
    }

    #[test]
    fn the_built_in_templates_hold_every_word_the_report_asks_for() {
        let (plain, counted) = keys_asked_for();
        assert!(plain.len() > 80, "{plain:?}");
        assert!(counted.len() >= 7, "{counted:?}");
        for key in &plain {
            assert!(built_in_has(key), "no built-in words for \"{key}\"");
        }
        for key in &counted {
            for form in ["one", "many"] {
                let key = format!("{key}_{form}");
                assert!(built_in_has(&key), "no built-in words for \"{key}\"");
            }
        }
    }
}
