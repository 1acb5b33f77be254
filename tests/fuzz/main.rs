//! Fuzzing of everything that reads what users and agencies give
//! Foresight: the review loader, the CSV importers (chronology, cast,
//! causal-loop edge list), the .xlsx chronology reader, the date reader,
//! the anonymiser and the language lint. A mutation fuzzer on the stable toolchain, run as a
//! test (`harness = false`).
//!
//! Each target starts from its seed corpus in `tests/fuzz/corpus/<target>/`
//! and mutates it (bit flips, interesting bytes, tokens of the target's
//! dictionary and Unicode that trips text handling, deletions, duplicated
//! chunks, two inputs spliced, numbers made extreme, long runs) until its
//! time is up. A panic is a crash, an input that runs longer than the time
//! limit a hang, and an error message without a line or row number, or
//! with the parser's own names, an unclear message. Each is saved under
//! `target/fuzz-crashes/<target>/` (crashes and unclear messages after
//! minimising) and named in the output, as are the slowest input when it
//! took a tenth of the time limit or more (`slow-…`) and a few of the
//! anonymiser's inputs whose anonymised review the leak check flagged
//! (`note-…`).
//!
//! Each target runs in a process of its own, which sends every input to
//! this one before running it, so that an input that kills its process
//! (a stack overflow) is saved as well.
//!
//! Settings (environment):
//! - `FORESIGHT_FUZZ_SECONDS`: seconds per target (default 2; 0 runs the
//!   seed corpus only);
//! - `FORESIGHT_FUZZ_TARGETS`: a comma list of targets (default all);
//! - `FORESIGHT_FUZZ_SEED`: the seed of the random choices (default from
//!   the clock; always printed, so that a run can be repeated);
//! - `FORESIGHT_FUZZ_JOBS`: how many targets run at once (default 1);
//! - `FORESIGHT_FUZZ_HANG_SECONDS`: the time limit of one input (default 2
//!   in release builds, 20 in debug builds);
//! - `FORESIGHT_FUZZ_REPLAY`: a comma list of saved inputs to run once, in
//!   this process, with any panic shown in full (the target is the name of
//!   the input's folder, or the first of `FORESIGHT_FUZZ_TARGETS`).
//!
//! Arguments as `cargo test` passes them: a filter runs the targets whose
//! test name (`fuzz::<target>`) contains it; `--list` lists them.
//!
//! It prints a table per target (inputs tried, crashes, hangs, unclear
//! messages, seconds, the slowest input) and fails on any crash or hang,
//! and on an unclear message of the loader or an importer.

mod engine;
mod targets;

use std::io::Read;
use std::process::{Command, ExitCode, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use engine::{Fuzzer, HANG_EXIT, Stats};
use targets::{TARGETS, Target};

/// Set in a target's own process: the target it runs.
const CHILD: &str = "FORESIGHT_FUZZ_CHILD";
/// Set in a target's own process: its seconds.
const CHILD_SECONDS: &str = "FORESIGHT_FUZZ_CHILD_SECONDS";
/// Set in a target's own process: its seed.
const CHILD_SEED: &str = "FORESIGHT_FUZZ_CHILD_SEED";

/// At most this many processes per target: one ended by a hang or a
/// crash that kills it is started again for the time left.
const MAX_STARTS: u32 = 20;

fn main() -> ExitCode {
    if let Ok(name) = std::env::var(CHILD) {
        return child(&name);
    }
    match run() {
        Ok(code) => code,
        Err(message) => {
            eprintln!("fuzz: {message}");
            ExitCode::from(2)
        }
    }
}

/// The settings of a run.
struct Config {
    seconds: f64,
    seed: u64,
    jobs: usize,
    targets: Vec<Target>,
}

/// A number from the environment, or `default` when unset.
fn env_number<T: std::str::FromStr>(name: &str, default: T) -> Result<T, String> {
    match std::env::var(name) {
        Ok(text) if !text.trim().is_empty() => text
            .trim()
            .parse()
            .map_err(|_| format!("{name}={text} is not a number")),
        _ => Ok(default),
    }
}

/// The time limit of one input.
fn hang_limit() -> Duration {
    let default = if cfg!(debug_assertions) { 20.0 } else { 2.0 };
    Duration::from_secs_f64(env_number("FORESIGHT_FUZZ_HANG_SECONDS", default).unwrap_or(default))
}

/// The targets named in `FORESIGHT_FUZZ_TARGETS` (all when unset).
fn named_targets() -> Result<Vec<Target>, String> {
    let Ok(list) = std::env::var("FORESIGHT_FUZZ_TARGETS") else {
        return Ok(TARGETS.to_vec());
    };
    if list.trim().is_empty() {
        return Ok(TARGETS.to_vec());
    }
    list.split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|name| {
            TARGETS
                .iter()
                .find(|t| t.name == name)
                .copied()
                .ok_or_else(|| {
                    let known: Vec<&str> = TARGETS.iter().map(|t| t.name).collect();
                    format!(
                        "FORESIGHT_FUZZ_TARGETS: no target `{name}` (the targets are {})",
                        known.join(", ")
                    )
                })
        })
        .collect()
}

