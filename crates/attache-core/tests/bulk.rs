mod common;

use attache_core::actions::{self, ActionQuery};
use attache_core::directory::people::{self, PersonQuery};
use attache_core::fixtures::bulk::{self, Scale};
use attache_core::kernel::listing::COUNT_CAP;

#[test]
fn the_generator_builds_the_requested_scale_and_lists_cap_their_counts() {
    let (_dir, mut store) = common::temp_store();
    // More than the cap even after the actions of the generated deleted visits are hidden.
    let scale = Scale { actions: COUNT_CAP as usize + 1_000, ..Scale::FULL.fraction(100) };
    bulk::generate(&mut store, scale).unwrap();

    let everyone = people::list(store.conn(), &PersonQuery::default()).unwrap();
    assert_eq!((everyone.total, everyone.total_capped), (scale.people as u32, false));
    assert_eq!(everyone.items.len(), 50);

    let all = actions::list(store.conn(), &ActionQuery::default()).unwrap();
    assert_eq!((all.total, all.total_capped), (COUNT_CAP, true), "past the cap the count says 'at least'");
    assert_eq!(all.items.len(), 50);
    let due: Vec<_> = all.items.iter().map(|a| a.due_on.clone().unwrap()).collect();
    let sorted = {
        let mut s = due.clone();
        s.sort();
        s
    };
    assert_eq!(due, sorted, "first page in due-date order");
}

#[test]
fn a_list_can_count_less_far_or_not_at_all() {
    let (_dir, mut store) = common::temp_store();
    bulk::generate(&mut store, Scale::FULL.fraction(100)).unwrap();
    let query = |count_up_to| PersonQuery {
        list: attache_core::kernel::listing::ListQuery {
            page_size: 10,
            count_up_to: Some(count_up_to),
            ..Default::default()
        },
        ..Default::default()
    };
    let capped = people::list(store.conn(), &query(100)).unwrap();
    assert_eq!((capped.total, capped.total_capped), (100, true));
    let uncounted = people::list(store.conn(), &query(0)).unwrap();
    assert_eq!((uncounted.total, uncounted.total_capped, uncounted.items.len()), (10, false, 10));
}

#[test]
fn a_later_page_holds_the_rows_that_follow_the_first() {
    let (_dir, mut store) = common::temp_store();
    bulk::generate(&mut store, Scale::FULL.fraction(200)).unwrap();
    for sort in ["familyName", "organizationName", "protocolRank", "country"] {
        for descending in [false, true] {
            let query = |page, page_size| PersonQuery {
                list: attache_core::kernel::listing::ListQuery {
                    page,
                    page_size,
                    sort: Some(sort.into()),
                    descending,
                    ..Default::default()
                },
                ..Default::default()
            };
            let ids = |q| people::list(store.conn(), &q).unwrap().items.into_iter().map(|p| p.id).collect::<Vec<_>>();
            let first_forty = ids(query(1, 40));
            assert_eq!(ids(query(3, 10)), first_forty[20..30], "page 3 of 10 by {sort}, descending {descending}");
        }
    }
    for sort in ["dueOn", "priority", "ownerName"] {
        let query = |page, page_size| ActionQuery {
            list: attache_core::kernel::listing::ListQuery {
                page,
                page_size,
                sort: Some(sort.into()),
                ..Default::default()
            },
            pending_only: true,
            ..Default::default()
        };
        let ids = |q| actions::list(store.conn(), &q).unwrap().items.into_iter().map(|a| a.id).collect::<Vec<_>>();
        assert_eq!(ids(query(2, 25)), ids(query(1, 50))[25..], "actions by {sort}");
    }
}
