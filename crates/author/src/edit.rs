//! Her words changed where she sees them (the studio's preview): a question's text or hint, an
//! option's label, an article's summary or one of its steps is written into the right place of
//! the right file, and nothing else in the file changes: her comments, spacing and order stay
//! as she wrote them (`toml_edit`).

use crate::source::{role, Role, Source};
use toml_edit::{ArrayOfTables, Document, DocumentMut, Item, Table};

/// Words on a reader's screen, by where they are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Words {
    /// A question's text (its heading on screen).
    QuestionText {
        /// The question's id.
        question: String,
    },
    /// A question's hint (`help`), under its heading.
    QuestionHelp {
        /// The question's id.
        question: String,
    },
    /// An option's label.
    OptionLabel {
        /// The question's id.
        question: String,
        /// The option's id.
        option: String,
    },
    /// An article's summary.
    Summary {
        /// The article's id (its file's name).
        article: String,
    },
    /// One of an article's steps, by its place in the list (from 0).
    Step {
        /// The article's id (its file's name).
        article: String,
        /// Which step, from 0.
        index: usize,
    },
}

impl Words {
    /// What the words are, for her: `question "contact": its text`.
    pub fn name(&self) -> String {
        match self {
            Words::QuestionText { question } => format!("question \"{question}\": its text"),
            Words::QuestionHelp { question } => format!("question \"{question}\": its hint"),
            Words::OptionLabel { question, option } => {
                format!("question \"{question}\", option \"{option}\": its label")
            }
            Words::Summary { article } => format!("article \"{article}\": its summary"),
            Words::Step { article, index } => {
                format!("article \"{article}\": step {}", index + 1)
            }
        }
    }
}

/// A file with her words changed in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    /// Which source (its place in the list given).
    pub source: usize,
    /// The file's new text.
    pub text: String,
    /// The line the words are on (from 1).
    pub line: u32,
}

/// The words at `target` as her files have them now.
pub fn words_at(sources: &[Source], target: &Words) -> Result<String, String> {
    let (_, doc) = holder(sources, target)?;
    let value = find(doc.as_table(), target)
        .and_then(|(_, table)| table.get(key(target)).and_then(Item::as_str))
        // A `"""` string ends with the line break before its closing quotes: not her words.
        .map(|w| w.trim_end_matches('\n').to_string());
    Ok(value.unwrap_or_default())
}

/// Writes `words` at `target`, in whichever of her files holds it. Fails, in plain words,
/// when no file holds it (or the one that would cannot be read as TOML).
pub fn set_words(sources: &[Source], target: &Words, words: &str) -> Result<Changed, String> {
    let (i, doc) = holder(sources, target)?;
    let source = &sources[i];
    let offset = find(doc.as_table(), target).map_or(0, |(at, _)| at);
    let mut doc: DocumentMut = doc.into_mut();
    let Some(table) = find_mut(doc.as_table_mut(), target) else {
        return Err(format!("{} was not found in your files", target.name()));
    };
    let key = key(target);
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(value) => {
            let decor = value.decor().clone();
            // Words written over several lines (`"""`) stay written that way.
            let multiline = value
                .as_str()
                .is_some_and(|_| value.to_string().trim_start().starts_with("\"\"\""));
            *value = if multiline {
                multiline_value(words).unwrap_or_else(|| toml_edit::Value::from(words))
            } else {
                toml_edit::Value::from(words)
            };
            *value.decor_mut() = decor;
        }
        None => {
            table.insert(key, toml_edit::value(words));
        }
    }
    let line = source
        .text
        .get(..offset)
        .map_or(1, |before| before.matches('\n').count() + 1);
    Ok(Changed {
        source: i,
        text: doc.to_string(),
        line: u32::try_from(line).unwrap_or(u32::MAX),
    })
}

/// The key the words are under.
fn key(target: &Words) -> &'static str {
    match target {
        Words::QuestionText { .. } | Words::Step { .. } => "text",
        Words::QuestionHelp { .. } => "help",
        Words::OptionLabel { .. } => "label",
        Words::Summary { .. } => "summary",
    }
}

/// Which of her files holds the target, read. A file that cannot be read is passed over
/// (another may hold it); if none holds it, the message names what could not be read.
fn holder<'a>(sources: &'a [Source], target: &Words) -> Result<(usize, Document<&'a str>), String> {
    let mut unreadable = None;
    for (i, source) in sources.iter().enumerate() {
        let wanted = match target {
            Words::Summary { article } | Words::Step { article, .. } => {
                role(&source.path) == Role::Article(article.clone())
            }
            _ => !matches!(role(&source.path), Role::Article(_) | Role::Example),
        };
        if !wanted {
            continue;
        }
        match Document::parse(source.text.as_str()) {
            Ok(doc) if find(doc.as_table(), target).is_some() => return Ok((i, doc)),
            Ok(_) => {}
            Err(e) => {
                unreadable.get_or_insert_with(|| (source.path.clone(), e.message().to_string()));
            }
        }
    }
    Err(match unreadable {
        Some((path, why)) => format!(
            "{} was not found: {path} cannot be read as it is ({why}); fix it in the editor first",
            target.name()
        ),
        None => format!("{} was not found in your files", target.name()),
    })
}

/// Words as a multi-line string (`"""` on lines of their own), escaped as TOML needs.
fn multiline_value(words: &str) -> Option<toml_edit::Value> {
    let words = words.trim_end_matches('\n');
    let escaped = words.replace('\\', "\\\\").replace("\"\"\"", "\"\"\\\"");
    format!("\"\"\"\n{escaped}\n\"\"\"").parse().ok()
}

