//! Tests of the whole writer on a report made by hand.

use super::*;
use crate::export::scene::{Anchor, Fill, Item, Scene, Stroke};
use crate::report::document::{Block, ParagraphStyle, Span, Table};
use foresight_core::diagram::geometry::{Rgb, pt};

const WATERMARK: &str = "NOT FOR PUBLICATION — IDENTIFIED DRAFT";

fn long_paragraph(seed: usize) -> Vec<Span> {
    let words = [
        "the",
        "health",
        "visitor’s",
        "records",
        "were",
        "not",
        "shared",
        "with",
        "school",
        "nurse",
        "and",
        "café",
        "staff",
        "–",
        "so",
        "nobody",
        "saw",
        "whole",
        "picture",
        "‖",
        "of",
        "Élodie’s",
        "attendance",
        "over",
        "months",
    ];
    let mut spans = Vec::new();
    for k in 0..6 {
        let text: Vec<&str> = (0..22)
            .map(|i| words[(seed * 7 + k * 13 + i * 5) % words.len()])
            .collect();
        spans.push(Span::plain(format!("{} ", text.join(" "))));
        if k % 2 == 0 {
            spans.push(Span::bold("a bold phrase"));
            spans.push(Span::plain(", then "));
        } else {
            spans.push(Span::italic("an italic “quoted” phrase"));
            spans.push(Span::plain(" and more. "));
        }
    }
    spans
}

fn scene() -> Scene {
    let stroke = Some(Stroke {
        colour: Rgb(50, 90, 170),
        width: 2.0,
        dash: None,
    });
    Scene {
        title: "Case map".into(),
        width: 700.0,
        height: 300.0,
        items: vec![
            Item::Group {
                id: Some("E1".into()),
                tooltip: Some("Visit".into()),
                items: vec![
                    Item::Path {
                        points: vec![
                            pt(20.0, 20.0),
                            pt(220.0, 20.0),
                            pt(220.0, 100.0),
                            pt(20.0, 100.0),
                        ],
                        closed: true,
                        fill: Some(Fill {
                            colour: Rgb(210, 228, 255),
                            opacity: 1.0,
                        }),
                        stroke,
                    },
                    Item::Text {
                        at: pt(120.0, 60.0),
                        text: "Home visit – café".into(),
                        size: 15.0,
                        colour: Rgb(10, 30, 60),
                        bold: true,
                        anchor: Anchor::Middle,
                    },
                ],
            },
            Item::Ellipse {
                centre: pt(550.0, 150.0),
                radius: pt(100.0, 50.0),
                fill: Some(Fill {
                    colour: Rgb(255, 230, 200),
                    opacity: 0.6,
                }),
                stroke,
            },
            Item::Path {
                points: vec![pt(220.0, 60.0), pt(450.0, 150.0)],
                closed: false,
                fill: None,
                stroke: Some(Stroke {
                    colour: Rgb(80, 80, 80),
                    width: 1.5,
                    dash: Some([6.0, 4.0]),
                }),
            },
            Item::Text {
                at: pt(550.0, 150.0),
                text: "Variable ‖".into(),
                size: 15.0,
                colour: Rgb(0, 0, 0),
                bold: false,
                anchor: Anchor::Middle,
            },
        ],
    }
}

