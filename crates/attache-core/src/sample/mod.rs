//! The built-in sample: the Russian ambassador's visit to the Sialkot Chamber of Commerce and
//! Industry on 28 January 2026, as reported by APP, with what it refers back to and forward to.

mod sialkot;

use serde::Serialize;
use specta::Type;

use crate::error::CoreResult;
use crate::settings;
use crate::store::Store;

const LOADED_KEY: &str = "sample.loaded_at";

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SampleOutcome {
    pub loaded: bool,
    pub message: String,
}

/// Loads the sample once. Run twice, it changes nothing the second time: the first load is
/// remembered in the settings, and so is the user's choice to delete the sample afterwards.
pub fn load(store: &mut Store) -> CoreResult<SampleOutcome> {
    store.write(|w| {
        if settings::get(w, LOADED_KEY)?.is_some() {
            return Ok(SampleOutcome { loaded: false, message: "The sample visit is already loaded.".into() });
        }
        sialkot::insert(w)?;
        settings::set(w, LOADED_KEY, &crate::record::now())?;
        Ok(SampleOutcome {
            loaded: true,
            message: "Loaded the sample visit to the Sialkot Chamber of Commerce and Industry.".into(),
        })
    })
}

/// On the first start of an empty store, loads the sample so the app never opens blank.
pub fn load_if_new(store: &mut Store) -> CoreResult<SampleOutcome> {
    let empty: bool = store.conn().query_row(
        "SELECT NOT EXISTS (SELECT 1 FROM visits) AND NOT EXISTS (SELECT 1 FROM people)
         AND NOT EXISTS (SELECT 1 FROM organizations)",
        [],
        |r| r.get(0),
    )?;
    if !empty {
        return Ok(SampleOutcome { loaded: false, message: "The store already has data.".into() });
    }
    load(store)
}
