//! Stage 1 of load → parse → extract → judge → clean → render: bytes from a file, stdin or URL, refused early when they are not an HTML page, decoded to a UTF-8 `String`.

use std::borrow::Cow;
use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};
use url::Url;

/// Where the page comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    File(PathBuf),
    Stdin,
    Url(Url),
}

impl Source {
    /// "-" is stdin; "http://" / "https://" are URLs; any other `scheme:` form
    /// (file:, ftp:, data:, javascript: …) is refused, unless a file of that name
    /// exists. A single letter before ':' is a drive letter, so "c:page.html" is a path.
    pub fn from_arg(arg: &str) -> Result<Source, LoadError> {
        Self::classify(arg, |p| p.exists())
    }

    fn classify(arg: &str, exists: impl Fn(&Path) -> bool) -> Result<Source, LoadError> {
        if arg == "-" {
            return Ok(Source::Stdin);
        }
        let Some(scheme) = url_scheme(arg) else {
            return Ok(Source::File(PathBuf::from(arg)));
        };
        if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
            let url = Url::parse(arg).map_err(|e| LoadError::InvalidUrl {
                reason: e.to_string(),
            })?;
            if url.host_str().is_none_or(str::is_empty) {
                return Err(LoadError::InvalidUrl {
                    reason: "no host".into(),
                });
            }
            return Ok(Source::Url(url));
        }
        // A local file may legitimately be called "notes:draft.html".
        if exists(Path::new(arg)) {
            return Ok(Source::File(PathBuf::from(arg)));
        }
        Err(LoadError::UnsupportedScheme {
            scheme: scheme.to_ascii_lowercase(),
        })
    }

    /// How the input is named in messages: the path as given, `<stdin>`, or the URL.
    pub fn name(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Stdin => "<stdin>".to_string(),
            Source::Url(u) => u.to_string(),
        }
    }
}

/// The `scheme` of `scheme:rest` when it looks like a URL scheme (RFC 3986 syntax, two
/// characters or more so that drive letters stay paths).
fn url_scheme(arg: &str) -> Option<&str> {
    let colon = arg.find(':')?;
    let scheme = &arg[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    let ok = first.is_ascii_alphabetic()
        && scheme.len() >= 2
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    ok.then_some(scheme)
}

/// Limits for one load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOptions {
    /// Largest accepted body, in bytes, after any HTTP content decoding.
    pub max_bytes: u64,
    /// Budget for the whole HTTP exchange, redirects and body included.
    pub timeout: Duration,
    pub max_redirects: u32,
    pub user_agent: String,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: 20 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            max_redirects: 5,
            user_agent: concat!("republish/", env!("CARGO_PKG_VERSION")).to_string(),
        }
    }
}

/// A decoded page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub html: String,
    /// The final URL after redirects, for URL sources; relative links resolve against it.
    pub url: Option<Url>,
    /// Name of the encoding the bytes were decoded from (encoding_rs's canonical name).
    pub encoding: &'static str,
}

/// Why an input could not be loaded. Messages omit the input's name: the caller prefixes it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The file does not exist.
    #[error("file not found")]
    NotFound,
    /// The path names a directory.
    #[error("is a directory")]
    IsDirectory,
    /// The file exists but may not be read.
    #[error("permission denied")]
    PermissionDenied,
    /// Any other I/O failure while reading a file or stdin.
    #[error("read error: {0}")]
    Io(io::Error),
    /// The input exceeds `LoadOptions::max_bytes`; `what` is "file", "input" or "response".
    #[error("{what} larger than {} (--max-size)", human_size(*limit))]
    TooLarge { what: &'static str, limit: u64 },
    /// Nothing but whitespace; `what` is "file", "input" or "response".
    #[error("empty {what}")]
    Empty { what: &'static str },
    /// Magic numbers or NUL bytes show binary data; `kind` names the format.
    #[error("binary {what} ({kind}), not an HTML page")]
    Binary {
        what: &'static str,
        kind: &'static str,
    },
    /// Decoded text has no markup at all.
    #[error("plain text, not an HTML page")]
    PlainText,
    /// Valid UTF-8 mixed with invalid bytes and no charset to say what was meant.
    #[error("invalid UTF-8 and no charset declared")]
    InvalidUtf8,
    /// The argument has a URL scheme other than http or https.
    #[error("unsupported URL scheme \"{scheme}\" (only http and https)")]
    UnsupportedScheme { scheme: String },
    /// An http(s) argument that does not parse as a URL.
    #[error("invalid URL: {reason}")]
    InvalidUrl { reason: String },
    /// The server answered with a status other than 2xx.
    #[error("HTTP {code}{}", reason.map(|r| format!(" {r}")).unwrap_or_default())]
    HttpStatus {
        code: u16,
        reason: Option<&'static str>,
    },
    /// The redirect chain was longer than `LoadOptions::max_redirects` (or loops).
    #[error("too many redirects (limit {limit})")]
    TooManyRedirects { limit: u32 },
    /// The whole request, body included, took longer than `LoadOptions::timeout`.
    #[error("timed out after {}", human_duration(*after))]
    Timeout { after: Duration },
    /// The server labelled the body as something other than HTML.
    #[error("not an HTML page (Content-Type: {content_type})")]
    NotHtml { content_type: String },
    /// DNS found no such host.
    #[error("host not found")]
    HostNotFound,
    /// Nothing listens at the host and port.
    #[error("connection refused")]
    ConnectionRefused,
    /// Network-level I/O failure (reset, broken pipe, …).
    #[error("network error: {0}")]
    Network(io::Error),
    /// Any other failure reported by the HTTP client (TLS, protocol, …).
    #[error("request failed: {0}")]
    Request(ureq::Error),
}

fn human_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB && bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

fn human_duration(d: Duration) -> String {
    if d.subsec_nanos() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// Reads, checks and decodes one input.
pub fn load(source: &Source, opts: &LoadOptions) -> Result<Loaded, LoadError> {
    match source {
        Source::File(path) => {
            let bytes = read_file(path, opts.max_bytes)?;
            finish(bytes, None, None, "file")
        }
        Source::Stdin => {
            let bytes = read_capped(io::stdin().lock(), opts.max_bytes, "input", LoadError::Io)?;
            finish(bytes, None, None, "input")
        }
        Source::Url(url) => load_url(url, opts),
    }
}

/// The checks and decoding shared by every kind of source.
fn finish(
    bytes: Vec<u8>,
    content_type: Option<&str>,
    url: Option<Url>,
    what: &'static str,
) -> Result<Loaded, LoadError> {
    let without_bom = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if without_bom.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty { what });
    }
    let utf16 = Encoding::for_bom(&bytes).is_some_and(|(e, _)| is_utf16(e))
        || content_type.and_then(header_charset).is_some_and(is_utf16);
    if let Some(kind) = binary_kind(&bytes, !utf16) {
        return Err(LoadError::Binary { what, kind });
    }
    let tld = url.as_ref().and_then(tld_of);
    let (html, encoding) = decode_with_tld(bytes, content_type, tld.as_deref())?;
    if html.trim().is_empty() {
        return Err(LoadError::Empty { what });
    }
    if !has_tag(&html) {
        return Err(LoadError::PlainText);
    }
    Ok(Loaded {
        html,
        url,
        encoding: encoding.name(),
    })
}

