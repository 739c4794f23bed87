//! Where the bytes of an input come from: a file, standard input or a URL
//! ([`super::url`]). Each read is capped, and a binary input is refused on
//! its first block, before the rest is read.

use std::io::Read;

use super::{Source, url};
use crate::error::LoadError;

/// How much is read before deciding whether an input is text at all.
pub(crate) const FIRST_BLOCK: usize = 8192;

/// Inputs larger than this are refused: spans are 32-bit.
pub(crate) const MAX_LEN: usize = u32::MAX as usize;

/// The bytes of one input and what is known about their type.
#[derive(Debug)]
pub(crate) struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
    /// The file name's extension, if any.
    pub extension: Option<String>,
    /// The MIME type an HTTP server gave (`text/html`), lower case.
    pub mime: Option<String>,
    /// The charset an HTTP server gave.
    pub charset: Option<String>,
}

impl Input {
    pub(crate) fn new(name: &str, bytes: Vec<u8>, extension: Option<&str>) -> Input {
        Input {
            name: name.to_string(),
            bytes,
            extension: extension.map(str::to_ascii_lowercase),
            mime: None,
            charset: None,
        }
    }
}

/// Reads `source` (not the sample, which is text already).
pub(crate) fn read(source: &Source) -> Result<Input, LoadError> {
    let name = source.name();
    match source {
        Source::Sample => Ok(Input::new(
            &name,
            super::SAMPLE_BRIEFING.as_bytes().to_vec(),
            Some("txt"),
        )),
        Source::Stdin => {
            let bytes = read_capped(std::io::stdin().lock(), &name, MAX_LEN, None)?;
            Ok(Input::new(&name, bytes, None))
        }
        Source::File(path) => {
            if path.is_dir() {
                return Err(LoadError::IsDirectory { name });
            }
            let io = |e| LoadError::Io {
                name: name.clone(),
                source: e,
            };
            let file = std::fs::File::open(path).map_err(io)?;
            let len = file.metadata().map_err(io)?.len();
            if len > MAX_LEN as u64 {
                return Err(LoadError::TooLarge { name });
            }
            let bytes = read_capped(file, &name, MAX_LEN, Some(len as usize))?;
            let ext = path.extension().and_then(|e| e.to_str());
            Ok(Input::new(&name, bytes, ext))
        }
        Source::Url(u) => url::fetch(u),
    }
}

/// Reads at most `cap` bytes of `r`; more is an error, and so is a first
/// block that is not text.
pub(crate) fn read_capped(
    r: impl Read,
    name: &str,
    cap: usize,
    size_hint: Option<usize>,
) -> Result<Vec<u8>, LoadError> {
    let io = |e| LoadError::Io {
        name: name.to_string(),
        source: e,
    };
    let mut r = r.take(cap as u64 + 1);
    let mut bytes = Vec::with_capacity(size_hint.unwrap_or(FIRST_BLOCK).min(cap) + 1);
    // The first block, or all of a shorter input.
    (&mut r)
        .take(FIRST_BLOCK as u64)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if looks_binary(&bytes) {
        return Err(LoadError::NotText {
            name: name.to_string(),
        });
    }
    // A short first block ended at the end of the input: reading on would
    // wait for a second end (a second Ctrl-D on a terminal).
    if bytes.len() == FIRST_BLOCK {
        r.read_to_end(&mut bytes).map_err(io)?;
    }
    if bytes.len() > cap {
        return Err(if cap == MAX_LEN {
            LoadError::TooLarge {
                name: name.to_string(),
            }
        } else {
            LoadError::OverLimit {
                name: name.to_string(),
                limit: url::LIMIT_NAME,
            }
        });
    }
    Ok(bytes)
}

/// NUL bytes mean binary; so does a start dense with control bytes. Text
/// in UTF-16 (which has NULs) is known by its byte-order mark.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    !is_utf16(bytes) && is_binary(bytes)
}

/// [`looks_binary`] for bytes read as UTF-8 text: a NUL anywhere.
pub(crate) fn is_binary(bytes: &[u8]) -> bool {
    if memchr::memchr(0, bytes).is_some() {
        return true;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    controls * 10 > head.len().max(1) * 3
}

/// Starts with a UTF-16 byte-order mark.
pub(crate) fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_binary_first_block_is_refused_before_the_rest_is_read() {
        struct Endless(usize);
        impl Read for Endless {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                self.0 += buf.len();
                assert!(self.0 < 1 << 20, "read past the first block");
                buf.fill(0);
                Ok(buf.len())
            }
        }
        let e = read_capped(Endless(0), "x.bin", MAX_LEN, None).unwrap_err();
        assert!(matches!(e, LoadError::NotText { .. }), "{e}");
    }

    #[test]
    fn more_than_the_cap_is_an_error_naming_the_limit() {
        let e = read_capped(&b"abcdef"[..], "u", 5, None).unwrap_err();
        assert!(e.to_string().starts_with("u: too large"), "{e}");
        assert_eq!(read_capped(&b"abcde"[..], "u", 5, None).unwrap(), b"abcde");
    }

    #[test]
    fn utf16_text_is_not_binary() {
        assert!(!looks_binary(b"\xFF\xFEa\0b\0"));
        assert!(looks_binary(b"a\0b\0"));
    }
}
