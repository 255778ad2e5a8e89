//! Safety help: the questionnaire's crisis resources, shown first whenever an answer raised a
//! red flag (a compact banner on later questions, the full panel on the results).

use super::html::Html;
use crate::engine::Questionnaire;

/// The safety panel's markup; `compact` for the banner on question screens, `because` for the
/// answers that raised it (shown on the results).
pub fn safety_html(h: &mut Html, q: &Questionnaire, compact: bool, because: &[String]) {
    let safety = &q.file().safety;
    h.raw(if compact {
        r#"<aside class="safety compact" aria-labelledby="safety-title">"#
    } else {
        r#"<aside class="safety" aria-labelledby="safety-title">"#
    });
    h.raw(r#"<h2 id="safety-title">"#)
        .text(&safety.title)
        .raw("</h2>");
    if !compact {
        h.raw("<p>").text(&safety.message).raw("</p>");
    }
    h.raw(r#"<ul class="resources">"#);
    for r in &safety.resources {
        h.raw("<li><strong>").text(&r.name).raw("</strong>: ");
        let tel: String = r.contact.chars().filter(|c| c.is_ascii_digit()).collect();
        if tel.len() >= 3 && !r.contact.to_ascii_lowercase().contains("text") {
            h.raw(r#"<a href="tel:"#)
                .text(&tel)
                .raw(r#"">"#)
                .text(&r.contact)
                .raw("</a>");
        } else {
            h.raw("<span>").text(&r.contact).raw("</span>");
        }
        if !r.detail.is_empty() {
            h.raw(r#"<span class="detail"> — "#)
                .text(&r.detail)
                .raw("</span>");
        }
        h.raw("</li>");
    }
    h.raw("</ul>");
    if !because.is_empty() {
        h.raw(r#"<p class="because">Shown because you answered: "#)
            .text(&because.join("; "))
            .raw("</p>");
    }
    h.raw("</aside>");
}
