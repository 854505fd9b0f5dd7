//! `republish verify`: partner pages built from real embeds pasted into partner templates
//! (`fixtures/partner/`), broken one thing at a time; each breakage fails exactly its check.

use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use serde_json::Value;

use crate::util::{Test, fixture, root};

const CHECKS: &[&str] = &["canonical", "pixel", "byline", "credit", "text", "links", "images"];
const TEMPLATES: &[&str] = &["wordpress", "plain"];

/// A fixture's embed and head snippet, made by the binary itself.
struct Story {
    original: PathBuf,
    args: Vec<String>,
    html: String,
    head: String,
}

impl Story {
    fn new(case: &str, args: &[&str]) -> Story {
        let original = fixture(case);
        let args: Vec<String> = args.iter().map(|s| (*s).to_owned()).collect();
        let run = Test::new().arg("embed").arg(&original).args(&args).args(["--format", "json"]).run().status(0);
        let json = run.json();
        Story {
            original,
            args,
            html: json["html"].as_str().expect("html").to_owned(),
            head: json["head_html"].as_str().expect("head_html").to_owned(),
        }
    }

    /// The partner page: the embed pasted into a template, the head snippet in its head.
    fn page(&self, template: &str) -> String {
        let text = std::fs::read_to_string(root().join("fixtures/partner").join(format!("{template}.html"))).expect("template");
        assert!(text.contains("{{HEAD}}") && text.contains("{{EMBED}}"), "{template}: markers");
        text.replace("{{HEAD}}", &self.head).replace("{{EMBED}}", &self.html)
    }

    fn verify(&self, pages: &[&Path], extra: &[&str]) -> crate::util::Run {
        let mut test = Test::new().arg("verify");
        for page in pages {
            test = test.arg(page);
        }
        test.arg("--original").arg(&self.original).args(&self.args).args(extra).run()
    }
}

/// The forward-original story (the forward profile has a pixel).
fn forward() -> Story {
    Story::new("forward-original", &[])
}

/// The wordpress-block story with a small profile that has a pixel (the generic one has none).
fn lakeshore(dir: &Path) -> Story {
    let profile = dir.join("lakeshore.toml");
    std::fs::write(
        &profile,
        r#"name = "lakeshore"
publisher = "The Lakeshore Current"
domains = ["lakeshorecurrent.org"]
pixel = "https://stats.lakeshorecurrent.org/px.gif?id={post_id}&host={host}&slug={slug}"

[credit]
template = "This article first appeared in {publisher} and is republished here under a Creative Commons license."
position = "bottom"
"#,
    )
    .unwrap();
    Story::new("wordpress-block", &["--profile", profile.to_str().unwrap()])
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The checks that failed in one JSON report.
fn failed(report: &Value) -> Vec<String> {
    let checks = report["checks"].as_array().expect("checks");
    assert_eq!(checks.iter().map(|c| c["name"].as_str().unwrap()).collect::<Vec<_>>(), CHECKS, "check names and order");
    checks.iter().filter(|c| c["pass"] == false).map(|c| c["name"].as_str().unwrap().to_owned()).collect()
}

fn check<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["checks"].as_array().unwrap().iter().find(|c| c["name"] == name).expect("check")
}

/// Replace exactly one occurrence.
fn edit(page: &str, from: &str, to: &str) -> String {
    assert_eq!(page.matches(from).count(), 1, "{from:?} must occur once");
    page.replacen(from, to, 1)
}

/// Replace the head snippet (the embed repeats it in the body, where it does not count).
fn edit_head(story: &Story, page: &str, to: &str) -> String {
    let from = format!("{}\n", story.head);
    let at = page.find(&from).expect("head snippet");
    assert!(at < page.find("</head>").unwrap(), "the first canonical link is in the head");
    format!("{}{to}{}", &page[..at], &page[at + from.len()..])
}

/// Remove the element (one line of the embed) that starts with `start` and contains `needle`.
fn drop_line(page: &str, needle: &str) -> String {
    let lines: Vec<&str> = page.lines().filter(|l| l.contains(needle)).collect();
    assert_eq!(lines.len(), 1, "{needle:?} must be on one line");
    edit(page, &format!("{}\n", lines[0]), "")
}

/// One breakage: a name, the check it must fail, and the edit.
struct Breakage {
    name: &'static str,
    fails: &'static str,
    /// (story, page) -> the broken page.
    apply: fn(&Story, &str) -> String,
}

