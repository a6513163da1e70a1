//! Text files as people save them: UTF-8 with or without a byte-order mark, UTF-16 from Excel's
//! "Unicode text", and the Windows code pages that older Russian and Western European offices
//! still write (1251 and 1252). The encoding is detected unless the user chose one.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1251, WINDOWS_1252};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1251,
    Windows1252,
}

impl TextEncoding {
    fn encoding(self) -> &'static Encoding {
        match self {
            TextEncoding::Utf8 => UTF_8,
            TextEncoding::Utf16Le => UTF_16LE,
            TextEncoding::Utf16Be => UTF_16BE,
            TextEncoding::Windows1251 => WINDOWS_1251,
            TextEncoding::Windows1252 => WINDOWS_1252,
        }
    }

    pub fn name(self) -> &'static str {
        self.encoding().name()
    }

    pub fn from_name(name: &str) -> Option<TextEncoding> {
        let wanted = Encoding::for_label(name.trim().as_bytes())?;
        [Self::Utf8, Self::Utf16Le, Self::Utf16Be, Self::Windows1251, Self::Windows1252]
            .into_iter()
            .find(|e| e.encoding() == wanted)
    }
}

/// The file's text and the encoding it was read in: the chosen one, else the one its
/// byte-order mark names, else the one it looks like.
pub fn decode(bytes: &[u8], chosen: Option<TextEncoding>) -> (String, TextEncoding) {
    let (bom, bom_len) = match Encoding::for_bom(bytes) {
        Some((encoding, len)) => (TextEncoding::from_name(encoding.name()), len),
        None => (None, 0),
    };
    let encoding = chosen.or(bom).unwrap_or_else(|| detect(bytes));
    let body = if bom == Some(encoding) { &bytes[bom_len..] } else { bytes };
    let (text, _) = encoding.encoding().decode_without_bom_handling(body);
    (text.into_owned(), encoding)
}

/// The encoding a file without a byte-order mark most likely has.
fn detect(bytes: &[u8]) -> TextEncoding {
    if let Some(utf16) = utf16_without_bom(bytes) {
        return utf16;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return TextEncoding::Utf8;
    }
    if looks_cyrillic(bytes) {
        TextEncoding::Windows1251
    } else {
        TextEncoding::Windows1252
    }
}

/// Mostly-ASCII text in UTF-16 has a zero in every other byte: the high one.
fn utf16_without_bom(bytes: &[u8]) -> Option<TextEncoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_at = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|b| **b == 0).count();
    let (even, odd) = (zero_at(0), zero_at(1));
    if odd * 10 >= pairs * 3 && even * 10 < pairs {
        Some(TextEncoding::Utf16Le)
    } else if even * 10 >= pairs * 3 && odd * 10 < pairs {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// In Windows-1251 a Cyrillic word is a run of bytes from 0xC0 up; in Windows-1252 such a byte
/// is an accented Latin letter, mostly alone between ASCII letters (Café, Müller). Runs win.
fn looks_cyrillic(bytes: &[u8]) -> bool {
    let high = |b: u8| b >= 0xC0;
    let (mut in_runs, mut alone) = (0usize, 0usize);
    for (i, b) in bytes.iter().enumerate() {
        if !high(*b) {
            continue;
        }
        let before = i > 0 && high(bytes[i - 1]);
        let after = bytes.get(i + 1).is_some_and(|n| high(*n));
        if before || after {
            in_runs += 1;
        } else {
            alone += 1;
        }
    }
    in_runs > alone
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_encoding_it_detects() {
        let text = "Имя;Фамилия\nАльберт;Хорев\n";
        let (cp1251, _, _) = WINDOWS_1251.encode(text);
        assert_eq!(decode(&cp1251, None), (text.to_owned(), TextEncoding::Windows1251));

        let latin = "Name,Company\nRené Müller,Café Zürich\n";
        let (cp1252, _, _) = WINDOWS_1252.encode(latin);
        assert_eq!(decode(&cp1252, None), (latin.to_owned(), TextEncoding::Windows1252));

        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom, None), (text.to_owned(), TextEncoding::Utf8));
        assert_eq!(decode(text.as_bytes(), None), (text.to_owned(), TextEncoding::Utf8));

        let le: Vec<u8> = "Name\tE-mail\nOlga\to@x.ru\n".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&le, None).1, TextEncoding::Utf16Le);
        assert_eq!(decode(&le, None).0, "Name\tE-mail\nOlga\to@x.ru\n");
        let mut le_bom = vec![0xFF, 0xFE];
        le_bom.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le_bom, None), (text.to_owned(), TextEncoding::Utf16Le));
    }

    #[test]
    fn a_chosen_encoding_wins() {
        let (cp1251, _, _) = WINDOWS_1251.encode("Хорев");
        assert_eq!(decode(&cp1251, Some(TextEncoding::Windows1252)).1, TextEncoding::Windows1252);
        assert_eq!(TextEncoding::from_name("cp1251"), Some(TextEncoding::Windows1251));
        assert_eq!(TextEncoding::from_name("utf-8"), Some(TextEncoding::Utf8));
        assert_eq!(TextEncoding::from_name("koi8-r"), None);
    }
}
