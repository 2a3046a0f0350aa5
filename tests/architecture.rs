//! The domain's architecture, checked from its source (see `ARCHITECTURE.md`):
//!
//! - no import cycle among the domain's top-level modules, and each module imports only
//!   from lower layers ([`LAYERS`], the same table as in `ARCHITECTURE.md`);
//! - no reference to the interface (`crate::i18n`, `crate::ui`, `crate::embed`) or to
//!   browser crates (leptos, web_sys, js_sys, wasm_bindgen, gloo);
//! - no clock read (`Utc::now`, `Local::now`, `SystemTime::now`, `Instant::now`);
//! - no `impl Assessment` outside `model.rs`;
//! - JSON text read only by `domain::json::parse` (and the tool's own `criteria.json`).
//!
//! The source is read with a small lexer (comments, strings and character literals are
//! skipped, so doc links and messages do not count), and every `crate::…`, `super::…`
//! and `self::…` path, including `use` groups, is resolved to the top-level module it
//! names.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first. A module may import only from modules in lower layers.
/// The same table is in `ARCHITECTURE.md`, between `<!-- layers -->` markers.
const LAYERS: &[(&str, &[&str])] = &[
    ("leaves", &["checksum", "dates", "escape", "organisation", "statistics", "text"]),
    ("vocabulary", &["content", "document", "json"]),
    ("policy", &["policy"]),
    ("model", &["model"]),
    ("sections", &["journey", "library", "plan", "scoring"]),
    ("passport and merge", &["merge", "passport"]),
    ("documents", &["draft_policy", "export", "format"]),
    ("workshop", &["workshop"]),
];

/// Outside the domain: what it must never name.
const FORBIDDEN_CRATE_MODULES: &[&str] = &["i18n", "ui", "embed", "workbench"];
const FORBIDDEN_CRATES: &[&str] =
    &["leptos", "web_sys", "js_sys", "wasm_bindgen", "wasm_bindgen_futures", "console_error_panic_hook"];
const CLOCKS: &[(&str, &str)] = &[
    ("Utc", "now"),
    ("Local", "now"),
    ("Utc", "today"),
    ("Local", "today"),
    ("SystemTime", "now"),
    ("Instant", "now"),
];

// ── Lexing ─────────────────────────────────────────────────────────────────────────

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    /// `::`
    Path,
    Punct(char),
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    line: usize,
}

/// Tokens of Rust source, without comments, strings or character literals.
fn lex(src: &str) -> Vec<Token> {
    let c: Vec<char> = src.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(c[i] == '\n');
                    i += 1;
                }
            }
        } else if (ch == 'r' || (ch == 'b' && at(i + 1) == 'r')) && {
            let j = if ch == 'b' { i + 2 } else { i + 1 };
            let mut k = j;
            while at(k) == '#' {
                k += 1;
            }
            at(k) == '"' && (k > j || at(j) == '"')
        } {
            // A raw string: r"…", r#"…"#, br"…".
            let mut j = if ch == 'b' { i + 2 } else { i + 1 };
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            j += 1;
            loop {
                if j >= c.len() {
                    break;
                }
                if c[j] == '"' && (0..hashes).all(|h| at(j + 1 + h) == '#') {
                    j += 1 + hashes;
                    break;
                }
                line += usize::from(c[j] == '\n');
                j += 1;
            }
            i = j;
        } else if ch == '"' || (ch == 'b' && at(i + 1) == '"') {
            let mut j = if ch == 'b' { i + 2 } else { i + 1 };
            while j < c.len() && c[j] != '"' {
                if c[j] == '\\' {
                    j += 1;
                }
                line += usize::from(at(j) == '\n');
                j += 1;
            }
            i = j + 1;
        } else if ch == '\'' || (ch == 'b' && at(i + 1) == '\'') {
            let j = if ch == 'b' { i + 1 } else { i };
            if at(j + 1) == '\\' {
                // An escaped character literal: skip the escape, then to the closing quote.
                let mut k = j + 3;
                while k < c.len() && c[k] != '\'' {
                    k += 1;
                }
                i = k + 1;
            } else if at(j + 2) == '\'' {
                i = j + 3;
            } else {
                // A lifetime or label.
                i = j + 1;
            }
        } else if ch.is_alphabetic() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push(Token { tok: Tok::Ident(c[start..i].iter().collect()), line });
        } else if ch == ':' && at(i + 1) == ':' {
            out.push(Token { tok: Tok::Path, line });
            i += 2;
        } else {
            out.push(Token { tok: Tok::Punct(ch), line });
            i += 1;
        }
    }
    out
}

