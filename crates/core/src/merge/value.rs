//! Field-by-field merge of one record (or of the review's details) written
//! as a JSON value: objects field by field, text line by line, lists of
//! ids and keyed lists as sets, lists of text item by item; whatever both
//! sides changed differently is a conflict that keeps our value.

use serde_json::{Map, Value};

use super::keyed::{Presence, merge_keyed, unique_keys};
use super::text::{Hunk, merge_sequences, merge_text};
use crate::model::{Id, MergeConflict};

/// Lists of ids (and of names) whose order does not matter: merged as sets.
const SETS: &[&str] = &[
    "entries",
    "people",
    "findings",
    "reveal",
    "aliases",
    "reviewers",
    "allow",
];

/// Lists whose order is their meaning (a named loop's variables, in loop
/// order): taken from the side that changed them, a conflict when both did.
const ORDERED: &[&str] = &["variables"];

/// A value as a conflict shows it: text as it is, anything else as JSON.
pub(super) fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// True for the values a review file leaves out as empty.
fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.values().all(is_empty),
        Value::Number(_) => false,
    }
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

/// The merge of the fields of one record, collecting its conflicts.
pub(super) struct FieldMerge<'c> {
    /// The record merged (`None` for the review's details).
    pub record: Option<Id>,
    /// False for a merge without a common ancestor: every difference is a
    /// conflict.
    pub three_way: bool,
    /// Where conflicts go.
    pub conflicts: &'c mut Vec<MergeConflict>,
}

