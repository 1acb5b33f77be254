use super::*;
use crate::model::{MissedReason, Pause};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn england() -> Calendar {
    Calendar::built_in("england-and-wales").unwrap()
}

fn find(states: &[MilestoneState], milestone: Milestone) -> &MilestoneState {
    states.iter().find(|s| s.milestone == milestone).unwrap()
}

#[test]
fn a_new_review_waits_for_its_dates() {
    let states = milestones(&ReviewClock::default(), &england(), day("2026-12-04"));
    assert_eq!(states.len(), 5);
    assert!(
        states
            .iter()
            .all(|s| s.status == Status::Waiting && s.due.is_none())
    );
    let order: Vec<Milestone> = states.iter().map(|s| s.milestone).collect();
    assert_eq!(order, Milestone::ALL.to_vec());
}

#[test]
fn notification_and_rapid_review_count_working_days_over_christmas() {
    let clock = ReviewClock {
        aware: Some(day("2026-12-21")),
        notified: Some(day("2026-12-23")),
        ..Default::default()
    };
    let states = milestones(&clock, &england(), day("2026-12-24"));
    let notification = find(&states, Milestone::Notification);
    assert_eq!(notification.due, Some(day("2026-12-30")));
    assert_eq!(notification.status, Status::Done);
    let rapid = find(&states, Milestone::RapidReview);
    assert_eq!(rapid.due, Some(day("2027-01-18")));
    // From Thursday 24 December: 29, 30, 31 Dec, 4 to 8, 11 to 15 and 18
    // January.
    assert_eq!(rapid.status, Status::Due(14));
    assert!(
        rapid.basis.contains("the notification (23 December 2026)"),
        "{}",
        rapid.basis
    );

    // Counted from becoming aware instead, as some partnerships do.
    let aware = ReviewClock {
        rapid_review_from: RapidReviewAnchor::Aware,
        ..clock.clone()
    };
    let states = milestones(&aware, &england(), day("2026-12-24"));
    assert_eq!(
        find(&states, Milestone::RapidReview).due,
        Some(day("2027-01-14"))
    );
}

#[test]
fn a_missed_deadline_is_overdue_then_late_and_carries_its_reason() {
    let mut clock = ReviewClock {
        aware: Some(day("2027-03-01")),
        notified: Some(day("2027-03-02")),
        ..Default::default()
    };
    // Due 23 March 2027 (15 working days after 2 March); today 25 March.
    let states = milestones(&clock, &england(), day("2027-03-25"));
    let rapid = find(&states, Milestone::RapidReview);
    assert_eq!(rapid.due, Some(day("2027-03-23")));
    assert_eq!(rapid.status, Status::Overdue(2));
    assert!(rapid.needs_reason());

    clock.rapid_review_sent = Some(day("2027-03-31"));
    clock.missed.push(MissedReason {
        milestone: Milestone::RapidReview,
        reason: "Health records arrived late.".into(),
    });
    let states = milestones(&clock, &england(), day("2027-04-01"));
    let rapid = find(&states, Milestone::RapidReview);
    assert_eq!(rapid.status, Status::DoneLate);
    assert_eq!(
        rapid.reason.as_deref(),
        Some("Health records arrived late.")
    );
    assert!(!rapid.needs_reason());
}

#[test]
fn a_pause_extends_publication_by_its_length() {
    let mut clock = ReviewClock {
        decided: Some(day("2027-01-20")),
        decision: ReviewDecision::LocalReview,
        ..Default::default()
    };
    let today = day("2027-02-01");
    let states = milestones(&clock, &england(), today);
    assert_eq!(
        find(&states, Milestone::ReviewPublication).due,
        Some(day("2027-07-20"))
    );
    // A pause of 31 days (1 to 31 March) moves it 31 days.
    clock.pauses.push(Pause {
        from: day("2027-03-01"),
        to: Some(day("2027-03-31")),
        reason: "Criminal proceedings".into(),
    });
    let states = milestones(&clock, &england(), day("2027-04-01"));
    let publication = find(&states, Milestone::ReviewPublication);
    assert_eq!(publication.due, Some(day("2027-08-20")));
    assert!(
        publication.basis.contains("plus 31 days paused"),
        "{}",
        publication.basis
    );
    // An overlapping pause counts each day once: 15 March to 10 April adds
    // 1 to 10 April only.
    clock.pauses.push(Pause {
        from: day("2027-03-15"),
        to: Some(day("2027-04-10")),
        reason: "Inquest".into(),
    });
    assert_eq!(paused_days(&clock, day("2027-05-01")), 41);
    // A pause still running stops the clock and extends it up to today.
    clock.pauses.push(Pause {
        from: day("2027-06-01"),
        to: None,
        reason: "Trial".into(),
    });
    let states = milestones(&clock, &england(), day("2027-06-10"));
    let publication = find(&states, Milestone::ReviewPublication);
    assert_eq!(publication.status, Status::Paused);
    assert_eq!(paused_days(&clock, day("2027-06-10")), 51);
    assert_eq!(publication.due, Some(day("2027-07-20") + Days::new(51)));
    assert_eq!(
        find(&states, Milestone::NoticeToPanel).status,
        Status::Paused
    );
}

