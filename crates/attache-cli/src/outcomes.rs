//! `attache-cli outcomes list|export|kpis`: what missions brought (deals, joint ventures,
//! letters of intent…), as lines, JSON or a table, and the mission KPIs of a period.

use std::path::PathBuf;

use attache_core::exchange::{self, csv, tables, Table};
use attache_core::kernel::listing::{every, ListQuery};
use attache_core::outcomes::kpis::{self, KpiFilter};
use attache_core::outcomes::{self, OutcomeQuery};
use attache_core::Store;
use clap::{Args, Subcommand};

use crate::{lookup, Outcome};

#[derive(Subcommand)]
pub enum OutcomesCommand {
    /// List the outcomes, newest report first.
    #[command(
        after_help = "Example:\n  attache-cli outcomes list --year 2026\n  attache-cli outcomes list --visit sialkot --json"
    )]
    List(OutcomesList),
    /// Write the outcomes as an Excel workbook or CSV (by the extension of -o; CSV to standard output).
    #[command(after_help = "Example:\n  attache-cli outcomes export --year 2026 -o outcomes-2026.xlsx")]
    Export(OutcomesExport),
    /// The mission KPIs of the visits starting in a period (or of one visit), as figures or JSON;
    /// -o FILE.xlsx writes them as a workbook.
    #[command(
        after_help = "Example:\n  attache-cli outcomes kpis --from 2026-01-01 --to 2026-12-31\n  attache-cli outcomes kpis --country RU --json\n  attache-cli outcomes kpis --from 2026-01-01 -o kpis-2026.xlsx"
    )]
    Kpis(KpisArgs),
}

#[derive(Args)]
pub struct Which {
    /// Only the outcomes of this visit (its id, or words of its title).
    #[arg(long, value_name = "ID|WORDS")]
    visit: Option<String>,
    /// Only those reported in this year.
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(1900..=2200))]
    year: Option<i32>,
}

#[derive(Args)]
pub struct OutcomesList {
    #[command(flatten)]
    which: Which,
    /// Print them as JSON (as the app receives them).
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct OutcomesExport {
    #[command(flatten)]
    which: Which,
    /// Write to this file (replaced only once complete) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Args)]
pub struct KpisArgs {
    /// Visits starting on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Visits starting on or before this day.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Visits in this country or with a guest organization from it (ISO code).
    #[arg(long, value_name = "CODE")]
    country: Option<String>,
    /// Visits this organization hosted, was the guest of, or took part in (id or words of its name).
    #[arg(long, value_name = "ID|WORDS")]
    organization: Option<String>,
    /// One visit alone (its id, or words of its title).
    #[arg(long, value_name = "ID|WORDS")]
    visit: Option<String>,
    /// Print them as JSON.
    #[arg(long)]
    json: bool,
    /// Write them as a workbook or CSV instead.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(store: &Store, command: OutcomesCommand) -> Outcome {
    match command {
        OutcomesCommand::List(args) => list(store, args),
        OutcomesCommand::Export(args) => export(store, args),
        OutcomesCommand::Kpis(args) => figures(store, args),
    }
}

fn query(store: &Store, which: &Which) -> Result<OutcomeQuery, String> {
    let visit_id = which.visit.as_deref().map(|v| lookup::visit(store.conn(), v)).transpose()?;
    let list = ListQuery { sort: Some("reportedOn".into()), descending: true, ..ListQuery::default() };
    Ok(OutcomeQuery { list, visit_id, year: which.year, ..OutcomeQuery::default() })
}

fn list(store: &Store, args: OutcomesList) -> Outcome {
    let query = query(store, &args.which)?;
    let found = every(&query.list, |list| outcomes::list(store.conn(), &OutcomeQuery { list, ..query.clone() }))
        .map_err(|e| e.to_string())?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&found).map_err(|e| e.to_string())?);
        return Ok(());
    }
    if found.is_empty() {
        println!("No outcomes.");
    }
    for o in &found {
        let value = match (&o.currency, o.values.is_empty()) {
            (Some(currency), false) => format!("{currency} {}", o.total),
            _ => "no value".into(),
        };
        println!(
            "{}  {:<16} {:<9} {}  ({}; {value})",
            o.reported_on,
            o.kind.as_str(),
            o.status.as_str(),
            o.title,
            o.visit_title
        );
    }
    Ok(())
}

fn export(store: &Store, args: OutcomesExport) -> Outcome {
    let query = query(store, &args.which)?;
    let table = tables::outcomes(store.conn(), &query).map_err(|e| e.to_string())?;
    write(&table, args.output.as_ref(), "outcomes")
}

fn figures(store: &Store, args: KpisArgs) -> Outcome {
    let conn = store.conn();
    let filter = KpiFilter {
        from: args.from,
        to: args.to,
        country: args.country,
        organization_id: args.organization.as_deref().map(|o| lookup::organization(conn, o)).transpose()?,
        visit_id: args.visit.as_deref().map(|v| lookup::visit(conn, v)).transpose()?,
        sector_id: None,
    };
    let k = kpis::compute(conn, &filter).map_err(|e| e.to_string())?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&k).map_err(|e| e.to_string())?);
        return Ok(());
    }
    let table = tables::kpis(&k);
    if args.output.is_some() {
        return write(&table, args.output.as_ref(), "figures");
    }
    csv::write(&table, &mut std::io::stdout().lock()).map_err(|e| e.to_string())
}

fn write(table: &Table, output: Option<&PathBuf>, what: &str) -> Outcome {
    match output {
        Some(path) => {
            exchange::save(table, path).map_err(|e| format!("{}: {e}", path.display()))?;
            eprintln!("{} {what} written to {}", table.rows.len(), path.display());
            Ok(())
        }
        None => csv::write(table, &mut std::io::stdout().lock()).map_err(|e| e.to_string()),
    }
}
