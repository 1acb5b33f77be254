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
    Ok(())
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
