//! Where each value is written: line starts, and the places (in the checker's words, e.g.
//! `question "contact" › option "daily" › next`) of every file, so a problem found later in the
//! model can still point at its line.

use super::*;

/// A line and column in one of the sources (both from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    /// Which source, by its position in the list read.
    pub file: usize,
    /// The line, from 1.
    pub line: u32,
    /// The column in characters, from 1.
    pub column: u32,
}

/// Where each place (in the checker's words: `question "contact" › option "daily" › next`) is
/// written, so a problem found later in the model can still point at a line.
///
/// Reading records only where each top-level list element (a question, an article, …) starts
/// and ends; the places inside one are worked out from its own text when a problem there needs
/// a line, so a clean check of a large file never pays for an index of every value.
#[derive(Debug, Clone, Default)]
pub struct Places {
    pub(crate) files: Vec<String>,
    /// Each file's text (byte-order mark removed); `None` for files not read here.
    pub(crate) texts: Vec<Option<String>>,
    /// Top-level places (`question "x"`, `article "y"`) and the text they span.
    pub(crate) regions: HashMap<String, Region>,
    /// Places whose line was noted while reading (top-level keys, named conditions).
    pub(crate) known: HashMap<String, Loc>,
    /// The places inside each region, worked out when first needed.
    pub(crate) inside: std::cell::RefCell<HashMap<String, HashMap<Vec<String>, Loc>>>,
    /// Every place of every file, for problems that know a line but not a place.
    pub(crate) every: std::cell::OnceCell<HashMap<Vec<String>, Loc>>,
}

/// A stretch of a file that holds one top-level place.
#[derive(Debug, Clone)]
pub(crate) struct Region {
    pub(crate) file: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) base: Vec<String>,
}

impl Places {
    pub(crate) fn lines(&self, file: usize) -> Option<Lines<'_>> {
        self.texts.get(file)?.as_deref().map(Lines::new)
    }

    /// Every place of every file (built once, only for problems found while reading).
    pub(crate) fn every(&self) -> &HashMap<Vec<String>, Loc> {
        self.every.get_or_init(|| {
            let mut at = HashMap::default();
            for (head, region) in &self.regions {
                if !region.base.is_empty() {
                    at.extend(self.region_places(head, region));
                }
            }
            for (i, text) in self.texts.iter().enumerate() {
                let Some(text) = text else { continue };
                if self
                    .regions
                    .values()
                    .any(|r| r.file == i && !r.base.is_empty())
                {
                    continue;
                }
                let lines = Lines::new(text);
                let (table, _) = DeTable::parse_recoverable(text);
                index_table(&mut at, &lines, i, &[], table.get_ref(), false, 0);
            }
            at
        })
    }

    pub(crate) fn region_places(&self, head: &str, region: &Region) -> HashMap<Vec<String>, Loc> {
        if let Some(found) = self.inside.borrow().get(head) {
            return found.clone();
        }
        let mut at = HashMap::default();
        if let (Some(lines), Some(Some(text))) =
            (self.lines(region.file), self.texts.get(region.file))
        {
            let slice = text.get(region.start..region.end).unwrap_or("");
            let (table, _) = DeTable::parse_recoverable(slice);
            index_table(
                &mut at,
                &lines,
                region.file,
                &region.base,
                table.get_ref(),
                !region.base.is_empty(),
                region.start,
            );
        }
        self.inside
            .borrow_mut()
            .insert(head.to_string(), at.clone());
        at
    }

    /// The place's own line, or its nearest enclosing place's.
    pub fn find(&self, place: &[String]) -> Option<Loc> {
        if place.is_empty() {
            return None;
        }
        let head = &place[0];
        if let Some(every) = self.every.get() {
            return (1..=place.len())
                .rev()
                .find_map(|n| every.get(&place[..n]).copied());
        }
        if let Some(region) = self.regions.get(head) {
            let inside = self.region_places(head, region);
            let found = (1..=place.len())
                .rev()
                .find_map(|n| inside.get(&place[..n]).copied());
            return found.or_else(|| {
                self.lines(region.file)
                    .map(|l| l.at(region.file, region.start))
            });
        }
        // Noted while reading: top-level keys and named conditions, one step each.
        self.known.get(head).copied()
    }

    /// The most specific place written at or just before a line and column of a file (for a
    /// problem found while reading, which knows its line but not its place).
    pub fn at_line(&self, loc: Loc) -> Option<Vec<String>> {
        self.every()
            .iter()
            .filter(|(_, l)| l.file == loc.file && (l.line, l.column) <= (loc.line, loc.column))
            .max_by(|(ka, a), (kb, b)| {
                // At the same spot, a place with a named step, then the longer, wins.
                let named = |k: &[String]| k.iter().any(|p| p.contains(" \""));
                let long = |k: &[String]| {
                    k.iter().map(String::len).sum::<usize>() + 5 * k.len().saturating_sub(1)
                };
                (a.line, a.column, named(ka), long(ka)).cmp(&(
                    b.line,
                    b.column,
                    named(kb),
                    long(kb),
                ))
            })
            .map(|(k, _)| k.clone())
    }

    /// Fills in a problem's file, line and column from its place; a problem with no known place
    /// points at the start of the first file.
    pub fn locate(&self, d: &mut Diagnostic) {
        let loc = self.find(d.place.parts()).unwrap_or(Loc {
            file: 0,
            line: 1,
            column: 1,
        });
        if let Some(path) = self.files.get(loc.file) {
            d.file = path.clone();
        }
        d.line = loc.line;
        d.column = loc.column;
    }
}

