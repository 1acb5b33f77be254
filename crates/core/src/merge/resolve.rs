//! Resolving a conflict a merge left in a review: our value, theirs, or
//! one written by hand goes into the field (or the record, or the review's
//! details) and the conflict leaves `meta.conflicts`, as one undoable
//! change. A value that would leave the review with a problem it did not
//! have (a reference to a record that is gone, a value of the wrong kind)
//! is refused, and the review stays as it was.

use serde_json::Value;

use crate::edit::{Change, Edit, delete_record};
use crate::model::{Id, Record, RecordKind, Review};
use crate::taxonomy::Taxonomy;
use crate::validate::validate;

/// Which value a resolution takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Our value (the one the review holds meanwhile).
    Mine,
    /// The other copy's value.
    Theirs,
    /// A value written by hand.
    Edited(String),
}

impl Resolution {
    /// The undo label of resolving a conflict at `place` this way.
    pub fn label(&self, place: &str) -> String {
        match self {
            Resolution::Mine => format!("Take mine for {place}"),
            Resolution::Theirs => format!("Take theirs for {place}"),
            Resolution::Edited(_) => format!("Edit {place}"),
        }
    }
}

/// The change that resolves the conflict at `index` of the review's
/// conflicts: the value chosen goes into the field (or the record, or the
/// review details) and the conflict is removed, as one undoable step.
pub fn resolve(review: &Review, index: usize, how: &Resolution) -> Result<Change, String> {
    let conflict = review
        .meta
        .conflicts
        .get(index)
        .ok_or_else(|| "that conflict is already resolved".to_string())?;
    let value = match how {
        Resolution::Mine => conflict.ours.clone(),
        Resolution::Theirs => conflict.theirs.clone(),
        Resolution::Edited(text) => Some(text.clone()),
    };
    let label = how.label(&conflict.place());
    let mut meta = review.meta.clone();
    meta.conflicts.remove(index);
    let mut edits = Vec::new();
    match &conflict.record {
        None => {
            let mut details = serde_json::to_value(&meta).map_err(|e| e.to_string())?;
            if let Some(object) = details.as_object_mut() {
                object.remove("conflicts");
            }
            let details = with_value(&details, &conflict.field, value.as_deref(), |v| {
                let mut details: crate::model::ReviewMeta =
                    serde_json::from_value(v).map_err(|e| e.to_string())?;
                details.conflicts = meta.conflicts.clone();
                Ok(details)
            })?;
            edits.push(Edit::SetMeta(Box::new(details)));
        }
        Some(id) => {
            edits.extend(record_edits(review, id, &conflict.field, value.as_deref())?);
            edits.push(Edit::SetMeta(Box::new(meta)));
        }
    }
    let change = Change::many(label, edits);
    refuse_new_problems(review, &change)?;
    Ok(change)
}

/// An error naming the first problem the change would bring into the
/// review (one it does not have now), if any.
fn refuse_new_problems(review: &Review, change: &Change) -> Result<(), String> {
    let mut after = review.clone();
    change
        .clone()
        .apply(&mut after)
        .map_err(|e| e.to_string())?;
    let taxonomy = Taxonomy::built_in(&review.meta.taxonomy);
    let problems = |r: &Review| -> Vec<String> {
        validate(r, taxonomy.as_ref())
            .iter()
            .map(|p| p.to_string())
            .collect()
    };
    let before = problems(review);
    match problems(&after).into_iter().find(|p| !before.contains(p)) {
        Some(problem) => Err(format!(
            "that value would leave the review with a problem: {problem}"
        )),
        None => Ok(()),
    }
}