/// The arguments `cargo test` passes: filters, `--exact`, `--skip NAME`,
/// `--list`; other options are accepted and ignored.
struct Args {
    filters: Vec<String>,
    skips: Vec<String>,
    exact: bool,
    list: bool,
}

fn args() -> Args {
    let mut args = Args {
        filters: Vec::new(),
        skips: Vec::new(),
        exact: false,
        list: false,
    };
    let mut all = std::env::args().skip(1);
    while let Some(arg) = all.next() {
        match arg.as_str() {
            "--list" => args.list = true,
            "--exact" => args.exact = true,
            "--skip" => args.skips.extend(all.next()),
            "--test-threads" | "--color" | "--format" | "--logfile" | "-Z" => {
                all.next();
            }
            _ if arg.starts_with('-') => {}
            _ => args.filters.push(arg),
        }
    }
    args
}

impl Args {
    /// True when the test `fuzz::<target>` is selected.
    fn selects(&self, target: &str) -> bool {
        let name = format!("fuzz::{target}");
        let matches = |f: &String| {
            if self.exact {
                name == *f
            } else {
                name.contains(f.as_str())
            }
        };
        (self.filters.is_empty() || self.filters.iter().any(matches))
            && !self.skips.iter().any(matches)
    }
}

fn run() -> Result<ExitCode, String> {
    if let Ok(paths) = std::env::var("FORESIGHT_FUZZ_REPLAY") {
        return replay(&paths);
    }
    let args = args();
    let named = named_targets()?;
    if args.list {
        for target in &named {
            println!("fuzz::{}: test", target.name);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let clock = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let config = Config {
        seconds: env_number("FORESIGHT_FUZZ_SECONDS", 2.0f64)?.max(0.0),
        seed: env_number("FORESIGHT_FUZZ_SEED", clock % 1_000_000_000)?,
        jobs: env_number("FORESIGHT_FUZZ_JOBS", 1usize)?.max(1),
        targets: named.into_iter().filter(|t| args.selects(t.name)).collect(),
    };
    let filtered_out = TARGETS.len() - config.targets.len();
    println!(
        "fuzz: {} target{}, {} s each, seed {} (repeat with FORESIGHT_FUZZ_SEED={}), {:.0} s limit per input; findings go to {}",
        config.targets.len(),
        if config.targets.len() == 1 { "" } else { "s" },
        config.seconds,
        config.seed,
        config.seed,
        hang_limit().as_secs_f64(),
        engine::crash_dir("<target>").display()
    );
    let started = Instant::now();
    let results = fuzz_all(&config);
    print_table(&results);
    let failed: Vec<&str> = results
        .iter()
        .filter(|(t, s)| s.crashes > 0 || s.hangs > 0 || (t.strict_messages && s.unclear > 0))
        .map(|(t, _)| t.name)
        .collect();
    println!(
        "\ntest result: {}. {} passed; {} failed; 0 ignored; 0 measured; {} filtered out; finished in {:.2}s\n",
        if failed.is_empty() { "ok" } else { "FAILED" },
        results.len() - failed.len(),
        failed.len(),
        filtered_out,
        started.elapsed().as_secs_f64()
    );
    if failed.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "fuzz: failed: {} (each finding above names its saved input; replay one with FORESIGHT_FUZZ_REPLAY=PATH)",
            failed.join(", ")
        );
        Ok(ExitCode::FAILURE)
    }
}

