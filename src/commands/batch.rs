//! `republish batch INPUT... --out-dir DIR`: the `embed` pipeline over many inputs, in parallel.
//!
//! Inputs stream in (arguments, then `--list`; directories walked lazily) through `par_bridge`
//! into a local rayon pool, so only the pages being processed are in memory. Each task calls
//! [`republish::process`], writes its outputs atomically and sends back one owned
//! [`ReportLine`], which is appended to `DIR/report.ndjson` at once: a run killed at any point
//! leaves complete outputs, at most one cut-short report line and some temp files, all of which
//! the next run (`--resume`) cleans up.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::iter::{ParallelBridge, ParallelIterator};
use republish::Settings;
use republish::batch::{Names, PastReport, ReportLine, Status, base_name};
use republish::load::Source;

use crate::Exit;
use crate::cli::{BatchArgs, BatchFormat};
use crate::output::{self, UsageError};

/// Concurrent fetches per host, for URL inputs.
const PER_HOST: usize = 2;
/// Stack of each worker thread: deep (prescan-bounded) pages still recurse in the parser.
const STACK: usize = 8 * 1024 * 1024;
/// The report's file name in the output directory.
const REPORT: &str = "report.ndjson";

pub fn run(args: &BatchArgs) -> Result<Exit> {
    let started = Instant::now();
    let settings = crate::config::settings(&args.pipeline)?;
    if args.inputs.iter().any(|a| a == "-") {
        bail!(UsageError("batch reads no page from stdin: give files, directories or URLs, or a list with --list -".into()));
    }
    if args.list.as_deref() == Some("-") && args.inputs.is_empty() && std::io::stdin().is_terminal() {
        eprintln!("republish: reading inputs from stdin, one per line");
    }
    let jobs = args.jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, usize::from), usize::from);
    let dir = &args.out_dir;
    // The report: on --resume, keep the lines of inputs already done (and whose output is still
    // there), drop failures (they are retried) and a line cut short; then append.
    let report_path = dir.join(REPORT);
    let past = if args.resume { read_past(&report_path, dir)? } else { PastReport::default() };
    let done: HashSet<String> = past.done.keys().cloned().collect();
    // Before anything is written: a bad --list is a usage error that leaves DIR as it was.
    let stream = inputs(args, done.clone())?;

    fs::create_dir_all(dir).with_context(|| format!("{}: cannot create the output directory", dir.display()))?;
    remove_stale_temps(dir)?;
    output::write_atomic(&report_path, past.kept.concat().as_bytes())?;
    let report = OpenOptions::new().append(true).open(&report_path).with_context(|| format!("{}: cannot open", report_path.display()))?;
    let mut names = Names::new();
    for written in &past.written {
        names.take(&name_of(Path::new(written)));
    }
    let already = done.len();

    let progress = Progress::new(std::io::stderr().is_terminal());
    if progress.shown() && args.list.as_deref() != Some("-") {
        // Count the inputs on the side, for the ETA; the run does not wait for it.
        let (args, bar) = (args.clone(), progress.bar.clone());
        std::thread::spawn(move || {
            if let Ok(inputs) = inputs(&args, done) {
                bar.set_length(inputs.count() as u64);
            }
        });
    }

    let run = Run {
        settings,
        args,
        dir,
        names: Mutex::new(names),
        hosts: HostLimits::default(),
        report: Mutex::new(report),
        report_error: Mutex::new(None),
        stop: AtomicBool::new(false),
        counts: [AtomicUsize::new(0), AtomicUsize::new(0), AtomicUsize::new(0)],
        progress,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .stack_size(STACK)
        .thread_name(|i| format!("republish-batch-{i}"))
        .build()
        .context("cannot start the worker threads")?;
    let stop = &run.stop;
    let stream = stream.take_while(|_| !stop.load(Ordering::Relaxed));
    pool.install(|| stream.par_bridge().for_each(|input| run.one(&input)));
    run.progress.bar.finish_and_clear();

    if let Some(err) = run.report_error.lock().unwrap_or_else(PoisonError::into_inner).take() {
        return Err(err);
    }
    let [ok, refused, failed] = run.counts.each_ref().map(|c| c.load(Ordering::Relaxed));
    let resumed = if already > 0 { format!(" ({already} already done)") } else { String::new() };
    eprintln!("{ok} ok, {refused} refused, {failed} failed in {:.1} s{resumed}", started.elapsed().as_secs_f64());
    Ok(if failed > 0 { Exit::Error } else { Exit::Success })
}

