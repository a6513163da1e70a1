//! One visit whole: its programme, participants, agreements and actions, for the visit's page.

use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use crate::actions::{self, Action, ActionQuery};
use crate::agreements::{self, Agreement, AgreementQuery};
use crate::kernel::error::CoreResult;
use crate::kernel::ids::VisitId;
use crate::kernel::listing::{ListQuery, MAX_PAGE_SIZE};
use crate::visits::engagements::{self, Engagement, EngagementQuery};
use crate::visits::participants::{self, Participant, ParticipantQuery};
use crate::visits::{self, Visit};

/// A visit with its programme, participants (in precedence order), agreements and actions.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct VisitOverview {
    pub visit: Visit,
    pub engagements: Vec<Engagement>,
    pub participants: Vec<Participant>,
    pub agreements: Vec<Agreement>,
    pub actions: Vec<Action>,
}

fn all(sort: &str, include_deleted: bool) -> ListQuery {
    ListQuery {
        page: 1,
        page_size: MAX_PAGE_SIZE,
        sort: Some(sort.to_owned()),
        include_deleted,
        ..ListQuery::default()
    }
}

/// The visit and what belongs to it. With `include_deleted`, also what was deleted, or hidden
/// because the visit (or a participant's person) is deleted, each marked as such.
pub fn visit(conn: &Connection, id: &VisitId, include_deleted: bool) -> CoreResult<VisitOverview> {
    let visit = visits::get(conn, id)?;
    let visit_id = Some(id.clone());
    let list = |sort: &str| all(sort, include_deleted);
    Ok(VisitOverview {
        engagements: engagements::list(
            conn,
            &EngagementQuery { list: list("startsAt"), visit_id: visit_id.clone(), ..Default::default() },
        )?
        .items,
        participants: participants::list(
            conn,
            &ParticipantQuery { list: list("precedence"), visit_id: visit_id.clone(), ..Default::default() },
        )?
        .items,
        agreements: agreements::list(
            conn,
            &AgreementQuery { list: list("signedOn"), signed_visit_id: visit_id.clone(), ..Default::default() },
        )?
        .items,
        actions: actions::list(conn, &ActionQuery { list: list("dueOn"), visit_id, ..Default::default() })?.items,
        visit,
    })
}