/// A report with everything: title page, contents, headings, long
/// paragraphs, lists, a 120-row table, a figure, notes, quotes and page
/// breaks.
fn sample(watermark: bool) -> ReportDocument {
    let mut blocks = vec![Block::Contents, Block::PageBreak];
    for section in 1..=6 {
        blocks.push(Block::Heading {
            level: 1,
            text: format!("{section}. Section about the café’s “records”"),
        });
        blocks.push(Block::Paragraph {
            spans: long_paragraph(section),
            style: ParagraphStyle::Body,
        });
        for sub in 1..=2 {
            blocks.push(Block::Heading {
                level: 2,
                text: format!("{section}.{sub} A subsection – é ’ ‖"),
            });
            blocks.push(Block::Paragraph {
                spans: long_paragraph(section * 10 + sub),
                style: ParagraphStyle::Body,
            });
            blocks.push(Block::Heading {
                level: 3,
                text: "A minor heading".into(),
            });
            blocks.push(Block::List {
                ordered: sub == 2,
                items: (0..4)
                    .map(|i| {
                        vec![
                            Span::bold(format!("Point {i}: ")),
                            Span::plain("agencies did not share what they knew, and the review found no single reason why."),
                        ]
                    })
                    .collect(),
            });
        }
        if section == 2 {
            blocks.push(Block::Table(Table {
                caption: "Table 1: Summary of practice episodes".into(),
                columns: vec!["Id".into(), "Date".into(), "What happened".into(), "Agency".into()],
                widths: vec![0.6, 1.0, 4.0, 1.4],
                rows: (0..120)
                    .map(|r| {
                        vec![
                            format!("E{r}"),
                            format!("2021-{:02}", r % 12 + 1),
                            if r % 7 == 0 {
                                "A longer description of the episode that wraps over more than one line in its cell, as they do.".into()
                            } else {
                                "A visit.".into()
                            },
                            "Health".into(),
                        ]
                    })
                    .collect(),
            }));
        }
        if section == 3 {
            blocks.push(Block::Figure {
                scene: scene(),
                caption: "Figure 1: The case map".into(),
            });
            blocks.push(Block::Paragraph {
                spans: vec![Span::plain(
                    "This note explains how the figure was drawn, in a smaller type.",
                )],
                style: ParagraphStyle::Note,
            });
            blocks.push(Block::Paragraph {
                spans: vec![Span::italic("“What would have helped the practitioners see the whole picture?” — a key question set off from the text, long enough to wrap onto a second line.")],
                style: ParagraphStyle::Quote,
            });
        }
        if section == 4 {
            blocks.push(Block::PageBreak);
        }
    }
    ReportDocument {
        contents_title: String::new(),
        title: "Child Q: a local child safeguarding practice review".into(),
        subtitle: "Local child safeguarding practice review".into(),
        title_lines: vec![
            "Northshire Safeguarding Children Partnership".into(),
            "Published March 2025".into(),
            "Status: final".into(),
        ],
        subject: "Learning review".into(),
        watermark: watermark.then(|| WATERMARK.to_string()),
        blocks,
    }
}

fn written(report: &ReportDocument) -> WrittenPdf {
    write_pdf(report, &PdfOptions::default()).unwrap()
}

fn laid(report: &ReportDocument) -> Laid {
    let m = Measurer::new(FontSet::get().unwrap());
    let g = {
        let (w, h) = PageSize::A4.points();
        Geometry::new(w, h)
    };
    lay_out(report, &g, &m)
}

/// The texts of each page.
fn page_texts(report: &ReportDocument) -> Vec<Vec<String>> {
    let laid = laid(report);
    let mut resources = Resources::new();
    laid.pages
        .iter()
        .map(|marks| {
            let mut texts = Vec::new();
            let mut used = Default::default();
            PageWriter::new(841.89, &mut resources).write(marks, &mut texts, &mut used);
            texts
        })
        .collect()
}

#[test]
fn a_report_is_written() {
    let report = sample(false);
    let pdf = written(&report);
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    assert!(pdf.bytes.ends_with(b"%%EOF\n"));
    assert!(pdf.pages > 5, "{} pages", pdf.pages);
    for (level, heading) in report.outline() {
        assert!(
            pdf.texts.iter().any(|t| t == heading),
            "heading {heading} (level {level})"
        );
    }
    assert!(pdf.texts.iter().any(|t| t == "A minor heading"));
    let footers: Vec<&String> = pdf
        .texts
        .iter()
        .filter(|t| t.starts_with("Page "))
        .collect();
    assert_eq!(footers.len(), pdf.pages - 1, "no footer on the title page");
    assert_eq!(footers[0], &format!("Page 2 of {}", pdf.pages));
    assert_eq!(
        footers.last().unwrap(),
        &&format!("Page {0} of {0}", pdf.pages)
    );
    // The title page has the title lines; table cells and figure labels
    // are drawn.
    for text in [
        "Northshire Safeguarding Children Partnership",
        "E119",
        "Home visit – café",
        "Variable ‖",
    ] {
        assert!(pdf.texts.iter().any(|t| t == text), "{text}");
    }
    // Metadata and bookmarks are in the texts too.
    assert!(pdf.texts.iter().any(|t| t == "Learning review"));
    // Nothing about the software or the machine.
    let raw = String::from_utf8_lossy(&pdf.bytes);
    assert!(!raw.contains("printpdf") && !raw.contains("/Author"));
    assert!(raw.contains("/Outlines") && raw.contains("/Annots [<<") || raw.contains("/Annots[<<"));
}

