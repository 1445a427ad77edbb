//! Python types generated from the `$defs` of the types schema: an `enum.Enum` per string enum, a frozen
//! dataclass per object, each with the Rust doc comment as its docstring.
//!
//! The mapping, all of it:
//! - a string enum (`enum`, or `oneOf` of `const` strings) → `class X(_Enum)`, members `VALUE.upper() = "value"`;
//! - an object → `@dataclasses.dataclass(frozen=True) class X`, fields in core's declaration order (the
//!   `required` list), a field core may omit (`skip_serializing_if`) defaulting to `None`;
//! - an internally tagged enum (`oneOf` of objects sharing a `const` property, e.g. `Trigger`'s `kind`) → one
//!   dataclass with the tag typed as a generated enum `XKind` and every variant's other fields, those not in all
//!   variants defaulting to `None`;
//! - `string`/`date` → `str`/`datetime.date`, `integer` → `int`, `number` → `float`, `boolean` → `bool`,
//!   `null` alternative → `| None`, `array` → `tuple[T, ...]`, `object` of `additionalProperties` → `dict[K, V]`
//!   (`K` from `propertyNames`, else `str`), any other `$def` (a string newtype such as `RegisterCode`) → its
//!   base type.
//!
//! What is Python's own is declared by hand in `_mixins.py`: a class `XMixin` there becomes a base of the
//! generated `X`; a mixin that defines `__repr__` keeps it (the dataclass gets `repr=False`); a mixin line
//! `_repr_hidden = ("field", ...)` hides those fields from the generated repr.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Map, Value};

/// What the hand-written mixins file declares for one class.
#[derive(Debug, Default, Clone)]
struct Mixin {
    own_repr: bool,
    repr_hidden: Vec<String>,
}

/// Reads `class XMixin` blocks of the mixins file (a line scan: the file is ours and plain).
fn read_mixins(text: &str) -> BTreeMap<String, Mixin> {
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("class ") {
            current = rest
                .split(['(', ':'])
                .next()
                .and_then(|n| n.trim().strip_suffix("Mixin"))
                .map(str::to_owned);
            if let Some(name) = &current {
                out.insert(name.clone(), Mixin::default());
            }
            continue;
        }
        if !line.is_empty() && !line.starts_with(' ') {
            current = None;
            continue;
        }
        let Some(m) = current.as_ref().and_then(|n| out.get_mut(n)) else {
            continue;
        };
        let t = line.trim();
        if t.starts_with("def __repr__") {
            m.own_repr = true;
        }
        if let Some(rest) = t.strip_prefix("_repr_hidden") {
            m.repr_hidden = rest
                .split('"')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .collect();
        }
    }
    out
}

/// Python keywords a field name must not be (none is today; a test keeps it so).
pub const PYTHON_KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// A docstring from a Rust doc comment: Rust code examples dropped, rustdoc escapes and intra-doc links undone.
fn clean_doc(text: &str) -> String {
    let mut out = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if !in_code {
            out.push(line);
        }
    }
    let mut s = out.join("\n").trim().to_owned();
    s = s.replace("\\[", "[").replace("\\]", "]");
    // `[`Name`]` and `[`Name::X`]` (intra-doc links) → `Name`.
    s = s.replace("[`", "`").replace("`]", "`");
    s = s.replace('\\', "\\\\").replace("\"\"\"", "\\\"\\\"\\\"");
    if s.ends_with('"') {
        s.push(' ');
    }
    s
}

