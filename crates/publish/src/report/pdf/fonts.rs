//! The three bundled faces of DejaVu Sans (regular, bold, oblique) and
//! their advance widths, read with ttf-parser.
//!
//! Widths are rounded down to 1/1000 em exactly as printpdf writes them into
//! the PDF's `/W` array, so a line measured here ends where the viewer draws
//! it, and a run placed after another run never overlaps or gaps.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// DejaVu Sans.
pub(crate) const REGULAR: &[u8] = include_bytes!("../../../../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold.
pub(crate) const BOLD: &[u8] = include_bytes!("../../../../../assets/fonts/DejaVuSans-Bold.ttf");
/// DejaVu Sans Oblique.
pub(crate) const ITALIC: &[u8] =
    include_bytes!("../../../../../assets/fonts/DejaVuSans-Oblique.ttf");

/// One of the bundled faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub(crate) enum Face {
    /// DejaVu Sans.
    #[default]
    Regular,
    /// DejaVu Sans Bold (also used for bold italic spans).
    Bold,
    /// DejaVu Sans Oblique.
    Italic,
}

impl Face {
    /// Every face, in index order.
    pub(crate) const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];

    /// The face for a span's style. There is no bold oblique face: bold
    /// wins.
    pub(crate) fn of(bold: bool, italic: bool) -> Face {
        if bold {
            Face::Bold
        } else if italic {
            Face::Italic
        } else {
            Face::Regular
        }
    }

    /// Position in [`Face::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// The font file.
    pub(crate) fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR,
            Face::Bold => BOLD,
            Face::Italic => ITALIC,
        }
    }

    /// The PostScript name of the face.
    pub(crate) fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "DejaVuSans",
            Face::Bold => "DejaVuSans-Bold",
            Face::Italic => "DejaVuSans-Oblique",
        }
    }
}

/// A parsed face with the widths of the ASCII characters ready.
pub(crate) struct FaceMetrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    ascii: [f32; 128],
}

impl FaceMetrics {
    fn parse(face: Face) -> Option<FaceMetrics> {
        let parsed = ttf_parser::Face::parse(face.bytes(), 0).ok()?;
        let units_per_em = f32::from(parsed.units_per_em());
        let mut metrics = FaceMetrics {
            face: parsed,
            units_per_em,
            ascii: [0.0; 128],
        };
        for code in 0..128u8 {
            metrics.ascii[usize::from(code)] = metrics.lookup(char::from(code));
        }
        Some(metrics)
    }

    /// The glyph a character is drawn with (0, the .notdef box, when the
    /// face lacks it: printpdf draws the same).
    pub(crate) fn glyph(&self, ch: char) -> u16 {
        self.face.glyph_index(ch).map_or(0, |g| g.0)
    }

    /// The advance of a character in em, as the PDF will have it.
    fn lookup(&self, ch: char) -> f32 {
        let glyph = ttf_parser::GlyphId(self.glyph(ch));
        let advance = f32::from(self.face.glyph_hor_advance(glyph).unwrap_or(0));
        // printpdf writes `(advance * 1000 / upm) as i64` into /W.
        (advance * 1000.0 / self.units_per_em).trunc() / 1000.0
    }

    /// The advance of a character in em.
    pub(crate) fn advance(&self, ch: char) -> f32 {
        match self.ascii.get(ch as usize) {
            Some(w) => *w,
            None => self.lookup(ch),
        }
    }

    /// Units per em of the face.
    pub(crate) fn units_per_em(&self) -> f32 {
        self.units_per_em
    }

    /// Draws the outline of a character's glyph (in font units, y up).
    pub(crate) fn outline(&self, ch: char, builder: &mut dyn ttf_parser::OutlineBuilder) {
        let _ = self
            .face
            .outline_glyph(ttf_parser::GlyphId(self.glyph(ch)), builder);
    }

    /// Whether the face has a glyph for the character.
    #[cfg(test)]
    pub(crate) fn covers(&self, ch: char) -> bool {
        self.face.glyph_index(ch).is_some()
    }
}

/// The three faces, parsed once per process.
pub(crate) struct FontSet {
    faces: [FaceMetrics; 3],
}

impl FontSet {
    /// The bundled faces, or `None` if a font file cannot be read (which
    /// the tests rule out).
    pub(crate) fn get() -> Option<&'static FontSet> {
        static FONTS: OnceLock<Option<FontSet>> = OnceLock::new();
        FONTS
            .get_or_init(|| {
                Some(FontSet {
                    faces: [
                        FaceMetrics::parse(Face::Regular)?,
                        FaceMetrics::parse(Face::Bold)?,
                        FaceMetrics::parse(Face::Italic)?,
                    ],
                })
            })
            .as_ref()
    }

    /// One face's metrics.
    pub(crate) fn face(&self, face: Face) -> &FaceMetrics {
        &self.faces[face.index()]
    }
}

/// Measures text for one document, caching the widths of non-ASCII
/// characters per face.
pub(crate) struct Measurer {
    fonts: &'static FontSet,
    cache: RefCell<HashMap<(Face, char), f32>>,
}

impl Measurer {
    /// A measurer over the bundled faces.
    pub(crate) fn new(fonts: &'static FontSet) -> Measurer {
        Measurer {
            fonts,
            cache: RefCell::new(HashMap::new()),
        }
    }

    /// The advance of one character in em.
    pub(crate) fn advance(&self, face: Face, ch: char) -> f32 {
        if ch.is_ascii() {
            return self.fonts.face(face).advance(ch);
        }
        *self
            .cache
            .borrow_mut()
            .entry((face, ch))
            .or_insert_with(|| self.fonts.face(face).advance(ch))
    }

    /// The width of a text in points at `size`.
    pub(crate) fn width(&self, face: Face, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(face, c)).sum::<f32>() * size
    }
}

/// The width of `text` set in DejaVu Sans (bold when asked) at `size`, in
/// the units of `size`: the face the PDF report draws figure labels in.
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    match FontSet::get() {
        Some(fonts) => {
            let face = fonts.face(if bold { Face::Bold } else { Face::Regular });
            text.chars().map(|c| face.advance(c)).sum::<f32>() * size
        }
        // Unreachable with the bundled fonts; a fair average otherwise.
        None => text.chars().count() as f32 * size * if bold { 0.62 } else { 0.56 },
    }
}
