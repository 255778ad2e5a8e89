//! Reading a questionnaire folder from disk (the author's tool, the build and the tests; never
//! the browser app): every `.toml` file in it, in `articles/` and in `examples/`, as sources.

use crate::Source;
use std::path::{Path, PathBuf};

/// The `.toml` files of a questionnaire at `path` (a folder, or a single file), in a stable
/// order, each named as `shown` joined with its path inside the folder.
pub fn sources(path: &Path, shown: &str) -> Result<Vec<Source>, String> {
    if path.is_file() {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        return Ok(vec![Source::new(shown, text)]);
    }
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for sub in ["", "articles", "examples"] {
        let dir = path.join(sub);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            if sub.is_empty() {
                return Err(format!("cannot read the folder {}", path.display()));
            }
            continue;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if p.is_file() && name.ends_with(".toml") {
                let inside = if sub.is_empty() {
                    name
                } else {
                    format!("{sub}/{name}")
                };
                files.push((inside, p));
            }
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(format!(
            "there are no questionnaire files (*.toml) in {}",
            path.display()
        ));
    }
    let shown = shown.trim_end_matches('/');
    files
        .into_iter()
        .map(|(inside, p)| {
            std::fs::read_to_string(&p)
                .map(|text| {
                    let path = if shown == "." {
                        inside.clone()
                    } else {
                        format!("{shown}/{inside}")
                    };
                    Source::new(path, text)
                })
                .map_err(|e| format!("cannot read {}: {e}", p.display()))
        })
        .collect()
}
