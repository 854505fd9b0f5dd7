//! A small Chrome DevTools Protocol client for the browser tests: starts Debian's Chromium
//! headless with a fresh profile and every background service off, talks to it over one
//! WebSocket (tungstenite, blocking), and kills it on drop.
//!
//! Tabs are attached with flattened sessions; frames that Chromium puts in another process (a
//! sandboxed `srcdoc` frame can be one) are auto-attached too, with the Network, Runtime and Log
//! domains enabled before they run, so every request, console message and exception of every
//! frame is in [`Browser::take_events`].
//!
//! Nothing leaves loopback: every host name resolves to nothing (`--host-resolver-rules`), and the
//! tests serve their pages from `127.0.0.1`. A missing or broken Chromium is a test failure, never
//! a skip: `scripts/test` installs it.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::{Message, WebSocket};

/// How long one protocol call may take before the test fails.
const CALL_TIMEOUT: Duration = Duration::from_secs(60);

/// Flags that keep Chromium quiet and on loopback (see ../shared/xss/check_exec.md).
const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-breakpad",
    "--no-pings",
    "--metrics-recording-only",
    "--mute-audio",
    "--hide-scrollbars",
    "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions,NetworkTimeServiceQuerying,SafeBrowsing,PrivacySandboxSettings4",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
    "--webrtc-ip-handling-policy=disable_non_proxied_udp",
    "--component-updater=url-source=http://127.0.0.1:9/",
    "--gaia-url=http://127.0.0.1:9/",
    "--google-apis-url=http://127.0.0.1:9/",
    "--lso-url=http://127.0.0.1:9/",
    "--window-size=1280,900",
    "--remote-debugging-port=0",
];

/// The Chromium binary: `$REPUBLISH_CHROMIUM`, else Debian's real binary (not its shell wrapper),
/// else `chromium` on the PATH.
pub fn chromium() -> PathBuf {
    if let Some(path) = std::env::var_os("REPUBLISH_CHROMIUM") {
        return PathBuf::from(path);
    }
    let debian = PathBuf::from("/usr/lib/chromium/chromium");
    if debian.exists() { debian } else { PathBuf::from("chromium") }
}

/// One tab, attached: its flattened session id.
#[derive(Debug, Clone)]
pub struct Tab {
    pub target: String,
    pub session: String,
}