fn forward_breakages() -> Vec<Breakage> {
    vec![
        Breakage { name: "pixel removed", fails: "pixel", apply: |_, p| drop_line(p, "pixel.gif?post_id=") },
        Breakage {
            name: "pixel with &amp; left in",
            fails: "pixel",
            apply: |_, p| edit(p, "pixel.gif?post_id=612457&amp;url=", "pixel.gif?post_id=612457&amp;amp;url="),
        },
        Breakage {
            name: "pixel host changed",
            fails: "pixel",
            apply: |_, p| edit(p, "src=\"https://forward.com/wp-json/", "src=\"https://stats.valleyledger.example/wp-json/"),
        },
        Breakage {
            name: "pixel parameter dropped",
            fails: "pixel",
            apply: |_, p| {
                let start = p.find("&amp;url=https%3A").unwrap();
                let end = start + p[start..].find('"').unwrap();
                format!("{}{}", &p[..start], &p[end..])
            },
        },
        Breakage {
            name: "pixel lazy in a hidden block",
            fails: "pixel",
            apply: |_, p| {
                let line = p.lines().find(|l| l.contains("pixel.gif")).unwrap().to_owned();
                edit(p, &line, &format!("<div class=\"tracking\" style=\"display: none\">{}</div>", line.replace("<img ", "<img loading=\"lazy\" ")))
            },
        },
        Breakage { name: "canonical missing", fails: "canonical", apply: |s, p| edit_head(s, p, "") },
        Breakage {
            name: "canonical wrong",
            fails: "canonical",
            apply: |s, p| edit_head(s, p, "<link rel=\"canonical\" href=\"https://partner.example/2025/03/16/brooklyn-shul-solar/\">\n"),
        },
        Breakage { name: "byline removed", fails: "byline", apply: |_, p| drop_line(p, ">Miriam Kessler</a>, The Forward</p>") },
        Breakage { name: "credit removed", fails: "credit", apply: |_, p| drop_line(p, "This story was originally published by") },
        Breakage {
            name: "paragraph reworded",
            fails: "text",
            apply: |_, p| {
                edit(
                    p,
                    "a retired electrical engineer who sits on the synagogue’s building committee. He noticed that the roof produced far more power on summer Shabbat afternoons than the empty sanctuary could use, and that the surplus was being sold back to the grid for pennies.",
                    "a former utility engineer who serves on the synagogue’s building committee. He realized that the roof generated much more electricity on summer Saturday afternoons than the empty sanctuary needed, and that the extra was being sold to the utility for almost nothing.",
                )
            },
        },
        Breakage {
            name: "paragraph removed",
            fails: "text",
            apply: |_, p| drop_line(p, "The project drew attention online last fall"),
        },
        Breakage {
            name: "paragraph added",
            fails: "text",
            apply: |_, p| {
                let line = p.lines().find(|l| l.contains("The project drew attention online last fall")).unwrap().to_owned();
                edit(
                    p,
                    &line,
                    &format!(
                        "{line}\n<p>Editor’s note: The Valley Ledger asked local congregations whether they would consider a similar project. Three said they had already held meetings about rooftop solar, and a fourth said it was waiting to see how the Brooklyn cooperative fares through its second winter.</p>"
                    ),
                )
            },
        },
        Breakage {
            name: "link dropped",
            fails: "links",
            apply: |_, p| edit(p, "<a href=\"https://www.avenuejsolar.org/bylaws/\">cooperative’s bylaws</a>", "cooperative’s bylaws"),
        },
        Breakage {
            name: "link pointed elsewhere",
            fails: "links",
            apply: |_, p| edit(p, "<a href=\"https://www.avenuejsolar.org/annual-report-2024.pdf\">", "<a href=\"https://partner.example/go?to=report\">"),
        },
    ]
}

