//! Placing the pieces of the body on pages.
//!
//! The body is a list of [`Piece`]s: a line of a paragraph, a heading, a
//! table row, a figure. Each says whether a page may end just before it
//! (`keep_with_previous`); the rules of good setting are all expressed that
//! way when the pieces are made:
//!
//! - widows and orphans: the first and last line of a paragraph keep with
//!   their neighbour, so no page starts or ends with a single line of one;
//! - a heading keeps with what follows it, and the next paragraph's second
//!   line keeps with its first, so a heading always has two lines under it;
//! - a table's caption, header row and first row keep together.
//!
//! Pieces are placed greedily. When a piece does not fit, the page ends at
//! the last place before it where a break is allowed, and the pieces after
//! that place move to the next page. When a kept-together group is taller
//! than a page there is no such place, and the page ends where the room
//! runs out. Space above a piece is dropped at the top of a page. A piece
//! that starts a page with a `repeat` set gets that header (a table's header
//! row) placed above it.

/// A vertical piece of the body.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Piece {
    /// Height in points.
    pub height: f32,
    /// Space above it, dropped at the top of a page.
    pub space_before: f32,
    /// No page break between the previous piece and this one.
    pub keep_with_previous: bool,
    /// Start a new page with this piece (unless the page is still empty).
    pub page_break_before: bool,
    /// A header (index into the headers) to repeat above this piece when it
    /// starts a page.
    pub repeat: Option<usize>,
    /// A heading's anchor (index into the anchors).
    pub anchor: Option<usize>,
    /// What to draw, with y from the piece's top.
    pub marks: Vec<super::draw::Mark>,
}

/// What is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// A piece of the body (its index).
    Piece(usize),
    /// A repeated header (its index).
    Header(usize),
}

/// A piece placed on a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Placed {
    /// What.
    pub slot: Slot,
    /// The top of it, in points from the top of the body.
    pub y: f32,
}

/// Slack for rounding.
const EPSILON: f32 = 0.01;

