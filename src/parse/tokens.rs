//! Part of stage 2 (parse): the tokens of plain markup, read here and handed straight to
//! html5ever's tree builder. html5ever's tokenizer walks every tag and attribute name a
//! character at a time, through a queue of buffers: it cost more than the tree builder and every
//! later stage together (docs/performance.md).
//!
//! The reader follows the tokenizer's data state and takes a construct only where the tokens are
//! certain: text, with character references decoded as html5ever decodes them; start and end
//! tags of ASCII names with plain attributes; comments. When the tree builder answers a start
//! tag by switching the tokenizer to a raw-text state (`<script>`, `<style>`, `<title>`, ...),
//! the reader reads the content and its end tag as that state would; it checks beforehand that
//! it can (an end tag of the plain form, no NUL). Doctypes and bogus comments go to the tokenizer
//! one at a time, as they end at their first `>` whatever they hold. At the first construct it
//! does not take (a CDATA section, an attribute the tokenizer reads as a parse error, NUL,
//! `<plaintext>`), the reader stops and the tokenizer reads the rest of the page. Either way the
//! tree is the one `Html::parse_document` builds: tests compare the two trees node by node on
//! the fixtures, the fuzz corpora, the shared corpus when present and random soup.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, StartTag, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer};
use html5ever::tree_builder::TreeBuilder;
use html5ever::{Attribute, LocalName, QualName, local_name, ns};
use std::cell::Cell;

/// Elements whose start tag can switch the tokenizer out of its data state (the tree builder's
/// `parse_raw_data` and `to_raw_text_mode`, and `<plaintext>`).
fn may_switch(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("title")
            | local_name!("textarea")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("noscript")
            | local_name!("plaintext")
    )
}

/// Read what the reader can of `html` into the tokenizer's tree builder; the byte offset where
/// it stopped (`html.len()` when it read everything). `on_token` runs after each token (the
/// caller's work bound).
pub(super) fn read<S>(tokenizer: &Tokenizer<TreeBuilder<S::Handle, S>>, input: &BufferQueue, html: &str, after_stop: &Cell<bool>, mut on_token: impl FnMut(usize) -> bool) -> usize
where
    S: html5ever::tree_builder::TreeSink,
{
    let b = html.as_bytes();
    let mut i = 0;
    let mut text = String::new();
    // Bytes searched for the end of raw text that the tree builder then read as markup (in svg,
    // `<style>` is an ordinary element): searched again from the next such tag, they would make a
    // page of many a quadratic read. Past the page's length the tokenizer reads the rest.
    let mut searched_in_vain = 0;
    while i < b.len() {
        // Text up to the next '<' that opens markup.
        let mut end = i;
        loop {
            end = memchr::memchr(b'<', &b[end..]).map_or(b.len(), |k| end + k);
            match b.get(end + 1) {
                Some(c) if c.is_ascii_alphabetic() || matches!(c, b'!' | b'/' | b'?') => break,
                // A '<' before anything else is text, also at the very end.
                Some(_) => end += 1,
                None => {
                    end = b.len();
                    break;
                }
            }
        }
        if after_stop.replace(false) && html[i..end].starts_with('\u{feff}') {
            i += '\u{feff}'.len_utf8();
        }
        if end > i {
            let Some(run) = decode_text(&html[i..end], &mut text) else { return i };
            let token = Token::CharacterTokens(StrTendril::from_slice(run));
            if !continues(tokenizer.sink.process_token(token, 1), after_stop) {
                return i;
            }
            if !on_token(end) {
                return end;
            }
        }
        i = end;
        if i == b.len() {
            break;
        }
        // b[i] == '<'
        let next = match b[i + 1] {
            b'/' => end_tag(html, i).map(|(tag, after)| (Token::TagToken(tag), after)),
            b'!' if b[i..].starts_with(b"<!--") => comment(html, i).map(|(text, after)| (Token::CommentToken(StrTendril::from_slice(text)), after)),
            b'!' if b[i..].starts_with(b"<![") => None,
            b'!' | b'?' => {
                // A doctype or a bogus comment: whatever it holds, it ends at its first '>'.
                let Some(gt) = memchr::memchr(b'>', &b[i..]) else { return i };
                i += gt + 1;
                if !feed(tokenizer, input, &html[i - gt - 1..i], after_stop) || !on_token(i) {
                    return i;
                }
                continue;
            }
            _ => {
                let Some((tag, after)) = start_tag(html, i) else { return i };
                if !may_switch(&tag.name) {
                    Some((Token::TagToken(tag), after))
                } else {
                    // Checked before the tree builder sees the start tag: if it switches the
                    // tokenizer to a raw-text state, the reader reads the content as that state
                    // would, since html5ever's tokenizer cannot be put in it.
                    if searched_in_vain > b.len() {
                        return i;
                    }
                    let Some((content_end, after_end)) = raw_content(html, &tag.name, after) else { return i };
                    let name = tag.name.clone();
                    match tokenizer.sink.process_token(Token::TagToken(tag), 1) {
                        TokenSinkResult::RawData(kind) => {
                            let content = &html[after..content_end];
                            let content = if kind == RawKind::Rcdata { decode_text(content, &mut text).expect("raw_content checks for CR and NUL") } else { content };
                            if !content.is_empty() {
                                continues(tokenizer.sink.process_token(Token::CharacterTokens(StrTendril::from_slice(content)), 1), after_stop);
                            }
                            let end = Tag { kind: TagKind::EndTag, name, self_closing: false, attrs: Vec::new(), had_duplicate_attributes: false };
                            continues(tokenizer.sink.process_token(Token::TagToken(end), 1), after_stop);
                            i = after_end;
                        }
                        // Foreign content, or a mode that ignores the tag: the content is markup.
                        result => {
                            continues(result, after_stop);
                            searched_in_vain += after_end - after;
                            i = after;
                        }
                    }
                    if !on_token(i) {
                        return i;
                    }
                    continue;
                }
            }
        };
        let Some((token, after)) = next else { return i };
        if !continues(tokenizer.sink.process_token(token, 1), after_stop) {
            // Not reached: only the elements of `may_switch` switch the tokenizer's state.
            return after;
        }
        i = after;
        if !on_token(i) {
            return i;
        }
    }
    b.len()
}

