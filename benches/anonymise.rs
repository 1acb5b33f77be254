//! Anonymisation throughput: 100 MB of chronology text with a 500-entry
//! cast (people with hyphenated, apostrophe and accented names, names that
//! are also words, agencies and places), full of names in every form,
//! identifiers and dates. Target: 50 MB/s or more.
//!
//! Measured (release, 100 MB, 2-core machine whose timings vary from run
//! to run by about 5 %): the whole transform, freeing its result included,
//! 50.5 to 51.8 MiB/s (1.84 to 1.89 s; 52.9 to 54.3 MB/s); the texts
//! alone on one thread, through `Anonymiser::text` (which also builds each
//! text's occurrences for its caller), 27.3 to 27.5 MiB/s. Earlier: 16.8,
//! then 39 to 41 MiB/s. What made the difference: the report's strings and
//! the review's ids kept inline, the chronology written anew instead of
//! copied and then rewritten, each thread with its own copies of the
//! patterns, the reference and day/month patterns searched only in the
//! runs of text that can hold them, the email and web patterns only in
//! texts that can hold them, date windows that end soon after a date's
//! last digits, name candidates looked up by the two bytes after their
//! first word; then the report kept compactly (about 24 occurrences per
//! kilobyte of text, each a 72-byte entry plus its words in one shared
//! string, instead of 232 bytes and six strings: ~220 MB of report for
//! 100 MB of text instead of ~550 MB, which the threads no longer fault
//! in), and each thread keeping its buffers from one text to the next, so
//! that a text allocates little beyond its result. What is left is spread
//! thin: the identifier pattern set (one pass over every text), the date
//! pattern in windows around digits, reading dates, the first-word
//! look-ups, and writing the output.
//!
//! With the sensitive-data pass (ages, health, medication, money, times)
//! and the residual pass, on an otherwise idle machine: 2.17 to 2.20 s,
//! 43.4 to 43.9 MiB/s (45.5 to 46.0 MB/s); the texts alone on one thread
//! 21.9 to 22.8 MiB/s.
//!
//! The residual pass (each text walked once more for what still looks
//! like a name, a place or a number, lower-case words passed over without
//! a look-up) costs about 8 %: on 20 MB, run back to back with the
//! transform without it on a machine shared with other work, 26.8 to
//! 27.2 MiB/s against 29.2 to 30.2 MiB/s.
//!
//! The rules added since (sets 5 to 17 of the realistic chronologies:
//! the recogniser of names no cast lists, more identifiers, other
//! calendars) cost much of that: on 6 December 2026, on 20 MB, the whole
//! transform ran at 13.2 MiB/s, and at 14.9 MiB/s once the identifier
//! finders' gates and the other calendars' cues were read in one pass per
//! text (this machine's speed varies from day to day by up to two and a
//! half times; compare versions run side by side).
//!
//! `ANONYMISE_BENCH_MB` sets the size (default 100).
//! `ANONYMISE_BENCH_SAVE=FILE` writes the review to FILE instead of
//! measuring, to time the whole command on it: with `FORESIGHT_TIMINGS`
//! set, `foresight anonymise FILE -o OUT` prints the time of each phase.
//! On 7 December 2026, 20 MB of text (a 32 MB review file), release build:
//! reading 0.12 s, anonymising 0.87 s, the leak check 0.32 s, writing
//! 0.05 to 0.11 s; 1.37 to 1.45 s in all (14 MB of text, 22 MB of file, a
//! second). 50 MB/s needs a third of that.
//!
//! A second group anonymises a small review whose place and agency have a
//! generic name of one word of a megabyte ("aaaa…"): time and memory must
//! grow with the name's length, not its square. Measured (release, the
//! `foresight anonymise` command on such a file): 0.23 s and 86 MB of
//! memory for 1 MB, 0.02 s for 10 KB; before the name automaton chose its
//! kind by the patterns' length, 10 KB took 5.5 s and 40 KB 105 s.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use foresight::anonymise::{Anonymiser, anonymise};
use foresight::model::{
    Agency, ChronologyEntry, Id, Person, PersonKind, Place, Review, ReviewDate,
};

const SYLLABLES: &[&str] = &[
    "ash", "bel", "cor", "dun", "el", "fen", "gar", "hol", "ing", "jas", "kel", "lom", "mar",
    "nor", "ol", "pen", "quin", "ros", "sta", "tor", "ul", "ven", "wyn", "yor", "zé", "ło",
];
const WORD_NAMES: &[&str] = &[
    "Rose", "Will", "Hope", "Mark", "Grace", "Summer", "Bill", "Dawn",
];

fn made_up(rng: &mut fastrand::Rng, syllables: usize) -> String {
    let word: String = (0..syllables)
        .map(|_| SYLLABLES[rng.usize(..SYLLABLES.len())])
        .collect();
    let mut chars = word.chars();
    let first: String = chars.next().unwrap().to_uppercase().collect();
    first + chars.as_str()
}

