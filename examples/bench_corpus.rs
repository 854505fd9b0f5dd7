//! In-process timing of the pipeline against a bare html5ever parse of the same pages (the floor).
//!
//! Every page is read and kept in memory first; then, per pass and per page, the bare parse
//! (`scraper::Html::parse_document`, the parser and tree the pipeline uses) and
//! `republish::process_loaded` run back to back, so that drift in machine load hits both alike.
//! A second, staged run of the same pipeline splits the time into decode, parse (prescan +
//! html5ever), extract (profile pick + body + metadata), judge, clean and render (+ safety check).
//!
//!     cargo run --release --example bench_corpus -- [--passes K] [--warmup N] [--json OUT] PATH...
//!
//! PATH: HTML files, directories (walked for `*.html`), or `gen:BYTES` for a generated article page
//! of about that size (e.g. `gen:150000`, `gen:1000000`). Per page the median over the passes is
//! kept; the table gives the mean and the median of those over the pages, and the ratio to the floor.

#[path = "../benches/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use republish::load::Loaded;
use republish::{Settings, clean, extract, judge, parse, render, safety};

struct Page {
    name: String,
    bytes: Vec<u8>,
    settings: Settings,
}

const STAGES: [&str; 6] = ["decode", "parse", "extract", "judge", "clean", "render"];

fn main() {
    let mut passes = 5usize;
    let mut warmup = 1usize;
    let mut json_out: Option<PathBuf> = None;
    let mut inputs = Vec::new();
    let mut profile_only = false;
    let mut dump: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--passes" => passes = args.next().and_then(|v| v.parse().ok()).expect("--passes N"),
            "--warmup" => warmup = args.next().and_then(|v| v.parse().ok()).expect("--warmup N"),
            "--json" => json_out = args.next().map(PathBuf::from),
            // For callgrind/perf: only `process_loaded`, once per page, no timing.
            "--profile" => profile_only = true,
            // Write each page's JSON report (or error) to DIR, to check that an optimisation
            // changes no output: dump before and after, then `diff -r`.
            "--dump" => dump = args.next().map(PathBuf::from),
            "-h" | "--help" => {
                eprintln!("usage: bench_corpus [--passes K] [--warmup N] [--json OUT] PATH|gen:BYTES...");
                return;
            }
            _ => inputs.push(a),
        }
    }
    let passes = passes.max(1);
    let base = Settings::default();
    let mut pages = Vec::new();
    for input in &inputs {
        if let Some(size) = input.strip_prefix("gen:") {
            let size: usize = size.parse().expect("gen:BYTES");
            pages.push(Page { name: format!("generated-{size}"), bytes: common::article_page(size).into_bytes(), settings: base.clone() });
        } else {
            let mut files = Vec::new();
            collect(Path::new(input), &mut files);
            files.sort();
            for f in files {
                let bytes = std::fs::read(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
                let name = f.to_string_lossy().into_owned();
                let mut settings = base.clone();
                // As scripts/eval does: a base URL so that relative links resolve.
                settings.extract.base_url = url::Url::parse("https://corpus.invalid/page/").ok();
                pages.push(Page { name, bytes, settings });
            }
        }
    }
    if pages.is_empty() {
        eprintln!("bench_corpus: no pages");
        std::process::exit(2);
    }
    // Decoded once, outside the timers, for the floor and the headline pipeline timing.
    let loaded: Vec<Loaded> = pages.iter().map(|p| decode(&p.bytes)).collect();
    if let Some(dir) = &dump {
        std::fs::create_dir_all(dir).expect("dump dir");
        for (i, (page, l)) in pages.iter().zip(&loaded).enumerate() {
            let text = match republish::process_loaded(l, &page.settings) {
                Ok(outcome) => serde_json::to_string_pretty(&outcome.json()).expect("json"),
                Err(e) => format!("error: {e}"),
            };
            let stem = page.name.rsplit('/').take(2).collect::<Vec<_>>().join("-");
            std::fs::write(dir.join(format!("{i:04}-{stem}.json")), text).expect("write");
        }
        return;
    }
    if profile_only {
        for (page, l) in pages.iter().zip(&loaded) {
            let _ = std::hint::black_box(republish::process_loaded(l, &page.settings));
        }
        return;
    }
    let total_bytes: usize = pages.iter().map(|p| p.bytes.len()).sum();

    for _ in 0..warmup {
        for (page, l) in pages.iter().zip(&loaded) {
            std::hint::black_box(scraper::Html::parse_document(&l.html));
            let _ = std::hint::black_box(republish::process_loaded(l, &page.settings));
        }
    }
    let n = pages.len();
    let mut floor = vec![Vec::with_capacity(passes); n];
    let mut pipeline = vec![Vec::with_capacity(passes); n];
    let mut stages = vec![vec![Vec::with_capacity(passes); STAGES.len()]; n];
    let mut failures = 0usize;
    let mut pass_totals = Vec::new();
    for pass in 0..passes {
        let mut total = (Duration::ZERO, Duration::ZERO);
        for (i, (page, l)) in pages.iter().zip(&loaded).enumerate() {
            let t = Instant::now();
            std::hint::black_box(scraper::Html::parse_document(&l.html));
            let f = t.elapsed();
            let t = Instant::now();
            let r = std::hint::black_box(republish::process_loaded(l, &page.settings));
            let p = t.elapsed();
            if pass == 0 && r.is_err() {
                failures += 1;
            }
            drop(r);
            floor[i].push(f);
            pipeline[i].push(p);
            total.0 += f;
            total.1 += p;
            for (s, d) in staged(&page.bytes, &page.settings).into_iter().enumerate() {
                stages[i][s].push(d);
            }
        }
        pass_totals.push(total);
    }

    let med = |v: &[Duration]| -> f64 {
        let mut v: Vec<f64> = v.iter().map(|d| d.as_secs_f64() * 1e3).collect();
        v.sort_by(f64::total_cmp);
        if v.len() % 2 == 1 { v[v.len() / 2] } else { (v[v.len() / 2 - 1] + v[v.len() / 2]) / 2.0 }
    };
    let floor_pp: Vec<f64> = floor.iter().map(|v| med(v)).collect();
    let pipe_pp: Vec<f64> = pipeline.iter().map(|v| med(v)).collect();
    let stage_pp: Vec<Vec<f64>> = (0..STAGES.len()).map(|s| stages.iter().map(|p| med(&p[s])).collect()).collect();
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let median = |v: &[f64]| {
        let mut v = v.to_vec();
        v.sort_by(f64::total_cmp);
        if v.len() % 2 == 1 { v[v.len() / 2] } else { (v[v.len() / 2 - 1] + v[v.len() / 2]) / 2.0 }
    };
    let ratios: Vec<f64> = pipe_pp.iter().zip(&floor_pp).map(|(p, f)| p / f).collect();
    let rss = peak_rss_kb();

    println!("{} pages, {:.1} MB, {} passes after {} warm-up, {} not processed (no article / error)", n, total_bytes as f64 / 1e6, passes, warmup, failures);
    println!("{:<28} {:>10} {:>10} {:>10}", "per page, ms", "mean", "median", "x floor");
    let fm = mean(&floor_pp);
    println!("{:<28} {:>10.3} {:>10.3} {:>10}", "html5ever parse (floor)", fm, median(&floor_pp), "1.00");
    println!("{:<28} {:>10.3} {:>10.3} {:>10.2}", "republish process_loaded", mean(&pipe_pp), median(&pipe_pp), mean(&pipe_pp) / fm);
    println!("  staged run:");
    for (s, name) in STAGES.iter().enumerate() {
        println!("  {:<26} {:>10.3} {:>10.3} {:>10.2}", name, mean(&stage_pp[s]), median(&stage_pp[s]), mean(&stage_pp[s]) / fm);
    }
    println!(
        "per-page ratio pipeline/floor: median {:.2}, worst {:.2}; pass totals (floor, pipeline) s: {}",
        median(&ratios),
        ratios.iter().copied().fold(0.0, f64::max),
        pass_totals.iter().map(|(f, p)| format!("({:.3}, {:.3})", f.as_secs_f64(), p.as_secs_f64())).collect::<Vec<_>>().join(" ")
    );
    println!("peak RSS {:.1} MB", rss as f64 / 1024.0);
    if std::env::var_os("BENCH_CORPUS_PER_PAGE").is_some() {
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|a, b| ratios[*b].total_cmp(&ratios[*a]));
        for i in order {
            println!("  {:>6.2}x {:>8.3} ms {:>8.3} ms floor  {}", ratios[i], pipe_pp[i], floor_pp[i], pages[i].name);
        }
    }
    if let Some(out) = json_out {
        let json = serde_json::json!({
            "pages": n,
            "bytes": total_bytes,
            "passes": passes,
            "warmup": warmup,
            "failures": failures,
            "peak_rss_kb": rss,
            "names": pages.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
            "floor_ms": floor_pp,
            "pipeline_ms": pipe_pp,
            "stages": STAGES.iter().enumerate().map(|(s, name)| (name.to_string(), serde_json::json!(stage_pp[s]))).collect::<serde_json::Map<_, _>>(),
            "pass_totals_s": pass_totals.iter().map(|(f, p)| [f.as_secs_f64(), p.as_secs_f64()]).collect::<Vec<_>>(),
        });
        std::fs::write(&out, serde_json::to_string(&json).expect("json")).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    }
}

