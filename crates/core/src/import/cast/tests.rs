use super::suggest::{TITLES, is_ordinary_word, names_in};
use super::*;

#[test]
fn an_agency_is_published_under_the_name_of_its_own_kind() {
    // Adult social care is not children's social care: a generic name of
    // the wrong kind would change a fact in the report.
    for (name, generic) in [
        ("Brindleford Adult Social Care", "Adult social care"),
        ("Brindleford Children's Services", "Children's social care"),
        ("East Mercia Ambulance Service", "Ambulance service"),
        ("Morlais Youth Justice Service", "Youth justice service"),
        ("YOT", "Youth justice service"),
        ("Market Street Dental Practice", "Dental service"),
        ("Calderbridge IDVA Service", "Domestic abuse service"),
        ("Hollinsby Women's Aid", "Domestic abuse service"),
        ("Jamiatul Falah Masjid", "Religious organisation"),
        (
            "St Jadwiga's Polish Catholic Mission",
            "Religious organisation",
        ),
        ("St Mary's Church of England Primary School", "School"),
        ("Marshwick CMHT", "Adult mental health service"),
        ("Calderbridge Royal Infirmary ED", "Hospital trust"),
        ("Ysbyty Dyffryn Morlais - ED", "Hospital trust"),
        ("Northgate Lettings", "Housing provider"),
    ] {
        assert_eq!(
            generic_agency_name(agency_kind_from_text(name)),
            Some(generic),
            "{name}"
        );
    }
}

#[test]
fn no_generic_agency_name_holds_a_given_name() {
    // A published name that holds a given name ("Faith group" where the
    // grandmother is Faith) reads as the person in the report.
    use AgencyKind::*;
    let gazetteer = crate::anonymise::gazetteer::gazetteer();
    for kind in [
        ChildrensSocialCare,
        Police,
        HealthVisiting,
        Midwifery,
        GeneralPractice,
        Hospital,
        Camhs,
        AdultMentalHealth,
        SubstanceMisuse,
        Education,
        EarlyYears,
        Probation,
        Housing,
        Voluntary,
        AdultSocialCare,
        Ambulance,
        YouthJustice,
        Dental,
        DomesticAbuse,
        Religious,
    ] {
        let name = generic_agency_name(kind).unwrap();
        for word in name.split(' ') {
            let lower = word.to_lowercase();
            assert!(
                !gazetteer.is_given_name(&lower) && !gazetteer.is_given_name_word(&lower),
                "{name}: {word}"
            );
        }
    }
}

#[test]
fn a_type_of_agency_is_told_from_a_real_agency_name() {
    for name in [
        "GP",
        "Midwifery",
        "Housing",
        "Probation",
        "Probation service",
        "GP practice",
        "Children's social care",
        "police",
        "Health Visiting Team",
        "Health",
        "Dental",
        "Local Authority",
        "Housing Association",
        "EDT",
        // A type that ends in a word such as "department" itself.
        "Emergency Department",
        "Emergency department team",
        "Secondary school",
        "Community Midwives",
        "Drug & Alcohol Service",
        "Mosque",
        "Housing Options",
        // National bodies, and teams named by their type.
        "Police Scotland",
        "Scottish Ambulance Service",
        "NSPCC",
        "Police Scotland DATF",
        "SWS - Duty",
        "Standby Social Work",
        "Children's Ward",
        "Community Justice",
    ] {
        assert!(is_agency_type(name), "{name}");
    }
    for name in [
        "Kestrel Homes",
        "Northshire Constabulary",
        "Riverside Surgery",
        "St Mary's Hospital",
        "Calderbridge Council",
        "Northgate Housing Association",
        "",
    ] {
        assert!(!is_agency_type(name), "{name}");
    }
}

const CAST: &str = "name,aliases,role,pseudonym,kind,agency,date of birth\n\
    Jane Smith,Janey; J. Smith,Subject child,,person,,19/08/2019\n\
    Kelly Smith,Kel,Mother,,person,,\n\
    Amy Jones,,Social worker,,person,Northtown Children's Services,\n\
    Bob Hart,,Social worker (assessment),,person,NCS,\n\
    Northtown Children's Services,NCS,Children's social care,,agency,,\n\
    Eastshire Police,ESP,,,agency,,\n\
    Flat 1 Mill Road,Mill Road,home,,place,,\n";

