//! Atomic file replacement: write a temporary file beside the target, flush
//! it to disk, then rename it over the target.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

/// Why an atomic write failed. In every case the target file is unchanged
/// and no temporary file is left behind.
#[derive(Debug, thiserror::Error)]
#[error("{}: could not save ({stage}): {source}; the previous file is unchanged", path.display())]
pub struct AtomicWriteError {
    /// The file that was being written.
    pub path: PathBuf,
    /// Which step failed: "create a temporary file", "write", "flush", "replace".
    pub stage: &'static str,
    /// The operating system's reason.
    pub source: io::Error,
}

/// Replaces `path` with what `write` puts into a fresh file, atomically.
///
/// `write` receives a temporary file in the same folder as `path`. When it
/// returns an error, or any later step fails, the temporary file is removed
/// and `path` is left exactly as it was.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), AtomicWriteError> {
    let fail = |stage: &'static str| {
        move |source: io::Error| AtomicWriteError {
            path: path.to_path_buf(),
            stage,
            source,
        }
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".saving")
        .tempfile_in(&folder)
        .map_err(fail("create a temporary file"))?;
    write(temp.as_file_mut()).map_err(fail("write"))?;
    temp.as_file().sync_all().map_err(fail("flush"))?;
    if let Ok(meta) = std::fs::metadata(path) {
        // Keep the permissions the user gave the file.
        let _ = temp.as_file().set_permissions(meta.permissions());
    }
    temp.persist(path).map_err(|e| fail("replace")(e.error))?;
    // Make the rename itself durable.
    if let Ok(dir) = File::open(&folder) {
        let _ = dir.sync_all();
    }
    remove_leftovers(&folder, &name);
    Ok(())
}

/// How old a temporary file of an earlier save must be to count as left
/// behind (by a save killed midway) rather than in use by a save under way.
const LEFT_BEHIND: std::time::Duration = std::time::Duration::from_secs(120);

/// Removes the temporary files that saves of `name` killed midway left in
/// `folder` (`.NAME.XXXXXX.saving`, untouched for [`LEFT_BEHIND`]). They
/// hold nothing the saved file does not: each was a copy being written.
fn remove_leftovers(folder: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let Some(middle) = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".saving"))
        else {
            continue;
        };
        if middle.is_empty() || !middle.chars().all(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let old_enough = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= LEFT_BEHIND);
        if old_enough {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".saving"))
            .collect()
    }

    #[test]
    fn a_save_removes_what_a_killed_save_left_behind_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("case.review.ron");
        let stale = dir.path().join(".case.review.ron.Ab12Cd.saving");
        let fresh = dir.path().join(".case.review.ron.Xy98Zw.saving");
        let other = dir.path().join(".other.review.ron.Ab12Cd.saving");
        for path in [&stale, &fresh, &other] {
            std::fs::write(path, "half a file").unwrap();
        }
        let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for path in [&stale, &other] {
            File::options()
                .write(true)
                .open(path)
                .unwrap()
                .set_modified(long_ago)
                .unwrap();
        }
        write_atomic(&target, |f| f.write_all(b"saved")).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"saved");
        assert!(!stale.exists(), "left behind by a killed save");
        assert!(fresh.exists(), "may belong to a save under way");
        assert!(other.exists(), "another file's");
    }

    #[test]
    fn a_failing_writer_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.review.ron");
        std::fs::write(&path, "old content").unwrap();
        let err = write_atomic(&path, |f| {
            f.write_all(b"half of the new")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(err.stage, "write");
        assert!(err.to_string().contains("previous file is unchanged"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old content");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_missing_folder_fails_before_touching_anything() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("case.review.ron");
        let err = write_atomic(&path, |f| f.write_all(b"x")).unwrap_err();
        assert_eq!(err.stage, "create a temporary file");
        assert!(!path.exists());
    }

    #[test]
    fn a_successful_write_replaces_the_file_and_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.review.ron");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, |f| f.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert!(leftovers(dir.path()).is_empty());
    }
}