fn read_file(path: &Path, max: u64) -> Result<Vec<u8>, LoadError> {
    let meta = std::fs::metadata(path).map_err(file_error)?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory);
    }
    // Cheap refusal before opening; the capped read below still guards files that grow
    // and special files whose metadata says 0.
    if meta.len() > max {
        return Err(LoadError::TooLarge {
            what: "file",
            limit: max,
        });
    }
    let file = File::open(path).map_err(file_error)?;
    // Sized from the metadata (plus the byte that would show growth): no regrowth while reading.
    let expected = usize::try_from(meta.len()).unwrap_or(0).saturating_add(1);
    read_capped_into(Vec::with_capacity(expected), file, max, "file", file_error)
}

fn file_error(e: io::Error) -> LoadError {
    match e.kind() {
        io::ErrorKind::NotFound => LoadError::NotFound,
        io::ErrorKind::PermissionDenied => LoadError::PermissionDenied,
        io::ErrorKind::IsADirectory => LoadError::IsDirectory,
        _ => LoadError::Io(e),
    }
}

/// Reads at most `max + 1` bytes so an oversized input is detected without holding more.
fn read_capped(
    reader: impl Read,
    max: u64,
    what: &'static str,
    on_error: impl Fn(io::Error) -> LoadError,
) -> Result<Vec<u8>, LoadError> {
    read_capped_into(Vec::new(), reader, max, what, on_error)
}

/// [`read_capped`] into a buffer the caller sized.
fn read_capped_into(
    mut buf: Vec<u8>,
    reader: impl Read,
    max: u64,
    what: &'static str,
    on_error: impl Fn(io::Error) -> LoadError,
) -> Result<Vec<u8>, LoadError> {
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(on_error)?;
    if buf.len() as u64 > max {
        return Err(LoadError::TooLarge { what, limit: max });
    }
    Ok(buf)
}

fn load_url(url: &Url, opts: &LoadOptions) -> Result<Loaded, LoadError> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(LoadError::UnsupportedScheme {
            scheme: url.scheme().to_string(),
        });
    }
    let config = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .max_redirects(opts.max_redirects)
        .max_redirects_will_error(true)
        // Statuses are reported by us, with the reason phrase, not as ureq errors.
        .http_status_as_error(false)
        .user_agent(opts.user_agent.as_str())
        .accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
        .build();
    let agent = ureq::Agent::new_with_config(config);
    let response = agent
        .get(url.as_str())
        .call()
        .map_err(|e| ureq_error(e, opts))?;

    let status = response.status();
    if !status.is_success() {
        return Err(LoadError::HttpStatus {
            code: status.as_u16(),
            reason: status.canonical_reason(),
        });
    }
    let content_type = response
        .headers()
        .get(ureq::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if let Some(ct) = &content_type {
        let essence = ct
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if !essence.is_empty() && essence != "text/html" && essence != "application/xhtml+xml" {
            return Err(LoadError::NotHtml {
                content_type: essence,
            });
        }
    }
    let final_url = {
        use ureq::ResponseExt;
        Url::parse(&response.get_uri().to_string()).unwrap_or_else(|_| url.clone())
    };

    let body = response.into_body();
    if body.content_length().is_some_and(|n| n > opts.max_bytes) {
        return Err(LoadError::TooLarge {
            what: "response",
            limit: opts.max_bytes,
        });
    }
    // No ureq limit here: the cap is the `take` inside read_capped, which also bounds a
    // gzip body after decompression.
    let bytes = read_capped(body.into_reader(), opts.max_bytes, "response", |e| {
        net_io_error(e, opts)
    })?;
    finish(bytes, content_type.as_deref(), Some(final_url), "response")
}

fn ureq_error(e: ureq::Error, opts: &LoadOptions) -> LoadError {
    match e {
        ureq::Error::Timeout(_) => LoadError::Timeout {
            after: opts.timeout,
        },
        ureq::Error::TooManyRedirects => LoadError::TooManyRedirects {
            limit: opts.max_redirects,
        },
        ureq::Error::HostNotFound => LoadError::HostNotFound,
        ureq::Error::BadUri(reason) => LoadError::InvalidUrl { reason },
        ureq::Error::Io(io) => net_io_error(io, opts),
        other => LoadError::Request(other),
    }
}