fn decode(bytes: &[u8]) -> Loaded {
    let (html, encoding) = republish::load::decode(bytes, None).unwrap_or_else(|_| (String::from_utf8_lossy(bytes).into_owned(), encoding_rs::UTF_8));
    Loaded { html, url: None, encoding: encoding.name() }
}

/// `process_loaded`, stage by stage (keep in step with src/lib.rs).
fn staged(bytes: &[u8], settings: &Settings) -> [Duration; 6] {
    let mut out = [Duration::ZERO; 6];
    let t = Instant::now();
    let loaded = decode(bytes);
    out[0] = t.elapsed();
    let t = Instant::now();
    let parsed = parse::parse_pruned(&loaded, &settings.limits, &settings.prune());
    out[1] = t.elapsed();
    let Ok(page) = parsed else { return out };
    let t = Instant::now();
    let head = extract::Head::read(&page);
    let profile = extract::pick_profile_with(&page, &head, settings.profile.as_ref(), &settings.builtins, &settings.extract);
    let Ok(article) = extract::extract_with(&page, &head, profile, &settings.extract) else {
        out[2] = t.elapsed();
        return out;
    };
    out[2] = t.elapsed();
    let t = Instant::now();
    let verdict = judge::judge(&article);
    out[3] = t.elapsed();
    let t = Instant::now();
    let cleaned = clean::clean(&article);
    out[4] = t.elapsed();
    let t = Instant::now();
    if verdict.eligible
        && let Ok(rendered) = render::render(&article.meta, &cleaned, profile)
    {
        let canonical = article.meta.canonical_url.as_ref().or(article.meta.page_url.as_ref()).map_or("", url::Url::as_str);
        std::hint::black_box(safety::check_embed(&rendered.html, profile, rendered.pixel_url.as_deref(), canonical));
    }
    out[5] = t.elapsed();
    out
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
            collect(&entry.path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "html") && !path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("expected")) {
        out.push(path.to_owned());
    }
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}