#[test]
fn output_is_reproducible() {
    let report = sample(true);
    assert_eq!(written(&report).bytes, written(&report).bytes);
    let dated = write_pdf(
        &report,
        &PdfOptions {
            created: Some(1_700_000_000),
            ..PdfOptions::default()
        },
    )
    .unwrap();
    let raw = String::from_utf8_lossy(&dated.bytes);
    assert!(raw.contains("/CreationDate (D:20231114221320Z)"));
    assert!(String::from_utf8_lossy(&written(&report).bytes).contains("(D:20000101000000Z)"));
}

#[test]
fn the_watermark_is_on_every_page() {
    let report = sample(true);
    let pages = page_texts(&report);
    let laid = laid(&report);
    assert!(pages.len() > 5);
    for (k, texts) in pages.iter().enumerate() {
        // As text once (the banner), and as the diagonal form.
        let count = texts.iter().filter(|t| t.as_str() == WATERMARK).count();
        assert_eq!(count, 1, "page {}", k + 1);
        assert_eq!(
            laid.pages[k]
                .iter()
                .filter(|m| **m == Mark::Watermark)
                .count(),
            1
        );
        // Drawn last, over everything.
        assert_eq!(laid.pages[k].last(), Some(&Mark::Watermark));
    }
    let unmarked = page_texts(&sample(false));
    assert!(unmarked.iter().flatten().all(|t| t != WATERMARK));
    let pdf = written(&report);
    assert_eq!(
        pdf.texts.iter().filter(|t| t.as_str() == WATERMARK).count(),
        pdf.pages
    );
    // One form, used on every page.
    let raw = String::from_utf8_lossy(&pdf.bytes);
    assert_eq!(raw.matches("/Subtype/Form").count(), 1);
}

#[test]
fn the_title_page_has_no_running_header_or_footer() {
    let pages = page_texts(&sample(false));
    let title = "Child Q: a local child safeguarding practice review";
    assert!(pages[0].iter().all(|t| !t.starts_with("Page ")));
    assert_eq!(pages[0].iter().filter(|t| t.contains("Child Q")).count(), 1);
    for page in &pages[1..] {
        assert!(page.iter().any(|t| t == title), "running header");
    }
}

#[test]
fn contents_list_headings_with_their_pages_and_links() {
    let report = sample(false);
    let laid = laid(&report);
    let pages = page_texts(&report);
    // Where each level-1/2 heading really is.
    for (_, heading) in report.outline() {
        let page = pages
            .iter()
            .enumerate()
            .skip(2)
            .find(|(_, texts)| texts.iter().any(|t| t == heading))
            .map(|(k, _)| k + 1)
            .unwrap();
        // The contents page lists the heading and then its page number.
        let contents = &pages[1];
        let at = contents
            .iter()
            .position(|t| t == heading)
            .unwrap_or_else(|| panic!("{heading}"));
        let number = contents[at + 1..]
            .iter()
            .find(|t| t.chars().all(|c| c.is_ascii_digit()))
            .unwrap();
        assert_eq!(number, &page.to_string(), "{heading}");
    }
    // Every entry is a link to its heading's page.
    let links: Vec<usize> = laid.pages[1]
        .iter()
        .filter_map(|m| match m {
            Mark::GoTo { page, .. } => Some(*page),
            _ => None,
        })
        .collect();
    assert_eq!(links.len(), report.outline().len());
    assert!(links.windows(2).all(|w| w[0] <= w[1]));
    assert!(
        !laid.pages[1]
            .iter()
            .any(|m| matches!(m, Mark::Link { .. } | Mark::PageNumber { .. }))
    );
    // The outline: Contents, then the headings in order, level 2 nested.
    assert_eq!(laid.outline[0].title, "Contents");
    assert_eq!(laid.outline.len(), report.outline().len() + 1);
    for (entry, (level, title)) in laid.outline[1..].iter().zip(report.outline()) {
        assert_eq!((entry.level, entry.title.as_str()), (level, title));
    }
}

