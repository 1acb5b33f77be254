//! A diagram as a PNG picture: the SVG figure rasterised (resvg), with the
//! app's own fonts loaded so that the picture needs nothing installed.

use foresight_core::diagram::{SYMBOL_FONT, TEXT_FONT};

/// The most pixels a picture may have along one side.
pub const MAX_SIDE: u32 = 16_000;

/// Why a picture could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PngError {
    /// The SVG could not be read (cannot happen for [`super::svg::diagram_svg`] output).
    #[error("the figure could not be read: {0}")]
    Svg(String),
    /// The picture would be empty or too large.
    #[error("the picture would be {0}×{1} pixels: too large (at most {MAX_SIDE} a side)")]
    Size(u32, u32),
    /// Encoding failed.
    #[error("the picture could not be encoded: {0}")]
    Encode(String),
}

/// Rasterises an SVG figure at `scale` pixels per SVG unit (2.0 gives a
/// sharp picture for documents and slides) on a white background.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, PngError> {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options {
        font_family: "Ubuntu".to_string(),
        ..Default::default()
    };
    options.fontdb_mut().load_font_data(TEXT_FONT.to_vec());
    options.fontdb_mut().load_font_data(SYMBOL_FONT.to_vec());
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| PngError::Svg(e.to_string()))?;
    let size = tree.size();
    let width = (size.width() * scale).ceil() as u32;
    let height = (size.height() * scale).ceil() as u32;
    if width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE {
        return Err(PngError::Size(width, height));
    }
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or(PngError::Size(width, height))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| PngError::Encode(e.to_string()))
}

/// A scale that keeps a figure of this size within [`MAX_SIDE`], at most
/// `wanted`.
pub fn fitting_scale(svg_width: f32, svg_height: f32, wanted: f32) -> f32 {
    let side = svg_width.max(svg_height).max(1.0);
    wanted.min((MAX_SIDE - 1) as f32 / side)
}

/// The width and height an SVG written by [`super::svg::diagram_svg`]
/// declares (1000 for one it cannot read).
pub fn svg_size(svg: &str) -> (f32, f32) {
    let attribute = |name: &str| {
        svg.split_once(&format!("{name}=\""))
            .and_then(|(_, rest)| rest.split_once('"'))
            .and_then(|(v, _)| v.parse::<f32>().ok())
            .unwrap_or(1000.0)
    };
    (attribute("width"), attribute("height"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::svg::{SvgOptions, diagram_svg};

    #[test]
    fn the_munro_diagram_rasterises_to_a_png_with_text_drawn() {
        let review = foresight_core::examples::munro_appendix2();
        let svg = diagram_svg(&review, &review.diagrams[0], &SvgOptions::default());
        let png = svg_to_png(&svg, 1.0).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        // Width and height from the IHDR chunk.
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert!(width > 1000 && height > 600, "{width}×{height}");
        let again = svg_to_png(&svg, 2.0).unwrap();
        let width2 = u32::from_be_bytes(again[16..20].try_into().unwrap());
        assert!(width2 >= 2 * width - 1);
    }

    #[test]
    fn oversized_pictures_are_refused_not_attempted() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="10" viewBox="0 0 20000 10"></svg>"#;
        assert!(matches!(svg_to_png(svg, 1.0), Err(PngError::Size(..))));
        assert!(fitting_scale(20_000.0, 10.0, 2.0) < 1.0);
        assert_eq!(fitting_scale(1000.0, 800.0, 2.0), 2.0);
    }
}
