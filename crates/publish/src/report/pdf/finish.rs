//! The last step: the document catalogue, information and outline.
//!
//! printpdf 0.12 writes a flat outline sorted by page and then by *name*
//! (two headings on one page can swap), pointing at the top of the page,
//! and an information dictionary with empty Author, Keywords and PDF/X
//! keys. So its outline is not used. Instead the file printpdf wrote is
//! rewritten once: every object is copied as it is, the catalogue and the
//! information dictionary are replaced (keeping their object numbers, so
//! nothing that refers to them changes), the outline objects are added,
//! and a new cross-reference table and trailer are written. The file ID is
//! a hash of the content, so the same report gives the same bytes.

use std::fmt::Write as _;

/// One entry of the outline (the viewer's bookmarks).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OutlineEntry {
    /// The text.
    pub title: String,
    /// 1 for a top-level entry, 2 for one nested under the level-1 entry
    /// before it.
    pub level: u8,
    /// The page (0-based).
    pub page: usize,
    /// Where the view's top goes, in PDF points from the page's bottom.
    pub top: f32,
}

/// The information dictionary.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Info {
    /// Title.
    pub title: String,
    /// Subject.
    pub subject: String,
    /// Creator and Producer.
    pub creator: String,
    /// CreationDate and ModDate, as a PDF date string (`D:20000101000000Z`).
    pub date: String,
}

/// An object of the file: its number, generation and bytes.
struct Object<'a> {
    id: u32,
    generation: u16,
    bytes: &'a [u8],
}

/// The file with the catalogue, information and outline replaced.
pub(crate) fn finish(raw: &[u8], info: &Info, outline: &[OutlineEntry]) -> Result<Vec<u8>, String> {
    let xref_at = start_xref(raw)?;
    let mut entries = read_xref(raw, xref_at)?;
    entries.sort_by_key(|e| e.2);
    let trailer_at = find(raw, b"trailer", xref_at).ok_or("no trailer")?;
    let trailer = &raw[trailer_at..];
    let root = reference_after(trailer, b"/Root").ok_or("the trailer has no /Root")?;
    let info_id = reference_after(trailer, b"/Info").ok_or("the trailer has no /Info")?;
    let size = number_after(trailer, b"/Size").ok_or("the trailer has no /Size")?;
    let size = u32::try_from(size).map_err(|_| "bad /Size")?;

    // Cut the file into its objects: each runs to the next one's offset.
    let first_offset = entries.first().map_or(xref_at, |e| e.2);
    let mut objects = Vec::with_capacity(entries.len());
    for (k, &(id, generation, offset)) in entries.iter().enumerate() {
        let end = entries.get(k + 1).map_or(xref_at, |e| e.2);
        if offset > end || end > raw.len() {
            return Err(format!("object {id} lies outside the file"));
        }
        let bytes = &raw[offset..end];
        if !bytes.starts_with(format!("{id} {generation} obj").as_bytes()) {
            return Err(format!("object {id} is not where the table says"));
        }
        objects.push(Object {
            id,
            generation,
            bytes,
        });
    }
    let catalog = objects
        .iter()
        .find(|o| o.id == root)
        .ok_or("the catalogue is missing")?;
    let pages_id =
        reference_after(catalog.bytes, b"/Pages").ok_or("the catalogue has no /Pages")?;
    let pages = objects
        .iter()
        .find(|o| o.id == pages_id)
        .ok_or("the page tree is missing")?;
    let kids = references_in_array(pages.bytes, b"/Kids").ok_or("the page tree has no /Kids")?;

    // The outline objects, numbered from the old size on.
    let outline_root = size;
    let outline_objects = outline_objects(outline, outline_root, &kids);
    let new_size = size + outline_objects.len() as u32;

    let mut catalogue = format!("<< /Type /Catalog /Pages {pages_id} 0 R /PageLayout /OneColumn");
    if !outline.is_empty() {
        let _ = write!(
            catalogue,
            " /Outlines {outline_root} 0 R /PageMode /UseOutlines"
        );
    }
    catalogue.push_str(" /ViewerPreferences << /DisplayDocTitle true >> /Lang (en-GB) >>");
    let information = format!(
        "<< /Title {} /Subject {} /Creator {} /Producer {} /CreationDate ({}) /ModDate ({}) >>",
        text_string(&info.title),
        text_string(&info.subject),
        text_string(&info.creator),
        text_string(&info.creator),
        info.date,
        info.date
    );

    let mut out = Vec::with_capacity(raw.len() + 4096);
    out.extend_from_slice(&raw[..first_offset]);
    let mut offsets: Vec<(u32, u16, usize)> =
        Vec::with_capacity(objects.len() + outline_objects.len());
    for object in &objects {
        offsets.push((object.id, object.generation, out.len()));
        if object.id == root {
            write_object(&mut out, root, object.generation, &catalogue);
        } else if object.id == info_id {
            write_object(&mut out, info_id, object.generation, &information);
        } else {
            out.extend_from_slice(object.bytes);
            if !out.ends_with(b"\n") {
                out.push(b'\n');
            }
        }
    }
    for (k, body) in outline_objects.iter().enumerate() {
        let id = outline_root + k as u32;
        offsets.push((id, 0, out.len()));
        write_object(&mut out, id, 0, body);
    }

    // The cross-reference table, in runs of consecutive numbers.
    offsets.sort_by_key(|o| o.0);
    let xref_start = out.len();
    let mut table = String::from("xref\n0 1\n0000000000 65535 f\r\n");
    let mut k = 0;
    while k < offsets.len() {
        let mut end = k + 1;
        while end < offsets.len() && offsets[end].0 == offsets[end - 1].0 + 1 {
            end += 1;
        }
        let _ = writeln!(table, "{} {}", offsets[k].0, end - k);
        for &(_, generation, offset) in &offsets[k..end] {
            let _ = write!(table, "{offset:010} {generation:05} n\r\n");
        }
        k = end;
    }
    out.extend_from_slice(table.as_bytes());
    let id = file_id(&out);
    let trailer = format!(
        "trailer\n<< /Size {new_size} /Root {root} 0 R /Info {info_id} 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref_start}\n%%EOF\n"
    );
    out.extend_from_slice(trailer.as_bytes());
    Ok(out)
}