impl FieldMerge<'_> {
    /// Records a conflict at `path` and keeps our value.
    fn conflict(
        &mut self,
        path: &str,
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        self.conflicts.push(MergeConflict {
            record: self.record.clone(),
            field: path.to_string(),
            base: base.map(shown),
            ours: ours.map(shown),
            theirs: theirs.map(shown),
        });
        ours.cloned()
    }

    /// The merged value at `path` (field `name`); `None` when it is absent
    /// from the merge.
    pub(super) fn merge(
        &mut self,
        path: &str,
        name: &str,
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        if ours == theirs {
            return ours.cloned();
        }
        if self.three_way {
            if base == ours {
                return theirs.cloned();
            }
            if base == theirs {
                return ours.cloned();
            }
            // A part a file leaves out when empty (a mindset, the sensitive
            // attributes) counts as empty in the ancestor.
            if base.is_none() {
                if ours.is_none_or(is_empty) {
                    return theirs.cloned();
                }
                if theirs.is_none_or(is_empty) {
                    return ours.cloned();
                }
            }
        } else if !matches!(
            (ours, theirs),
            (Some(Value::Object(_)), Some(Value::Object(_)))
        ) {
            // Without an ancestor, field by field: each difference a conflict.
            return self.conflict(path, None, ours, theirs);
        }
        let empty = Value::Object(Map::new());
        match (ours, theirs) {
            (Some(Value::Object(_)), None | Some(Value::Object(_)))
            | (None, Some(Value::Object(_))) => {
                let o = ours.unwrap_or(&empty).as_object()?;
                let t = theirs.unwrap_or(&empty).as_object()?;
                let b = base.and_then(Value::as_object);
                let keys: Vec<String> = o
                    .keys()
                    .chain(t.keys().filter(|k| !o.contains_key(*k)))
                    .cloned()
                    .collect();
                let mut out = Map::new();
                for key in keys {
                    let child = self.merge(
                        &join(path, &key),
                        &key,
                        b.and_then(|b| b.get(&key)),
                        o.get(&key),
                        t.get(&key),
                    );
                    if let Some(child) = child {
                        out.insert(key, child);
                    }
                }
                if out.is_empty() && (ours.is_none() || theirs.is_none()) {
                    None
                } else {
                    Some(Value::Object(out))
                }
            }
            (Some(Value::String(o)), Some(Value::String(t))) => {
                let b = base.and_then(Value::as_str).unwrap_or("");
                match merge_text(b, o, t) {
                    Some(text) => Some(Value::String(text)),
                    None => self.conflict(path, base, ours, theirs),
                }
            }
            (Some(Value::Array(o)), Some(Value::Array(t))) => {
                let none = Vec::new();
                let b = base.and_then(Value::as_array).unwrap_or(&none);
                let mark = self.conflicts.len();
                match self.merge_list(path, name, b, o, t) {
                    Some(list) => Some(Value::Array(list)),
                    None => {
                        // The whole list is the conflict, not its items.
                        self.conflicts.truncate(mark);
                        self.conflict(path, base, ours, theirs)
                    }
                }
            }
            _ => self.conflict(path, base, ours, theirs),
        }
    }

    /// Merges two edits of a list, or `None` when it must be taken whole
    /// (a conflict).
    fn merge_list(
        &mut self,
        path: &str,
        name: &str,
        base: &[Value],
        ours: &[Value],
        theirs: &[Value],
    ) -> Option<Vec<Value>> {
        if ORDERED.contains(&name) {
            return None;
        }
        let all = || base.iter().chain(ours).chain(theirs);
        let field_key = |field: &'static str| {
            all()
                .all(|v| v.get(field).is_some_and(Value::is_string))
                .then_some(field)
        };
        if let Some(field) = field_key("id").or_else(|| field_key("item")) {
            let key = |v: &Value| {
                v.get(field)
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string()
            };
            return self.merge_set(path, base, ours, theirs, key);
        }
        let strings = all().all(Value::is_string);
        if strings && SETS.contains(&name) {
            return self.merge_set(path, base, ours, theirs, shown);
        }
        if strings {
            return self.merge_text_list(path, base, ours, theirs);
        }
        if base.len() == ours.len() && base.len() == theirs.len() {
            let mut out = Vec::with_capacity(ours.len());
            for (i, ((b, o), t)) in base.iter().zip(ours).zip(theirs).enumerate() {
                let item = self.merge(&format!("{path}[{i}]"), "", Some(b), Some(o), Some(t));
                out.push(item.unwrap_or_else(|| o.clone()));
            }
            return Some(out);
        }
        self.merge_set(path, base, ours, theirs, Value::to_string)
    }

    /// Merges lists of keyed items: what each side added and deleted, and
    /// the items both kept merged field by field.
    fn merge_set(
        &mut self,
        path: &str,
        base: &[Value],
        ours: &[Value],
        theirs: &[Value],
        key: impl Fn(&Value) -> String,
    ) -> Option<Vec<Value>> {
        if ![base, ours, theirs].iter().all(|l| unique_keys(l, &key)) {
            return None;
        }
        Some(merge_keyed(Some(base), ours, theirs, key, |k, presence| {
            let at = format!("{path}[{k}]");
            match presence {
                Presence::Both { base, ours, theirs } => {
                    self.merge(&at, "", base, Some(ours), Some(theirs))
                }
                Presence::OursOnly { base: None, ours } => Some(ours.clone()),
                Presence::OursOnly {
                    base: Some(b),
                    ours,
                } => {
                    if b == ours {
                        None
                    } else {
                        self.conflict(&at, Some(b), Some(ours), None)
                    }
                }
                Presence::TheirsOnly { base: None, theirs } => Some(theirs.clone()),
                Presence::TheirsOnly {
                    base: Some(b),
                    theirs,
                } => {
                    if b != theirs {
                        self.conflict(&at, Some(b), None, Some(theirs));
                    }
                    None
                }
            }
        }))
    }

    /// Merges lists of text (questions, references) item by item: an item
    /// both sides rewrote is merged line by line.
    fn merge_text_list(
        &mut self,
        path: &str,
        base: &[Value],
        ours: &[Value],
        theirs: &[Value],
    ) -> Option<Vec<Value>> {
        let mut out = Vec::with_capacity(ours.len().max(theirs.len()));
        for hunk in merge_sequences(base, ours, theirs)? {
            match hunk {
                Hunk::Merged(items) => out.extend(items),
                Hunk::Conflict { base, ours, theirs }
                    if base.len() == 1 && ours.len() == 1 && theirs.len() == 1 =>
                {
                    let at = format!("{path}[{}]", out.len());
                    let item = match (base[0].as_str(), ours[0].as_str(), theirs[0].as_str()) {
                        (Some(b), Some(o), Some(t)) => merge_text(b, o, t).map(Value::String),
                        _ => None,
                    };
                    match item {
                        Some(item) => out.push(item),
                        None => {
                            self.conflict(&at, Some(&base[0]), Some(&ours[0]), Some(&theirs[0]));
                            out.push(ours[0].clone());
                        }
                    }
                }
                Hunk::Conflict { .. } => return None,
            }
        }
        Some(out)
    }
}
