//! Text widths for wrapping labels in exported figures, measured with the
//! same typeface the app draws with (Ubuntu Light, with Hack for symbols
//! such as ‖), so that a label wraps in the figure as it does on screen.
//! The faces are kept in `assets/fonts` (with their licences); a test of the
//! app checks they are the very bytes the app draws with.

use std::sync::OnceLock;

/// The regular text face (Ubuntu Light, as in the app).
pub const TEXT_FONT: &[u8] = include_bytes!("../../../../assets/fonts/Ubuntu-Light.ttf");
/// The fallback face for symbols the text face lacks.
pub const SYMBOL_FONT: &[u8] = include_bytes!("../../../../assets/fonts/Hack-Regular.ttf");

/// The font families exported SVG asks for: the app's own face first.
pub const FONT_FAMILY: &str = "Ubuntu, 'DejaVu Sans', Arial, sans-serif";

struct Faces {
    text: ttf_parser::Face<'static>,
    symbols: ttf_parser::Face<'static>,
}

fn faces() -> Option<&'static Faces> {
    static FACES: OnceLock<Option<Faces>> = OnceLock::new();
    FACES
        .get_or_init(|| {
            Some(Faces {
                text: ttf_parser::Face::parse(TEXT_FONT, 0).ok()?,
                symbols: ttf_parser::Face::parse(SYMBOL_FONT, 0).ok()?,
            })
        })
        .as_ref()
}

/// The width of `text` set at `size`, in the same units as `size`.
pub fn text_width(text: &str, size: f32) -> f32 {
    let Some(faces) = faces() else {
        // Cannot happen with the bundled fonts; an average advance keeps
        // wrapping sensible all the same.
        return text.chars().count() as f32 * size * 0.52;
    };
    let mut units = 0.0;
    for ch in text.chars() {
        let advance = [&faces.text, &faces.symbols].iter().find_map(|face| {
            let glyph = face.glyph_index(ch)?;
            let advance = face.glyph_hor_advance(glyph)? as f32;
            Some(advance / face.units_per_em() as f32)
        });
        units += advance.unwrap_or(0.55);
    }
    units * size
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_measures_wider() {
        let narrow = text_width("iii", 15.0);
        let wide = text_width("WWW", 15.0);
        assert!(narrow > 0.0 && wide > narrow * 2.0, "{narrow} {wide}");
        assert!((text_width("‖", 15.0)) > 0.0);
    }
}
