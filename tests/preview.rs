//! The editors' preview page (issue 6), without a browser: what it says for eligible and refused
//! stories, that it loads nothing from elsewhere, its policy and sandbox, `embed --preview` and
//! `batch --preview`, and hostile input (every project XSS vector) staying text. The browser half
//! is in tests/browser.rs.

use base64::Engine as _;
use republish::load::Loaded;
use republish::preview::{self, DEFAULT_GUIDELINES, SCRIPT, SCRIPT_HASH};
use republish::profile::Profile;
use scraper::{Html, Selector};
use sha2::Digest as _;

use crate::util::{Test, fixture, root};

fn select<'a>(doc: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(selector).expect("selector")).collect()
}

fn text(doc: &Html, selector: &str) -> String {
    select(doc, selector).iter().map(|e| e.text().collect::<String>()).collect::<Vec<_>>().join("\n")
}

/// `embed ARTICLE --preview FILE` with extra flags: (stdout, exit code, preview page).
fn embed_preview(case: &str, extra: &[&str]) -> (String, i32, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("preview.html");
    let run = Test::new().arg("embed").arg(fixture(case)).args(extra).arg("--preview").arg(&page).run();
    let html = std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{case}: no preview written ({e}); stderr: {}", run.stderr()));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").filter_map(Result::ok).filter(|e| e.file_name() != "preview.html").collect();
    assert!(leftovers.is_empty(), "temp files left: {leftovers:?}");
    (run.stdout(), run.code(), html)
}

/// Everything the page could load, and its one script: no resource from elsewhere.
fn assert_self_contained(doc: &Html) {
    for el in select(doc, "*") {
        let name = el.value().name();
        for (attr, value) in el.value().attrs() {
            let allowed = match (name, attr) {
                // Links are navigation, not resources; the icon is an empty data: URL.
                ("a", "href") => value.starts_with("https://") || value.starts_with("http://"),
                ("link", "href") => el.value().attr("rel") == Some("icon") && value == "data:,",
                ("iframe", "srcdoc") => true,
                (_, "src" | "href" | "srcset" | "action" | "data" | "poster" | "background" | "formaction") => false,
                _ => true,
            };
            assert!(allowed, "<{name} {attr}={value:?}> loads something");
            assert!(!attr.starts_with("on"), "<{name} {attr}>: an inline handler");
        }
        assert!(!matches!(name, "img" | "object" | "embed" | "video" | "audio" | "source" | "base" | "form"), "<{name}> in the page");
    }
    let style = text(doc, "style");
    assert!(!style.contains("url(") && !style.contains("@import") && !style.contains("@font-face"), "the style loads something");
    let scripts = select(doc, "script");
    assert_eq!(scripts.len(), 1, "one script");
    assert_eq!(scripts[0].value().attr("src"), None);
    assert_eq!(scripts[0].text().collect::<String>(), SCRIPT, "the one script is the Copy script");
    let csp = select(doc, "meta[http-equiv=Content-Security-Policy]");
    assert_eq!(csp.len(), 1, "a Content-Security-Policy");
    let csp = csp[0].value().attr("content").expect("content");
    assert_eq!(csp, preview::content_security_policy());
    assert!(csp.contains("default-src 'none'") && csp.contains(&format!("script-src '{SCRIPT_HASH}'")), "{csp}");
}

#[test]
fn the_script_hash_is_right() {
    let digest = sha2::Sha256::digest(SCRIPT.as_bytes());
    let hash = format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(digest));
    assert_eq!(hash, SCRIPT_HASH, "src/preview.rs: SCRIPT changed, set SCRIPT_HASH to {hash}");
}

