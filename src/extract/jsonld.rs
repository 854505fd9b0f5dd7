//! JSON-LD (schema.org) in the page: the article node and the nodes it references, as used by the
//! metadata extractor. JSON that a conservative repair cannot read is skipped: one bad script
//! must not hide the others.

use rustc_hash::FxHashMap;

use super::text::decode_entities;
use scraper::{Html, Selector};
use serde_json::Value;
use std::sync::LazyLock;

static LD_SCRIPT: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse(r#"script[type="application/ld+json" i]"#).expect("valid selector"));

/// All JSON-LD nodes of a page, flattened out of arrays and `@graph`s.
pub struct JsonLd {
    nodes: Vec<Value>,
    by_id: FxHashMap<String, usize>,
}

/// A person or organisation named by JSON-LD.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub name: String,
    pub url: Option<String>,
    pub is_organization: bool,
}

impl JsonLd {
    pub fn from_page(html: &Html) -> JsonLd {
        let mut nodes = Vec::new();
        for script in crate::parse::select_named(html, &LD_SCRIPT, &["script"]) {
            let text: String = script.text().collect();
            let text = unwrapped(&text);
            match serde_json::from_str::<Value>(text) {
                Ok(value) => flatten(value, &mut nodes),
                // Hand-written templates emit JSON that JSON forbids; a conservative repair that
                // reads what the template meant, or nothing.
                Err(_) => {
                    for value in repaired(text).unwrap_or_default() {
                        flatten(value, &mut nodes);
                    }
                }
            }
        }
        let by_id = nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| n.get("@id").and_then(Value::as_str).map(|id| (id.to_owned(), i)))
            .collect();
        JsonLd { nodes, by_id }
    }

    /// The node describing the article: the first with an Article-like type, else a page that
    /// has a headline (health and reference sites describe the article as a "MedicalWebPage"
    /// with its headline and author), else none. A WebPage without a headline is the site's
    /// page frame (its "name" is `<title>`, its author the CMS account), not the article.
    pub fn article(&self) -> Option<&Value> {
        self.nodes.iter().find(|n| types(n).iter().any(|t| is_article_type(t))).or_else(|| {
            self.nodes.iter().find(|n| types(n).iter().any(|t| t.ends_with("WebPage")) && n.get("headline").and_then(Value::as_str).is_some_and(|h| !h.trim().is_empty()))
        })
    }

    /// The first node of any of the given types.
    pub fn first_of_type(&self, wanted: &[&str]) -> Option<&Value> {
        self.nodes.iter().find(|n| types(n).iter().any(|t| wanted.contains(&t.as_str())))
    }

    /// The names of every node of the given types (the site's WebSite and Organization nodes).
    pub fn names_of_types(&self, wanted: &[&str]) -> Vec<String> {
        self.nodes.iter().filter(|n| types(n).iter().any(|t| wanted.contains(&t.as_str()))).filter_map(|n| string(n, "name")).collect()
    }

    /// The names in the page's breadcrumb trails but the last of each (the page itself).
    pub fn breadcrumb_sections(&self) -> Vec<String> {
        let mut out = Vec::new();
        for list in self.nodes.iter().filter(|n| types(n).iter().any(|t| t == "BreadcrumbList")) {
            let Some(Value::Array(items)) = list.get("itemListElement") else { continue };
            let names = items.iter().filter_map(|item| string(item, "name").or_else(|| item.get("item").and_then(|i| string(i, "name"))));
            let names: Vec<String> = names.collect();
            out.extend(names.iter().take(names.len().saturating_sub(1)).cloned());
        }
        out
    }

    /// Follow an `{"@id": ...}` reference to its full node, if the page has it.
    pub fn resolve<'a>(&'a self, value: &'a Value) -> &'a Value {
        if let Some(id) = value.get("@id").and_then(Value::as_str) {
            let is_bare_ref = value.as_object().is_some_and(|o| o.len() == 1);
            if is_bare_ref
                && let Some(&i) = self.by_id.get(id) {
                    return &self.nodes[i];
                }
        }
        value
    }

    /// People or organisations under a property (object, array, reference, or plain string).
    pub fn parties(&self, node: &Value, property: &str) -> Vec<Party> {
        let mut out = Vec::new();
        let Some(value) = node.get(property) else { return out };
        let items: Vec<&Value> = match value {
            Value::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        for item in items {
            let item = self.resolve(item);
            match item {
                Value::String(name) => {
                    let name = decode_entities(name.trim());
                    if !name.trim().is_empty() {
                        out.push(Party { name: name.trim().to_owned(), url: None, is_organization: false });
                    }
                }
                Value::Object(_) => {
                    let Some(name) = string(item, "name") else { continue };
                    let url = string(item, "url").or_else(|| string(item, "sameAs"));
                    let is_organization = types(item).iter().any(|t| t.contains("Organization") || t == "NewsMediaOrganization");
                    out.push(Party { name, url, is_organization });
                }
                _ => {}
            }
        }
        out
    }
}