fn write_object(out: &mut Vec<u8>, id: u32, generation: u16, body: &str) {
    out.extend_from_slice(format!("{id} {generation} obj\n{body}\nendobj\n").as_bytes());
}

/// The outline: the root dictionary and then one per entry. Level-2
/// entries nest under the level-1 entry before them and start closed.
fn outline_objects(entries: &[OutlineEntry], root: u32, pages: &[u32]) -> Vec<String> {
    if entries.is_empty() {
        return Vec::new();
    }
    let id = |k: usize| root + 1 + k as u32;
    // The parent of each entry (None: the root).
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(entries.len());
    let mut last_top: Option<usize> = None;
    for (k, e) in entries.iter().enumerate() {
        if e.level >= 2 && last_top.is_some() {
            parent.push(last_top);
        } else {
            parent.push(None);
            last_top = Some(k);
        }
    }
    let children = |p: Option<usize>| -> Vec<usize> {
        (0..entries.len()).filter(|&k| parent[k] == p).collect()
    };
    let top = children(None);
    let mut objects = Vec::with_capacity(entries.len() + 1);
    objects.push(format!(
        "<< /Type /Outlines /First {} 0 R /Last {} 0 R /Count {} >>",
        id(top[0]),
        id(top[top.len() - 1]),
        top.len()
    ));
    for (k, e) in entries.iter().enumerate() {
        let siblings = children(parent[k]);
        let at = siblings.iter().position(|&s| s == k).unwrap_or(0);
        let mut dict = format!(
            "<< /Title {} /Parent {} 0 R",
            text_string(&e.title),
            parent[k].map_or(root, id)
        );
        if at > 0 {
            let _ = write!(dict, " /Prev {} 0 R", id(siblings[at - 1]));
        }
        if let Some(next) = siblings.get(at + 1) {
            let _ = write!(dict, " /Next {} 0 R", id(*next));
        }
        let kids = children(Some(k));
        if let (Some(first), Some(last)) = (kids.first(), kids.last()) {
            let _ = write!(
                dict,
                " /First {} 0 R /Last {} 0 R /Count -{}",
                id(*first),
                id(*last),
                kids.len()
            );
        }
        if let Some(page) = pages.get(e.page) {
            let _ = write!(dict, " /Dest [{page} 0 R /XYZ null {:.2} null]", e.top);
        }
        dict.push_str(" >>");
        objects.push(dict);
    }
    objects
}

/// A PDF text string: UTF-16BE with a byte-order mark, in hex.
fn text_string(text: &str) -> String {
    let mut out = String::from("<FEFF");
    for unit in text.encode_utf16() {
        let _ = write!(out, "{unit:04X}");
    }
    out.push('>');
    out
}

