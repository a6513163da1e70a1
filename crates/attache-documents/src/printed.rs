//! Reprint flags: each document saved as PDF is recorded with a hash of the data it printed
//! (not of the PDF, which carries the date it was made). A change to the visit that alters what
//! a document would print makes that document out of date until it is printed again; a change
//! it does not print (a participant's notes in a brief) does not.

use attache_core::kernel::error::CoreResult;
use attache_core::kernel::ids::{EngagementId, PersonId, VisitId};
use attache_core::visits::printings;
use attache_core::{Connection, Store};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::{document_data, DocumentKind, DocumentRequest, Lang, Typeset};

/// Which one of its kind a document is: its day, item and people, as settled when typeset.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Scope {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engagement_id: Option<EngagementId>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub person_ids: Vec<PersonId>,
}

impl Scope {
    pub(crate) fn of(request: &DocumentRequest, day: impl FnOnce() -> CoreResult<NaiveDate>) -> CoreResult<Scope> {
        let by_item = matches!(request.kind, DocumentKind::Seating | DocumentKind::PlaceCards | DocumentKind::Caterer);
        let by_people = matches!(request.kind, DocumentKind::Badges | DocumentKind::PlaceCards);
        let mut person_ids = if by_people { request.person_ids.clone() } else { Vec::new() };
        person_ids.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        person_ids.dedup();
        Ok(Scope {
            day: if request.kind == DocumentKind::RunSheet { Some(day()?.to_string()) } else { None },
            engagement_id: if by_item { request.engagement_id.clone() } else { None },
            person_ids,
        })
    }

    fn key(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What a typeset document printed, as it is recorded.
pub(crate) struct Printed {
    visit_id: VisitId,
    kind: DocumentKind,
    lang: Lang,
    scope: Scope,
    hash: String,
}

impl Printed {
    pub(crate) fn of(request: &DocumentRequest, scope: Scope, data: &Value) -> Printed {
        Printed { visit_id: request.visit_id.clone(), kind: request.kind, lang: request.lang, scope, hash: hash(data) }
    }
}

fn hash(data: &Value) -> String {
    let digest = Sha256::digest(serde_json::to_vec(data).unwrap_or_default());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn kind_name(kind: DocumentKind) -> String {
    serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// Records that the document was printed (saved as PDF) now.
pub fn mark_printed(store: &mut Store, typeset: &Typeset) -> CoreResult<()> {
    let Some(p) = &typeset.printed else { return Ok(()) };
    printings::record(store, &p.visit_id, &kind_name(p.kind), &p.scope.key(), p.lang.code(), &p.hash)
}

/// A document of the visit printed before, and whether what it would print now differs.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PrintState {
    pub kind: DocumentKind,
    pub lang: Lang,
    pub day: Option<String>,
    pub engagement_id: Option<EngagementId>,
    pub person_ids: Vec<PersonId>,
    pub printed_at: String,
    /// The visit changed since in a way this document prints (or it can no longer be made).
    pub out_of_date: bool,
}

/// Every document of the visit printed so far, each with whether it is out of date.
pub fn status(conn: &Connection, visit_id: &VisitId) -> CoreResult<Vec<PrintState>> {
    let mut states = Vec::new();
    for printing in printings::of_visit(conn, visit_id)? {
        let Ok(kind) = serde_json::from_value::<DocumentKind>(Value::String(printing.document.clone())) else {
            continue;
        };
        let scope: Scope = serde_json::from_str(&printing.scope).unwrap_or_default();
        let lang = Lang::from_code(&printing.lang).unwrap_or_default();
        let request = DocumentRequest {
            kind,
            visit_id: visit_id.clone(),
            lang,
            day: scope.day.clone(),
            person_ids: scope.person_ids.clone(),
            engagement_id: scope.engagement_id.clone(),
        };
        let now = document_data(conn, &request).map(|(data, _)| hash(&data));
        states.push(PrintState {
            kind,
            lang,
            out_of_date: now.map_or(true, |h| h != printing.content_hash),
            day: scope.day,
            engagement_id: scope.engagement_id,
            person_ids: scope.person_ids,
            printed_at: printing.printed_at,
        });
    }
    Ok(states)
}