/// Whether the tokenizer stays in its data state after a token the reader gave the tree builder;
/// notes a stop for [`feed`]'s U+FEFF rule.
fn continues<H>(result: TokenSinkResult<H>, after_stop: &Cell<bool>) -> bool {
    match result {
        TokenSinkResult::Continue => true,
        TokenSinkResult::Script(_) | TokenSinkResult::EncodingIndicator(_) => {
            after_stop.set(true);
            true
        }
        TokenSinkResult::Plaintext | TokenSinkResult::RawData(_) => false,
    }
}

/// Hand `piece` to the tokenizer, as `Parser::process` does; whether it read all of it.
///
/// html5ever drops a U+FEFF at the head of its input each time it is fed, and its driver feeds it
/// again after every token the tree builder answers with more than `Continue` (a script's end, a
/// `<meta charset>`): a U+FEFF right there is dropped. `after_stop` carries that to whatever
/// comes next when the input ran out right at such a token.
pub(super) fn feed<S>(tokenizer: &Tokenizer<TreeBuilder<S::Handle, S>>, input: &BufferQueue, piece: &str, after_stop: &Cell<bool>) -> bool
where
    S: html5ever::tree_builder::TreeSink,
{
    let piece = if after_stop.replace(false) { piece.strip_prefix('\u{feff}').unwrap_or(piece) } else { piece };
    if piece.is_empty() {
        return input.is_empty();
    }
    input.push_back(StrTendril::from_slice(piece));
    while !matches!(tokenizer.feed(input), html5ever::TokenizerResult::Done) {
        match input.peek() {
            Some('\u{feff}') => drop(input.next()),
            Some(_) => {}
            None => after_stop.set(true),
        }
    }
    input.is_empty()
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b' ')
}

/// Bytes of a tag or attribute name the reader takes (the tokenizer lower-cases ASCII letters),
/// other characters than ASCII among them: AMP's `<html ⚡>` names an attribute "⚡", as the
/// tokenizer reads it (a character is all its bytes, each of them 0x80 or above).
fn is_name_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.') || c >= 0x80
}

fn local_name(raw: &str) -> LocalName {
    if raw.bytes().any(|c| c.is_ascii_uppercase()) { LocalName::from(raw.to_ascii_lowercase()) } else { LocalName::from(raw) }
}

