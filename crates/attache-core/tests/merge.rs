//! Merging two records of the same person or organization: fields chosen one by one, every
//! link moved to the record kept (and audited there), the other deleted with its history.

mod common;

use attache_core::actions::{self, ActionInput};
use attache_core::agreements::{self, PartyInput};
use attache_core::directory::merge::{self, MergeRequest};
use attache_core::directory::organizations;
use attache_core::directory::people::{self, PersonInput};
use attache_core::kernel::error::Reason;
use attache_core::kernel::record::RecordKind;
use attache_core::visits::engagements;
use attache_core::visits::participants::{self, ParticipantQuery};
use common::*;

fn live_participants(store: &attache_core::Store, visit: &attache_core::kernel::ids::VisitId) -> Vec<String> {
    let query = ParticipantQuery { visit_id: Some(visit.clone()), list: query(50), ..ParticipantQuery::default() };
    participants::list(store.conn(), &query).unwrap().items.into_iter().map(|p| p.person_id.0).collect()
}

#[test]
fn two_records_of_one_person_become_one_with_every_link() {
    let (_dir, mut store) = temp_store();
    let keep = people::create(
        &mut store,
        PersonInput { email: Some("a.khorev@mid.ru".into()), ..person_input("Albert", "Khorev") },
    )
    .unwrap();
    let other = people::create(
        &mut store,
        PersonInput {
            email: Some("khorev@gmail.com".into()),
            phone: Some("+7 495 000".into()),
            ..person_input("Альберт", "Хорев")
        },
    )
    .unwrap();
    let (only_other, both_visits) = (visit(&mut store, "Sialkot"), visit(&mut store, "Lahore"));
    participants::create(&mut store, participant_input(&only_other.id, &other.id)).unwrap();
    participants::create(&mut store, participant_input(&both_visits.id, &keep.id)).unwrap();
    participants::create(&mut store, participant_input(&both_visits.id, &other.id)).unwrap();
    let mut meeting = engagement_input(&only_other.id, "Chamber meeting", "2026-01-28T10:00", "2026-01-28T11:00");
    meeting.attendee_ids = vec![other.id.clone()];
    meeting.responsible_person_id = Some(other.id.clone());
    let meeting = engagements::create(&mut store, meeting).unwrap();
    let action = actions::create(
        &mut store,
        ActionInput { owner_person_id: Some(other.id.clone()), ..action_input("Send the MoU draft") },
    )
    .unwrap();

    let request = MergeRequest {
        keep: keep.id.0.clone(),
        other: other.id.0.clone(),
        take_from_other: vec!["phone".into(), "nativeName".into()],
    };
    let merged = merge::merge_people(&mut store, &request).unwrap();

    assert_eq!(merged.email.as_deref(), Some("a.khorev@mid.ru"), "not chosen: the kept record's value");
    assert_eq!(merged.phone.as_deref(), Some("+7 495 000"), "chosen from the other");
    assert_eq!(merged.given_name, "Albert");
    assert!(people::get(store.conn(), &other.id).unwrap().deleted_at.is_some(), "the other is deleted, restorable");
    assert_eq!(live_participants(&store, &only_other.id), vec![keep.id.0.clone()]);
    assert_eq!(live_participants(&store, &both_visits.id), vec![keep.id.0.clone()], "one person takes part once");
    let meeting = engagements::get(store.conn(), &meeting.id).unwrap();
    assert_eq!(meeting.attendee_ids, vec![keep.id.clone()]);
    assert_eq!(meeting.responsible_person_id, Some(keep.id.clone()));
    assert_eq!(actions::get(store.conn(), &action.id).unwrap().owner_person_id, Some(keep.id.clone()));
    // Each moved record has the move in its history; the other keeps its own.
    assert_eq!(audit_operations(&store, RecordKind::Action, action.id.as_str()), vec!["create", "update"]);
    assert_eq!(audit_operations(&store, RecordKind::Person, other.id.as_str()), vec!["create", "delete"]);
    assert_eq!(audit_operations(&store, RecordKind::Person, keep.id.as_str()), vec!["create", "update"]);
}

#[test]
fn a_merge_is_refused_with_itself_a_deleted_record_or_an_unknown_field() {
    let (_dir, mut store) = temp_store();
    let a = person(&mut store, "Olga", "Smirnova");
    let b = person(&mut store, "Olga", "Smirnova");
    let same = MergeRequest { keep: a.id.0.clone(), other: a.id.0.clone(), take_from_other: vec![] };
    assert_eq!(invalid_field(merge::merge_people(&mut store, &same)), "other");
    let unknown =
        MergeRequest { keep: a.id.0.clone(), other: b.id.0.clone(), take_from_other: vec!["spaceship".into()] };
    assert_eq!(invalid_field(merge::merge_people(&mut store, &unknown)), "takeFromOther");
    assert!(people::get(store.conn(), &b.id).unwrap().deleted_at.is_none(), "a refused merge changes nothing");
    people::delete(&mut store, &b.id).unwrap();
    let deleted = MergeRequest { keep: a.id.0.clone(), other: b.id.0.clone(), take_from_other: vec![] };
    assert!(matches!(
        merge::merge_people(&mut store, &deleted).unwrap_err().reason(),
        Some(Reason::RecordDeleted { .. })
    ));
}

#[test]
fn two_organizations_become_one_with_their_people_and_sectors() {
    let (_dir, mut store) = temp_store();
    let keep = organization(&mut store, "Sialkot Chamber of Commerce and Industry");
    let other = organization(&mut store, "SCCI");
    let sectors = attache_core::directory::sectors::list(store.conn()).unwrap();
    let mut input = organizations::input_of(&organizations::get(store.conn(), &other).unwrap());
    input.sector_ids = vec![sectors[0].id.clone()];
    input.website = Some("https://scci.com.pk".into());
    organizations::update(&mut store, &other, input).unwrap();
    let member = person_of(&mut store, "Ayesha", "Raza", &other);
    let mut mou = agreement_input("Sialkot–Moscow MoU");
    mou.parties = vec![PartyInput { organization_id: other.clone(), signatory_person_id: None }];
    let mou = agreements::create(&mut store, mou).unwrap();

    let request =
        MergeRequest { keep: keep.0.clone(), other: other.0.clone(), take_from_other: vec!["website".into()] };
    let merged = merge::merge_organizations(&mut store, &request).unwrap();
    assert_eq!(merged.name, "Sialkot Chamber of Commerce and Industry");
    assert_eq!(merged.website.as_deref(), Some("https://scci.com.pk"));
    assert_eq!(merged.sectors.len(), 1, "sectors of both");
    assert_eq!(people::get(store.conn(), &member.id).unwrap().organization_id, Some(keep.clone()));
    assert_eq!(agreements::get(store.conn(), &mou.id).unwrap().parties[0].organization_id, keep);

    // Two parties to one agreement cannot become one.
    let third = organization(&mut store, "Moscow Chamber");
    let mut both = agreement_input("Twin-city MoU");
    both.parties = vec![
        PartyInput { organization_id: keep.clone(), signatory_person_id: None },
        PartyInput { organization_id: third.clone(), signatory_person_id: None },
    ];
    agreements::create(&mut store, both).unwrap();
    let refused = MergeRequest { keep: keep.0.clone(), other: third.0.clone(), take_from_other: vec![] };
    let error = merge::merge_organizations(&mut store, &refused).unwrap_err();
    assert!(error.to_string().contains("Twin-city MoU"), "{error}");
}