/// A running Chromium and the protocol connection to it.
pub struct Browser {
    child: Child,
    ws: WebSocket<TcpStream>,
    next_id: u64,
    /// Events not yet taken, oldest first (each with its `sessionId`, if any).
    events: Vec<Value>,
    stderr: Arc<Mutex<Vec<String>>>,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    /// Start Chromium. Panics (fails the test) when it cannot be started.
    pub fn launch() -> Browser {
        let exe = chromium();
        let profile = tempfile::Builder::new().prefix("republish-chromium-").tempdir().expect("temp dir");
        let mut child = Command::new(&exe)
            .args(FLAGS)
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start Chromium ({}): {e}\nThe browser tests need Debian's chromium package: scripts/test installs it \
                     (apt-get install chromium), or set REPUBLISH_CHROMIUM to a Chromium binary.",
                    exe.display()
                )
            });
        // Chromium prints "DevTools listening on ws://..." on stderr; the rest is kept for errors.
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = mpsc::channel();
        let pipe = child.stderr.take().expect("piped stderr");
        let lines = Arc::clone(&stderr);
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                if let Some(url) = line.strip_prefix("DevTools listening on ") {
                    let _ = tx.send(url.trim().to_owned());
                }
                let mut lines = lines.lock().unwrap_or_else(PoisonError::into_inner);
                if lines.len() < 200 {
                    lines.push(line);
                }
            }
        });
        let url = match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(url) => url,
            Err(_) => {
                let status = child.try_wait().ok().flatten();
                let _ = child.kill();
                let _ = child.wait();
                let log = stderr.lock().unwrap_or_else(PoisonError::into_inner).join("\n");
                panic!("Chromium ({}) did not start (exit: {status:?}); its stderr:\n{log}", exe.display());
            }
        };
        let host = url.trim_start_matches("ws://").split('/').next().expect("host:port").to_owned();
        let stream = TcpStream::connect(&host).unwrap_or_else(|e| panic!("cannot connect to Chromium at {host}: {e}"));
        stream.set_read_timeout(Some(Duration::from_secs(30))).expect("read timeout");
        stream.set_nodelay(true).ok();
        let (ws, _) = tungstenite::client(url.as_str(), stream).unwrap_or_else(|e| panic!("WebSocket handshake with {url}: {e}"));
        // From now on reads wait briefly, so that calls can check their deadlines.
        ws.get_ref().set_read_timeout(Some(Duration::from_millis(100))).expect("read timeout");
        let mut browser = Browser { child, ws, next_id: 0, events: Vec::new(), stderr, _profile: profile };
        browser.call(None, "Fetch.enable", json!({ "patterns": [{ "urlPattern": "*" }] }));
        browser
    }

    /// Chromium's stderr so far, for failure messages.
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap_or_else(PoisonError::into_inner).join("\n")
    }

    fn send(&mut self, session: Option<&str>, method: &str, params: Value) -> u64 {
        self.next_id += 1;
        let mut message = json!({ "id": self.next_id, "method": method, "params": params });
        if let Some(session) = session {
            message["sessionId"] = json!(session);
        }
        self.ws.send(Message::text(message.to_string())).unwrap_or_else(|e| panic!("send {method}: {e}\n{}", self.stderr()));
        self.next_id
    }

    /// Read one message, if one comes within the socket's short timeout. Events are kept (and
    /// new frame targets set up); replies are returned.
    fn pump(&mut self) -> Option<Value> {
        let message = match self.ws.read() {
            Ok(Message::Text(text)) => serde_json::from_str::<Value>(text.as_str()).expect("protocol message is JSON"),
            Ok(_) => return None,
            Err(tungstenite::Error::Io(e)) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
                return None;
            }
            Err(e) => panic!("Chromium connection lost: {e}\n{}", self.stderr()),
        };
        if message.get("id").is_some() {
            return Some(message);
        }
        if message["method"] == "Fetch.requestPaused" && message.get("sessionId").is_none() {
            // Every request of every frame passes here (browser-wide interception): loopback
            // ones go on, any other is failed without leaving the machine. Both are recorded.
            let id = message["params"]["requestId"].clone();
            let url = message["params"]["request"]["url"].as_str().unwrap_or_default();
            if is_local(url) {
                self.send(None, "Fetch.continueRequest", json!({ "requestId": id }));
            } else {
                self.send(None, "Fetch.failRequest", json!({ "requestId": id, "errorReason": "BlockedByClient" }));
            }
        }
        if message["method"] == "Target.attachedToTarget" && message.get("sessionId").is_some() {
            // A frame in another process (paused until its domains are on, when it is new).
            let child = message["params"]["sessionId"].as_str().unwrap_or_default().to_owned();
            for (method, params) in [
                ("Network.enable", json!({})),
                ("Runtime.enable", json!({})),
                ("Log.enable", json!({})),
                ("Target.setAutoAttach", json!({ "autoAttach": true, "waitForDebuggerOnStart": true, "flatten": true })),
                ("Runtime.runIfWaitingForDebugger", json!({})),
            ] {
                self.send(Some(&child), method, params);
            }
        }
        self.events.push(message);
        None
    }

    /// Call a protocol method and wait for its result; Err is the protocol's error message.
    pub fn try_call(&mut self, session: Option<&str>, method: &str, params: Value) -> Result<Value, String> {
        let id = self.send(session, method, params);
        let deadline = Instant::now() + CALL_TIMEOUT;
        loop {
            if let Some(reply) = self.pump()
                && reply["id"] == id
            {
                return match reply.get("error") {
                    Some(error) => Err(error.to_string()),
                    None => Ok(reply["result"].clone()),
                };
            }
            if Instant::now() > deadline {
                panic!("{method}: no reply from Chromium within {CALL_TIMEOUT:?}\n{}", self.stderr());
            }
        }
    }

    /// [`Browser::try_call`] that fails the test on a protocol error.
    pub fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        self.try_call(session, method, params).unwrap_or_else(|e| panic!("{method}: {e}"))
    }

    /// Wait for the first event (kept or new) that `matches`, and take it.
    pub fn wait_event(&mut self, timeout: Duration, matches: impl Fn(&Value) -> bool) -> Option<Value> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(i) = self.events.iter().position(&matches) {
                return Some(self.events.remove(i));
            }
            if Instant::now() > deadline {
                return None;
            }
            self.pump();
        }
    }

    /// Every event received so far (after reading what is pending), kept.
    pub fn events(&mut self) -> &[Value] {
        let deadline = Instant::now() + Duration::from_millis(50);
        while Instant::now() < deadline {
            self.pump();
        }
        &self.events
    }

    /// Every event received so far (after reading what is pending), and forget them.
    pub fn take_events(&mut self) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_millis(50);
        while Instant::now() < deadline {
            self.pump();
        }
        std::mem::take(&mut self.events)
    }

    /// A new tab, attached, with Page, Network, Runtime and Log events on and frames in other
    /// processes auto-attached.
    pub fn open_tab(&mut self) -> Tab {
        let target = self.call(None, "Target.createTarget", json!({ "url": "about:blank" }))["targetId"].as_str().expect("targetId").to_owned();
        let session = self.call(None, "Target.attachToTarget", json!({ "targetId": target, "flatten": true }))["sessionId"]
            .as_str()
            .expect("sessionId")
            .to_owned();
        let s = Some(session.as_str());
        for method in ["Page.enable", "Network.enable", "Runtime.enable", "Log.enable"] {
            self.call(s, method, json!({}));
        }
        self.call(s, "Target.setAutoAttach", json!({ "autoAttach": true, "waitForDebuggerOnStart": true, "flatten": true }));
        self.call(s, "Emulation.setFocusEmulationEnabled", json!({ "enabled": true }));
        Tab { target, session }
    }

    /// Close a tab.
    pub fn close_tab(&mut self, tab: &Tab) {
        self.call(None, "Target.closeTarget", json!({ "targetId": tab.target }));
    }

    /// Load `url` in the tab and wait for its load event.
    pub fn navigate(&mut self, tab: &Tab, url: &str) {
        self.events.retain(|e| !(e["method"] == "Page.loadEventFired" && e["sessionId"] == tab.session.as_str()));
        let result = self.call(Some(&tab.session), "Page.navigate", json!({ "url": url }));
        if let Some(error) = result.get("errorText") {
            panic!("navigate to {url}: {error}");
        }
        let session = tab.session.clone();
        if self.wait_event(CALL_TIMEOUT, |e| e["method"] == "Page.loadEventFired" && e["sessionId"] == session.as_str()).is_none() {
            panic!("{url}: no load event within {CALL_TIMEOUT:?}");
        }
    }

    /// Evaluate a JavaScript expression in the tab (promises awaited) and return its value.
    /// Runs in the page's own world, unaffected by its Content-Security-Policy.
    pub fn eval(&mut self, tab: &Tab, expression: &str) -> Value {
        self.eval_in(Some(&tab.session), None, expression)
    }

    /// Evaluate in a session, optionally in one execution context.
    pub fn eval_in(&mut self, session: Option<&str>, context: Option<i64>, expression: &str) -> Value {
        let mut params = json!({ "expression": expression, "returnByValue": true, "awaitPromise": true });
        if let Some(context) = context {
            params["contextId"] = json!(context);
        }
        let result = self.call(session, "Runtime.evaluate", params);
        if let Some(details) = result.get("exceptionDetails") {
            panic!("evaluating {expression:.200}: {details}");
        }
        result["result"]["value"].clone()
    }

    /// A PNG screenshot of the whole page at `width` CSS pixels.
    pub fn screenshot(&mut self, tab: &Tab, width: u32) -> Vec<u8> {
        use base64::Engine as _;
        let s = Some(tab.session.as_str());
        let height = self.eval(tab, "Math.ceil(document.documentElement.scrollHeight)").as_u64().unwrap_or(900);
        self.call(s, "Emulation.setDeviceMetricsOverride", json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }));
        let data = self.call(s, "Page.captureScreenshot", json!({ "format": "png", "captureBeyondViewport": true }))["data"]
            .as_str()
            .expect("screenshot data")
            .to_owned();
        self.call(s, "Emulation.clearDeviceMetricsOverride", json!({}));
        base64::engine::general_purpose::STANDARD.decode(data).expect("base64 PNG")
    }
}

