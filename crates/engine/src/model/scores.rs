//! The points an option adds to each dimension, kept as a small sorted list.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Points per dimension, as `"scores": {"strain": 2, "trust": -1}` in the file.
///
/// A short list sorted by dimension id rather than a map: most answers score one or two
/// dimensions, and a list keeps a large questionnaire compact in memory (a map node per
/// answer was a third of a 10,000-question file's size). A dimension named twice is an error.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scores(Vec<(String, i64)>);

impl Scores {
    /// The points for `dimension`, if this answer gives any.
    pub fn get(&self, dimension: &str) -> Option<i64> {
        self.0
            .binary_search_by(|(d, _)| d.as_str().cmp(dimension))
            .ok()
            .map(|i| self.0[i].1)
    }

    /// Whether this answer gives points to `dimension`.
    pub fn contains_key(&self, dimension: &str) -> bool {
        self.get(dimension).is_some()
    }

    /// Whether this answer gives no points at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The dimensions named, in id order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(d, _)| d.as_str())
    }

    /// (dimension, points) pairs, in dimension id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, i64)> {
        self.0.iter().map(|(d, p)| (d.as_str(), *p))
    }
}

impl<S: Into<String>> FromIterator<(S, i64)> for Scores {
    /// Later pairs win over earlier ones for the same dimension.
    fn from_iter<I: IntoIterator<Item = (S, i64)>>(pairs: I) -> Self {
        let mut list: Vec<(String, i64)> = Vec::new();
        for (d, p) in pairs {
            let d = d.into();
            match list.binary_search_by(|(k, _)| k.cmp(&d)) {
                Ok(i) => list[i].1 = p,
                Err(i) => list.insert(i, (d, p)),
            }
        }
        Scores(list)
    }
}

impl Serialize for Scores {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(d, p)| (d, p)))
    }
}

impl<'de> Deserialize<'de> for Scores {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Scores;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("dimension ids with whole-number points, like {\"strain\": 2}")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Scores, A::Error> {
                let mut list: Vec<(String, i64)> =
                    Vec::with_capacity(map.size_hint().unwrap_or(1).min(16));
                while let Some((d, p)) = map.next_entry::<String, i64>()? {
                    match list.binary_search_by(|(k, _)| k.cmp(&d)) {
                        Ok(_) => {
                            return Err(serde::de::Error::custom(format!(
                                "dimension \"{d}\" is given points twice; keep one"
                            )))
                        }
                        Err(i) => list.insert(i, (d, p)),
                    }
                }
                list.shrink_to_fit();
                Ok(Scores(list))
            }
        }
        deserializer.deserialize_map(Visit)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Scores {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<String, i64>>::schema_name()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<String, i64>>::json_schema(generator)
    }
}