fn run_breakages(story: &Story, breakages: &[Breakage], dir: &Path) {
    for template in TEMPLATES {
        let page = story.page(template);
        let intact = write(dir, &format!("{template}-intact.html"), &page);
        let mut paths = vec![intact.clone()];
        for (n, breakage) in breakages.iter().enumerate() {
            paths.push(write(dir, &format!("{template}-{n}.html"), &(breakage.apply)(story, &page)));
        }
        let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
        let run = story.verify(&refs, &["--format", "json"]).status(4);
        let stdout = run.stdout();
        assert!(stdout.lines().all(|l| l.starts_with("{\"input\":")), "input comes first: {stdout}");
        let reports: Vec<Value> = stdout.lines().map(|l| serde_json::from_str(l).expect("a JSON object per line")).collect();
        assert_eq!(reports.len(), paths.len(), "one report per page");
        assert_eq!(reports[0]["input"], intact.to_str().unwrap());
        assert_eq!(failed(&reports[0]), Vec::<String>::new(), "{template}: the untouched copy passes: {:#}", reports[0]);
        assert_eq!(reports[0]["compliant"], true);
        for (breakage, report) in breakages.iter().zip(&reports[1..]) {
            assert_eq!(failed(report), vec![breakage.fails], "{template}: {} fails exactly {}: {:#}", breakage.name, breakage.fails, report);
            assert_eq!(report["compliant"], false);
        }
    }
}

#[test]
fn untouched_copies_comply() {
    let dir = tempfile::tempdir().unwrap();
    let story = forward();
    let pages: Vec<PathBuf> = TEMPLATES.iter().map(|t| write(dir.path(), &format!("{t}.html"), &story.page(t))).collect();
    let refs: Vec<&Path> = pages.iter().map(PathBuf::as_path).collect();
    let run = story.verify(&refs, &[]).status(0);
    let out = run.stdout();
    assert_eq!(out.matches("verdict: compliant").count(), 2, "{out}");
    for line in [
        "PASS canonical  https://forward.com/news/612457/brooklyn-shul-solar-roof-block-cooperative/",
        "PASS pixel      https://forward.com/wp-json/republish/v1/pixel.gif?post_id=612457&url=",
        "PASS byline     Miriam Kessler",
        "PASS credit     \"This story was originally published by The Forward.\" links https://forward.com/news/612457/",
        "PASS text       similarity 1.000 (threshold 0.98): 20 of 20 paragraphs found",
        "PASS links      7 of 7 links kept",
        "PASS images     none added",
    ] {
        assert!(out.contains(line), "stdout lacks {line:?}:\n{out}");
    }
}

#[test]
fn each_breakage_fails_exactly_its_check() {
    let dir = tempfile::tempdir().unwrap();
    run_breakages(&forward(), &forward_breakages(), dir.path());
}

#[test]
fn breakages_of_a_second_story() {
    let dir = tempfile::tempdir().unwrap();
    let story = lakeshore(dir.path());
    let breakages = vec![
        Breakage { name: "pixel removed", fails: "pixel", apply: |_, p| drop_line(p, "stats.lakeshorecurrent.org/px.gif") },
        Breakage {
            name: "pixel with &amp; left in",
            fails: "pixel",
            apply: |_, p| edit(p, "px.gif?id=24817&amp;host=", "px.gif?id=24817&amp;amp;host="),
        },
        Breakage { name: "pixel host changed", fails: "pixel", apply: |_, p| edit(p, "https://stats.lakeshorecurrent.org/px.gif", "https://lakeshorecurrent.org/px.gif") },
        Breakage { name: "canonical missing", fails: "canonical", apply: |s, p| edit_head(s, p, "") },
        Breakage { name: "byline removed", fails: "byline", apply: |_, p| drop_line(p, ">Ruben Castellano</a>, The Lakeshore Current</p>") },
        Breakage { name: "credit removed", fails: "credit", apply: |_, p| drop_line(p, "This article first appeared in") },
        Breakage { name: "paragraph removed", fails: "text", apply: |_, p| drop_line(p, "“We were teachers,” Coyle said.") },
        Breakage {
            name: "link dropped",
            fails: "links",
            apply: |_, p| edit(p, "<a href=\"https://www.epa.gov/dwsrf\">state revolving fund loans</a>", "state revolving fund loans"),
        },
    ];
    run_breakages(&story, &breakages, dir.path());
}

