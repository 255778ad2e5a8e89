//! Reading each top-level table of a part, and each value into its type, on its own, so one
//! mistake hides no other.

use super::*;

/// Reads one value into its type, reporting a wrong shape at its line in plain words.
pub(crate) fn take<T: DeserializeOwned>(
    r: &mut Reader,
    lines: &Lines,
    file: usize,
    place: &[String],
    value: Spanned<DeTable>,
) -> Option<T> {
    let span = value.span();
    let value = Spanned::new(span, DeValue::Table(value.into_inner()));
    take_value(r, lines, file, place, value)
}

pub(crate) fn take_value<T: DeserializeOwned>(
    r: &mut Reader,
    lines: &Lines,
    file: usize,
    place: &[String],
    value: Spanned<DeValue>,
) -> Option<T> {
    let start = value.span().start;
    match T::deserialize(ValueDeserializer::from(value)) {
        Ok(v) => Some(v),
        Err(e) => {
            let offset = e.span().map_or(start, |s| s.start);
            let message = crate::load::plain_shape_message(e.message());
            let loc = lines.at(file, offset);
            let place = r.places.at_line(loc).unwrap_or_else(|| place.to_vec());
            r.error(loc, place, message);
            None
        }
    }
}

/// Reads each top-level table of a part on its own, so one mistake hides no other.
pub(crate) fn gather_part(
    r: &mut Reader,
    g: &mut Gathered,
    lines: &Lines,
    file: usize,
    table: DeTable,
) {
    for (key, value) in table.into_iter() {
        let name = key.get_ref().to_string();
        let loc = lines.at(file, key.span().start);
        let place = vec![name.clone()];
        r.places.known.insert(name.clone(), loc);
        if matches!(value.get_ref(), DeValue::Table(_)) {
            // Places inside a table (`safety › resource "x" › name`) are found in the file.
            r.places.regions.entry(name.clone()).or_insert(Region {
                file,
                start: 0,
                end: lines.text.len(),
                base: Vec::new(),
            });
        }
        macro_rules! once {
            ($slot:expr, $ty:ty) => {{
                if let Some((_, earlier)) = &$slot {
                    let earlier = *earlier;
                    let where_ = r
                        .places
                        .files
                        .get(earlier.file)
                        .cloned()
                        .unwrap_or_default();
                    r.error(
                        loc,
                        place.clone(),
                        format!(
                            "\"{name}\" is already set in {where_} on line {}; keep one of them",
                            earlier.line
                        ),
                    );
                } else if let Some(v) = take_value::<$ty>(r, lines, file, &place, value) {
                    $slot = Some((v, loc));
                }
            }};
        }
        macro_rules! list {
            ($list:expr, $ty:ty) => {{
                match value.into_inner() {
                    DeValue::Array(items) => {
                        let starts: Vec<usize> = items
                            .iter()
                            .map(|item| header_start(lines.text, item.span().start, &name))
                            .collect();
                        for (n, item) in items.into_iter().enumerate() {
                            if let Some(label) = element_label(&name, item.get_ref()) {
                                let end = starts.get(n + 1).copied().unwrap_or(lines.text.len());
                                r.places.regions.entry(label).or_insert(Region {
                                    file,
                                    start: starts[n],
                                    end: end.max(starts[n]),
                                    base: Vec::new(),
                                });
                            }
                            let place = vec![format!("{} {}", singular(&name), n + 1)];
                            if let Some(v) = take_value::<$ty>(r, lines, file, &place, item) {
                                $list.push(v);
                            }
                        }
                    }
                    _ => r.error(
                        loc,
                        place.clone(),
                        format!("\"{name}\" is a list: write each one under its own [[{name}]] line"),
                    ),
                }
            }};
        }
        match name.as_str() {
            "id" => once!(g.id, String),
            "title" => once!(g.title, String),
            "version" => once!(g.version, u32),
            "start" => once!(g.start, String),
            "about" => once!(g.about, About),
            "blog" => once!(g.blog, Blog),
            "quick_exit" => once!(g.quick_exit, QuickExit),
            "safety" => once!(g.safety, Safety),
            "results" => once!(g.results, ResultsSettings),
            "scales" => list!(g.scales, Scale),
            "dimensions" => list!(g.dimensions, Dimension),
            "sections" => list!(g.sections, Section),
            "phases" => list!(g.phases, Phase),
            "questions" => list!(g.questions, Question),
            "articles" => {
                let mut found: Vec<ArticleSource> = Vec::new();
                list!(found, ArticleSource);
                for a in found {
                    match a.id.clone() {
                        Some(id) => g.articles.push((id, a)),
                        None => r.error(
                            loc,
                            vec![format!("article \"{}\"", a.title)],
                            "an article written in this file needs an `id`; or move it to articles/<id>.toml".into(),
                        ),
                    }
                }
            }
            "conditions" => match value.into_inner() {
                DeValue::Table(t) => {
                    for (cname, c) in t.into_iter() {
                        let cname = cname.get_ref().to_string();
                        let cloc = lines.at(file, c.span().start);
                        let cplace = vec![format!("condition \"{cname}\"")];
                        r.places.known.insert(cplace[0].clone(), cloc);
                        if let Some(v) = take_value::<Condition>(r, lines, file, &cplace, c) {
                            match g.conditions.entry(cname) {
                                std::collections::btree_map::Entry::Occupied(e) => r.error(
                                    cloc,
                                    cplace,
                                    format!("there is already a condition named \"{}\"; give each its own name", e.key()),
                                ),
                                std::collections::btree_map::Entry::Vacant(e) => {
                                    e.insert((v, cloc));
                                }
                            }
                        }
                    }
                }
                _ => r.error(loc, place, "write named conditions under a [conditions] line, one per line: living_apart = { answer = \"situation\", is = \"moved_out\" }".into()),
            },
            other => {
                let hint = suggestion(other, PART_KEYS.iter().copied());
                r.error(
                    loc,
                    place,
                    format!(
                        "there is no \"{other}\" in a questionnaire{hint}; the names used at the top of a file are {}",
                        PART_KEYS.join(", ")
                    ),
                );
            }
        }
    }
}