/// `<name attr="value" ...>` at `lt`: the tag and the offset after its `>`.
fn start_tag(html: &str, lt: usize) -> Option<(Tag, usize)> {
    let b = html.as_bytes();
    let name_end = lt + 1 + b[lt + 1..].iter().position(|&c| !is_name_byte(c))?;
    let name = local_name(&html[lt + 1..name_end]);
    let mut attrs: Vec<Attribute> = Vec::new();
    let mut had_duplicate_attributes = false;
    let mut i = name_end;
    let mut value = String::new();
    loop {
        while b.get(i).copied().is_some_and(is_space) {
            i += 1;
        }
        match *b.get(i)? {
            b'>' => return Some((Tag { kind: StartTag, name, self_closing: false, attrs, had_duplicate_attributes }, i + 1)),
            b'/' if b.get(i + 1) == Some(&b'>') => return Some((Tag { kind: StartTag, name, self_closing: true, attrs, had_duplicate_attributes }, i + 2)),
            c if is_name_byte(c) => {}
            _ => return None,
        }
        let attr_start = i;
        while b.get(i).copied().is_some_and(is_name_byte) {
            i += 1;
        }
        let attr_name = &html[attr_start..i];
        if !matches!(b.get(i), Some(&c) if is_space(c) || matches!(c, b'=' | b'>' | b'/')) {
            return None;
        }
        let mut j = i;
        while b.get(j).copied().is_some_and(is_space) {
            j += 1;
        }
        let attr_value = if b.get(j) == Some(&b'=') {
            j += 1;
            while b.get(j).copied().is_some_and(is_space) {
                j += 1;
            }
            match *b.get(j)? {
                quote @ (b'"' | b'\'') => {
                    let close = j + 1 + memchr::memchr(quote, &b[j + 1..])?;
                    let raw = &html[j + 1..close];
                    i = close + 1;
                    decode_attr(raw, &mut value)?
                }
                // `a=>`: the value is missing and the tag ends.
                b'>' => {
                    i = j;
                    ""
                }
                _ => {
                    let end = j + b[j..].iter().position(|&c| is_space(c) || c == b'>')?;
                    let raw = &html[j..end];
                    if raw.bytes().any(|c| matches!(c, b'"' | b'\'' | b'<' | b'=' | b'`')) {
                        return None;
                    }
                    i = end;
                    decode_attr(raw, &mut value)?
                }
            }
        } else {
            // No value: the next name (or the end) starts after the spaces.
            ""
        };
        let attr_name = local_name(attr_name);
        // The tokenizer keeps the first of two attributes with one name.
        if attrs.iter().any(|a| a.name.local == attr_name) {
            had_duplicate_attributes = true;
        } else {
            attrs.push(Attribute { name: QualName::new(None, ns!(), attr_name), value: StrTendril::from_slice(attr_value) });
        }
    }
}

/// `</name>` at `lt` (spaces before the `>` allowed): the tag and the offset after its `>`.
fn end_tag(html: &str, lt: usize) -> Option<(Tag, usize)> {
    let b = html.as_bytes();
    if !b.get(lt + 2)?.is_ascii_alphabetic() {
        return None;
    }
    let name_end = lt + 2 + b[lt + 2..].iter().position(|&c| !is_name_byte(c))?;
    let mut i = name_end;
    while b.get(i).copied().is_some_and(is_space) {
        i += 1;
    }
    (*b.get(i)? == b'>').then(|| (Tag { kind: TagKind::EndTag, name: local_name(&html[lt + 2..name_end]), self_closing: false, attrs: Vec::new(), had_duplicate_attributes: false }, i + 1))
}

/// `<!--...-->` at `lt`: its text and the offset after it, as the comment states read it: `<!-->`
/// and `<!--->` are empty; otherwise it ends at the first `-->` or `--!>` after the opening (the
/// dashes and bangs before are its text).
fn comment(html: &str, lt: usize) -> Option<(&str, usize)> {
    let b = html.as_bytes();
    if b[lt..].starts_with(b"<!-->") {
        return Some(("", lt + 5));
    }
    if b[lt..].starts_with(b"<!--->") {
        return Some(("", lt + 6));
    }
    let from = lt + 4;
    let mut at = from;
    let end = loop {
        let dashes = at + memchr::memmem::find(&b[at..], b"--")?;
        if b[dashes + 2..].starts_with(b">") || b[dashes + 2..].starts_with(b"!>") {
            break dashes;
        }
        // Runs of dashes overlap: "--->" ends at its last two.
        at = dashes + 1;
    };
    let text = &html[from..end];
    if memchr::memchr2(b'\r', b'\0', text.as_bytes()).is_some() {
        return None;
    }
    Some((text, end + if b[end + 2] == b'>' { 3 } else { 4 }))
}

