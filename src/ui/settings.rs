//! What the app remembers between runs: recent files, the last open file,
//! text size and theme. Stored by eframe under [`KEY`].

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The eframe storage key of the settings.
pub const KEY: &str = "foresight-settings";

/// How many recent files are remembered.
const RECENT_LIMIT: usize = 10;

/// The app's remembered settings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened or saved files, most recent first.
    pub recent: Vec<PathBuf>,
    /// The file open when the app last closed.
    pub last_file: Option<PathBuf>,
    /// The zoom factor (text size), when changed from the default.
    pub zoom: Option<f32>,
    /// True for the dark theme.
    pub dark: bool,
    /// True for the projector setting: larger text, thicker lines, high
    /// contrast.
    pub projector: bool,
    /// True once the user unticked "Show this screen when Foresight
    /// starts" on the start screen.
    pub hide_start_screen: bool,
}

impl Settings {
    /// Puts a file at the top of the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(RECENT_LIMIT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_capped() {
        let mut settings = Settings::default();
        for i in 0..12 {
            settings.remember(Path::new(&format!("/r/{i}.review.ron")));
        }
        settings.remember(Path::new("/r/5.review.ron"));
        assert_eq!(settings.recent.len(), 10);
        assert_eq!(settings.recent[0], PathBuf::from("/r/5.review.ron"));
        assert_eq!(
            settings
                .recent
                .iter()
                .filter(|p| p.ends_with("5.review.ron"))
                .count(),
            1
        );
    }
}
