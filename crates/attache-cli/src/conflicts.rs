//! `attache-cli conflicts`: a visit's conflicts, as lines or as JSON.

use attache_core::visits::conflicts;
use attache_core::Store;
use clap::Args;

use crate::{lookup, Outcome};

#[derive(Args)]
pub struct ConflictsArgs {
    /// The visit: its id, or words of its title.
    #[arg(long, value_name = "ID|WORDS")]
    visit: String,
    /// Print the conflicts as JSON (as the app receives them).
    #[arg(long)]
    json: bool,
}

pub fn run(store: &Store, args: ConflictsArgs) -> Outcome {
    let visit = lookup::visit(store.conn(), &args.visit)?;
    let found = conflicts::for_visit(store.conn(), &visit).map_err(|e| e.to_string())?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&found).map_err(|e| e.to_string())?);
        return Ok(());
    }
    if found.is_empty() {
        println!("No conflicts.");
    }
    for c in &found {
        match &c.acknowledgement {
            Some(ack) => println!("acknowledged  {} ({})", c.message, ack.reason),
            None => println!("open          {}", c.message),
        }
    }
    Ok(())
}
