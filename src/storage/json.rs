//! The JSON behind saved progress: a small value tree, read with the platform's own parser and
//! written here.
//!
//! In the browser the text is parsed by `JSON.parse`, and the tree is built from what it returns.
//! Natively (tests and tools) serde_json parses it. Writing is the same code on both. This keeps
//! serde_json's parser, its error messages and float formatting out of the app: about 16 KB gzip
//! (wasm 151.3 → 135.5 KB when it was written; ARCHITECTURE.md, "Size"). The records in `format` are read from and
//! written to this tree by hand, which also gives every bad shape a plain message.

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Num(f64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object, its members in order.
    Obj(Vec<(String, Json)>),
}

/// Why a saved record could not be read.
pub type Problem = String;

impl Json {
    /// Parses JSON text.
    pub fn parse(text: &str) -> Result<Json, Problem> {
        platform::parse(text)
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The member `key`, which must be there.
    pub fn field(&self, key: &str) -> Result<&Json, Problem> {
        self.get(key)
            .ok_or_else(|| format!("missing field \"{key}\""))
    }

    /// A string, or a problem naming `what` it was meant to be.
    pub fn str(&self, what: &str) -> Result<&str, Problem> {
        match self {
            Json::Str(s) => Ok(s),
            _ => Err(expected(what, "a string")),
        }
    }

    /// A number.
    pub fn num(&self, what: &str) -> Result<f64, Problem> {
        match self {
            Json::Num(n) => Ok(*n),
            _ => Err(expected(what, "a number")),
        }
    }

    /// A whole number in `i64` range (written as `3` or `3.0`).
    pub fn int(&self, what: &str) -> Result<i64, Problem> {
        let n = self.num(what)?;
        if n.fract() == 0.0 && n.abs() <= MAX_SAFE {
            Ok(n as i64)
        } else {
            Err(expected(what, "a whole number"))
        }
    }

    /// An array's items.
    pub fn arr(&self, what: &str) -> Result<&[Json], Problem> {
        match self {
            Json::Arr(items) => Ok(items),
            _ => Err(expected(what, "a list")),
        }
    }

    /// An object's members.
    pub fn obj(&self, what: &str) -> Result<&[(String, Json)], Problem> {
        match self {
            Json::Obj(members) => Ok(members),
            _ => Err(expected(what, "an object")),
        }
    }

    /// The value as JSON text (compact; numbers are written whole, see [`Json::Num`]).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            // Saved records only hold whole numbers (ids, versions, scores, Date.now()); a
            // fraction is rounded, and what JSON cannot hold is written as 0.
            Json::Num(n) => {
                let whole = if n.is_finite() { n.round() } else { 0.0 };
                out.push_str(&(whole.clamp(-MAX_SAFE, MAX_SAFE) as i64).to_string());
            }
            Json::Str(s) => write_str(s, out),
            Json::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Obj(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_str(k, out);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// 2^53: beyond it a JSON number (an IEEE double) no longer holds every whole number.
const MAX_SAFE: f64 = 9_007_199_254_740_992.0;

fn expected(what: &str, kind: &str) -> Problem {
    format!("{what} should be {kind}")
}

fn write_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(target_arch = "wasm32")]
mod platform {
    use super::{Json, Problem};
    use js_sys::{Array, Object};
    use wasm_bindgen::{JsCast, JsValue};

    pub fn parse(text: &str) -> Result<Json, Problem> {
        let value = js_sys::JSON::parse(text).map_err(|_| "it is not valid JSON".to_string())?;
        Ok(tree(&value))
    }

    fn tree(v: &JsValue) -> Json {
        if let Some(s) = v.as_string() {
            Json::Str(s)
        } else if let Some(n) = v.as_f64() {
            Json::Num(n)
        } else if let Some(b) = v.as_bool() {
            Json::Bool(b)
        } else if Array::is_array(v) {
            Json::Arr(Array::from(v).iter().map(|item| tree(&item)).collect())
        } else if let Some(obj) = v.dyn_ref::<Object>() {
            let mut members = Vec::new();
            for entry in Object::entries(obj).iter() {
                let pair: Array = entry.unchecked_into();
                members.push((
                    pair.get(0).as_string().unwrap_or_default(),
                    tree(&pair.get(1)),
                ));
            }
            Json::Obj(members)
        } else {
            Json::Null
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    use super::{Json, Problem};

    pub fn parse(text: &str) -> Result<Json, Problem> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|_| "it is not valid JSON".to_string())?;
        Ok(tree(value))
    }

    fn tree(v: serde_json::Value) -> Json {
        use serde_json::Value;
        match v {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(b),
            Value::Number(n) => Json::Num(n.as_f64().unwrap_or(f64::NAN)),
            Value::String(s) => Json::Str(s),
            Value::Array(items) => Json::Arr(items.into_iter().map(tree).collect()),
            Value::Object(members) => {
                Json::Obj(members.into_iter().map(|(k, v)| (k, tree(v))).collect())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_so_any_text_survives() {
        let nasty = "quote \" backslash \\ newline \n tab \t bell \u{7} nul \u{0} é 💛 </script>";
        let text = Json::Str(nasty.into()).to_text();
        assert_eq!(
            serde_json::from_str::<String>(&text).unwrap(),
            nasty,
            "{text}"
        );
        assert_eq!(Json::parse(&text).unwrap(), Json::Str(nasty.into()));
    }

    #[test]
    fn numbers_are_written_whole() {
        assert_eq!(Json::Num(1732400000000.0).to_text(), "1732400000000");
        assert_eq!(Json::Num(-3.0).to_text(), "-3");
        assert_eq!(Json::Num(2.6).to_text(), "3");
        assert_eq!(Json::Num(f64::NAN).to_text(), "0");
        assert_eq!(Json::Num(f64::INFINITY).to_text(), "0");
    }

    #[test]
    fn whole_numbers_read_whether_written_with_a_point_or_not() {
        for text in ["3", "3.0", "3e0"] {
            assert_eq!(Json::parse(text).unwrap().int("x"), Ok(3), "{text}");
        }
        assert_eq!(
            Json::parse("3.5").unwrap().int("the score"),
            Err("the score should be a whole number".to_string())
        );
    }

    #[test]
    fn structures_round_trip() {
        let v = Json::Obj(vec![
            (
                "b".into(),
                Json::Arr(vec![Json::Null, Json::Bool(true), Json::Num(7.0)]),
            ),
            ("a".into(), Json::Obj(vec![])),
        ]);
        assert_eq!(v.to_text(), r#"{"b":[null,true,7],"a":{}}"#);
        let back = Json::parse(&v.to_text()).unwrap();
        assert_eq!(back.get("b"), v.get("b"));
        assert_eq!(back.get("a"), Some(&Json::Obj(vec![])));
        assert_eq!(back.get("c"), None);
    }

    #[test]
    fn text_that_is_not_json_is_a_plain_problem() {
        assert_eq!(
            Json::parse("{not json"),
            Err("it is not valid JSON".to_string())
        );
    }
}
