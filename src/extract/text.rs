//! Text helpers shared by extraction, cleaning and verification: whitespace folding and the text of
//! a subtree, walked without recursion (input trees can be deep).

use scraper::{ElementRef, Node};

/// Collapse runs of whitespace (including non-breaking spaces) to one space and trim.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}' || c == '\u{feff}' {
            pending_space = !out.is_empty();
        } else if c.is_control() {
            // NUL and other control characters (JSON-LD can carry them as \u0000) are dropped.
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// The collapsed text of an element, leaving out script/style/template/noscript content.
pub fn element_text(element: ElementRef<'_>) -> String {
    let mut raw = String::new();
    let mut skip_depth = 0usize;
    for edge in element.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(e) if is_non_text(e.name()) => skip_depth += 1,
                Node::Element(e) if skip_depth == 0 && is_breaking(e.name()) => raw.push(' '),
                Node::Text(t) if skip_depth == 0 => raw.push_str(t),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if is_non_text(e.name()) {
                        skip_depth -= 1;
                    } else if skip_depth == 0 && is_breaking(e.name()) {
                        raw.push(' ');
                    }
                }
            }
        }
    }
    collapse(&raw)
}

/// Elements whose content is never readable text.
pub fn is_non_text(name: &str) -> bool {
    matches!(name, "script" | "style" | "template" | "noscript" | "svg" | "math" | "head" | "title" | "textarea" | "select" | "option" | "iframe" | "object")
}

/// Elements that separate words even when the markup has no whitespace around them.
pub fn is_breaking(name: &str) -> bool {
    matches!(
        name,
        "p" | "div" | "br" | "li" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote"
            | "td" | "th" | "tr" | "table" | "section" | "article" | "header" | "footer" | "figure"
            | "figcaption" | "pre" | "dd" | "dt" | "hr" | "aside" | "nav" | "main" | "address"
    )
}

/// Block-level elements: a div containing one of these is a container, not a paragraph.
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "table"
            | "section" | "article" | "header" | "footer" | "figure" | "pre" | "dl" | "aside" | "nav"
            | "main" | "form" | "hr" | "address" | "details" | "fieldset"
    )
}

/// Count of words in a text (runs of alphanumerics).
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_whitespace_and_nbsp() {
        assert_eq!(collapse("  a \n\t b\u{a0}\u{a0}c  "), "a b c");
        assert_eq!(collapse(""), "");
    }

    #[test]
    fn element_text_skips_scripts_and_separates_blocks() {
        let html = scraper::Html::parse_fragment("<div><p>One</p><p>Two<script>x()</script></p>three<br>four</div>");
        let div = html.select(&scraper::Selector::parse("div").unwrap()).next().unwrap();
        assert_eq!(element_text(div), "One Two three four");
    }
}
