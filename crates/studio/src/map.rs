//! The flow map: the engine's laid-out map (`engine::map`), drawn with `view!` as SVG she can
//! zoom and scroll; a box is a button that previews from it; problems' places are marked.

use super::{jump, use_studio, Studio, Subject, Tab};
use author::map::{node_colors, NodeKind};
use leptos::prelude::*;
use leptos::svg;
use std::collections::BTreeSet;

/// Shows the map with `subject`'s box marked and in view.
pub fn highlight(studio: Studio, subject: Subject) {
    studio.focus.set(Some(subject));
    studio.reveal.set_value(true);
    studio.tab.set(Tab::Map);
}

/// The flow map view.
#[component]
pub fn MapTab() -> impl IntoView {
    let studio = use_studio();
    // Full size: the boxes' words at 13 px, the arrows' at 12 px.
    let zoom = RwSignal::new(1.0f64);
    let scroller = NodeRef::<leptos::html::Div>::new();
    // What part of the map is in sight (left, top, width, height, in the map's units), for the
    // overview's frame.
    let sight = RwSignal::new((0.0f64, 0.0f64, 0.0f64, 0.0f64));
    let measure = move || {
        if let Some(el) = scroller.get_untracked() {
            let z = zoom.get_untracked();
            sight.set((
                f64::from(el.scroll_left()) / z,
                f64::from(el.scroll_top()) / z,
                f64::from(el.client_width()) / z,
                f64::from(el.client_height()) / z,
            ));
        }
    };
    // Brings a point of the map (in its units) to the middle of the view, across and, when
    // asked, down too.
    let centre = move |x: f64, y: Option<f64>| {
        request_animation_frame(move || {
            if let Some(el) = scroller.get_untracked() {
                let z = zoom.get_untracked();
                el.set_scroll_left((x * z - f64::from(el.client_width()) / 2.0).max(0.0) as i32);
                if let Some(y) = y {
                    el.set_scroll_top((y * z - f64::from(el.client_height()) / 2.0).max(0.0) as i32);
                }
                measure();
            }
        });
    };
    // The first time the map is drawn, it opens on the start question.
    let placed = StoredValue::new(false);
    let picture = move || {
        studio.analysis.with(|a| {
            let Some(map) = &a.map else {
                return view! {
                    <p class="empty">
                        "The map appears once the files have no errors (see Problems)."
                    </p>
                }
                .into_any();
            };
            let marked: BTreeSet<Subject> =
                a.diagnostics.iter().filter_map(Subject::of_problem).collect();
            // The marked box is scrolled into view once, when the map is drawn after a
            // problem's "Show … on the map".
            let reveal = studio.reveal.get_value();
            studio.reveal.set_value(false);
            let start = a
                .q
                .as_ref()
                .map(|q| q.file().start.to_string())
                .or_else(|| map.nodes.first().map(|n| n.id.clone()));
            if !placed.get_value() || reveal {
                let wanted = if reveal {
                    studio.focus.with_untracked(|f| f.clone())
                } else {
                    start.map(Subject::Question)
                };
                if let Some(n) = map.nodes.iter().find(|n| Some(Subject::of_node(n)) == wanted) {
                    placed.set_value(true);
                    centre(n.x + n.w / 2.0, reveal.then_some(n.y + n.h / 2.0));
                }
            }

            let (w, h) = (map.width, map.height);
            let edges = map
                .edges
                .iter()
                .map(|e| {
                    view! {
                        <path
                            d=e.d()
                            class=if e.rule { "edge rule" } else { "edge" }
                            marker-end="url(#head)"
                        />
                    }
                })
                .collect_view();
            let labels = map
                .labels
                .iter()
                .map(|l| {
                    view! {
                        <text x=format!("{:.1}", l.x) y=format!("{:.1}", l.y) class="edge-label" text-anchor="middle">
                            {l.text.clone()}
                        </text>
                    }
                })
                .collect_view();
            let nodes = map
                .nodes
                .iter()
                .map(|n| {
                    let subject = Subject::of_node(n);
                    let (fill, stroke) = node_colors(n.kind);
                    let problem = marked.contains(&subject);
                    let name = match n.kind {
                        NodeKind::Question => format!("Question {}: {}. Preview from here.", n.id, n.lines.get(1).cloned().unwrap_or_default()),
                        NodeKind::Results => "Results. Preview the results.".to_string(),
                        NodeKind::Article => format!("Article {}. Preview it.", n.id),
                    };
                    let name = if problem { format!("{name} Has a problem.") } else { name };
                    let texts = n
                        .lines
                        .iter()
                        .enumerate()
                        .map(|(i, line)| {
                            view! {
                                <text
                                    x=format!("{:.1}", n.x + n.w / 2.0)
                                    y=format!("{:.1}", n.y + 22.0 + i as f64 * 18.0)
                                    text-anchor="middle"
                                    class=if i == 0 { "node-id" } else { "node-text" }
                                >
                                    {line.clone()}
                                </text>
                            }
                        })
                        .collect_view();
                    let focused = subject.clone();
                    let go = subject.clone();
                    let go_key = subject;
                    view! {
                        <g
                            class="node"
                            class:problem=problem
                            class:focused=move || studio.focus.with(|f| f.as_ref() == Some(&focused))
                            role="button"
                            tabindex="0"
                            aria-label=name
                            on:click=move |_| {
                                super::pane::edit(studio, &go, false);
                                jump(studio, go.clone());
                            }
                            on:keydown=move |ev| {
                                if ev.key() == "Enter" || ev.key() == " " {
                                    ev.prevent_default();
                                    super::pane::edit(studio, &go_key, false);
                                    jump(studio, go_key.clone());
                                }
                            }
                        >
                            <rect
                                x=format!("{:.1}", n.x)
                                y=format!("{:.1}", n.y)
                                width=format!("{:.1}", n.w)
                                height=format!("{:.1}", n.h)
                                rx="6"
                                fill=fill
                                stroke=stroke
                            />
                            {texts}
                        </g>
                    }
                })
                .collect_view();
            view! {
                <svg
                    xmlns="http://www.w3.org/2000/svg"
                    class="map"
                    role="group"
                    aria-label="Flow map: questions, the results and the articles"
                    width=move || format!("{:.0}", w * zoom.get())
                    height=move || format!("{:.0}", h * zoom.get())
                    viewBox=format!("0 0 {w:.0} {h:.0}")
                >
                    <defs>
                        <marker id="head" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
                            <path d="M 0 0 L 10 5 L 0 10 z"/>
                        </marker>
                    </defs>
                    {edges}
                    {nodes}
                    {labels}
                </svg>
            }
            .into_any()
        })
    };
    let older = move || {
        studio.analysis.with(|a| {
            a.map_note
                .map(|note| view! { <p class="older" role="note">{note}</p> })
        })
    };
    let overview = move || {
        studio
            .analysis
            .with(|a| a.map.clone())
            .map(|map| view! { <Overview map sight centre/> })
    };
    // Drag to move around (scrolling and the keyboard work too).
    let drag = StoredValue::new(None::<(i32, i32, i32, i32)>);
    let down = move |ev: leptos::ev::PointerEvent| {
        if let Some(el) = scroller.get_untracked() {
            drag.set_value(Some((
                ev.client_x(),
                ev.client_y(),
                el.scroll_left(),
                el.scroll_top(),
            )));
        }
    };
    let moved = move |ev: leptos::ev::PointerEvent| {
        if let (Some((x, y, left, top)), Some(el)) = (drag.get_value(), scroller.get_untracked()) {
            if ev.buttons() == 1 {
                el.set_scroll_left(left - (ev.client_x() - x));
                el.set_scroll_top(top - (ev.client_y() - y));
            } else {
                drag.set_value(None);
            }
        }
    };
    let up = move |_| drag.set_value(None);
    view! {
        <div class="map-tools">
            <button type="button" on:click=move |_| { zoom.update(|z| *z = (*z * 1.25).min(3.0)); measure(); }>"Zoom in"</button>
            <button type="button" on:click=move |_| { zoom.update(|z| *z = (*z / 1.25).max(0.3)); measure(); }>"Zoom out"</button>
            <button type="button" on:click=move |_| { zoom.set(1.0); measure(); }>"Actual size"</button>
            <span class="legend">
                <span class="key question">"question"</span>
                <span class="key article">"article"</span>
                <span class="key problem">"has a problem"</span>
                " Dashed arrows: the rules that lead to an article. Click a box to preview it and open it in the editor; click the overview to go there."
            </span>
        </div>
        {older}
        {overview}
        <div
            class="map-scroll"
            node_ref=scroller
            tabindex="0"
            role="region"
            aria-label="The map (drag or scroll to move around)"
            on:pointerdown=down
            on:pointermove=moved
            on:pointerup=up
            on:pointerleave=up
            on:scroll=move |_| measure()
        >
            {picture}
        </div>
    }
}

