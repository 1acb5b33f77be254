//! Embedding only the glyphs a report uses.
//!
//! printpdf (built without its `text_layout` feature) embeds whatever font
//! program it is given, whole: three DejaVu faces would add about 1.1 MB to
//! every report. This makes a smaller TrueType program from a face by
//! emptying the outlines of every glyph the report does not draw. Glyph
//! numbers, the character map and the advance widths stay as they are, so
//! the content streams, `/W` widths and `/ToUnicode` map printpdf writes
//! from the face still agree with it. The layout tables (GSUB, GPOS, kern),
//! which a PDF viewer never reads, and the glyph names are left out.

use std::collections::BTreeSet;

/// Tables kept in the reduced program; everything else is dropped.
const KEEP: [&[u8; 4]; 14] = [
    b"OS/2", b"cmap", b"cvt ", b"fpgm", b"gasp", b"glyf", b"head", b"hhea", b"hmtx", b"loca",
    b"maxp", b"name", b"post", b"prep",
];

/// A copy of the TrueType program `font` in which only the glyphs `used`
/// (with .notdef and the parts of composite glyphs) keep their outlines.
pub(crate) fn subset(font: &[u8], used: &BTreeSet<u16>) -> Result<Vec<u8>, String> {
    let tables = read_directory(font)?;
    let find = |tag: &[u8; 4]| {
        tables
            .iter()
            .find(|t| &t.tag == tag)
            .map(|t| t.data)
            .ok_or_else(|| format!("the font has no {} table", String::from_utf8_lossy(tag)))
    };
    let head = find(b"head")?;
    let maxp = find(b"maxp")?;
    let loca = find(b"loca")?;
    let glyf = find(b"glyf")?;
    let long_loca = read_u16(head, 50)? == 1;
    let glyph_count = usize::from(read_u16(maxp, 4)?);

    let range = |glyph: usize| -> Result<(usize, usize), String> {
        let (start, end) = if long_loca {
            (
                read_u32(loca, glyph * 4)? as usize,
                read_u32(loca, glyph * 4 + 4)? as usize,
            )
        } else {
            (
                usize::from(read_u16(loca, glyph * 2)?) * 2,
                usize::from(read_u16(loca, glyph * 2 + 2)?) * 2,
            )
        };
        if start > end || end > glyf.len() {
            return Err(format!("glyph {glyph} lies outside the glyf table"));
        }
        Ok((start, end))
    };

    // The glyphs to keep: those drawn, .notdef, and composite parts.
    let mut keep = vec![false; glyph_count];
    let mut stack: Vec<u16> = used.iter().copied().chain([0]).collect();
    while let Some(glyph) = stack.pop() {
        let g = usize::from(glyph);
        if g >= glyph_count || keep[g] {
            continue;
        }
        keep[g] = true;
        let (start, end) = range(g)?;
        if end - start >= 10 && read_u16(glyf, start)? as i16 <= -1 {
            stack.extend(components(&glyf[start..end])?);
        }
    }

    // The new glyf and loca (long offsets).
    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity((glyph_count + 1) * 4);
    for (g, kept) in keep.iter().enumerate() {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        if *kept {
            let (start, end) = range(g)?;
            new_glyf.extend_from_slice(&glyf[start..end]);
            while new_glyf.len() % 4 != 0 {
                new_glyf.push(0);
            }
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());

    let mut new_head = head.to_vec();
    if new_head.len() < 54 {
        return Err("the head table is too short".into());
    }
    new_head[8..12].copy_from_slice(&[0; 4]);
    new_head[50..52].copy_from_slice(&1u16.to_be_bytes());

    let mut out_tables: Vec<([u8; 4], Vec<u8>)> = Vec::new();
    for table in &tables {
        if !KEEP.contains(&&table.tag) {
            continue;
        }
        let data = match &table.tag {
            b"glyf" => std::mem::take(&mut new_glyf),
            b"loca" => std::mem::take(&mut new_loca),
            b"head" => new_head.clone(),
            // Version 3: no glyph names.
            b"post" if table.data.len() >= 32 => {
                let mut post = table.data[..32].to_vec();
                post[0..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
                post
            }
            _ => table.data.to_vec(),
        };
        out_tables.push((table.tag, data));
    }
    out_tables.sort_by_key(|t| t.0);
    Ok(write_font(&out_tables))
}

/// One entry of the table directory.
struct Table<'a> {
    tag: [u8; 4],
    data: &'a [u8],
}

fn read_directory(font: &[u8]) -> Result<Vec<Table<'_>>, String> {
    let version = read_u32(font, 0)?;
    if version != 0x0001_0000 && version != u32::from_be_bytes(*b"true") {
        return Err("not a TrueType font".into());
    }
    let count = usize::from(read_u16(font, 4)?);
    let mut tables = Vec::with_capacity(count);
    for i in 0..count {
        let record = 12 + i * 16;
        let tag: [u8; 4] = font
            .get(record..record + 4)
            .and_then(|s| s.try_into().ok())
            .ok_or("the table directory is truncated")?;
        let offset = read_u32(font, record + 8)? as usize;
        let length = read_u32(font, record + 12)? as usize;
        let data = font
            .get(offset..offset + length)
            .ok_or_else(|| format!("table {} is truncated", String::from_utf8_lossy(&tag)))?;
        tables.push(Table { tag, data });
    }
    Ok(tables)
}