/// Line starts of a text, for turning byte offsets into lines and columns.
pub(crate) struct Lines<'a> {
    pub(crate) text: &'a str,
    pub(crate) starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    pub(crate) fn at(&self, file: usize, offset: usize) -> Loc {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        Loc {
            file,
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        }
    }

    /// The text of the line an offset is on.
    pub(crate) fn line_of(&self, offset: usize) -> &'a str {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(self.text.len(), |&e| e - 1);
        self.text.get(start..end).unwrap_or("")
    }
}

/// What one element of a list is called in messages.
pub(crate) fn singular(key: &str) -> &str {
    match key {
        "questions" => "question",
        "options" => "option",
        "branches" => "branch",
        "sections" => "section",
        "scales" => "scale",
        "points" => "point",
        "dimensions" => "dimension",
        "bands" => "band",
        "phases" => "phase",
        "articles" => "article",
        "steps" => "step",
        "recommend" => "rule",
        "resources" => "resource",
        other => other,
    }
}

/// Records where every place of a table is written. Lists of tables are named by element
/// (`question "x"`, `option 2`), not by the list, as the checker names them.
pub(crate) fn index_table(
    index: &mut HashMap<Vec<String>, Loc>,
    lines: &Lines,
    file: usize,
    base: &[String],
    table: &DeTable,
    in_article: bool,
    offset: usize,
) {
    if let Some(loc) = base.last().map(|_| lines.at(file, offset)) {
        index.entry(base.to_vec()).or_insert(loc);
    }
    for (key, value) in table.iter() {
        let key_name = key.get_ref().as_ref();
        let loc = lines.at(file, offset + key.span().start);
        let mut path = base.to_vec();
        let conditions = key_name == "conditions" && base.is_empty() && !in_article;
        if !matches!(value.get_ref(), DeValue::Array(items) if items.iter().any(|v| matches!(v.get_ref(), DeValue::Table(_))))
        {
            path.push(key_name.to_string());
            index.insert(path.clone(), loc);
        }
        match value.get_ref() {
            DeValue::Table(t) if conditions => {
                for (name, c) in t.iter() {
                    let place = vec![format!("condition \"{}\"", name.get_ref())];
                    let at = lines.at(file, offset + name.span().start);
                    index.insert(place.clone(), at);
                    if let DeValue::Table(ct) = c.get_ref() {
                        index_table(index, lines, file, &place, ct, in_article, offset);
                    }
                }
            }
            DeValue::Table(t) => index_table(index, lines, file, &path, t, in_article, offset),
            DeValue::Array(items) => {
                for (n, item) in items.iter().enumerate() {
                    let DeValue::Table(t) = item.get_ref() else {
                        continue;
                    };
                    let at = lines.at(file, offset + item.span().start);
                    let one = singular(key_name);
                    let mut numbered = path.clone();
                    if numbered.last().map(String::as_str) == Some(key_name) {
                        numbered.pop();
                    }
                    let named = ["id", "name"].iter().find_map(|k| match t.get(*k) {
                        Some(v) => match v.get_ref() {
                            DeValue::String(s) => Some(format!("{one} \"{s}\"")),
                            _ => None,
                        },
                        None => None,
                    });
                    let mut by_number = numbered.clone();
                    by_number.push(format!("{one} {}", n + 1));
                    index.insert(by_number.clone(), at);
                    index_table(index, lines, file, &by_number, t, in_article, offset);
                    if let Some(named) = named {
                        let mut by_name = numbered.clone();
                        by_name.push(named);
                        index.entry(by_name.clone()).or_insert(at);
                        index_table(index, lines, file, &by_name, t, in_article, offset);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Where the element of the list `key` whose value starts at `offset` begins: its own
/// `[[key]]` line when it is written as one, else the start of its line.
pub(crate) fn header_start(text: &str, offset: usize, key: &str) -> usize {
    let header = format!("[[{key}]]");
    if text.get(offset..).is_some_and(|t| t.starts_with(&header)) {
        return offset;
    }
    let before = text.get(..offset.min(text.len())).unwrap_or("");
    let line_start = |i: usize| i == 0 || before.as_bytes().get(i - 1) == Some(&b'\n');
    let mut search = before;
    while let Some(i) = search.rfind(&header) {
        if line_start(i) {
            return i;
        }
        search = &search[..i];
    }
    before.rfind('\n').map_or(0, |i| i + 1)
}

/// What a list element is called: `question "x"`, or `resource "name"` (by its id or name).
pub(crate) fn element_label(key: &str, value: &DeValue) -> Option<String> {
    let DeValue::Table(t) = value else {
        return None;
    };
    ["id", "name"]
        .iter()
        .find_map(|k| match t.get(*k).map(Spanned::get_ref) {
            Some(DeValue::String(s)) => Some(format!("{} \"{s}\"", singular(key))),
            _ => None,
        })
}