// ── Paths ──────────────────────────────────────────────────────────────────────────

/// A path's segments from `crate`, `super` or `self`, with `use` groups expanded
/// (each ends where the path stops naming modules).
fn paths_from(tokens: &[Token], i: usize) -> Vec<Vec<String>> {
    fn tree(tokens: &[Token], mut i: usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
        let mut path = prefix;
        loop {
            match tokens.get(i).map(|t| &t.tok) {
                Some(Tok::Ident(s)) => {
                    path.push(s.clone());
                    i += 1;
                }
                Some(Tok::Punct('{')) => {
                    i += 1;
                    loop {
                        i = tree(tokens, i, path.clone(), out);
                        match tokens.get(i).map(|t| &t.tok) {
                            Some(Tok::Punct(',')) => i += 1,
                            Some(Tok::Punct('}')) => return i + 1,
                            _ => return i,
                        }
                        if let Some(Tok::Punct('}')) = tokens.get(i).map(|t| &t.tok) {
                            return i + 1;
                        }
                    }
                }
                Some(Tok::Punct('*')) => {
                    path.push("*".into());
                    i += 1;
                    break;
                }
                _ => break,
            }
            if tokens.get(i).map(|t| &t.tok) == Some(&Tok::Path) {
                i += 1;
            } else {
                break;
            }
        }
        // `as name`: skip the alias.
        if let (Some(Tok::Ident(a)), Some(Tok::Ident(_))) =
            (tokens.get(i).map(|t| &t.tok), tokens.get(i + 1).map(|t| &t.tok))
        {
            if a == "as" {
                i += 2;
            }
        }
        out.push(path);
        i
    }
    let mut out = Vec::new();
    tree(tokens, i, Vec::new(), &mut out);
    out
}

/// Where a path leads, seen from a module at `module` (e.g. `["workshop", "code"]`).
#[derive(Debug, PartialEq)]
enum Target {
    /// A top-level domain module.
    Domain(String),
    /// `crate::X` outside the domain.
    Crate(String),
    /// Inside the same top-level module, or nothing to check.
    Local,
}

fn resolve(module: &[String], path: &[String]) -> Target {
    let top_of = |base: &[String], rest: &[String]| match (base.first(), rest.first()) {
        (Some(_), _) => Target::Local,
        (None, Some(x)) if x != "*" && x != "self" => Target::Domain(x.clone()),
        _ => Target::Local,
    };
    match path.first().map(String::as_str) {
        Some("crate") => match path.get(1).map(String::as_str) {
            Some("domain") => top_of(&[], &path[2..]),
            Some(other) if other != "self" => Target::Crate(other.to_string()),
            _ => Target::Local,
        },
        Some("super") => {
            let ups = path.iter().take_while(|s| *s == "super").count();
            if ups > module.len() {
                // Above the domain: `crate::X` written with supers.
                return match path.get(ups) {
                    Some(x) if x != "domain" => Target::Crate(x.clone()),
                    _ => top_of(&[], &path[ups + 1..]),
                };
            }
            top_of(&module[..module.len() - ups], &path[ups..])
        }
        Some("self") => top_of(module, &path[1..]),
        _ => Target::Local,
    }
}

// ── The domain's source ────────────────────────────────────────────────────────────

struct File {
    /// Relative to `src/domain`.
    name: String,
    /// The top-level module; empty for `mod.rs`.
    top: String,
    tokens: Vec<Token>,
    /// The module path at each token (inline `mod x { … }` included).
    modules: Vec<Vec<String>>,
}

fn domain_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("a readable source directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file: `workshop/code.rs` → `["workshop", "code"]`.
fn file_module(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let last = parts.pop().unwrap_or_default();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" {
        parts.push(stem.to_string());
    }
    parts
}