#[test]
fn failure_details_say_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let story = forward();
    let page = story.page("wordpress");
    let breakages = forward_breakages();
    let detail_of = |name: &str, check_name: &str| -> (String, Value) {
        let breakage = breakages.iter().find(|b| b.name == name).unwrap();
        let path = write(dir.path(), "broken.html", &(breakage.apply)(&story, &page));
        let report = story.verify(&[&path], &["--format", "json"]).status(4).json();
        let check = check(&report, check_name).clone();
        (check["detail"].as_str().unwrap().to_owned(), check)
    };
    assert!(detail_of("pixel removed", "pixel").0.starts_with("missing"));
    assert!(detail_of("pixel with &amp; left in", "pixel").0.contains("&amp; left encoded"));
    assert!(detail_of("pixel host changed", "pixel").0.contains("another host (stats.valleyledger.example)"));
    assert!(detail_of("pixel parameter dropped", "pixel").0.contains("dropped parameters: url"));
    let (detail, _) = detail_of("pixel lazy in a hidden block", "pixel");
    assert!(detail.contains("loading=lazy inside a hidden block (display:none on <div class=\"tracking\">)"), "{detail}");
    assert!(detail_of("canonical missing", "canonical").0.contains("is in the body, not the head"));
    assert!(detail_of("canonical wrong", "canonical").0.starts_with("points to https://partner.example/"));
    assert_eq!(detail_of("byline removed", "byline").0, "missing near the top of the article: Miriam Kessler");
    assert!(detail_of("credit removed", "credit").0.starts_with("missing"));

    let (detail, check) = detail_of("paragraph reworded", "text");
    assert!(detail.contains("1 changed") && !detail.contains("missing"), "{detail}");
    let diff = check["evidence"]["changed"][0]["diff"].as_str().unwrap();
    assert!(diff.contains("committee. He [-noticed-]{+realized+} that the roof [-produced far-]{+generated much+} more [-power-]{+electricity+}"), "{diff}");
    let (detail, check) = detail_of("paragraph removed", "text");
    assert!(detail.contains("1 missing"), "{detail}");
    assert!(check["evidence"]["missing"][0]["text"].as_str().unwrap().starts_with("The project drew attention"));
    let (detail, check) = detail_of("paragraph added", "text");
    assert!(detail.contains("1 added"), "{detail}");
    assert!(check["evidence"]["added"][0]["text"].as_str().unwrap().starts_with("Editor’s note"));
    let (_, check) = detail_of("link dropped", "links");
    assert_eq!(check["evidence"]["dropped"][0]["href"], "https://www.avenuejsolar.org/bylaws/");
    let (_, check) = detail_of("link pointed elsewhere", "links");
    assert_eq!(check["evidence"]["redirected"][0]["found"], "https://partner.example/go?to=report");
}

#[test]
fn text_format_lists_the_changes() {
    let dir = tempfile::tempdir().unwrap();
    let story = forward();
    let page = story.page("plain");
    let broken = edit(&page, "cut a <a href", "cut an unexpectedly large <a href");
    let broken = drop_line(&broken, "The project drew attention online last fall");
    let path = write(dir.path(), "partner.html", &broken);
    let out = story.verify(&[&path], &[]).status(4).stdout();
    assert!(out.starts_with(&format!("== {}\n", path.display())), "{out}");
    assert!(out.contains("FAIL text       similarity "), "{out}");
    assert!(out.contains("     missing #11: The project drew attention online last fall"), "{out}");
    assert!(out.contains("     changed #1 "), "{out}");
    assert!(out.contains("cut [-a-]{+an unexpectedly large+} winter utility bill"), "{out}");
    assert!(out.trim_end().ends_with("verdict: NOT compliant"), "{out}");
    // A lower threshold forgives the small change, not the missing paragraph.
    let report = story.verify(&[&path], &["--format", "json", "--threshold", "0.5"]).status(4).json();
    assert_eq!(failed(&report), vec!["text"]);
    // A three-word change alone is within the default threshold, not within a stricter one.
    let small = write(dir.path(), "partner2.html", &edit(&page, "cut a <a href", "cut an unexpectedly large <a href"));
    story.verify(&[&small], &[]).status(0).stdout_has("PASS text       similarity 0.996 (threshold 0.98): 20 of 20 paragraphs found, 1 changed");
    story.verify(&[&small], &["--threshold", "0.999"]).status(4);
}

#[test]
fn noindex_without_canonical_passes_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let story = forward();
    let page = edit_head(&story, &story.page("wordpress"), "<meta name=\"robots\" content=\"noindex, follow\">\n");
    let path = write(dir.path(), "noindex.html", &page);
    let report = story.verify(&[&path], &["--format", "json"]).status(0).json();
    assert_eq!(check(&report, "canonical")["detail"], "noindex, no canonical");
}