fn imported() -> (Review, CastImport) {
    let rows = parse_cast(CAST.as_bytes(), "cast.csv").unwrap();
    let mut review = Review::new("t");
    let import = import_cast(&review, &rows);
    import.change.clone().apply(&mut review).unwrap();
    (review, import)
}

#[test]
fn pseudonyms_are_suggested_from_roles() {
    let (review, import) = imported();
    let pseudonyms: Vec<(&str, &str)> = review
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.pseudonym.as_str()))
        .collect();
    assert_eq!(
        pseudonyms,
        [
            ("Jane Smith", "Child A"),
            ("Kelly Smith", "Mother"),
            ("Amy Jones", "Social Worker 1"),
            ("Bob Hart", "Social Worker 2"),
        ]
    );
    assert_eq!(review.people[0].kind, PersonKind::SubjectChild);
    assert_eq!(review.people[0].aliases, ["Janey", "J. Smith"]);
    assert_eq!(
        review.people[0].date_of_birth,
        NaiveDate::from_ymd_opt(2019, 8, 19)
    );
    assert_eq!(review.people[2].kind, PersonKind::Practitioner);
    assert_eq!(review.people[2].agency, Some(Id::from("A1")));
    assert_eq!(
        review.people[3].agency,
        Some(Id::from("A1")),
        "found by alias"
    );
    assert_eq!(review.agencies[0].generic_name, "Children's social care");
    assert_eq!(review.agencies[0].kind, AgencyKind::ChildrensSocialCare);
    assert_eq!(review.agencies[1].generic_name, "Police");
    assert_eq!(review.places[0].generic_name, "Address 1");
    assert_eq!(review.places[0].kind, PlaceKind::Home);
    assert_eq!(import.added.len(), 7);
    let taxonomy = crate::taxonomy::Taxonomy::built_in("learning-together");
    assert_eq!(
        crate::validate::validate(&review, taxonomy.as_ref()),
        vec![]
    );
}

#[test]
fn importing_twice_adds_nothing_and_new_aliases_are_merged() {
    let (mut review, _) = imported();
    let rows = parse_cast(CAST.as_bytes(), "cast.csv").unwrap();
    let again = import_cast(&review, &rows);
    assert!(again.change.edits.is_empty(), "{:?}", again.change);
    assert_eq!(again.already_present, 7);
    let more = parse_cast(b"name,aliases,kind\nKel,Kelly S.,person\n", "more.csv").unwrap();
    let import = import_cast(&review, &more);
    assert_eq!(import.updated.len(), 1);
    import.change.apply(&mut review).unwrap();
    assert_eq!(review.people[1].aliases, ["Kel", "Kelly S."]);
}

#[test]
fn twenty_thousand_aliases_in_one_cell_are_merged_each_once() {
    // Each new alias was compared with every alias the member already
    // had: 20,000 in one cell, merged into a member, took minutes.
    let aliases: Vec<String> = (0..20_000).map(|i| format!("Jay Smith {i}")).collect();
    let cell = aliases.join(";");
    let text = format!(
        "name,aliases,kind\nJane Smith,,person\nJane Smith,\"{cell}\",person\n\
         J. Smith,\"{cell};JAY SMITH 7\",person\n"
    );
    let rows = parse_cast(text.as_bytes(), "cast.csv").unwrap();
    let mut review = Review::new("test");
    let import = import_cast(&review, &rows);
    import.change.apply(&mut review).unwrap();
    assert_eq!(review.people.len(), 1);
    let merged = &review.people[0].aliases;
    // Every alias once, in order, then the name of the row found by
    // them; "JAY SMITH 7" is "Jay Smith 7" again.
    assert_eq!(merged.len(), 20_001);
    assert_eq!(merged[..20_000], aliases[..]);
    assert_eq!(merged[20_000], "J. Smith");
    // Found by any of them, and importing again changes nothing.
    let index = CastIndex::of(&review);
    assert_eq!(index.person("jay smith 19999"), Some(&review.people[0].id));
    assert!(import_cast(&review, &rows).change.edits.is_empty());
}

