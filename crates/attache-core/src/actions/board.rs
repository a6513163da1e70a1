//! The actions board: one column per status, and the changes made from it (a card moved to
//! another column, or several cards given a status or an owner at once).

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::ids::{ActionId, PersonId};
use crate::kernel::listing::ListQuery;
use crate::store::Store;

use super::{as_input, get, list_on, update_in, Action, ActionQuery, ActionStatus};

/// A column of the board: the first cards of one status, and how many it holds.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BoardColumn {
    pub status: ActionStatus,
    pub items: Vec<Action>,
    pub total: u32,
    /// More than were counted: show the count as "at least".
    pub total_capped: bool,
}

/// Cards shown per column: a board is for what is moving; the list pages through the rest.
pub const CARDS_PER_COLUMN: u32 = 50;
const COUNT_UP_TO: u32 = 1_000;

/// The board under `query`'s filters (its status and paging are the board's own): pending
/// columns by due date, soonest first; done and dropped by due date, latest first (read from
/// the status-and-due index backwards: sorting a column by when it last changed read and
/// sorted its whole status, 270 ms on a large store, and an index for it cost the pending
/// lists their plan).
pub fn board(conn: &Connection, query: &ActionQuery) -> CoreResult<Vec<BoardColumn>> {
    board_on(conn, query, super::today())
}

pub fn board_on(conn: &Connection, query: &ActionQuery, today: NaiveDate) -> CoreResult<Vec<BoardColumn>> {
    ActionStatus::ALL
        .iter()
        .map(|&status| {
            let finished = !status.is_pending();
            let list = ListQuery {
                page: 1,
                page_size: CARDS_PER_COLUMN,
                sort: Some("dueOn".into()),
                descending: finished,
                count_up_to: Some(COUNT_UP_TO),
                ..query.list.clone()
            };
            let column = ActionQuery {
                list,
                status: Some(status),
                pending_only: false,
                overdue_only: query.overdue_only && !finished,
                ..query.clone()
            };
            let page = if query.overdue_only && finished {
                // Nothing finished is overdue.
                crate::kernel::listing::Page { items: vec![], total: 0, total_capped: false, page: 1, page_size: 0 }
            } else {
                list_on(conn, &column, today)?
            };
            Ok(BoardColumn { status, items: page.items, total: page.total, total_capped: page.total_capped })
        })
        .collect()
}

/// A change to several actions at once: each field given is set on every one.
#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct BulkChange {
    pub ids: Vec<ActionId>,
    pub status: Option<ActionStatus>,
    pub owner_person_id: Option<PersonId>,
}

/// Applies `change` to every action in one transaction: all change, or (when one is refused,
/// say a card moved to "in progress" with no owner) none does, and the error names that action.
pub fn bulk_change(store: &mut Store, change: &BulkChange) -> CoreResult<Vec<Action>> {
    store.write(|w| {
        change
            .ids
            .iter()
            .map(|id| {
                let before = get(w, id)?;
                let mut input = as_input(&before);
                if let Some(status) = change.status {
                    input.status = status;
                }
                if let Some(owner) = &change.owner_person_id {
                    input.owner_person_id = Some(owner.clone());
                }
                update_in(w, id, input).map_err(|e| naming(e, &before.title))
            })
            .collect()
    })
}

/// Moves one action to another status (a card dragged, or moved with the keyboard).
pub fn move_to(store: &mut Store, id: &ActionId, status: ActionStatus) -> CoreResult<Action> {
    let change = BulkChange { ids: vec![id.clone()], status: Some(status), owner_person_id: None };
    Ok(bulk_change(store, &change)?.remove(0))
}

/// A refusal that says which of several actions it concerns.
fn naming(error: CoreError, title: &str) -> CoreError {
    match error {
        CoreError::Validation { field, reason, message } => {
            CoreError::Validation { field, reason, message: format!("{title}: {message}") }
        }
        other => other,
    }
}