/// The edits that put `value` at `field` of the record `id` (the whole
/// record when `field` is empty; `None` leaves it out).
fn record_edits(
    review: &Review,
    id: &Id,
    field: &str,
    value: Option<&str>,
) -> Result<Vec<Edit>, String> {
    let kind = review
        .kind_of(id)
        .or_else(|| kind_from_id(id))
        .ok_or_else(|| format!("cannot tell what kind of record {id} is"))?;
    let variant = format!("{kind:?}");
    let wrap = |inner: Value| -> Result<Record, String> {
        let mut object = serde_json::Map::new();
        object.insert(variant.clone(), inner);
        serde_json::from_value(Value::Object(object)).map_err(|e| e.to_string())
    };
    if field.is_empty() {
        return match value {
            None => Ok(delete_record(review, id).map_or_else(Vec::new, |c| c.edits)),
            Some(text) => {
                let inner: Value = serde_json::from_str(text)
                    .map_err(|e| format!("the value is not a {}: {e}", kind.label()))?;
                let record = wrap(inner)?;
                if record.id() != id {
                    return Err(format!("the value is not the record {id}"));
                }
                Ok(vec![Edit::Put(record)])
            }
        };
    }
    let record = review
        .record(id)
        .ok_or_else(|| format!("{id} is not in the review any more"))?;
    let wrapped = serde_json::to_value(&record).map_err(|e| e.to_string())?;
    let inner = wrapped
        .as_object()
        .and_then(|o| o.values().next().cloned())
        .unwrap_or(Value::Null);
    let record = with_value(&inner, field, value, wrap)?;
    Ok(vec![Edit::Put(record)])
}

/// The kind of a record from its id's prefix (`PL3` a place, `P3` a
/// person), for a record our copy no longer has.
fn kind_from_id(id: &Id) -> Option<RecordKind> {
    let text = id.as_str();
    RecordKind::ALL
        .iter()
        .copied()
        .filter(|kind| {
            text.strip_prefix(kind.prefix())
                .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
        })
        .max_by_key(|kind| kind.prefix().len())
}

/// `current` with `text` put at `path` (left out when `None`), made into
/// a `T` by `build`. Text goes in as text where the field holds text, and
/// otherwise as the JSON it is written in (falling back to text).
fn with_value<T>(
    current: &Value,
    path: &str,
    text: Option<&str>,
    build: impl Fn(Value) -> Result<T, String>,
) -> Result<T, String> {
    let Some(text) = text else {
        let mut changed = current.clone();
        set_at(&mut changed, path, None)?;
        return build(changed);
    };
    let existing = get_at(current, path);
    let mut candidates = Vec::new();
    if !matches!(existing, Some(Value::String(_)))
        && let Ok(json) = serde_json::from_str::<Value>(text)
    {
        candidates.push(json);
    }
    candidates.push(Value::String(text.to_string()));
    let mut last_error = String::new();
    for candidate in candidates {
        let mut changed = current.clone();
        set_at(&mut changed, path, Some(candidate))?;
        match build(changed) {
            Ok(built) => return Ok(built),
            Err(e) => last_error = e,
        }
    }
    Err(format!("that value does not fit {path}: {last_error}"))
}

/// The keys an item of a list may be known by in a conflict's field:
/// its position, its id, its item, or the item itself.
fn item_keys(index: usize, item: &Value) -> Vec<String> {
    let mut keys = vec![index.to_string()];
    for field in ["id", "item"] {
        if let Some(key) = item.get(field).and_then(Value::as_str) {
            keys.push(key.to_string());
        }
    }
    if let Value::String(text) = item {
        keys.push(text.clone());
    }
    keys.push(item.to_string());
    keys
}

/// True when `rest` is empty or goes on into a field or an item.
fn at_boundary(rest: &str) -> bool {
    rest.is_empty() || rest.starts_with('.') || rest.starts_with('[')
}

