//! Keeps the rulebook (`docs/rules/`) and the rules in code from drifting apart.
//!
//! Every rule the library can return names the section of the rulebook that explains it, as
//! `docs/rules/<area>.md#<anchor>` in its `source`; every section lists the ids of the rules it explains on a line
//! `Rules: \`id\`, \`id2\``. These tests fail when
//!
//! - a rule's source names no rulebook section, a file that does not exist, an anchor that is not a heading of that
//!   file (GitHub's heading slugs), or a section that does not list the rule's id;
//! - a section lists an id that no rule has;
//! - a rule is listed in no section;
//! - a rule declared in `core/src` is missing from the tables collected here (so it would escape the checks above);
//! - the index `docs/rules/README.md` and the files present disagree.
//!
//! The docs are read from the repository (`CARGO_MANIFEST_DIR/../docs/rules`), never from outside it.
#![cfg(test)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use probation_core::contact;
use probation_core::rules::Rule;
use probation_core::validate::ValidationRule;

/// Every rule table of the library, by area (core's own list; a new area adds its table there).
fn tables() -> Vec<(&'static str, &'static [&'static Rule])> {
    probation_core::rules::tables().to_vec()
}

/// One rule as the checks see it: its id (a validation rule's code) and its source.
struct Checked {
    id: String,
    source: String,
}

fn all_rules() -> Vec<Checked> {
    let mut out: Vec<Checked> = tables()
        .into_iter()
        .flat_map(|(_, t)| t.iter())
        .map(|r| Checked {
            id: r.id.to_owned(),
            source: r.source.to_owned(),
        })
        .collect();
    out.extend(ValidationRule::ALL.iter().map(|r| Checked {
        id: r.code().to_owned(),
        source: r.source().to_owned(),
    }));
    out
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn docs_dir() -> PathBuf {
    repo().join("docs").join("rules")
}

/// GitHub's anchor for a heading: lowercase; every character that is not a letter, a digit, a space, `-` or `_`
/// dropped; spaces turned into `-`.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// One rulebook file: its anchors (in order, with GitHub's `-1`, `-2` suffixes for repeated headings) and, for each
/// anchor, the ids its `Rules:` lines list.
#[derive(Default)]
struct DocFile {
    sections: BTreeMap<String, Vec<String>>,
}

fn parse(text: &str) -> DocFile {
    let mut doc = DocFile::default();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut current = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        if line.starts_with('#') {
            let heading = line.trim_start_matches('#');
            if heading.starts_with(' ') {
                let base = slug(heading);
                let n = seen.entry(base.clone()).or_insert(0);
                current = if *n == 0 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                };
                *n += 1;
                doc.sections.entry(current.clone()).or_default();
                continue;
            }
        }
        if let Some(list) = line.strip_prefix("Rules:") {
            let ids = list
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .collect::<Vec<_>>();
            assert!(!ids.is_empty(), "a `Rules:` line with no ids: {line}");
            doc.sections.entry(current.clone()).or_default().extend(ids);
        }
    }
    doc
}

fn docs() -> BTreeMap<String, DocFile> {
    let dir = docs_dir();
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            out.insert(name, parse(&fs::read_to_string(&path).unwrap()));
        }
    }
    assert!(out.len() > 1, "no rulebook files in {}", dir.display());
    out
}

/// The `docs/rules/<file>#<anchor>` references in a source string, as (file, anchor).
fn doc_refs(source: &str) -> Vec<(String, String)> {
    source
        .match_indices("docs/rules/")
        .map(|(i, m)| {
            let rest = &source[i + m.len()..];
            let end = rest
                .find(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | ':' | ')' | '"'))
                .unwrap_or(rest.len());
            let target = rest[..end].trim_end_matches('.');
            match target.split_once('#') {
                Some((file, anchor)) => (file.to_owned(), anchor.to_owned()),
                None => (target.to_owned(), String::new()),
            }
        })
        .collect()
}