fn parse_file(name: String, module: Vec<String>, src: &str) -> File {
    let tokens = lex(src);
    let mut modules = Vec::with_capacity(tokens.len());
    let mut stack: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut pending: Option<String> = None;
    for (i, t) in tokens.iter().enumerate() {
        let here: Vec<String> = module.iter().cloned().chain(stack.iter().map(|(m, _)| m.clone())).collect();
        modules.push(here);
        match &t.tok {
            Tok::Ident(s) if s == "mod" => {
                if let Some(Tok::Ident(m)) = tokens.get(i + 1).map(|t| &t.tok) {
                    if tokens.get(i + 2).map(|t| &t.tok) == Some(&Tok::Punct('{')) {
                        pending = Some(m.clone());
                    }
                }
            }
            Tok::Punct('{') => {
                depth += 1;
                if let Some(m) = pending.take() {
                    stack.push((m, depth));
                }
            }
            Tok::Punct('}') => {
                if stack.last().is_some_and(|(_, d)| *d == depth) {
                    stack.pop();
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    let top = module.first().cloned().unwrap_or_default();
    File { name, top, tokens, modules }
}

/// Every `.rs` file below `dir`, in a stable order.
fn sorted_rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    rust_files(dir, &mut paths);
    paths.sort();
    paths
}

fn domain_files() -> Vec<File> {
    let dir = domain_dir();
    sorted_rust_files(&dir)
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(&dir).expect("under src/domain").to_path_buf();
            let src = fs::read_to_string(&p).expect("a readable source file");
            parse_file(rel.to_string_lossy().replace('\\', "/"), file_module(&rel), &src)
        })
        .collect()
}

/// Every reference in a file: (line, target).
fn references(f: &File) -> Vec<(usize, Target)> {
    let mut out = Vec::new();
    for (i, t) in f.tokens.iter().enumerate() {
        let Tok::Ident(s) = &t.tok else { continue };
        if !matches!(s.as_str(), "crate" | "super" | "self") {
            continue;
        }
        // Only where a path starts: not `a::super` (impossible) nor the `self` of `&self`.
        if f.tokens.get(i + 1).map(|t| &t.tok) != Some(&Tok::Path) {
            continue;
        }
        if i > 0 && f.tokens[i - 1].tok == Tok::Path {
            continue;
        }
        for path in paths_from(&f.tokens, i) {
            out.push((t.line, resolve(&f.modules[i], &path)));
        }
    }
    out
}

/// Module → module → where (file:line), for references between top-level modules.
type Graph = BTreeMap<String, BTreeMap<String, String>>;

fn graph(files: &[File]) -> Graph {
    let mut g = Graph::new();
    for f in files.iter().filter(|f| !f.top.is_empty()) {
        g.entry(f.top.clone()).or_default();
        for (line, target) in references(f) {
            if let Target::Domain(to) = target {
                if to != f.top {
                    g.entry(f.top.clone()).or_default().entry(to).or_insert_with(|| format!("{}:{line}", f.name));
                }
            }
        }
    }
    g
}

/// A cycle, as the modules in order with the first repeated at the end.
fn find_cycle(g: &Graph) -> Option<Vec<String>> {
    fn visit(g: &Graph, node: &str, stack: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(pos) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[pos..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_string());
        for next in g.get(node).into_iter().flat_map(|e| e.keys()) {
            if let Some(c) = visit(g, next, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    g.keys().find_map(|n| visit(g, n, &mut Vec::new(), &mut done))
}

fn describe_cycle(g: &Graph, cycle: &[String]) -> String {
    let steps: Vec<String> = cycle.windows(2).map(|w| format!("  {} → {} ({})", w[0], w[1], g[&w[0]][&w[1]])).collect();
    format!("import cycle among domain modules: {}\n{}", cycle.join(" → "), steps.join("\n"))
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, ms)| ms.contains(&module))
}

fn layer_violations(g: &Graph) -> Vec<String> {
    let mut out = Vec::new();
    for (from, edges) in g {
        for (to, at) in edges {
            match (layer_of(from), layer_of(to)) {
                (Some(a), Some(b)) if b < a => {}
                (Some(a), Some(b)) => out.push(format!(
                    "{at}: {from} (layer {a}, {}) imports {to} (layer {b}, {}): only lower layers may be imported",
                    LAYERS[a].0, LAYERS[b].0
                )),
                _ => out.push(format!("{at}: {from} → {to}: a module missing from the layer table")),
            }
        }
    }
    out
}

fn outside_references(files: &[File]) -> Vec<String> {
    let mut out = Vec::new();
    for f in files {
        for (line, target) in references(f) {
            if let Target::Crate(m) = target {
                if FORBIDDEN_CRATE_MODULES.contains(&m.as_str()) {
                    out.push(format!("{}:{line}: the domain refers to crate::{m}", f.name));
                }
            }
        }
        for t in &f.tokens {
            if let Tok::Ident(s) = &t.tok {
                if FORBIDDEN_CRATES.contains(&s.as_str()) || s.starts_with("gloo") || s == "carer_benchmark" {
                    out.push(format!("{}:{}: the domain refers to {s}", f.name, t.line));
                }
            }
        }
    }
    out
}

fn clock_reads(files: &[File]) -> Vec<String> {
    let mut out = Vec::new();
    for f in files {
        for w in f.tokens.windows(3) {
            if let (Tok::Ident(a), Tok::Path, Tok::Ident(b)) = (&w[0].tok, &w[1].tok, &w[2].tok) {
                if CLOCKS.iter().any(|(x, y)| a == x && b == y) {
                    out.push(format!(
                        "{}:{}: the domain reads the clock ({a}::{b}); take the date as a parameter",
                        f.name, w[0].line
                    ));
                }
            }
        }
    }
    out
}

/// `impl Assessment { … }` or `impl Trait for Assessment`, outside `model.rs`.
fn assessment_impls(files: &[File]) -> Vec<String> {
    let mut out = Vec::new();
    for f in files.iter().filter(|f| f.name != "model.rs") {
        for (i, t) in f.tokens.iter().enumerate() {
            if t.tok != Tok::Ident("impl".into()) {
                continue;
            }
            let header: Vec<&Tok> =
                f.tokens[i + 1..].iter().map(|t| &t.tok).take_while(|t| **t != Tok::Punct('{')).collect();
            let ty = match header.iter().position(|t| **t == Tok::Ident("for".into())) {
                Some(p) => &header[p + 1..],
                None => &header[..],
            };
            // Skip generics (`impl<T>`) and a path prefix (`model::`); the type's name is next.
            let mut angle = 0i32;
            let name = ty.iter().find_map(|t| match t {
                Tok::Punct('<') => {
                    angle += 1;
                    None
                }
                Tok::Punct('>') => {
                    angle -= 1;
                    None
                }
                Tok::Ident(s)
                    if angle == 0 && !matches!(s.as_str(), "crate" | "super" | "self" | "domain" | "model" | "mut") =>
                {
                    Some(s.as_str())
                }
                _ => None,
            });
            if name == Some("Assessment") {
                out.push(format!(
                    "{}:{}: impl Assessment outside model.rs: make it a function of its section",
                    f.name, t.line
                ));
            }
        }
    }
    out
}

fn fail_on(problems: Vec<String>) {
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

// ── The rules ──────────────────────────────────────────────────────────────────────

#[test]
fn no_import_cycle_among_the_domains_modules() {
    let g = graph(&domain_files());
    assert!(g.len() >= 10, "expected the domain's modules, found {:?}", g.keys().collect::<Vec<_>>());
    if let Some(cycle) = find_cycle(&g) {
        panic!("{}", describe_cycle(&g, &cycle));
    }
}

#[test]
fn each_module_imports_only_from_lower_layers() {
    fail_on(layer_violations(&graph(&domain_files())));
}

#[test]
fn every_domain_module_is_in_the_layer_table_once() {
    let files = domain_files();
    let modules: BTreeSet<&str> = files.iter().map(|f| f.top.as_str()).filter(|t| !t.is_empty()).collect();
    let listed: Vec<&str> = LAYERS.iter().flat_map(|(_, ms)| ms.iter().copied()).collect();
    let unique: BTreeSet<&str> = listed.iter().copied().collect();
    assert_eq!(listed.len(), unique.len(), "a module is in two layers");
    assert_eq!(modules, unique, "the layer table and src/domain disagree");
}

#[test]
fn the_domain_names_no_interface_translation_or_browser_code() {
    fail_on(outside_references(&domain_files()));
}

#[test]
fn the_domain_reads_no_clock() {
    fail_on(clock_reads(&domain_files()));
}

#[test]
fn only_model_rs_implements_assessment() {
    fail_on(assessment_impls(&domain_files()));
}

/// The table in `ARCHITECTURE.md`: rows `| 0 | leaves | `a`, `b` |` between markers.
#[test]
fn the_layer_table_matches_architecture_md() {
    let doc = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md"))
        .expect("ARCHITECTURE.md at the repository root");
    let start = doc.find("<!-- layers -->").expect("a <!-- layers --> marker in ARCHITECTURE.md");
    let end = doc.find("<!-- /layers -->").expect("a <!-- /layers --> marker in ARCHITECTURE.md");
    let mut rows = Vec::new();
    for line in doc[start..end].lines().filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let Ok(n) = cells[0].parse::<usize>() else { continue };
        let modules: Vec<String> = cells[2].split('`').skip(1).step_by(2).map(str::to_string).collect();
        rows.push((n, cells[1].to_string(), modules));
    }
    let want: Vec<(usize, String, Vec<String>)> = LAYERS
        .iter()
        .enumerate()
        .map(|(n, (name, ms))| (n, name.to_string(), ms.iter().map(|m| m.to_string()).collect()))
        .collect();
    assert_eq!(rows, want, "ARCHITECTURE.md's layer table differs from LAYERS in tests/architecture.rs");
}

// ── The checker itself finds what it should ───────────────────────────────────────

fn file(name: &str, src: &str) -> File {
    parse_file(name.into(), file_module(Path::new(name)), src)
}

#[test]
fn the_checker_resolves_every_kind_of_path() {
    let f = file(
        "workshop/code.rs",
        r#"
        use super::{clock, Share};
        use super::super::{format::{self, child}, model::Assessment};
        use crate::domain::{plan, passport::Scheme as S};
        use crate::i18n::t;
        // use crate::domain::library;  (a comment: not a reference)
        const S: &str = "crate::domain::journey";
        fn f(x: &self::Y) -> char { let _ = 'a'; let _ = '\''; super::super::scoring::score(); 'b' }
        mod tests { use super::*; use super::super::super::dates; }
        "#,
    );
    let refs: Vec<Target> = references(&f).into_iter().map(|(_, t)| t).collect();
    let domain: BTreeSet<String> =
        refs.iter().filter_map(|t| if let Target::Domain(d) = t { Some(d.clone()) } else { None }).collect();
    let want: BTreeSet<String> =
        ["format", "model", "plan", "passport", "scoring", "dates"].into_iter().map(String::from).collect();
    assert_eq!(domain, want);
    assert!(refs.contains(&Target::Crate("i18n".into())));
}

#[test]
fn the_checker_finds_a_cycle_a_layer_breach_a_clock_and_an_impl() {
    let files = vec![
        file("format.rs", "use super::plan::x;"),
        file("plan.rs", "use crate::domain::format::MAX; fn t() { chrono::Local::now(); }"),
        file("policy.rs", "use super::{model::Assessment}; impl Assessment { fn f(&self) {} }"),
        file("text.rs", "impl<'a> crate::domain::model::Assessment { } use leptos::prelude::*;"),
    ];
    let g = graph(&files);
    let cycle = find_cycle(&g).expect("format ↔ plan is a cycle");
    assert!(describe_cycle(&g, &cycle).contains("format → plan → format"), "{}", describe_cycle(&g, &cycle));
    let layers = layer_violations(&g);
    assert!(layers.iter().any(|v| v.contains("plan (layer 4, sections) imports format")), "{layers:?}");
    assert!(layers.iter().any(|v| v.contains("policy (layer 2, policy) imports model")), "{layers:?}");
    assert_eq!(clock_reads(&files).len(), 1);
    assert_eq!(assessment_impls(&files).len(), 2, "{:?}", assessment_impls(&files));
    assert_eq!(outside_references(&files).len(), 1);
}

// ── The browser app's own rules ────────────────────────────────────────────────────

/// Every file below `src/ui`, as (path from `src/ui`, tokens).
fn ui_files() -> Vec<(String, Vec<Token>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    sorted_rust_files(&dir)
        .into_iter()
        .map(|p| {
            let name = p.strip_prefix(&dir).expect("below src/ui").to_string_lossy().into_owned();
            (name, lex(&fs::read_to_string(&p).expect("a readable source file")))
        })
        .collect()
}

/// Places in `files` outside `allowed` that name any of `idents`.
fn uses_outside(files: &[(String, Vec<Token>)], allowed: &str, idents: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for (name, tokens) in files.iter().filter(|(name, _)| name != allowed) {
        for t in tokens {
            if let Tok::Ident(s) = &t.tok {
                if idents.contains(&s.as_str()) {
                    out.push(format!("ui/{name}:{}: {s} belongs in ui/{allowed} only", t.line));
                }
            }
        }
    }
    out
}

#[test]
fn only_the_storage_adapter_touches_local_storage() {
    let files = ui_files();
    assert!(files.len() >= 10, "expected the UI's files, found {}", files.len());
    fail_on(uses_outside(&files, "storage.rs", &["LocalStorage", "local_storage", "gloo_storage"]));
}

#[test]
fn the_ui_reads_the_clock_in_one_place() {
    // `now()` and `today()` in ui/mod.rs; every screen calls those.
    let files = ui_files();
    let mut problems = Vec::new();
    for (name, tokens) in files.iter().filter(|(name, _)| name != "mod.rs") {
        for w in tokens.windows(3) {
            if let (Tok::Ident(a), Tok::Path, Tok::Ident(b)) = (&w[0].tok, &w[1].tok, &w[2].tok) {
                if CLOCKS.iter().any(|(x, y)| a == x && b == y) {
                    problems.push(format!("ui/{name}:{}: {a}::{b}: use ui::now() or ui::today()", w[0].line));
                }
            }
        }
    }
    fail_on(problems);
}

/// The standard library's full Unicode case tables cost about 18 KB gzip on every
/// journey past the first page (README "Bundle size"); the app changes letter case with
/// `domain::text::{upper, lower, lowercase}`, which cover English and Welsh.
#[test]
fn the_browser_app_changes_case_without_unicode_tables() {
    const FULL_CASE: [&str; 2] = ["to_uppercase", "to_lowercase"];
    let mut files = ui_files();
    files.extend(domain_files().into_iter().map(|f| (format!("../domain/{}", f.name), f.tokens)));
    let mut problems = Vec::new();
    for (name, tokens) in &files {
        for t in tokens {
            if let Tok::Ident(s) = &t.tok {
                if FULL_CASE.contains(&s.as_str()) && !name.ends_with("text.rs") {
                    problems.push(format!("ui/{name}:{}: {s}: use domain::text::upper/lower/lowercase", t.line));
                }
            }
        }
    }
    fail_on(problems);
}

#[test]
fn only_the_address_module_writes_the_browsers_history() {
    let files = ui_files();
    fail_on(uses_outside(
        &files,
        "address.rs",
        &["history", "push_state_with_url", "replace_state_with_url", "popstate"],
    ));
}

/// serde_json's own `Value` keeps the last of a key given twice without a word; every
/// JSON text from outside (files, stored data) is read by `domain::json::parse`, which
/// refuses it. Only `json.rs` reads JSON text, and `content.rs` the tool's own
/// `criteria.json`.
#[test]
fn every_json_text_is_read_by_json_parse() {
    const READERS: [&str; 3] = ["from_str", "from_slice", "from_reader"];
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    for p in sorted_rust_files(&root) {
        let name = p.strip_prefix(&root).expect("below src").to_string_lossy().replace('\\', "/");
        if ["domain/json.rs", "domain/content.rs"].contains(&name.as_str()) {
            continue;
        }
        let tokens = lex(&fs::read_to_string(&p).expect("a readable source file"));
        for w in tokens.windows(3) {
            if let (Tok::Ident(a), Tok::Path, Tok::Ident(b)) = (&w[0].tok, &w[1].tok, &w[2].tok) {
                if (a == "serde_json" || a == "Deserializer") && READERS.contains(&b.as_str()) {
                    problems
                        .push(format!("src/{name}:{}: {a}::{b}: read JSON text with domain::json::parse", w[0].line));
                }
            }
        }
    }
    fail_on(problems);
}
