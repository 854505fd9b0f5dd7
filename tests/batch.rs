//! `republish batch`: one report line per input, complete outputs with unique names, failures
//! reported but not fatal, and `--resume` after a kill.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{Run, Test, fixture, root};

/// Fixtures copied into the mixed input directory.
const STORIES: [&str; 3] = ["forward-original", "wordpress-block", "forward-jta-byline"];

/// Whether the fixture's meta.json expects the story to be eligible.
fn expected_eligible(case: &str) -> bool {
    let meta: Value = serde_json::from_str(&std::fs::read_to_string(root().join("fixtures").join(case).join("meta.json")).unwrap()).unwrap();
    meta["expect"]["eligible"].as_bool().unwrap_or(true)
}

/// The report, as JSON values; every line must be complete JSON.
fn report(out: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(out.join("report.ndjson")).expect("report written");
    assert!(text.is_empty() || text.ends_with('\n'), "report ends mid-line:\n{text}");
    text.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("report line is not JSON ({e}): {l}"))).collect()
}

/// Report lines by input; panics on a duplicate.
fn by_input(lines: &[Value]) -> HashMap<String, Value> {
    let mut map = HashMap::new();
    for line in lines {
        let input = line["input"].as_str().expect("input is a string").to_owned();
        assert!(map.insert(input.clone(), line.clone()).is_none(), "{input} reported twice");
    }
    map
}

/// Files in `dir` (names only).
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

fn assert_no_temp_files(dir: &Path) {
    let temps: Vec<String> = files(dir).into_iter().filter(|n| n.starts_with(".republish-") || n.ends_with(".tmp")).collect();
    assert!(temps.is_empty(), "temp files left: {temps:?}");
}

/// The summary line, as (ok, refused, failed).
fn summary(run: &Run) -> (usize, usize, usize) {
    let stderr = run.stderr();
    let line = stderr.lines().last().unwrap_or_default();
    let re = regex::Regex::new(r"^(\d+) ok, (\d+) refused, (\d+) failed in \d+\.\d s").unwrap();
    let caps = re.captures(line).unwrap_or_else(|| panic!("no summary line in stderr:\n{stderr}"));
    let n = |i: usize| caps[i].parse::<usize>().unwrap();
    (n(1), n(2), n(3))
}

