//! The outline of one of her files, as the studio shows it beside the text: each question (or
//! section, scale, rule, …) with its line, and inside it the options (or steps, bands, …) that
//! belong to it, so a block written under the wrong question is seen at once. Read from the
//! text as written (the file need not be valid), with TOML's own spans.

use crate::source::Lines;
use toml::de::{DeTable, DeValue};

/// One line of the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// 0 for a top-level block (a question), 1 for a block inside it (an option), and so on.
    pub depth: u8,
    /// What the block is, e.g. `question "contact"` or `option 2`.
    pub name: String,
    /// Its words, shortened (the question's text, the option's label, the article's title).
    pub words: String,
    /// The line the block starts on, from 1.
    pub line: u32,
    /// The question or article it is, if it is one: what the studio's map and preview name.
    pub subject: Option<Named>,
}

/// A question or an article, by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    /// A question's id.
    Question(String),
    /// An article's id.
    Article(String),
}

/// The outline of one file (`path` as read, for an article's id from its name).
pub fn outline(path: &str, text: &str) -> Vec<Entry> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = Lines::new(text);
    let (table, _) = DeTable::parse_recoverable(text);
    let mut out = Vec::new();
    let table = table.get_ref();
    if let Some(folder_and_name) = path.rsplit_once("articles/") {
        let id = folder_and_name.1.trim_end_matches(".toml").to_string();
        let title = string(table, "title").unwrap_or_default();
        out.push(Entry {
            depth: 0,
            name: format!("article \"{id}\""),
            words: short(&title),
            line: 1,
            subject: Some(Named::Article(id)),
        });
        blocks(&mut out, &lines, table, 1);
        sorted(out, 1)
    } else {
        blocks(&mut out, &lines, table, 0);
        sorted(out, 0)
    }
}

/// The blocks in the order written (TOML gathers a list's blocks however they are spread),
/// each still followed by the blocks inside it: a block written after another list's belongs
/// where TOML puts it, and the outline shows it there.
fn sorted(entries: Vec<Entry>, top: u8) -> Vec<Entry> {
    let mut groups: Vec<Vec<Entry>> = Vec::new();
    for e in entries {
        match groups.last_mut() {
            Some(group) if e.depth > top => group.push(e),
            _ => groups.push(vec![e]),
        }
    }
    // The article's own line (depth 0, above its blocks) stays first.
    groups.sort_by_key(|g| g.first().map_or((false, 0), |e| (e.depth >= top, e.line)));
    groups.into_iter().flatten().collect()
}

/// The blocks (`[[key]]` tables) of a table, and the blocks inside each.
fn blocks(out: &mut Vec<Entry>, lines: &Lines, table: &DeTable, depth: u8) {
    for (key, value) in table.iter() {
        let DeValue::Array(items) = value.get_ref() else {
            continue;
        };
        let key = key.get_ref().as_ref();
        let one = singular(key);
        for (n, item) in items.iter().enumerate() {
            let DeValue::Table(t) = item.get_ref() else {
                continue;
            };
            let id = string(t, "id").or_else(|| string(t, "name"));
            let name = match &id {
                Some(id) => format!("{one} \"{id}\""),
                None => format!("{one} {}", n + 1),
            };
            let words = ["text", "label", "title", "when"]
                .iter()
                .find_map(|k| string(t, k))
                .unwrap_or_default();
            let subject = match (key, id, depth) {
                ("questions", Some(id), 0) => Some(Named::Question(id)),
                _ => None,
            };
            out.push(Entry {
                depth,
                name,
                words: short(&words),
                line: lines.at(0, item.span().start).line,
                subject,
            });
            blocks(out, lines, t, depth.saturating_add(1));
        }
    }
}

fn string(table: &DeTable, key: &str) -> Option<String> {
    match table.get(key)?.get_ref() {
        DeValue::String(s) => Some(s.to_string()),
        _ => None,
    }
}

/// The name of one element of a list, e.g. "question" for `questions`.
fn singular(key: &str) -> String {
    match key {
        "branches" => "branch".into(),
        "recommend" => "rule".into(),
        k => k.strip_suffix('s').unwrap_or(k).into(),
    }
}

/// Words cut to fit one line of the outline.
fn short(words: &str) -> String {
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.chars().count() <= 48 {
        words
    } else {
        let cut: String = words.chars().take(46).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_belong_to_the_question_above_them_as_written() {
        let text = "[[questions]]\nid = \"a\"\ntext = \"First?\"\n[[questions.options]]\nlabel = \"Yes\"\n\n[[questions]]\nid = \"b\"\ntext = \"Second?\"\n[[questions.options]]\nid = \"late\"\nlabel = \"Meant for a\"\n";
        let o = outline("q/questions.toml", text);
        let names: Vec<(u8, &str, u32)> = o
            .iter()
            .map(|e| (e.depth, e.name.as_str(), e.line))
            .collect();
        assert_eq!(
            names,
            [
                (0, "question \"a\"", 1),
                (1, "option 1", 4),
                (0, "question \"b\"", 7),
                (1, "option \"late\"", 10)
            ]
        );
        assert_eq!(o[0].subject, Some(Named::Question("a".into())));
        assert_eq!(o[3].words, "Meant for a");
    }

    #[test]
    fn an_article_file_is_its_article_with_its_rules_and_steps() {
        let text =
            "title = \"A title\"\n[[recommend]]\nwhen = \"x\"\n[[steps]]\ntext = \"Do this\"\n";
        let o = outline("q/articles/trust.toml", text);
        assert_eq!(o[0].subject, Some(Named::Article("trust".into())));
        assert_eq!(o[0].words, "A title");
        assert_eq!(
            o.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(),
            ["article \"trust\"", "rule 1", "step 1"]
        );
    }

    #[test]
    fn blocks_come_in_the_order_written() {
        let text =
            "[[sections]]\nid = \"s1\"\n[[questions]]\nid = \"a\"\n[[sections]]\nid = \"s2\"\n";
        let names: Vec<String> = outline("questions.toml", text)
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(
            names,
            ["section \"s1\"", "question \"a\"", "section \"s2\""]
        );
    }

    #[test]
    fn a_block_stays_with_the_block_toml_gives_it_to() {
        let text = "[[questions]]\nid = \"a\"\n[[recommend]]\nwhen = \"x\"\n[[questions.options]]\nid = \"o\"\n";
        let o: Vec<(u8, String)> = outline("questions.toml", text)
            .into_iter()
            .map(|e| (e.depth, e.name))
            .collect();
        assert_eq!(
            o,
            [
                (0, "question \"a\"".to_string()),
                (1, "option \"o\"".to_string()),
                (0, "rule 1".to_string())
            ]
        );
    }

    #[test]
    fn a_broken_file_still_has_an_outline_up_to_the_mistake() {
        let text = "[[questions]]\nid = \"a\"\n[[questions]]\nid = \"b\nnext = \n";
        let o = outline("questions.toml", text);
        assert_eq!(o.first().map(|e| e.name.as_str()), Some("question \"a\""));
        assert!(short(&"word ".repeat(30)).ends_with('…'));
    }
}
