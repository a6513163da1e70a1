//! Paged, filtered, sorted lists, done in SQL: a list never loads more rows than one page.

use rusqlite::types::Value;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::kernel::error::CoreResult;
use crate::kernel::transliteration;

pub const DEFAULT_PAGE_SIZE: u32 = 50;
pub const MAX_PAGE_SIZE: u32 = 500;
/// No list pages further than this (with the largest page size, the offset stays far below u32::MAX).
const MAX_PAGE: u32 = 1_000_000;
/// Lists count their matches up to this many and then say "at least": an exact count of
/// 200,000 rows costs more than showing the page, and nobody pages that far.
pub const COUNT_CAP: u32 = 10_000;

/// What every list accepts. `page` counts from 1; `sort` names a column the domain allows.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct ListQuery {
    pub page: u32,
    pub page_size: u32,
    pub sort: Option<String>,
    pub descending: bool,
    pub search: Option<String>,
    pub include_deleted: bool,
    /// How far to count matches (default [`COUNT_CAP`]; 0: do not count). Not for the UI: the
    /// dashboard sets it, where "1,000+" says as much as an exact figure and costs a tenth.
    #[serde(skip)]
    pub count_up_to: Option<u32>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Page<T> {
    pub items: Vec<T>,
    /// The number of matches, or [`COUNT_CAP`] when there are more (`total_capped`).
    pub total: u32,
    pub total_capped: bool,
    pub page: u32,
    pub page_size: u32,
}

/// Where a list's rows come from: `from` with every join the page shows, `count_from` with
/// only the joins its filters (but not its search) refer to.
pub struct Source {
    pub from: &'static str,
    pub count_from: &'static str,
}

/// Builds `WHERE … ORDER BY … LIMIT …` for one list query from trusted SQL fragments and
/// bound values; user text only ever reaches SQLite as a parameter.
pub struct Select {
    alias: String,
    conditions: Vec<String>,
    params: Vec<Value>,
}

impl Select {
    /// Starts a list over `alias` (the main table's alias), hiding deleted rows unless asked.
    pub fn new(alias: &str, query: &ListQuery) -> Select {
        let mut select = Select { alias: alias.to_owned(), conditions: Vec::new(), params: Vec::new() };
        if !query.include_deleted {
            select.conditions.push(format!("{alias}.deleted_at IS NULL"));
        }
        select
    }

    /// Adds `sql` bound to `value` (at every `?` in it), when there is a value.
    pub fn filter<V: Into<Value>>(&mut self, sql: &str, value: Option<V>) -> &mut Self {
        if let Some(value) = value {
            let value = value.into();
            for _ in 0..sql.matches('?').count() {
                self.params.push(value.clone());
            }
            self.conditions.push(sql.to_owned());
        }
        self
    }

    /// Adds a condition without parameters.
    pub fn condition(&mut self, sql: &str) -> &mut Self {
        self.conditions.push(sql.to_owned());
        self
    }

    /// Matches every word of `search` against any of `columns` (case-insensitive substring).
    pub fn search(&mut self, columns: &[&str], search: Option<&str>) -> &mut Self {
        self.search_indexed(&[], columns, search)
    }

    /// Like [`Select::search`], but words of three characters or more go through full-text
    /// trigram indexes: each of `indexed` is a condition whose every `?` is bound to the word as
    /// an FTS5 phrase (e.g. `p.rowid IN (SELECT rowid FROM people_search WHERE people_search MATCH ?)`),
    /// and every [`NAMES`] to the word as a query over a name-key index (`latin`/`skeleton`
    /// columns; see kernel/transliteration.rs), so that "Khorev" also finds "Хорев".
    /// Keep it to one condition where you can: SQLite cannot use the rowid for an OR of two.
    /// Shorter words, which a trigram index cannot find, fall back to LIKE over `columns`.
    pub fn search_indexed(&mut self, indexed: &[&str], columns: &[&str], search: Option<&str>) -> &mut Self {
        for word in search.unwrap_or_default().split_whitespace().take(8) {
            if !indexed.is_empty() && word.chars().count() >= 3 {
                let phrase = format!("\"{}\"", word.replace('"', "\"\""));
                // A word that folds to too little for the index is looked for as typed.
                let names = transliteration::names_query(word).unwrap_or_else(|| format!("latin : {phrase}"));
                let conditions: Vec<String> = indexed.iter().map(|c| c.replace(NAMES, "?")).collect();
                self.conditions.push(format!("({})", conditions.join(" OR ")));
                for condition in indexed {
                    let mut parts = condition.split(NAMES).peekable();
                    while let Some(part) = parts.next() {
                        self.params.extend(std::iter::repeat_n(Value::Text(phrase.clone()), part.matches('?').count()));
                        if parts.peek().is_some() {
                            self.params.push(Value::Text(names.clone()));
                        }
                    }
                }
            } else {
                let pattern = format!("%{}%", escape_like(word));
                let any: Vec<String> = columns.iter().map(|c| format!("{c} LIKE ? ESCAPE '\\'")).collect();
                self.conditions.push(format!("({})", any.join(" OR ")));
                self.params.extend(columns.iter().map(|_| Value::Text(pattern.clone())));
            }
        }
        self
    }