fn embed(input: &Path) -> String {
    Test::new().arg("embed").arg(input).run().status(0).stdout()
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn mixed_inputs_give_one_report_line_each() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(input.join("nested")).unwrap();
    for case in STORIES {
        std::fs::copy(fixture(case), input.join(format!("{case}.html"))).unwrap();
    }
    // Broken inputs: empty, binary under an .html name, no article; a sub-directory; a file the
    // walker skips (not .html).
    std::fs::copy(root().join("fixtures/bad/empty.html"), input.join("empty.html")).unwrap();
    std::fs::copy(root().join("fixtures/bad/image.png"), input.join("nested/image.html")).unwrap();
    std::fs::write(input.join("invalid.htm"), "<p><<<>>").unwrap();
    std::fs::write(input.join("notes.txt"), "not an input").unwrap();
    // The list names a missing file, a binary file, and (again) an input from the directory.
    let list = tmp.path().join("list.txt");
    let missing = tmp.path().join("missing.html");
    let png = root().join("fixtures/bad/image.png");
    let again = input.join("wordpress-block.html");
    std::fs::write(&list, format!("# inputs\n{}\n\n{}\n{}\n", missing.display(), png.display(), again.display())).unwrap();
    let out = tmp.path().join("out");

    let run = Test::new()
        .arg("batch")
        .arg(&input)
        .args(["--list", path_str(&list), "--out-dir", path_str(&out)])
        .run()
        .status(1);
    assert!(run.stdout().is_empty(), "batch prints nothing on stdout");

    let lines = report(&out);
    let lines = by_input(&lines);
    let name = |p: PathBuf| p.display().to_string();
    let mut expected: HashMap<String, &str> = HashMap::new();
    for case in STORIES {
        expected.insert(name(input.join(format!("{case}.html"))), if expected_eligible(case) { "ok" } else { "refused" });
    }
    for broken in [input.join("empty.html"), input.join("nested/image.html"), input.join("invalid.htm"), missing.clone(), png.clone()] {
        expected.insert(name(broken), "error");
    }
    let got: HashMap<String, &str> = lines.iter().map(|(k, v)| (k.clone(), v["status"].as_str().unwrap())).collect();
    assert_eq!(got, expected, "report statuses");

    let (mut ok, mut refused, mut failed) = (0, 0, 0);
    for (input_name, line) in &lines {
        for key in ["input", "status", "output", "title", "canonical_url", "source", "reasons", "error", "ms"] {
            assert!(line.get(key).is_some(), "{input_name}: report line lacks {key}: {line}");
        }
        match line["status"].as_str().unwrap() {
            "ok" => {
                ok += 1;
                let output = PathBuf::from(line["output"].as_str().expect("ok has an output"));
                assert_eq!(output.parent(), Some(out.as_path()), "{input_name}: output outside --out-dir");
                let written = std::fs::read_to_string(&output).expect("output exists");
                assert_eq!(written, embed(Path::new(input_name)), "{input_name}: output differs from embed's");
                assert!(line["title"].is_string() && line["canonical_url"].is_string(), "{line}");
                assert!(line["error"].is_null(), "{line}");
            }
            "refused" => {
                refused += 1;
                assert!(line["output"].is_null(), "refused stories get no HTML: {line}");
                assert!(line["source"].is_string(), "{line}");
                assert!(!line["reasons"].as_array().unwrap().is_empty(), "{line}");
            }
            _ => {
                failed += 1;
                let error = line["error"].as_str().expect("error has a message");
                assert!(error.starts_with(&format!("{input_name}: ")) && !error.contains('\n'), "{error}");
                assert!(line["output"].is_null(), "{line}");
            }
        }
    }
    let messages: HashMap<&str, &str> = lines.iter().filter_map(|(k, v)| Some((k.as_str(), v["error"].as_str()?))).collect();
    assert!(messages[name(missing).as_str()].ends_with("file not found"), "{messages:?}");
    assert!(messages[name(png).as_str()].contains("PNG"), "{messages:?}");
    assert!(messages[name(input.join("empty.html")).as_str()].contains("empty"), "{messages:?}");
    assert_eq!(summary(&run), (ok, refused, failed));
    // Only the eligible stories' HTML and the report.
    let outputs = files(&out);
    assert_eq!(outputs.len(), ok + 1, "{outputs:?}");
    assert_no_temp_files(&out);
}

#[test]
fn refusals_alone_exit_0_and_json_covers_them() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let inputs: Vec<PathBuf> = STORIES.iter().map(|c| fixture(c)).collect();
    let run = Test::new()
        .arg("batch")
        .args(inputs.iter().map(|p| path_str(p)))
        .args(["--format", "json", "--jobs", "2", "--out-dir", path_str(&out)])
        .run()
        .status(0);
    let eligible = STORIES.iter().filter(|c| expected_eligible(c)).count();
    assert_eq!(summary(&run), (eligible, STORIES.len() - eligible, 0));
    for line in report(&out) {
        let output = PathBuf::from(line["output"].as_str().expect("with --format json every story has an output"));
        assert_eq!(output.extension().unwrap(), "json");
        let json: Value = serde_json::from_str(&std::fs::read_to_string(&output).unwrap()).unwrap();
        assert_eq!(json["eligibility"]["eligible"].as_bool(), Some(line["status"] == "ok"), "{line}");
        assert_eq!(output.with_extension("html").exists(), line["status"] == "ok", "{line}");
        if line["status"] == "refused" {
            assert!(json["html"].is_null());
        }
    }
    assert_no_temp_files(&out);
}

#[test]
fn names_never_collide() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    // Same slug three times; a page whose slug is another's name with "-2"; a page with no
    // canonical URL (named after its file).
    for copy in ["a", "b", "c"] {
        std::fs::copy(fixture("forward-original"), input.join(format!("{copy}.html"))).unwrap();
    }
    let page = std::fs::read_to_string(fixture("forward-original")).unwrap();
    std::fs::write(input.join("d.html"), page.replace("brooklyn-shul-solar-roof-block-cooperative/", "brooklyn-shul-solar-roof-block-cooperative-2/")).unwrap();
    let out = tmp.path().join("out");
    Test::new().arg("batch").arg(&input).args(["--jobs", "2", "--out-dir", path_str(&out)]).run().status(0);
    let lines = report(&out);
    assert_eq!(lines.len(), 4);
    let outputs: HashSet<&str> = lines.iter().map(|l| l["output"].as_str().unwrap()).collect();
    assert_eq!(outputs.len(), 4, "outputs collide: {outputs:?}");
    for output in &outputs {
        let name = Path::new(output).file_stem().unwrap().to_str().unwrap();
        assert!(name.starts_with("brooklyn-shul-solar-roof-block-cooperative"), "{name}");
        assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{name}");
        assert!(!std::fs::read_to_string(output).unwrap().is_empty());
    }
    assert_eq!(files(&out).len(), 5);
}

