//! The character encoding of a page, as a browser finds it: a byte-order
//! mark, else the HTTP header's charset, else a `<meta>` charset (or an XML
//! declaration's encoding) near the top; else UTF-8 when the bytes are
//! valid UTF-8 and windows-1252, the web's legacy default, when they are
//! not.

use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use regex::bytes::Regex;

/// How far a `<meta>` charset is looked for (the HTML standard's prescan
/// reads 1024 bytes; pages with long heads put it later).
const PRESCAN: usize = 4096;

/// The decoded text, and a warning when some bytes could not be decoded.
pub(crate) struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Decodes a page.
pub(crate) fn decode(name: &str, bytes: &[u8], http_charset: Option<&str>) -> Decoded {
    let (encoding, skip) = match Encoding::for_bom(bytes) {
        Some((enc, n)) => (enc, n),
        None => (declared(bytes, http_charset), 0),
    };
    let (text, errors) = encoding.decode_without_bom_handling(&bytes[skip..]);
    let warning = errors.then(|| {
        format!(
            "{name}: bytes that are not {} are shown as \u{FFFD}",
            encoding.name()
        )
    });
    Decoded {
        text: text.into_owned(),
        warning,
    }
}

/// UTF-16 text (known by its byte-order mark) as UTF-8 with a UTF-8 mark,
/// so the text path reads it as it reads any other text.
pub(crate) fn utf16_to_utf8(bytes: &[u8]) -> Option<Vec<u8>> {
    let (enc, n) = Encoding::for_bom(bytes)?;
    if enc == UTF_8 {
        return None;
    }
    let (text, _) = enc.decode_without_bom_handling(&bytes[n..]);
    let mut out = b"\xEF\xBB\xBF".to_vec();
    out.extend_from_slice(text.as_bytes());
    Some(out)
}

/// The encoding the header or the page declares, else the fallback.
fn declared(bytes: &[u8], http_charset: Option<&str>) -> &'static Encoding {
    if let Some(enc) = http_charset.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        return enc;
    }
    let head = &bytes[..bytes.len().min(PRESCAN)];
    if let Some(enc) = META
        .captures(head)
        .and_then(|c| c.get(1).or_else(|| c.get(2)))
        .and_then(|m| Encoding::for_label(m.as_bytes()))
    {
        // A page that says it is UTF-16 without a mark is read as UTF-8
        // (the HTML standard's rule: a meta tag in UTF-16 could not be read).
        return if enc == UTF_16LE || enc == UTF_16BE {
            UTF_8
        } else {
            enc
        };
    }
    if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        WINDOWS_1252
    }
}

/// `<meta charset="…">`, `<meta http-equiv="Content-Type" content="…;
/// charset=…">` and `<?xml … encoding="…"?>`.
static META: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i-u)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)"#,
    )
    .expect("valid charset pattern")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meta_charset_decodes_windows_1252() {
        let page =
            b"<html><head><meta charset=\"windows-1252\"></head><body>\x93Caf\xe9\x94</body>";
        let d = decode("p", page, None);
        assert!(d.text.contains("\u{201C}Café\u{201D}"), "{}", d.text);
        assert!(d.warning.is_none());
    }

    #[test]
    fn the_http_header_comes_before_the_page() {
        let page = b"<meta charset=utf-8><p>\xe9</p>";
        assert!(decode("p", page, Some("ISO-8859-1")).text.contains('é'));
    }

    #[test]
    fn http_equiv_and_xml_declarations_are_read() {
        let page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>\xe9";
        assert!(decode("p", page, None).text.contains('é'));
        let xhtml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><p>\xe9";
        assert!(decode("p", xhtml, None).text.contains('é'));
    }

    #[test]
    fn a_bom_wins_and_undeclared_bytes_fall_back() {
        let d = decode("p", b"\xEF\xBB\xBF<meta charset=latin1>\xc3\xa9", None);
        assert!(d.text.starts_with('<') && d.text.ends_with('é'));
        assert!(decode("p", b"<p>\xe9</p>", None).text.contains('é'));
        assert!(decode("p", "<p>é</p>".as_bytes(), None).text.contains('é'));
    }

    #[test]
    fn utf16_becomes_utf8() {
        let out = utf16_to_utf8(b"\xFF\xFEh\0i\0").unwrap();
        assert_eq!(out, b"\xEF\xBB\xBFhi");
        assert!(utf16_to_utf8(b"hi").is_none());
    }
}