/// Every request in `events`, of every frame, as intercepted by the browser: (resource type, URL).
pub fn requests(events: &[Value]) -> Vec<(String, String)> {
    events
        .iter()
        .filter(|e| e["method"] == "Fetch.requestPaused")
        .map(|e| (e["params"]["resourceType"].as_str().unwrap_or("?").to_owned(), e["params"]["request"]["url"].as_str().unwrap_or("?").to_owned()))
        .collect()
}

/// Whether a URL stays on this machine (or is no request at all).
pub fn is_local(url: &str) -> bool {
    url.starts_with("http://127.0.0.1:") || url.starts_with("about:") || url.starts_with("data:")
}

/// Console output, exceptions and log entries in `events`, as lines (for "nothing ran").
pub fn console(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e["method"].as_str()? {
            "Runtime.consoleAPICalled" => Some(format!("console.{}: {}", e["params"]["type"], e["params"]["args"])),
            "Runtime.exceptionThrown" => Some(format!("exception: {}", e["params"]["exceptionDetails"])),
            "Log.entryAdded" => {
                let entry = &e["params"]["entry"];
                Some(format!("log ({}, {}): {} {}", entry["source"], entry["level"], entry["text"], entry["url"]))
            }
            _ => None,
        })
        .collect()
}

/// Pages by path: (content type, body).
type Pages = Arc<Mutex<std::collections::HashMap<String, (String, Vec<u8>)>>>;

