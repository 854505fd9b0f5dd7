//! JSON-LD (schema.org) in the page: the article node and the nodes it references, as used by the
//! metadata extractor. Broken JSON is skipped: one bad script must not hide the others.

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
            // Some CMSs wrap the JSON in CDATA or HTML comments.
            let text = text.trim().trim_start_matches("<!--").trim_end_matches("-->");
            let text = text.trim().trim_start_matches("//").trim_start_matches("<![CDATA[").trim_end_matches("]]>").trim_end_matches("//");
            let text = text.trim();
            let parsed = serde_json::from_str::<Value>(text).or_else(|err| {
                // Hand-written templates put raw newlines and tabs inside strings, which JSON forbids;
                // outside strings a space is as good as any whitespace, so blanking them is safe.
                if text.bytes().any(|b| b < 0x20) {
                    serde_json::from_str::<Value>(&text.replace(|c: char| c < ' ', " "))
                } else {
                    Err(err)
                }
            });
            if let Ok(value) = parsed {
                flatten(value, &mut nodes);
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