/// The table that holds the words, and where the words (or else the table) start.
fn find<'a>(root: &'a Table, target: &Words) -> Option<(usize, &'a Table)> {
    let table = match target {
        Words::QuestionText { question }
        | Words::QuestionHelp { question }
        | Words::OptionLabel { question, .. } => {
            let q = by_id(root.get("questions")?.as_array_of_tables()?, question)?;
            match target {
                Words::OptionLabel { option, .. } => {
                    by_id(q.get("options")?.as_array_of_tables()?, option)?
                }
                _ => q,
            }
        }
        Words::Summary { .. } => root,
        Words::Step { index, .. } => root.get("steps")?.as_array_of_tables()?.get(*index)?,
    };
    let at = table
        .get(key(target))
        .and_then(Item::span)
        .or_else(|| table.span())
        .map_or(0, |s| s.start);
    Some((at, table))
}

fn find_mut<'a>(root: &'a mut Table, target: &Words) -> Option<&'a mut Table> {
    match target {
        Words::QuestionText { question }
        | Words::QuestionHelp { question }
        | Words::OptionLabel { question, .. } => {
            let q = by_id_mut(
                root.get_mut("questions")?.as_array_of_tables_mut()?,
                question,
            )?;
            match target {
                Words::OptionLabel { option, .. } => {
                    by_id_mut(q.get_mut("options")?.as_array_of_tables_mut()?, option)
                }
                _ => Some(q),
            }
        }
        Words::Summary { .. } => Some(root),
        Words::Step { index, .. } => root
            .get_mut("steps")?
            .as_array_of_tables_mut()?
            .get_mut(*index),
    }
}

fn by_id<'a>(list: &'a ArrayOfTables, id: &str) -> Option<&'a Table> {
    list.iter()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(id))
}

fn by_id_mut<'a>(list: &'a mut ArrayOfTables, id: &str) -> Option<&'a mut Table> {
    list.iter_mut()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUESTIONS: &str = "# Her notes stay.\n[[questions]]\nid = \"a\"\ntext = \"\"\"\nFirst question?\n\"\"\"   # a note\n\n  [[questions.options]]\n  id = \"x\"\n  label = \"Yes\"  # yes!\n\n[[questions]]\nid = \"b\"\ntext = \"Second?\"\n";

    fn sources() -> Vec<Source> {
        vec![
            Source::new("q/questions.toml", QUESTIONS),
            Source::new(
                "q/articles/calm.toml",
                "title = \"Calm\"\nsummary = \"Old.\"\n\n[[steps]]\nid = \"one\"\ntext = \"Breathe.\"\n\n[[steps]]\nid = \"two\"\ntext = \"Walk.\"\n",
            ),
        ]
    }

    #[test]
    fn a_question_s_words_change_and_nothing_else_does() {
        let target = Words::QuestionText {
            question: "a".into(),
        };
        let changed = set_words(&sources(), &target, "Where do things stand?")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(changed.source, 0);
        assert_eq!(changed.line, 4);
        assert_eq!(
            changed.text,
            QUESTIONS.replace("First question?", "Where do things stand?")
        );
        let b = set_words(
            &sources(),
            &Words::QuestionText {
                question: "b".into(),
            },
            "Second, \"quoted\"?",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            b.text
                .ends_with("id = \"b\"\ntext = 'Second, \"quoted\"?'\n"),
            "{}",
            b.text
        );
        assert_eq!(
            words_at(
                &sources(),
                &Words::QuestionText {
                    question: "a".into()
                }
            ),
            Ok("First question?".into())
        );
    }

    #[test]
    fn an_option_label_a_missing_hint_and_an_article_s_step() {
        let label = set_words(
            &sources(),
            &Words::OptionLabel {
                question: "a".into(),
                option: "x".into(),
            },
            "Yes, \"mostly\"",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            label.text.contains("  label = 'Yes, \"mostly\"'  # yes!\n"),
            "{}",
            label.text
        );
        assert_eq!(label.line, 10);
        let hint = set_words(
            &sources(),
            &Words::QuestionHelp {
                question: "b".into(),
            },
            "Pick one.",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            hint.text
                .ends_with("text = \"Second?\"\nhelp = \"Pick one.\"\n"),
            "{}",
            hint.text
        );
        let step = set_words(
            &sources(),
            &Words::Step {
                article: "calm".into(),
                index: 1,
            },
            "Walk slowly.",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(step.source, 1);
        assert!(step
            .text
            .contains("id = \"two\"\ntext = \"Walk slowly.\"\n"));
        assert!(step.text.contains("text = \"Breathe.\""));
    }

    #[test]
    fn what_is_not_there_or_cannot_be_read_says_so() {
        let missing = set_words(
            &sources(),
            &Words::QuestionText {
                question: "nope".into(),
            },
            "x",
        );
        assert_eq!(
            missing,
            Err("question \"nope\": its text was not found in your files".into())
        );
        let broken = vec![Source::new(
            "q/questions.toml",
            "[[questions]]\nid = \"a\ntext = 1\n",
        )];
        let err = set_words(
            &broken,
            &Words::QuestionText {
                question: "a".into(),
            },
            "x",
        );
        assert!(
            matches!(&err, Err(m) if m.contains("cannot be read as it is")),
            "{err:?}"
        );
    }
}