#[test]
fn notice_to_panel_falls_seven_working_days_before_publication() {
    let mut clock = ReviewClock {
        decided: Some(day("2027-01-20")),
        decision: ReviewDecision::LocalReview,
        ..Default::default()
    };
    let states = milestones(&clock, &england(), day("2027-02-01"));
    // Publication due Tuesday 20 July 2027; 7 working days before it:
    // 19, 16, 15, 14, 13, 12, 9 July.
    assert_eq!(
        find(&states, Milestone::NoticeToPanel).due,
        Some(day("2027-07-09"))
    );
    // Once published, counted back from the day of publication, over the
    // summer bank holiday (30 August 2027).
    clock.published = Some(day("2027-09-02"));
    clock.sent_to_panel = Some(day("2027-08-20"));
    let states = milestones(&clock, &england(), day("2027-09-03"));
    let notice = find(&states, Milestone::NoticeToPanel);
    assert_eq!(notice.due, Some(day("2027-08-23")));
    assert_eq!(notice.status, Status::Done);
    assert_eq!(
        find(&states, Milestone::ReviewPublication).status,
        Status::DoneLate
    );
    let keep = find(&states, Milestone::KeepPublishedUntil);
    assert_eq!(keep.due, Some(day("2028-09-02")));
    assert!(matches!(keep.status, Status::Due(_)));
}

#[test]
fn a_report_taken_down_early_is_flagged_and_a_year_later_it_is_done() {
    let clock = ReviewClock {
        decided: Some(day("2027-01-20")),
        decision: ReviewDecision::LocalReview,
        published: Some(day("2027-07-01")),
        kept_until: Some(day("2028-03-01")),
        ..Default::default()
    };
    let states = milestones(&clock, &england(), day("2028-03-02"));
    assert_eq!(
        find(&states, Milestone::KeepPublishedUntil).status,
        Status::TooEarly
    );
    let kept = ReviewClock {
        kept_until: None,
        ..clock
    };
    let states = milestones(&kept, &england(), day("2028-07-01"));
    assert_eq!(
        find(&states, Milestone::KeepPublishedUntil).status,
        Status::Done
    );
}

#[test]
fn no_further_review_needs_no_publication() {
    let clock = ReviewClock {
        aware: Some(day("2027-01-04")),
        decided: Some(day("2027-01-20")),
        decision: ReviewDecision::NoFurtherReview,
        ..Default::default()
    };
    let states = milestones(&clock, &england(), day("2027-02-01"));
    for m in [
        Milestone::ReviewPublication,
        Milestone::NoticeToPanel,
        Milestone::KeepPublishedUntil,
    ] {
        assert_eq!(find(&states, m).status, Status::NotNeeded, "{m:?}");
    }
}

#[test]
fn a_year_without_bank_holidays_is_cautioned() {
    let clock = ReviewClock {
        aware: Some(day("2029-01-08")),
        ..Default::default()
    };
    let states = milestones(&clock, &england(), day("2029-01-09"));
    let caution = find(&states, Milestone::Notification)
        .caution
        .clone()
        .unwrap();
    assert!(caution.contains("no bank holidays for 2029"), "{caution}");
}

#[test]
fn the_review_chooses_its_calendar_and_adds_its_closures() {
    let clock = ReviewClock {
        calendar: "scotland".into(),
        closures: vec![crate::model::ClosureDay {
            date: day("2026-12-22"),
            name: String::new(),
        }],
        aware: Some(day("2026-12-21")),
        ..Default::default()
    };
    let calendar = calendar_for(&clock, &[]).unwrap();
    assert_eq!(calendar.holiday(day("2026-12-22")), Some("Closure day"));
    // 23, 24, 29, 30, 31 December.
    let states = milestones(&clock, &calendar, day("2026-12-21"));
    assert_eq!(
        find(&states, Milestone::Notification).due,
        Some(day("2026-12-31"))
    );
    let bad = ReviewClock {
        calendar: "/etc/passwd".into(),
        ..Default::default()
    };
    assert!(matches!(
        calendar_for(&bad, &[]),
        Err(CalendarError::BadName(_))
    ));
}