/// Body reads surface ureq errors (timeouts above all) wrapped in `io::Error`.
fn net_io_error(e: io::Error, opts: &LoadOptions) -> LoadError {
    match e.kind() {
        io::ErrorKind::TimedOut => {
            return LoadError::Timeout {
                after: opts.timeout,
            };
        }
        io::ErrorKind::ConnectionRefused => return LoadError::ConnectionRefused,
        _ => {}
    }
    if e.get_ref().is_some_and(|inner| inner.is::<ureq::Error>()) {
        if let Some(inner) = e.into_inner()
            && let Ok(ureq_err) = inner.downcast::<ureq::Error>()
        {
            return ureq_error(*ureq_err, opts);
        }
        // into_inner/downcast cannot fail after the `is` check; keep a sane answer anyway.
        return LoadError::Network(io::Error::other("unreadable response"));
    }
    LoadError::Network(e)
}

/// The top-level domain in the form chardetng accepts (lower-case ASCII, no dot).
fn tld_of(url: &Url) -> Option<String> {
    let host = url.host_str()?;
    let tld = host.trim_end_matches('.').rsplit('.').next()?;
    let ok = !tld.is_empty() && tld.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    ok.then(|| tld.to_ascii_lowercase())
}

fn is_utf16(e: &'static Encoding) -> bool {
    e == UTF_16LE || e == UTF_16BE
}

/// Names the binary format of `bytes`, if it is one. NUL bytes are only evidence of
/// binary data when the text cannot be UTF-16.
fn binary_kind(bytes: &[u8], check_nul: bool) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF-", "PDF document"),
        (b"\x1F\x8B", "gzip archive"),
        (b"PK\x03\x04", "zip archive"),
        (b"PK\x05\x06", "zip archive"),
        (b"PK\x07\x08", "zip archive"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind);
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Some("WebP image");
    }
    if check_nul && bytes[..bytes.len().min(1024)].contains(&0) {
        return Some("contains NUL bytes");
    }
    None
}

/// True when some `<` is followed by what can start a tag, comment or doctype.
fn has_tag(text: &str) -> bool {
    let b = text.as_bytes();
    let mut rest = text;
    let mut offset = 0;
    while let Some(i) = rest.find('<') {
        let next = b.get(offset + i + 1).copied();
        if next.is_some_and(|c| c.is_ascii_alphabetic() || c == b'!' || c == b'/') {
            return true;
        }
        offset += i + 1;
        rest = &text[offset..];
    }
    false
}

/// Decodes page bytes as a browser would: BOM, then the HTTP charset, then a `<meta>`
/// charset in the first 1024 bytes, then content sniffing.
///
/// Sniffing accepts valid UTF-8; invalid UTF-8 whose high bytes are mostly in valid
/// sequences is damaged UTF-8, which has no trustworthy reading and is refused
/// ([`is_broken_utf8`]); the rest is a legacy single- or double-byte encoding and goes to
/// chardetng.
/// A declared charset encoding_rs does not know is ignored (sniffed instead), and so is
/// a declared UTF-8 that the bytes contradict entirely (a stale template header on a
/// windows-1252 page is far commoner than a UTF-8 page with no UTF-8 in it).
pub fn decode(
    bytes: &[u8],
    content_type: Option<&str>,
) -> Result<(String, &'static Encoding), LoadError> {
    decode_with_tld(bytes.to_vec(), content_type, None)
}

/// [`decode`] of a buffer the caller gives up: a page that needs no conversion (UTF-8, or ASCII
/// in an ASCII-compatible encoding, most pages) becomes the text without a copy.
fn decode_with_tld(
    bytes: Vec<u8>,
    content_type: Option<&str>,
    tld: Option<&str>,
) -> Result<(String, &'static Encoding), LoadError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(&bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok((text.into_owned(), enc));
    }
    let from_header = content_type.and_then(header_charset);
    // A page saved by a browser is re-encoded as UTF-8 but keeps its old <meta charset>: bytes that
    // are valid UTF-8 with non-ASCII text in them are UTF-8 whatever the meta tag says.
    let bytes = if from_header.is_none() {
        match String::from_utf8(bytes) {
            Ok(text) if !text.is_ascii() => return Ok((text, UTF_8)),
            Ok(text) => text.into_bytes(),
            Err(invalid) => invalid.into_bytes(),
        }
    } else {
        bytes
    };
    let declared = from_header.or_else(|| meta_charset(&bytes));
    if let Some(enc) = declared {
        let contradicted = enc == UTF_8 && std::str::from_utf8(&bytes).is_err() && !is_broken_utf8(&bytes);
        if !contradicted {
            return Ok((decode_owned(enc, bytes), enc));
        }
    }
    sniff(bytes, tld)
}

