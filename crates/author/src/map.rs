//! The flow map: every question, its ways forward, the results, and each article with the rules
//! that lead to it, laid out as a picture by `layout-rs` (a Graphviz-style layered layout).
//!
//! The layout is kept as plain shapes ([`Map`]), so the same picture is written to an SVG file
//! by `questionnaire graph --format svg` and drawn by the author's studio (which makes its
//! boxes clickable and marks the places of problems).

use super::graph::{describe, edges};
use engine::model::QuestionnaireFile;
use engine::model::RESULTS;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::StyleAttr;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use std::fmt::Write;

/// What a box on the map stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A question (its id is the question's).
    Question,
    /// The results screen.
    Results,
    /// An article (its id is the article's).
    Article,
}

/// A box on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapNode {
    /// The question's or article's id (`results` for the results).
    pub id: String,
    /// What it stands for.
    pub kind: NodeKind,
    /// Its lines of text.
    pub lines: Vec<String>,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// An arrow on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapEdge {
    /// The layout's path: the start and the control it leaves by, then for each later point
    /// the control it arrives by and the point (see `d`).
    pub path: Vec<[f64; 4]>,
    /// Whether it leads from the results to an article (a rule, drawn dashed).
    pub rule: bool,
}

/// A label placed on the map (an arrow's option, condition or rule).
#[derive(Debug, Clone, PartialEq)]
pub struct MapLabel {
    /// Centre, x.
    pub x: f64,
    /// Centre, y.
    pub y: f64,
    /// The words.
    pub text: String,
}

/// The laid-out map.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map {
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// Every question, the results and every article.
    pub nodes: Vec<MapNode>,
    /// Every way forward, and every rule.
    pub edges: Vec<MapEdge>,
    /// The arrows' words.
    pub labels: Vec<MapLabel>,
}

const FONT: usize = 13;
const CLIP_TEXT: usize = 34;
const CLIP_LABEL: usize = 30;

fn clip(text: &str, n: usize) -> String {
    let mut s: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        s.push('…');
    }
    s
}

fn node_size(lines: &[String]) -> Point {
    let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(1) as f64;
    Point::new(widest * 7.6 + 24.0, lines.len() as f64 * 18.0 + 16.0)
}

/// Collects the layout's draw calls as shapes.
struct Collect {
    map: Map,
    kinds: Vec<(String, NodeKind, Vec<String>)>,
}

impl RenderBackend for Collect {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        _look: &StyleAttr,
        properties: Option<String>,
        _clip: Option<ClipHandle>,
    ) {
        let Some(index) = properties.and_then(|p| p.parse::<usize>().ok()) else {
            return;
        };
        if let Some((id, kind, lines)) = self.kinds.get(index) {
            self.map.nodes.push(MapNode {
                id: id.clone(),
                kind: *kind,
                lines: lines.clone(),
                x: xy.x,
                y: xy.y,
                w: size.x,
                h: size.y,
            });
        }
    }

    fn draw_line(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}

    fn draw_circle(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}

    fn draw_text(&mut self, xy: Point, text: &str, _look: &StyleAttr) {
        // Node labels are drawn by the map itself; what is left are the arrows' words.
        let inside = self
            .map
            .nodes
            .iter()
            .any(|n| xy.x >= n.x && xy.x <= n.x + n.w && xy.y >= n.y && xy.y <= n.y + n.h);
        if !inside && !text.trim().is_empty() {
            self.map.labels.push(MapLabel {
                x: xy.x,
                y: xy.y,
                text: text.to_string(),
            });
        }
    }

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        _dashed: bool,
        _head: (bool, bool),
        _look: &StyleAttr,
        properties: Option<String>,
        _text: &str,
    ) {
        self.map.edges.push(MapEdge {
            path: path.iter().map(|(p, c)| [p.x, p.y, c.x, c.y]).collect(),
            rule: properties.as_deref() == Some("rule"),
        });
    }

    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}