#[test]
fn a_cell_of_a_megabyte_of_aliases_is_merged() {
    // About 100,000 aliases in one cell of a row that names a member
    // already in the cast, and one alias of a megabyte.
    let aliases: Vec<String> = (0..100_000).map(|i| format!("K{i:08}")).collect();
    let cell = aliases.join(";");
    assert!(cell.len() >= 999_999);
    let long = "Q".repeat(1_000_000);
    let text = format!(
        "name,aliases,kind\nKim Lee,,person\nKim Lee,\"{cell}\",person\nKim Lee,{long},person\n"
    );
    let rows = parse_cast(text.as_bytes(), "cast.csv").unwrap();
    let mut review = Review::new("test");
    import_cast(&review, &rows)
        .change
        .apply(&mut review)
        .unwrap();
    let merged = &review.people[0].aliases;
    assert_eq!(merged.len(), 100_001);
    assert_eq!(merged[99_999], "K00099999");
    assert_eq!(merged[100_000].len(), 1_000_000);
}

#[test]
fn an_agency_found_by_an_alias_keeps_the_name_its_row_gives_it() {
    // Found by fuzzing: the second agency row is found by the alias it
    // shares with the first, and its own name was dropped; the person's
    // agency then added a second agency of that name, and importing the
    // file again gave that one the alias.
    let text = "name,aliases,kind,agency\n\
        E,,person,Westmoor 0-19 Health Visiting Service\n\
        E,0-19 Service,agency,\n\
        Westmoor 0-19 Health Visiting Service,0-19 Service,agency,\n";
    let rows = parse_cast(text.as_bytes(), "cast.csv").unwrap();
    let mut review = Review::new("t");
    import_cast(&review, &rows)
        .change
        .apply(&mut review)
        .unwrap();
    assert_eq!(review.agencies.len(), 1, "{:?}", review.agencies);
    assert_eq!(
        review.agencies[0].aliases,
        ["0-19 Service", "Westmoor 0-19 Health Visiting Service"]
    );
    assert_eq!(review.people[0].agency, Some(review.agencies[0].id.clone()));
    let again = import_cast(&review, &rows);
    assert!(again.change.edits.is_empty(), "{:?}", again.change);
}

#[test]
fn a_person_found_by_an_alias_keeps_the_name_its_row_gives_them() {
    // Found by fuzzing (tests/fuzz): the second row is found by the
    // alias it shares with the first and its name was dropped, so the
    // third row added a person of that name, whom the next import of
    // the same file gave the alias.
    let text = "name,alias\nr,Nan\nMark Ellis,Nan\nMark Ellis\n";
    let rows = parse_cast(text.as_bytes(), "cast.csv").unwrap();
    let mut review = Review::new("t");
    import_cast(&review, &rows)
        .change
        .apply(&mut review)
        .unwrap();
    assert_eq!(review.people.len(), 1, "{:?}", review.people);
    assert_eq!(review.people[0].aliases, ["Nan", "Mark Ellis"]);
    assert!(import_cast(&review, &rows).change.edits.is_empty());
}

#[test]
fn a_name_of_another_member_is_not_made_an_alias() {
    // Found by fuzzing (tests/fuzz): the third row, found by its alias
    // "Lily Carter", gave Lily the alias "Kerry Carter", Kerry's own
    // name; the next import of the same file then found Kerry's row as
    // Lily and gave her Kerry's alias too.
    let text = "name,alias\nLily Carter\nKerry Carter,n\nr,Lily Carter;Kerry Carter\n";
    let rows = parse_cast(text.as_bytes(), "cast.csv").unwrap();
    let mut review = Review::new("t");
    import_cast(&review, &rows)
        .change
        .apply(&mut review)
        .unwrap();
    assert_eq!(review.people[0].aliases, ["r"]);
    assert_eq!(review.people[1].aliases, ["n"]);
    assert!(import_cast(&review, &rows).change.edits.is_empty());
}

#[test]
fn a_name_without_a_letter_or_digit_is_a_bad_row() {
    // Found by fuzzing (tests/fuzz): a name of a NUL character was
    // added, could never be found by its name, and was added again at
    // every import of the same file.
    let problems = parse_cast(b"name\n\0\n-\n", "cast.csv").unwrap_err();
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "cast.csv: row 2: the name `\0` has no letter or digit",
            "cast.csv: row 3: the name `-` has no letter or digit",
        ]
    );
}

#[test]
fn an_agency_cell_without_a_letter_or_digit_names_no_agency() {
    // Found by fuzzing (tests/fuzz): a person's agency "\0" was added
    // as an agency at every import of the same file.
    let rows = parse_cast(b"name,,,agency\no,,,\0\np,,,-\n", "cast.csv").unwrap();
    assert!(rows.iter().all(|r| r.agency.is_empty()), "{rows:?}");
    let mut review = Review::new("t");
    import_cast(&review, &rows)
        .change
        .apply(&mut review)
        .unwrap();
    assert!(review.agencies.is_empty());
    assert!(import_cast(&review, &rows).change.edits.is_empty());
}

