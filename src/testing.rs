//! Test support shared by the unit tests of several stages: deterministic random inputs.

/// Random strings built from pieces, for the tests that check a fast routine against its
/// simple twin: the same seed gives the same strings.
pub struct Pieces {
    state: u32,
}

impl Pieces {
    pub fn new(seed: u32) -> Pieces {
        Pieces { state: seed }
    }

    fn step(&mut self) -> usize {
        self.state = self.state.wrapping_mul(1_103_515_245).wrapping_add(12345);
        (self.state >> 16) as usize
    }

    /// A string of fewer than `max` pieces (how many depends on the state before the call).
    pub fn text(&mut self, pieces: &[&str], max: u32) -> String {
        let mut text = String::new();
        for _ in 0..(self.state % max) {
            text.push_str(pieces[self.step() % pieces.len()]);
        }
        self.step();
        text
    }

    /// A number below `n` from the state the last [`Pieces::text`] left, without advancing it.
    pub fn current_below(&self, n: usize) -> usize {
        (self.state >> 16) as usize % n
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.step() % n
    }
}

/// Deterministic random tag soup, for the tests of the depth bound and of the parser's work
/// bound: whatever the mix, the parsed tree must stay within the limit and the parse within its
/// work bound.
pub mod soup {
    /// The tags whose tree-building rules the depth model approximates.
    pub const PIECES: &[&str] = &[
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<span>",
        "</span>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<b class=x>",
        "<font size=2>",
        "</font>",
        "<a href=#>",
        "</a>",
        "<li>",
        "</li>",
        "<ul>",
        "</ul>",
        "<ol>",
        "<dt>",
        "<dd>",
        "<dl>",
        "</dl>",
        "<table>",
        "</table>",
        "<tr>",
        "</tr>",
        "<td>",
        "</td>",
        "<th>",
        "<tbody>",
        "<caption>",
        "<section>",
        "</section>",
        "<h2>",
        "</h2>",
        "<h3>",
        "<button>",
        "</button>",
        "<select>",
        "<option>",
        "<optgroup>",
        "</select>",
        "<svg>",
        "</svg>",
        "<g>",
        "</g>",
        "<path/>",
        "<foreignObject>",
        "<math>",
        "<mi>",
        "<object>",
        "</object>",
        "<template>",
        "</template>",
        "<nobr>",
        "<em>",
        "</em>",
        "<form>",
        "</form>",
        "<br>",
        "<hr>",
        "<img src=x>",
        "<br/>",
        "</br>",
        "<col>",
        "<colgroup>",
        "<frameset>",
        "<html>",
        "<body>",
        "</body>",
        "<head>",
        "<title>t</title>",
        "<script>x</script>",
        "<!-- c -->",
        "text ",
        "more text ",
        "<pre>",
        "<listing>",
        "<marquee>",
        "<applet>",
        "<x-custom>",
        "</x-custom>",
        "<u>",
        "<strong>",
        "</strong>",
        "<small>",
        "<s>",
        "<tt>",
        "<code>",
        "<big>",
        "<strike>",
        "</td></tr></table>",
    ];

    pub fn soup_tokens(seed: u64, tokens: usize) -> Vec<&'static str> {
        let mut state = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..tokens)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                PIECES[(state >> 33) as usize % PIECES.len()]
            })
            .collect()
    }
    pub fn soup(seed: u64, tokens: usize) -> String {
        soup_tokens(seed, tokens).concat()
    }
}
