//! The TOML syntax pass: nesting kept within bounds, every slip of a file at once in plain
//! words, and prose tidied (single line breaks inside a paragraph become spaces).

use super::*;

/// How deep lists, tables and conditions may nest (the check-in needs 5).
pub const MAX_DEPTH: usize = 64;

/// Where brackets and braces first nest deeper than [`MAX_DEPTH`], if they do: the parser and
/// every pass over conditions recurse, so a file like `a = [[[[…` must be stopped first.
pub(crate) fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' && q == b'"' {
                    i += 1;
                } else if b == q || b == b'\n' {
                    quote = None;
                }
            }
            None => match b {
                b'"' | b'\'' => quote = Some(b),
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'[' | b'{' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some(i);
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        i += 1;
    }
    None
}

/// Phase one and a half: the TOML syntax, every slip at once, in plain words.
pub(crate) fn parse<'a>(
    r: &mut Reader,
    file: usize,
    lines: &Lines<'a>,
) -> Option<Spanned<DeTable<'a>>> {
    let (table, errors) = DeTable::parse_recoverable(lines.text);
    if errors.is_empty() {
        return Some(table);
    }
    for e in errors {
        let offset = e.span().map_or(0, |s| s.start);
        let message = plain_syntax(e.message(), lines, offset);
        r.error(lines.at(file, offset), Vec::new(), message);
    }
    None
}

/// A TOML parser message, reworded for a writer where the cause is a known slip.
pub(crate) fn plain_syntax(raw: &str, lines: &Lines, offset: usize) -> String {
    let raw = raw.trim().trim_end_matches('.').replace('`', "\"");
    let line = lines.line_of(offset);
    let before = line.split_once('=').map_or("", |(_, v)| v).trim_start();
    if line.contains(['“', '”', '‘', '’']) && before.starts_with(['“', '”', '‘', '’'])
    {
        return "this text starts with a curly quote (“ or ‘); put it between straight quotes (\"…\") or three of them (\"\"\"…\"\"\"); word processors change quotes, so retype them in a plain text editor".into();
    }
    if before.starts_with('"') && !before.starts_with("\"\"\"") && line.matches('"').count() > 2 {
        return "this text has a \" inside it, which ends it early; put the text between three quotes (\"\"\"…\"\"\") instead, or use curly quotes “ ” inside it".into();
    }
    if before.starts_with('"') && line.matches('"').count() == 1 {
        return "this text has no closing quote; end it with \" on the same line, or, for a text over several lines, put it between three quotes (\"\"\"…\"\"\")".into();
    }
    if raw.contains("duplicate key") {
        return format!(
            "{raw}: this name is already set above in the same table; keep one of them"
        );
    }
    format!("this is not valid TOML ({raw}); check this line for a missing quote, = or bracket")
}

/// Prose is written over several lines as she likes: single line breaks inside a paragraph
/// become spaces, blank lines separate paragraphs, and the ends are trimmed.
pub(crate) fn tidy_prose(table: &mut DeTable) {
    for (_, value) in table.iter_mut() {
        tidy_value(value.get_mut());
    }
}

pub(crate) fn tidy_value(value: &mut DeValue) {
    match value {
        DeValue::String(s) if s.contains('\n') || s.starts_with(char::is_whitespace) => {
            let paragraphs: Vec<String> = s
                .split("\n\n")
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|p| !p.is_empty())
                .collect();
            *s = Cow::Owned(paragraphs.join("\n\n"));
        }
        DeValue::Array(items) => items.iter_mut().for_each(|v| tidy_value(v.get_mut())),
        DeValue::Table(t) => tidy_prose(t),
        _ => {}
    }
}
