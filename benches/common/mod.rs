//! Shared by `benches/pipeline.rs` and `examples/bench_corpus.rs`: generated article pages of a
//! given size (for the linearity target) and the fixture pages.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const WORDS: &[&str] = &[
    "council", "harbor", "budget", "ferry", "library", "school", "bridge", "market", "river", "festival", "orchard",
    "clinic", "residents", "voted", "Tuesday", "to", "approve", "the", "plan", "after", "months", "of", "debate", "over",
    "costs", "and", "schedules", "while", "officials", "said", "that", "a", "new", "study", "would", "follow", "in",
    "spring", "with", "public", "hearings", "across", "county",
];

fn sentence(out: &mut String, seed: usize, words: usize) {
    for i in 0..words {
        let w = WORDS[(seed.wrapping_mul(31) + i * 7 + i * i) % WORDS.len()];
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(w);
        }
        if i % 9 == 8 && i + 1 < words {
            out.push(',');
        }
    }
    out.push('.');
}

/// A plausible news article page of about `target` bytes: head metadata (canonical, Open Graph,
/// JSON-LD), header and navigation, the article (headline, byline, paragraphs with links and
/// emphasis, subheads, figures, an inline ad and a related box every so often), a sidebar rail
/// and a footer. The article body grows with `target`; the chrome around it stays the same.
pub fn article_page(target: usize) -> String {
    let mut page = String::with_capacity(target + 8192);
    page.push_str(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbor Council Approves Ferry Budget | The Valley Post</title>
<link rel="canonical" href="https://valleypost.example/news/2025/03/harbor-council-ferry-budget/">
<link rel="shortlink" href="https://valleypost.example/?p=48213">
<meta property="og:site_name" content="The Valley Post">
<meta property="og:title" content="Harbor Council Approves Ferry Budget">
<meta property="og:url" content="https://valleypost.example/news/2025/03/harbor-council-ferry-budget/">
<meta property="og:image" content="https://valleypost.example/img/ferry.jpg">
<meta name="description" content="The council voted to approve the ferry budget after months of debate.">
<meta name="author" content="Carla Mendes">
<meta property="article:published_time" content="2025-03-14T09:30:00-05:00">
<style>body{font-family:serif}.ad{min-height:250px}</style>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Harbor Council Approves Ferry Budget","datePublished":"2025-03-14T09:30:00-05:00","author":{"@id":"https://valleypost.example/#/person/carla"},"publisher":{"@id":"https://valleypost.example/#org"},"mainEntityOfPage":"https://valleypost.example/news/2025/03/harbor-council-ferry-budget/"},{"@type":"Person","@id":"https://valleypost.example/#/person/carla","name":"Carla Mendes","url":"https://valleypost.example/author/carla-mendes/"},{"@type":"NewsMediaOrganization","@id":"https://valleypost.example/#org","name":"The Valley Post"}]}</script>
</head>
<body class="post-template-default single single-post postid-48213 category-local">
<header class="site-header"><a class="logo" href="/">The Valley Post</a>
<nav class="main-navigation" role="navigation"><ul>"#,
    );
    for (i, section) in ["News", "Politics", "Business", "Schools", "Sports", "Opinion", "Arts", "Obituaries"].iter().enumerate() {
        let _ = write!(page, r#"<li class="menu-item menu-item-{i}"><a href="/{}/">{section}</a></li>"#, section.to_lowercase());
    }
    page.push_str(
        r#"</ul></nav><form class="search-form" action="/search"><input type="search" name="q"><button>Search</button></form></header>
<main id="main" class="site-main"><article id="post-48213" class="post-48213 post type-post status-publish hentry">
<header class="entry-header"><h1 class="entry-title">Harbor Council Approves Ferry Budget</h1>
<div class="byline">By <a href="https://valleypost.example/author/carla-mendes/" rel="author">Carla Mendes</a> | <time datetime="2025-03-14T09:30:00-05:00">March 14, 2025</time></div>
<div class="share-bar"><a href="https://twitter.com/intent/tweet">Share on X</a> <a href="https://facebook.com/sharer">Share on Facebook</a></div>
</header>
<div class="entry-content">
"#,
    );
    let footer = footer();
    let mut i = 0usize;
    while page.len() + footer.len() < target {
        match i % 40 {
            7 => {
                let _ = writeln!(page, "<h2>Section {}: the {} question</h2>", i / 40 + 1, WORDS[i % WORDS.len()]);
            }
            13 => {
                let _ = writeln!(
                    page,
                    r#"<figure class="wp-block-image"><img src="/img/photo-{i}.jpg" alt="Photo {i}" width="800" height="533"><figcaption>The {} at dawn. <span class="credit">Photo by Dana Reyes</span></figcaption></figure>"#,
                    WORDS[i % WORDS.len()]
                );
            }
            21 => {
                page.push_str(r#"<div class="ad ad-inline" data-ad-slot="inline"><span>Advertisement</span><div id="div-gpt-ad-1"></div></div>
"#);
            }
            29 => {
                let _ = writeln!(
                    page,
                    r#"<div class="related-posts"><h3>Related</h3><ul><li><a href="/news/{i}/a/">The {} plan, explained</a></li><li><a href="/news/{i}/b/">What the {} vote means</a></li></ul></div>"#,
                    WORDS[i % WORDS.len()],
                    WORDS[(i + 3) % WORDS.len()]
                );
            }
            _ => {
                page.push_str("<p>");
                sentence(&mut page, i, 14 + i % 11);
                page.push(' ');
                if i.is_multiple_of(3) {
                    let _ = write!(page, r#"<a href="/news/2025/{}/">"#, i);
                    sentence(&mut page, i + 1, 4);
                    page.push_str("</a> ");
                }
                if i.is_multiple_of(5) {
                    page.push_str("<em>");
                    sentence(&mut page, i + 2, 6);
                    page.push_str("</em> ");
                }
                sentence(&mut page, i + 3, 12 + i % 17);
                page.push_str("</p>\n");
            }
        }
        i += 1;
    }
    page.push_str(&footer);
    page
}

fn footer() -> String {
    let mut s = String::from(
        r#"</div>
<footer class="entry-footer"><div class="tags-links">Tagged <a href="/tag/ferry/">ferry</a>, <a href="/tag/budget/">budget</a></div></footer>
</article>
<aside class="sidebar widget-area"><section class="widget popular-posts"><h2>Most read</h2><ol>"#,
    );
    for i in 0..10 {
        let _ = write!(s, r#"<li><a href="/news/popular-{i}/">Popular story number {i} about the {}</a></li>"#, WORDS[i % WORDS.len()]);
    }
    s.push_str(
        r#"</ol></section><section class="widget newsletter"><h2>Get our newsletter</h2><form><input type="email"><button>Sign up</button></form></section></aside>
</main>
<footer class="site-footer"><p>&copy; 2025 The Valley Post. All rights reserved.</p><ul><li><a href="/about/">About</a></li><li><a href="/contact/">Contact</a></li><li><a href="/privacy/">Privacy</a></li></ul></footer>
<script src="/js/app.js"></script>
</body></html>
"#,
    );
    s
}

/// The fixture pages' `input.html`, sorted by case name.
pub fn fixture_pages(root: &Path) -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(root.join("fixtures"))
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path().join("input.html")))
                .filter(|(_, p)| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}
