//! The command line: exit codes, one-line errors naming the input, stdin, atomic `-o`, profiles.

use crate::util::{Test, fixture, root};

fn bad(name: &str) -> std::path::PathBuf {
    root().join("fixtures/bad").join(name)
}

#[test]
fn embed_writes_the_snippet_to_stdout() {
    Test::new()
        .arg("embed")
        .arg(fixture("forward-original"))
        .run()
        .status(0)
        .stdout_has("<link rel=\"canonical\" href=\"https://forward.com/news/612457/brooklyn-shul-solar-roof-block-cooperative/\">")
        .stdout_has("post_id=612457&amp;url=https%3A%2F%2Fforward.com%2F");
}

#[test]
fn stdin_is_dash() {
    let page = std::fs::read(fixture("forward-original")).unwrap();
    let from_file = Test::new().arg("embed").arg(fixture("forward-original")).run().status(0).stdout();
    Test::new().args(["embed", "-"]).stdin(page).run().status(0).stdout_is(&from_file);
}

#[test]
fn bad_inputs_are_one_line_errors_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let made = tempfile::tempdir().unwrap();
    // Within the depth limit, but every stray end tag makes the parser scan 500 open elements.
    let misnested = made.path().join("misnested.html");
    std::fs::write(&misnested, format!("<title>t</title>{}{}", "<span>".repeat(500), "</x>".repeat(20_000))).unwrap();
    let cases: Vec<(std::path::PathBuf, &str)> = vec![
        (root().join("fixtures/does-not-exist.html"), "file not found"),
        (root().join("fixtures"), "is a directory"),
        (bad("empty.html"), "empty"),
        (bad("image.png"), "PNG"),
        (bad("doc.pdf"), "PDF"),
        (bad("archive.html.gz"), "gzip"),
        (bad("notes.txt"), "plain text"),
        (bad("invalid-utf8.html"), "invalid UTF-8"),
        (bad("no-article.html"), "no article"),
        (misnested, "too misnested to parse"),
    ];
    for (path, needle) in cases {
        let out = dir.path().join("out.html");
        Test::new()
            .arg("embed")
            .arg(&path)
            .args(["-o", out.to_str().unwrap()])
            .run()
            .status(1)
            .one_line_error(needle)
            .stderr_has(&path.display().to_string());
        assert!(!out.exists(), "{}: output written for a bad input", path.display());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(leftovers.is_empty(), "{}: temp files left: {leftovers:?}", path.display());
    }
}

#[test]
fn unreadable_file_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.html");
    std::fs::copy(fixture("plain-cms"), &path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything: only assert where permissions bite.
    if std::fs::read(&path).is_err() {
        Test::new().arg("embed").arg(&path).run().status(1).one_line_error("permission denied");
    } else {
        Test::new().arg("embed").arg(&path).run().status(0);
    }
}

#[test]
fn output_file_is_written_atomically_and_replaces_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("embed.html");
    std::fs::write(&out, "old").unwrap();
    Test::new().arg("embed").arg(fixture("plain-cms")).args(["-o", out.to_str().unwrap()]).run().status(0);
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.starts_with("<link rel=\"canonical\""), "{written}");
    // A failing run leaves the previous output as it was.
    Test::new().arg("embed").arg(bad("empty.html")).args(["-o", out.to_str().unwrap()]).run().status(1);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), written);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "temp files left behind");
}

#[cfg(unix)]
#[test]
fn output_files_get_ordinary_permissions_and_keep_a_replaced_files() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let tmp = tempfile::tempdir().unwrap();
    // What any new file gets under this umask (the child inherits it): readable by a web server,
    // not the 0600 of a temp file.
    let reference = tmp.path().join("reference");
    std::fs::write(&reference, "x").unwrap();
    let out = tmp.path().join("new.html");
    Test::new().arg("embed").arg(fixture("plain-cms")).args(["-o", out.to_str().unwrap()]).run().status(0);
    assert_eq!(mode(&out), mode(&reference), "a new output");
    let private = tmp.path().join("private.html");
    std::fs::write(&private, "old").unwrap();
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o640)).unwrap();
    Test::new().arg("embed").arg(fixture("plain-cms")).args(["-o", private.to_str().unwrap()]).run().status(0);
    assert_eq!(mode(&private), 0o640, "a replaced output keeps its mode");
    assert!(std::fs::read_to_string(&private).unwrap().contains("<p>"));
}