/// Lays out the map of a questionnaire: a checked one, or one with errors as read (arrows to
/// ids that do not exist are left out, so the studio can still show where a problem is).
pub fn layout(file: &QuestionnaireFile) -> Map {
    let mut graph = VisualGraph::new(Orientation::TopToBottom);
    let mut kinds: Vec<(String, NodeKind, Vec<String>)> = Vec::new();
    let mut handles = std::collections::HashMap::new();
    let mut add = |graph: &mut VisualGraph, id: &str, kind: NodeKind, lines: Vec<String>| {
        let size = node_size(&lines);
        let look = StyleAttr::new(Color::fast("black"), 1, None, 6, FONT);
        let element = Element::create_with_properties(
            ShapeKind::new_box(""),
            look,
            Orientation::LeftToRight,
            size,
            kinds.len().to_string(),
        );
        kinds.push((id.to_string(), kind, lines));
        let handle = graph.add_node(element);
        handles.insert((kind == NodeKind::Article, id.to_string()), handle);
    };
    for question in &file.questions {
        add(
            &mut graph,
            question.id.as_str(),
            NodeKind::Question,
            vec![question.id.to_string(), clip(&question.text, CLIP_TEXT)],
        );
    }
    add(
        &mut graph,
        RESULTS,
        NodeKind::Results,
        vec!["Results".into()],
    );
    for article in &file.articles {
        add(
            &mut graph,
            &article.id,
            NodeKind::Article,
            vec![
                format!("article: {}", article.id),
                clip(&article.title, CLIP_TEXT),
            ],
        );
    }
    let style = StyleAttr::new(Color::fast("black"), 1, None, 0, FONT - 2);
    for e in edges(file) {
        let (Some(&from), Some(&to)) = (
            handles.get(&(false, e.from.clone())),
            handles.get(&(false, e.to.clone())),
        ) else {
            continue;
        };
        let arrow = Arrow::new(
            LineEndKind::None,
            LineEndKind::Arrow,
            layout::core::style::LineStyleKind::Normal,
            &clip(&e.label, CLIP_LABEL),
            &style,
            &None,
            &None,
        );
        graph.add_edge(arrow, from, to);
    }
    // One arrow per article from the results, labelled with its rules (the first, and how many
    // more), so she sees what leads to each.
    let results = handles.get(&(false, RESULTS.to_string())).copied();
    for article in &file.articles {
        let rules: Vec<_> = file
            .recommendations
            .iter()
            .filter(|r| r.article == article.id)
            .collect();
        let (Some(from), Some(&to)) = (results, handles.get(&(true, article.id.clone()))) else {
            continue;
        };
        let label = match rules.as_slice() {
            [] => "no rule leads here".to_string(),
            [one] => clip(&describe(&one.when), CLIP_LABEL),
            [first, rest @ ..] => format!(
                "{} (+{} more)",
                clip(&describe(&first.when), CLIP_LABEL - 10),
                rest.len()
            ),
        };
        let mut arrow = Arrow::new(
            LineEndKind::None,
            LineEndKind::Arrow,
            layout::core::style::LineStyleKind::Dashed,
            &label,
            &style,
            &None,
            &None,
        );
        arrow.properties = Some("rule".into());
        graph.add_edge(arrow, from, to);
    }
    let mut collect = Collect {
        map: Map::default(),
        kinds,
    };
    graph.do_it(false, false, false, &mut collect);
    let mut map = collect.map;
    // Shift everything so the picture starts at a small margin.
    let min_x = map.nodes.iter().map(|n| n.x).fold(f64::INFINITY, f64::min);
    let min_y = map.nodes.iter().map(|n| n.y).fold(f64::INFINITY, f64::min);
    let (dx, dy) = if min_x.is_finite() {
        (20.0 - min_x.min(20.0), 20.0 - min_y.min(20.0))
    } else {
        (0.0, 0.0)
    };
    for n in &mut map.nodes {
        n.x += dx;
        n.y += dy;
    }
    for l in &mut map.labels {
        l.x += dx;
        l.y += dy;
    }
    for e in &mut map.edges {
        for p in &mut e.path {
            p[0] += dx;
            p[1] += dy;
            p[2] += dx;
            p[3] += dy;
        }
    }
    map.width = map
        .nodes
        .iter()
        .map(|n| n.x + n.w)
        .chain(map.labels.iter().map(|l| l.x + 80.0))
        .chain(
            map.edges
                .iter()
                .flat_map(|e| e.path.iter().map(|p| p[0].max(p[2]))),
        )
        .fold(0.0, f64::max)
        + 20.0;
    map.height = map
        .nodes
        .iter()
        .map(|n| n.y + n.h)
        .chain(
            map.edges
                .iter()
                .flat_map(|e| e.path.iter().map(|p| p[1].max(p[3]))),
        )
        .fold(0.0, f64::max)
        + 20.0;
    map
}

