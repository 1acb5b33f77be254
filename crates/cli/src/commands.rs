//! What each subcommand does. Each returns the process exit code.

use std::path::Path;
use std::process::ExitCode;

use super::{Command, EXIT_PROBLEMS, EXIT_UNREADABLE};
use foresight_core::examples::EXAMPLES;
use foresight_core::generate::{Size, synthetic_review};
use foresight_core::model::{RecordKind, Review};
use foresight_core::store;
use foresight_core::taxonomy::{Taxonomy, template_folders};
use foresight_core::validate::validate;

/// Runs a headless subcommand. `Open` is the GUI's and is refused here.
pub fn run(command: Command) -> ExitCode {
    let code = match command {
        Command::Open { .. } => {
            eprintln!("foresight open: this command opens the desktop app");
            EXIT_UNREADABLE
        }
        Command::Validate { files } => files.iter().map(|f| validate_file(f)).max().unwrap_or(0),
        Command::New {
            output,
            title,
            taxonomy,
            force,
        } => new_review(&output, &title, &taxonomy, force),
        Command::Generate {
            output,
            episodes,
            entries,
            variables,
            links_per_variable,
            seed,
            force,
        } => {
            let mut size = episodes.map_or(Size::STRESS, Size::for_episodes);
            size.entries = entries.unwrap_or(size.entries);
            size.variables = variables.unwrap_or(size.variables);
            size.links_per_variable = links_per_variable.unwrap_or(size.links_per_variable);
            write_new(&output, &synthetic_review(size, seed), force)
        }
        Command::Examples { write } => examples(write.as_deref()),
        Command::Actions {
            file,
            overdue,
            today,
            json,
        } => super::actions::actions(&file, overdue, today.as_deref(), json),
        Command::ActionPlan {
            file,
            output,
            today,
        } => super::actions::action_plan(&file, &output, today.as_deref()),
        Command::Merge {
            ours,
            theirs,
            base,
            output,
            json,
        } => super::merge::merge_files(
            &ours,
            &theirs,
            super::merge::Options {
                bases: &base,
                output: &output,
                json,
            },
        ),
        Command::Timetable {
            file,
            set,
            reason,
            json,
            today,
        } => super::timetable::timetable(
            &file,
            super::timetable::Options {
                set: &set,
                reasons: &reason,
                json,
                today: today.as_deref(),
            },
        ),
        Command::AgencyPack {
            file,
            output,
            agency,
            return_to,
            return_by,
            force,
        } => super::agency_pack::agency_pack(
            &file,
            super::agency_pack::Options {
                output: &output,
                agencies: &agency,
                return_to: return_to.as_deref(),
                return_by: return_by.as_deref(),
                force,
            },
        ),
        Command::ImportChronology {
            files,
            into,
            map,
            skip_bad_rows,
            agency,
        } => super::import::import_chronology(
            &files,
            &into,
            map.as_deref(),
            skip_bad_rows,
            agency.as_deref(),
        ),
        Command::ImportCast { file, into } => super::import::import_cast(&file, &into),
        Command::ImportCld { file, into } => super::causal::import_cld(&file, &into),
        Command::Loops {
            file,
            json,
            max,
            summary,
        } => super::causal::loops(&file, json, max, summary),
        Command::Language { file, json } => super::language::language(file.as_deref(), json),
        Command::LanguageModel { action } => super::language_model::run(action),
        Command::Library { action } => super::library::run(action),
        Command::Check { file } => super::check::check(&file),
        Command::Anonymise {
            file,
            output,
            strict,
            keep,
            apply_sensitive_policy,
        } => super::anonymise::anonymise(
            &file,
            &output,
            super::anonymise::Options {
                strict,
                keep: &keep,
                apply_sensitive_policy,
            },
        ),
        Command::Cast {
            file,
            add_person,
            role,
            pseudonym,
            add_name,
        } => super::cast::cast(
            &file,
            super::cast::Additions {
                person: add_person.as_deref(),
                role: role.as_deref(),
                pseudonym: pseudonym.as_deref(),
                names: &add_name,
            },
        ),
        Command::Sensitive {
            file,
            publish,
            withhold,
        } => super::sensitive::sensitive(&file, &publish, &withhold),
        Command::Figure {
            file,
            output,
            diagram,
            high_contrast,
        } => super::export::figure(&file, &output, diagram.as_deref(), high_contrast),
        Command::Export {
            file,
            output,
            template,
            identified_draft,
            include_chronology,
        } => super::export::export(
            &file,
            &output,
            &template,
            identified_draft,
            include_chronology,
        ),
    };
    ExitCode::from(code)
}

