//! Browser tests in Debian's headless Chromium, driven over the DevTools protocol
//! (`tests/browser/mod.rs`), every page served from a loopback server:
//!
//! - the editors' preview page (issue 6): the textarea holds exactly the embed `embed` prints,
//!   Copy puts exactly that on the clipboard, the sandboxed frame shows the story and loads only
//!   the pixel, no script runs inside it, and nothing is requested outside loopback;
//! - the XSS vectors (issue 8): the embeds made from every vector in every spot of a page (the
//!   placement and profile of `tests/security.rs`) are loaded, many per page, under hooked script
//!   sinks (live mode) and under a strict Content-Security-Policy that reports any inline script, handler or `javascript:` URL (CSP
//!   mode); every `on*` handler found is fired; nothing may run.
//!
//! A missing Chromium fails these tests (`scripts/test` installs it).

use std::time::{Duration, Instant};

use republish::Settings;
use republish::load::Loaded;
use republish::profile::Profile;
use serde_json::{Value, json};

use crate::chromium::{Browser, Site, Tab, console, is_local, requests};
use crate::util::{Test, fixture, root};

/// The Forward's profile with its pixel on the loopback server, so that the preview loads it
/// without leaving the machine.
fn forward_profile_on(site: &Site) -> String {
    let toml = Profile::builtin_source("forward").expect("built-in forward profile");
    let pixel = format!("pixel = \"{}\"", site.url("/pixel.gif?post_id={post_id}&url={canonical_url}"));
    let replaced: Vec<String> = toml.lines().map(|l| if l.starts_with("pixel = ") { pixel.clone() } else { l.to_owned() }).collect();
    assert!(replaced.contains(&pixel), "the forward profile has a pixel line");
    replaced.join("\n") + "\n"
}

/// The frame's document, as seen by a DevTools-privileged world inside it (the page's scripts
/// cannot reach a sandboxed frame; this can). Returns `expression`'s value.
fn eval_in_frame(browser: &mut Browser, tab: &Tab, expression: &str) -> Value {
    // A frame in its own process is its own session; otherwise it is a child of the tab's tree.
    let tree = browser.call(Some(&tab.session), "Page.getFrameTree", json!({}));
    let child = tree["frameTree"]["childFrames"][0]["frame"]["id"].as_str().map(str::to_owned);
    let (session, frame) = match child {
        Some(frame) => (tab.session.clone(), frame),
        None => {
            let attached: Value = browser
                .events()
                .iter()
                .rev()
                .find(|e| e["method"] == "Target.attachedToTarget" && e["params"]["targetInfo"]["type"] == "iframe")
                .expect("the preview frame, in this process or another")
                .clone();
            let session = attached["params"]["sessionId"].as_str().expect("session").to_owned();
            eprintln!("browser: the preview frame runs in its own process");
            let tree = browser.call(Some(&session), "Page.getFrameTree", json!({}));
            (session, tree["frameTree"]["frame"]["id"].as_str().expect("frame id").to_owned())
        }
    };
    let world = browser.call(Some(&session), "Page.createIsolatedWorld", json!({ "frameId": frame, "worldName": "republish-test" }));
    let context = world["executionContextId"].as_i64().expect("context id");
    browser.eval_in(Some(&session), Some(context), expression)
}

/// Click at the centre of the element `selector`, as a user would (trusted events).
fn click(browser: &mut Browser, tab: &Tab, selector: &str) {
    let rect = browser.eval(
        tab,
        &format!("(() => {{ const r = document.querySelector({selector:?}).getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()"),
    );
    let (x, y) = (rect[0].as_f64().expect("x"), rect[1].as_f64().expect("y"));
    for kind in ["mousePressed", "mouseReleased"] {
        browser.call(Some(&tab.session), "Input.dispatchMouseEvent", json!({ "type": kind, "x": x, "y": y, "button": "left", "clickCount": 1 }));
    }
}