/// A 16-byte hash of the file so far, in hex: two FNV-1a passes with
/// different offsets.
fn file_id(bytes: &[u8]) -> String {
    let fnv = |seed: u64| {
        bytes.iter().fold(seed, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    format!(
        "{:016X}{:016X}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x84222325_cbf29ce4)
    )
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn start_xref(raw: &[u8]) -> Result<usize, String> {
    let at = rfind(raw, b"startxref").ok_or("no startxref")?;
    let mut tokens = Tokens::new(raw, at + b"startxref".len());
    tokens
        .number()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| "bad startxref".to_string())
}

/// The in-use entries of the cross-reference table at `at`: (number,
/// generation, offset).
fn read_xref(raw: &[u8], at: usize) -> Result<Vec<(u32, u16, usize)>, String> {
    if raw.get(at..at + 4) != Some(b"xref") {
        return Err("no cross-reference table where startxref points".into());
    }
    let mut tokens = Tokens::new(raw, at + 4);
    let mut entries = Vec::new();
    // Sections until "trailer" (which is not a number).
    while let Some(start) = tokens.number() {
        let count = tokens.number().ok_or("bad cross-reference section")?;
        for k in 0..count {
            let offset = tokens.number().ok_or("bad cross-reference entry")?;
            let generation = tokens.number().ok_or("bad cross-reference entry")?;
            let kind = tokens.word().ok_or("bad cross-reference entry")?;
            if kind == b"n" {
                entries.push((
                    u32::try_from(start + k).map_err(|_| "bad object number")?,
                    u16::try_from(generation).map_err(|_| "bad generation")?,
                    usize::try_from(offset).map_err(|_| "bad offset")?,
                ));
            }
        }
    }
    Ok(entries)
}

/// `N G R` after `key`.
fn reference_after(bytes: &[u8], key: &[u8]) -> Option<u32> {
    let at = find(bytes, key, 0)? + key.len();
    let mut tokens = Tokens::new(bytes, at);
    let id = tokens.number()?;
    tokens.number()?;
    (tokens.word()? == b"R").then_some(u32::try_from(id).ok()?)
}

/// The number after `key`.
fn number_after(bytes: &[u8], key: &[u8]) -> Option<u64> {
    let at = find(bytes, key, 0)? + key.len();
    Tokens::new(bytes, at).number()
}

/// The references of the array after `key`: `[1 0 R 2 0 R]`.
fn references_in_array(bytes: &[u8], key: &[u8]) -> Option<Vec<u32>> {
    let at = find(bytes, key, 0)? + key.len();
    let open = find(bytes, b"[", at)?;
    let close = find(bytes, b"]", open)?;
    let mut tokens = Tokens::new(&bytes[..close], open + 1);
    let mut out = Vec::new();
    while let Some(id) = tokens.number() {
        tokens.number()?;
        if tokens.word()? != b"R" {
            return None;
        }
        out.push(u32::try_from(id).ok()?);
    }
    Some(out)
}

/// Whitespace-separated tokens (enough for numbers and `R`/`n`/`f`).
struct Tokens<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Tokens<'a> {
    fn new(bytes: &'a [u8], at: usize) -> Self {
        Tokens { bytes, at }
    }

    fn word(&mut self) -> Option<&'a [u8]> {
        while self.bytes.get(self.at)?.is_ascii_whitespace() {
            self.at += 1;
        }
        let start = self.at;
        while self
            .bytes
            .get(self.at)
            .is_some_and(|b| b.is_ascii_alphanumeric())
        {
            self.at += 1;
        }
        (self.at > start).then(|| &self.bytes[start..self.at])
    }

    fn number(&mut self) -> Option<u64> {
        let save = self.at;
        let word = self.word();
        match word.and_then(|w| std::str::from_utf8(w).ok()?.parse().ok()) {
            Some(n) => Some(n),
            None => {
                self.at = save;
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlines_nest_level_two_under_level_one() {
        let e = |title: &str, level| OutlineEntry {
            title: title.into(),
            level,
            page: 0,
            top: 800.0,
        };
        let entries = vec![
            e("Contents", 1),
            e("1. Intro", 1),
            e("1.1 A", 2),
            e("1.2 B", 2),
            e("2. Next", 1),
        ];
        let objects = outline_objects(&entries, 100, &[7]);
        assert_eq!(objects.len(), 6);
        assert!(objects[0].contains("/First 101 0 R /Last 105 0 R /Count 3"));
        // "1. Intro" (102) holds 103 and 104, closed.
        assert!(
            objects[2].contains("/First 103 0 R /Last 104 0 R /Count -2"),
            "{}",
            objects[2]
        );
        assert!(objects[3].contains("/Parent 102 0 R") && objects[3].contains("/Next 104 0 R"));
        assert!(objects[4].contains("/Prev 103 0 R"));
        assert!(objects[5].contains("/Prev 102 0 R") && objects[5].contains("/Parent 100 0 R"));
        assert!(objects[1].contains("/Dest [7 0 R /XYZ null 800.00 null]"));
        assert_eq!(text_string("é"), "<FEFF00E9>");
    }
}
