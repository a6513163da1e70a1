//! Reminders: the actions due today or overdue, and the agreements that have entered their
//! renewal window, that have not been announced yet. Taking them records them as announced
//! (in the same transaction), so an action is announced at most once a day and a renewal once
//! per period, however often the app asks: at start, and then through the day. They can be
//! turned off in Settings (a setting in the store, on by default).

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use crate::kernel::error::CoreResult;
use crate::store::{settings, Store};

/// The setting that turns reminders off ("off"); anything else, or none, is on.
pub const SETTING: &str = "reminders";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// An action due today or overdue: `record_id` is the action's.
    Action,
    /// An agreement in its renewal window: `record_id` is the agreement's.
    Renewal,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    pub kind: ReminderKind,
    pub record_id: String,
    pub title: String,
    /// The action's due date, or the agreement's expiry date.
    pub date: String,
    /// Due before today (actions only).
    pub overdue: bool,
}

/// At most this many reminders are handed out at once; the rest wait for the next look.
const AT_ONCE: u32 = 50;

pub fn enabled(conn: &Connection) -> CoreResult<bool> {
    Ok(settings::get(conn, SETTING)?.as_deref() != Some("off"))
}

pub fn set_enabled(store: &mut Store, on: bool) -> CoreResult<()> {
    store.write(|w| settings::set(w, SETTING, if on { "on" } else { "off" }))
}

/// The reminders not yet announced on `today`, recorded as announced.
pub fn take_due(store: &mut Store, today: NaiveDate) -> CoreResult<Vec<Reminder>> {
    if !enabled(store.conn())? {
        return Ok(Vec::new());
    }
    let day = today.to_string();
    store.write(|w| {
        let mut due = Vec::new();
        let actions = w
            .prepare_cached(
                "SELECT x.id, x.title, x.due_on FROM actions x
                 WHERE x.deleted_at IS NULL AND x.hidden_by_owner = 0 AND x.status IN ('open', 'in_progress', 'blocked')
                 AND x.due_on <= ?1
                 AND NOT EXISTS (SELECT 1 FROM reminders_sent r WHERE r.key = 'action:' || x.id AND r.day = ?1)
                 ORDER BY x.due_on, x.id LIMIT ?2",
            )?
            .query_map(rusqlite::params![day, AT_ONCE], |r| {
                let date: String = r.get(2)?;
                Ok(Reminder {
                    kind: ReminderKind::Action,
                    record_id: r.get(0)?,
                    title: r.get(1)?,
                    overdue: date < day,
                    date,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        due.extend(actions);
        let renewals = w
            .prepare_cached(&format!(
                "SELECT a.id, a.title, a.expires_on FROM agreements a WHERE {}
                 AND NOT EXISTS (SELECT 1 FROM reminders_sent r WHERE r.key = 'renewal:' || a.id || ':' || a.expires_on)
                 ORDER BY a.expires_on, a.id LIMIT ?2",
                crate::agreements::renewal::IN_WINDOW
            ))?
            .query_map(rusqlite::params![day, AT_ONCE], |r| {
                Ok(Reminder {
                    kind: ReminderKind::Renewal,
                    record_id: r.get(0)?,
                    title: r.get(1)?,
                    date: r.get(2)?,
                    overdue: false,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        due.extend(renewals);
        let mut sent = w.prepare_cached("INSERT OR IGNORE INTO reminders_sent (key, day) VALUES (?1, ?2)")?;
        for reminder in &due {
            let key = match reminder.kind {
                ReminderKind::Action => format!("action:{}", reminder.record_id),
                ReminderKind::Renewal => format!("renewal:{}:{}", reminder.record_id, reminder.date),
            };
            sent.execute(rusqlite::params![key, day])?;
        }
        Ok(due)
    })
}