/// Remove the temp files a killed run left in `dir` (`output::write_atomic`'s `.republish-*.tmp`).
fn remove_stale_temps(dir: &Path) -> Result<()> {
    let entries = fs::read_dir(dir).with_context(|| format!("{}: cannot read the output directory", dir.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(".republish-") && name.ends_with(".tmp") {
            fs::remove_file(entry.path()).with_context(|| format!("{}: cannot remove a stale temp file", entry.path().display()))?;
        }
    }
    Ok(())
}

/// The existing report, for `--resume` (none yet is fine).
fn read_past(path: &Path, dir: &Path) -> Result<PastReport> {
    let text = match fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(PastReport::default()),
        Err(e) => return Err(anyhow!(e).context(format!("{}: cannot read", path.display()))),
    };
    // Outputs are looked up in DIR by file name, so a report survives a change of directory.
    // An empty output is what a power cut can leave of a file written without --sync: redo it.
    let whole = |name: &std::ffi::OsStr| fs::metadata(dir.join(name)).is_ok_and(|m| m.is_file() && m.len() > 0);
    Ok(PastReport::parse(&text, |output| Path::new(output).file_name().is_some_and(whole)))
}

/// The files written for one story.
struct Written {
    output: PathBuf,
    preview: Option<PathBuf>,
}

/// The name an output file was reserved under: `story-2` for `story-2.html`, `.json` and
/// `.preview.html` alike.
fn name_of(path: &Path) -> String {
    let file = path.file_name().map(|f| f.to_string_lossy()).unwrap_or_default();
    let name = file.strip_suffix(".preview.html").or_else(|| file.rsplit_once('.').map(|(stem, _)| stem));
    name.unwrap_or(&file).to_owned()
}

/// One input: its name in the report, and where to load it from (or why it cannot be).
struct Input {
    name: String,
    source: Result<Source, String>,
}

impl Input {
    fn from_arg(arg: &str) -> Input {
        let source = if arg == "-" {
            Err("stdin is not an input in batch".to_owned())
        } else {
            Source::from_arg(arg).map_err(|e| e.to_string())
        };
        Input { name: arg.to_owned(), source }
    }
}

type Inputs = Box<dyn Iterator<Item = Input> + Send>;

/// Every input, lazily: the arguments, then the `--list` lines; directories expand to their
/// `*.html` and `*.htm` files (recursively, sorted by name). An input given twice, or already done
/// (`done`), is skipped.
fn inputs(args: &BatchArgs, mut done: HashSet<String>) -> Result<Inputs> {
    let list: Box<dyn Iterator<Item = Result<String, Input>> + Send> = match args.list.as_deref() {
        None => Box::new(std::iter::empty()),
        Some(list) => {
            let reader: Box<dyn Read + Send> = if list == "-" {
                Box::new(std::io::stdin())
            } else {
                Box::new(File::open(list).map_err(|e| UsageError(format!("--list {list}: {}", io_message(&e))))?)
            };
            let name = list.to_owned();
            let mut failed = false;
            let lines = BufReader::new(reader).lines().map_while(move |line| match line {
                _ if failed => None,
                Ok(line) => Some(Ok(line.trim().to_owned())),
                // Reported once, as an input that failed; the rest of the list is lost.
                Err(e) => {
                    failed = true;
                    Some(Err(Input { name: name.clone(), source: Err(format!("cannot read the list: {}", io_message(&e))) }))
                }
            });
            Box::new(lines.filter(|l| l.as_ref().is_err() || l.as_ref().is_ok_and(|l| !l.is_empty() && !l.starts_with('#'))))
        }
    };
    let all = args.inputs.clone().into_iter().map(Ok).chain(list).flat_map(|item| match item {
        Ok(arg) => expand(&arg),
        Err(input) => Box::new(std::iter::once(input)),
    });
    Ok(Box::new(all.filter(move |input| done.insert(input.name.clone()))))
}