/// Fuzzes every target of the run, `jobs` at a time, in their order.
fn fuzz_all(config: &Config) -> Vec<(Target, Stats)> {
    let next = Mutex::new(0usize);
    let results: Mutex<Vec<(usize, Target, Stats)>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..config.jobs.min(config.targets.len()) {
            scope.spawn(|| {
                loop {
                    let index = {
                        let mut next = next.lock().unwrap_or_else(|e| e.into_inner());
                        let index = *next;
                        *next += 1;
                        index
                    };
                    let Some(target) = config.targets.get(index) else {
                        break;
                    };
                    let stats = supervise(target, config);
                    results
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((index, *target, stats));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(index, ..)| *index);
    results.into_iter().map(|(_, t, s)| (t, s)).collect()
}

/// A seed of its own for each target.
fn target_seed(seed: u64, target: &str) -> u64 {
    target.bytes().fold(seed, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Runs a target in processes of its own for the configured time, and
/// counts what they found, including a process that died.
fn supervise(target: &Target, config: &Config) -> Stats {
    let started = Instant::now();
    let budget = Duration::from_secs_f64(config.seconds);
    let mut total = Stats::default();
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            eprintln!(
                "fuzz: {}: cannot find this program to run the target: {e}",
                target.name
            );
            total.crashes += 1;
            return total;
        }
    };
    for start in 0..MAX_STARTS {
        let left = budget.saturating_sub(started.elapsed());
        if start > 0 && left.is_zero() {
            break;
        }
        let seed = target_seed(config.seed, target.name).wrapping_add(u64::from(start));
        let child = Command::new(&exe)
            .env(CHILD, target.name)
            .env(CHILD_SECONDS, left.as_secs_f64().to_string())
            .env(CHILD_SEED, seed.to_string())
            .env_remove("FORESIGHT_FUZZ_REPLAY")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn();
        let mut child = match child {
            Ok(child) => child,
            Err(e) => {
                eprintln!(
                    "fuzz: {}: cannot start the target's process: {e}",
                    target.name
                );
                total.crashes += 1;
                break;
            }
        };
        let (mut last_input, mut last_count, mut result) = (Vec::new(), 0u64, None);
        if let Some(mut out) = child.stdout.take() {
            let mut head = [0u8; 13];
            while out.read_exact(&mut head).is_ok() {
                let kind = head[0];
                let count = u64::from_le_bytes(head[1..9].try_into().unwrap_or_default());
                let len = u32::from_le_bytes(head[9..13].try_into().unwrap_or_default()) as usize;
                let mut data = std::mem::take(&mut last_input);
                data.resize(len, 0);
                if out.read_exact(&mut data).is_err() {
                    break;
                }
                match kind {
                    b'I' => {
                        last_input = data;
                        last_count = count;
                    }
                    b'R' => result = Stats::from_line(&String::from_utf8_lossy(&data)),
                    _ => {}
                }
            }
        }
        let status = child.wait();
        let code = status.as_ref().ok().and_then(|s| s.code());
        match (code, result) {
            (Some(0), Some(stats)) => {
                total.add(&stats);
                break;
            }
            (Some(HANG_EXIT), stats) => {
                // The watchdog has saved the input and said so.
                total.add(&stats.unwrap_or(Stats {
                    inputs: last_count + 1,
                    hangs: 1,
                    ..Stats::default()
                }));
            }
            (_, _) => {
                let path = engine::save(target.name, "crash", &last_input);
                let how = match &status {
                    Ok(status) => describe_exit(status),
                    Err(e) => format!("could not be waited for: {e}"),
                };
                eprintln!(
                    "fuzz: {}: CRASH: the target's process {how} while running an input of {} bytes (a stack overflow or an abort?); saved as {}; replay it with FORESIGHT_FUZZ_REPLAY={}",
                    target.name,
                    last_input.len(),
                    path.display(),
                    path.display()
                );
                total.add(&Stats {
                    inputs: last_count + 1,
                    crashes: 1,
                    ..Stats::default()
                });
            }
        }
    }
    total.seconds = started.elapsed().as_secs_f64();
    total
}

/// How a process ended, in words.
fn describe_exit(status: &std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("exited with code {code}"),
        (None, Some(signal)) => format!("was killed by signal {signal}"),
        (None, None) => "ended".into(),
    }
}

/// The table of a run.
fn print_table(results: &[(Target, Stats)]) {
    println!(
        "\n{:<16} {:>10} {:>8} {:>6} {:>8} {:>8} {:>11}",
        "fuzz target", "inputs", "crashes", "hangs", "unclear", "seconds", "slowest ms"
    );
    for (target, stats) in results {
        println!(
            "{:<16} {:>10} {:>8} {:>6} {:>8} {:>8.1} {:>11}",
            target.name,
            stats.inputs,
            stats.crashes,
            stats.hangs,
            stats.unclear,
            stats.seconds,
            stats.slowest_ms
        );
    }
    for (target, stats) in results {
        if let Some(note) = target.note {
            println!("{}: {} {note}", target.name, stats.notes);
        }
        if !target.strict_messages && stats.unclear > 0 {
            println!(
                "{}: {} unclear messages (reported, not failed: this target's messages are not read to fix a file)",
                target.name, stats.unclear
            );
        }
    }
}

/// A target's own process: fuzzes it and reports to the supervisor.
fn child(name: &str) -> ExitCode {
    let Some(target) = TARGETS.iter().find(|t| t.name == name).copied() else {
        eprintln!("fuzz: no target `{name}`");
        return ExitCode::from(2);
    };
    let seconds: f64 = env_number(CHILD_SECONDS, 0.0).unwrap_or(0.0);
    let seed: u64 = env_number(CHILD_SEED, 0).unwrap_or(0);
    engine::install_panic_hook();
    targets::warm_up();
    let seeds: Vec<Vec<u8>> = (target.seeds)(
        engine::read_corpus(name)
            .into_iter()
            .map(|(_, bytes)| bytes)
            .collect(),
    );
    let mut fuzzer = Fuzzer::new(target, seed, true);
    let started = Instant::now();
    fuzzer.start_watchdog(hang_limit(), started);
    fuzzer.run(&seeds, Duration::from_secs_f64(seconds), started);
    ExitCode::SUCCESS
}

/// Runs saved inputs once each, in this process, showing any panic in
/// full.
fn replay(paths: &str) -> Result<ExitCode, String> {
    let named = std::env::var("FORESIGHT_FUZZ_TARGETS")
        .ok()
        .filter(|t| !t.trim().is_empty())
        .map(|_| named_targets())
        .transpose()?;
    targets::warm_up();
    for path in paths.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let path = std::path::Path::new(path);
        let folder = path
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let target = match &named {
            Some(named) => named[0],
            None => *TARGETS.iter().find(|t| t.name == folder).ok_or_else(|| {
                format!(
                    "{}: which target? its folder `{folder}` is none; set FORESIGHT_FUZZ_TARGETS",
                    path.display()
                )
            })?,
        };
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let started = Instant::now();
        let outcome = (target.run)(&bytes);
        println!(
            "{}: {}: returned in {} ms\n  signature: {}\n  unclear message: {}\n  noted: {}",
            path.display(),
            target.name,
            started.elapsed().as_millis(),
            outcome.signature,
            outcome.unclear.as_deref().unwrap_or("none"),
            outcome.note
        );
        for detail in &outcome.details {
            println!("  {detail}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
