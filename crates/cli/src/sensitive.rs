//! `foresight sensitive FILE [--publish KIND=REASON]... [--withhold KIND]...`:
//! the review's sensitive data policy. Ages, health details, medication,
//! amounts of money and times of day are withheld or generalised in
//! published text unless the reviewer publishes the kind, with a reason
//! that is kept in the review. With no option it lists the policy.

use std::path::Path;

use super::{EXIT_PROBLEMS, EXIT_UNREADABLE};
use foresight_core::model::{SensitiveCategory, SensitivePublication};
use foresight_core::store;

/// The kinds, for messages: "ages, health, medication, finances, times".
fn kinds() -> String {
    SensitiveCategory::ALL
        .iter()
        .map(|c| c.key())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Runs `foresight sensitive`.
pub fn sensitive(file: &Path, publish: &[String], withhold: &[String]) -> u8 {
    let mut review = match store::load(file) {
        Ok(review) => review,
        Err(error) => {
            eprintln!("{error}");
            return EXIT_UNREADABLE;
        }
    };
    let mut to_publish = Vec::new();
    for item in publish {
        let Some((key, reason)) = item.split_once('=') else {
            eprintln!(
                "--publish {item}: expected KIND=REASON, e.g. ages=\"the parents' youth is central to the learning\""
            );
            return EXIT_UNREADABLE;
        };
        let Some(category) = SensitiveCategory::from_key(key) else {
            eprintln!(
                "--publish {item}: unknown kind `{key}` (expected {})",
                kinds()
            );
            return EXIT_UNREADABLE;
        };
        let reason = reason.trim();
        if reason.is_empty() {
            eprintln!(
                "--publish {item}: a reason is required to publish {}",
                category.key()
            );
            return EXIT_UNREADABLE;
        }
        to_publish.push(SensitivePublication {
            category,
            reason: reason.to_string(),
        });
    }
    let mut to_withhold = Vec::new();
    for key in withhold {
        let Some(category) = SensitiveCategory::from_key(key) else {
            eprintln!("--withhold {key}: unknown kind (expected {})", kinds());
            return EXIT_UNREADABLE;
        };
        to_withhold.push(category);
    }
    if !to_publish.is_empty() || !to_withhold.is_empty() {
        let settings = &mut review.meta.anonymisation;
        let list = &mut settings.publish_sensitive;
        list.retain(|p| {
            !to_withhold.contains(&p.category)
                && !to_publish.iter().any(|n| n.category == p.category)
        });
        list.extend(to_publish);
        list.sort_by_key(|p| SensitiveCategory::ALL.iter().position(|c| *c == p.category));
        if let Err(error) = store::save(file, &review) {
            eprintln!("{error}");
            return EXIT_PROBLEMS;
        }
    }
    let settings = &review.meta.anonymisation;
    for category in SensitiveCategory::ALL {
        match settings
            .publish_sensitive
            .iter()
            .find(|p| p.category == category)
        {
            Some(p) => println!("{}\tpublished\t{}", category.key(), p.reason),
            None => println!("{}\twithheld", category.key()),
        }
    }
    0
}