#[test]
fn usage_errors_exit_2() {
    Test::new().args(["embed"]).run().status(2);
    Test::new().args(["embed", "x.html", "--format", "pdf"]).run().status(2);
    Test::new().args(["frobnicate"]).run().status(2);
    Test::new().arg("embed").arg(fixture("plain-cms")).args(["--profile", "no-such-profile"]).run().status(2).one_line_error("unknown profile");
    Test::new().arg("embed").arg(fixture("plain-cms")).args(["--base-url", "ftp://x.org/"]).run().status(2).one_line_error("--base-url");
}

#[test]
fn help_documents_exit_codes() {
    Test::new().args(["embed", "--help"]).run().status(0).stdout_has("3  refused").stdout_has("2  usage error");
}

#[test]
fn profiles_list_and_show() {
    Test::new().arg("profiles").run().status(0).stdout_has("generic").stdout_has("forward");
    let toml = Test::new().args(["profiles", "show", "forward"]).run().status(0).stdout();
    assert!(toml.contains("CC BY-NC-ND 4.0") && toml.contains("{post_id}"), "{toml}");
    // What `show` prints is a valid profile to start from.
    let dir = tempfile::tempdir().unwrap();
    let custom = dir.path().join("mine.toml");
    std::fs::write(&custom, toml.replace("name = \"forward\"", "name = \"mine\"")).unwrap();
    Test::new().arg("embed").arg(fixture("forward-original")).arg("--profile").arg(&custom).run().status(0).stdout_has("forward.com/wp-json/republish");
}

#[test]
fn base_url_resolves_links_when_the_page_has_no_canonical() {
    let page = "<html><head><title>T</title></head><body><article><h1>Quiet harbor gets a new ferry</h1>\
        <p>The town council approved a <a href=\"/ferry/plan\">new ferry plan</a> on Monday night, after two years of debate about cost and noise on the water.</p>\
        <p>Residents of the north shore, who now drive forty minutes around the bay, said the crossing would change their lives.</p></article></body></html>";
    Test::new().args(["embed", "-"]).stdin(page).run().status(1).one_line_error("no canonical URL");
    Test::new()
        .args(["embed", "-", "--base-url", "https://harbor.example/news/ferry"])
        .stdin(page)
        .run()
        .status(0)
        .stdout_has("href=\"https://harbor.example/ferry/plan\"")
        .stdout_has("<link rel=\"canonical\" href=\"https://harbor.example/news/ferry\">");
    // A base URL copied from a newsletter's link: the embed links the story without its tracking.
    Test::new()
        .args(["embed", "-", "--base-url", "https://harbor.example/news/ferry?utm_source=newsletter&id=7&fbclid=abc"])
        .stdin(page)
        .run()
        .status(0)
        .stdout_has("<link rel=\"canonical\" href=\"https://harbor.example/news/ferry?id=7\">")
        .stdout_lacks("utm_source")
        .stdout_lacks("fbclid");
}

#[test]
fn generic_profile_warns_that_there_is_no_pixel() {
    Test::new().arg("embed").arg(fixture("plain-cms")).run().status(0).stderr_has("no tracking pixel").stdout_lacks("<img");
}

/// Serve `body` with `content_type` for `requests` requests on a loopback port.
fn serve(body: Vec<u8>, content_type: &'static str, requests: usize) -> String {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let addr = format!("http://{}", server.server_addr().to_ip().unwrap());
    std::thread::spawn(move || {
        for request in server.incoming_requests().take(requests) {
            let header = tiny_http::Header::from_bytes("Content-Type", content_type).unwrap();
            let _ = request.respond(tiny_http::Response::from_data(body.clone()).with_header(header));
        }
    });
    addr
}

