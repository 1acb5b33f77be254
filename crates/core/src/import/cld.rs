//! Causal loop diagrams from an edge list: a CSV with the header
//! `from,to,polarity` and an optional `delay` column.

use std::collections::HashMap;

use super::{RowProblem, without_bom};
use crate::edit::{Change, Edit};
use crate::model::*;

/// One causal link read from an edge list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeRow {
    /// Spreadsheet row number.
    pub row: u64,
    /// Name of the cause.
    pub from: String,
    /// Name of the effect.
    pub to: String,
    /// S or O.
    pub polarity: Polarity,
    /// Whether the link carries a delay.
    pub delay: bool,
}

/// Reads a polarity as people write it: S, O, +, -, same, opposite.
pub fn parse_polarity(text: &str) -> Option<Polarity> {
    match text.trim().to_lowercase().as_str() {
        "s" | "+" | "same" | "positive" => Some(Polarity::Same),
        "o" | "-" | "−" | "opposite" | "negative" => Some(Polarity::Opposite),
        _ => None,
    }
}

fn parse_delay(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "" | "0" | "no" | "n" | "false" => Some(false),
        "1" | "yes" | "y" | "true" | "delay" | "delayed" | "||" | "‖" => Some(true),
        _ => None,
    }
}

/// Parses an edge list. Returns every bad row when there is any.
pub fn parse_edges(text: &str, file: &str) -> Result<Vec<EdgeRow>, Vec<RowProblem>> {
    let problem = |row: u64, message: String| RowProblem {
        file: file.to_string(),
        row,
        message,
    };
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(without_bom(text).as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.to_lowercase()).collect(),
        Err(e) => return Err(vec![problem(1, format!("cannot read the header: {e}"))]),
    };
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (Some(from), Some(to), Some(polarity)) = (column("from"), column("to"), column("polarity"))
    else {
        return Err(vec![problem(
            1,
            format!(
                "the header must name the columns from, to and polarity (found: {})",
                headers.join(", ")
            ),
        )]);
    };
    let delay = column("delay");
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let row = e.position().map_or(0, |p| p.line());
                problems.push(problem(row, format!("cannot read the row: {e}")));
                continue;
            }
        };
        let row = record.position().map_or(0, |p| p.line());
        if record.iter().all(|c| c.is_empty()) {
            continue;
        }
        let cell = |i: usize| record.get(i).unwrap_or("").to_string();
        let (from, to) = (cell(from), cell(to));
        if from.is_empty() || to.is_empty() {
            problems.push(problem(
                row,
                "a link needs both a `from` and a `to` variable".into(),
            ));
            continue;
        }
        let polarity_text = cell(polarity);
        let Some(polarity) = parse_polarity(&polarity_text) else {
            problems.push(problem(
                row,
                format!(
                    "unknown polarity `{polarity_text}` (expected S, O, +, -, same or opposite)"
                ),
            ));
            continue;
        };
        let delay_text = delay.map(cell).unwrap_or_default();
        let Some(delay) = parse_delay(&delay_text) else {
            problems.push(problem(
                row,
                format!("unknown delay `{delay_text}` (expected yes/no, true/false, 1/0 or empty)"),
            ));
            continue;
        };
        rows.push(EdgeRow {
            row,
            from,
            to,
            polarity,
            delay,
        });
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

/// What an edge-list import adds.
#[derive(Debug, Clone, PartialEq)]
pub struct CldImport {
    /// The change to apply (one undoable step).
    pub change: Change,
    /// Variables created.
    pub new_variables: usize,
    /// Links created.
    pub new_links: usize,
    /// Rows whose link was already in the review.
    pub already_present: usize,
}

fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The change that adds an edge list to a review: variables are matched by
/// name (ignoring case and extra spaces) and created when new; a link that
/// already exists with the same ends and polarity is not added twice. New
/// variables are placed round a circle on the review's first causal loop
/// diagram, which is created when there is none.
pub fn import_edges(review: &Review, rows: &[EdgeRow]) -> CldImport {
    let mut scratch = review.clone();
    let mut edits = Vec::new();
    let mut by_name: HashMap<String, Id> = review
        .variables
        .iter()
        .map(|v| (name_key(&v.name), v.id.clone()))
        .collect();
    let mut new_variables = Vec::new();
    let apply = |scratch: &mut Review, edits: &mut Vec<Edit>, edit: Edit| {
        edit.clone()
            .apply(scratch)
            .expect("new records get fresh ids");
        edits.push(edit);
    };
    let (mut new_links, mut already_present) = (0, 0);
    for row in rows {
        let mut ends = Vec::new();
        for name in [&row.from, &row.to] {
            let key = name_key(name);
            let id = match by_name.get(&key) {
                Some(id) => id.clone(),
                None => {
                    let id = scratch.next_id(RecordKind::Variable);
                    let variable = Variable {
                        id: id.clone(),
                        name: name.trim().to_string(),
                        description: String::new(),
                    };
                    apply(
                        &mut scratch,
                        &mut edits,
                        Edit::Put(Record::Variable(variable)),
                    );
                    by_name.insert(key, id.clone());
                    new_variables.push(id.clone());
                    id
                }
            };
            ends.push(id);
        }
        let kind = LinkKind::Causal {
            polarity: row.polarity,
            delay: row.delay,
        };
        let exists = scratch.links.iter().any(|l| {
            l.from == ends[0]
                && l.to == ends[1]
                && matches!(l.kind, LinkKind::Causal { polarity, .. } if polarity == row.polarity)
        });
        if exists {
            already_present += 1;
            continue;
        }
        let link = Link {
            id: scratch.next_id(RecordKind::Link),
            from: ends[0].clone(),
            to: ends[1].clone(),
            kind,
            note: String::new(),
        };
        apply(&mut scratch, &mut edits, Edit::Put(Record::Link(link)));
        new_links += 1;
    }
    if !new_variables.is_empty() {
        let mut diagram = scratch
            .diagrams
            .iter()
            .find(|d| d.kind == DiagramKind::CausalLoop)
            .cloned()
            .unwrap_or_else(|| Diagram {
                id: scratch.next_id(RecordKind::Diagram),
                name: "Causal loop diagram".into(),
                kind: DiagramKind::CausalLoop,
                ..Default::default()
            });
        let total = new_variables.len() as f32;
        let radius = 120.0 + 40.0 * total;
        let (cx, cy) = diagram
            .nodes
            .iter()
            .map(|n| n.x)
            .fold(None, |m: Option<f32>, x| Some(m.map_or(x, |m| m.max(x))))
            .map_or((radius + 100.0, radius + 100.0), |right| {
                (right + radius + 250.0, radius + 100.0)
            });
        for (i, id) in new_variables.iter().enumerate() {
            let angle = std::f32::consts::TAU * i as f32 / total - std::f32::consts::FRAC_PI_2;
            diagram.nodes.push(DiagramNode {
                item: id.clone(),
                x: cx + radius * angle.cos(),
                y: cy + radius * angle.sin(),
            });
        }
        edits.push(Edit::Put(Record::Diagram(diagram)));
    }
    CldImport {
        change: Change::many("Import causal links", edits),
        new_variables: new_variables.len(),
        new_links,
        already_present,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polarity_accepts_every_spelling() {
        for s in ["S", "s", "+", "same", "Same"] {
            assert_eq!(parse_polarity(s), Some(Polarity::Same), "{s}");
        }
        for o in ["O", "o", "-", "opposite", "OPPOSITE"] {
            assert_eq!(parse_polarity(o), Some(Polarity::Opposite), "{o}");
        }
        assert_eq!(parse_polarity("x"), None);
    }

    #[test]
    fn bad_rows_are_all_reported_with_spreadsheet_row_numbers() {
        let text = "from,to,polarity,delay\nA,B,S,\nB,C,sideways,\n,C,O,\nC,A,O,maybe\n";
        let problems = parse_edges(text, "edges.csv").unwrap_err();
        let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(
            shown[0].starts_with("edges.csv: row 3: unknown polarity `sideways`"),
            "{shown:?}"
        );
        assert!(shown[1].starts_with("edges.csv: row 4:"), "{shown:?}");
        assert!(
            shown[2].starts_with("edges.csv: row 5: unknown delay `maybe`"),
            "{shown:?}"
        );
    }

    #[test]
    fn a_header_without_the_columns_is_refused() {
        let problems = parse_edges("cause,effect\nA,B\n", "e.csv").unwrap_err();
        assert_eq!(problems[0].row, 1);
        assert!(problems[0].message.contains("from, to and polarity"));
    }

    #[test]
    fn importing_matches_names_and_does_not_duplicate() {
        let rows = parse_edges("\u{feff}From,To,Polarity\nWorkload,Time with families,-\ntime  with FAMILIES,Quality,+\nQuality,Workload,opposite\n", "e.csv").unwrap();
        let mut review = Review::new("t");
        let import = import_edges(&review, &rows);
        assert_eq!(
            (
                import.new_variables,
                import.new_links,
                import.already_present
            ),
            (3, 3, 0)
        );
        import.change.apply(&mut review).unwrap();
        assert_eq!(review.variables.len(), 3);
        assert_eq!(review.diagrams.len(), 1);
        assert_eq!(review.diagrams[0].nodes.len(), 3);
        let again = import_edges(&review, &rows);
        assert_eq!(
            (again.new_variables, again.new_links, again.already_present),
            (0, 0, 3)
        );
        let taxonomy = crate::taxonomy::Taxonomy::built_in("learning-together");
        assert_eq!(
            crate::validate::validate(&review, taxonomy.as_ref()),
            vec![]
        );
    }
}
