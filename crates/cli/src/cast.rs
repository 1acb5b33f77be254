//! `foresight cast FILE [--add-person NAME --role ROLE [--pseudonym P]]
//! [--add-name ID=NAME]...`: the review's people, and the two ways
//! `foresight check` suggests of making a residual suspect a cast name, so
//! that the report uses a pseudonym ("the nursery key worker") rather than
//! a placeholder ("[name]"): add the person it names, or add a spelling
//! ("Ceris") to the other names of the person it is spelt like (Cerys).
//! With no option it lists the people.

use std::path::Path;

use super::{EXIT_PROBLEMS, EXIT_UNREADABLE};
use foresight_core::model::{Id, Person, PersonKind, RecordKind};
use foresight_core::store;

/// What `foresight cast` is asked to add.
#[derive(Debug, Clone, Copy, Default)]
pub struct Additions<'a> {
    /// A new person's name (`--add-person`).
    pub person: Option<&'a str>,
    /// Their role (`--role`), required with a new person.
    pub role: Option<&'a str>,
    /// Their pseudonym (`--pseudonym`): the role when not given.
    pub pseudonym: Option<&'a str>,
    /// Other names of people already in the cast: `ID=NAME` (`--add-name`).
    pub names: &'a [String],
}

/// Runs `foresight cast`.
pub fn cast(file: &Path, additions: Additions) -> u8 {
    let mut review = match store::load(file) {
        Ok(review) => review,
        Err(error) => {
            eprintln!("{error}");
            return EXIT_UNREADABLE;
        }
    };
    let mut said = Vec::new();
    for item in additions.names {
        let Some((id, name)) = item.split_once('=') else {
            eprintln!("--add-name {item}: expected ID=NAME, e.g. P3=Ceris");
            return EXIT_UNREADABLE;
        };
        let (id, name) = (id.trim(), name.trim());
        let Some(person) = review.people.iter_mut().find(|p| p.id.as_str() == id) else {
            eprintln!(
                "--add-name {item}: {}: no person {id} in the cast (see foresight cast {})",
                file.display(),
                file.display()
            );
            return EXIT_UNREADABLE;
        };
        if name.is_empty() {
            eprintln!("--add-name {item}: the name is empty");
            return EXIT_UNREADABLE;
        }
        if person.name != name && !person.aliases.iter().any(|a| a == name) {
            person.aliases.push(name.to_string());
            said.push(format!("\"{name}\" added to the other names of {id}"));
        }
    }
    if let Some(name) = additions.person.map(str::trim) {
        let Some(role) = additions.role.map(str::trim).filter(|r| !r.is_empty()) else {
            eprintln!(
                "--add-person {name}: give a role (--role \"nursery key worker\"): the report names them by it"
            );
            return EXIT_UNREADABLE;
        };
        if name.is_empty() {
            eprintln!("--add-person: the name is empty");
            return EXIT_UNREADABLE;
        }
        if let Some(p) = review.people.iter().find(|p| p.name == name) {
            eprintln!(
                "--add-person {name}: {} is already in the cast as {}",
                name, p.id
            );
            return EXIT_UNREADABLE;
        }
        let id: Id = review.next_id(RecordKind::Person);
        let pseudonym = additions
            .pseudonym
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .unwrap_or(role);
        review.people.push(Person {
            id: id.clone(),
            name: name.to_string(),
            role: role.to_string(),
            pseudonym: pseudonym.to_string(),
            kind: PersonKind::Practitioner,
            notes: "Added from a residual suspect of anonymisation.".to_string(),
            ..Default::default()
        });
        said.push(format!(
            "{id} \"{name}\" added to the cast as {role}, shown as \"{pseudonym}\""
        ));
    } else if additions.role.is_some() || additions.pseudonym.is_some() {
        eprintln!("--role and --pseudonym go with --add-person NAME");
        return EXIT_UNREADABLE;
    }
    if !said.is_empty() {
        if let Some(note) = store::comments_dropped_note(file) {
            eprintln!("{note}");
        }
        if let Err(error) = store::save(file, &review) {
            eprintln!("{error}");
            return EXIT_PROBLEMS;
        }
        for line in said {
            println!("{}: {line}", file.display());
        }
        return 0;
    }
    for p in &review.people {
        println!(
            "{}\t{}\t{}\t{}\t{}",
            p.id,
            p.name,
            p.role,
            p.pseudonym,
            p.aliases.join("; ")
        );
    }
    0
}