#[test]
fn added_images_are_information_only() {
    let dir = tempfile::tempdir().unwrap();
    let story = forward();
    let page = story.page("wordpress");
    let line = page.lines().find(|l| l.contains("When the board of Congregation Ohel Tikvah")).unwrap().to_owned();
    let page = edit(
        &page,
        &line,
        &format!("<figure class=\"wp-block-image\"><img src=\"https://valleyledger.example/wp-content/uploads/2025/03/solar-roof.jpg\" alt=\"Solar panels on a roof\"><figcaption>Photo: Valley Ledger staff</figcaption></figure>\n{line}"),
    );
    let path = write(dir.path(), "image.html", &page);
    let report = story.verify(&[&path], &["--format", "json"]).status(0).json();
    assert_eq!(failed(&report), Vec::<String>::new(), "{report:#}");
    let images = check(&report, "images");
    assert_eq!(images["evidence"]["added"][0]["src"], "https://valleyledger.example/wp-content/uploads/2025/03/solar-roof.jpg");
    assert!(images["detail"].as_str().unwrap().starts_with("1 added by the partner"));
}

#[test]
fn errors_do_not_stop_the_other_pages() {
    let dir = tempfile::tempdir().unwrap();
    let story = forward();
    let good = write(dir.path(), "good.html", &story.page("plain"));
    let missing = dir.path().join("missing.html");
    let run = story.verify(&[&missing, &good], &[]).status(1).one_line_error("file not found").stderr_has(missing.to_str().unwrap());
    assert!(run.stdout().contains("verdict: compliant"));
    let run = story.verify(&[&missing, &good], &["--format", "json"]).status(1);
    let lines: Vec<Value> = run.stdout().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(lines[0]["error"].as_str().unwrap().contains("file not found"));
    assert_eq!(lines[1]["compliant"], true);
    // An unreadable original is an error for the whole run.
    Test::new().arg("verify").arg(&good).arg("--original").arg(&missing).run().status(1).one_line_error("file not found");
    // Usage errors.
    Test::new().arg("verify").arg(&good).arg("--original").arg(&story.original).args(["--threshold", "1.5"]).run().status(2);
    Test::new().args(["verify", "-", "--original", "-"]).run().status(2);
}

#[test]
fn refused_original_has_nothing_to_verify() {
    let dir = tempfile::tempdir().unwrap();
    let story = forward();
    let good = write(dir.path(), "good.html", &story.page("plain"));
    Test::new().arg("verify").arg(&good).arg("--original").arg(fixture("forward-jta-byline")).run().status(3).stderr_has("not republishable");
}

#[test]
fn partner_page_on_stdin() {
    let story = forward();
    let run = Test::new().args(["verify", "-", "--original"]).arg(&story.original).stdin(story.page("wordpress")).run().status(0);
    assert!(run.stdout().starts_with("== -\n"));
}

/// Serves each path's body, for at most `max_requests` requests (each awaited up to 10 s).
fn serve(pages: Vec<(&'static str, String)>, max_requests: usize) -> String {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("bind loopback");
    let addr = server.server_addr().to_ip().expect("ip listener");
    thread::spawn(move || {
        for _ in 0..max_requests {
            let Ok(Some(request)) = server.recv_timeout(Duration::from_secs(10)) else { break };
            let header = tiny_http::Header::from_bytes("Content-Type", "text/html; charset=utf-8").unwrap();
            let response = match pages.iter().find(|(path, _)| *path == request.url()) {
                Some((_, body)) => tiny_http::Response::from_string(body.clone()).with_header(header),
                None => tiny_http::Response::from_string("not found").with_status_code(404),
            };
            let _ = request.respond(response);
        }
    });
    format!("http://{addr}")
}

#[test]
fn verifies_urls() {
    let story = forward();
    let original = std::fs::read_to_string(&story.original).unwrap();
    let good = story.page("wordpress");
    let broken = drop_line(&good, "pixel.gif?post_id=");
    let base = serve(vec![("/story.html", original), ("/partner/good.html", good), ("/partner/broken.html", broken)], 4);
    let run = Test::new()
        .arg("verify")
        .arg(format!("{base}/partner/good.html"))
        .arg(format!("{base}/partner/broken.html"))
        .arg(format!("{base}/partner/gone.html"))
        .args(["--original", &format!("{base}/story.html"), "--format", "json", "--timeout", "10"])
        .run()
        .status(1)
        .one_line_error("gone.html");
    let lines: Vec<Value> = run.stdout().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(failed(&lines[0]), Vec::<String>::new(), "{:#}", lines[0]);
    assert_eq!(failed(&lines[1]), vec!["pixel"]);
    assert!(lines[2]["error"].as_str().unwrap().contains("404"), "{}", lines[2]);
}
