//! Text rules: every text a reader sees is there, and plain (no HTML); addresses are https.

use super::*;

/// Every text the reader sees: not empty, and never raw HTML.
pub(super) fn check_texts(cx: &mut Ctx, file: &QuestionnaireFile) {
    let see = |cx: &mut Ctx, text: &str, place: &dyn Fn() -> Vec<String>| {
        if text.trim().is_empty() {
            let place = place();
            let last = place.last().map(String::as_str).unwrap_or("");
            let optional = matches!(last, "help" | "about" | "detail" | "note");
            if !optional {
                cx.error(
                    &place,
                    "this text is empty; write what the reader should see",
                );
            }
        }
        if let Some(tag) = html_tag(text) {
            cx.error(
                &place(),
                format!("this text contains HTML ({tag}); write plain text, since readers see it exactly as written"),
            );
        }
    };
    see(cx, &file.title, &|| at(&["title"]));
    see(cx, &file.about.intro, &|| at(&["about", "intro"]));
    see(cx, &file.about.disclaimer, &|| at(&["about", "disclaimer"]));
    see(cx, &file.about.privacy, &|| at(&["about", "privacy"]));
    see(cx, &file.blog.name, &|| at(&["blog", "name"]));
    see(cx, &file.quick_exit.tab_title, &|| {
        at(&["quick_exit", "tab_title"])
    });
    see(cx, &file.safety.title, &|| at(&["safety", "title"]));
    see(cx, &file.safety.message, &|| at(&["safety", "message"]));
    for r in &file.safety.resources {
        let p = format!("resource \"{}\"", r.name);
        see(cx, &r.name, &|| at(&["safety", &p, "name"]));
        see(cx, &r.contact, &|| at(&["safety", &p, "contact"]));
        see(cx, &r.detail, &|| at(&["safety", &p, "detail"]));
    }
    if let Some(u) = &file.safety.urgent {
        see(cx, &u.title, &|| at(&["safety", "urgent", "title"]));
        see(cx, &u.message, &|| at(&["safety", "urgent", "message"]));
        for r in &u.resources {
            let p = format!("resource \"{}\"", r.name);
            see(cx, &r.name, &|| at(&["safety", "urgent", &p, "name"]));
            see(cx, &r.contact, &|| at(&["safety", "urgent", &p, "contact"]));
            see(cx, &r.detail, &|| at(&["safety", "urgent", &p, "detail"]));
        }
        if u.resources.is_empty() {
            cx.error(
                &at(&["safety", "urgent", "resources"]),
                "urgent help lists no one to call; add at least one (for example emergency services)",
            );
        }
    }
    for s in &file.safety.steps {
        see(cx, &s.text, &|| {
            vec!["safety".into(), format!("step \"{}\"", s.id)]
        });
    }
    for s in &file.sections {
        see(cx, &s.title, &|| {
            vec![format!("section \"{}\"", s.id), "title".into()]
        });
    }
    for s in &file.scales {
        for p in &s.points {
            see(cx, &p.label, &|| {
                vec![format!("scale \"{}\"", s.id), format!("point \"{}\"", p.id)]
            });
        }
    }
    for d in &file.dimensions {
        see(cx, &d.label, &|| {
            vec![format!("dimension \"{}\"", d.id), "label".into()]
        });
        see(cx, &d.about, &|| {
            vec![format!("dimension \"{}\"", d.id), "about".into()]
        });
        for b in &d.bands {
            let base = vec![
                format!("dimension \"{}\"", d.id),
                format!("band \"{}\"", b.id),
            ];
            see(cx, &b.label, &|| {
                [base.clone(), vec!["label".into()]].concat()
            });
            see(cx, &b.note, &|| {
                [base.clone(), vec!["note".into()]].concat()
            });
        }
    }
    for q in &file.questions {
        see(cx, &q.text, &|| vec![q_place(q), "text".into()]);
        see(cx, &q.help, &|| vec![q_place(q), "help".into()]);
        for o in &q.options {
            see(cx, &o.label, &|| {
                vec![q_place(q), format!("option \"{}\"", o.id)]
            });
        }
    }
    for p in &file.phases {
        see(cx, &p.title, &|| {
            vec![format!("phase \"{}\"", p.id), "title".into()]
        });
        see(cx, &p.about, &|| {
            vec![format!("phase \"{}\"", p.id), "about".into()]
        });
    }
    for a in &file.articles {
        let base = format!("article \"{}\"", a.id);
        see(cx, &a.title, &|| vec![base.clone(), "title".into()]);
        see(cx, &a.author, &|| vec![base.clone(), "author".into()]);
        see(cx, &a.summary, &|| vec![base.clone(), "summary".into()]);
        for (i, h) in a.helps.iter().enumerate() {
            see(cx, h, &|| vec![base.clone(), format!("helps {}", i + 1)]);
        }
        for (i, h) in a.hurts.iter().enumerate() {
            see(cx, h, &|| vec![base.clone(), format!("hurts {}", i + 1)]);
        }
        for s in &a.steps {
            see(cx, &s.text, &|| {
                vec![base.clone(), format!("step \"{}\"", s.id)]
            });
        }
    }
    let mut rule_of: HashMap<&str, usize> = HashMap::default();
    for r in &file.recommendations {
        let n = rule_of.entry(r.article.as_str()).or_insert(0);
        *n += 1;
        if let Some(b) = &r.because {
            let n = *n;
            see(cx, b, &|| {
                vec![
                    format!("article \"{}\"", r.article),
                    format!("rule {n}"),
                    "because".into(),
                ]
            });
        }
    }
    let urls = [
        (at(&["blog", "url"]), &file.blog.url),
        (at(&["quick_exit", "url"]), &file.quick_exit.url),
    ];
    let article_urls = file
        .articles
        .iter()
        .map(|a| (vec![format!("article \"{}\"", a.id), "url".into()], &a.url));
    for (place, url) in urls.into_iter().chain(article_urls) {
        let ok = url.starts_with("https://")
            && url.len() > "https://".len()
            && !url.contains(char::is_whitespace);
        if !ok {
            cx.error(
                &place,
                format!(
                    "\"{url}\" is not a web address starting with https://; write the full address"
                ),
            );
        }
    }
    if file.safety.resources.is_empty() {
        cx.error(
            &at(&["safety", "resources"]),
            "there are no crisis resources; list at least one (for example emergency services)",
        );
    }
}

/// The first thing in a text that looks like an HTML tag.
pub(super) fn html_tag(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().find_map(|(i, &b)| {
        let next = bytes.get(i + 1).copied()?;
        (b == b'<' && (next.is_ascii_alphabetic() || next == b'/' || next == b'!')).then(|| {
            // `i` is at an ASCII '<', so it is a char boundary; cut the excerpt on one too.
            let rest = &text[i..];
            let end = rest.find('>').map_or_else(
                || rest.char_indices().nth(20).map_or(rest.len(), |(j, _)| j),
                |e| e + 1,
            );
            rest[..end].to_string()
        })
    })
}
