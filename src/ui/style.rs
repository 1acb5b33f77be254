//! Large, readable defaults for laptops and projectors.

use eframe::egui::{self, Color32, FontFamily, FontId, TextStyle, ThemePreference, vec2};

/// Adds Hack (egui's bundled monospace font) as a fallback for ordinary
/// text, so arrows, "‖" and other symbols in review text are drawn rather
/// than shown as boxes.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    if fonts.font_data.contains_key("Hack") {
        let proportional = fonts.families.entry(FontFamily::Proportional).or_default();
        if !proportional.iter().any(|f| f == "Hack") {
            let at = proportional.len().min(1);
            proportional.insert(at, "Hack".to_owned());
        }
    }
    ctx.set_fonts(fonts);
}

/// Applies Foresight's text sizes and spacing to both themes, and the theme.
pub fn apply(ctx: &egui::Context, dark: bool) {
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(22.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(16.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(16.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(15.0, FontFamily::Monospace),
            ),
            (
                TextStyle::Small,
                FontId::new(13.0, FontFamily::Proportional),
            ),
        ]
        .into();
        style.spacing.item_spacing = vec2(10.0, 7.0);
        style.spacing.button_padding = vec2(8.0, 4.0);
        style.spacing.interact_size.y = 28.0;
        style.spacing.combo_height = 420.0;
    });
    // Stronger text contrast than egui's defaults, for projectors.
    ctx.style_mut_of(egui::Theme::Light, |style| {
        style.visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(25);
        style.visuals.widgets.inactive.fg_stroke.color = Color32::from_gray(15);
    });
    ctx.style_mut_of(egui::Theme::Dark, |style| {
        style.visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(225);
        style.visuals.widgets.inactive.fg_stroke.color = Color32::from_gray(235);
    });
    ctx.set_theme(if dark {
        ThemePreference::Dark
    } else {
        ThemePreference::Light
    });
}

/// Where the projector setting is kept for the frame, for the drawings.
fn projector_key() -> egui::Id {
    egui::Id::unique("foresight-projector")
}

/// Switches the projector setting (call after [`apply`]): larger text
/// everywhere, and diagrams in high contrast with thicker lines.
pub fn set_projector(ctx: &egui::Context, on: bool) {
    ctx.data_mut(|d| d.insert_temp(projector_key(), on));
    if !on {
        return;
    }
    ctx.all_styles_mut(|style| {
        for (text_style, font) in style.text_styles.iter_mut() {
            font.size = match text_style {
                TextStyle::Heading => 28.0,
                TextStyle::Small => 16.0,
                TextStyle::Monospace => 18.0,
                _ => 20.0,
            };
        }
        style.spacing.interact_size.y = 34.0;
    });
    ctx.style_mut_of(egui::Theme::Light, |style| {
        style.visuals.widgets.noninteractive.fg_stroke.color = Color32::BLACK;
        style.visuals.widgets.inactive.fg_stroke.color = Color32::BLACK;
    });
}

/// True when the projector setting is on.
pub fn projector(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp(projector_key())).unwrap_or(false)
}