#[test]
fn bad_rows_are_reported_with_their_row() {
    let text = "name,aliases,role,pseudonym,kind,dob\n,,Mother,,person,\nA,,,,planet,\nB,,,,person,31/02/2020\n";
    let problems = parse_cast(text.as_bytes(), "cast.csv").unwrap_err();
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 3, "{shown:?}");
    assert_eq!(shown[0], "cast.csv: row 2: the row has no name");
    assert!(shown[1].starts_with("cast.csv: row 3: unknown kind `planet`"));
    assert!(shown[2].starts_with("cast.csv: row 4: date of birth:"));
    let problems = parse_cast(b"who,what\nx,y\n", "c.csv").unwrap_err();
    assert!(problems[0].message.contains("`name` column"));
}

#[test]
fn roles_give_the_part_in_the_case() {
    for (role, kind) in [
        ("Mother", PersonKind::Parent),
        ("Mother's partner", PersonKind::Partner),
        ("Half-brother", PersonKind::Sibling),
        ("Maternal grandmother", PersonKind::Relative),
        ("Health visitor", PersonKind::Practitioner),
        ("Paediatric ward sister", PersonKind::Practitioner),
        ("Team manager, assessment", PersonKind::Manager),
        ("Child protection social worker", PersonKind::Practitioner),
        ("Subject child", PersonKind::SubjectChild),
        ("Foster carer", PersonKind::Carer),
        ("GP", PersonKind::Practitioner),
        ("Neighbour", PersonKind::Other),
    ] {
        assert_eq!(person_kind_from_role(role), kind, "{role}");
    }
    assert_eq!(
        agency_kind_from_text("Bramblewood Children's Centre Nursery"),
        AgencyKind::EarlyYears
    );
    assert_eq!(
        agency_kind_from_text("Ashdyke Surgery"),
        AgencyKind::GeneralPractice
    );
    assert_eq!(
        agency_kind_from_text("Northbrook Talking Therapies"),
        AgencyKind::AdultMentalHealth
    );
}

#[test]
fn pseudonyms_never_repeat() {
    let mut book = PseudonymBook::default();
    book.take("Child A");
    assert_eq!(
        book.for_person(PersonKind::SubjectChild, "child"),
        "Child B"
    );
    assert_eq!(book.for_person(PersonKind::Parent, "mother"), "Mother");
    assert_eq!(book.for_person(PersonKind::Parent, "Mother"), "Mother 2");
    assert_eq!(book.for_person(PersonKind::Practitioner, "GP"), "GP 1");
    let names =
        NameWords::of(["Hope Chaudhry".to_string(), "Llŷr; Summer Wood".to_string()].iter());
    assert_eq!(
        names.role_without_names("Father of Hope and Llŷr"),
        "Father"
    );
    assert_eq!(names.role_without_names("father of Summer"), "father");
    assert_eq!(names.role_without_names("Hope's social worker"), "");
    // A hyphenated name, and the dash before it.
    let names = NameWords::of(["Ruby-Leigh Cairnduff".to_string()].iter());
    assert_eq!(
        names.role_without_names("Mum's partner - Ruby-Leigh's dad"),
        "Mum's partner"
    );
    assert_eq!(
        names.role_without_names("Maternal Grandmother"),
        "Maternal Grandmother"
    );
    // A family by its surname, and the place word before it.
    let names = NameWords::of(["Yeung Ka-ho Dickson".to_string()].iter());
    assert_eq!(
        names.role_without_names("Lodger at the Yeungs' (Iraqi Kurdish)"),
        "Lodger"
    );
    // A business's or a place's name after "of" or "at", and what a dash
    // adds, are no part of a pseudonym.
    assert_eq!(
        book.for_person(
            PersonKind::Other,
            "Owner of Scaur End Holiday Park - employed children without permits"
        ),
        "Owner"
    );
    assert_eq!(
        book.for_person(PersonKind::Other, "Farm worker at Yarlside - found Jack"),
        "Farm Worker"
    );
    assert_eq!(
        book.for_person(PersonKind::Other, "Support worker in CAMHS"),
        "Support Worker in CAMHS"
    );
    assert_eq!(book.for_agency(AgencyKind::Education), "School");
    assert_eq!(book.for_agency(AgencyKind::Education), "School 2");
    assert_eq!(book.for_agency(AgencyKind::Other), "Agency 1");
}