#[test]
fn eligible_story_preview() {
    let (embed, code, html) = embed_preview("forward-original", &[]);
    assert_eq!(code, 0);
    let doc = Html::parse_document(&html);
    assert_self_contained(&doc);
    assert!(text(&doc, "header").contains("The Forward"), "publisher");
    assert_eq!(text(&doc, "h1"), "A Brooklyn shul put solar panels on its roof. Now the whole block wants in.");
    assert!(text(&doc, "#verdict").contains("may be republished"));
    // The code, exactly what `embed` printed, in a read-only textarea, with the Copy button.
    let area = select(&doc, "textarea#code");
    assert_eq!(area.len(), 1);
    assert!(area[0].value().attr("readonly").is_some());
    assert_eq!(area[0].text().collect::<String>(), embed, "the textarea holds exactly the embed");
    assert_eq!(text(&doc, "button#copy"), "Copy HTML");
    // The frame: the same embed, sandboxed without scripts.
    let frames = select(&doc, "iframe");
    assert_eq!(frames.len(), 1);
    let sandbox = frames[0].value().attr("sandbox").expect("sandboxed");
    assert!(!sandbox.contains("allow-scripts") && !sandbox.contains("allow-same-origin"), "{sandbox}");
    let srcdoc = frames[0].value().attr("srcdoc").expect("srcdoc");
    assert!(srcdoc.contains(&embed), "the frame shows the embed");
    // Guidelines from the profile, the licence, and the stripped images as links.
    let forward = Profile::builtin("forward").expect("forward");
    for guideline in &forward.guidelines {
        assert!(text(&doc, "#guidelines").contains(guideline.as_str()), "{guideline}");
    }
    assert!(text(&doc, "#guidelines").contains("CC BY-NC-ND 4.0"));
    let images = text(&doc, "#images");
    let links: Vec<_> = select(&doc, "#images a").iter().map(|a| a.value().attr("href").unwrap_or_default().to_owned()).collect();
    assert_eq!(links.len(), 3, "{links:?}");
    assert!(links[0].ends_with("ohel-tikvah-solar-roof-1741950000.jpg"), "{links:?}");
    assert!(images.contains("Rabbi Elisheva Marcus stands beside the rooftop array") && images.contains("Credit: Photo by Gideon Roth for the Forward"), "{images}");
    assert!(images.contains("Volunteers on a synagogue roof") && images.contains("Credit: Photo by Shira Adelman"), "{images}");
}

#[test]
fn refused_story_preview_says_why_and_gives_no_code() {
    let (stdout, code, html) = embed_preview("forward-jta-byline", &[]);
    assert_eq!(code, 3, "refused");
    assert!(stdout.is_empty());
    let doc = Html::parse_document(&html);
    assert_self_contained(&doc);
    let verdict = text(&doc, "#verdict");
    assert!(verdict.contains("Not republishable") && verdict.contains("JTA"), "{verdict}");
    assert!(verdict.contains("By JTA March 23, 2025") && verdict.contains("byline"), "the reasons: {verdict}");
    assert!(select(&doc, "textarea").is_empty() && select(&doc, "iframe").is_empty() && select(&doc, "button").is_empty(), "no code");
    assert!(select(&doc, "#images").is_empty(), "no images to license for a story that may not run");
    assert!(!text(&doc, "#guidelines").is_empty());
}

#[test]
fn generic_and_custom_profiles_have_guidelines() {
    let (_, code, html) = embed_preview("plain-cms", &["--profile", "generic"]);
    assert_eq!(code, 0);
    let doc = Html::parse_document(&html);
    let generic = Profile::builtin("generic").expect("generic");
    assert!(!generic.guidelines.is_empty());
    assert_eq!(select(&doc, "#guidelines li").len(), generic.guidelines.len());
    // A profile without guidelines gets the defaults.
    let dir = tempfile::tempdir().expect("temp dir");
    let profile = dir.path().join("p.toml");
    std::fs::write(&profile, "name = 'mine'\n[credit]\ntemplate = 'From {publisher}.'\n").expect("written");
    let (_, code, html) = embed_preview("plain-cms", &["--profile", profile.to_str().expect("utf-8 path")]);
    assert_eq!(code, 0);
    let doc = Html::parse_document(&html);
    let shown = text(&doc, "#guidelines");
    assert!(DEFAULT_GUIDELINES.iter().all(|g| shown.contains(g)), "{shown}");
    assert!(text(&doc, "header").contains("mine"), "the profile name");
}

