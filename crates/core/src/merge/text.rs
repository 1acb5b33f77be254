//! Three-way merge of sequences (diff3): the lines of a text, the items of
//! a list of questions. Each side's changes are found against the common
//! ancestor with a longest common subsequence; stretches that only one side
//! changed take that side, stretches both changed the same way take it
//! once, and stretches both changed differently are conflicts.

/// One stretch of a three-way merge of sequences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hunk<T> {
    /// Items every side agrees on after the merge.
    Merged(Vec<T>),
    /// Items both sides changed in different ways.
    Conflict {
        /// The ancestor's items here.
        base: Vec<T>,
        /// Our items here.
        ours: Vec<T>,
        /// Their items here.
        theirs: Vec<T>,
    },
}

/// The most cells the comparison table of two sequences may have (after
/// their common start and end are set aside): longer, differently edited
/// texts are reported as one conflict rather than compared line by line.
const MAX_CELLS: usize = 16_000_000;

/// For each item of `base`, the index of the item of `other` it is matched
/// with in a longest common subsequence, or `None` when the sequences are
/// too long to compare.
fn matches<T: Eq>(base: &[T], other: &[T]) -> Option<Vec<Option<usize>>> {
    let mut out = vec![None; base.len()];
    let prefix = base.iter().zip(other).take_while(|(a, b)| a == b).count();
    for (i, slot) in out.iter_mut().enumerate().take(prefix) {
        *slot = Some(i);
    }
    let suffix = base[prefix..]
        .iter()
        .rev()
        .zip(other[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    for k in 0..suffix {
        out[base.len() - 1 - k] = Some(other.len() - 1 - k);
    }
    let b = &base[prefix..base.len() - suffix];
    let o = &other[prefix..other.len() - suffix];
    if b.is_empty() || o.is_empty() {
        return Some(out);
    }
    let (n, m) = (b.len(), o.len());
    if n.saturating_mul(m) > MAX_CELLS {
        return None;
    }
    // lengths[i][j]: LCS of b[i..] and o[j..].
    let width = m + 1;
    let mut lengths = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[i * width + j] = if b[i] == o[j] {
                lengths[(i + 1) * width + j + 1] + 1
            } else {
                lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if b[i] == o[j] {
            out[prefix + i] = Some(prefix + j);
            i += 1;
            j += 1;
        } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    Some(out)
}

/// The three-way merge of `ours` and `theirs`, both edited from `base`, as
/// a list of stretches; `None` when the sequences are too long to compare.
pub fn merge_sequences<T: Eq + Clone>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
) -> Option<Vec<Hunk<T>>> {
    let to_ours = matches(base, ours)?;
    let to_theirs = matches(base, theirs)?;
    let mut hunks: Vec<Hunk<T>> = Vec::new();
    let push_merged = |hunks: &mut Vec<Hunk<T>>, items: &[T]| {
        if items.is_empty() {
            return;
        }
        if let Some(Hunk::Merged(last)) = hunks.last_mut() {
            last.extend_from_slice(items);
        } else {
            hunks.push(Hunk::Merged(items.to_vec()));
        }
    };
    let (mut b, mut o, mut t) = (0, 0, 0);
    loop {
        // A stable stretch: the next ancestor item is where both sides are.
        let mut stable = 0;
        while b + stable < base.len()
            && to_ours[b + stable] == Some(o + stable)
            && to_theirs[b + stable] == Some(t + stable)
        {
            stable += 1;
        }
        if stable > 0 {
            push_merged(&mut hunks, &base[b..b + stable]);
            b += stable;
            o += stable;
            t += stable;
            continue;
        }
        // An unstable stretch up to the next ancestor item both sides kept.
        let next = (b..base.len()).find_map(|i| match (to_ours[i], to_theirs[i]) {
            (Some(x), Some(y)) if x >= o && y >= t => Some((i, x, y)),
            _ => None,
        });
        let (nb, no, nt) = next.unwrap_or((base.len(), ours.len(), theirs.len()));
        let (bs, os, ts) = (&base[b..nb], &ours[o..no], &theirs[t..nt]);
        if os == bs {
            push_merged(&mut hunks, ts);
        } else if ts == bs || os == ts {
            push_merged(&mut hunks, os);
        } else {
            hunks.push(Hunk::Conflict {
                base: bs.to_vec(),
                ours: os.to_vec(),
                theirs: ts.to_vec(),
            });
        }
        (b, o, t) = (nb, no, nt);
        if next.is_none() {
            break;
        }
    }
    Some(hunks)
}

/// Merges two edits of a text line by line: `Some` with both sides' changes
/// when they changed different lines, `None` when both changed the same
/// lines differently.
pub fn merge_text(base: &str, ours: &str, theirs: &str) -> Option<String> {
    if ours == theirs || base == theirs {
        return Some(ours.to_string());
    }
    if base == ours {
        return Some(theirs.to_string());
    }
    fn lines(text: &str) -> Vec<&str> {
        text.split_inclusive('\n').collect()
    }
    let hunks = merge_sequences(&lines(base), &lines(ours), &lines(theirs))?;
    let mut out = String::with_capacity(ours.len().max(theirs.len()));
    for hunk in hunks {
        match hunk {
            Hunk::Merged(lines) => lines.iter().for_each(|l| out.push_str(l)),
            Hunk::Conflict { .. } => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn different_lines_changed_on_each_side_are_both_kept() {
        let base = "Seen at home.\nMother present.\nNo concerns.\n";
        let ours = "Seen at home by HV1.\nMother present.\nNo concerns.\n";
        let theirs = "Seen at home.\nMother present.\nNo concerns noted.\n";
        assert_eq!(
            merge_text(base, ours, theirs).as_deref(),
            Some("Seen at home by HV1.\nMother present.\nNo concerns noted.\n")
        );
    }

    #[test]
    fn the_same_line_changed_differently_is_a_conflict() {
        assert_eq!(merge_text("a\nb\n", "a\nB\n", "a\nbee\n"), None);
        assert_eq!(merge_text("one line", "ours", "theirs"), None);
        assert_eq!(
            merge_text("one line", "same", "same").as_deref(),
            Some("same")
        );
    }

    #[test]
    fn lines_added_at_both_ends_merge() {
        let merged = merge_text("m\n", "first\nm\n", "m\nlast\n").unwrap();
        assert_eq!(merged, "first\nm\nlast\n");
        let merged = merge_text("", "", "new\n").unwrap();
        assert_eq!(merged, "new\n");
    }

    #[test]
    fn list_items_merge_as_a_sequence() {
        let hunks = merge_sequences(&[1, 2, 3], &[0, 1, 2, 3], &[1, 2]).unwrap();
        assert_eq!(hunks, vec![Hunk::Merged(vec![0, 1, 2])]);
        let hunks = merge_sequences(&[1, 2, 3], &[1, 5, 3], &[1, 6, 3]).unwrap();
        assert_eq!(
            hunks[1],
            Hunk::Conflict {
                base: vec![2],
                ours: vec![5],
                theirs: vec![6]
            }
        );
    }
}
