//! Test helpers: a fluent builder around the `republish` binary, and golden-file comparison that
//! prints a diff and the case name when it fails.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture's input page.
pub fn fixture(case: &str) -> PathBuf {
    root().join("fixtures").join(case).join("input.html")
}

/// One run of the binary: `Test::new().args([..]).run().status(0).stdout_has("..")`.
#[must_use]
pub struct Test {
    args: Vec<String>,
    stdin: Option<Vec<u8>>,
    dir: Option<PathBuf>,
}

impl Test {
    pub fn new() -> Self {
        Test { args: Vec::new(), stdin: None, dir: None }
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.args.extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    pub fn arg(mut self, arg: impl AsRef<Path>) -> Self {
        self.args.push(arg.as_ref().to_string_lossy().into_owned());
        self
    }

    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }

    pub fn current_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.dir = Some(dir.into());
        self
    }

    pub fn run(self) -> Run {
        let mut cmd = Command::cargo_bin("republish").expect("binary built");
        cmd.args(&self.args);
        if let Some(dir) = &self.dir {
            cmd.current_dir(dir);
        }
        cmd.write_stdin(self.stdin.clone().unwrap_or_default());
        let output = cmd.output().expect("binary runs");
        Run { args: self.args, output }
    }
}

/// The result of a run, with chained assertions that print the whole run when they fail.
pub struct Run {
    pub args: Vec<String>,
    pub output: Output,
}

impl Run {
    pub fn stdout(&self) -> String {
        String::from_utf8(self.output.stdout.clone()).expect("stdout is UTF-8")
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    pub fn code(&self) -> i32 {
        self.output.status.code().unwrap_or(-1)
    }

    fn fail(&self, what: &str) -> ! {
        panic!(
            "{what}\n--- republish {}\n--- exit {}\n--- stdout\n{}\n--- stderr\n{}",
            self.args.join(" "),
            self.code(),
            String::from_utf8_lossy(&self.output.stdout),
            self.stderr()
        )
    }

    pub fn status(self, code: i32) -> Self {
        if self.code() != code {
            self.fail(&format!("expected exit code {code}"));
        }
        self
    }

    pub fn stdout_has(self, needle: &str) -> Self {
        if !self.stdout().contains(needle) {
            self.fail(&format!("stdout lacks {needle:?}"));
        }
        self
    }

    pub fn stdout_lacks(self, needle: &str) -> Self {
        if self.stdout().contains(needle) {
            self.fail(&format!("stdout has {needle:?}"));
        }
        self
    }

    pub fn stdout_is(self, expected: &str) -> Self {
        if self.stdout() != expected {
            self.fail(&format!("stdout is not {expected:?}"));
        }
        self
    }

    pub fn stderr_has(self, needle: &str) -> Self {
        if !self.stderr().contains(needle) {
            self.fail(&format!("stderr lacks {needle:?}"));
        }
        self
    }

    /// stderr is exactly one line (an error message), which contains `needle`.
    pub fn one_line_error(self, needle: &str) -> Self {
        let stderr = self.stderr();
        if stderr.trim_end().lines().count() != 1 || !stderr.starts_with("republish: ") || !stderr.contains(needle) {
            self.fail(&format!("expected one error line with {needle:?}"));
        }
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.output.stdout).unwrap_or_else(|e| self.fail(&format!("stdout is not JSON: {e}")))
    }
}

/// Compare `actual` with the golden file; with `UPDATE_GOLDEN=1` write it instead.
pub fn golden(case: &str, path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, actual).expect("golden file written");
        return;
    }
    let expected = std::fs::read_to_string(path)
        .unwrap_or_else(|_| panic!("{case}: no golden file {} (run with UPDATE_GOLDEN=1 and review it)", path.display()));
    if expected != actual {
        let diff = similar::TextDiff::from_lines(&expected, actual);
        panic!(
            "{case}: output differs from {} (- expected, + actual; UPDATE_GOLDEN=1 to accept):\n{}",
            path.display(),
            diff.unified_diff().context_radius(2)
        );
    }
}