#[test]
fn preview_with_other_outputs() {
    // --preview alongside -o and --format json; the outputs are unchanged by it.
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("story.json");
    let page = dir.path().join("story.preview.html");
    Test::new().arg("embed").arg(fixture("forward-original")).args(["--format", "json", "-o"]).arg(&out).arg("--preview").arg(&page).run().status(0);
    assert!(std::fs::read_to_string(&out).expect("json written").contains("\"eligibility\""));
    assert!(std::fs::read_to_string(&page).expect("preview written").contains("<textarea id=\"code\""));
    // A preview that cannot be written is an error, exit 1.
    Test::new().arg("embed").arg(fixture("forward-original")).arg("--preview").arg(dir.path().join("missing/dir/p.html")).run().status(1);
}

#[test]
fn batch_writes_a_preview_per_story() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    Test::new()
        .arg("batch")
        .arg(fixture("forward-original"))
        .arg(fixture("forward-jta-byline"))
        .arg("--out-dir")
        .arg(&out)
        .arg("--preview")
        .run()
        .status(0);
    let mut names: Vec<String> = std::fs::read_dir(&out).expect("out dir").filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    let previews: Vec<&String> = names.iter().filter(|n| n.ends_with(".preview.html")).collect();
    assert_eq!(previews.len(), 2, "one preview per story, refused ones too: {names:?}");
    let ok = names.iter().find(|n| n.ends_with(".html") && !n.ends_with(".preview.html")).expect("the eligible story's embed");
    let stem = ok.trim_end_matches(".html");
    let page = std::fs::read_to_string(out.join(format!("{stem}.preview.html"))).expect("its preview, next to it");
    let embed = std::fs::read_to_string(out.join(ok)).expect("embed");
    let doc = Html::parse_document(&page);
    assert_eq!(text(&doc, "textarea#code"), embed);
    let refused = previews.iter().map(|p| std::fs::read_to_string(out.join(p)).expect("read")).find(|p| p.contains("Not republishable")).expect("the refused story's preview");
    assert!(refused.contains("JTA"));
    let report = std::fs::read_to_string(out.join("report.ndjson")).expect("report");
    assert_eq!(report.lines().count(), 2);
    // Without --preview, none.
    let plain = dir.path().join("plain");
    Test::new().arg("batch").arg(fixture("forward-original")).arg("--out-dir").arg(&plain).run().status(0);
    assert!(std::fs::read_dir(&plain).expect("dir").filter_map(Result::ok).all(|e| !e.file_name().to_string_lossy().contains("preview")));
}

#[test]
fn hostile_stories_stay_text_in_the_preview() {
    // Every project XSS vector in every spot of a page: whatever the story says (title, byline,
    // publisher, reasons, captions, the embed itself), the preview has our one script, no handler,
    // the embed intact as the textarea's text and inside the frame's srcdoc, and nothing loaded.
    use rayon::prelude::*;
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tests/data/xss-vectors.json")).expect("vectors")).expect("JSON");
    let vectors: Vec<String> = doc["vectors"].as_array().expect("vectors").iter().map(|v| v["payload"].as_str().expect("payload").to_owned()).collect();
    let settings = crate::security::xss_settings();
    let profile = settings.profile.clone().expect("profile");
    let pages: Vec<(usize, &str, String)> =
        vectors.iter().enumerate().flat_map(|(i, v)| crate::security::vector_pages(v).into_iter().map(move |(s, p)| (i, s, p))).collect();
    let failures: Vec<String> = pages
        .par_iter()
        .filter_map(|(i, spot, page)| {
            let outcome = republish::process_loaded(&Loaded { html: page.clone(), url: None, encoding: "UTF-8" }, &settings).ok()?;
            let html = preview::preview(&outcome, &profile);
            let result = std::panic::catch_unwind(|| {
                let doc = Html::parse_document(&html);
                assert_self_contained(&doc);
                if let Some(rendered) = &outcome.rendered {
                    assert_eq!(text(&doc, "textarea#code"), rendered.html);
                    let frame = select(&doc, "iframe");
                    assert!(frame[0].value().attr("srcdoc").is_some_and(|d| d.contains(&rendered.html)));
                } else {
                    assert!(select(&doc, "textarea, iframe").is_empty());
                }
                if let Some(title) = &outcome.meta.title {
                    assert_eq!(text(&doc, "main h1"), *title);
                }
            });
            result.err().map(|_| format!("vector #{i} {:?} in {spot}", vectors[*i]))
        })
        .collect();
    assert!(failures.is_empty(), "{} previews broke:\n{}", failures.len(), failures.join("\n"));
}