/// The step `path` takes into `node`: the child's key or position, and the
/// path left after it (without its leading dot).
enum Step<'p> {
    Field(String, &'p str),
    Item(usize, &'p str),
}

fn step<'p>(node: &Value, path: &'p str) -> Option<Step<'p>> {
    let after = |rest: &'p str| rest.strip_prefix('.').unwrap_or(rest);
    match node {
        Value::Object(object) => object
            .keys()
            .filter(|key| {
                path.strip_prefix(key.as_str())
                    .is_some_and(|rest| !key.is_empty() && at_boundary(rest))
            })
            .max_by_key(|key| key.len())
            .map(|key| Step::Field(key.clone(), after(&path[key.len()..]))),
        Value::Array(items) => {
            let inside = path.strip_prefix('[')?;
            items.iter().enumerate().find_map(|(i, item)| {
                item_keys(i, item).into_iter().find_map(|key| {
                    let rest = inside.strip_prefix(key.as_str())?.strip_prefix(']')?;
                    at_boundary(rest).then(|| Step::Item(i, after(rest)))
                })
            })
        }
        _ => None,
    }
}

fn get_at<'v>(node: &'v Value, path: &str) -> Option<&'v Value> {
    if path.is_empty() {
        return Some(node);
    }
    match step(node, path)? {
        Step::Field(key, rest) => get_at(node.get(&key)?, rest),
        Step::Item(i, rest) => get_at(node.get(i)?, rest),
    }
}