/// Whether `b[at..]` is `</name` followed by a space, `/` or `>`: an end tag that ends raw text.
fn ends_raw(b: &[u8], at: usize, name: &[u8]) -> bool {
    let after = at + 2 + name.len();
    b.len() > after && b[at..].starts_with(b"</") && b[at + 2..after].eq_ignore_ascii_case(name) && (is_space(b[after]) || matches!(b[after], b'/' | b'>'))
}

/// Where RAWTEXT or RCDATA content that starts at `from` ends: its first `</name`.
fn raw_end(b: &[u8], name: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let k = at + memchr::memmem::find(&b[at..], b"</")?;
        if ends_raw(b, k, name) {
            return Some(k);
        }
        at = k + 2;
    }
}

/// Where script content that starts at `from` ends, by the tokenizer's script data states: its
/// first `</script`, unless a `<!--` escapes the content and a `<script` in it starts the double
/// escape, inside which a `</script>` only ends the double escape.
fn script_end(b: &[u8], from: usize) -> Option<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Data,
        Escaped,
        EscapedDash,
        EscapedDashDash,
        Double,
        DoubleDash,
        DoubleDashDash,
    }
    use State::*;
    let letters = |at: usize| b[at..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let is_script_then_delimiter = |at: usize| {
        let n = letters(at);
        n == 6 && b[at..at + 6].eq_ignore_ascii_case(b"script") && b.get(at + 6).is_some_and(|&c| is_space(c) || matches!(c, b'/' | b'>'))
    };
    let mut state = Data;
    let mut i = from;
    while i < b.len() {
        let c = b[i];
        match state {
            Data => {
                i += memchr::memchr(b'<', &b[i..])?;
                if ends_raw(b, i, b"script") {
                    return Some(i);
                }
                if b[i..].starts_with(b"<!--") {
                    state = EscapedDashDash;
                    i += 4;
                } else {
                    i += 1;
                }
                continue;
            }
            Escaped | EscapedDash | EscapedDashDash => {
                state = match c {
                    b'-' if state == Escaped => EscapedDash,
                    b'-' => EscapedDashDash,
                    b'>' if state == EscapedDashDash => Data,
                    b'<' => {
                        if ends_raw(b, i, b"script") {
                            return Some(i);
                        }
                        if b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
                            let n = letters(i + 1);
                            i += 1 + n;
                            // The letters are read; what follows is read in the new state.
                            state = if is_script_then_delimiter(i - n) { Double } else { Escaped };
                            continue;
                        }
                        Escaped
                    }
                    _ => Escaped,
                };
            }
            Double | DoubleDash | DoubleDashDash => {
                state = match c {
                    b'-' if state == Double => DoubleDash,
                    b'-' => DoubleDashDash,
                    b'>' if state == DoubleDashDash => Data,
                    b'<' => {
                        if b.get(i + 1) == Some(&b'/') && b.get(i + 2).is_some_and(u8::is_ascii_alphabetic) {
                            let n = letters(i + 2);
                            let back = is_script_then_delimiter(i + 2);
                            i += 2 + n;
                            state = if back { Escaped } else { Double };
                            continue;
                        }
                        Double
                    }
                    _ => Double,
                };
            }
        }
        i += 1;
    }
    None
}

/// The content of an element whose start tag (ending at `from`) may switch the tokenizer to a
/// raw-text state, as that state reads it: where the content ends (the first `</name` followed by
/// a space, `/` or `>`) and the offset after its end tag. `None` where the reader leaves it to
/// the tokenizer: no such end tag, an end tag with attributes, `<plaintext>` (no end at all),
/// content with a carriage return or NUL.
fn raw_content(html: &str, name: &str, from: usize) -> Option<(usize, usize)> {
    let b = html.as_bytes();
    if name == "plaintext" {
        return None;
    }
    let close = if name == "script" { script_end(b, from)? } else { raw_end(b, name.as_bytes(), from)? };
    if memchr::memchr2(b'\r', b'\0', &b[from..close]).is_some() {
        return None;
    }
    let (_, after) = end_tag(html, close)?;
    Some((close, after))
}

