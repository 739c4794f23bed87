//! Tokens of a paragraph: words (abbreviations and initials keep their
//! period), numbers, possessive endings, quotation marks and punctuation.
//! A byte scanner, no regex, no allocation per token.

use crate::lexicon::WordSet;

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, with inner `'` `’` `-` `&` and the periods of `U.S.`;
    /// an abbreviation or initial keeps its final period (`Mr.`, `J.`).
    Word,
    Number,
    /// `'s`, `’s` or the lone apostrophe of a plural possessive.
    Possessive,
    /// A quotation mark (or the typewriter pairs `''` and ``` `` ```).
    Quote,
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub span: Span,
    pub kind: Kind,
}

impl Token {
    #[inline]
    pub fn text(self, text: &str) -> &str {
        self.span.text(text)
    }
}

pub(crate) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '”'
            | '„'
            | '‟'
            | '\''
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '`'
            | '″'
    )
}

/// Punctuation for tokenising: ASCII punctuation, the General Punctuation
/// block (dashes, curly quotes, ellipsis) and a few others.
fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || ('\u{2000}'..='\u{206F}').contains(&c)
        || matches!(
            c,
            '«' | '»' | '¿' | '¡' | '·' | '¶' | '―' | '″' | '\u{3000}'..='\u{303F}'
        )
}

fn is_word_char(c: char) -> bool {
    // Most text is ASCII: letters and digits are the whole story there.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !c.is_whitespace() && !is_punct(c) && !c.is_control()
}

/// Appends the tokens of `text[span]` to `out`.
///
/// `abbreviations` holds lower-case abbreviations written without their
/// period (`mr`, `jan`, `calif`); a capitalised one keeps its period.
pub(crate) fn tokenize(text: &str, span: Span, abbreviations: &WordSet, out: &mut Vec<Token>) {
    let end = span.end as usize;
    let mut i = span.start as usize;
    let mut lower = String::new();
    let bytes = text.as_bytes();
    let upto = &text[..end];
    while i < end {
        // ASCII spaces and letters are most of the text: no decoding.
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b.is_ascii_alphanumeric() {
            i = word(text, i, end, abbreviations, &mut lower, out);
            continue;
        }
        let Some(c) = char_at(upto, i) else {
            break;
        };
        let w = c.len_utf8();
        if c.is_whitespace() || c.is_control() {
            i += w;
            continue;
        }
        if is_word_char(c) {
            i = word(text, i, end, abbreviations, &mut lower, out);
            continue;
        }
        let next = char_at(upto, i + w);
        let (kind, len) = match c {
            '\'' if next == Some('\'') => (Kind::Quote, 2),
            '`' if next == Some('`') => (Kind::Quote, 2),
            // A plural possessive: "the ministers' meeting".
            '\'' | '’'
                if prev_char(text, i).is_some_and(|p| p == 's' || p == 'S')
                    && next.is_none_or(|n| n.is_whitespace() || n == ',' || n == '.')
                    && out
                        .last()
                        .is_some_and(|t| t.kind == Kind::Word && t.span.end as usize == i) =>
            {
                (Kind::Possessive, w)
            }
            c if is_quote_char(c) => (Kind::Quote, w),
            '-' if next == Some('-') => (Kind::Punct, 2),
            '.' if text[i..end].starts_with("...") => (Kind::Punct, 3),
            _ => (Kind::Punct, w),
        };
        out.push(Token {
            span: Span::new(i, i + len),
            kind,
        });
        i += len;
    }
}

/// The lower-case form of a token `w` at `span`: `(start, end, false)`, a
/// range of the text, when `w` is already in that form (most tokens), else
/// `(start, end, true)`, a range of `buf`, where it is appended — ASCII
/// lower-cased here, other text by `fold`.
pub(crate) fn lower_form(
    w: &str,
    span: Span,
    buf: &mut String,
    fold: impl FnOnce(&str, &mut String),
) -> (u32, u32, bool) {
    // One pass: is it ASCII, has it capitals?
    let (ascii, upper) = w.bytes().fold((true, false), |(a, u), b| {
        (a && b.is_ascii(), u || b.is_ascii_uppercase())
    });
    if ascii && !upper {
        return (span.start, span.end, false);
    }
    let start = buf.len();
    if ascii {
        buf.push_str(w);
        buf[start..].make_ascii_lowercase();
    } else {
        fold(w, buf);
    }
    (start as u32, buf.len() as u32, true)
}