/// The whole flow at a glance, above the map: every box in its place and colour (problems in
/// red), with a frame around the part in sight. A click brings that part into view; each box
/// names itself on hover. (From the keyboard, the map itself scrolls with the arrow keys.)
#[component]
fn Overview(
    map: author::map::Map,
    sight: RwSignal<(f64, f64, f64, f64)>,
    centre: impl Fn(f64, Option<f64>) + Copy + 'static,
) -> impl IntoView {
    let (w, h) = (map.width.max(1.0), map.height.max(1.0));
    let boxes = map
        .nodes
        .iter()
        .map(|n| {
            let (fill, stroke) = node_colors(n.kind);
            let title = match n.kind {
                NodeKind::Question => {
                    format!("{}: {}", n.id, n.lines.get(1).cloned().unwrap_or_default())
                }
                NodeKind::Results => "Results".to_string(),
                NodeKind::Article => n.lines.join(": "),
            };
            view! {
                <rect
                    x=format!("{:.0}", n.x)
                    y=format!("{:.0}", n.y)
                    width=format!("{:.0}", n.w)
                    height=format!("{:.0}", n.h)
                    fill=fill
                    stroke=stroke
                    stroke-width="6"
                >
                    <title>{title}</title>
                </rect>
            }
        })
        .collect_view();
    let svg_ref = NodeRef::<svg::Svg>::new();
    let go = move |ev: leptos::ev::MouseEvent| {
        let Some(el) = svg_ref.get_untracked() else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        if rect.width() <= 0.0 || rect.height() <= 0.0 {
            return;
        }
        // The drawing keeps the map's proportions, centred in the strip (`xMidYMid meet`).
        let scale = (rect.width() / w).min(rect.height() / h);
        let (dx, dy) = (
            (rect.width() - w * scale) / 2.0,
            (rect.height() - h * scale) / 2.0,
        );
        let x = (f64::from(ev.client_x()) - rect.left() - dx) / scale;
        let y = (f64::from(ev.client_y()) - rect.top() - dy) / scale;
        centre(x.clamp(0.0, w), Some(y.clamp(0.0, h)));
    };
    view! {
        <svg
            xmlns="http://www.w3.org/2000/svg"
            class="overview"
            node_ref=svg_ref
            viewBox=format!("0 0 {w:.0} {h:.0}")
            preserveAspectRatio="xMidYMid meet"
            role="img"
            aria-label="Overview of the whole flow (click to go to a part)"
            on:click=go
        >
            {boxes}
            <rect
                class="in-sight"
                x=move || format!("{:.0}", sight.get().0)
                y=move || format!("{:.0}", sight.get().1)
                width=move || format!("{:.0}", sight.get().2.min(w))
                height=move || format!("{:.0}", sight.get().3.min(h))
            />
        </svg>
    }
}
