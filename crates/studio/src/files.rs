//! Her files as the studio holds them: each as last read from her folder, and as she has it in
//! the editor (with changes not yet saved). Typing, saving and a new version read from the
//! folder all come through here; the checker then reads her texts, saved or not, so the
//! preview follows her typing.

use super::{editor, io, Studio};
use leptos::prelude::*;

/// One of her files.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    /// Its path, as the checker's messages name it.
    pub path: String,
    /// What her folder holds.
    pub disk: String,
    /// What she has in the studio (the same as `disk` once saved).
    pub text: String,
}

impl File {
    /// Whether she has changes here that are not in her folder yet.
    pub fn unsaved(&self) -> bool {
        self.text != self.disk
    }
}

/// A new version read from her folder. A file she is changing keeps her changes (saving puts
/// them in the folder); the others take what the folder says. Returns whether a file with
/// unsaved changes also changed in the folder.
pub fn read(studio: Studio, from_disk: Vec<(String, String)>) -> bool {
    let mut clash = false;
    studio.files.update(|files| {
        let mut next = Vec::with_capacity(from_disk.len());
        for (path, disk) in from_disk {
            let text = match files.iter().find(|f| f.path == path) {
                Some(f) if f.unsaved() => {
                    clash |= f.disk != disk && f.text != disk;
                    f.text.clone()
                }
                _ => disk.clone(),
            };
            next.push(File { path, disk, text });
        }
        // Unsaved work on a file that went from the folder is kept, so nothing is lost.
        let gone: Vec<File> = files
            .drain(..)
            .filter(|f| f.unsaved() && !next.iter().any(|n| n.path == f.path))
            .collect();
        next.extend(gone);
        *files = next;
    });
    let open = studio.open.get_untracked();
    let paths = studio
        .files
        .with_untracked(|files| files.iter().map(|f| f.path.clone()).collect::<Vec<_>>());
    match open.filter(|p| paths.contains(p)) {
        Some(path) => show(studio, &path),
        None => {
            // The first file (questions.toml when there is one) opens by itself.
            let first = paths
                .iter()
                .find(|p| p.ends_with("/questions.toml") || *p == "questions.toml")
                .or(paths.first())
                .cloned();
            studio.open.set(first.clone());
            if let Some(path) = first {
                show(studio, &path);
            }
        }
    }
    editor::keep(paths);
    clash
}

/// Her text of a file, as she has it in the studio.
fn text_of(studio: Studio, path: &str) -> Option<String> {
    studio.files.with_untracked(|files| {
        files
            .iter()
            .find(|f| f.path == path)
            .map(|f| f.text.clone())
    })
}

/// Shows a file in the editor, with her text.
pub fn show(studio: Studio, path: &str) {
    if let Some(text) = text_of(studio, path) {
        editor::show(path, &text);
    }
}

/// Opens a file in the editor at a line and column (from 1; 0 for the top), giving the editor
/// the focus when asked (not when she is moving about the map).
pub fn open_at(studio: Studio, path: &str, line: u32, column: u32, focus: bool) {
    let known = studio
        .files
        .with_untracked(|files| files.iter().any(|f| f.path == path));
    if !known {
        studio
            .status
            .set(format!("{path} is not open in the studio."));
        return;
    }
    if studio.open.get_untracked().as_deref() != Some(path) {
        studio.open.set(Some(path.to_string()));
        show(studio, path);
    }
    editor::go_to(line.max(1), column.max(1), focus);
}

/// Her typing: the file's text changes, and the checker runs once she pauses.
pub fn typed(studio: Studio, path: String, text: String) {
    studio.files.update(|files| {
        if let Some(f) = files.iter_mut().find(|f| f.path == path) {
            f.text = text;
        }
    });
}

/// Saves a file (Ctrl+S or the Save button) into her folder.
pub fn save(studio: Studio, path: &str) {
    if let Some(text) = text_of(studio, path) {
        studio.status.set(format!("Saving {path}…"));
        io::write(path, &text);
    }
}

/// A file written into her folder: what it holds now.
pub fn saved(studio: Studio, path: String, text: String) {
    studio.files.update(|files| {
        if let Some(f) = files.iter_mut().find(|f| f.path == path) {
            f.disk = text;
        }
    });
}

/// The files, with her changes, as the checker reads them.
pub fn sources(studio: Studio) -> Vec<author::Source> {
    studio.files.with_untracked(|files| {
        files
            .iter()
            .map(|f| author::Source::new(&f.path, &f.text))
            .collect()
    })
}
