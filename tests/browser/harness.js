/* republish's XSS execution harness (tests/browser.rs), the first script of every test page.
 * __NONCE__ and __MODE__ ("live" or "csp") are filled in by the test. The page's body holds many
 * embeds, each in <div data-embed="i">, then <div data-embed="end">.
 *
 * 1. Script sinks are hooked (alert, confirm, prompt, print, open, fetch, XHR, sendBeacon,
 *    WebSocket, EventSource, workers, WebRTC, eval, Function, string timers, document.write,
 *    document.cookie); uncaught errors and Content-Security-Policy violations are recorded. In
 *    "csp" mode the page's policy allows only this script (by nonce), so any inline script,
 *    handler, javascript: URL or eval is blocked and reported even if it touches no sink.
 * 2. After load: each embed's DOM, as the browser built it, is scanned for anything that could run
 *    or load later; it is serialised and parsed again (the mXSS round trip) and scanned again; then
 *    every on* handler found anywhere is fired with a plain Event.
 * 3. The report is JSON in the attribute data-xss-__NONCE__ of <html>, read by the test.
 * Everything the harness calls is captured before the embeds are parsed, so markup in them cannot
 * shadow it. */
(function () {
  'use strict';
  var N = '__NONCE__', MODE = '__MODE__';
  var W = window, D = document, DE = D.documentElement;
  var call = Function.prototype.call, stringify = JSON.stringify;
  var setAttr = Element.prototype.setAttribute, getAttr = Element.prototype.getAttribute;
  var qsa = Element.prototype.querySelectorAll, closest = Element.prototype.closest;
  var attrsOf = Object.getOwnPropertyDescriptor(Element.prototype, 'attributes').get;
  var innerGet = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML').get;
  var innerSet = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML').set;
  var parentOf = Object.getOwnPropertyDescriptor(Node.prototype, 'parentNode').get;
  var nsOf = Object.getOwnPropertyDescriptor(Element.prototype, 'namespaceURI').get;
  var localNameOf = Object.getOwnPropertyDescriptor(Element.prototype, 'localName').get;
  var createEl = Document.prototype.createElement, appendChild = Node.prototype.appendChild;
  var dispatch = EventTarget.prototype.dispatchEvent, addEL = EventTarget.prototype.addEventListener;
  var bodyOf = Object.getOwnPropertyDescriptor(Document.prototype, 'body').get;
  var oSetTimeout = W.setTimeout, EventCtor = W.Event, ErrorEventCtor = W.ErrorEvent;
  var HTML_NS = 'http://www.w3.org/1999/xhtml';

  var hits = [], findings = [], phase = 'parse', current = null, done = false;
  function S(x) { try { return String(x).slice(0, 300); } catch (e) { return '?'; } }
  function publish() {
    call.call(setAttr, DE, 'data-xss-' + N, stringify({ mode: MODE, phase: phase, done: done, hits: hits, findings: findings }));
  }
  // Which embed is running: the one being fired, else the element's (or the current event's
  // target's) box or copy, else the last one parsed so far.
  var eventOf = Object.getOwnPropertyDescriptor(W, 'event');
  eventOf = eventOf && eventOf.get;
  function where(el) {
    if (current !== null) return current;
    try {
      var ev = eventOf ? call.call(eventOf, W) : null;
      if ((!el || el.nodeType !== 1) && ev && ev.target && ev.target.nodeType === 1) el = ev.target;
      var box = el && el.nodeType === 1 ? call.call(closest, el, '[data-embed],[data-copy]') : null;
      if (box) return call.call(getAttr, box, 'data-embed') || call.call(getAttr, box, 'data-copy');
      var all = call.call(qsa, DE, '[data-embed]');
      return all.length ? call.call(getAttr, all[all.length - 1], 'data-embed') : 'head';
    } catch (e) { return '?'; }
  }
  function hit(kind, detail, el) { hits.push({ embed: where(el), kind: kind, phase: phase, detail: S(detail) }); publish(); }
  function find(embed, kind, detail) { findings.push({ embed: embed, kind: kind, phase: phase, detail: S(detail) }); }

  /* 1. Sinks. */
  ['alert', 'confirm', 'prompt', 'print'].forEach(function (n) {
    W[n] = function () { hit('call:' + n, [].slice.call(arguments).join(',')); };
  });
  W.open = function (u) { hit('call:open', u); return null; };
  W.fetch = function (u) { hit('call:fetch', u); return Promise.reject(new TypeError('blocked')); };
  var xhrOpen = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (m, u) { hit('call:xhr', m + ' ' + u); return xhrOpen.apply(this, arguments); };
  if (navigator.sendBeacon) navigator.sendBeacon = function (u) { hit('call:sendBeacon', u); return false; };
  ['WebSocket', 'EventSource', 'Worker', 'SharedWorker', 'RTCPeerConnection', 'webkitRTCPeerConnection'].forEach(function (n) {
    if (W[n]) W[n] = function (u) { hit('call:' + n, u); throw new Error('blocked'); };
  });
  W.eval = function (s) { hit('call:eval', s); };
  W.setTimeout = function (f) { if (typeof f !== 'function') { hit('call:setTimeout(string)', f); return 0; } return oSetTimeout.apply(W, arguments); };
  var oSetInterval = W.setInterval;
  W.setInterval = function (f) { if (typeof f !== 'function') { hit('call:setInterval(string)', f); return 0; } return oSetInterval.apply(W, arguments); };
  D.write = function () { hit('call:document.write', [].join.call(arguments, '')); };
  D.writeln = function () { hit('call:document.writeln', [].join.call(arguments, '')); };
  try {
    Object.defineProperty(D, 'cookie', { configurable: true,
      get: function () { hit('get:document.cookie', ''); return ''; },
      set: function (v) { hit('set:document.cookie', v); } });
  } catch (e) {}
  try {
    var FakeFunction = function () { hit('call:Function', [].join.call(arguments, ',')); return function () {}; };
    W.Function = FakeFunction;
    Object.defineProperty(Function.prototype, 'constructor', { value: FakeFunction });
  } catch (e) {}
  call.call(addEL, W, 'error', function (e) {
    if (e instanceof ErrorEventCtor) hit('js-error', e.message + ' @' + e.filename + ':' + e.lineno, e.target);
  }, true);
  call.call(addEL, D, 'securitypolicyviolation', function (e) {
    hit('csp:' + e.effectiveDirective, e.blockedURI + ' ' + (e.sample || ''), e.target);
  }, true);
  call.call(addEL, W, 'beforeunload', function () { hit('navigation', 'the page is being left'); }, true);

  /* 2. What could run later: the DOM the browser built, element by element. */
  var BAD_ELEMENTS = /^(script|iframe|frame|frameset|object|embed|applet|portal|fencedframe|form|input|button|select|textarea|option|isindex|keygen|meta|base|style|template|svg|math|noscript|xmp|plaintext|noembed|noframes|title|audio|video|source|track|picture|canvas|dialog|slot)$/;
  var URL_ATTRS = /^(href|src|action|formaction|xlink:href|data|poster|background|lowsrc|dynsrc|cite|longdesc|usemap|codebase|classid|archive|profile|manifest|icon|ping|srcset|imagesrcset|itemtype)$/;
  function scheme(v) {
    var s = String(v).replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
    var m = /^([a-zA-Z][a-zA-Z0-9+.\-]*):/.exec(s);
    return m ? m[1].toLowerCase() : null;
  }
  function scanElement(embed, el, rootBox) {
    var tag = String(call.call(localNameOf, el)).toLowerCase(), ns = call.call(nsOf, el);
    if (el === rootBox) return;
    if (ns !== HTML_NS) find(embed, 'foreign-element', ns + ' ' + tag);
    if (BAD_ELEMENTS.test(tag)) find(embed, 'element', tag);
    if (tag === 'link' && String(call.call(getAttr, el, 'rel')).toLowerCase() !== 'canonical') find(embed, 'element', 'link rel=' + call.call(getAttr, el, 'rel'));
    var attrs = call.call(attrsOf, el);
    for (var i = 0; i < attrs.length; i++) {
      var an = String(attrs[i].name).toLowerCase(), v = attrs[i].value;
      if (/^on/.test(an)) find(embed, 'handler', tag + ' ' + an + '=' + v);
      if (an === 'srcdoc' || an === 'formaction' || an === 'http-equiv' || an === 'is' || an === 'autofocus') find(embed, 'attribute', tag + ' ' + an + '=' + v);
      if (URL_ATTRS.test(an)) {
        var values = /srcset$/.test(an) ? String(v).split(',').map(function (c) { return c.trim().split(/\s+/)[0]; }) : [v];
        values.forEach(function (u) {
          var sc = scheme(u);
          if (sc !== null && sc !== 'http' && sc !== 'https' && !(sc === 'mailto' && an === 'href')) find(embed, 'url', tag + ' ' + an + '=' + u);
        });
      }
      if (an === 'style' && /expression|behavior|-moz-binding|javascript:|vbscript:|@import|url\s*\(|image-set|\\/i.test(v)) find(embed, 'style', tag + ' style=' + v);
    }
  }
  function scanBox(embed, box) {
    var all = call.call(qsa, box, '*');
    for (var i = 0; i < all.length; i++) scanElement(embed, all[i], box);
  }
  function fireHandlers(box) {
    var all = call.call(qsa, box, '*');
    for (var i = 0; i < all.length; i++) {
      var attrs = call.call(attrsOf, all[i]);
      for (var j = 0; j < attrs.length; j++) {
        var an = String(attrs[j].name).toLowerCase();
        if (/^on[a-z]/.test(an)) { try { call.call(dispatch, all[i], new EventCtor(an.slice(2))); } catch (e) {} }
      }
    }
  }
  function later(ms, f) {
    oSetTimeout.call(W, function () { try { f(); } catch (e) { find('harness', 'harness-error', e && e.stack || e); } publish(); }, ms);
  }

  /* 3. After load. */
  call.call(addEL, W, 'load', function () {
    phase = 'load';
    later(200, function () {
      var body = call.call(bodyOf, D), boxes = call.call(qsa, DE, '[data-embed]'), copies = [];
      var last = boxes.length ? boxes[boxes.length - 1] : null;
      if (!last || call.call(getAttr, last, 'data-embed') !== 'end') find('page', 'swallowed', 'the end marker is missing or not last');
      for (var i = 0; i < boxes.length; i++) {
        var embed = call.call(getAttr, boxes[i], 'data-embed');
        if (call.call(parentOf, boxes[i]) !== body) find(embed, 'swallowed', 'embed box is not a child of <body>: the previous embed left an element open');
        scanBox(embed, boxes[i]);
      }
      phase = 'roundtrip';
      for (var k = 0; k < boxes.length; k++) {
        var id = call.call(getAttr, boxes[k], 'data-embed'), html = call.call(innerGet, boxes[k]);
        var copy = call.call(createEl, D, 'div');
        call.call(setAttr, copy, 'data-copy', id);
        current = id;
        call.call(appendChild, body, copy);
        call.call(innerSet, copy, html);
        current = null;
        if (call.call(innerGet, copy) !== html) find(id, 'unstable-serialisation', call.call(innerGet, copy));
        copies.push([id, copy]);
      }
      later(200, function () {
        for (var m = 0; m < copies.length; m++) scanBox(copies[m][0], copies[m][1]);
        phase = 'trigger';
        for (var n = 0; n < boxes.length; n++) { current = call.call(getAttr, boxes[n], 'data-embed'); fireHandlers(boxes[n]); }
        for (var q = 0; q < copies.length; q++) { current = copies[q][0]; fireHandlers(copies[q][1]); }
        current = null;
        later(200, function () { phase = 'done'; done = true; });
      });
    });
  });
  publish();
})();