#[test]
fn resume_never_reuses_a_refused_storys_preview_name() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(fixture("forward-jta-byline"), input.join("refused.html")).unwrap();
    let out = tmp.path().join("out");
    let args = ["batch", path_str(&input), "--preview", "--out-dir", path_str(&out)];
    Test::new().args(args).run().status(0);
    let first = report(&out);
    assert_eq!(first.len(), 1);
    assert_eq!(first[0]["status"], "refused", "{}", first[0]);
    assert!(first[0]["output"].is_null(), "{}", first[0]);
    let preview = PathBuf::from(first[0]["preview"].as_str().expect("the refused story's preview is reported"));
    let refused_page = std::fs::read_to_string(&preview).expect("preview written");

    // An eligible story with the same slug arrives later: it gets a name of its own.
    let page = std::fs::read_to_string(fixture("forward-original")).unwrap();
    let same_slug = page.replace("news/612457/brooklyn-shul-solar-roof-block-cooperative/", "fast-forward/612811/vienna-kosher-bakery-reopens-after-arson/");
    assert_ne!(same_slug, page);
    std::fs::write(input.join("later.html"), same_slug).unwrap();
    Test::new().args(args).arg("--resume").run().status(0);
    let lines = by_input(&report(&out));
    let later = &lines[&input.join("later.html").display().to_string()];
    assert_eq!(later["status"], "ok", "{later}");
    let later_preview = later["preview"].as_str().unwrap();
    assert_ne!(Path::new(later_preview), preview, "the later story overwrote the refused story's preview");
    assert!(later["output"].as_str().unwrap().ends_with("vienna-kosher-bakery-reopens-after-arson-2.html"), "{later}");
    assert_eq!(std::fs::read_to_string(&preview).unwrap(), refused_page, "the refused story's preview changed");
}

#[test]
fn list_from_stdin_and_fail_fast() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let list = format!("{}\n{}\n", fixture("plain-cms").display(), fixture("wordpress-block").display());
    let run = Test::new().args(["batch", "--list", "-", "--out-dir", path_str(&out)]).stdin(list).run().status(0);
    assert_eq!(summary(&run), (2, 0, 0));

    // The first input fails: nothing else is started.
    let out = tmp.path().join("fail-fast");
    let broken = root().join("fixtures/bad/empty.html");
    let run = Test::new()
        .arg("batch")
        .arg(&broken)
        .arg(fixture("plain-cms"))
        .arg(fixture("wordpress-block"))
        .args(["--jobs", "1", "--fail-fast", "--out-dir", path_str(&out)])
        .run()
        .status(1);
    assert_eq!(summary(&run), (0, 0, 1));
    assert_eq!(report(&out).len(), 1);
}

#[test]
fn usage_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    Test::new().arg("batch").arg(fixture("plain-cms")).run().status(2);
    Test::new().args(["batch", "--out-dir", path_str(&out)]).run().status(2);
    Test::new().arg("batch").arg(fixture("plain-cms")).args(["--jobs", "0", "--out-dir", path_str(&out)]).run().status(2);
    Test::new().args(["batch", "-", "--out-dir", path_str(&out)]).run().status(2).one_line_error("--list -");
    Test::new()
        .args(["batch", "--list", path_str(&tmp.path().join("nope.txt")), "--out-dir", path_str(&out)])
        .run()
        .status(2)
        .one_line_error("file not found");
    assert!(!out.exists(), "a usage error wrote to the output directory");
}

/// `count` pages from plain-cms with distinct slugs, except every tenth, which share one.
fn generate(dir: &Path, count: usize) -> Vec<PathBuf> {
    let page = std::fs::read_to_string(fixture("plain-cms")).unwrap();
    assert!(page.contains("library-sunday-hours-volunteers"));
    std::fs::create_dir_all(dir).unwrap();
    (0..count)
        .map(|i| {
            let slug = if i % 10 == 0 { "shared-story".to_owned() } else { format!("library-sunday-hours-{i}") };
            let path = dir.join(format!("page-{i:04}.html"));
            std::fs::write(&path, page.replace("library-sunday-hours-volunteers", &slug).replace("Millbrook", &format!("Millbrook {i}"))).unwrap();
            path
        })
        .collect()
}