/// A string property (or the first string of an array, or an object's `@id`/`url`).
pub fn string(node: &Value, property: &str) -> Option<String> {
    let value = node.get(property)?;
    let s = match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().find_map(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Object(_) => v.get("@id").or_else(|| v.get("url")).and_then(Value::as_str).map(str::to_owned),
            _ => None,
        })?,
        Value::Object(_) => value.get("@id").or_else(|| value.get("url")).or_else(|| value.get("name")).and_then(Value::as_str)?.to_owned(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let s = decode_entities(s.trim()).trim().to_owned();
    (!s.is_empty()).then_some(s)
}

/// Every string under a property: strings, arrays of strings, objects' url/@id/name.
pub fn strings(node: &Value, property: &str) -> Vec<String> {
    let Some(value) = node.get(property) else { return Vec::new() };
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    items
        .into_iter()
        .filter_map(|v| match v {
            Value::String(s) => Some(s.trim().to_owned()),
            Value::Object(_) => v
                .get("url")
                .or_else(|| v.get("@id"))
                .or_else(|| v.get("name"))
                .and_then(Value::as_str)
                .map(|s| s.trim().to_owned()),
            _ => None,
        })
        .filter(|s| !s.is_empty())
        .collect()
}

fn types(node: &Value) -> Vec<String> {
    match node.get("@type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t == "BlogPosting" || t == "LiveBlogPosting" || t == "Report" || t == "SocialMediaPosting"
}

/// The script's text without the wrappers CMSs put around the JSON: HTML comments, `<![CDATA[ ]]>`
/// (bare, or hidden from JavaScript as `//<![CDATA[` or `/*<![CDATA[*/`) and a closing semicolon.
fn unwrapped(text: &str) -> &str {
    const OPENERS: &[&str] = &["<!--", "/*<![CDATA[*/", "//<![CDATA[", "<![CDATA[", "//"];
    const CLOSERS: &[&str] = &["-->", "/*]]>*/", "//]]>", "]]>", "//", ";"];
    let mut text = text.trim();
    loop {
        let before = text.len();
        if let Some(rest) = OPENERS.iter().find_map(|o| text.strip_prefix(o)) {
            text = rest.trim_start();
        }
        if let Some(rest) = CLOSERS.iter().find_map(|c| text.strip_suffix(c)) {
            text = rest.trim_end();
        }
        if text.len() == before {
            return text;
        }
    }
}

/// JSON as hand-written templates emit it, made valid, parsed: raw control characters in strings
/// (blanked; outside strings a space is as good as any whitespace), trailing commas before `}` or
/// `]`, invalid escapes (`\'`), a double quote left unescaped inside a string (`"He said "no"
/// today"`: a quote ends a string only where JSON can go on after one), and several values one
/// after another (separated by nothing, white space, commas or semicolons). One pass over the
/// bytes, each looked at a bounded number of times; serde_json's nesting limit still applies. Any
/// other fault, or a repair that still does not parse, gives `None`: the script is ignored.
fn repaired(text: &str) -> Option<Vec<Value>> {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len() + 16);
    let (mut in_string, mut escaped, mut depth) = (false, false, 0i64);
    // Where a comma outside strings was written, while only white space has followed it.
    let mut pending_comma: Option<usize> = None;
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
                if b"\"\\/bfnrtu".contains(&b) {
                    out.extend_from_slice(&[b'\\', b]);
                    continue;
                }
                // "\'" and kin: the character itself.
            } else if b == b'\\' {
                escaped = true;
                continue;
            } else if b == b'"' {
                if ends_string(bytes, i + 1) {
                    in_string = false;
                } else {
                    out.extend_from_slice(b"\\\"");
                    continue;
                }
            }
            out.push(if b < 0x20 { b' ' } else { b });
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if let Some(at) = pending_comma {
                    out[at] = b' ';
                }
                depth -= 1;
            }
            b',' if depth > 0 => {
                pending_comma = Some(out.len());
                out.push(b);
                continue;
            }
            // Between top-level values.
            b',' | b';' if depth <= 0 => {
                out.push(b' ');
                continue;
            }
            b' ' | b'\t' | b'\n' | b'\r' => {
                out.push(b);
                continue;
            }
            0..0x20 => {
                out.push(b' ');
                continue;
            }
            _ => {}
        }
        pending_comma = None;
        out.push(b);
    }
    // Only ASCII bytes were replaced or inserted, between whole characters.
    let out = String::from_utf8(out).ok()?;
    serde_json::Deserializer::from_str(&out).into_iter::<Value>().collect::<Result<Vec<_>, _>>().ok()
}