/// The pieces on pages whose body is `body_height` points high.
pub(crate) fn paginate(pieces: &[Piece], headers: &[Piece], body_height: f32) -> Vec<Vec<Placed>> {
    let mut pages: Vec<Vec<Placed>> = Vec::new();
    let mut page: Vec<Placed> = Vec::new();
    let mut y = 0.0;
    // The first body piece on the current page.
    let mut first = 0;
    let mut i = 0;
    let start_page = |at: usize, page: &mut Vec<Placed>, y: &mut f32| {
        page.clear();
        *y = 0.0;
        if let Some(h) = pieces[at].repeat
            && let Some(header) = headers.get(h)
        {
            page.push(Placed {
                slot: Slot::Header(h),
                y: 0.0,
            });
            *y = header.height;
        }
    };
    if !pieces.is_empty() {
        start_page(0, &mut page, &mut y);
    }
    while i < pieces.len() {
        let piece = &pieces[i];
        let at_top = i == first;
        if piece.page_break_before && !at_top {
            pages.push(std::mem::take(&mut page));
            first = i;
            start_page(i, &mut page, &mut y);
            continue;
        }
        let gap = if at_top { 0.0 } else { piece.space_before };
        if at_top || y + gap + piece.height <= body_height + EPSILON {
            page.push(Placed {
                slot: Slot::Piece(i),
                y: y + gap,
            });
            y += gap + piece.height;
            i += 1;
            continue;
        }
        // It does not fit: end the page at the last allowed break.
        let mut j = i;
        while j > first && pieces[j].keep_with_previous {
            j -= 1;
        }
        if j == first {
            // The group is taller than a page: break where the room ends.
            j = i;
        }
        page.retain(|p| match p.slot {
            Slot::Piece(k) => k < j,
            Slot::Header(_) => true,
        });
        pages.push(std::mem::take(&mut page));
        first = j;
        i = j;
        start_page(j, &mut page, &mut y);
    }
    if page.iter().any(|p| matches!(p.slot, Slot::Piece(_))) {
        pages.push(page);
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(keep: bool) -> Piece {
        Piece {
            height: 10.0,
            keep_with_previous: keep,
            ..Piece::default()
        }
    }

    /// A paragraph of `n` lines with widow and orphan control, as the flow
    /// makes it.
    fn paragraph(n: usize, space: f32) -> Vec<Piece> {
        (0..n)
            .map(|k| Piece {
                height: 10.0,
                space_before: if k == 0 { space } else { 0.0 },
                keep_with_previous: k > 0 && !(k >= 2 && n - k >= 2),
                ..Piece::default()
            })
            .collect()
    }

    fn pages_of(pieces: &[Piece], body: f32) -> Vec<Vec<usize>> {
        paginate(pieces, &[], body)
            .into_iter()
            .map(|p| {
                p.into_iter()
                    .filter_map(|s| match s.slot {
                        Slot::Piece(i) => Some(i),
                        Slot::Header(_) => None,
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn everything_is_placed_once_in_order() {
        let pieces: Vec<Piece> = (0..95).map(|_| line(false)).collect();
        let pages = pages_of(&pieces, 100.0);
        assert_eq!(pages.len(), 10);
        let all: Vec<usize> = pages.concat();
        assert_eq!(all, (0..95).collect::<Vec<_>>());
    }

    #[test]
    fn no_orphan_at_the_foot_of_a_page() {
        // 9 lines fill 90 of 100 points: a 5-line paragraph has room for
        // one line at the foot, which would be an orphan.
        let mut pieces: Vec<Piece> = (0..9).map(|_| line(false)).collect();
        pieces.extend(paragraph(5, 0.0));
        let pages = pages_of(&pieces, 100.0);
        // So the whole paragraph starts the next page.
        assert_eq!(pages[0], (0..9).collect::<Vec<_>>());
        assert_eq!(pages[1], (9..14).collect::<Vec<_>>());
    }

    #[test]
    fn no_widow_at_the_top_of_a_page() {
        // 6 lines used; a 5-line paragraph has room for 4 lines, which would
        // leave its last line alone on the next page: 3 and 2 instead.
        let mut pieces: Vec<Piece> = (0..6).map(|_| line(false)).collect();
        pieces.extend(paragraph(5, 0.0));
        let pages = pages_of(&pieces, 100.0);
        assert_eq!(pages[0].len(), 6 + 3);
        assert_eq!(pages[1], vec![9, 10]);
        // A three-line paragraph cannot be split at all.
        let mut pieces: Vec<Piece> = (0..8).map(|_| line(false)).collect();
        pieces.extend(paragraph(3, 0.0));
        let pages = pages_of(&pieces, 100.0);
        assert_eq!(pages[1], vec![8, 9, 10]);
    }

    #[test]
    fn a_heading_keeps_two_lines_with_it() {
        // 7 lines used, then a heading (10) and a 6-line paragraph: heading
        // plus one line would fit (90), heading plus two lines would fit
        // (100) — so they stay.
        let mut pieces: Vec<Piece> = (0..7).map(|_| line(false)).collect();
        pieces.push(line(false)); // the heading
        let mut para = paragraph(6, 0.0);
        para[0].keep_with_previous = true;
        pieces.extend(para.clone());
        let pages = pages_of(&pieces, 100.0);
        assert_eq!(pages[0].last(), Some(&9), "heading + 2 lines at the foot");
        // One line less room: the heading goes over with its lines.
        let mut pieces: Vec<Piece> = (0..8).map(|_| line(false)).collect();
        pieces.push(line(false));
        pieces.extend(para);
        let pages = pages_of(&pieces, 100.0);
        assert_eq!(pages[0], (0..8).collect::<Vec<_>>());
        assert_eq!(pages[1][0], 8, "the heading starts the next page");
    }

    #[test]
    fn space_above_is_dropped_at_the_top_of_a_page() {
        let mut pieces: Vec<Piece> = (0..10).map(|_| line(false)).collect();
        pieces.extend(paragraph(2, 30.0));
        let placed = paginate(&pieces, &[], 100.0);
        assert_eq!(placed[1][0].y, 0.0);
        // And kept elsewhere.
        let placed = paginate(
            &[paragraph(2, 30.0), paragraph(2, 30.0)].concat(),
            &[],
            100.0,
        );
        assert_eq!(placed[0][2].y, 20.0 + 30.0);
    }

    #[test]
    fn forced_breaks_start_a_page_but_never_an_empty_one() {
        let mut pieces = vec![line(false), line(false)];
        pieces.push(Piece {
            page_break_before: true,
            ..line(false)
        });
        pieces.push(line(false));
        let pages = pages_of(&pieces, 100.0);
        assert_eq!(pages, vec![vec![0, 1], vec![2, 3]]);
        // A break before the first piece makes no blank page.
        let pieces = vec![Piece {
            page_break_before: true,
            ..line(false)
        }];
        assert_eq!(pages_of(&pieces, 100.0), vec![vec![0]]);
    }

    #[test]
    fn a_group_taller_than_a_page_still_progresses() {
        let mut pieces = vec![line(false)];
        pieces.extend((0..25).map(|_| line(true)));
        let pages = pages_of(&pieces, 100.0);
        assert_eq!(pages.concat(), (0..26).collect::<Vec<_>>());
        assert!(pages.iter().all(|p| p.len() <= 10));
        // A piece taller than the page goes on a page of its own.
        let pieces = vec![
            line(false),
            Piece {
                height: 250.0,
                ..Piece::default()
            },
            line(false),
        ];
        assert_eq!(pages_of(&pieces, 100.0), vec![vec![0], vec![1], vec![2]]);
    }

    #[test]
    fn table_headers_repeat_on_continuation_pages() {
        let header = Piece {
            height: 15.0,
            ..Piece::default()
        };
        let mut pieces = vec![
            line(false), // caption
            Piece {
                keep_with_previous: true,
                ..header.clone()
            },
        ];
        for k in 0..20 {
            pieces.push(Piece {
                height: 12.0,
                keep_with_previous: k == 0,
                repeat: Some(0),
                ..Piece::default()
            });
        }
        let pages = paginate(&pieces, &[header], 100.0);
        assert!(pages.len() >= 3);
        for page in &pages[1..] {
            assert_eq!(page[0].slot, Slot::Header(0));
            assert_eq!(page[1].y, 15.0);
        }
        // The first page has the real header, not a repeat.
        assert!(!pages[0].iter().any(|p| matches!(p.slot, Slot::Header(_))));
        let rows: usize = pages
            .iter()
            .flatten()
            .filter(|p| matches!(p.slot, Slot::Piece(k) if k >= 2))
            .count();
        assert_eq!(rows, 20);
        for page in &pages {
            let bottom = page
                .iter()
                .map(|p| {
                    p.y + match p.slot {
                        Slot::Piece(k) => pieces[k].height,
                        Slot::Header(_) => 15.0,
                    }
                })
                .fold(0.0, f32::max);
            assert!(bottom <= 100.01);
        }
    }
}