/// A review with a 500-entry cast and `mb` megabytes of chronology text.
pub fn bench_review(mb: usize, seed: u64) -> Review {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut review = Review::new("Anonymisation benchmark");
    for i in 0..440 {
        let first = if i % 10 == 0 {
            WORD_NAMES[i % WORD_NAMES.len()].to_string()
        } else {
            made_up(&mut rng, 2)
        };
        let mut surname = made_up(&mut rng, 3);
        if i % 7 == 0 {
            surname = format!("O'{surname}");
        }
        if i % 5 == 0 {
            surname = format!("{surname}-{}", made_up(&mut rng, 2));
        }
        review.people.push(Person {
            id: Id::from(format!("P{}", i + 1)),
            name: format!("{first} {surname}"),
            aliases: vec![format!("{}y", first.chars().take(3).collect::<String>())],
            pseudonym: format!("Person {}", i + 1),
            kind: if i == 0 {
                PersonKind::SubjectChild
            } else {
                PersonKind::Other
            },
            ..Default::default()
        });
    }
    for i in 0..30 {
        review.agencies.push(Agency {
            id: Id::from(format!("A{}", i + 1)),
            name: format!("{} Children's Services", made_up(&mut rng, 3)),
            aliases: vec![format!("{}CS", (b'A' + i as u8 % 26) as char)],
            generic_name: format!("Agency {}", i + 1),
            ..Default::default()
        });
    }
    for i in 0..30 {
        review.places.push(Place {
            id: Id::from(format!("PL{}", i + 1)),
            name: format!("{} {} Road", 10 + i, made_up(&mut rng, 2)),
            generic_name: format!("Address {}", i + 1),
            ..Default::default()
        });
    }
    let filler = [
        "Home visit completed; concerns rose about the home conditions and the gas bill.",
        "The health visitor will visit again in two weeks and will liaise with the school.",
        "Child seen alone, appeared well, playing with toys; no marks seen.",
        "Strategy discussion held with police and health; agreed single agency response.",
        "Mother reported feeling low; GP appointment booked for the following week.",
    ];
    let target = mb * 1_000_000;
    let mut total = 0;
    let mut n = 0;
    while total < target {
        let mut text = String::with_capacity(600);
        for _ in 0..3 {
            let p = &review.people[rng.usize(..review.people.len())];
            let (first, surname) = p.name.split_once(' ').unwrap();
            let form = match rng.u8(..8) {
                0 => p.name.clone(),
                1 => first.to_string(),
                2 => format!("Mr {surname}"),
                3 => format!("{}, {first}", surname.to_uppercase()),
                4 => format!("{}. {surname}", first.chars().next().unwrap()),
                5 => p.name.to_uppercase(),
                6 => format!("{surname}'s"),
                _ => surname.to_string(),
            };
            text.push_str(&format!(
                "{form} was seen on {}/0{}/2021. ",
                1 + rng.u8(..28),
                1 + rng.u8(..9)
            ));
            text.push_str(filler[rng.usize(..filler.len())]);
            text.push(' ');
        }
        match rng.u8(..6) {
            0 => text.push_str("Mobile 07700 900123. "),
            1 => text.push_str("Lives at 12 Quillon Walk, NE1 4ST. "),
            2 => text.push_str("Crime ref CR/012345/21 raised. "),
            3 => text.push_str("Email rose.k@example.com sent. "),
            _ => {}
        }
        total += text.len();
        n += 1;
        review.chronology.push(ChronologyEntry {
            id: Id::from(format!("C{n}")),
            date: ReviewDate::day(2021, 4, 3).unwrap(),
            agency: None,
            author: "Social worker".into(),
            text,
            people: vec![],
            source: None,
        });
    }
    review
}

fn text_bytes(review: &Review) -> u64 {
    review.chronology.iter().map(|e| e.text.len() as u64).sum()
}

fn benches(c: &mut Criterion) {
    // `cargo bench` passes --bench; `cargo test --all-targets` runs each
    // benchmark once as a test, in a debug build, where 2 MB is enough.
    let measuring = std::env::args().any(|a| a == "--bench");
    let mb = std::env::var("ANONYMISE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if measuring { 100 } else { 2 });
    let review = bench_review(mb, 7);
    if let Ok(path) = std::env::var("ANONYMISE_BENCH_SAVE") {
        // The same review as a file, to time `foresight anonymise` on it.
        foresight::store::save(std::path::Path::new(&path), &review).expect("bench review saved");
        return;
    }
    let bytes = text_bytes(&review);
    let mut group = c.benchmark_group("anonymise");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function(format!("{mb} MB of chronology, 500-entry cast"), |b| {
        b.iter(|| anonymise(&review))
    });
    // The text alone, without cloning the review: the matchers' own speed.
    let anonymiser = Anonymiser::new(&review);
    group.bench_function(format!("{mb} MB, texts only"), |b| {
        b.iter(|| {
            let mut n = 0;
            for e in &review.chronology {
                n += anonymiser.text(&e.id, "text", &e.text, &e.people).0.len();
            }
            n
        })
    });
    group.finish();

    let long = if measuring { 1_000_000 } else { 20_000 };
    let mut review = bench_review(1, 7);
    review.chronology.truncate(20);
    let name = "a".repeat(long);
    review.places[0].generic_name = name.clone();
    review.agencies[0].generic_name = name;
    let mut group = c.benchmark_group("anonymise long names");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(long as u64));
    group.bench_function(format!("a generic name of {long} letters"), |b| {
        b.iter(|| anonymise(&review))
    });
    group.finish();
}

criterion_group!(anonymisation, benches);
criterion_main!(anonymisation);
