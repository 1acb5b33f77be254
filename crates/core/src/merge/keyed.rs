//! Merging lists whose items have keys (records by id, diagram nodes by
//! the record they place, cast aliases by their text): what each side
//! added, deleted and kept, in an order both sides would recognise.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// Where an item of a keyed list is found.
pub(super) enum Presence<'a, T> {
    /// On both sides (and perhaps in the ancestor).
    Both {
        /// The ancestor's item.
        base: Option<&'a T>,
        /// Ours.
        ours: &'a T,
        /// Theirs.
        theirs: &'a T,
    },
    /// Only in our copy.
    OursOnly {
        /// The ancestor's item (they deleted it) or `None` (we added it).
        base: Option<&'a T>,
        /// Ours.
        ours: &'a T,
    },
    /// Only in their copy.
    TheirsOnly {
        /// The ancestor's item (we deleted it) or `None` (they added it).
        base: Option<&'a T>,
        /// Theirs.
        theirs: &'a T,
    },
}

/// True when every key of `items` is different.
pub(super) fn unique_keys<T, K: Eq + Hash>(items: &[T], key: &impl Fn(&T) -> K) -> bool {
    let mut seen = HashSet::with_capacity(items.len());
    items.iter().all(|item| seen.insert(key(item)))
}

/// Merges keyed lists (keys must be unique within each list): `decide`
/// says what the merge keeps of each key, or `None` to leave it out.
///
/// The order is our copy's, with what they added placed after the item it
/// follows in their copy; what they added at the end of their list comes
/// at the end. When we kept the ancestor's order and they changed it,
/// theirs is followed instead, with what we added placed the same way.
pub(super) fn merge_keyed<'a, T, K, F>(
    base: Option<&'a [T]>,
    ours: &'a [T],
    theirs: &'a [T],
    key: impl Fn(&T) -> K,
    mut decide: F,
) -> Vec<T>
where
    K: Eq + Hash + Clone,
    F: FnMut(&K, Presence<'a, T>) -> Option<T>,
{
    let index = |items: &'a [T]| -> HashMap<K, &'a T> {
        items.iter().map(|item| (key(item), item)).collect()
    };
    let base_index = base.map(index).unwrap_or_default();
    let ours_index = index(ours);
    let theirs_index = index(theirs);

    let theirs_first = base.is_some_and(|base| {
        let common = |items: &[T]| -> Vec<K> {
            items
                .iter()
                .map(&key)
                .filter(|k| {
                    base_index.contains_key(k)
                        && ours_index.contains_key(k)
                        && theirs_index.contains_key(k)
                })
                .collect()
        };
        let in_base = common(base);
        common(ours) == in_base && common(theirs) != in_base
    });
    let (primary, secondary, primary_index) = if theirs_first {
        (theirs, ours, &theirs_index)
    } else {
        (ours, theirs, &ours_index)
    };

    // The primary side's items, each kept or not.
    let mut kept: Vec<(K, Option<T>)> = Vec::with_capacity(primary.len());
    for item in primary {
        let k = key(item);
        let b = base_index.get(&k).copied();
        let other = if theirs_first {
            ours_index.get(&k)
        } else {
            theirs_index.get(&k)
        };
        let presence = match (other, theirs_first) {
            (Some(&o), false) => Presence::Both {
                base: b,
                ours: item,
                theirs: o,
            },
            (Some(&o), true) => Presence::Both {
                base: b,
                ours: o,
                theirs: item,
            },
            (None, false) => Presence::OursOnly {
                base: b,
                ours: item,
            },
            (None, true) => Presence::TheirsOnly {
                base: b,
                theirs: item,
            },
        };
        let value = decide(&k, presence);
        kept.push((k, value));
    }

    // The secondary side's own items, anchored after the nearest item
    // before them that the primary side has, or at the end.
    let only: Vec<bool> = secondary
        .iter()
        .map(|item| !primary_index.contains_key(&key(item)))
        .collect();
    let tail_from = only.iter().rposition(|o| !o).map_or(0, |i| i + 1);
    let mut front = Vec::new();
    let mut after: HashMap<K, Vec<T>> = HashMap::new();
    let mut tail = Vec::new();
    let mut anchor: Option<K> = None;
    for (i, item) in secondary.iter().enumerate() {
        let k = key(item);
        if !only[i] {
            anchor = Some(k);
            continue;
        }
        let b = base_index.get(&k).copied();
        let presence = if theirs_first {
            Presence::OursOnly {
                base: b,
                ours: item,
            }
        } else {
            Presence::TheirsOnly {
                base: b,
                theirs: item,
            }
        };
        let Some(value) = decide(&k, presence) else {
            continue;
        };
        match (&anchor, i >= tail_from) {
            (_, true) => tail.push(value),
            (None, false) => front.push(value),
            (Some(a), false) => after.entry(a.clone()).or_default().push(value),
        }
    }

    let mut out = Vec::with_capacity(kept.len() + tail.len() + front.len());
    out.extend(front);
    for (k, value) in kept {
        out.extend(value);
        if let Some(placed) = after.remove(&k) {
            out.extend(placed);
        }
    }
    // Every anchor is an item of the primary side, so all were placed.
    debug_assert!(after.is_empty());
    out.extend(tail);
    out
}
