//! The pure pieces of `republish batch`: output names (sanitized, deduplicated), the report line,
//! and reading back a report for `--resume`. The command layer does the running and the writing.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::judge::Reason;

/// Longest output name, before the "-N" that deduplicates it.
pub const MAX_NAME: usize = 80;

/// The outcome of one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The embed was built.
    Ok,
    /// The story is not republishable: a normal outcome.
    Refused,
    /// The input could not be processed.
    Error,
}

impl Status {
    /// Whether `--resume` skips an input with this status.
    pub fn is_done(self) -> bool {
        matches!(self, Status::Ok | Status::Refused)
    }
}

/// One line of `report.ndjson`.
#[derive(Debug, Clone, Serialize)]
pub struct ReportLine {
    /// The input as given (path, or URL).
    pub input: String,
    pub status: Status,
    /// The file written, if any.
    pub output: Option<String>,
    /// The editors' preview page written with `--preview` (for refused stories too).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preview: Option<String>,
    pub title: Option<String>,
    pub canonical_url: Option<String>,
    /// When refused: the outlet the story originated with, when known.
    pub source: Option<String>,
    /// When refused: every signal that fired.
    pub reasons: Vec<Reason>,
    /// When failed: one line, `<input>: <message>`.
    pub error: Option<String>,
    /// The pipeline's notes (no pixel, flattened nesting, ...).
    pub warnings: Vec<String>,
    /// Wall-clock time spent on this input, in milliseconds.
    pub ms: u64,
}

impl ReportLine {
    /// A line for an input that failed.
    pub fn error(input: &str, message: &str, ms: u64) -> ReportLine {
        // One line, always: a message never carries a newline into the NDJSON.
        let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
        ReportLine {
            input: input.to_owned(),
            status: Status::Error,
            output: None,
            preview: None,
            title: None,
            canonical_url: None,
            source: None,
            reasons: Vec::new(),
            error: Some(format!("{input}: {message}")),
            warnings: Vec::new(),
            ms,
        }
    }

    /// The line as NDJSON, newline included.
    pub fn to_ndjson(&self) -> String {
        let mut line = serde_json::to_string(self).expect("a report line serializes");
        line.push('\n');
        line
    }
}

/// The fields of a past report line that `--resume` needs.
#[derive(Debug, Clone, Deserialize)]
pub struct PastLine {
    pub input: String,
    pub status: Status,
    #[serde(default)]
    pub output: Option<String>,
    #[serde(default)]
    pub preview: Option<String>,
}

/// An existing report, read back for `--resume`.
#[derive(Debug, Default)]
pub struct PastReport {
    /// The raw lines (newline included) of inputs that are done, in order, last one per input.
    pub kept: Vec<String>,
    /// Those inputs, with their outputs.
    pub done: HashMap<String, Option<String>>,
    /// Every file name those inputs wrote (outputs and previews): a resumed run must not reuse them.
    pub written: Vec<String>,
    /// Lines dropped: failed inputs (retried), duplicates, or a line cut short by a kill.
    pub dropped: usize,
}

impl PastReport {
    /// Read a report: keep the last line of each input that is `ok` or `refused` and whose output
    /// still `exists`; drop everything else (errors are retried; a last line without its newline
    /// was cut short by a kill; anything that is not JSON is ignored).
    pub fn parse(text: &str, exists: impl Fn(&str) -> bool) -> PastReport {
        let mut lines: Vec<(String, Option<String>, Option<String>, String)> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut dropped = 0;
        for raw in text.split_inclusive('\n') {
            let parsed = raw.strip_suffix('\n').and_then(|l| serde_json::from_str::<PastLine>(l).ok());
            let Some(line) = parsed else {
                dropped += usize::from(!raw.trim().is_empty());
                continue;
            };
            // A later line for the same input replaces an earlier one.
            if let Some(i) = index.remove(&line.input) {
                lines[i].0.clear();
                dropped += 1;
            }
            let usable = line.status.is_done() && line.output.as_deref().is_none_or(&exists);
            if usable {
                index.insert(line.input.clone(), lines.len());
                lines.push((line.input, line.output, line.preview, raw.to_owned()));
            } else {
                dropped += 1;
            }
        }
        let mut report = PastReport { dropped, ..PastReport::default() };
        for (input, output, preview, raw) in lines {
            if !input.is_empty() && index.contains_key(&input) {
                report.kept.push(raw);
                report.written.extend(output.iter().chain(preview.iter()).cloned());
                report.done.insert(input, output);
            }
        }
        report
    }
}

/// `[a-z0-9-]` only, no leading, trailing or doubled dashes, at most [`MAX_NAME`] characters.
/// Letters lose their accents where ASCII has the base letter; anything else becomes a dash.
pub fn sanitize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len().min(MAX_NAME));
    let mut dash = false;
    for c in raw.chars().flat_map(char::to_lowercase) {
        let c = fold(c);
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
        if out.len() >= MAX_NAME {
            break;
        }
    }
    out.truncate(MAX_NAME);
    out.trim_end_matches('-').to_owned()
}