/// One argument or list line to its inputs.
fn expand(arg: &str) -> Inputs {
    let input = Input::from_arg(arg);
    let dir = match &input.source {
        Ok(Source::File(path)) if path.is_dir() => path.clone(),
        _ => return Box::new(std::iter::once(input)),
    };
    let walk = walkdir::WalkDir::new(dir).follow_links(true).sort_by_file_name().into_iter();
    Box::new(walk.filter_map(|entry| match entry {
        Ok(entry) => {
            let html = entry.path().extension().is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
            (html && !entry.file_type().is_dir()).then(|| Input {
                name: entry.path().display().to_string(),
                source: Ok(Source::File(entry.path().to_path_buf())),
            })
        }
        // An unreadable subdirectory or a symlink loop is an input that failed.
        Err(err) => {
            let name = err.path().unwrap_or(Path::new("?")).display().to_string();
            let message = err.io_error().map_or_else(|| "symlink loop".to_owned(), io_message);
            Some(Input { name, source: Err(message) })
        }
    }))
}

fn io_message(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "file not found".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => err.to_string(),
    }
}

/// The shared state of a run.
struct Run<'a> {
    settings: Settings,
    args: &'a BatchArgs,
    dir: &'a Path,
    names: Mutex<Names>,
    hosts: HostLimits,
    report: Mutex<File>,
    report_error: Mutex<Option<anyhow::Error>>,
    stop: AtomicBool,
    /// ok, refused, failed.
    counts: [AtomicUsize; 3],
    progress: Progress,
}