/// Text as the tokenizer's data and RCDATA states emit it: character references decoded. `None`
/// for text with a carriage return or NUL, which the reader leaves to the tokenizer.
pub(super) fn decode_text<'t>(raw: &'t str, buf: &'t mut String) -> Option<&'t str> {
    decode(raw, buf, false)
}

/// An attribute value as the tokenizer reads it (between its quotes, or unquoted).
fn decode_attr<'t>(raw: &'t str, buf: &'t mut String) -> Option<&'t str> {
    decode(raw, buf, true)
}

/// Character references decoded as html5ever's `CharRefTokenizer` decodes them, the text around
/// them as it is: the longest name in its table (`&notit;` is "¬it;"), numbers with or without
/// their `;`, and in an attribute a name without `;` followed by `=` or a letter or digit left as
/// written (`?a=1&copy=2`). What ends `raw` (a quote, a space, `<`) ends a reference as the
/// tokenizer's next character would.
fn decode<'t>(raw: &'t str, out: &'t mut String, in_attribute: bool) -> Option<&'t str> {
    let b = raw.as_bytes();
    if memchr::memchr3(b'\r', b'\0', b'&', b).is_none() {
        return Some(raw);
    }
    if memchr::memchr2(b'\r', b'\0', b).is_some() {
        return None;
    }
    out.clear();
    let mut last = 0;
    while let Some(k) = memchr::memchr(b'&', &b[last..]).map(|k| last + k) {
        out.push_str(&raw[last..k]);
        // Where the text goes on: after the reference, or right after the '&' when it is text.
        last = k + 1;
        match b.get(k + 1) {
            Some(c) if c.is_ascii_alphanumeric() => {
                let start = k + 1;
                let mut matched = None;
                for (offset, c) in raw[start..].char_indices() {
                    let end = start + offset + c.len_utf8();
                    match html5ever::data::NAMED_ENTITIES.get(&raw[start..end]) {
                        Some(&(first, second)) if first != 0 => matched = Some((first, second, end)),
                        Some(_) => {}
                        None => break,
                    }
                }
                let Some((first, second, end)) = matched else {
                    out.push('&');
                    continue;
                };
                let historical = in_attribute && b[end - 1] != b';' && b.get(end).is_some_and(|&c| c == b'=' || c.is_ascii_alphanumeric());
                if historical {
                    out.push('&');
                    continue;
                }
                out.extend(char::from_u32(first));
                if second != 0 {
                    out.extend(char::from_u32(second));
                }
                last = end;
            }
            Some(b'#') => {
                let hex = matches!(b.get(k + 2), Some(b'x' | b'X'));
                let base = if hex { 16 } else { 10 };
                let mut at = k + 2 + usize::from(hex);
                let (mut n, mut too_big, mut digits) = (0u32, false, 0);
                while let Some(d) = b.get(at).and_then(|&c| char::from(c).to_digit(base)) {
                    n = n.wrapping_mul(base);
                    too_big |= n > 0x10FFFF;
                    n = n.wrapping_add(d);
                    digits += 1;
                    at += 1;
                }
                if digits == 0 {
                    // "&#" and "&#x" without digits are text.
                    out.push('&');
                    continue;
                }
                if b.get(at) == Some(&b';') {
                    at += 1;
                }
                out.push(if too_big { '\u{fffd}' } else { numeric_reference(n) });
                last = at;
            }
            // Not a reference: the '&' is text.
            _ => out.push('&'),
        }
    }
    out.push_str(&raw[last..]);
    Some(out.as_str())
}

/// The character a numeric reference stands for, as html5ever's `CharRefTokenizer` maps it.
fn numeric_reference(n: u32) -> char {
    match n {
        0x00 | 0xD800..=0xDFFF => '\u{fffd}',
        n if n > 0x10FFFF => '\u{fffd}',
        0x80..=0x9F => html5ever::data::C1_REPLACEMENTS[(n - 0x80) as usize].unwrap_or_else(|| char::from_u32(n).unwrap_or('\u{fffd}')),
        n => char::from_u32(n).unwrap_or('\u{fffd}'),
    }
}