#[test]
fn table_headers_repeat_on_continuation_pages() {
    let report = sample(false);
    let pages = page_texts(&report);
    let with_rows: Vec<&Vec<String>> = pages
        .iter()
        .filter(|p| {
            p.iter().any(|t| {
                t.starts_with('E') && t[1..].chars().all(|c| c.is_ascii_digit()) && t.len() > 1
            })
        })
        .collect();
    assert!(
        with_rows.len() >= 3,
        "the table spans {} pages",
        with_rows.len()
    );
    for page in with_rows {
        let header = page
            .iter()
            .position(|t| t == "What happened")
            .expect("header on every page");
        let first_row = page
            .iter()
            .position(|t| t.starts_with('E') && t[1..].chars().all(|c| c.is_ascii_digit()))
            .unwrap();
        assert!(header < first_row);
    }
    // Every row once.
    let rows: Vec<&String> = pages
        .iter()
        .flatten()
        .filter(|t| t.starts_with('E') && t.len() > 1 && t[1..].chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(rows.len(), 120);
}

#[test]
fn page_breaks_start_pages_and_nothing_leaves_the_body() {
    let report = sample(false);
    let laid = laid(&report);
    let g = {
        let (w, h) = PageSize::A4.points();
        Geometry::new(w, h)
    };
    // Section 5 follows a page break: it starts a page.
    let pages = page_texts(&report);
    let section5 = 2 + pages[2..]
        .iter()
        .position(|p| p.iter().any(|t| t.starts_with("5. Section")))
        .unwrap();
    let body_texts: Vec<&String> = pages[section5]
        .iter()
        .filter(|t| !t.starts_with("Page ") && !t.starts_with("Child Q"))
        .collect();
    assert!(body_texts[0].starts_with("5. Section"), "{body_texts:?}");
    // The contents come alone before the break.
    assert!(pages[2].iter().any(|t| t.starts_with("1. Section")));
    // Every placed piece lies within the body.
    for page in &laid.body {
        for placed in page {
            let height = match placed.slot {
                Slot::Piece(i) => laid.flow.pieces[i].height,
                Slot::Header(h) => laid.flow.headers[h].height,
            };
            assert!(placed.y >= 0.0 && placed.y + height <= g.body_height() + 0.01);
        }
    }
    // And every text mark lies within the page's text column (the
    // watermark is absent here).
    for page in &laid.pages {
        for mark in page {
            if let Mark::Text(t) = mark {
                let m = Measurer::new(FontSet::get().unwrap());
                let right = t.x + m.width(t.face, &t.text, t.size);
                assert!(
                    t.x >= g.left - 0.01 && right <= g.width - g.right + 0.01,
                    "{t:?}"
                );
            }
        }
    }
}

#[test]
fn headings_are_never_alone_at_the_foot_of_a_page() {
    let report = sample(false);
    let laid = laid(&report);
    for page in &laid.body {
        let last = page.iter().rev().find_map(|p| match p.slot {
            Slot::Piece(i) => Some(i),
            Slot::Header(_) => None,
        });
        if let Some(i) = last {
            let piece = &laid.flow.pieces[i];
            let is_heading =
                laid.flow
                    .pieces
                    .get(i + 1)
                    .is_some_and(|next| next.keep_with_previous)
                    && piece.marks.iter().any(
                        |m| matches!(m, Mark::Text(t) if t.face == Face::Bold && t.size >= 11.0),
                    );
            assert!(!is_heading, "a heading ends a page");
        }
    }
}

#[test]
fn an_empty_report_still_writes() {
    let pdf = written(&ReportDocument::default());
    assert_eq!(pdf.pages, 1);
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    let only_contents = ReportDocument {
        title: "T".into(),
        blocks: vec![Block::Contents, Block::PageBreak, Block::PageBreak],
        ..ReportDocument::default()
    };
    assert_eq!(written(&only_contents).pages, 2);
}

#[test]
fn text_width_measures_dejavu() {
    let regular = text_width("Hello", 10.0, false);
    let bold = text_width("Hello", 10.0, true);
    assert!(regular > 25.0 && regular < 35.0, "{regular}");
    assert!(bold > regular);
    assert_eq!(text_width("", 10.0, false), 0.0);
}

#[test]
fn every_character_of_the_sample_has_a_glyph() {
    let fonts = FontSet::get().unwrap();
    for face in Face::ALL {
        for c in "é ’ – — “ ” ‖ • … Élodie ß ü ç ñ ø"
            .chars()
            .filter(|c| *c != ' ')
        {
            assert!(fonts.face(face).covers(c), "{c} in {face:?}");
        }
    }
}

/// Writes `/tmp/report-sample.pdf` for a look with poppler's tools:
/// `cargo test --lib report::pdf -- --ignored --nocapture`.
#[test]
#[ignore]
fn write_a_sample() {
    let report = sample(true);
    let started = std::time::Instant::now();
    let pdf = written(&report);
    println!(
        "{} pages, {} bytes in {:?}",
        pdf.pages,
        pdf.bytes.len(),
        started.elapsed()
    );
    std::fs::write("/tmp/report-sample.pdf", &pdf.bytes).unwrap();
    let plain = written(&sample(false));
    std::fs::write("/tmp/report-sample-plain.pdf", &plain.bytes).unwrap();
}

/// Times big synthetic reports: `cargo test --release --lib
/// report::pdf::tests::timing -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing() {
    for sections in [2, 22] {
        let mut blocks = vec![Block::Contents, Block::PageBreak];
        for s in 0..sections {
            let one = sample(false);
            blocks.extend(one.blocks.into_iter().skip(2).map(|b| match b {
                Block::Heading { level, text } => Block::Heading {
                    level,
                    text: format!("{s}/{text}"),
                },
                other => other,
            }));
        }
        let report = ReportDocument {
            blocks,
            watermark: Some(WATERMARK.into()),
            ..sample(false)
        };
        let started = std::time::Instant::now();
        let pdf = written(&report);
        println!(
            "{sections} copies of the sample: {} pages, {} bytes, {:?}",
            pdf.pages,
            pdf.bytes.len(),
            started.elapsed()
        );
        std::fs::write(format!("/tmp/report-timing-{sections}.pdf"), &pdf.bytes).unwrap();
    }
}