/// The glyphs a composite glyph is made of.
fn components(glyph: &[u8]) -> Result<Vec<u16>, String> {
    const ARGS_ARE_WORDS: u16 = 0x0001;
    const HAVE_SCALE: u16 = 0x0008;
    const MORE_COMPONENTS: u16 = 0x0020;
    const HAVE_XY_SCALE: u16 = 0x0040;
    const HAVE_TWO_BY_TWO: u16 = 0x0080;
    let mut parts = Vec::new();
    let mut at = 10;
    loop {
        let flags = read_u16(glyph, at)?;
        parts.push(read_u16(glyph, at + 2)?);
        at += 4;
        at += if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        if flags & HAVE_SCALE != 0 {
            at += 2;
        } else if flags & HAVE_XY_SCALE != 0 {
            at += 4;
        } else if flags & HAVE_TWO_BY_TWO != 0 {
            at += 8;
        }
        if flags & MORE_COMPONENTS == 0 {
            return Ok(parts);
        }
    }
}

/// An sfnt file from its tables (sorted by tag), with checksums.
fn write_font(tables: &[([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let count = tables.len() as u16;
    let entry_selector = 15 - count.max(1).leading_zeros() as u16;
    let search_range = (1u16 << entry_selector) * 16;
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    out.extend_from_slice(&count.to_be_bytes());
    out.extend_from_slice(&search_range.to_be_bytes());
    out.extend_from_slice(&entry_selector.to_be_bytes());
    out.extend_from_slice(&(count * 16 - search_range).to_be_bytes());
    let mut offset = 12 + tables.len() * 16;
    let mut head_at = None;
    for (tag, data) in tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, data) in tables {
        out.extend_from_slice(data);
        while out.len() % 4 != 0 {
            out.push(0);
        }
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

/// The TrueType checksum: the sum of the big-endian words, zero padded.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

fn read_u16(data: &[u8], at: usize) -> Result<u16, String> {
    data.get(at..at + 2)
        .map(|b| u16::from_be_bytes([b[0], b[1]]))
        .ok_or_else(|| "the font is truncated".to_string())
}

fn read_u32(data: &[u8], at: usize) -> Result<u32, String> {
    data.get(at..at + 4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or_else(|| "the font is truncated".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::pdf::fonts::Face;

    #[test]
    fn a_subset_keeps_the_glyphs_used_and_their_widths() {
        for face in Face::ALL {
            let full = ttf_parser::Face::parse(face.bytes(), 0).unwrap();
            let text = "Café – “é” ‖ Ŵ";
            let used: BTreeSet<u16> = text
                .chars()
                .filter_map(|c| full.glyph_index(c))
                .map(|g| g.0)
                .collect();
            let bytes = subset(face.bytes(), &used).unwrap();
            assert!(bytes.len() < face.bytes().len() / 4, "{}", bytes.len());
            let small = ttf_parser::Face::parse(&bytes, 0).unwrap();
            assert_eq!(small.number_of_glyphs(), full.number_of_glyphs());
            let bbox = |f: &ttf_parser::Face, c: char| {
                let g = f.glyph_index(c).unwrap();
                struct Nothing;
                impl ttf_parser::OutlineBuilder for Nothing {
                    fn move_to(&mut self, _: f32, _: f32) {}
                    fn line_to(&mut self, _: f32, _: f32) {}
                    fn quad_to(&mut self, _: f32, _: f32, _: f32, _: f32) {}
                    fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, _: f32, _: f32) {}
                    fn close(&mut self) {}
                }
                f.outline_glyph(g, &mut Nothing)
            };
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                assert_eq!(small.glyph_index(c), full.glyph_index(c));
                let g = full.glyph_index(c).unwrap();
                assert_eq!(small.glyph_hor_advance(g), full.glyph_hor_advance(g));
                assert_eq!(bbox(&small, c), bbox(&full, c), "{c} in {face:?}");
            }
            // A glyph not drawn has no outline left.
            assert!(bbox(&full, 'Q').is_some());
            assert!(bbox(&small, 'Q').is_none());
            // The whole-file checksum comes out at the magic number.
            assert_eq!(checksum(&bytes), 0xB1B0_AFBA);
        }
    }
}
