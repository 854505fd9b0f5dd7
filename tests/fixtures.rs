//! Every fixture in `fixtures/<case>/` against its `meta.json` expectations and its golden files
//! (`expected.html`, `expected.json`, `expected.txt`). All cases run; the failures are listed
//! together, each with its case name.

use std::path::Path;

use serde_json::Value;

use crate::util::{Test, golden, root};

struct Case {
    name: String,
    dir: std::path::PathBuf,
    meta: Value,
}

fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = std::fs::read_dir(root().join("fixtures"))
        .expect("fixtures/ exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("meta.json").is_file())
        .map(|dir| {
            let meta: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("meta.json")).unwrap()).unwrap();
            Case { name: dir.file_name().unwrap().to_string_lossy().into_owned(), dir, meta }
        })
        .collect();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(cases.len() >= 20, "fixtures went missing: {}", cases.len());
    cases
}

fn extra_args(case: &Case) -> Vec<String> {
    case.meta["args"].as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()).unwrap_or_default()
}

fn run(case: &Case, format: &str) -> crate::util::Run {
    Test::new().arg("embed").arg(case.dir.join("input.html")).args(["--format", format]).args(extra_args(case)).run()
}

/// Visible text of an HTML snippet, entities decoded, whitespace collapsed.
pub fn visible_text(html: &str) -> String {
    let doc = scraper::Html::parse_fragment(html);
    let text: String = doc.root_element().text().collect::<Vec<_>>().join(" ");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check_case(case: &Case, problems: &mut Vec<String>) {
    let expect = &case.meta["expect"];
    let mut fail = |msg: String| problems.push(format!("{}: {msg}", case.name));
    let json_run = run(case, "json");
    let Ok(out) = serde_json::from_slice::<Value>(&json_run.output.stdout) else {
        fail(format!("no JSON (exit {}): {}", json_run.code(), json_run.stderr()));
        return;
    };
    let eligible = expect["eligible"].as_bool().unwrap_or(true);
    let expected_code = if eligible { 0 } else { 3 };
    if json_run.code() != expected_code {
        fail(format!("exit {} want {expected_code}: {}", json_run.code(), json_run.stderr().trim()));
    }
    let verdict = &out["eligibility"];
    if verdict["eligible"].as_bool() != Some(eligible) {
        fail(format!("eligible {} want {eligible}: {verdict}", verdict["eligible"]));
    }
    if !eligible {
        let norm = |v: &Value| v.as_str().unwrap_or("").to_lowercase().trim_start_matches("www.").to_owned();
        if expect.get("source").is_some() && norm(&verdict["source"]) != norm(&expect["source"]) {
            fail(format!("source {} want {}", verdict["source"], expect["source"]));
        }
        let fired: Vec<&str> = verdict["reasons"].as_array().map(|r| r.iter().filter_map(|r| r["signal"].as_str()).collect()).unwrap_or_default();
        for signal in expect["signals"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            if !fired.contains(&signal) {
                fail(format!("signal {signal} did not fire (fired: {fired:?})"));
            }
        }
        if !out["html"].is_null() {
            fail("a refused story has html".into());
        }
        let html_run = run(case, "html");
        if !html_run.output.stdout.is_empty() || !html_run.stderr().contains("not republishable") {
            fail(format!("refused embed printed something or no reason: {}", html_run.stderr()));
        }
    } else if !verdict["reasons"].as_array().is_some_and(Vec::is_empty) {
        fail(format!("eligible story has reasons: {verdict}"));
    }
    for key in ["title", "byline", "publisher", "canonical_url", "post_id"] {
        if let Some(want) = expect.get(key)
            && &out[key] != want {
                fail(format!("{key} {} want {want}", out[key]));
            }
    }
    if let Some(want) = expect["published"].as_str()
        && !out["published"].as_str().is_some_and(|p| p.starts_with(want)) {
            fail(format!("published {} want {want}", out["published"]));
        }
    if let Some(want) = expect.get("authors") {
        let got: Vec<Value> = out["authors"].as_array().into_iter().flatten().map(|a| serde_json::json!({"name": a["name"], "url": a["url"]})).collect();
        if &Value::Array(got.clone()) != want {
            fail(format!("authors {got:?} want {want}"));
        }
    }
    for key in ["title", "byline", "authors", "publisher", "canonical_url", "published", "post_id", "html", "head_html", "text", "word_count", "pixel_url", "images", "removed", "eligibility"] {
        if out.get(key).is_none() {
            fail(format!("JSON lacks {key}"));
        }
    }
    if !eligible {
        return;
    }
    let html = out["html"].as_str().unwrap_or_default();
    let text = visible_text(html);
    for needle in expect["contains"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        let needle = needle.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.contains(&needle) {
            fail(format!("article text missing: {needle:?}"));
        }
    }
    for needle in expect["not_contains"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        if text.contains(needle) || html.contains(needle) {
            fail(format!("furniture kept: {needle:?}"));
        }
    }
    for link in expect["links"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        let escaped = link.replace('&', "&amp;");
        if !html.contains(&format!("href=\"{escaped}\"")) {
            fail(format!("link missing: {link}"));
        }
    }
    if let Some(min) = expect["min_images_stripped"].as_u64() {
        let n = out["images"].as_array().map_or(0, Vec::len) as u64;
        if n < min {
            fail(format!("{n} images listed, want at least {min}"));
        }
    }
    // Every href absolute http(s); the pixel is the only img.
    let doc = scraper::Html::parse_fragment(html);
    for a in doc.select(&scraper::Selector::parse("[href]").unwrap()) {
        let href = a.value().attr("href").unwrap();
        if !(href.starts_with("https://") || href.starts_with("http://")) {
            fail(format!("href not absolute: {href}"));
        }
    }
    let imgs: Vec<_> = doc.select(&scraper::Selector::parse("img").unwrap()).collect();
    let pixel = out["pixel_url"].as_str();
    if imgs.len() > 1 || imgs.first().map(|i| i.value().attr("src")) != pixel.map(Some) {
        fail(format!("images in the embed other than the pixel: {}", imgs.len()));
    }
    // The text format holds the same paragraphs.
    let text_run = run(case, "text");
    let plain = text_run.stdout().split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in expect["contains"].as_array().into_iter().flatten().filter_map(Value::as_str).take(3) {
        if !plain.contains(&needle.split_whitespace().collect::<Vec<_>>().join(" ")) {
            fail(format!("text format missing: {needle:?}"));
        }
    }
}

#[test]
fn every_fixture_meets_its_expectations() {
    let mut problems = Vec::new();
    for case in cases() {
        check_case(&case, &mut problems);
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn golden_outputs() {
    for case in cases() {
        for (format, file) in [("html", "expected.html"), ("json", "expected.json"), ("text", "expected.txt")] {
            let run = run(&case, format);
            if run.code() == 3 && format != "json" {
                continue;
            }
            golden(&case.name, &case.dir.join(file), &run.stdout());
        }
    }
}

#[test]
fn golden_files_have_no_strays() {
    // A golden file for a format the case no longer produces is a stale expectation.
    for case in cases() {
        let refused = case.meta["expect"]["eligible"].as_bool() == Some(false);
        for file in ["expected.html", "expected.txt"] {
            assert!(!(refused && Path::new(&case.dir.join(file)).exists()), "{}: stale {file} for a refused story", case.name);
        }
    }
}