/// The char at byte `i` of `s` (a char boundary), if any.
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        None => None,
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => s[i..].chars().next(),
    }
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// Scans one word or number starting at `start`; returns where it ended.
fn word(
    text: &str,
    start: usize,
    end: usize,
    abbreviations: &WordSet,
    lower: &mut String,
    out: &mut Vec<Token>,
) -> usize {
    let s = &text[start..end];
    let bytes = s.as_bytes();
    let numeric = s.starts_with(|c: char| c.is_ascii_digit());
    // Byte offset of the scan, and the word's length so far.
    let mut j = 0;
    let mut len = 0;
    // Length of the current run of letters since the last inner period:
    // "U.S" continues across periods only between single letters.
    let mut run = 0;
    let mut has_inner_period = false;
    loop {
        // ASCII letters and digits without decoding: most of a word.
        let ascii = bytes[j..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if ascii > 0 {
            j += ascii;
            len = j;
            run += ascii;
        }
        // The next char, decoded only when it is not ASCII (an ASCII one
        // here is no letter or digit: the run above took those).
        let Some(c) = char_at(s, j) else {
            break;
        };
        if !c.is_ascii() && is_word_char(c) {
            j += c.len_utf8();
            len = j;
            run += 1;
            continue;
        }
        let follows = char_at(s, j + c.len_utf8());
        let joins = match c {
            '\'' | '’' => follows.is_some_and(|n| n.is_alphabetic()),
            '-' | '&' | '–' if !numeric => follows.is_some_and(is_word_char),
            '.' if numeric => follows.is_some_and(|n| n.is_ascii_digit()),
            ',' | ':' | '/' | '-' if numeric => follows.is_some_and(|n| n.is_ascii_digit()),
            '.' => {
                run == 1 && follows.is_some_and(|n| n.is_alphabetic()) && {
                    has_inner_period = true;
                    true
                }
            }
            _ => false,
        };
        if !joins {
            break;
        }
        run = 0;
        j += c.len_utf8();
        len = j;
    }
    let mut w_end = start + len;
    let body = &text[start..w_end];

    // A possessive ending is its own token: "Iran's" → "Iran" + "'s".
    let possessive = !numeric
        && body.len() > 2
        && (body.ends_with("'s")
            || body.ends_with("’s")
            || body.ends_with("'S")
            || body.ends_with("’S"));
    if possessive {
        let cut = w_end
            - if body.ends_with('s') || body.ends_with('S') {
                1
            } else {
                0
            };
        let apos_len = text[..cut].chars().next_back().map_or(1, char::len_utf8);
        let apos = cut - apos_len;
        out.push(Token {
            span: Span::new(start, apos),
            kind: Kind::Word,
        });
        out.push(Token {
            span: Span::new(apos, w_end),
            kind: Kind::Possessive,
        });
        return w_end;
    }

    // Keep the period of an initial, an abbreviation or "U.S.".
    if !numeric && text[w_end..end].starts_with('.') {
        let single = body.chars().count() == 1 && body.chars().all(char::is_uppercase);
        let known = body.chars().next().is_some_and(char::is_uppercase) && {
            lower.clear();
            lower.extend(body.chars().flat_map(char::to_lowercase));
            abbreviations.contains(lower.as_str())
        };
        if single || known || has_inner_period {
            w_end += 1;
        }
    }
    out.push(Token {
        span: Span::new(start, w_end),
        kind: if numeric { Kind::Number } else { Kind::Word },
    });
    w_end
}

/// The lower-case form of every token of a block: the lexicon lookups
/// read these, so no token allocates. A curly apostrophe reads as a
/// straight one. A token already in that form is read from the text; the
/// others are copied, lowered, into one buffer.
#[derive(Default)]
pub(crate) struct Lowered {
    buf: String,
    /// Each token's form: a range of the text, or of `buf`.
    spans: Vec<(u32, u32, bool)>,
    /// `lexicon::class` bits of each word token.
    classes: Vec<u32>,
    /// The stance-lexicon classes of each word token's form (exactly that
    /// form: no period dropped).
    stance: Vec<u64>,
}

impl Lowered {
    pub fn fill(
        &mut self,
        text: &str,
        tokens: &[Token],
        classes: &crate::lexicon::WordClasses<crate::lexicon::Classes>,
    ) {
        self.buf.clear();
        self.spans.clear();
        self.classes.clear();
        self.stance.clear();
        for t in tokens {
            let t_text = t.text(text);
            let form = lower_form(t_text, t.span, &mut self.buf, |w, buf| {
                for c in w.chars() {
                    match c {
                        '’' => buf.push('\''),
                        c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
                        c => buf.extend(c.to_lowercase()),
                    }
                }
            });
            self.spans.push(form);
            let w = match form {
                (s, e, true) => &self.buf[s as usize..e as usize],
                _ => t_text,
            };
            let (bits, stance) = if t.kind == Kind::Word {
                let found = classes.get(w).unwrap_or_default();
                // A word that is on no main list is looked up without its
                // periods too ("jan." as "jan").
                let probe = w.trim_end_matches('.');
                let main = if found.main == 0 && probe.len() < w.len() {
                    classes.get(probe).map_or(0, |c| c.main)
                } else {
                    found.main
                };
                (main, found.stance)
            } else {
                (0, 0)
            };
            self.classes.push(bits);
            self.stance.push(stance);
        }
    }

    /// Token `i`'s stance-lexicon classes (0 for all but words).
    #[inline]
    pub fn stance_class(&self, i: usize) -> u64 {
        self.stance.get(i).copied().unwrap_or(0)
    }

    #[inline]
    pub fn class(&self, i: usize) -> u32 {
        self.classes.get(i).copied().unwrap_or(0)
    }

    /// Whether token `i`'s lower-case form may differ from its text (else
    /// it is that text: no copy was made).
    #[inline]
    pub fn copied(&self, i: usize) -> bool {
        self.spans.get(i).is_some_and(|f| f.2)
    }

    /// Token `i`'s lower-case form (`text` is the one `fill` read).
    #[inline]
    pub fn get<'s>(&'s self, text: &'s str, i: usize) -> &'s str {
        self.spans
            .get(i)
            .and_then(|&(s, e, copied)| {
                let from = if copied { self.buf.as_str() } else { text };
                from.get(s as usize..e as usize)
            })
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(&str, Kind)> {
        let abbr: WordSet = ["mr", "gen", "jan", "inc", "no"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut out = Vec::new();
        tokenize(s, Span::new(0, s.len()), &abbr, &mut out);
        out.iter().map(|t| (t.text(s), t.kind)).collect()
    }

    fn words(s: &str) -> Vec<&str> {
        toks(s).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn abbreviations_initials_and_dotted_names_keep_their_period() {
        assert_eq!(
            words("Mr. Leonard E. Burman of the U.S. said."),
            [
                "Mr.", "Leonard", "E.", "Burman", "of", "the", "U.S.", "said", "."
            ]
        );
        assert_eq!(
            words("on Jan. 8 at 2.5 pct, 1,000 units"),
            ["on", "Jan.", "8", "at", "2.5", "pct", ",", "1,000", "units"]
        );
    }

    #[test]
    fn possessives_split_but_contractions_and_names_stay() {
        assert_eq!(
            toks("Iran's don't O'Brien ministers' d’Ivoire"),
            [
                ("Iran", Kind::Word),
                ("'s", Kind::Possessive),
                ("don't", Kind::Word),
                ("O'Brien", Kind::Word),
                ("ministers", Kind::Word),
                ("'", Kind::Possessive),
                ("d’Ivoire", Kind::Word),
            ]
        );
    }

    #[test]
    fn quotes_and_punctuation() {
        assert_eq!(
            toks("“Yes,” he said -- ''no'' ..."),
            [
                ("“", Kind::Quote),
                ("Yes", Kind::Word),
                (",", Kind::Punct),
                ("”", Kind::Quote),
                ("he", Kind::Word),
                ("said", Kind::Word),
                ("--", Kind::Punct),
                ("''", Kind::Quote),
                ("no", Kind::Word),
                ("''", Kind::Quote),
                ("...", Kind::Punct),
            ]
        );
    }

    #[test]
    fn hyphens_and_lowercase_abbreviation_words() {
        assert_eq!(
            words("al-Sabah AT&T the answer is no."),
            ["al-Sabah", "AT&T", "the", "answer", "is", "no", "."]
        );
    }
}