/// A few common accented letters to their ASCII base.
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

/// The base name of an output: the first candidate (slug, post id, file stem, ...) that is not
/// empty once sanitized, else "article".
pub fn base_name<'a>(candidates: impl IntoIterator<Item = Option<&'a str>>) -> String {
    candidates.into_iter().flatten().map(sanitize).find(|n| !n.is_empty()).unwrap_or_else(|| "article".to_owned())
}

/// The names given out in one output directory. `reserve` hands out `base`, else `base-2`,
/// `base-3`... — the first not taken, so the same order of requests gives the same names.
#[derive(Debug, Default)]
pub struct Names {
    taken: HashSet<String>,
}

impl Names {
    pub fn new() -> Names {
        Names::default()
    }

    /// Mark a name as used (an output already in the report, on `--resume`).
    pub fn take(&mut self, name: &str) {
        self.taken.insert(name.to_owned());
    }

    /// The first free name of `base`, `base-2`, `base-3`..., now taken.
    pub fn reserve(&mut self, base: &str) -> String {
        if self.taken.insert(base.to_owned()) {
            return base.to_owned();
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|name| !self.taken.contains(name))
            .inspect(|name| {
                self.taken.insert(name.clone());
            })
            .expect("some suffix is free")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_sanitized() {
        assert_eq!(sanitize("brooklyn-shul-solar-roof"), "brooklyn-shul-solar-roof");
        assert_eq!(sanitize("  Hello, World!  "), "hello-world");
        assert_eq!(sanitize("../../etc/passwd"), "etc-passwd");
        assert_eq!(sanitize("Café_Ñandú--2025"), "cafe-nandu-2025");
        assert_eq!(sanitize("---"), "");
        assert_eq!(sanitize("日本語"), "");
        assert_eq!(sanitize(".republish-x.tmp"), "republish-x-tmp");
        let long = "word-".repeat(40);
        let name = sanitize(&long);
        assert!(name.len() <= MAX_NAME && !name.ends_with('-'), "{name}");
        assert_eq!(base_name([None, Some("??"), Some("612457")]), "612457");
        assert_eq!(base_name([None, Some("")]), "article");
    }

    #[test]
    fn names_are_deduplicated_in_order() {
        let mut names = Names::new();
        assert_eq!(names.reserve("story"), "story");
        assert_eq!(names.reserve("story"), "story-2");
        assert_eq!(names.reserve("story-2"), "story-2-2");
        assert_eq!(names.reserve("story"), "story-3");
        let mut resumed = Names::new();
        resumed.take("story");
        resumed.take("story-3");
        assert_eq!(resumed.reserve("story"), "story-2");
        assert_eq!(resumed.reserve("story"), "story-4");
    }

    #[test]
    fn error_lines_are_one_line() {
        let line = ReportLine::error("a.html", "bad\nthing", 3);
        assert_eq!(line.error.as_deref(), Some("a.html: bad thing"));
        let text = line.to_ndjson();
        assert_eq!(text.matches('\n').count(), 1);
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["status"], "error");
        assert_eq!(json["output"], serde_json::Value::Null);
    }

    #[test]
    fn past_report_keeps_done_inputs_once() {
        let text = concat!(
            "{\"input\":\"a\",\"status\":\"ok\",\"output\":\"out/a.html\"}\n",
            "{\"input\":\"b\",\"status\":\"error\",\"output\":null}\n",
            "{\"input\":\"c\",\"status\":\"refused\",\"output\":null,\"preview\":\"out/c.preview.html\"}\n",
            "{\"input\":\"d\",\"status\":\"ok\",\"output\":\"out/gone.html\"}\n",
            "{\"input\":\"a\",\"status\":\"ok\",\"output\":\"out/a.html\"}\n",
            "not json\n",
            "{\"input\":\"e\",\"status\":\"ok\",\"outp",
        );
        let past = PastReport::parse(text, |path| path != "out/gone.html");
        assert_eq!(past.kept.len(), 2, "{:?}", past.kept);
        assert!(past.kept[0].starts_with("{\"input\":\"c\""));
        assert!(past.kept[1].starts_with("{\"input\":\"a\""));
        assert!(past.kept.iter().all(|l| l.ends_with('\n')));
        assert_eq!(past.done.len(), 2);
        assert_eq!(past.done["a"].as_deref(), Some("out/a.html"));
        assert!(!past.done.contains_key("b") && !past.done.contains_key("d") && !past.done.contains_key("e"));
        assert_eq!(past.dropped, 5);
        // A refused story's preview keeps its name taken, as an output does.
        assert_eq!(past.written, ["out/c.preview.html", "out/a.html"]);
    }
}
