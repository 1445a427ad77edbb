//! Arbitrary JSON *values* → decode → validate (issue 12): arrays, nested arrays, objects with unknown keys, objects
//! with the case format's own keys at random levels, and a valid case edited at random places — above all, any of
//! its objects replaced by the array of its values in field order, which is how serde's derived decoders would
//! read a struct by position.
//!
//! Asserts, for every document:
//! - accepted ⇒ the document and every struct level of it were JSON objects: wherever the decoded case encodes
//!   to an object, the input held an object at that path (so a positional decode cannot come back);
//! - refused (or accepted but invalid) ⇒ no error message or path holds a key or string value of the input that
//!   is not a name of the format, or part of one (schema property names and enumeration values, register codes,
//!   need areas).
//!   Checked for every personal-looking value of the generator's dictionary, and for any other generated string of
//!   8 characters or more (shorter random strings are words of the messages themselves too often to tell).
#![no_main]

use std::collections::HashSet;
use std::fmt::Write as _;
use std::sync::OnceLock;

use libfuzzer_sys::arbitrary::{self, Unstructured};
use libfuzzer_sys::fuzz_target;
use probation_core::interchange::decode_case;
use probation_core::model::{NeedArea, RegisterCode};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A JSON value whose objects keep their keys in order (and may repeat one), unlike `serde_json::Value`.
#[derive(Debug, Clone)]
enum J {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    fn write(&self, out: &mut String) {
        match self {
            J::Null => out.push_str("null"),
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            J::Num(n) => out.push_str(n),
            J::Str(s) => out.push_str(&serde_json::to_string(s).unwrap_or_default()),
            J::Arr(a) => {
                out.push('[');
                for (i, v) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
            J::Obj(m) => {
                out.push('{');
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(k).unwrap_or_default());
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }

    /// Every key and string value, in the tree.
    fn strings<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            J::Str(s) => out.push(s),
            J::Arr(a) => a.iter().for_each(|v| v.strings(out)),
            J::Obj(m) => {
                for (k, v) in m {
                    out.push(k);
                    v.strings(out);
                }
            }
            _ => {}
        }
    }

    /// The number of nodes, for picking one at random.
    fn size(&self) -> usize {
        1 + match self {
            J::Arr(a) => a.iter().map(J::size).sum(),
            J::Obj(m) => m.iter().map(|(_, v)| v.size()).sum(),
            _ => 0,
        }
    }

    /// The `n`th node in pre-order.
    fn nth(&mut self, n: usize) -> Option<&mut J> {
        if n == 0 {
            return Some(self);
        }
        let mut n = n - 1;
        let children: Vec<&mut J> = match self {
            J::Arr(a) => a.iter_mut().collect(),
            J::Obj(m) => m.iter_mut().map(|(_, v)| v).collect(),
            _ => return None,
        };
        for c in children {
            let s = c.size();
            if n < s {
                return c.nth(n);
            }
            n -= s;
        }
        None
    }
}