#[test]
fn ordinary_words_verbs_and_services_are_not_taken_for_names() {
    // Sentences of the bundled example's chronology.
    for (text, names) in [
        (
            "Police PVP received re verbal DA incident 17/10 (standard risk). Checks: \
             Tyler open as CIN 03/17-07/17 (mum's low mood, home conditions), closed with \
             improvement. No current involvement. Dean Kilbride: no CSC record.",
            vec!["Tyler", "Dean Kilbride"],
        ),
        (
            "Letter from SALT service: Maisie not brought to second appointment. \
             Discharged back to HV. Filed. Noted 2-year review outstanding, ASQ not returned.",
            vec!["Maisie"],
        ),
        (
            "Strategy discussion by phone 18:30 (EDT SW, DC Quinn, Dr Price). \
             Strategy Discussion held; Section 47 enquiries agreed.",
            vec!["DC Quinn", "Dr Price"],
        ),
        (
            "Keyworker review. Confirmed Dean engaged, stable, screens negative. \
             Moved to Universal Plus.",
            vec![],
        ),
        (
            "Tyler to stay with Pauline Ashworth by agreement with Chantelle; no \
             unsupervised contact with Dean. Daytime team and allocated SW informed.",
            vec!["Tyler", "Pauline Ashworth", "Chantelle"],
        ),
        (
            "Present: Chantelle, Maisie (15 months), Dean. Told Chantelle to call 999.",
            vec!["Chantelle", "Maisie", "Chantelle"],
        ),
        (
            "Seen by Dr. Patel and Mrs Doyle's deputy. Emailed SW Tom Whitfield \
             (Assessment Team). Hidden Harm screen completed.",
            vec!["Dr Patel", "Mrs Doyle", "Tom Whitfield"],
        ),
    ] {
        assert_eq!(names_in(text), names, "{text}");
    }
}

#[test]
fn the_example_suggests_names_of_people_not_its_noise() {
    let mut review = crate::examples::worked_case();
    // Every name the example's chronology mentions is in its cast.
    assert_eq!(suggest_cast(&review), vec![]);
    // Without a cast, every suggestion is a name.
    review.people.clear();
    review.agencies.clear();
    review.places.clear();
    let names: Vec<String> = suggest_cast(&review).into_iter().map(|s| s.name).collect();
    for name in [
        "Chantelle",
        "Tyler",
        "Dean Kilbride",
        "Tom Whitfield",
        "DC Quinn",
    ] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
    for noise in [
        "Checks Tyler",
        "Filed Noted",
        "Strategy Discussion",
        "Universal Plus",
        "Told Chantelle",
        "Chantelle Maisie",
    ] {
        assert!(!names.iter().any(|n| n == noise), "{noise} in {names:?}");
    }
    for name in &names {
        assert!(
            name.split(' ')
                .all(|w| !is_ordinary_word(w) || TITLES.contains(&w)),
            "{name}"
        );
    }
}

#[test]
fn names_in_the_chronology_that_are_not_in_the_cast_are_suggested() {
    let (mut review, _) = imported();
    for (i, text) in [
        "Home visit by Amy Jones. Jane Smith seen. Uncle Wayne Price present; Dr Patel informed.",
        "Wayne Price at the flat again. Child Protection Conference arranged at Mill Road.",
        "Kelly Smith said Dean Kilbryde had left. Seen by Dr Patel.",
    ]
    .iter()
    .enumerate()
    {
        review.chronology.push(ChronologyEntry {
            id: Id::new(format!("C{}", i + 1)),
            date: ReviewDate::day(2021, 4, i as u32 + 1).unwrap(),
            agency: None,
            author: String::new(),
            text: text.to_string(),
            people: Vec::new(),
            source: None,
        });
    }
    let suggestions = suggest_cast(&review);
    let names: Vec<(&str, usize)> = suggestions
        .iter()
        .map(|s| (s.name.as_str(), s.mentions))
        .collect();
    assert_eq!(
        names,
        [("Dr Patel", 2), ("Wayne Price", 2), ("Dean Kilbryde", 1)]
    );
    assert_eq!(suggestions[1].entries, [Id::from("C1"), Id::from("C2")]);
}
