//! The pipeline stage by stage (decode, parse, extract, judge, clean, render) beside a bare
//! html5ever parse of the same bytes (the floor), on three inputs: every fixture page (one
//! iteration = all of them), a generated 150 KB article page and a generated 1 MB one (same
//! generator, for the linearity target: the 1 MB page should cost at most 8x the 150 KB page).
//!
//!     cargo bench --bench pipeline                 # all
//!     cargo bench --bench pipeline -- 1mb          # one input
//!     cargo bench --bench pipeline -- floor        # one stage
//!
//! The whole-corpus numbers and the peers are in `scripts/bench-peers`; docs/performance.md has
//! the results.

mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use republish::extract::{Article, Head};
use republish::load::Loaded;
use republish::parse::Page;
use republish::{Settings, clean, extract, judge, parse, render, safety};

fn decode(bytes: &[u8]) -> Loaded {
    let (html, encoding) = republish::load::decode(bytes, None).expect("decodable page");
    Loaded { html, url: None, encoding: encoding.name() }
}

fn extract_page<'a>(page: &'a Page, settings: &'a Settings) -> Option<Article<'a>> {
    let head = Head::read(page);
    let profile = extract::pick_profile_with(page, &head, settings.profile.as_ref(), &settings.builtins, &settings.extract);
    extract::extract_with(page, &head, profile, &settings.extract).ok()
}

fn inputs() -> Vec<(&'static str, Vec<Vec<u8>>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures: Vec<Vec<u8>> = common::fixture_pages(root).into_iter().filter_map(|(_, p)| std::fs::read(p).ok()).collect();
    vec![
        ("fixtures", fixtures),
        ("150kb", vec![common::article_page(150_000).into_bytes()]),
        ("1mb", vec![common::article_page(1_000_000).into_bytes()]),
    ]
}

fn stages(c: &mut Criterion) {
    let mut settings = Settings::default();
    settings.extract.base_url = url::Url::parse("https://bench.invalid/page/").ok();
    for (name, pages) in inputs() {
        let bytes: u64 = pages.iter().map(|p| p.len() as u64).sum();
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(bytes));
        if name == "1mb" {
            group.sample_size(10);
        }
        let loaded: Vec<Loaded> = pages.iter().map(|b| decode(b)).collect();
        let prune = settings.prune();
        // Pages, articles and cleaned bodies prepared once, for the stages that start from them.
        let parsed: Vec<Page> = loaded.iter().map(|l| parse::parse_pruned(l, &settings.limits, &prune).expect("fixture pages parse")).collect();
        let articles: Vec<Article<'_>> = parsed.iter().filter_map(|p| extract_page(p, &settings)).collect();
        let cleaned: Vec<clean::Cleaned> = articles.iter().map(clean::clean).collect();

        group.bench_function(BenchmarkId::new("decode", name), |b| b.iter(|| pages.iter().map(|p| decode(black_box(p)).html.len()).sum::<usize>()));
        group.bench_function(BenchmarkId::new("floor-html5ever-parse", name), |b| {
            b.iter(|| loaded.iter().map(|l| scraper::Html::parse_document(black_box(&l.html)).tree.nodes().count()).sum::<usize>())
        });
        group.bench_function(BenchmarkId::new("parse", name), |b| {
            b.iter(|| loaded.iter().map(|l| parse::parse_pruned(black_box(l), &settings.limits, &prune).map_or(0, |p| p.flattened_tags)).sum::<usize>())
        });
        group.bench_function(BenchmarkId::new("extract", name), |b| {
            b.iter(|| parsed.iter().filter_map(|p| extract_page(black_box(p), &settings)).map(|a| a.meta.title.map_or(0, |t| t.len())).sum::<usize>())
        });
        group.bench_function(BenchmarkId::new("judge", name), |b| b.iter(|| articles.iter().filter(|a| judge::judge(black_box(a)).eligible).count()));
        group.bench_function(BenchmarkId::new("clean", name), |b| b.iter(|| articles.iter().map(|a| clean::clean(black_box(a)).html.len()).sum::<usize>()));
        group.bench_function(BenchmarkId::new("render", name), |b| {
            b.iter(|| {
                articles
                    .iter()
                    .zip(&cleaned)
                    .filter_map(|(a, c)| {
                        let rendered = render::render(&a.meta, black_box(c), a.profile).ok()?;
                        let canonical = a.meta.canonical_url.as_ref().or(a.meta.page_url.as_ref()).map_or("", url::Url::as_str);
                        Some(safety::check_embed(&rendered.html, a.profile, rendered.pixel_url.as_deref(), canonical).len())
                    })
                    .sum::<usize>()
            })
        });
        group.bench_function(BenchmarkId::new("pipeline", name), |b| {
            b.iter(|| loaded.iter().filter(|l| republish::process_loaded(black_box(l), &settings).is_ok()).count())
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2)).sample_size(20);
    targets = stages
}
criterion_main!(benches);
