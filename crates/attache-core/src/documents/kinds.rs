//! Which files Attaché keeps, told by their content and not only their name. A document is
//! opened later with the system's default program for its type, so only document types are
//! accepted (no program or script, whatever it is called), and a file whose content does not
//! match its extension (a program renamed `report.pdf`) is refused.

/// What a file's first bytes show it to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    Pdf,
    Png,
    Jpeg,
    Gif,
    Webp,
    Tiff,
    /// A ZIP container: the Office Open XML and OpenDocument formats are ZIP files.
    Zip,
    /// An OLE compound file: the older Word, Excel, PowerPoint and Outlook formats.
    Ole,
    Rtf,
    /// Text (UTF-8, with no NUL byte).
    Text,
    /// A program or a script: never kept.
    Executable,
    Unknown,
}

/// An accepted extension, the content it must have and its media type.
pub struct Kind {
    pub extension: &'static str,
    pub content: Content,
    pub media_type: &'static str,
}

const KINDS: &[Kind] = &[
    Kind { extension: "pdf", content: Content::Pdf, media_type: "application/pdf" },
    Kind { extension: "png", content: Content::Png, media_type: "image/png" },
    Kind { extension: "jpg", content: Content::Jpeg, media_type: "image/jpeg" },
    Kind { extension: "jpeg", content: Content::Jpeg, media_type: "image/jpeg" },
    Kind { extension: "gif", content: Content::Gif, media_type: "image/gif" },
    Kind { extension: "webp", content: Content::Webp, media_type: "image/webp" },
    Kind { extension: "tif", content: Content::Tiff, media_type: "image/tiff" },
    Kind { extension: "tiff", content: Content::Tiff, media_type: "image/tiff" },
    Kind {
        extension: "docx",
        content: Content::Zip,
        media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    },
    Kind {
        extension: "xlsx",
        content: Content::Zip,
        media_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    },
    Kind {
        extension: "pptx",
        content: Content::Zip,
        media_type: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    },
    Kind { extension: "odt", content: Content::Zip, media_type: "application/vnd.oasis.opendocument.text" },
    Kind { extension: "ods", content: Content::Zip, media_type: "application/vnd.oasis.opendocument.spreadsheet" },
    Kind { extension: "odp", content: Content::Zip, media_type: "application/vnd.oasis.opendocument.presentation" },
    Kind { extension: "zip", content: Content::Zip, media_type: "application/zip" },
    Kind { extension: "doc", content: Content::Ole, media_type: "application/msword" },
    Kind { extension: "xls", content: Content::Ole, media_type: "application/vnd.ms-excel" },
    Kind { extension: "ppt", content: Content::Ole, media_type: "application/vnd.ms-powerpoint" },
    Kind { extension: "msg", content: Content::Ole, media_type: "application/vnd.ms-outlook" },
    Kind { extension: "rtf", content: Content::Rtf, media_type: "application/rtf" },
    Kind { extension: "txt", content: Content::Text, media_type: "text/plain" },
    Kind { extension: "csv", content: Content::Text, media_type: "text/csv" },
    Kind { extension: "md", content: Content::Text, media_type: "text/markdown" },
    Kind { extension: "ics", content: Content::Text, media_type: "text/calendar" },
    Kind { extension: "vcf", content: Content::Text, media_type: "text/vcard" },
    Kind { extension: "eml", content: Content::Text, media_type: "message/rfc822" },
];

/// The accepted kind for a file's extension (any case), if it is one Attaché keeps.
pub fn by_extension(extension: &str) -> Option<&'static Kind> {
    let extension = extension.to_ascii_lowercase();
    KINDS.iter().find(|k| k.extension == extension)
}

/// The accepted extensions, for the file dialog's filter and the refusal's message.
pub fn extensions() -> Vec<&'static str> {
    KINDS.iter().map(|k| k.extension).collect()
}

/// What `head` (the first bytes of a file, a few KB) shows the file to be.
pub fn sniff(head: &[u8]) -> Content {
    let starts = |magic: &[u8]| head.starts_with(magic);
    if starts(b"MZ") || starts(b"\x7fELF") || starts(b"#!") || is_mach_o(head) {
        return Content::Executable;
    }
    if starts(b"%PDF-") {
        Content::Pdf
    } else if starts(b"\x89PNG\r\n\x1a\n") {
        Content::Png
    } else if starts(b"\xff\xd8\xff") {
        Content::Jpeg
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Content::Gif
    } else if starts(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        Content::Webp
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        Content::Tiff
    } else if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        Content::Zip
    } else if starts(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        Content::Ole
    } else if starts(b"{\\rtf") {
        Content::Rtf
    } else if is_text(head) {
        Content::Text
    } else {
        Content::Unknown
    }
}

fn is_mach_o(head: &[u8]) -> bool {
    const MAGICS: [[u8; 4]; 5] = [
        [0xfe, 0xed, 0xfa, 0xce],
        [0xfe, 0xed, 0xfa, 0xcf],
        [0xce, 0xfa, 0xed, 0xfe],
        [0xcf, 0xfa, 0xed, 0xfe],
        [0xca, 0xfe, 0xba, 0xbe],
    ];
    MAGICS.iter().any(|magic| head.starts_with(magic))
}

/// UTF-8 without NUL bytes (a UTF-8 sequence cut at the end of the sample is still text; a
/// UTF-8 byte-order mark is allowed).
fn is_text(head: &[u8]) -> bool {
    if head.contains(&0) {
        return false;
    }
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(error) => error.error_len().is_none() && error.valid_up_to() + 4 > head.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_documents_and_programs_by_their_first_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Content::Pdf);
        assert_eq!(sniff(b"PK\x03\x04\x14\0"), Content::Zip);
        assert_eq!(sniff(b"MZ\x90\0"), Content::Executable);
        assert_eq!(sniff(b"#!/bin/sh\nrm -rf ~"), Content::Executable);
        assert_eq!(sniff(b"\xcf\xfa\xed\xfe"), Content::Executable);
        assert_eq!(sniff("Повестка дня\n".as_bytes()), Content::Text);
        assert_eq!(sniff(&"Повестка".as_bytes()[..5]), Content::Text, "cut inside a character");
        assert_eq!(sniff(b"\0\x01\x02binary"), Content::Unknown);
        assert!(by_extension("PDF").is_some());
        assert!(by_extension("exe").is_none());
    }
}