/// Puts `value` at `path` within `node`, or takes out what is there when
/// `value` is `None`. A field or item neither copy's value names is added.
fn set_at(node: &mut Value, path: &str, value: Option<Value>) -> Result<(), String> {
    if path.is_empty() {
        *node = value.unwrap_or(Value::Null);
        return Ok(());
    }
    match step(node, path) {
        Some(Step::Field(key, rest)) => {
            let object = node.as_object_mut().ok_or("not a record")?;
            if rest.is_empty() && value.is_none() {
                object.remove(&key);
                return Ok(());
            }
            let child = object.get_mut(&key).ok_or("no such field")?;
            set_at(child, rest, value)
        }
        Some(Step::Item(i, rest)) => {
            let items = node.as_array_mut().ok_or("not a list")?;
            if rest.is_empty() && value.is_none() {
                items.remove(i);
                return Ok(());
            }
            set_at(&mut items[i], rest, value)
        }
        None => match node {
            // A field our copy leaves out (empty): add it.
            Value::Object(object) if !path.starts_with('[') => {
                let end = path.find(['.', '[']).unwrap_or(path.len());
                let (key, rest) = (&path[..end], &path[end..]);
                let rest = rest.strip_prefix('.').unwrap_or(rest);
                if rest.is_empty() {
                    if let Some(value) = value {
                        object.insert(key.to_string(), value);
                    }
                    return Ok(());
                }
                let child = if rest.starts_with('[') {
                    Value::Array(Vec::new())
                } else {
                    Value::Object(serde_json::Map::new())
                };
                let child = object.entry(key.to_string()).or_insert(child);
                set_at(child, rest, value)
            }
            // An item only their copy has: add it; one only ours has and
            // they left out is gone already.
            Value::Array(items) if path.starts_with('[') && path.ends_with(']') => {
                if let Some(value) = value {
                    items.push(value);
                }
                Ok(())
            }
            Value::Null => {
                *node = Value::Object(serde_json::Map::new());
                set_at(node, path, value)
            }
            _ => Err(format!("cannot find {path}")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge::merge;

    fn conflicting() -> (Review, Review) {
        let base = crate::examples::worked_case();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        ours.factors[0].statement = "Mine".into();
        theirs.factors[0].statement = "Theirs".into();
        ours.meta.title = "Our title".into();
        theirs.meta.title = "Their title".into();
        let merged = merge(&base, &ours, &theirs).review;
        (merged, theirs)
    }

    #[test]
    fn each_resolution_puts_its_value_and_removes_the_conflict() {
        let (merged, theirs) = conflicting();
        assert_eq!(merged.meta.conflicts.len(), 2);
        for how in [
            Resolution::Mine,
            Resolution::Theirs,
            Resolution::Edited("Both".into()),
        ] {
            for i in 0..2 {
                let mut review = merged.clone();
                let conflict = review.meta.conflicts[i].clone();
                resolve(&review, i, &how)
                    .unwrap()
                    .apply(&mut review)
                    .unwrap();
                assert_eq!(review.meta.conflicts.len(), 1);
                assert!(!review.meta.conflicts.contains(&conflict));
                let (value, theirs_value) = if conflict.record.is_some() {
                    (&review.factors[0].statement, &theirs.factors[0].statement)
                } else {
                    (&review.meta.title, &theirs.meta.title)
                };
                match &how {
                    Resolution::Mine => assert_eq!(Some(value), conflict.ours.as_ref()),
                    Resolution::Theirs => assert_eq!(value, theirs_value),
                    Resolution::Edited(text) => assert_eq!(value, text),
                }
            }
        }
    }

    #[test]
    fn a_record_deleted_on_one_side_is_kept_or_deleted() {
        let base = crate::examples::worked_case();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        let id = ours.factors[0].id.clone();
        ours.factors[0].evidence = "More evidence".into();
        let edits = delete_record(&theirs, &id).unwrap();
        edits.apply(&mut theirs).unwrap();
        let merged = merge(&base, &ours, &theirs).review;
        let i = merged
            .meta
            .conflicts
            .iter()
            .position(|c| c.record.as_ref() == Some(&id) && c.field.is_empty())
            .expect("a deleted-versus-edited conflict");
        let mut kept = merged.clone();
        resolve(&kept, i, &Resolution::Mine)
            .unwrap()
            .apply(&mut kept)
            .unwrap();
        assert_eq!(kept.factors[0].evidence, "More evidence");
        let mut gone = merged.clone();
        resolve(&gone, i, &Resolution::Theirs)
            .unwrap()
            .apply(&mut gone)
            .unwrap();
        assert!(gone.record(&id).is_none());
        assert!(!gone.links.iter().any(|l| l.from == id || l.to == id));
    }

    #[test]
    fn a_value_that_would_make_the_review_invalid_is_refused() {
        let base = crate::examples::worked_case();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        ours.links[0].note = "Ours".into();
        theirs.links[0].note = "Theirs".into();
        ours.links[0].from = base.factors[1].id.clone();
        theirs.links[0].from = base.factors[2].id.clone();
        let merged = merge(&base, &ours, &theirs).review;
        let i = merged
            .meta
            .conflicts
            .iter()
            .position(|c| c.field == "from")
            .unwrap_or_else(|| panic!("{:#?}", merged.meta.conflicts));
        // A record no review holds, written by hand.
        let error = resolve(&merged, i, &Resolution::Edited("F999".into())).unwrap_err();
        assert!(
            error.starts_with("that value would leave the review with a problem:")
                && error.contains("F999"),
            "{error}"
        );
        // A value of the wrong kind for the field.
        let error = resolve(&merged, i, &Resolution::Edited("{\"x\": 1}".into())).unwrap_err();
        assert!(!error.is_empty());
        // Theirs is fine.
        assert!(resolve(&merged, i, &Resolution::Theirs).is_ok());
    }

    #[test]
    fn paths_reach_fields_and_items_by_key() {
        let mut value = serde_json::json!({
            "a": {"b": "x"},
            "list": [{"id": "V1", "x": 1}, {"id": "V2", "x": 2}],
            "questions": ["q0", "q1"],
        });
        set_at(&mut value, "a.b", Some(Value::String("y".into()))).unwrap();
        set_at(&mut value, "list[V2].x", Some(serde_json::json!(5))).unwrap();
        set_at(&mut value, "questions[1]", Some(Value::String("Q1".into()))).unwrap();
        set_at(&mut value, "list[V1]", None).unwrap();
        set_at(&mut value, "new.deep", Some(Value::Bool(true))).unwrap();
        assert_eq!(
            value,
            serde_json::json!({
                "a": {"b": "y"},
                "list": [{"id": "V2", "x": 5}],
                "questions": ["q0", "Q1"],
                "new": {"deep": true},
            })
        );
        assert_eq!(kind_from_id(&Id::from("PL3")), Some(RecordKind::Place));
        assert_eq!(kind_from_id(&Id::from("P3")), Some(RecordKind::Person));
    }
}
