//! The world a document is typeset in: our templates, one JSON file of data, the fonts shipped
//! with the app, and nothing else (no file system, no packages, no network). User text reaches
//! Typst only as strings inside that JSON, so it is set as text and never read as markup or code.

use std::collections::HashMap;
use std::sync::OnceLock;

use attache_core::kernel::error::{CoreError, CoreResult, Reason};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

/// The faces every document uses: Noto Sans for Latin and Cyrillic, Noto Naskh Arabic for Urdu
/// (both OFL, see fonts/OFL.txt), embedded so output is the same on every machine. Naskh, not
/// Nastaliq: Nastaliq's glyphs are drawn in pieces that no PDF reader (pypdf, poppler, MuPDF)
/// turns back into the words, so its Urdu could not be searched or copied from the PDF.
const FONT_FILES: &[(&str, &[u8])] = &[
    ("NotoSans-Regular.ttf", include_bytes!("../fonts/NotoSans-Regular.ttf")),
    ("NotoSans-Bold.ttf", include_bytes!("../fonts/NotoSans-Bold.ttf")),
    ("NotoNaskhArabic-Regular.ttf", include_bytes!("../fonts/NotoNaskhArabic-Regular.ttf")),
    ("NotoNaskhArabic-Bold.ttf", include_bytes!("../fonts/NotoNaskhArabic-Bold.ttf")),
];

/// The templates, by the path they are imported under.
const TEMPLATES: &[(&str, &str)] = &[
    ("/common.typ", include_str!("../templates/common.typ")),
    ("/brief.typ", include_str!("../templates/brief.typ")),
    ("/runsheet.typ", include_str!("../templates/runsheet.typ")),
    ("/report.typ", include_str!("../templates/report.typ")),
    ("/badges.typ", include_str!("../templates/badges.typ")),
    ("/placecards.typ", include_str!("../templates/placecards.typ")),
    ("/seating.typ", include_str!("../templates/seating.typ")),
    ("/giftregister.typ", include_str!("../templates/giftregister.typ")),
    ("/caterer.typ", include_str!("../templates/caterer.typ")),
];

pub const DATA_PATH: &str = "/data.json";

struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

/// Fonts and the standard library, loaded once per process: both are read-only.
fn shared() -> CoreResult<&'static Shared> {
    static SHARED: OnceLock<Result<Shared, String>> = OnceLock::new();
    SHARED
        .get_or_init(|| {
            let mut fonts = Vec::new();
            for (name, data) in FONT_FILES {
                let before = fonts.len();
                fonts.extend(Font::iter(Bytes::new(*data)));
                if fonts.len() == before {
                    return Err(format!("the font {name} could not be read"));
                }
            }
            let book = FontBook::from_fonts(&fonts);
            Ok(Shared { library: LazyHash::new(Library::default()), book: LazyHash::new(book), fonts })
        })
        .as_ref()
        .map_err(|problem| typesetting_failed(problem.clone()))
}

pub fn typesetting_failed(problem: String) -> CoreError {
    CoreError::Conflict {
        field: None,
        message: format!("the document could not be typeset: {problem}"),
        reason: Reason::TypesettingFailed { problem },
    }
}

fn file_id(path: &str) -> FileId {
    // Only called with the constant paths above, which are valid.
    FileId::new(RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).expect("a valid template path")))
}

pub struct DocumentWorld {
    shared: &'static Shared,
    main: FileId,
    sources: HashMap<FileId, Source>,
    data: (FileId, Bytes),
    today: Datetime,
}

impl DocumentWorld {
    /// A world whose main file is the template `main` (one of [`TEMPLATES`]), with `data` as
    /// `/data.json` and `today` as the date Typst sees.
    pub fn new(main: &str, data: Vec<u8>, today: chrono::NaiveDate) -> CoreResult<DocumentWorld> {
        use chrono::Datelike;
        let sources = TEMPLATES
            .iter()
            .map(|(path, text)| {
                let id = file_id(path);
                (id, Source::new(id, (*text).to_owned()))
            })
            .collect();
        let today = Datetime::from_ymd(today.year(), today.month() as u8, today.day() as u8)
            .ok_or_else(|| typesetting_failed(format!("the date {today} is out of range")))?;
        Ok(DocumentWorld {
            shared: shared()?,
            main: file_id(main),
            sources,
            data: (file_id(DATA_PATH), Bytes::new(data)),
            today,
        })
    }

    pub fn typeset(&self) -> CoreResult<PagedDocument> {
        typst::compile::<PagedDocument>(self).output.map_err(|errors| typesetting_failed(describe(&errors)))
    }
}

fn describe(errors: &[SourceDiagnostic]) -> String {
    errors.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; ")
}

impl World for DocumentWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources.get(&id).cloned().ok_or(FileError::NotSource)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data.0 {
            return Ok(self.data.1.clone());
        }
        match self.sources.get(&id) {
            Some(source) => Ok(Bytes::from_string(source.clone())),
            None => Err(FileError::AccessDenied),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