/// `bytes` in `enc`, keeping the buffer when decoding leaves it as it is.
fn decode_owned(enc: &'static Encoding, bytes: Vec<u8>) -> String {
    let converted = match enc.decode_without_bom_handling(&bytes).0 {
        Cow::Owned(text) => Some(text),
        Cow::Borrowed(_) => None,
    };
    // Borrowed means the bytes were already that text, so valid UTF-8.
    converted.unwrap_or_else(|| String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

fn sniff(bytes: Vec<u8>, tld: Option<&str>) -> Result<(String, &'static Encoding), LoadError> {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok((text, UTF_8)),
        Err(invalid) => invalid.into_bytes(),
    };
    if is_broken_utf8(&bytes) {
        return Err(LoadError::InvalidUtf8);
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(&bytes, true);
    let enc = detector.guess(tld.map(str::as_bytes), Utf8Detection::Deny);
    Ok((decode_owned(enc, bytes), enc))
}

/// Invalid UTF-8 that is UTF-8 all the same, corrupted (a cut sequence, a stray legacy byte),
/// rather than text in a legacy encoding. Legacy double-byte text (Shift_JIS, EUC-KR, GBK) holds
/// byte pairs that happen to be valid UTF-8 too, but only a minority of its high bytes fall in
/// such pairs (a quarter to two fifths in Japanese, Korean and Chinese text); in damaged UTF-8
/// nearly all of them do. So: most high bytes in valid sequences, or none and a cut sequence.
fn is_broken_utf8(bytes: &[u8]) -> bool {
    let high = bytes.iter().filter(|b| **b >= 0x80).count();
    let in_valid: usize = bytes.utf8_chunks().map(|chunk| chunk.valid().len() - chunk.valid().bytes().filter(u8::is_ascii).count()).sum();
    if in_valid == 0 {
        return has_truncated_utf8(bytes);
    }
    in_valid * 10 >= high * 6
}


/// Corrupt UTF-8: a three- or four-byte lead followed by a continuation byte and then nothing
/// more ("\xE2\x82 " is a cut euro sign). In legacy single-byte text that pattern is a letter
/// such as "é" followed by a curly quote, so one occurrence only counts for 0xE2, the lead of every
/// UTF-8 quote, dash and ellipsis; otherwise it takes two.
fn has_truncated_utf8(bytes: &[u8]) -> bool {
    let continuation = |b: u8| (0x80..=0xBF).contains(&b);
    let mut seen = 0;
    for w in bytes.windows(3) {
        if (0xE0..=0xF4).contains(&w[0]) && continuation(w[1]) && !continuation(w[2]) {
            if w[0] == 0xE2 {
                return true;
            }
            seen += 1;
            if seen >= 2 {
                return true;
            }
        }
    }
    false
}

/// Encodings a page may declare; the "replacement" encoding would turn the page into a
/// single U+FFFD, which helps nobody here, so it counts as unknown.
fn usable(enc: &'static Encoding) -> Option<&'static Encoding> {
    (enc != REPLACEMENT).then_some(enc)
}

/// The `charset` parameter of a Content-Type header value.
fn header_charset(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
        Encoding::for_label(value.as_bytes()).and_then(usable)
    })
}

const PRESCAN_BYTES: usize = 1024;

/// WHATWG "prescan a byte stream to determine its encoding", over the first 1024 bytes.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let mut s = Scanner {
        b: &bytes[..bytes.len().min(PRESCAN_BYTES)],
        pos: 0,
    };
    while s.pos < s.b.len() {
        let rest = &s.b[s.pos..];
        if rest.starts_with(b"<!--") {
            // The closing "--" may overlap the opening one: "<!-->" is a whole comment.
            match find(&s.b[s.pos + 2..], b"-->") {
                Some(i) => s.pos += 2 + i + 3,
                None => return None,
            }
            continue;
        }
        if starts_with_ignore_case(rest, b"<meta")
            && rest.get(5).is_some_and(|&c| is_space(c) || c == b'/')
        {
            s.pos += 5;
            if let Some(enc) = s.meta_element() {
                return Some(enc);
            }
            continue;
        }
        let tag_start = match rest {
            [b'<', c, ..] if c.is_ascii_alphabetic() => Some(1),
            [b'<', b'/', c, ..] if c.is_ascii_alphabetic() => Some(2),
            _ => None,
        };
        if let Some(skip) = tag_start {
            s.pos += skip;
            while s.peek().is_some_and(|c| !is_space(c) && c != b'>') {
                s.pos += 1;
            }
            while s.attribute().is_some() {}
            if s.pos >= s.b.len() {
                return None;
            }
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            match rest.iter().position(|&c| c == b'>') {
                Some(i) => s.pos += i,
                None => return None,
            }
        }
        s.pos += 1;
    }
    None
}

struct Scanner<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    /// Attributes of one `<meta`, leaving `pos` on or before its `>`.
    fn meta_element(&mut self) -> Option<&'static Encoding> {
        let mut seen: Vec<Vec<u8>> = Vec::new();
        let mut got_pragma = false;
        let mut need_pragma: Option<bool> = None;
        // None: no charset yet; Some(None): a label encoding_rs does not know.
        let mut charset: Option<Option<&'static Encoding>> = None;
        while let Some((name, value)) = self.attribute() {
            if seen.contains(&name) {
                continue;
            }
            match name.as_slice() {
                b"http-equiv" => got_pragma |= value == b"content-type",
                b"content" if charset.is_none() => {
                    if let Some(label) = charset_from_content(&value) {
                        charset = Some(Encoding::for_label(label).and_then(usable));
                        need_pragma = Some(true);
                    }
                }
                b"charset" => {
                    charset = Some(Encoding::for_label(&value).and_then(usable));
                    need_pragma = Some(false);
                }
                _ => {}
            }
            seen.push(name);
        }
        match need_pragma {
            None => return None,
            Some(true) if !got_pragma => return None,
            _ => {}
        }
        let enc = charset??;
        Some(if is_utf16(enc) {
            UTF_8
        } else if enc == X_USER_DEFINED {
            WINDOWS_1252
        } else {
            enc
        })
    }

    /// WHATWG "get an attribute": lower-cased name and value, or None at `>` or the end.
    fn attribute(&mut self) -> Option<(Vec<u8>, Vec<u8>)> {
        while self.peek().is_some_and(|c| is_space(c) || c == b'/') {
            self.pos += 1;
        }
        if self.peek()? == b'>' {
            return None;
        }
        let mut name = Vec::new();
        loop {
            let c = self.peek()?;
            if c == b'=' && !name.is_empty() {
                self.pos += 1;
                break;
            }
            if is_space(c) {
                while self.peek().is_some_and(is_space) {
                    self.pos += 1;
                }
                if self.peek()? != b'=' {
                    return Some((name, Vec::new()));
                }
                self.pos += 1;
                break;
            }
            if c == b'/' || c == b'>' {
                return Some((name, Vec::new()));
            }
            name.push(c.to_ascii_lowercase());
            self.pos += 1;
        }
        while self.peek().is_some_and(is_space) {
            self.pos += 1;
        }
        let mut value = Vec::new();
        let first = self.peek()?;
        if first == b'"' || first == b'\'' {
            self.pos += 1;
            loop {
                let c = self.peek()?;
                self.pos += 1;
                if c == first {
                    return Some((name, value));
                }
                value.push(c.to_ascii_lowercase());
            }
        }
        if first == b'>' {
            return Some((name, value));
        }
        loop {
            let c = self.peek()?;
            if is_space(c) || c == b'>' {
                return Some((name, value));
            }
            value.push(c.to_ascii_lowercase());
            self.pos += 1;
        }
    }
}