#[test]
fn resume_after_kill_completes_without_duplicates() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let pages = generate(&input, 300);
    let out = tmp.path().join("out");
    let args = ["batch", path_str(&input), "--jobs", "1", "--out-dir", path_str(&out)];

    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("republish"))
        .args(args)
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("binary runs");
    let report_path = out.join("report.ndjson");
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let lines = std::fs::read_to_string(&report_path).map(|t| t.lines().count()).unwrap_or(0);
        if lines >= 20 || Instant::now() > deadline || child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("SIGKILL");
    child.wait().unwrap();
    let before = std::fs::read_to_string(&report_path).unwrap();
    assert!(before.lines().count() < pages.len(), "the run finished before it was killed");

    // What a kill in the middle of writing leaves: a line cut short, a temp file.
    let mut cut = before.clone();
    cut.push_str(&format!("{{\"input\":\"{}\",\"status\":\"ok\",\"out", pages[299].display()));
    std::fs::write(&report_path, cut).unwrap();
    std::fs::write(out.join(".republish-AbC123.tmp"), "<p>half an emb").unwrap();

    let run = Test::new().args(args).arg("--resume").run().status(0);
    let done_before = before.lines().count();
    assert_eq!(summary(&run), (pages.len() - done_before, 0, 0));
    assert!(run.stderr().contains(&format!("({done_before} already done)")), "{}", run.stderr());

    let lines = report(&out);
    assert_eq!(lines.len(), pages.len(), "one line per input");
    let lines = by_input(&lines);
    let expected: HashSet<String> = pages.iter().map(|p| p.display().to_string()).collect();
    assert_eq!(lines.keys().cloned().collect::<HashSet<_>>(), expected);
    let mut outputs = HashSet::new();
    for (input, line) in &lines {
        assert_eq!(line["status"], "ok", "{input}: {line}");
        let output = line["output"].as_str().unwrap();
        assert!(outputs.insert(output.to_owned()), "{output} written for two inputs");
        let html = std::fs::read_to_string(output).unwrap_or_else(|_| panic!("{output} missing"));
        assert!(html.starts_with("<link rel=\"canonical\"") && html.contains("Millbrook"), "{output} is not a whole embed");
    }
    let shared = outputs.iter().filter(|o| o.contains("shared-story")).count();
    assert_eq!(shared, 30, "shared slugs were deduplicated");
    assert_eq!(files(&out).len(), pages.len() + 1, "outputs and the report, nothing else");
    assert_no_temp_files(&out);

    // Nothing left to do.
    let run = Test::new().args(args).arg("--resume").run().status(0);
    assert_eq!(summary(&run), (0, 0, 0));
    assert_eq!(report(&out).len(), pages.len());
}

#[test]
fn urls_are_fetched_at_most_two_at_a_time_per_host() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind loopback"));
    let port = server.server_addr().to_ip().unwrap().port();
    let page = std::fs::read_to_string(fixture("plain-cms")).unwrap();
    let (active, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    for _ in 0..6 {
        let (server, page, active, most) = (server.clone(), page.clone(), active.clone(), most.clone());
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let now = active.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(150));
                let slug = request.url().trim_matches('/').to_owned();
                let body = page.replace("library-sunday-hours-volunteers", &slug);
                let header = tiny_http::Header::from_bytes("Content-Type", "text/html; charset=utf-8").unwrap();
                active.fetch_sub(1, Ordering::SeqCst);
                let _ = request.respond(tiny_http::Response::from_string(body).with_header(header));
            }
        });
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let urls: Vec<String> = (0..6).map(|i| format!("http://127.0.0.1:{port}/story-{i}")).collect();
    let run = Test::new().arg("batch").args(&urls).args(["--jobs", "6", "--out-dir", path_str(&out)]).run().status(0);
    // Served from 127.0.0.1 with a canonical URL elsewhere, the judge may refuse the copies: what
    // matters here is that every URL was fetched and processed.
    let (ok, refused, failed) = summary(&run);
    assert_eq!((ok + refused, failed), (6, 0));
    let lines = by_input(&report(&out));
    for url in &urls {
        assert!(lines[url]["title"].as_str().unwrap().contains("Millbrook"), "{}", lines[url]);
    }
    let most = most.load(Ordering::SeqCst);
    assert!((1..=2).contains(&most), "{most} requests at once to one host");
}
