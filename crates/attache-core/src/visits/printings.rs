//! When each of a visit's documents was last printed (saved as PDF), and a hash of what it
//! printed: the documents crate compares that hash with the document's data now to say
//! whether the paper is out of date. Only the hash is kept, never the content.

use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use crate::kernel::error::CoreResult;
use crate::kernel::ids::VisitId;
use crate::kernel::record::now;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Printing {
    pub visit_id: VisitId,
    /// The kind of document, as the documents crate names it (`brief`, `runSheet`…).
    pub document: String,
    /// Which one of that kind: a run-sheet's day, a seating plan's item, the people chosen.
    pub scope: String,
    pub lang: String,
    pub content_hash: String,
    pub printed_at: String,
}

/// Records that the document was printed now, with the hash of what it printed.
pub fn record(
    store: &mut Store,
    visit_id: &VisitId,
    document: &str,
    scope: &str,
    lang: &str,
    hash: &str,
) -> CoreResult<()> {
    store.write(|w| {
        w.execute(
            "INSERT INTO printings (visit_id, document, scope, lang, content_hash, printed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (visit_id, document, scope) DO UPDATE SET lang = excluded.lang,
             content_hash = excluded.content_hash, printed_at = excluded.printed_at",
            rusqlite::params![visit_id, document, scope, lang, hash, now()],
        )?;
        Ok(())
    })
}

/// Every document of the visit printed so far.
pub fn of_visit(conn: &Connection, visit_id: &VisitId) -> CoreResult<Vec<Printing>> {
    let mut stmt = conn.prepare_cached(
        "SELECT visit_id, document, scope, lang, content_hash, printed_at FROM printings WHERE visit_id = ?1
         ORDER BY document, scope",
    )?;
    let rows = stmt.query_map([visit_id], |r| {
        Ok(Printing {
            visit_id: r.get(0)?,
            document: r.get(1)?,
            scope: r.get(2)?,
            lang: r.get(3)?,
            content_hash: r.get(4)?,
            printed_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