#[test]
fn letter_paper() {
    let pdf = write_pdf(
        &sample(false),
        &PdfOptions {
            page: PageSize::Letter,
            created: None,
        },
    )
    .unwrap();
    let raw = String::from_utf8_lossy(&pdf.bytes);
    assert!(
        raw.contains("/MediaBox[0 0 612 792]"),
        "US Letter is 612 × 792 points"
    );
    assert!(pdf.pages > 5);
}

#[test]
fn odd_input_still_gives_a_valid_file() {
    let mut broken = scene();
    broken.items.push(Item::Path {
        points: vec![pt(f32::NAN, 1.0), pt(2.0, 3.0)],
        closed: false,
        fill: None,
        stroke: None,
    });
    broken.items.push(Item::Text {
        at: pt(1.0, f32::INFINITY),
        text: "lost".into(),
        size: 12.0,
        colour: Rgb(0, 0, 0),
        bold: false,
        anchor: Anchor::Start,
    });
    let report = ReportDocument {
        title: "x".repeat(400),
        blocks: vec![
            Block::Heading {
                level: 1,
                text: "y".repeat(300),
            },
            Block::Figure {
                scene: broken,
                caption: String::new(),
            },
            Block::Figure {
                scene: Scene {
                    width: f32::NAN,
                    ..Scene::default()
                },
                caption: "Only a caption".into(),
            },
            Block::Table(Table {
                columns: vec![],
                widths: vec![f32::NAN],
                rows: vec![vec!["a".into(), "b".into()], vec![]],
                caption: String::new(),
            }),
            Block::List {
                ordered: true,
                items: vec![vec![], vec![Span::plain("🙂 no glyph")]],
            },
            Block::Paragraph {
                spans: vec![Span::plain("\u{0}\u{7} control characters\u{ad}")],
                style: ParagraphStyle::Quote,
            },
        ],
        ..ReportDocument::default()
    };
    let pdf = written(&report);
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    // No mark has a coordinate that is not a number.
    for mark in laid(&report).pages.iter().flatten() {
        match mark {
            Mark::Text(t) => assert!(t.x.is_finite() && t.y.is_finite() && t.size.is_finite()),
            Mark::Shape(s) => assert!(s.points.iter().all(|p| p.0.is_finite() && p.1.is_finite())),
            _ => {}
        }
    }
    assert!(pdf.texts.iter().any(|t| t == "Only a caption"));
    assert!(!pdf.texts.iter().any(|t| t == "lost"));
    assert!(pdf.texts.iter().any(|t| t == "control characters"));
}