    /// Runs the count and the page. `from` is `table alias [JOIN …]` for the page; the count
    /// runs over `source.count_from` (only the joins the filters need), since joining every
    /// row of a large table just to count it costs more than the page itself.
    pub fn page<T>(
        &self,
        conn: &rusqlite::Connection,
        columns: &str,
        source: &Source,
        order: &str,
        query: &ListQuery,
        map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> CoreResult<Page<T>> {
        let where_sql = self.where_sql();
        let page_size = match query.page_size {
            0 => DEFAULT_PAGE_SIZE,
            n => n.min(MAX_PAGE_SIZE),
        };
        // Clamped so that no page number can overflow the offset.
        let page = query.page.clamp(1, MAX_PAGE);
        let cap = query.count_up_to.unwrap_or(COUNT_CAP);
        let counted = match cap {
            0 => None,
            _ => Some(self.count(conn, source, query, cap)?),
        };
        let offset = (page - 1) * page_size;
        let list_sql = if offset > 0 && self.picks_from_base(query, order) {
            // A deep page: find its rows on the base table's indexes alone, then join only those.
            // Stepping over 10,000 joined rows to throw them away cost ~20 ms; this costs ~2.
            format!(
                "SELECT {columns} FROM {} WHERE {alias}.rowid IN
                 (SELECT {alias}.rowid FROM {}{where_sql} ORDER BY {order} LIMIT {page_size} OFFSET {offset})
                 ORDER BY {order}",
                source.from,
                source.count_from,
                alias = self.alias
            )
        } else {
            format!(
                "SELECT {columns} FROM {}{where_sql} ORDER BY {order} LIMIT {page_size} OFFSET {offset}",
                source.from
            )
        };
        let mut stmt = conn.prepare_cached(&list_sql)?;
        let items = stmt.query_map(rusqlite::params_from_iter(&self.params), map)?.collect::<Result<Vec<T>, _>>()?;
        let (total, total_capped) = match counted {
            Some(n) => (n.min(cap), n > cap),
            None => (items.len() as u32, false),
        };
        Ok(Page { items, total, total_capped, page, page_size })
    }

    /// Every match, in the list's order, without paging: what an export of the list holds.
    /// One statement stepped once, so 100,000 rows cost one pass, not 200 pages of OFFSET.
    pub fn all<T>(
        &self,
        conn: &rusqlite::Connection,
        columns: &str,
        source: &Source,
        order: &str,
        mut each: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> CoreResult<Vec<T>> {
        let sql = format!("SELECT {columns} FROM {}{} ORDER BY {order}", source.from, self.where_sql());
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(&self.params), |row| each(row))?;
        Ok(rows.collect::<Result<Vec<T>, _>>()?)
    }

    /// Whether the page's rows can be chosen from `count_from` alone (where the filters already
    /// hold, as the count shows): no search, whose LIKE fallback may name joined columns, and a
    /// sort on the base table's own columns.
    fn picks_from_base(&self, query: &ListQuery, order: &str) -> bool {
        let searching = query.search.as_deref().is_some_and(|s| !s.trim().is_empty());
        let qualifiers = order
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .filter_map(|word| word.split_once('.'));
        !searching && qualifiers.into_iter().all(|(table, _)| table == self.alias)
    }

    /// Counts matches up to `cap` + 1, so that "more than `cap`" can be told apart.
    fn count(&self, conn: &rusqlite::Connection, source: &Source, query: &ListQuery, cap: u32) -> CoreResult<u32> {
        let searching = query.search.as_deref().is_some_and(|s| !s.trim().is_empty());
        let from = if searching { source.from } else { source.count_from };
        let sql = format!("SELECT count(*) FROM (SELECT 1 FROM {from}{} LIMIT {})", self.where_sql(), cap + 1);
        Ok(conn.prepare_cached(&sql)?.query_row(rusqlite::params_from_iter(&self.params), |r| r.get(0))?)
    }

    fn where_sql(&self) -> String {
        if self.conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.conditions.join(" AND "))
        }
    }
}

/// In a condition given to [`Select::search_indexed`], the place of a name-key query.
pub const NAMES: &str = "?names";

/// Picks the ORDER BY for `query.sort` from the domain's allowed `(name, sql)` pairs, falling back
/// to the first; `tiebreak` keeps paging stable when sort values repeat. A sort of several terms
/// separates them with `;`, so that the direction applies to each.
pub fn order_by(query: &ListQuery, allowed: &[(&str, &str)], tiebreak: &str) -> String {
    let terms = query
        .sort
        .as_deref()
        .and_then(|name| allowed.iter().find(|(n, _)| *n == name))
        .or(allowed.first())
        .map_or(tiebreak, |(_, sql)| *sql);
    let direction = if query.descending { "DESC" } else { "ASC" };
    terms.split(';').chain([tiebreak]).map(|term| format!("{} {direction}", term.trim())).collect::<Vec<_>>().join(", ")
}

fn escape_like(word: &str) -> String {
    word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// The place of `name` in `names`, for reading a row by position where reading it by name
/// costs too much (rusqlite compares every column's name for every value read). Used in
/// constants, so a name that is not there fails the build.
pub const fn column_at(names: &[&str], name: &str) -> usize {
    let mut i = 0;
    while i < names.len() {
        if same(names[i].as_bytes(), name.as_bytes()) {
            return i;
        }
        i += 1;
    }
    panic!("not one of the columns")
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Every record a list query selects, in its order, page after page.
pub fn every<T>(list: &ListQuery, mut page: impl FnMut(ListQuery) -> CoreResult<Page<T>>) -> CoreResult<Vec<T>> {
    let mut all = Vec::new();
    for number in 1.. {
        let found = page(ListQuery { page: number, page_size: MAX_PAGE_SIZE, ..list.clone() })?;
        let last = found.items.len() < MAX_PAGE_SIZE as usize;
        all.extend(found.items);
        if last {
            break;
        }
    }
    Ok(all)
}