fn docstring(out: &mut String, indent: &str, doc: Option<&str>) {
    let Some(doc) = doc.map(clean_doc).filter(|d| !d.is_empty()) else {
        return;
    };
    let body = doc
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 || l.is_empty() {
                l.to_owned()
            } else {
                format!("{indent}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let _ = writeln!(out, "{indent}\"\"\"{body}\"\"\"");
}

fn description(v: &Value) -> Option<&str> {
    v.get("description").and_then(Value::as_str)
}

/// The name a `$ref` points at.
fn ref_name(v: &Value) -> Option<&str> {
    v.get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
}

/// How one `$def` is generated.
enum Kind<'a> {
    /// Members: (value, description).
    Enum(Vec<(String, Option<String>)>),
    /// Fields: (name, schema, required).
    Class(Vec<(String, &'a Value, bool)>),
    /// The tag property and the variants: (tag value, description, variant schema).
    Tagged(String, Vec<(String, Option<String>, &'a Value)>),
    /// A newtype or alias: generated as its base type.
    Alias,
}

fn string_consts(variants: &[Value]) -> Option<Vec<(String, Option<String>)>> {
    variants
        .iter()
        .map(|v| {
            v.get("const")
                .and_then(Value::as_str)
                .map(|c| (c.to_owned(), description(v).map(str::to_owned)))
        })
        .collect()
}

fn ordered_fields(def: &Value) -> Vec<(String, &Value, bool)> {
    let Some(props) = def.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    let required: Vec<&str> = def
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut fields: Vec<(String, &Value, bool)> = required
        .iter()
        .filter_map(|k| props.get(*k).map(|v| ((*k).to_owned(), v, true)))
        .collect();
    for (k, v) in props {
        if !required.contains(&k.as_str()) {
            fields.push((k.clone(), v, false));
        }
    }
    fields
}

fn kind(def: &Value) -> Kind<'_> {
    if let Some(values) = def.get("enum").and_then(Value::as_array) {
        let members = values
            .iter()
            .filter_map(Value::as_str)
            .map(|v| (v.to_owned(), None))
            .collect();
        return Kind::Enum(members);
    }
    if let Some(variants) = def.get("oneOf").and_then(Value::as_array) {
        if let Some(members) = string_consts(variants) {
            return Kind::Enum(members);
        }
        // Internally tagged: every variant an object with one `const` property of the same name.
        let tag = variants.first().and_then(|v| {
            v.get("properties")?
                .as_object()?
                .iter()
                .find(|(_, p)| p.get("const").is_some())
                .map(|(k, _)| k.clone())
        });
        if let Some(tag) = tag {
            let parts: Option<Vec<_>> = variants
                .iter()
                .map(|v| {
                    let c = v.get("properties")?.get(&tag)?.get("const")?.as_str()?;
                    Some((c.to_owned(), description(v).map(str::to_owned), v))
                })
                .collect();
            if let Some(parts) = parts {
                return Kind::Tagged(tag, parts);
            }
        }
        return Kind::Alias;
    }
    if def.get("properties").is_some() {
        return Kind::Class(ordered_fields(def));
    }
    Kind::Alias
}

struct Gen<'a> {
    defs: &'a Map<String, Value>,
}

impl Gen<'_> {
    /// The Python annotation of a schema.
    fn annotation(&self, v: &Value) -> String {
        if let Some(name) = ref_name(v) {
            return match self.defs.get(name).map(kind) {
                Some(Kind::Alias) | None => self
                    .defs
                    .get(name)
                    .map_or_else(|| "typing.Any".to_owned(), |d| self.annotation(d)),
                Some(_) => name.to_owned(),
            };
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(alts) = v.get(key).and_then(Value::as_array) {
                let mut parts: Vec<String> = Vec::new();
                let mut nullable = false;
                for a in alts {
                    if a.get("type").and_then(Value::as_str) == Some("null") {
                        nullable = true;
                    } else {
                        parts.push(self.annotation(a));
                    }
                }
                if nullable {
                    parts.push("None".to_owned());
                }
                return parts.join(" | ");
            }
        }
        let (ty, nullable) = match v.get("type") {
            Some(Value::String(t)) => (t.as_str(), false),
            Some(Value::Array(ts)) => {
                let non_null: Vec<&str> = ts
                    .iter()
                    .filter_map(Value::as_str)
                    .filter(|t| *t != "null")
                    .collect();
                (
                    non_null.first().copied().unwrap_or("null"),
                    non_null.len() < ts.len(),
                )
            }
            _ => ("any", false),
        };
        let base = match ty {
            "string" if v.get("format").and_then(Value::as_str) == Some("date") => {
                "datetime.date".to_owned()
            }
            "string" => "str".to_owned(),
            "integer" => "int".to_owned(),
            "number" => "float".to_owned(),
            "boolean" => "bool".to_owned(),
            "null" => "None".to_owned(),
            "array" => {
                let item = v
                    .get("items")
                    .map_or_else(|| "typing.Any".to_owned(), |i| self.annotation(i));
                format!("tuple[{item}, ...]")
            }
            "object" => {
                let key = v
                    .get("propertyNames")
                    .map_or_else(|| "str".to_owned(), |k| self.annotation(k));
                let value = v
                    .get("additionalProperties")
                    .filter(|a| a.is_object())
                    .map_or_else(|| "typing.Any".to_owned(), |a| self.annotation(a));
                format!("dict[{key}, {value}]")
            }
            _ => "typing.Any".to_owned(),
        };
        if nullable {
            format!("{base} | None")
        } else {
            base
        }
    }

    fn enum_class(
        &self,
        out: &mut String,
        name: &str,
        doc: Option<&str>,
        members: &[(String, Option<String>)],
        mixins: &BTreeMap<String, Mixin>,
    ) {
        let bases = if mixins.contains_key(name) {
            format!("_mixins.{name}Mixin, _Enum")
        } else {
            "_Enum".to_owned()
        };
        let _ = writeln!(out, "\n\nclass {name}({bases}):");
        docstring(out, "    ", doc.or(Some(name)));
        out.push('\n');
        for (value, doc) in members {
            let member = value.to_uppercase();
            let _ = writeln!(out, "    {member} = {value:?}");
            docstring(out, "    ", doc.as_deref());
        }
    }

    fn data_class(
        &self,
        out: &mut String,
        name: &str,
        doc: Option<&str>,
        fields: &[(String, &Value, bool)],
        mixins: &BTreeMap<String, Mixin>,
    ) {
        let mixin = mixins.get(name);
        let repr = if mixin.is_some_and(|m| m.own_repr) {
            ", repr=False"
        } else {
            ""
        };
        let _ = writeln!(out, "\n\n@dataclasses.dataclass(frozen=True{repr})");
        match mixin {
            Some(_) => {
                let _ = writeln!(out, "class {name}(_mixins.{name}Mixin):");
            }
            None => {
                let _ = writeln!(out, "class {name}:");
            }
        }
        docstring(out, "    ", doc.or(Some(name)));
        out.push('\n');
        let hidden: &[String] = mixin.map_or(&[], |m| &m.repr_hidden);
        for (i, (field, schema, required)) in fields.iter().enumerate() {
            let mut ann = self.annotation(schema);
            let later_required = fields.iter().skip(i + 1).any(|(_, _, r)| *r);
            let mut args: Vec<&str> = Vec::new();
            if !required {
                if !ann.ends_with("| None") {
                    ann.push_str(" | None");
                }
                args.push("default=None");
                if later_required {
                    args.push("kw_only=True");
                }
            }
            if hidden.contains(field) {
                args.push("repr=False");
            }
            let default = match args.as_slice() {
                [] => String::new(),
                ["default=None"] => " = None".to_owned(),
                _ => format!(" = dataclasses.field({})", args.join(", ")),
            };
            let _ = writeln!(out, "    {field}: {ann}{default}");
            docstring(out, "    ", description(schema));
        }
    }
}

/// The generated module `_types.py`.
pub fn generate(defs: &Map<String, Value>, mixins_text: &str) -> String {
    let mixins = read_mixins(mixins_text);
    let g = Gen { defs };
    let mut enums = String::new();
    let mut classes = String::new();
    let mut names: Vec<String> = Vec::new();
    for (name, def) in defs {
        let doc = description(def);
        match kind(def) {
            Kind::Enum(members) => {
                g.enum_class(&mut enums, name, doc, &members, &mixins);
                names.push(name.clone());
            }
            Kind::Class(fields) => {
                g.data_class(&mut classes, name, doc, &fields, &mixins);
                names.push(name.clone());
            }
            Kind::Tagged(tag, variants) => {
                let kind_name = format!("{name}Kind");
                let members: Vec<(String, Option<String>)> = variants
                    .iter()
                    .map(|(c, d, _)| (c.clone(), d.clone()))
                    .collect();
                let kind_doc = format!("The `{tag}` of a `{name}`.");
                g.enum_class(&mut enums, &kind_name, Some(&kind_doc), &members, &mixins);
                // The tag, then every variant's fields in first-seen order; required only when every variant
                // requires it.
                let mut fields: Vec<(String, &Value, bool)> = Vec::new();
                for (_, _, v) in &variants {
                    for (f, schema, req) in ordered_fields(v) {
                        if f == tag {
                            continue;
                        }
                        let in_all = req
                            && variants.iter().all(|(_, _, o)| {
                                ordered_fields(o).iter().any(|(g2, _, r2)| *g2 == f && *r2)
                            });
                        if !fields.iter().any(|(g2, _, _)| *g2 == f) {
                            fields.push((f, schema, in_all));
                        }
                    }
                }
                let tag_field = serde_json::json!({ "$ref": format!("#/$defs/{kind_name}") });
                let mut all = vec![(tag.clone(), &tag_field, true)];
                all.extend(fields);
                let mut with_kind = defs.clone();
                with_kind.insert(kind_name.clone(), serde_json::json!({ "enum": [] }));
                let g2 = Gen { defs: &with_kind };
                g2.data_class(&mut classes, name, doc, &all, &mixins);
                names.push(kind_name);
                names.push(name.clone());
            }
            Kind::Alias => {}
        }
    }
    names.sort();
    let mut out = String::new();
    out.push_str(concat!(
        "# Generated by tools/schema-gen from probation-core's types (schema/types.schema.json): do not edit by\n",
        "# hand. Change the Rust type and run `cargo run -p schema-gen`; `cargo test -p schema-gen` fails when this\n",
        "# file is stale. What is Python's own (properties, reprs) is in _mixins.py.\n",
        "\"\"\"Python types for the library's values, one per core type: enums (``enum.Enum``, valued as the JSON\n",
        "interchange spells them) and frozen dataclasses for results, built from core's serialised form by the strict\n",
        "converter of ``_convert``.\"\"\"\n\n",
        "from __future__ import annotations\n\n",
        "import dataclasses\n",
        "import datetime\n",
        "import typing  # TYPING\n\n",
        "from . import _mixins\n",
        "from ._convert import _Enum\n\n",
        "__all__ = [\n",
    ));
    for n in &names {
        let _ = writeln!(out, "    {n:?},");
    }
    out.push_str("]\n");
    out.push_str(&enums);
    out.push_str(&classes);
    let typing_used = enums.contains("typing.") || classes.contains("typing.");
    out.replace(
        "import typing  # TYPING\n",
        if typing_used { "import typing\n" } else { "" },
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test code")]
    use super::*;

    #[test]
    fn mixins_are_read() {
        let m = read_mixins(
            "class FooMixin:\n    _repr_hidden = (\"rules\", \"x\")\n\n    def __repr__(self) -> str:\n        return ''\n\nclass Bar:\n    pass\n\nclass BazMixin(enum.Enum):\n    pass\n",
        );
        assert!(m["Foo"].own_repr);
        assert_eq!(m["Foo"].repr_hidden, ["rules", "x"]);
        assert!(!m["Baz"].own_repr);
        assert!(!m.contains_key("Bar"));
    }

    #[test]
    fn docs_lose_rust_examples_and_escapes() {
        assert_eq!(
            clean_doc("A rule `\\[A\\]`, see [`Rule`].\n\n```\nlet x = 1;\n```"),
            "A rule `[A]`, see `Rule`."
        );
    }
}
