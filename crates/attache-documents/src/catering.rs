//! The caterer's sheet as the template prints it: each meal with when and where, how many eat,
//! the special dietary and access needs counted, and who nobody has asked yet.

use attache_core::visits::meals::{Meal, NeedCount};
use chrono::NaiveDateTime;
use serde_json::{json, Value};

use crate::catalogue::Catalogue;

pub fn meal(words: &Catalogue, m: &Meal) -> Value {
    let day = NaiveDateTime::parse_from_str(m.starts_local.get(..16).unwrap_or(&m.starts_local), "%Y-%m-%dT%H:%M")
        .map(|at| words.day_heading(at.date()))
        .unwrap_or_else(|_| m.starts_local.clone());
    let total = m.diners.len().to_string();
    let unknown = m.dietary_unknown.len().to_string();
    json!({
        "title": m.title,
        "day": day,
        "time": format!("{}–{}", Catalogue::clock(&m.starts_local), Catalogue::clock(&m.ends_local)),
        "venue": m.venue_name,
        "total": words.phrase("caterer_total", &[("count", &total)]),
        "dietary": m.dietary.iter().map(need).collect::<Vec<_>>(),
        "nothing": m.no_dietary_needs.to_string(),
        "unknown": m.dietary_unknown,
        "unknown_note": (!m.dietary_unknown.is_empty()).then(|| words.phrase("caterer_unknown", &[("count", &unknown)])),
        "access": m.access.iter().map(need).collect::<Vec<_>>(),
        "diners": m.diners.iter().map(|d| json!({
            "name": d.name,
            "native": d.native_name,
            "dietary": d.dietary,
            "access": d.access,
        })).collect::<Vec<_>>(),
    })
}

fn need(c: &NeedCount) -> Value {
    json!({ "need": c.need, "count": c.count.to_string(), "names": c.names.join(", ") })
}