#[test]
fn the_lines_of_one_block_are_one_string_of_the_texts_even_across_pages() {
    let words: Vec<String> = (0..900).map(|i| format!("word{i}")).collect();
    let report = ReportDocument {
        title: "Grouping".into(),
        blocks: vec![
            Block::Paragraph {
                spans: vec![Span::plain(words.join(" "))],
                style: ParagraphStyle::Body,
            },
            Block::Table(Table {
                caption: "Cells".into(),
                columns: vec!["A".into(), "B".into()],
                widths: vec![1.0, 1.0],
                rows: vec![vec![
                    "one two three four five six seven eight nine ten eleven twelve".into(),
                    "short".into(),
                ]],
            }),
        ],
        ..ReportDocument::default()
    };
    let pdf = written(&report);
    assert!(pdf.pages > 2, "the paragraph runs over pages");
    let paragraph: Vec<&String> = pdf.texts.iter().filter(|t| t.contains("word")).collect();
    assert_eq!(paragraph.len(), 1, "one string");
    let joined: String = paragraph[0]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(joined, words.join(" "));
    assert!(paragraph[0].contains('\n'), "lines joined by newlines");
    let cell = pdf.texts.iter().find(|t| t.starts_with("one two")).unwrap();
    assert!(cell.ends_with("twelve"), "{cell:?}");
    assert!(pdf.texts.iter().any(|t| t == "short"));
}

#[test]
fn a_heading_and_the_short_note_under_it_keep_with_what_follows() {
    // Fill most of a page, then a heading, a one-line note and a minor
    // heading: none of them may end the page alone.
    let filler: Vec<Block> = (0..5)
        .map(|k| Block::Paragraph {
            spans: long_paragraph(k),
            style: ParagraphStyle::Body,
        })
        .collect();
    for extra in 0..60 {
        let mut blocks = filler.clone();
        for i in 0..extra {
            blocks.push(Block::Paragraph {
                spans: vec![Span::plain(format!("Line {i}."))],
                style: ParagraphStyle::Body,
            });
        }
        blocks.extend([
            Block::Heading {
                level: 2,
                text: "Episode 1: the visit".into(),
            },
            Block::Paragraph {
                spans: vec![Span::plain("October 2020")],
                style: ParagraphStyle::Note,
            },
            Block::Heading {
                level: 3,
                text: "What happened".into(),
            },
        ]);
        blocks.push(Block::Paragraph {
            spans: long_paragraph(9),
            style: ParagraphStyle::Body,
        });
        let report = ReportDocument {
            title: "Keep".into(),
            blocks,
            ..ReportDocument::default()
        };
        let pages = page_texts(&report);
        let page_of = |needle: &str| {
            pages
                .iter()
                .position(|p| p.iter().any(|t| t.contains(needle)))
        };
        let heading = page_of("Episode 1: the visit").unwrap();
        assert_eq!(page_of("October 2020"), Some(heading), "extra {extra}");
        assert_eq!(page_of("What happened"), Some(heading), "extra {extra}");
    }
}