/// WHATWG "extract a character encoding from a meta element" (the `content` attribute).
fn charset_from_content(content: &[u8]) -> Option<&[u8]> {
    let mut pos = 0;
    loop {
        pos += find_ignore_case(&content[pos..], b"charset")? + b"charset".len();
        while content.get(pos).copied().is_some_and(is_space) {
            pos += 1;
        }
        if content.get(pos) != Some(&b'=') {
            continue;
        }
        pos += 1;
        while content.get(pos).copied().is_some_and(is_space) {
            pos += 1;
        }
        let rest = &content[pos..];
        return match rest.first()? {
            &q @ (b'"' | b'\'') => {
                let end = rest[1..].iter().position(|&c| c == q)?;
                Some(&rest[1..1 + end])
            }
            _ => {
                let end = rest
                    .iter()
                    .position(|&c| is_space(c) || c == b';')
                    .unwrap_or(rest.len());
                Some(&rest[..end])
            }
        };
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

fn starts_with_ignore_case(hay: &[u8], prefix: &[u8]) -> bool {
    hay.len() >= prefix.len() && hay[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::thread;

    const W1252_TEXT: &[u8] = b"<html><body><p>\x93Quoted\x94 words \x97 the caf\xE9 charged \x805 for a \
        coffee, and the waiter said it was the best in town. We didn\x92t argue with him.</p></body></html>";
    const W1252_EXPECTED: &str =
        "\u{201C}Quoted\u{201D} words \u{2014} the caf\u{E9} charged \u{20AC}5";

    fn dec(bytes: &[u8], ct: Option<&str>) -> (String, &'static str) {
        let (text, enc) = decode(bytes, ct).expect("decodes");
        (text, enc.name())
    }

    #[test]
    fn saved_utf8_page_with_a_stale_meta_charset_is_utf8() {
        // Browsers re-encode saved pages as UTF-8 but keep the original <meta charset>.
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>人工智能迈上新台阶</p></body></html>";
        assert_eq!(dec(page.as_bytes(), None).1, "UTF-8");
        assert!(dec(page.as_bytes(), None).0.contains("人工智能"));
        // An HTTP header still wins.
        assert_eq!(dec(page.as_bytes(), Some("text/html; charset=gb2312")).1, "GBK");
    }

    #[test]
    fn cut_utf8_sequences_are_corrupt_not_legacy() {
        // A euro sign cut after two of its three bytes.
        let cut = b"<html><body><p>Prices rose to 5 \xE2\x82 per kilo, the market said on Monday.</p></body></html>";
        assert!(matches!(decode(cut, None), Err(LoadError::InvalidUtf8)));
        // windows-1252 text with an "e acute" before a closing curly quote is still legacy text.
        let legacy = b"<html><body><p>\x93Meet me at the caf\xE9\x94, she said, and the waiter agreed.</p></body></html>";
        assert_eq!(dec(legacy, None).1, "windows-1252");
    }

    #[test]
    fn bom_wins() {
        let (text, enc) = dec(
            b"\xEF\xBB\xBF<p>caf\xC3\xA9</p>",
            Some("text/html; charset=windows-1252"),
        );
        assert_eq!((text.as_str(), enc), ("<p>caf\u{E9}</p>", "UTF-8"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<p>€</p>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(dec(&utf16, None), ("<p>€</p>".to_string(), "UTF-16LE"));
    }

    #[test]
    fn header_charset_beats_meta() {
        let page = b"<meta charset=utf-8><p>caf\xE9</p>";
        let (text, enc) = dec(page, Some("text/html; charset=\"ISO-8859-1\""));
        assert_eq!(enc, "windows-1252");
        assert!(text.contains("caf\u{E9}"));
    }

    #[test]
    fn meta_charset_forms() {
        let cases: &[&[u8]] = &[
            b"<!doctype html><html><head><meta charset=\"windows-1252\"><p>\x80</p>",
            b"<head><META CHARSET='cp1252'/><p>\x80</p>",
            b"<meta content=\"text/html; charset=windows-1252\" http-equiv=\"Content-Type\"><p>\x80</p>",
            b"<meta http-equiv=content-type content='text/html;charset = \"latin1\"'><p>\x80</p>",
            b"<!-- <meta charset=utf-8> --><title a='<meta charset=utf-8>'>x</title><meta charset=ascii><p>\x80</p>",
        ];
        for page in cases {
            let (text, enc) = dec(page, None);
            assert_eq!(enc, "windows-1252", "{}", String::from_utf8_lossy(page));
            assert!(text.contains("<p>\u{20AC}</p>"), "{text}");
        }
    }

    #[test]
    fn meta_rules_that_browsers_follow() {
        // content= without http-equiv is no declaration: sniffing then sees valid UTF-8.
        let page = "<meta content=\"text/html; charset=windows-1252\"><p>café</p>";
        assert_eq!(dec(page.as_bytes(), None).1, "UTF-8");
        // A meta-declared UTF-16 is impossible in an ASCII-compatible prescan: UTF-8.
        assert_eq!(dec(b"<meta charset=utf-16><p>x</p>", None).1, "UTF-8");
        // Beyond the first 1024 bytes a declaration is not looked for.
        let mut late = vec![b' '; 1100];
        late.extend_from_slice(b"<meta charset=windows-1251><p>x</p>");
        assert_eq!(dec(&late, None).1, "UTF-8");
    }

    #[test]
    fn windows_1252_declared_and_undeclared() {
        let mut declared = b"<meta charset=windows-1252>".to_vec();
        declared.extend_from_slice(W1252_TEXT);
        for bytes in [&declared[..], W1252_TEXT] {
            let (text, enc) = dec(bytes, None);
            assert_eq!(enc, "windows-1252");
            assert!(text.contains(W1252_EXPECTED), "{text}");
            assert!(text.contains("didn\u{2019}t"));
        }
        let (text, enc) = dec(W1252_TEXT, Some("text/html; charset=latin1"));
        assert_eq!(enc, "windows-1252");
        assert!(text.contains(W1252_EXPECTED));
    }

    #[test]
    fn utf8_declared_but_contradicted_is_sniffed() {
        let mut page = b"<meta charset=utf-8>".to_vec();
        page.extend_from_slice(W1252_TEXT);
        let (text, enc) = dec(&page, None);
        assert_eq!(enc, "windows-1252");
        assert!(text.contains(W1252_EXPECTED));
    }

    #[test]
    fn unknown_charset_falls_back_to_sniffing() {
        let (text, enc) = dec(
            "<p>café</p>".as_bytes(),
            Some("text/html; charset=x-klingon"),
        );
        assert_eq!((text.as_str(), enc), ("<p>café</p>", "UTF-8"));
        assert_eq!(
            dec(W1252_TEXT, Some("text/html; charset=iso-2022-kr")).1,
            "windows-1252"
        );
    }

    #[test]
    fn legacy_cjk_without_a_declaration_is_sniffed_not_refused() {
        // Double-byte text holds pairs that are valid UTF-8 by chance; most of its bytes are not.
        // "港の道路を拡張する計画を承認した。" in Shift_JIS, "항구 도로를 넓히는 계획을 승인했다." in EUC-KR.
        let shift_jis = b"<html><body><p>\x8d`\x82\xcc\x93\xb9\x98H\x82\xf0\x8ag\x92\xa3\x82\xb7\x82\xe9\x8cv\x89\xe6\x82\xf0\x8f\xb3\x94F\x82\xb5\x82\xbd\x81B</p></body></html>";
        let euc_kr = b"<html><body><p>\xc7\xd7\xb1\xb8 \xb5\xb5\xb7\xce\xb8\xa6 \xb3\xd0\xc8\xf7\xb4\xc2 \xb0\xe8\xc8\xb9\xc0\xbb \xbd\xc2\xc0\xce\xc7\xdf\xb4\xd9.</p></body></html>";
        for (bytes, text) in [(&shift_jis[..], "港の道路を拡張する計画を承認した。"), (&euc_kr[..], "항구 도로를 넓히는 계획을 승인했다.")] {
            let (decoded, _) = decode(bytes, None).expect("sniffed");
            assert!(decoded.contains(text), "{decoded}");
        }
    }

    #[test]
    fn invalid_utf8_mix_is_refused() {
        let err = decode(b"<p>caf\xC3\xA9 and caf\xE9</p>", None).unwrap_err();
        assert!(matches!(err, LoadError::InvalidUtf8));
        assert_eq!(err.to_string(), "invalid UTF-8 and no charset declared");
    }

    fn finish_err(bytes: &[u8]) -> LoadError {
        finish(bytes.to_vec(), None, None, "file").expect_err("refused")
    }

    #[test]
    fn binary_magic_numbers() {
        let cases: &[(&[u8], &str)] = &[
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG image"),
            (b"\xFF\xD8\xFF\xE0\0\x10JFIF", "JPEG image"),
            (b"GIF89a\x01\0", "GIF image"),
            (b"RIFF\x24\0\0\0WEBPVP8 ", "WebP image"),
            (b"%PDF-1.7\n<html>", "PDF document"),
            (b"\x1F\x8B\x08\0", "gzip archive"),
            (b"PK\x03\x04\x14\0", "zip archive"),
            (b"<html>\0\0\0<body>", "contains NUL bytes"),
        ];
        for (bytes, kind) in cases {
            match finish_err(bytes) {
                LoadError::Binary {
                    kind: k,
                    what: "file",
                } => assert_eq!(k, *kind),
                other => panic!("{kind}: {other:?}"),
            }
        }
        assert_eq!(
            finish_err(b"%PDF-1.4").to_string(),
            "binary file (PDF document), not an HTML page"
        );
    }

    #[test]
    fn utf16_nul_bytes_are_not_binary() {
        let bytes: Vec<u8> = "<p>hi</p>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let with_bom: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(bytes.iter().copied())
            .collect();
        assert_eq!(
            finish(with_bom, None, None, "file").expect("loads").html,
            "<p>hi</p>"
        );
        let loaded = finish(
            bytes,
            Some("text/html; charset=utf-16le"),
            None,
            "response",
        )
        .expect("loads");
        assert_eq!(
            (loaded.html.as_str(), loaded.encoding),
            ("<p>hi</p>", "UTF-16LE")
        );
    }

    #[test]
    fn empty_and_plain_text() {
        for bytes in [&b""[..], b"  \n\t ", b"\xEF\xBB\xBF\n"] {
            let err = finish_err(bytes);
            assert!(matches!(err, LoadError::Empty { what: "file" }), "{err:?}");
            assert_eq!(err.to_string(), "empty file");
        }
        let err = finish(Vec::new(), None, None, "response").unwrap_err();
        assert_eq!(err.to_string(), "empty response");
        let err = finish_err(b"Just some notes. 3 < 4 and a<>b, nothing else.");
        assert!(matches!(err, LoadError::PlainText));
        assert_eq!(err.to_string(), "plain text, not an HTML page");
        for ok in [&b"<p>x"[..], b"<!-- c -->", b"text</p>"] {
            assert!(finish(ok.to_vec(), None, None, "file").is_ok());
        }
    }

    #[test]
    fn file_errors() {
        let dir = tempfile::tempdir().expect("tempdir");
        let opts = LoadOptions::default();

        let missing = Source::File(dir.path().join("missing.html"));
        let err = load(&missing, &opts).unwrap_err();
        assert!(matches!(err, LoadError::NotFound));
        assert_eq!(err.to_string(), "file not found");

        let err = load(&Source::File(dir.path().to_path_buf()), &opts).unwrap_err();
        assert!(matches!(err, LoadError::IsDirectory));
        assert_eq!(err.to_string(), "is a directory");

        let page = dir.path().join("page.html");
        std::fs::write(&page, "<p>café</p>").expect("write");
        let loaded = load(&Source::File(page.clone()), &opts).expect("loads");
        assert_eq!(
            loaded,
            Loaded {
                html: "<p>café</p>".into(),
                url: None,
                encoding: "UTF-8"
            }
        );

        let small = LoadOptions {
            max_bytes: 5,
            ..LoadOptions::default()
        };
        let err = load(&Source::File(page), &small).unwrap_err();
        assert!(matches!(
            err,
            LoadError::TooLarge {
                what: "file",
                limit: 5
            }
        ));
        assert_eq!(err.to_string(), "file larger than 5 bytes (--max-size)");
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let page = dir.path().join("locked.html");
        std::fs::write(&page, "<p>x</p>").expect("write");
        std::fs::set_permissions(&page, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        // root reads anything: then there is nothing to check.
        if File::open(&page).is_err() {
            let err = load(&Source::File(page), &LoadOptions::default()).unwrap_err();
            assert!(matches!(err, LoadError::PermissionDenied));
            assert_eq!(err.to_string(), "permission denied");
        }
    }

    #[test]
    fn capped_reader_stops_at_max_plus_one() {
        let data = vec![b'a'; 1000];
        let err = read_capped(io::Cursor::new(&data), 999, "input", LoadError::Io).unwrap_err();
        assert_eq!(err.to_string(), "input larger than 999 bytes (--max-size)");
        assert_eq!(
            read_capped(io::Cursor::new(&data), 1000, "input", LoadError::Io)
                .expect("fits")
                .len(),
            1000
        );
    }

    #[test]
    fn from_arg_forms() {
        assert_eq!(Source::from_arg("-").expect("stdin"), Source::Stdin);
        assert_eq!(Source::Stdin.name(), "<stdin>");
        let url = Source::from_arg("https://example.com/a?b=1").expect("url");
        assert!(matches!(&url, Source::Url(u) if u.host_str() == Some("example.com")));
        assert_eq!(url.name(), "https://example.com/a?b=1");
        assert!(matches!(
            Source::from_arg("HTTP://Example.com").expect("url"),
            Source::Url(_)
        ));
        for (arg, scheme) in [
            ("file:///etc/passwd", "file"),
            ("ftp://example.com/a.html", "ftp"),
            ("data:text/html,<p>x</p>", "data"),
            ("javascript:alert(1)", "javascript"),
            ("FTP://example.com", "ftp"),
        ] {
            let err = Source::from_arg(arg).unwrap_err();
            assert!(
                matches!(&err, LoadError::UnsupportedScheme { scheme: s } if s == scheme),
                "{err:?}"
            );
        }
        assert_eq!(
            Source::from_arg("ftp://x").unwrap_err().to_string(),
            "unsupported URL scheme \"ftp\" (only http and https)"
        );
        for path in [
            "page.html",
            "c:page.html",
            "./a:b.html",
            "dir/x.html",
            "a b.html",
        ] {
            assert_eq!(
                Source::from_arg(path).expect("path"),
                Source::File(path.into())
            );
            assert_eq!(Source::File(path.into()).name(), path);
        }
        assert!(matches!(
            Source::from_arg("http://"),
            Err(LoadError::InvalidUrl { .. })
        ));
    }

    #[test]
    fn existing_file_with_scheme_like_name_is_a_path() {
        let arg = "notes:draft.html";
        assert_eq!(
            Source::classify(arg, |_| true).expect("path"),
            Source::File(arg.into())
        );
        assert!(matches!(
            Source::classify(arg, |_| false),
            Err(LoadError::UnsupportedScheme { .. })
        ));
        // http(s) never turns into a path, whatever is on disk.
        assert!(matches!(
            Source::classify("http://x.test/", |_| true),
            Ok(Source::Url(_))
        ));
    }

    // --- HTTP, against a tiny_http server on loopback --------------------------------

    /// Serves at most `max_requests` requests (each awaited for up to 10 s) and stops.
    fn serve(max_requests: usize, handler: impl Fn(tiny_http::Request) + Send + 'static) -> String {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("bind loopback");
        let addr = server.server_addr().to_ip().expect("ip listener");
        thread::spawn(move || {
            for _ in 0..max_requests {
                match server.recv_timeout(Duration::from_secs(10)) {
                    Ok(Some(request)) => handler(request),
                    _ => break,
                }
            }
        });
        format!("http://{addr}")
    }

    fn reply(request: tiny_http::Request, status: u16, headers: &[(&str, &str)], body: &[u8]) {
        let mut response = tiny_http::Response::from_data(body.to_vec()).with_status_code(status);
        for (name, value) in headers {
            let header =
                tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("header");
            response.add_header(header);
        }
        let _ = request.respond(response);
    }

    fn get(url: &str, opts: &LoadOptions) -> Result<Loaded, LoadError> {
        load(&Source::from_arg(url).expect("url"), opts)
    }

    fn quick() -> LoadOptions {
        LoadOptions {
            timeout: Duration::from_secs(10),
            ..LoadOptions::default()
        }
    }

    #[test]
    fn http_200_with_header_charset() {
        let base = serve(1, |req| {
            let ua = req
                .headers()
                .iter()
                .find(|h| h.field.equiv("User-Agent"))
                .map(|h| h.value.to_string());
            assert_eq!(
                ua.as_deref(),
                Some(concat!("republish/", env!("CARGO_PKG_VERSION")))
            );
            reply(
                req,
                200,
                &[("Content-Type", "text/html; charset=windows-1252")],
                W1252_TEXT,
            );
        });
        let loaded = get(&format!("{base}/story"), &quick()).expect("loads");
        assert_eq!(loaded.encoding, "windows-1252");
        assert!(loaded.html.contains(W1252_EXPECTED));
        assert_eq!(loaded.url.expect("url").as_str(), format!("{base}/story"));
    }

    #[test]
    fn http_error_statuses() {
        let base = serve(2, |req| {
            let status = if req.url() == "/gone" { 404 } else { 500 };
            reply(
                req,
                status,
                &[("Content-Type", "text/html")],
                b"<p>error page</p>",
            );
        });
        let err = get(&format!("{base}/gone"), &quick()).unwrap_err();
        assert!(matches!(err, LoadError::HttpStatus { code: 404, .. }));
        assert_eq!(err.to_string(), "HTTP 404 Not Found");
        let err = get(&format!("{base}/boom"), &quick()).unwrap_err();
        assert_eq!(err.to_string(), "HTTP 500 Internal Server Error");
    }

    #[test]
    fn redirect_chain_reports_final_url() {
        let base = serve(4, |req| match req.url() {
            "/a" => reply(req, 301, &[("Location", "/b")], b""),
            "/b" => reply(req, 302, &[("Location", "/c?x=1")], b""),
            "/c?x=1" => reply(
                req,
                200,
                &[("Content-Type", "application/xhtml+xml")],
                b"<p>final</p>",
            ),
            _ => reply(req, 404, &[], b""),
        });
        let loaded = get(&format!("{base}/a"), &quick()).expect("loads");
        assert_eq!(loaded.html, "<p>final</p>");
        assert_eq!(loaded.url.expect("url").as_str(), format!("{base}/c?x=1"));
    }

    #[test]
    fn redirect_loop_is_too_many_redirects() {
        let base = serve(20, |req| {
            let next = if req.url() == "/ping" {
                "/pong"
            } else {
                "/ping"
            };
            reply(req, 302, &[("Location", next)], b"");
        });
        let err = get(&format!("{base}/ping"), &quick()).unwrap_err();
        assert!(
            matches!(err, LoadError::TooManyRedirects { limit: 5 }),
            "{err:?}"
        );
        assert_eq!(err.to_string(), "too many redirects (limit 5)");
    }

    #[test]
    fn oversized_body_is_refused() {
        let max = 10_000;
        let body = {
            let mut b = b"<p>".to_vec();
            b.resize(max as usize + 1000, b'x');
            b
        };
        let chunked_body = body.clone();
        let base = serve(2, move |req| {
            if req.url() == "/chunked" {
                // No Content-Length: only the capped read can notice.
                let response = tiny_http::Response::new(
                    tiny_http::StatusCode(200),
                    vec![],
                    io::Cursor::new(chunked_body.clone()),
                    None,
                    None,
                );
                let _ = req.respond(response);
            } else {
                reply(req, 200, &[("Content-Type", "text/html")], &body);
            }
        });
        let opts = LoadOptions {
            max_bytes: max,
            ..quick()
        };
        for path in ["/sized", "/chunked"] {
            let err = get(&format!("{base}{path}"), &opts).unwrap_err();
            assert!(
                matches!(
                    err,
                    LoadError::TooLarge {
                        what: "response",
                        limit: 10_000
                    }
                ),
                "{path}: {err:?}"
            );
        }
        let default_msg = LoadError::TooLarge {
            what: "response",
            limit: LoadOptions::default().max_bytes,
        };
        assert_eq!(
            default_msg.to_string(),
            "response larger than 20 MB (--max-size)"
        );
    }

    #[test]
    fn non_html_content_type_is_refused() {
        let base = serve(2, |req| {
            let ct = if req.url() == "/pdf" {
                "application/pdf"
            } else {
                "text/plain; charset=utf-8"
            };
            reply(req, 200, &[("Content-Type", ct)], b"<p>not really</p>");
        });
        let err = get(&format!("{base}/pdf"), &quick()).unwrap_err();
        assert!(
            matches!(&err, LoadError::NotHtml { content_type } if content_type == "application/pdf")
        );
        assert_eq!(
            err.to_string(),
            "not an HTML page (Content-Type: application/pdf)"
        );
        let err = get(&format!("{base}/txt"), &quick()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "not an HTML page (Content-Type: text/plain)"
        );
    }

    #[test]
    fn missing_content_type_with_binary_body() {
        let base = serve(1, |req| {
            let response = tiny_http::Response::new(
                tiny_http::StatusCode(200),
                vec![],
                io::Cursor::new(b"%PDF-1.5 ...".to_vec()),
                Some(12),
                None,
            );
            let _ = req.respond(response);
        });
        let err = get(&format!("{base}/doc"), &quick()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "binary response (PDF document), not an HTML page"
        );
    }

    #[test]
    fn slow_drip_times_out() {
        let base = serve(1, |req| {
            let mut w = req.into_writer();
            let head =
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n";
            if w.write_all(head).and_then(|()| w.flush()).is_err() {
                return;
            }
            // Bounded: at most 6 s of dripping, and it stops once the client hangs up.
            for _ in 0..30 {
                if w.write_all(b"<p>x</p>").and_then(|()| w.flush()).is_err() {
                    return;
                }
                thread::sleep(Duration::from_millis(200));
            }
        });
        let opts = LoadOptions {
            timeout: Duration::from_secs(1),
            ..LoadOptions::default()
        };
        let started = std::time::Instant::now();
        let err = get(&format!("{base}/drip"), &opts).unwrap_err();
        assert!(matches!(err, LoadError::Timeout { .. }), "{err:?}");
        assert_eq!(err.to_string(), "timed out after 1 s");
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn connection_refused() {
        // Bind then drop to get a loopback port that nothing listens on.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("bind")
            .local_addr()
            .expect("addr")
            .port();
        let err = get(&format!("http://127.0.0.1:{port}/"), &quick()).unwrap_err();
        assert!(matches!(err, LoadError::ConnectionRefused), "{err:?}");
    }

    #[test]
    fn load_error_is_send_sync() {
        fn check<T: Send + Sync + 'static>() {}
        check::<LoadError>();
    }
}