/// What is wrong with one rule's source, if anything.
fn source_problems(id: &str, source: &str, docs: &BTreeMap<String, DocFile>) -> Vec<String> {
    let refs = doc_refs(source);
    if refs.is_empty() {
        return vec![format!(
            "`{id}`: source names no docs/rules/<area>.md#<anchor>: {source}"
        )];
    }
    let mut problems = Vec::new();
    let mut listed = false;
    for (file, anchor) in &refs {
        let Some(doc) = docs.get(file) else {
            problems.push(format!("`{id}`: docs/rules/{file} does not exist"));
            continue;
        };
        let Some(ids) = doc.sections.get(anchor) else {
            problems.push(format!(
                "`{id}`: docs/rules/{file}#{anchor} is not a heading of that file (anchors: {})",
                doc.sections.keys().cloned().collect::<Vec<_>>().join(", ")
            ));
            continue;
        };
        listed |= ids.iter().any(|x| x == id);
    }
    if problems.is_empty() && !listed {
        problems.push(format!(
            "`{id}`: the section its source names does not list it on a `Rules:` line ({source})"
        ));
    }
    problems
}

#[test]
fn every_rule_source_names_an_existing_section_that_lists_it() {
    let docs = docs();
    let mut problems: Vec<String> = all_rules()
        .iter()
        .flat_map(|r| source_problems(&r.id, &r.source, &docs))
        .collect();
    // The built-in contact policies cite a source of their own.
    for name in contact::ContactPolicy::PRESETS {
        let p = contact::ContactPolicy::preset(name).unwrap();
        for (file, anchor) in doc_refs(&p.source) {
            if !docs
                .get(&file)
                .is_some_and(|d| d.sections.contains_key(&anchor))
            {
                problems.push(format!(
                    "policy `{name}`: docs/rules/{file}#{anchor} does not exist"
                ));
            }
        }
        if doc_refs(&p.source).is_empty() {
            problems.push(format!("policy `{name}`: source names no rulebook section"));
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn every_id_the_rulebook_lists_is_a_rule() {
    let ids: BTreeSet<String> = all_rules().into_iter().map(|r| r.id).collect();
    let mut problems = Vec::new();
    for (file, doc) in docs() {
        for (anchor, listed) in &doc.sections {
            for id in listed {
                if !ids.contains(id) {
                    problems.push(format!(
                        "docs/rules/{file}#{anchor} lists `{id}`, which no rule has (a new area's table \
                         belongs in tables() of core/tests/rule_docs.rs)"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn every_rule_is_listed_in_the_rulebook() {
    let listed: BTreeSet<String> = docs()
        .values()
        .flat_map(|d| d.sections.values().flatten().cloned())
        .collect();
    let missing: Vec<String> = all_rules()
        .into_iter()
        .filter(|r| !listed.contains(&r.id))
        .map(|r| r.id)
        .collect();
    assert!(
        missing.is_empty(),
        "rules listed on no `Rules:` line of docs/rules: {missing:?}"
    );
}

#[test]
fn rule_ids_are_unique() {
    let mut seen = BTreeSet::new();
    let dups: Vec<String> = all_rules()
        .into_iter()
        .filter(|r| !seen.insert(r.id.clone()))
        .map(|r| r.id)
        .collect();
    assert!(dups.is_empty(), "rule ids declared twice: {dups:?}");
}

/// The ids of the rules declared in one source file: `Rule::new(` with the id on the next line (the declaration
/// style of every rule module), and `NAME = (` entries of `rule_table!`. Doc comments and test modules are skipped.
fn declared_ids(text: &str) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let lines: Vec<&str> = code
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect();
    let mut out = Vec::new();
    for pair in lines.windows(2) {
        let (head, next) = (pair[0].trim_end(), pair[1].trim());
        let declares = head.ends_with("Rule::new(")
            || head.trim().strip_suffix(" = (").is_some_and(is_const_name);
        if declares
            && next.starts_with('"')
            && let Some(id) = next.split('"').nth(1)
        {
            out.push(id.to_owned());
        }
    }
    // The one-line forms: `Rule::new("id", …` and `NAME = ("id", …`.
    for line in &lines {
        let rest = line.split_once("Rule::new(\"").map(|(_, r)| r).or_else(|| {
            line.split_once(" = (\"")
                .filter(|(name, _)| is_const_name(name.trim()))
                .map(|(_, r)| r)
        });
        if let Some(id) = rest.and_then(|r| r.split('"').next()) {
            out.push(id.to_owned());
        }
    }
    out
}

fn is_const_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_declared_rule_is_in_a_collected_table() {
    let ids: BTreeSet<String> = all_rules().into_iter().map(|r| r.id).collect();
    let mut files = Vec::new();
    rust_files(&repo().join("core").join("src"), &mut files);
    let mut declared = 0;
    let mut missing = Vec::new();
    for file in files {
        for id in declared_ids(&fs::read_to_string(&file).unwrap()) {
            declared += 1;
            if !ids.contains(&id) {
                let shown = file
                    .strip_prefix(repo())
                    .unwrap_or(&file)
                    .display()
                    .to_string();
                missing.push(format!("{shown} declares `{id}`"));
            }
        }
    }
    // The scan must see the tables' rules, or it checks nothing.
    let tabled: usize = tables().iter().map(|(_, t)| t.len()).sum();
    assert!(
        declared >= tabled,
        "the declaration scan found {declared} rules, fewer than the {tabled} in the tables"
    );
    assert!(
        missing.is_empty(),
        "rules missing from the tables of core/tests/rule_docs.rs (add the area's TABLE):\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_index_lists_exactly_the_files_present() {
    let index = fs::read_to_string(docs_dir().join("README.md")).unwrap();
    let areas = index
        .split("\n## Areas")
        .nth(1)
        .expect("docs/rules/README.md has an `## Areas` section")
        .split("\n## ")
        .next()
        .unwrap();
    let linked: BTreeSet<String> = areas
        .split("](")
        .skip(1)
        .filter_map(|s| s.split(')').next())
        .filter(|s| !s.contains('/') && s.ends_with(".md"))
        .map(str::to_owned)
        .collect();
    let present: BTreeSet<String> = docs().into_keys().filter(|f| f != "README.md").collect();
    assert_eq!(
        linked, present,
        "docs/rules/README.md's `## Areas` must link every file of docs/rules, and only those"
    );
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn vector_files_cite_rulebook_pages_that_exist() {
    let docs = docs();
    let mut files = Vec::new();
    json_files(&repo().join("tests").join("vectors"), &mut files);
    assert!(!files.is_empty(), "no vector files found");
    let mut problems = Vec::new();
    for file in files {
        let doc: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        let source = doc["source"].as_str().unwrap_or_default();
        let shown = file
            .strip_prefix(repo())
            .unwrap_or(&file)
            .display()
            .to_string();
        for (page, anchor) in doc_refs(source) {
            match docs.get(&page) {
                None => problems.push(format!("{shown}: docs/rules/{page} does not exist")),
                Some(d) if !anchor.is_empty() && !d.sections.contains_key(&anchor) => {
                    problems.push(format!(
                        "{shown}: docs/rules/{page}#{anchor} is not a heading"
                    ));
                }
                Some(_) => {}
            }
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

/// The targets of the markdown links of a text: `](target)`.
fn links(text: &str) -> Vec<String> {
    text.split("](")
        .skip(1)
        .filter_map(|s| s.split(')').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn links_between_rulebook_pages_resolve() {
    let dir = docs_dir();
    let mut problems = Vec::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for link in links(&fs::read_to_string(&path).unwrap()) {
            if link.contains("://") {
                continue;
            }
            let (file, anchor) = link.split_once('#').unwrap_or((link.as_str(), ""));
            let target = if file.is_empty() {
                path.clone()
            } else {
                dir.join(file)
            };
            let Ok(text) = fs::read_to_string(&target) else {
                problems.push(format!("docs/rules/{name}: link to {link}: no such file"));
                continue;
            };
            if !anchor.is_empty() && !parse(&text).sections.contains_key(anchor) {
                problems.push(format!(
                    "docs/rules/{name}: link to {link}: no such heading"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn slugs_follow_github() {
    assert_eq!(
        slug(" Which division, which CRC"),
        "which-division-which-crc"
    );
    assert_eq!(
        slug(" Life, IPP and extended sentences"),
        "life-ipp-and-extended-sentences"
    );
    assert_eq!(slug(" 1. MAPPA `MAPP` (level_2)"), "1-mappa-mapp-level_2");
    assert_eq!(slug(" A & B"), "a--b");
    let doc = parse(
        "# T\n## Same\nRules: `a.b`\n## Same\n```\n## not a heading\nRules: `x`\n```\n    Rules: `y`\n",
    );
    assert_eq!(
        doc.sections.keys().collect::<Vec<_>>(),
        ["same", "same-1", "t"]
    );
    assert_eq!(doc.sections["same"], ["a.b"]);
    assert!(doc.sections["same-1"].is_empty());
    assert_eq!(
        doc_refs("PI 57/2014; docs/rules/allocation.md#risk-escalation"),
        [("allocation.md".to_owned(), "risk-escalation".to_owned())]
    );
}