impl Run<'_> {
    /// Process one input and append its report line.
    fn one(&self, input: &Input) {
        if self.stop.load(Ordering::Relaxed) {
            return;
        }
        let started = Instant::now();
        let mut line = self.process(input);
        line.ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.record(&line);
    }

    fn process(&self, input: &Input) -> ReportLine {
        let source = match &input.source {
            Ok(source) => source,
            Err(message) => return ReportLine::error(&input.name, message, 0),
        };
        let result = {
            let _permit = match source {
                Source::Url(url) => Some(self.hosts.acquire(url.host_str().unwrap_or_default())),
                _ => None,
            };
            republish::process(source, &self.settings)
        };
        let outcome = match result {
            Ok(outcome) => outcome,
            Err(err) => return ReportLine::error(&input.name, &err.to_string(), 0),
        };
        let json = self.args.format == BatchFormat::Json;
        let (output, preview) = if outcome.rendered.is_some() || json || self.args.preview {
            let stem = match source {
                Source::File(path) => path.file_stem().map(|s| s.to_string_lossy().into_owned()),
                Source::Url(url) => url.path_segments().and_then(|mut s| s.rfind(|s| !s.is_empty())).map(str::to_owned),
                Source::Stdin => None,
            };
            let base = base_name([outcome.meta.slug.as_deref(), outcome.meta.post_id.as_deref(), stem.as_deref()]);
            let name = self.names.lock().unwrap_or_else(PoisonError::into_inner).reserve(&base);
            match self.write(&name, &outcome, json) {
                // A refused story with only its preview written has no output.
                Ok(written) => ((outcome.rendered.is_some() || json).then_some(written.output), written.preview),
                Err(err) => return ReportLine::error(&input.name, &format!("{err:#}"), 0),
            }
        } else {
            (None, None)
        };
        let meta = &outcome.meta;
        ReportLine {
            input: input.name.clone(),
            status: if outcome.verdict.eligible { Status::Ok } else { Status::Refused },
            output: output.map(|p| p.display().to_string()),
            preview: preview.map(|p| p.display().to_string()),
            title: meta.title.clone(),
            canonical_url: meta.canonical_url.as_ref().or(meta.page_url.as_ref()).map(|u| u.to_string()),
            source: outcome.verdict.source.clone(),
            reasons: outcome.verdict.reasons.clone(),
            error: None,
            warnings: outcome.warnings.clone(),
            ms: 0,
        }
    }

    /// Write `name.html` (when eligible), `name.json` (with `--format json`) and
    /// `name.preview.html` (with `--preview`): the path of the file in the requested format, and
    /// of the preview.
    fn write(&self, name: &str, outcome: &republish::Outcome, json: bool) -> Result<Written> {
        let sync = self.args.sync;
        let preview = if self.args.preview {
            let path = self.dir.join(format!("{name}.preview.html"));
            let page = republish::preview::preview_with(outcome, &self.settings);
            output::write_atomic_synced(&path, page.as_bytes(), sync)?;
            Some(path)
        } else {
            None
        };
        let html = self.dir.join(format!("{name}.html"));
        if let Some(rendered) = &outcome.rendered {
            output::write_atomic_synced(&html, rendered.html.as_bytes(), sync)?;
        }
        if !json {
            return Ok(Written { output: html, preview });
        }
        let path = self.dir.join(format!("{name}.json"));
        let content = serde_json::to_string_pretty(&outcome.json())? + "\n";
        output::write_atomic_synced(&path, content.as_bytes(), sync)?;
        Ok(Written { output: path, preview })
    }

    /// Append the line to the report (one write, straight to the file), count it, show it.
    fn record(&self, line: &ReportLine) {
        let text = line.to_ndjson();
        let written = self.report.lock().unwrap_or_else(PoisonError::into_inner).write_all(text.as_bytes());
        if let Err(err) = written {
            self.stop.store(true, Ordering::Relaxed);
            let mut slot = self.report_error.lock().unwrap_or_else(PoisonError::into_inner);
            slot.get_or_insert_with(|| anyhow!(err).context(format!("{}: cannot write", self.dir.join(REPORT).display())));
            return;
        }
        let slot = match line.status {
            Status::Ok => 0,
            Status::Refused => 1,
            Status::Error => 2,
        };
        self.counts[slot].fetch_add(1, Ordering::Relaxed);
        if line.status == Status::Error {
            if self.args.fail_fast {
                self.stop.store(true, Ordering::Relaxed);
            }
            let failed = self.counts[2].load(Ordering::Relaxed);
            self.progress.failure(line.error.as_deref().unwrap_or_default(), failed);
        }
        self.progress.bar.inc(1);
    }
}

/// The progress bar on stderr, when it is a terminal; hidden otherwise.
struct Progress {
    bar: ProgressBar,
}

impl Progress {
    fn new(shown: bool) -> Progress {
        if !shown {
            return Progress { bar: ProgressBar::hidden() };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} pages  {rate}  ETA {eta}  {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .with_key("rate", |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0} pages/s", state.per_sec());
            })
            .progress_chars("=> ");
        bar.set_style(style);
        bar.set_message("0 failed");
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress { bar }
    }

    fn shown(&self) -> bool {
        !self.bar.is_hidden()
    }

    fn failure(&self, message: &str, failed: usize) {
        if self.shown() {
            self.bar.println(format!("republish: {message}"));
            self.bar.set_message(format!("{failed} failed"));
        }
    }
}

/// At most [`PER_HOST`] loads at a time from any one host.
#[derive(Default)]
struct HostLimits {
    active: Mutex<HashMap<String, usize>>,
    freed: Condvar,
}

struct Permit<'a> {
    limits: &'a HostLimits,
    host: String,
}

impl HostLimits {
    fn acquire(&self, host: &str) -> Permit<'_> {
        let mut active = self.active.lock().unwrap_or_else(PoisonError::into_inner);
        while active.get(host).is_some_and(|n| *n >= PER_HOST) {
            active = self.freed.wait(active).unwrap_or_else(PoisonError::into_inner);
        }
        *active.entry(host.to_owned()).or_default() += 1;
        Permit { limits: self, host: host.to_owned() }
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut active = self.limits.active.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = active.get_mut(&self.host) {
            *n -= 1;
            if *n == 0 {
                active.remove(&self.host);
            }
        }
        drop(active);
        self.limits.freed.notify_all();
    }
}