/// A loopback web server for the tests: fixed pages by path, a 1×1 GIF at any path starting
/// with `/pixel`, 404 otherwise; every request path is recorded.
pub struct Site {
    pub port: u16,
    pages: Pages,
    log: Arc<Mutex<Vec<String>>>,
    server: Arc<tiny_http::Server>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// A transparent 1×1 GIF.
pub const GIF: &[u8] = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff\x21\xf9\x04\x01\x00\x00\x00\x00\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00\x3b";

impl Site {
    pub fn start() -> Site {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("loopback server"));
        let port = server.server_addr().to_ip().expect("ip address").port();
        let pages: Pages = Arc::default();
        let log: Arc<Mutex<Vec<String>>> = Arc::default();
        let (srv, p, l) = (Arc::clone(&server), Arc::clone(&pages), Arc::clone(&log));
        let thread = std::thread::spawn(move || {
            for request in srv.incoming_requests() {
                let url = request.url().to_owned();
                l.lock().unwrap_or_else(PoisonError::into_inner).push(url.clone());
                let path = url.split('?').next().unwrap_or_default().to_owned();
                let found = p.lock().unwrap_or_else(PoisonError::into_inner).get(&path).cloned();
                let (status, kind, body) = match found {
                    Some((kind, body)) => (200, kind, body),
                    None if path.starts_with("/pixel") => (200, "image/gif".to_owned(), GIF.to_vec()),
                    None => (404, "text/plain".to_owned(), b"not found".to_vec()),
                };
                let header = tiny_http::Header::from_bytes("Content-Type", kind.as_bytes()).expect("header");
                let response = tiny_http::Response::from_data(body).with_status_code(status).with_header(header);
                let _ = request.respond(response);
            }
        });
        Site { port, pages, log, server, thread: Some(thread) }
    }

    /// `http://127.0.0.1:PORT` + path.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Serve `body` as HTML at `path`.
    pub fn page(&self, path: &str, body: impl Into<Vec<u8>>) {
        self.pages.lock().unwrap_or_else(PoisonError::into_inner).insert(path.to_owned(), ("text/html; charset=utf-8".to_owned(), body.into()));
    }

    /// The request paths (with queries) received so far.
    pub fn requests(&self) -> Vec<String> {
        self.log.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