/// The review's taxonomy, found in the templates folders or built in.
fn taxonomy_of(review: &Review) -> Result<Taxonomy, String> {
    Taxonomy::find(&review.meta.taxonomy, &template_folders()).map_err(|e| e.to_string())
}

fn validate_file(path: &Path) -> u8 {
    let review = match store::load(path) {
        Ok(review) => review,
        Err(error) => {
            eprintln!("{error}");
            return EXIT_UNREADABLE;
        }
    };
    let taxonomy = taxonomy_of(&review);
    if let Err(message) = &taxonomy {
        eprintln!("{}: {message}", path.display());
    }
    let mut problems = validate(&review, taxonomy.as_ref().ok());
    problems.extend(foresight_core::validate::unresolved_conflicts(&review));
    if problems.is_empty() {
        let counts: Vec<String> = [
            (RecordKind::Person, "people"),
            (RecordKind::Agency, "agencies"),
            (RecordKind::Entry, "chronology entries"),
            (RecordKind::Episode, "episodes"),
            (RecordKind::Factor, "factors"),
            (RecordKind::Condition, "latent conditions"),
            (RecordKind::Finding, "findings"),
            (RecordKind::Variable, "variables"),
            (RecordKind::Link, "links"),
        ]
        .iter()
        .filter(|(kind, _)| review.count_of(*kind) > 0)
        .map(|(kind, name)| format!("{} {name}", review.count_of(*kind)))
        .collect();
        println!("{}: valid ({})", path.display(), counts.join(", "));
        0
    } else {
        for problem in &problems {
            println!("{}: {problem}", path.display());
        }
        eprintln!(
            "{}: {} problem{}",
            path.display(),
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        );
        EXIT_PROBLEMS
    }
}

fn new_review(output: &Path, title: &str, taxonomy: &str, force: bool) -> u8 {
    if let Err(error) = Taxonomy::find(taxonomy, &template_folders()) {
        eprintln!("foresight new: {error}");
        return EXIT_UNREADABLE;
    }
    let mut review = Review::new(title);
    review.meta.taxonomy = taxonomy.to_string();
    write_new(output, &review, force)
}

/// Writes a review to a file that must not exist yet (unless `force`).
fn write_new(output: &Path, review: &Review, force: bool) -> u8 {
    if output.exists() && !force {
        eprintln!(
            "{}: already exists; use --force to overwrite it",
            output.display()
        );
        return EXIT_UNREADABLE;
    }
    match store::save(output, review) {
        Ok(()) => {
            println!("{}: written", output.display());
            0
        }
        Err(error) => {
            eprintln!("{error}");
            EXIT_UNREADABLE
        }
    }
}

fn examples(write: Option<&Path>) -> u8 {
    match write {
        None => {
            for example in EXAMPLES {
                println!("{}\t{}", example.file_name, example.description);
            }
            0
        }
        Some(folder) => {
            if let Err(error) = std::fs::create_dir_all(folder) {
                eprintln!("{}: cannot create the folder: {error}", folder.display());
                return EXIT_UNREADABLE;
            }
            let mut code = 0;
            for example in EXAMPLES {
                let path = folder.join(example.file_name);
                match store::write_atomic(&path, |f| {
                    std::io::Write::write_all(f, example.text.as_bytes())
                }) {
                    Ok(()) => println!("{}: written", path.display()),
                    Err(error) => {
                        eprintln!("{error}");
                        code = EXIT_UNREADABLE;
                    }
                }
            }
            code
        }
    }
}