impl<'de> Deserialize<'de> for J {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<J, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = J;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("json")
            }
            fn visit_unit<E>(self) -> Result<J, E> {
                Ok(J::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<J, E> {
                Ok(J::Bool(b))
            }
            fn visit_u64<E>(self, n: u64) -> Result<J, E> {
                Ok(J::Num(n.to_string()))
            }
            fn visit_i64<E>(self, n: i64) -> Result<J, E> {
                Ok(J::Num(n.to_string()))
            }
            fn visit_f64<E>(self, n: f64) -> Result<J, E> {
                Ok(J::Num(serde_json::to_string(&n).unwrap_or_default()))
            }
            fn visit_str<E>(self, s: &str) -> Result<J, E> {
                Ok(J::Str(s.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<J, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = a.next_element()? {
                    out.push(v);
                }
                Ok(J::Arr(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<J, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = m.next_entry()? {
                    out.push((k, v));
                }
                Ok(J::Obj(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// A valid case using every struct of the format (the values are invented).
const BASE: &str = r#"{"schema_version":1,"case_id":"123e4567-e89b-12d3-a456-426614174000",
 "person":{"crn":"X320741","pnc":"2004/0012345D","prison_number":"G4721KD",
   "name":{"given":"Marguerite","family":"Quennellford"},"date_of_birth":"1990-04-01","sex":"female",
   "foreign_national_liable_to_deportation":false,"home_area":"C17"},
 "provider":"C17",
 "events":[
   {"offence_date":"2016-01-04","conviction_date":"2016-02-01","sentence_date":"2016-03-01","allocation_date":"2016-03-02",
    "sentence":{"type":"community_order","length":{"months":12},
      "requirements":[{"kind":"unpaid_work","hours":120},{"kind":"curfew","hours_per_day":8,"days_per_week":5,"length":{"months":3}}]}},
   {"offence_date":"2016-01-04","sentence_date":"2016-03-01",
    "sentence":{"type":"suspended_sentence_order","custodial_term":{"months":6},"operational_period":{"months":12},
      "supervision_period":{"months":12},"requirements":[{"kind":"rehabilitation_activity","days":10}]}},
   {"offence_date":"2016-01-04","sentence_date":"2016-03-01",
    "sentence":{"type":"custody","length":{"months":6},"kind":"standard_determinate","remand_days":1}}],
 "registrations":[{"code":"MAPP","level":"M2","category":"M1","registered":"2016-03-01"},
   {"code":"RMRH","registered":"2016-03-01","deregistered":"2016-06-01"}],
 "assessments":[{"date":"2016-02-15","kind":"oasys","rsr":2.5,"ogrs":40.0,
   "rosh":{"children":"low","public":"medium"},"needs":{"accommodation":"severe"},
   "section_answers":{"attitudes":["yes",null]},
   "womens_factors":{"parenting_responsibilities":true,"impulsivity":1,"temper_control":0}}],
 "contacts":[{"date":"2016-03-07","kind":"first_appointment","outcome":"attended","event":0}],
 "enforcement":[{"date":"2016-03-08","kind":"warning","event":0}]}"#;

/// Values that stand for personal data: none may ever appear in an error.
const PERSONAL: &[&str] = &[
    "Marguerite",
    "Quennellford",
    "X320741",
    "2004/0012345D",
    "04/12345D",
    "G4721KD",
    "1990-04-01",
    "K918273",
];

/// Strings the generator draws from besides arbitrary ones: format names and values, and personal ones.
const WORDS: &[&str] = &[
    "schema_version",
    "case_id",
    "person",
    "provider",
    "events",
    "registrations",
    "assessments",
    "contacts",
    "enforcement",
    "crn",
    "pnc",
    "prison_number",
    "name",
    "given",
    "family",
    "date_of_birth",
    "sex",
    "home_area",
    "offence_date",
    "sentence_date",
    "sentence",
    "type",
    "length",
    "months",
    "days",
    "hours",
    "requirements",
    "kind",
    "code",
    "level",
    "category",
    "registered",
    "date",
    "rosh",
    "public",
    "needs",
    "outcome",
    "event",
    "community_order",
    "custody",
    "male",
    "female",
    "C17",
    "N01",
    "MAPP",
    "M2",
    "M5",
    "2016-03-01",
    "unpaid_work",
    "attended",
    "warning",
    "accommodation",
    "severe",
    "yes",
];

fn base() -> &'static J {
    static B: OnceLock<J> = OnceLock::new();
    B.get_or_init(|| serde_json::from_str(BASE).unwrap_or(J::Null))
}

/// The names of the format, lower-case (as `core/tests/vectors.rs` reads them).
fn format_names() -> &'static HashSet<String> {
    static N: OnceLock<HashSet<String>> = OnceLock::new();
    N.get_or_init(|| {
        fn walk(v: &serde_json::Value, out: &mut HashSet<String>) {
            match v {
                serde_json::Value::Object(m) => {
                    for (k, x) in m {
                        match (k.as_str(), x) {
                            ("properties", serde_json::Value::Object(p)) => {
                                out.extend(p.keys().cloned())
                            }
                            ("enum", serde_json::Value::Array(e)) => {
                                out.extend(e.iter().filter_map(|s| s.as_str()).map(str::to_owned))
                            }
                            ("const", serde_json::Value::String(c)) => {
                                out.insert(c.clone());
                            }
                            _ => {}
                        }
                        walk(x, out);
                    }
                }
                serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
                _ => {}
            }
        }
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../../schema/case.schema.json")).unwrap_or_default();
        let mut out = HashSet::new();
        walk(&schema, &mut out);
        out.extend(RegisterCode::KNOWN.iter().map(|c| c.code().to_owned()));
        for a in NeedArea::ALL {
            if let Ok(serde_json::Value::String(s)) = serde_json::to_value(a) {
                out.insert(s);
            }
        }
        assert!(out.contains("date_of_birth") && out.contains("accommodation"));
        out.into_iter().map(|s| s.to_lowercase()).collect()
    })
}

fn string(u: &mut Unstructured) -> arbitrary::Result<String> {
    Ok(match u.int_in_range(0..=3)? {
        0 => (*u.choose(WORDS)?).to_owned(),
        1 => (*u.choose(PERSONAL)?).to_owned(),
        _ => u.arbitrary::<String>()?,
    })
}

fn value(u: &mut Unstructured, depth: u32) -> arbitrary::Result<J> {
    let top = if depth >= 6 { 4 } else { 9 };
    Ok(match u.int_in_range(0..=top)? {
        0 => J::Null,
        1 => J::Bool(u.arbitrary()?),
        2 => J::Num(u.int_in_range(0u32..=400)?.to_string()),
        3 => J::Str(string(u)?),
        4 => J::Num(format!("{}.5", u.int_in_range(0u8..=99)?)),
        5 | 6 => {
            let n = u.int_in_range(0..=4)?;
            J::Arr(
                (0..n)
                    .map(|_| value(u, depth + 1))
                    .collect::<arbitrary::Result<_>>()?,
            )
        }
        7 | 8 => {
            let n = u.int_in_range(0..=4)?;
            let mut m = Vec::new();
            for _ in 0..n {
                m.push((string(u)?, value(u, depth + 1)?));
            }
            J::Obj(m)
        }
        _ => {
            // A piece of the valid case, perhaps turned into an array.
            let b = base();
            let at = u.choose_index(b.size())?;
            let mut piece = b.clone().nth(at).cloned().unwrap_or(J::Null);
            if u.arbitrary()? {
                piece = positional(piece);
            }
            piece
        }
    })
}

/// An object as the array of its values, in order: how a derived struct visitor would read it by position.
fn positional(v: J) -> J {
    match v {
        J::Obj(m) => J::Arr(m.into_iter().map(|(_, v)| v).collect()),
        other => J::Arr(vec![other]),
    }
}

/// A document: a fresh value, or the valid case with a few edits at random nodes.
fn document(u: &mut Unstructured) -> arbitrary::Result<J> {
    if u.int_in_range(0..=3)? == 0 {
        return value(u, 0);
    }
    let mut doc = base().clone();
    for _ in 0..u.int_in_range(0..=3)? {
        let at = u.choose_index(doc.size())?;
        let Some(node) = doc.nth(at) else { continue };
        match u.int_in_range(0..=6)? {
            0 | 1 => *node = positional(std::mem::replace(node, J::Null)),
            2 => *node = J::Arr(vec![std::mem::replace(node, J::Null)]),
            3 => *node = value(u, 3)?,
            4 => {
                if let J::Obj(m) = node {
                    let at = u.int_in_range(0..=m.len())?;
                    m.insert(at, (string(u)?, value(u, 4)?));
                }
            }
            5 => {
                if let J::Obj(m) = node
                    && !m.is_empty()
                {
                    let at = u.choose_index(m.len())?;
                    m.remove(at);
                }
            }
            _ => {
                if let J::Obj(m) = node
                    && !m.is_empty()
                {
                    // Keep the keys, reverse the order (the fast path reads either; both must agree).
                    m.reverse();
                }
            }
        }
    }
    Ok(doc)
}

/// Wherever the decoded case encodes to an object, the input held an object at that path.
fn objects_where_structs_are(encoded: &serde_json::Value, input: &J, path: &mut String) {
    match encoded {
        serde_json::Value::Object(e) => {
            let J::Obj(m) = input else {
                panic!("accepted a non-object where the format has an object: {path}");
            };
            for (k, ev) in e {
                if let Some((_, iv)) = m.iter().find(|(ik, _)| ik == k) {
                    let len = path.len();
                    let _ = write!(path, ".{k}");
                    objects_where_structs_are(ev, iv, path);
                    path.truncate(len);
                }
            }
        }
        serde_json::Value::Array(e) => {
            let J::Arr(a) = input else {
                panic!("accepted a non-array where the format has an array: {path}");
            };
            for (i, (ev, iv)) in e.iter().zip(a).enumerate() {
                let len = path.len();
                let _ = write!(path, "[{i}]");
                objects_where_structs_are(ev, iv, path);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

fn assert_no_input_token(input: &J, exposed: &str) {
    let exposed = exposed.to_lowercase();
    let names = format_names();
    let mut strings = Vec::new();
    input.strings(&mut strings);
    for s in strings {
        let t = s.to_lowercase();
        let checked = PERSONAL.iter().any(|p| p.eq_ignore_ascii_case(s)) || t.chars().count() >= 8;
        // A part of a format name (`hema_ver`) is in any message that lists the expected names.
        let part_of_a_name = names.iter().any(|n| n.contains(t.as_str()));
        if checked && !part_of_a_name && exposed.contains(&t) {
            panic!("an error repeats a key or value of the input: {s:?} in {exposed:?}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(doc) = document(&mut u) else { return };
    let mut text = String::new();
    doc.write(&mut text);
    match decode_case(&text) {
        Ok(case) => {
            let encoded = serde_json::to_value(&case).unwrap_or_default();
            objects_where_structs_are(&encoded, &doc, &mut String::new());
            if let Err(errs) = probation_core::validate::validate(&case) {
                let mut exposed = errs.to_string();
                for i in &errs.0 {
                    let _ = write!(exposed, "\n{}", i.path);
                }
                assert_no_input_token(&doc, &exposed);
            }
        }
        Err(e) => assert_no_input_token(&doc, &format!("{e}\n{}", e.path())),
    }
});