/// Whether a double quote inside a string, followed by `rest`, can end it: what comes next (after
/// white space) is what JSON allows after a string (`:`, `}`, `]`, the end), or a comma followed
/// by the start of a key or value. Reads at most the white space, one comma and the byte after:
/// the bytes it skips are never skipped again by the next quote.
fn ends_string(bytes: &[u8], rest: usize) -> bool {
    let next = |from: usize| bytes[from..].iter().position(|b| !b.is_ascii_whitespace()).map(|p| from + p);
    let Some(i) = next(rest) else { return true };
    match bytes[i] {
        b':' | b'}' | b']' => true,
        b',' => next(i + 1).is_none_or(|j| {
            let after = &bytes[j..];
            matches!(after[0], b'"' | b'{' | b'[' | b'}' | b']' | b'-' | b'0'..=b'9') || [&b"true"[..], b"false", b"null"].iter().any(|w| after.starts_with(w))
        }),
        _ => false,
    }
}

/// Depth-first flatten of arrays and `@graph`, with an explicit stack.
fn flatten(value: Value, out: &mut Vec<Value>) {
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Value::Array(items) => stack.extend(items.into_iter().rev()),
            Value::Object(mut map) => {
                if let Some(graph) = map.remove("@graph") {
                    stack.push(graph);
                }
                if !map.is_empty() {
                    out.push(Value::Object(map));
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(json: &str) -> Html {
        Html::parse_document(&format!(r#"<html><head><script type="application/ld+json">{json}</script></head><body></body></html>"#))
    }

    #[test]
    fn graph_with_author_reference() {
        let html = page(
            r#"{"@context":"https://schema.org","@graph":[
                {"@type":"WebPage","@id":"https://x.org/a/#webpage"},
                {"@type":"NewsArticle","headline":"H","author":{"@id":"https://x.org/#/person/1"},"publisher":{"@id":"https://x.org/#org"}},
                {"@type":"Person","@id":"https://x.org/#/person/1","name":"Ada Lark","url":"https://x.org/author/ada/"},
                {"@type":"Organization","@id":"https://x.org/#org","name":"X News"}]}"#,
        );
        let ld = JsonLd::from_page(&html);
        let article = ld.article().unwrap();
        assert_eq!(string(article, "headline").as_deref(), Some("H"));
        let authors = ld.parties(article, "author");
        assert_eq!(authors, vec![Party { name: "Ada Lark".into(), url: Some("https://x.org/author/ada/".into()), is_organization: false }]);
        assert_eq!(ld.parties(article, "publisher")[0].name, "X News");
        assert!(ld.parties(article, "publisher")[0].is_organization);
    }

    #[test]
    fn raw_line_breaks_and_character_references() {
        let html = page("{\"@type\":\"NewsArticle\",\"headline\":\"Tenants&#8217; fund\nwins\",\"author\":\"Ann&nbsp;Roe\"}");
        let ld = JsonLd::from_page(&html);
        let article = ld.article().expect("the article node despite the raw line break");
        assert_eq!(string(article, "headline").as_deref(), Some("Tenants\u{2019} fund wins"));
        assert_eq!(ld.parties(article, "author")[0].name, "Ann\u{a0}Roe");
    }

    #[test]
    fn author_array_and_broken_scripts() {
        let html = Html::parse_document(
            r#"<script type="application/ld+json">{broken</script>
               <script type="application/ld+json">[{"@type":"NewsArticle","author":[{"@type":"Person","name":"A"},{"@type":"Person","name":"B"}]}]</script>"#,
        );
        let ld = JsonLd::from_page(&html);
        let names: Vec<_> = ld.parties(ld.article().unwrap(), "author").into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["A", "B"]);
    }

    fn headline(json: &str) -> Option<String> {
        let ld = JsonLd::from_page(&page(json));
        ld.article().and_then(|a| string(a, "headline"))
    }

    #[test]
    fn template_json_is_repaired() {
        // Each of these is invalid JSON that CMS templates emit.
        let cases = [
            ("trailing commas", r#"{"@type":"NewsArticle","headline":"Dam opens","keywords":["a","b",],}"#, "Dam opens"),
            ("unescaped quotes", r#"{"@type":"NewsArticle","headline":"He said "no" to the "plan", then left","author":"Ann Roe"}"#, r#"He said "no" to the "plan", then left"#),
            ("quote before a key", r#"{"@type":"NewsArticle","description":"A "test"","headline":"Dam opens"}"#, "Dam opens"),
            ("invalid escape", r#"{"@type":"NewsArticle","headline":"Dam\'s gates open"}"#, "Dam's gates open"),
            ("comment wrapper", "<!--\n{\"@type\":\"NewsArticle\",\"headline\":\"Dam opens\"}\n-->", "Dam opens"),
            ("commented CDATA", "//<![CDATA[\n{\"@type\":\"NewsArticle\",\"headline\":\"Dam opens\"};\n//]]>", "Dam opens"),
            ("block-commented CDATA", "/*<![CDATA[*/{\"@type\":\"NewsArticle\",\"headline\":\"Dam opens\"}/*]]>*/", "Dam opens"),
            ("trailing semicolon", r#"{"@type":"NewsArticle","headline":"Dam opens"};"#, "Dam opens"),
            ("raw tab and control character", "{\"@type\":\"NewsArticle\",\"headline\":\"Dam\topens\u{1}\"}", "Dam opens"),
        ];
        for (what, json, want) in cases {
            assert_eq!(headline(json).as_deref().map(str::trim), Some(want), "{what}");
        }
        // Objects one after another, with nothing, white space, a comma or a semicolon between.
        for sep in ["", "\n", ",", ";\n"] {
            let json = format!(r##"{{"@type":"Organization","@id":"#o","name":"Dam News"}}{sep}{{"@type":"NewsArticle","headline":"Dam opens","publisher":{{"@id":"#o"}}}}"##);
            let ld = JsonLd::from_page(&page(&json));
            let article = ld.article().unwrap_or_else(|| panic!("concatenated with {sep:?}"));
            assert_eq!(ld.parties(article, "publisher")[0].name, "Dam News");
        }
    }

    #[test]
    fn json_beyond_repair_is_ignored() {
        for json in [
            "{broken",
            r#"{"@type":"NewsArticle","headline":"Unclosed}"#,
            r#"{"@type":"NewsArticle" "headline":"no comma"}"#,
            r#"{"@type":"NewsArticle","headline":'single quotes'}"#,
            // A quote followed by what could go on after a string: read as the string's end, and
            // what follows does not parse.
            r#"{"@type":"NewsArticle","headline":"Sold "2", 3 left"}"#,
        ] {
            assert_eq!(headline(json), None, "{json}");
        }
        // Deep nesting stays within serde_json's limit, with or without a repair to make.
        for tail in ["", ","] {
            let deep = format!("{}{tail}{}", "[".repeat(100_000), "]".repeat(100_000));
            assert!(JsonLd::from_page(&page(&deep)).nodes.is_empty());
            assert!(repaired(&deep).is_none());
        }
    }

    #[test]
    fn quotes_followed_by_white_space_and_a_comma_stay_in_the_string() {
        // A quote, white space, a comma and a word: prose, not the string's end. (Each quote looks
        // ahead over its own white space only, so this costs one pass.)
        let filler = format!("\"{}, x ", " ".repeat(1000)).repeat(2000);
        let json = format!(r#"{{"@type":"NewsArticle","headline":"{filler}"}}"#);
        let value = &repaired(&json).expect("repaired")[0];
        assert_eq!(value["headline"].as_str().map(|h| h.matches('"').count()), Some(2000));
    }

    #[test]
    fn a_web_page_with_a_headline_is_the_article() {
        let html = page(r#"{"@type":"MedicalWebPage","headline":"Nine ways to sleep better","author":{"@type":"Person","name":"Ines Varga, MS, RD"}}"#);
        let ld = JsonLd::from_page(&html);
        let article = ld.article().expect("the page node that carries the headline");
        assert_eq!(ld.parties(article, "author")[0].name, "Ines Varga, MS, RD");
        // The site's page frame, with the CMS account as author, is not the article.
        let frame = page(r##"{"@graph":[{"@type":"WebPage","name":"Nine ways - Site","author":{"@id":"#p"}},{"@type":"Person","@id":"#p","name":"Jo"}]}"##);
        assert!(JsonLd::from_page(&frame).article().is_none());
    }
}