/// Poll `expression` until it is true.
fn wait_until(browser: &mut Browser, tab: &Tab, expression: &str, timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if browser.eval(tab, expression) == json!(true) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
fn preview_page_in_chromium() {
    let started = Instant::now();
    let site = Site::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let profile = dir.path().join("forward.toml");
    std::fs::write(&profile, forward_profile_on(&site)).expect("profile written");
    let preview = dir.path().join("preview.html");
    let run = Test::new().arg("embed").arg(fixture("forward-original")).arg("--profile").arg(&profile).arg("--preview").arg(&preview).run().status(0);
    let embed = run.stdout();
    let pixel = site.url("/pixel.gif?post_id=612457&url=https%3A%2F%2Fforward.com%2Fnews%2F612457%2Fbrooklyn-shul-solar-roof-block-cooperative%2F");
    assert!(embed.contains(&pixel.replace('&', "&amp;")), "the embed has the loopback pixel:\n{embed}");
    site.page("/preview.html", std::fs::read(&preview).expect("preview written"));

    let mut browser = Browser::launch();
    let tab = browser.open_tab();
    browser.call(
        None,
        "Browser.grantPermissions",
        json!({ "origin": site.url(""), "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
    );
    browser.navigate(&tab, &site.url("/preview.html"));

    // The code, exactly as `embed` printed it.
    let code = browser.eval(&tab, "document.getElementById('code').value");
    assert_eq!(code.as_str(), Some(embed.as_str()), "the textarea holds exactly the embed");
    assert_eq!(browser.eval(&tab, "document.getElementById('code').readOnly"), json!(true));

    // Copy: a real click, then the confirmation, then exactly the embed on the clipboard.
    assert_eq!(browser.eval(&tab, "document.getElementById('copy').hidden"), json!(false), "the Copy script ran (its CSP hash is right)");
    click(&mut browser, &tab, "#copy");
    assert!(
        wait_until(&mut browser, &tab, "document.getElementById('copied').textContent.includes('Copied')", Duration::from_secs(10)),
        "no confirmation after Copy: {}",
        browser.eval(&tab, "document.getElementById('copied').textContent")
    );
    let clipboard = browser.eval(&tab, "navigator.clipboard.readText()");
    assert_eq!(clipboard.as_str(), Some(embed.as_str()), "the clipboard holds exactly the embed");

    // The frame: sandboxed without scripts, showing the headline and the paragraphs, with no image
    // but the pixel.
    let sandbox = browser.eval(&tab, "document.querySelector('iframe').getAttribute('sandbox')");
    let sandbox = sandbox.as_str().expect("sandbox attribute");
    assert!(!sandbox.contains("allow-scripts") && !sandbox.contains("allow-same-origin"), "sandbox: {sandbox}");
    let seen = eval_in_frame(
        &mut browser,
        &tab,
        "({ h1: document.querySelector('h1') && document.querySelector('h1').innerText, \
            paragraphs: [...document.querySelectorAll('p')].filter(p => p.offsetHeight > 0).length, \
            text: document.body.innerText, \
            images: [...document.images].map(i => ({ src: i.src, loaded: i.complete && i.naturalWidth > 0 })), \
            scripts: document.scripts.length })",
    );
    assert_eq!(seen["h1"], json!("A Brooklyn shul put solar panels on its roof. Now the whole block wants in."), "{seen}");
    assert!(seen["paragraphs"].as_u64().unwrap_or(0) >= 15, "the frame shows the paragraphs: {seen}");
    assert!(seen["text"].as_str().unwrap_or_default().contains("“We thought we were fixing a boiler problem,”"), "{seen}");
    assert_eq!(seen["images"], json!([{ "src": pixel, "loaded": true }]), "the only image is the pixel, and it loaded");
    assert_eq!(seen["scripts"], json!(0));

    let events = browser.take_events();
    let requested = requests(&events);
    let outside: Vec<_> = requested.iter().filter(|(_, url)| !is_local(url)).collect();
    assert!(outside.is_empty(), "requests outside loopback: {outside:?}");
    let images: Vec<&str> = requested.iter().filter(|(kind, _)| kind == "Image").map(|(_, url)| url.as_str()).collect();
    assert_eq!(images, [pixel.as_str()], "the only image requested is the pixel");
    let served: Vec<String> = site.requests().into_iter().filter(|p| p != "/favicon.ico").collect();
    assert_eq!(served, ["/preview.html".to_owned(), pixel.trim_start_matches(&site.url("")).to_owned()], "what the server saw");
    let log = console(&events);
    assert!(log.is_empty(), "console messages, errors or CSP reports: {log:#?}");

    // The docs' screenshot: `UPDATE_SCREENSHOT=1` writes docs/preview.png (review it).
    let png = browser.screenshot(&tab, 1280);
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 20_000, "a screenshot of the preview");
    if std::env::var_os("UPDATE_SCREENSHOT").is_some() {
        std::fs::write(root().join("docs/preview.png"), &png).expect("docs/preview.png written");
    }
    eprintln!("browser: preview page checked in {:.1} s", started.elapsed().as_secs_f64());
}

#[test]
fn no_script_runs_in_the_preview_frame() {
    // A forged embed full of scripts (the pipeline never makes one): the preview's frame must run
    // none of them. Each would request a loopback URL if it ran.
    let site = Site::start();
    let bytes = std::fs::read(fixture("forward-original")).expect("fixture");
    let (html, _) = republish::load::decode(&bytes, None).expect("decodes");
    let settings = Settings::default();
    let mut outcome = republish::process_loaded(&Loaded { html, url: None, encoding: "UTF-8" }, &settings).expect("processed");
    let ran = |what: &str| site.url(&format!("/ran-{what}"));
    let rendered = outcome.rendered.as_mut().expect("eligible");
    rendered.html = format!(
        "<script>new Image().src = {script:?};</script>\
         <img src=\"/missing.png\" onerror=\"new Image().src = '{handler}'\">\
         <svg onload=\"new Image().src = '{svg}'\"></svg>\
         <a id=\"js\" href=\"javascript:new Image().src = '{href}'\">link</a>\
         <iframe srcdoc=\"&lt;script&gt;new Image().src = '{nested}'&lt;/script&gt;\"></iframe>\
         <meta http-equiv=\"refresh\" content=\"0; url={refresh}\">{}",
        rendered.html,
        script = ran("script"),
        handler = ran("handler"),
        svg = ran("svg"),
        href = ran("href"),
        nested = ran("nested"),
        refresh = ran("refresh"),
    );
    let profile = Profile::builtin("forward").expect("forward");
    site.page("/forged.html", republish::preview::preview(&outcome, &profile));

    let mut browser = Browser::launch();
    let tab = browser.open_tab();
    browser.navigate(&tab, &site.url("/forged.html"));
    std::thread::sleep(Duration::from_millis(1500));
    let ran: Vec<String> = site.requests().into_iter().filter(|p| p.starts_with("/ran-")).collect();
    assert!(ran.is_empty(), "scripts ran in the preview frame: {ran:?}");
    let events = browser.take_events();
    let log = console(&events).join("\n");
    assert!(log.contains("sandboxed") && log.contains("allow-scripts"), "Chromium reports the blocked scripts:\n{log}");
    // The page itself is unharmed: still the preview, and the Copy script still ran.
    assert_eq!(browser.eval(&tab, "location.pathname"), json!("/forged.html"));
    assert_eq!(browser.eval(&tab, "document.getElementById('copy').hidden"), json!(false));
}

// ---------------------------------------------------------------------------------------------
// XSS vectors in Chromium (issue 8): the embeds made from hostile pages, loaded many per page.

/// Every distinct embed made from `vectors` in every spot, with the first (vector, spot) that
/// made it. Also returns how many pages were processed.
fn distinct_embeds(vectors: &[String]) -> (Vec<(String, String)>, usize) {
    use rayon::prelude::*;
    let settings = crate::security::xss_settings();
    let jobs: Vec<(usize, &'static str, String)> =
        vectors.iter().enumerate().flat_map(|(i, v)| crate::security::vector_pages(v).into_iter().map(move |(spot, page)| (i, spot, page))).collect();
    let made: Vec<(usize, &'static str, Option<String>)> = jobs
        .par_iter()
        .map(|(i, spot, page)| {
            let loaded = Loaded { html: page.clone(), url: None, encoding: "UTF-8" };
            let html = republish::process_loaded(&loaded, &settings).ok().and_then(|o| o.rendered).map(|r| r.html);
            (*i, *spot, html)
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut embeds = Vec::new();
    for (i, spot, html) in made.iter() {
        if let Some(html) = html
            && seen.insert(html.clone())
        {
            embeds.push((format!("vector #{i} {:?} in {spot}", vectors[*i]), html.clone()));
        }
    }
    (embeds, jobs.len())
}

/// A fresh nonce (no `rand` needed: the hasher's keys are random per process).
fn nonce() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(Instant::now().elapsed().as_nanos());
    format!("{:016x}", h.finish())
}

const PER_PAGE: usize = 100;
const HARNESS: &str = include_str!("browser/harness.js");

/// Load `embeds` in Chromium, `PER_PAGE` to a page, once per mode; the failures, described.
fn run_embeds_in_chromium(embeds: &[(String, String)]) -> (Vec<String>, usize) {
    let site = Site::start();
    let mut browser = Browser::launch();
    let tab = browser.open_tab();
    let mut failures = Vec::new();
    let mut loads = 0;
    for (page_no, chunk) in embeds.chunks(PER_PAGE).enumerate() {
        for mode in ["live", "csp"] {
            let n = nonce();
            let csp = if mode == "csp" {
                format!(
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'nonce-{n}' 'report-sample'; object-src 'none'; \
                     base-uri 'none'; form-action 'none'; frame-src 'none'; worker-src 'none'\">\n"
                )
            } else {
                String::new()
            };
            let mut page = format!(
                "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n{csp}<script nonce=\"{n}\">{}</script>\n</head><body>\n",
                HARNESS.replace("__NONCE__", &n).replace("__MODE__", mode)
            );
            for (i, (_, html)) in chunk.iter().enumerate() {
                page.push_str(&format!("<div data-embed=\"{i}\">\n{html}</div>\n"));
            }
            page.push_str("<div data-embed=\"end\"></div>\n</body></html>\n");
            let path = format!("/xss-{page_no}-{mode}.html");
            site.page(&path, page);
            let url = site.url(&path);
            browser.take_events();
            browser.navigate(&tab, &url);
            loads += 1;
            let read = format!("document.documentElement.getAttribute('data-xss-{n}')");
            let deadline = Instant::now() + Duration::from_secs(30);
            let report = loop {
                let report: Option<Value> = browser.eval(&tab, &read).as_str().and_then(|s| serde_json::from_str(s).ok());
                match report {
                    Some(r) if r["done"] == json!(true) => break Some(r),
                    _ if Instant::now() > deadline => break None,
                    _ => std::thread::sleep(Duration::from_millis(25)),
                }
            };
            let label = |e: &Value| -> String {
                e.as_str().and_then(|s| s.parse::<usize>().ok()).and_then(|i| chunk.get(i)).map_or_else(|| format!("page {path}, {e}"), |(l, _)| l.clone())
            };
            match report {
                None => failures.push(format!("{path} ({mode}): no harness report (the page navigated away, or the harness was defeated)")),
                Some(report) => {
                    for hit in report["hits"].as_array().into_iter().flatten() {
                        failures.push(format!("EXECUTED ({mode}, {}): {} {} — {}", hit["phase"], hit["kind"], hit["detail"], label(&hit["embed"])));
                    }
                    for finding in report["findings"].as_array().into_iter().flatten() {
                        failures.push(format!("FOUND ({mode}, {}): {} {} — {}", finding["phase"], finding["kind"], finding["detail"], label(&finding["embed"])));
                    }
                }
            }
            if browser.eval(&tab, "location.href") != json!(url) {
                failures.push(format!("{path}: the page navigated away"));
            }
            let events = browser.take_events();
            for (kind, request) in requests(&events) {
                let pixel = kind == "Image" && request.starts_with("https://px.example/p.gif?");
                if !(pixel || request == url || request == site.url("/favicon.ico")) {
                    failures.push(format!("{path} ({mode}): unexpected request: {kind} {request}"));
                }
            }
            for line in console(&events) {
                if !(line.starts_with("log (\"network\"") && line.contains("Failed to load resource")) {
                    failures.push(format!("{path} ({mode}): {line}"));
                }
            }
        }
    }
    (failures, loads)
}

fn check_vectors_in_chromium(name: &str, vectors: &[String]) {
    let started = Instant::now();
    let (embeds, pages) = distinct_embeds(vectors);
    assert!(embeds.len() > 50, "only {} distinct embeds from {pages} pages", embeds.len());
    let made = started.elapsed();
    let (failures, loads) = run_embeds_in_chromium(&embeds);
    assert!(failures.is_empty(), "{} problems in Chromium:\n{}", failures.len(), failures.join("\n"));
    eprintln!(
        "browser: {name}: {} vectors, {pages} pages, {} distinct embeds, {loads} page loads in Chromium: nothing ran ({:.1} s to make, {:.1} s in Chromium)",
        vectors.len(),
        embeds.len(),
        made.as_secs_f64(),
        (started.elapsed() - made).as_secs_f64()
    );
}

#[test]
fn xss_project_vectors_run_nothing_in_chromium() {
    let (_, vectors) = crate::security::project_vectors();
    assert!(vectors.len() >= 150, "the project's vector set");
    check_vectors_in_chromium("tests/data/xss-vectors.json", &vectors);
}

/// The whole shared corpus (../shared/xss/*.json): `scripts/xss-browser-check`.
#[test]
#[ignore = "minutes: run by scripts/xss-browser-check (REPUBLISH_XSS_FULL=1)"]
fn xss_shared_vectors_run_nothing_in_chromium() {
    let Some((vectors, _)) = crate::security::shared_vectors() else {
        eprintln!("browser: NOTICE: ../shared/xss not found: nothing to run");
        return;
    };
    check_vectors_in_chromium("../shared/xss", &vectors);
}

#[test]
fn the_harness_sees_execution() {
    // The harness must catch what it is there to catch: scripts, handlers fired on load or by
    // the trigger phase, javascript: URLs, markup that swallows the next embed.
    let embeds: Vec<(String, String)> = [
        "<p>plain text, nothing runs</p>",
        "<script>document.body.dataset.ran = 1</script>",
        "<img src=\"https://px.example/x.png\" onerror=\"alert(1)\">",
        "<p onclick=\"document.title = 'x'\">handler without a sink</p>",
        "<a href=\"jav&#x09;ascript:alert(1)\">link</a>",
        "<textarea>swallows the rest",
    ]
    .iter()
    .map(|s| (s.to_string(), s.to_string()))
    .collect();
    let (failures, _) = run_embeds_in_chromium(&embeds);
    let all = failures.join("\n");
    let about = |needle: &str| failures.iter().filter(|f| f.contains(needle)).cloned().collect::<Vec<_>>();
    assert!(about("plain text").is_empty(), "false alarm:\n{all}");
    assert!(about("<script>").iter().any(|f| f.contains("csp:script-src-elem")), "inline script not reported:\n{all}");
    assert!(about("onerror").iter().any(|f| f.contains("call:alert")), "handler calling alert not caught:\n{all}");
    assert!(about("onclick").iter().any(|f| f.contains("csp:script-src-attr")), "a fired handler not reported:\n{all}");
    assert!(about("ascript:alert").iter().any(|f| f.contains("FOUND") && f.contains("url")), "javascript: URL not found:\n{all}");
    assert!(all.contains("swallowed"), "a swallowing embed not found:\n{all}");
}
