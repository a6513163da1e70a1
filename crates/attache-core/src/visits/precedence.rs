//! The order of precedence: who comes first wherever a visit's people are listed, seated or
//! exported. The rule, in order:
//!
//! 1. **Sides**, if the office groups them: guests before hosts, or hosts before guests
//!    (third parties after both); by default the sides are mixed.
//! 2. **Heads of delegation first**, if the office wants them ahead of everyone on their side
//!    whatever their rank; by default they only come first among people of equal rank.
//! 3. **Rank**: the participant's precedence override for this visit, else the person's
//!    protocol rank; lower first, unranked last.
//! 4. Heads of delegation before the others of the same rank.
//! 5. Family name, then given name.
//!
//! The office edits 1 and 2 in Settings (kept in the store); 3 is edited per person and per
//! visit.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::kernel::error::CoreResult;
use crate::store::{settings, Store};

const KEY: &str = "precedence.rule";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum SideOrder {
    #[default]
    Mixed,
    GuestsFirst,
    HostsFirst,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PrecedenceRule {
    pub sides: SideOrder,
    pub heads_first: bool,
}

impl PrecedenceRule {
    /// The rule as ORDER BY terms over `pa` (participants) and `p` (people), separated by `;`
    /// as `listing::order_by` takes them.
    pub fn order_sql(&self) -> String {
        let mut terms = Vec::new();
        match self.sides {
            SideOrder::Mixed => {}
            SideOrder::GuestsFirst => terms.push("CASE pa.side WHEN 'guest' THEN 0 WHEN 'host' THEN 1 ELSE 2 END"),
            SideOrder::HostsFirst => terms.push("CASE pa.side WHEN 'host' THEN 0 WHEN 'guest' THEN 1 ELSE 2 END"),
        }
        if self.heads_first {
            terms.push("pa.role <> 'head_of_delegation'");
        }
        terms.extend([
            "coalesce(pa.precedence_override, p.protocol_rank, 1000000000)",
            "pa.role <> 'head_of_delegation'",
            "p.family_name COLLATE NOCASE",
            "p.given_name COLLATE NOCASE",
        ]);
        terms.join("; ")
    }
}

/// The office's rule (the default until it is edited).
pub fn rule(conn: &Connection) -> CoreResult<PrecedenceRule> {
    let stored = settings::get(conn, KEY)?;
    Ok(stored.and_then(|json| serde_json::from_str(&json).ok()).unwrap_or_default())
}

pub fn set_rule(store: &mut Store, rule: PrecedenceRule) -> CoreResult<PrecedenceRule> {
    let json = serde_json::to_string(&rule).unwrap_or_default();
    store.write(|w| settings::set(w, KEY, &json))?;
    Ok(rule)
}