impl MapEdge {
    /// The arrow as SVG path data. layout-rs gives the first point with the control it leaves
    /// by, then for each later point the control it arrives by and the point itself: one
    /// cubic curve to the second point, then smooth curves (`S`) through the rest, so the line
    /// ends on the box it points at, arriving in the direction it points.
    pub fn d(&self) -> String {
        let (Some(first), Some(second)) = (self.path.first(), self.path.get(1)) else {
            return String::new();
        };
        let mut d = format!(
            "M {:.1} {:.1} C {:.1} {:.1}, {:.1} {:.1}, {:.1} {:.1}",
            first[0], first[1], first[2], first[3], second[0], second[1], second[2], second[3]
        );
        for p in self.path.iter().skip(2) {
            let _ = write!(d, " S {:.1} {:.1}, {:.1} {:.1}", p[0], p[1], p[2], p[3]);
        }
        d
    }
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

impl Map {
    /// The map as a standalone SVG document (the same shapes the studio draws).
    pub fn to_svg(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\" font-family=\"sans-serif\" font-size=\"{FONT}\">",
            w = self.width,
            h = self.height
        );
        s.push_str("<defs><marker id=\"head\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\"/></marker></defs>\n");
        s.push_str("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for e in &self.edges {
            let _ = writeln!(
                s,
                "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.2\"{} marker-end=\"url(#head)\"/>",
                e.d(),
                if e.rule { "#7a4d8c" } else { "#444" },
                if e.rule { " stroke-dasharray=\"5 4\"" } else { "" }
            );
        }
        for n in &self.nodes {
            let (fill, stroke) = node_colors(n.kind);
            let _ = writeln!(
                s,
                "<g><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"6\" fill=\"{fill}\" stroke=\"{stroke}\"/>",
                n.x, n.y, n.w, n.h
            );
            for (i, line) in n.lines.iter().enumerate() {
                let _ = writeln!(
                    s,
                    "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\"{}>{}</text>",
                    n.x + n.w / 2.0,
                    n.y + 22.0 + i as f64 * 18.0,
                    if i == 0 { " font-weight=\"bold\"" } else { "" },
                    esc(line)
                );
            }
            s.push_str("</g>\n");
        }
        for l in &self.labels {
            let _ = writeln!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">{}</text>",
                l.x,
                l.y,
                esc(&l.text)
            );
        }
        s.push_str("</svg>\n");
        s
    }
}

/// Fill and outline of a box of each kind (shared by the SVG file and the studio).
pub fn node_colors(kind: NodeKind) -> (&'static str, &'static str) {
    match kind {
        NodeKind::Question => ("#eef3fb", "#31578a"),
        NodeKind::Results => ("#e9f5ea", "#2f6b35"),
        NodeKind::Article => ("#f6eefa", "#6b3f80"),
    }
}

#[cfg(test)]
mod arrow_tests {
    use super::*;
    use crate::Source;

    /// Every arrow ends on (within a pixel of) the box it points at, and arrives moving
    /// towards it: its last control point is outside that box.
    #[test]
    fn arrows_end_on_their_box_pointing_into_it() {
        let text = include_str!("../../../tests/fixtures/tiny.toml");
        let file = match crate::source::read(&[Source::new("tiny.toml", text)]).file {
            Some(f) => f,
            None => panic!("the fixture reads"),
        };
        let map = layout(&file);
        assert!(map.edges.len() >= 4, "{} arrows", map.edges.len());
        for e in &map.edges {
            // The path as drawn: its last point, and the control it arrives by.
            let d = e.d();
            let numbers: Vec<f64> = d.split([' ', ',']).filter_map(|w| w.parse().ok()).collect();
            let [.., cx, cy, x, y] = numbers.as_slice() else {
                panic!("a short path: {d}")
            };
            let (x, y) = (*x, *y);
            let target = map
                .nodes
                .iter()
                .min_by(|a, b| gap(a, x, y).total_cmp(&gap(b, x, y)))
                .map(|n| (n.id.clone(), gap(n, x, y), n.clone()));
            let Some((id, distance, node)) = target else {
                panic!("no boxes")
            };
            assert!(
                distance <= 1.0,
                "the arrow to {id} stops {distance:.1} short: {}",
                e.d()
            );
            assert!(
                gap(&node, *cx, *cy) > 0.5,
                "the arrow to {id} arrives from inside its box: {}",
                e.d()
            );
        }
    }

    fn gap(n: &MapNode, x: f64, y: f64) -> f64 {
        let dx = (n.x - x).max(x - (n.x + n.w)).max(0.0);
        let dy = (n.y - y).max(y - (n.y + n.h)).max(0.0);
        (dx * dx + dy * dy).sqrt()
    }
}
