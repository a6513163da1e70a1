//! `attache-cli agreements list` and `attache-cli actions list`: the registers, as lines or as
//! JSON, every page of them; and `attache-cli actions add`, the quick add of the window.

use attache_core::actions::{self, quick, Action, ActionQuery};
use attache_core::agreements::{self, AgreementQuery, AgreementStatus};
use attache_core::kernel::listing::{ListQuery, Page, MAX_PAGE_SIZE};
use attache_core::{CoreResult, Store};
use chrono::{Duration, Local};
use clap::{Args, Subcommand};

use crate::{lookup, Outcome};

#[derive(Subcommand)]
pub enum AgreementsCommand {
    /// List the agreements, by signing date.
    #[command(
        after_help = "Example:\n  attache-cli agreements list --expiring 90\n  attache-cli agreements list --status signed --json"
    )]
    List(AgreementsList),
}

#[derive(Args)]
pub struct AgreementsList {
    /// Only those expiring within this many days from today (today included).
    #[arg(long, value_name = "DAYS")]
    expiring: Option<u32>,
    /// Only those with this status: draft, negotiating, signed, in_force, expired, terminated.
    #[arg(long, value_name = "STATUS", value_parser = status)]
    status: Option<AgreementStatus>,
    /// Print them as JSON (as the app receives them).
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
pub enum ActionsCommand {
    /// List the follow-up actions, by due date.
    #[command(
        after_help = "Example:\n  attache-cli actions list --overdue\n  attache-cli actions list --owner Mazhar --json"
    )]
    List(ActionsList),
    /// Add an action from one line, read as the app's quick add reads it.
    #[command(
        after_help = "The line may carry a due day (today, tomorrow, friday, 2026-12-04, 4.12), a priority\n(!low, !normal, !high, !urgent) and an owner (@name); a capitalised name of one person\nlinks the action to them.\n\nExample:\n  attache-cli actions add \"Call Olga friday !high\"\n  attache-cli actions add \"Send the minutes @Mazhar tomorrow\""
    )]
    Add(ActionsAdd),
}

#[derive(Args)]
pub struct ActionsAdd {
    /// What is to be done, with its day, priority and owner.
    #[arg(value_name = "LINE")]
    line: String,
    /// Print the action created as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct ActionsList {
    /// Only those past their due date and not done or dropped.
    #[arg(long)]
    overdue: bool,
    /// Only those of this owner: their id, or words of their name.
    #[arg(long, value_name = "ID|WORDS")]
    owner: Option<String>,
    /// Print them as JSON (as the app receives them).
    #[arg(long)]
    json: bool,
}

fn status(text: &str) -> Result<AgreementStatus, String> {
    AgreementStatus::ALL.iter().copied().find(|s| s.as_str() == text).ok_or_else(|| {
        let words: Vec<&str> = AgreementStatus::ALL.iter().map(|s| s.as_str()).collect();
        format!("one of {}", words.join(", "))
    })
}

pub fn agreements(store: &Store, AgreementsCommand::List(args): AgreementsCommand) -> Outcome {
    let today = Local::now().date_naive();
    let query = AgreementQuery {
        status: args.status,
        expires_from: args.expiring.map(|_| today.to_string()),
        expires_to: args.expiring.map(|days| (today + Duration::days(days.into())).to_string()),
        ..AgreementQuery::default()
    };
    let sort = if args.expiring.is_some() { "expiresOn" } else { "signedOn" };
    let found = every_page(sort, |list| agreements::list(store.conn(), &AgreementQuery { list, ..query.clone() }))?;
    if args.json {
        return print_json(&found);
    }
    if found.is_empty() {
        println!("No agreements.");
    }
    for a in &found {
        let parties: Vec<&str> = a.parties.iter().map(|p| p.organization_name.as_str()).collect();
        let dates = format!(
            "signed {} · expires {}",
            a.signed_on.as_deref().unwrap_or("—"),
            a.expires_on.as_deref().unwrap_or("—")
        );
        let window = if a.in_renewal_window(today) { "  RENEWAL NOTICE DUE" } else { "" };
        println!("{:<12} {}  ({}; {}){window}", a.status.as_str(), a.title, parties.join(", "), dates);
    }
    Ok(())
}

pub fn actions(store: &mut Store, command: ActionsCommand) -> Outcome {
    match command {
        ActionsCommand::List(args) => list_actions(store, args),
        ActionsCommand::Add(args) => add_action(store, args),
    }
}

fn add_action(store: &mut Store, args: ActionsAdd) -> Outcome {
    let draft = quick::parse(store.conn(), &args.line, actions::today()).map_err(|e| e.to_string())?;
    if let Some(name) = &draft.unmatched_owner {
        return Err(format!("no one person is called \"{name}\"; give the owner by a name only they have"));
    }
    let action = actions::create(store, draft.input).map_err(|e| e.to_string())?;
    if args.json {
        return print_json(&[action]);
    }
    let due = action.due_on.as_deref().unwrap_or("no due date");
    let owner = action.owner_name.as_deref().unwrap_or("no owner");
    let about = action.person_name.as_deref().map(|p| format!("; about {p}")).unwrap_or_default();
    println!("Added {} ({}; {owner}; due {due}{about}) as {}", action.title, action.priority.as_str(), action.id);
    Ok(())
}

fn list_actions(store: &Store, args: ActionsList) -> Outcome {
    let owner = args.owner.as_deref().map(|text| lookup::person(store.conn(), text)).transpose()?;
    let query = ActionQuery { overdue_only: args.overdue, owner_person_id: owner, ..ActionQuery::default() };
    let found: Vec<Action> =
        every_page("dueOn", |list| actions::list(store.conn(), &ActionQuery { list, ..query.clone() }))?;
    if args.json {
        return print_json(&found);
    }
    if found.is_empty() {
        println!("No actions.");
    }
    for a in &found {
        let due = a.due_on.as_deref().unwrap_or("no due date");
        let owner = a.owner_name.as_deref().unwrap_or("no owner");
        let late = if a.overdue { "  OVERDUE" } else { "" };
        let renewal = if a.renewal_for_expiry.is_some() { "Renewal: " } else { "" };
        println!("{:<12} {renewal}{}  ({owner}; due {due}){late}", a.status.as_str(), a.title);
    }
    Ok(())
}

/// Every page of a list, in `sort` order.
fn every_page<T>(sort: &str, mut page: impl FnMut(ListQuery) -> CoreResult<Page<T>>) -> Result<Vec<T>, String> {
    let mut all = Vec::new();
    for number in 1.. {
        let list =
            ListQuery { page: number, page_size: MAX_PAGE_SIZE, sort: Some(sort.into()), ..ListQuery::default() };
        let found = page(list).map_err(|e| e.to_string())?;
        let last = found.items.len() < MAX_PAGE_SIZE as usize;
        all.extend(found.items);
        if last {
            break;
        }
    }
    Ok(all)
}

fn print_json<T: serde::Serialize>(items: &[T]) -> Outcome {
    println!("{}", serde_json::to_string_pretty(items).map_err(|e| e.to_string())?);
    Ok(())
}