#[test]
fn embed_fetches_a_url() {
    // windows-1252 bytes, declared only by the HTTP header; the canonical link is relative, so it
    // resolves against the URL the page was fetched from.
    let page = "<html><head><title>Caf\u{e9} owners \u{201c}surprised\u{201d} by rent vote</title>\
        <link rel=\"canonical\" href=\"/news/cafe-rent.html\"></head><body><article>\
        <h1>Caf\u{e9} owners \u{201c}surprised\u{201d} by rent vote</h1><p>By Ana Lou</p>\
        <p>The owners of the Caf\u{e9} Mirador said on Tuesday that they were \u{201c}surprised\u{201d} by the council\u{2019}s vote to raise rents on city-owned storefronts \u{2014} by 40 percent.</p>\
        <p>The council said the increase, the first in twelve years, would bring the rents in line with <a href=\"/news/market-rents.html\">market rates</a>.</p>\
        </article></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
    let addr = serve(bytes.into_owned(), "text/html; charset=windows-1252", 1);
    Test::new()
        .args(["embed", &format!("{addr}/news/cafe-rent.html")])
        .run()
        .status(0)
        .stdout_has(&format!("<link rel=\"canonical\" href=\"{addr}/news/cafe-rent.html\">"))
        .stdout_has("Caf\u{e9} Mirador said on Tuesday that they were \u{201c}surprised\u{201d}")
        .stdout_has(&format!("href=\"{addr}/news/market-rents.html\""));
}

#[test]
fn a_page_fetched_from_another_site_than_its_canonical_is_refused() {
    // The saved page names www.marlowvalleycourier.com as canonical; served from loopback it is a
    // copy on another site.
    let addr = serve(std::fs::read(fixture("windows-1252")).unwrap(), "text/html", 1);
    Test::new()
        .args(["embed", &format!("{addr}/copy.html")])
        .run()
        .status(3)
        .stderr_has("not republishable: originated with marlowvalleycourier.com")
        .stdout_is("");
}

#[test]
fn embed_refuses_what_is_not_html_over_http() {
    let addr = serve(b"%PDF-1.4 not a page".to_vec(), "application/pdf", 1);
    Test::new().args(["embed", &format!("{addr}/report.pdf")]).run().status(1).one_line_error("not an HTML page");
    Test::new().args(["embed", "ftp://example.org/page.html"]).run().status(1).one_line_error("unsupported URL scheme");
    Test::new().args(["embed", "file:///etc/passwd"]).run().status(1).one_line_error("unsupported URL scheme");
}

#[test]
fn check_gives_one_verdict_per_input() {
    let original = fixture("forward-original");
    let wire = fixture("forward-staff-jta-dateline");
    Test::new().arg("check").arg(&original).run().status(0).stdout_has("eligible");
    let run = Test::new().arg("check").arg(&original).arg(&wire).args(["--format", "json"]).run().status(3);
    let lines: Vec<serde_json::Value> = run.stdout().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout());
    assert_eq!(lines[0]["eligible"], true);
    assert_eq!(lines[1]["eligible"], false);
    assert_eq!(lines[1]["source"], "JTA");
    assert_eq!(lines[1]["reasons"][0]["signal"], "dateline");
    assert_eq!(lines[1]["canonical_url"].as_str().map(|u| u.starts_with("https://forward.com/")), Some(true));
    // A failing input is reported and the others still run; failure beats refusal in the exit code.
    let run = Test::new().arg("check").arg(&wire).arg(root().join("fixtures/bad/empty.html")).args(["--format", "json"]).run().status(1);
    let lines: Vec<serde_json::Value> = run.stdout().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["eligible"], false);
    assert!(lines[1]["error"].as_str().is_some_and(|e| e.contains("empty")), "{}", run.stdout());
    Test::new().arg("check").arg(&wire).run().status(3).stdout_has("refused: originated with JTA");
}
