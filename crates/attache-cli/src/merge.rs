//! `attache-cli merge people|organizations --keep … --other … [--take field,…]`: two records of
//! one person or organization made one, as the window's Merge… does.

use attache_core::directory::merge::{self, MergeRequest};
use attache_core::Store;
use clap::{Args, ValueEnum};

use crate::{lookup, Outcome};

#[derive(Clone, Copy, ValueEnum)]
pub enum Kind {
    People,
    Organizations,
}

#[derive(Args)]
pub struct MergeArgs {
    #[arg(value_enum)]
    kind: Kind,
    /// The record that stays (an id or words of the name).
    #[arg(long, value_name = "ID|WORDS")]
    keep: String,
    /// The record that goes: its links move to the kept one, and it is deleted (restorable).
    #[arg(long, value_name = "ID|WORDS")]
    other: String,
    /// Fields whose value comes from the other record (email, phone, position, website…).
    #[arg(long, value_delimiter = ',', value_name = "FIELD,…")]
    take: Vec<String>,
    #[arg(long)]
    json: bool,
}

pub fn run(store: &mut Store, args: MergeArgs) -> Outcome {
    let find = |text: &str| match args.kind {
        Kind::People => lookup::person(store.conn(), text).map(|id| id.0),
        Kind::Organizations => lookup::organization(store.conn(), text).map(|id| id.0),
    };
    let request =
        MergeRequest { keep: find(&args.keep)?, other: find(&args.other)?, take_from_other: args.take.clone() };
    let (name, json) = match args.kind {
        Kind::People => {
            let person = merge::merge_people(store, &request).map_err(|e| e.to_string())?;
            (person.display_name.clone(), serde_json::to_string_pretty(&person))
        }
        Kind::Organizations => {
            let organization = merge::merge_organizations(store, &request).map_err(|e| e.to_string())?;
            (organization.name.clone(), serde_json::to_string_pretty(&organization))
        }
    };
    if args.json {
        println!("{}", json.map_err(|e| e.to_string())?);
    } else {
        println!("Merged into {name} ({}); the other record is deleted and can be restored.", request.keep);
    }
    Ok(())
}
