//! The mutation fuzzer that runs one target in this process: the seed
//! corpus first, then mutated inputs until the time is up.
//!
//! There is no coverage feedback: an input is kept for further mutation
//! when its outcome's signature is new (a new kind of result or error
//! message). Each input runs under `catch_unwind`; a panic is a crash, and
//! the input is minimised and saved. A watchdog thread saves an input that
//! runs longer than the limit and ends the process with a message naming
//! the file (a stuck thread cannot be stopped).
//!
//! When run under the supervisor (see `main.rs`) every input is also sent
//! to it before it runs, so that an input that kills the process (a stack
//! overflow, an abort) is saved too.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::targets::{COMMON_TOKENS, Outcome, Target};

/// The exit code of a process the watchdog ended.
pub const HANG_EXIT: i32 = 86;

/// Where crashing, hanging and unclear inputs are saved: the build's
/// target folder, `fuzz-crashes/<target>/`.
pub fn crash_dir(target: &str) -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent()
        .unwrap_or(tmp)
        .join("fuzz-crashes")
        .join(target)
}

/// The seed corpus of a target: `tests/fuzz/corpus/<target>/`.
pub fn corpus_dir(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz/corpus")
        .join(target)
}

/// Reads every file of a target's corpus, in name order.
pub fn read_corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = corpus_dir(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file());
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let bytes = std::fs::read(&p).ok()?;
            Some((p.file_name()?.to_string_lossy().into_owned(), bytes))
        })
        .collect()
}

/// A short, stable name for an input.
pub fn hash_of(bytes: &[u8]) -> String {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// Saves an input under the target's crash folder as `<kind>-<hash>`, and
/// returns its path.
pub fn save(target: &str, kind: &str, bytes: &[u8]) -> PathBuf {
    let dir = crash_dir(target);
    let path = dir.join(format!("{kind}-{}", hash_of(bytes)));
    if let Err(e) = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, bytes)) {
        eprintln!("fuzz: {target}: cannot save {}: {e}", path.display());
    }
    path
}

/// What a run of a target found.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    /// Inputs run (seeds included; minimisation attempts not).
    pub inputs: u64,
    /// Inputs that panicked.
    pub crashes: u64,
    /// Inputs that ran past the time limit.
    pub hangs: u64,
    /// Inputs whose error message was unclear.
    pub unclear: u64,
    /// Inputs whose outcome was noted (see `Target::note`).
    pub notes: u64,
    /// The longest time one input took, in milliseconds.
    pub slowest_ms: u64,
    /// Seconds spent.
    pub seconds: f64,
}

impl Stats {
    /// One line of numbers, for the supervisor.
    pub fn to_line(&self) -> String {
        format!(
            "{} {} {} {} {} {} {:.3}",
            self.inputs,
            self.crashes,
            self.hangs,
            self.unclear,
            self.notes,
            self.slowest_ms,
            self.seconds
        )
    }

    /// Reads [`to_line`](Self::to_line).
    pub fn from_line(line: &str) -> Option<Stats> {
        let mut parts = line.split_whitespace();
        let mut next = || parts.next()?.parse::<u64>().ok();
        let (inputs, crashes, hangs, unclear, notes, slowest_ms) =
            (next()?, next()?, next()?, next()?, next()?, next()?);
        let seconds = line.split_whitespace().nth(6)?.parse().ok()?;
        Some(Stats {
            inputs,
            crashes,
            hangs,
            unclear,
            notes,
            slowest_ms,
            seconds,
        })
    }

    /// Adds another run's numbers to these.
    pub fn add(&mut self, other: &Stats) {
        self.inputs += other.inputs;
        self.crashes += other.crashes;
        self.hangs += other.hangs;
        self.unclear += other.unclear;
        self.notes += other.notes;
        self.slowest_ms = self.slowest_ms.max(other.slowest_ms);
        self.seconds += other.seconds;
    }
}

/// Messages to the supervisor, on standard output: a byte of kind, the
/// count of inputs so far (8 bytes), the length (4 bytes), then the data.
/// Kind `I`: the input about to run. Kind `R`: the stats line at the end.
pub struct Channel {
    enabled: bool,
    frame: Vec<u8>,
}

impl Channel {
    /// A channel to the supervisor, or one that sends nothing.
    pub fn new(enabled: bool) -> Channel {
        Channel {
            enabled,
            frame: Vec::new(),
        }
    }

    /// Sends one frame.
    pub fn send(&mut self, kind: u8, count: u64, data: &[u8]) {
        if !self.enabled {
            return;
        }
        self.frame.clear();
        self.frame.push(kind);
        self.frame.extend_from_slice(&count.to_le_bytes());
        self.frame
            .extend_from_slice(&u32::try_from(data.len()).unwrap_or(u32::MAX).to_le_bytes());
        self.frame.extend_from_slice(data);
        let mut out = std::io::stdout().lock();
        // A supervisor that has gone away cannot be told anything more.
        if out
            .write_all(&self.frame)
            .and_then(|()| out.flush())
            .is_err()
        {
            std::process::exit(1);
        }
    }
}

/// The panic of the input that is running: its message and where.
static PANIC: Mutex<Option<(String, String)>> = Mutex::new(None);

/// True while a target runs: its panics are recorded, not printed.
static IN_TARGET: AtomicBool = AtomicBool::new(false);

/// Records the first panic of each input instead of printing it.
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !IN_TARGET.load(Ordering::SeqCst) {
            default(info);
            return;
        }
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".into());
        let location = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        let mut slot = PANIC.lock().unwrap_or_else(|e| e.into_inner());
        if slot.is_none() {
            *slot = Some((message, location));
        }
    }));
}

/// How one input ended.
enum Ended {
    /// It returned.
    Returned(Outcome),
    /// It panicked: the message and where.
    Panicked(String, String),
}

/// What the watchdog watches: when the current input started, and the
/// input itself.
struct Current {
    started: Option<Instant>,
    input: Vec<u8>,
    count: u64,
}

/// One target being fuzzed.
pub struct Fuzzer {
    target: Target,
    rng: fastrand::Rng,
    dictionary: Vec<Vec<u8>>,
    channel: Channel,
    current: Arc<Mutex<Current>>,
    stats: Arc<Mutex<Stats>>,
    armed: Arc<AtomicBool>,
    crash_sites: HashMap<String, PathBuf>,
    unclear_kinds: HashSet<String>,
    seen: HashSet<u64>,
    kept: Vec<Vec<u8>>,
    kept_bytes: usize,
    notes_saved: usize,
    limit: Duration,
    slowest: Option<(Duration, Vec<u8>)>,
}

/// How many inputs with new outcomes are kept for mutation at most.
const KEPT_MAX: usize = 4096;

/// How many bytes the inputs kept for mutation may take together.
const KEPT_BYTES_MAX: usize = 64 << 20;

/// How many noted inputs (see `Target::note`) of new kinds are saved, as
/// `note-<hash>`, to look at.
const NOTES_SAVED_MAX: usize = 30;

impl Fuzzer {
    /// A fuzzer for `target`, its random choices seeded by `seed`.
    pub fn new(target: Target, seed: u64, to_supervisor: bool) -> Fuzzer {
        let mut dictionary: Vec<Vec<u8>> = target
            .dictionary
            .iter()
            .map(|t| t.as_bytes().to_vec())
            .collect();
        dictionary.extend(COMMON_TOKENS.iter().map(|t| t.to_vec()));
        Fuzzer {
            target,
            rng: fastrand::Rng::with_seed(seed),
            dictionary,
            channel: Channel::new(to_supervisor),
            current: Arc::new(Mutex::new(Current {
                started: None,
                input: Vec::new(),
                count: 0,
            })),
            stats: Arc::new(Mutex::new(Stats::default())),
            armed: Arc::new(AtomicBool::new(false)),
            crash_sites: HashMap::new(),
            unclear_kinds: HashSet::new(),
            seen: HashSet::new(),
            kept: Vec::new(),
            kept_bytes: 0,
            notes_saved: 0,
            limit: Duration::MAX,
            slowest: None,
        }
    }

    /// Starts the watchdog: an input running longer than `limit` is saved,
    /// reported, and the process ends with [`HANG_EXIT`].
    pub fn start_watchdog(&mut self, limit: Duration, started: Instant) {
        self.limit = limit;
        let current = Arc::clone(&self.current);
        let stats = Arc::clone(&self.stats);
        let armed = Arc::clone(&self.armed);
        let target = self.target.name;
        let to_supervisor = self.channel.enabled;
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(Duration::from_millis(50));
                if !armed.load(Ordering::SeqCst) {
                    continue;
                }
                let current = current.lock().unwrap_or_else(|e| e.into_inner());
                let Some(since) = current.started else {
                    continue;
                };
                if since.elapsed() < limit {
                    continue;
                }
                let path = save(target, "hang", &current.input);
                eprintln!(
                    "fuzz: {target}: HANG: an input of {} bytes ran longer than {:.1} s; saved as {}; replay it with FORESIGHT_FUZZ_REPLAY={}",
                    current.input.len(),
                    limit.as_secs_f64(),
                    path.display(),
                    path.display()
                );
                let mut stats = stats.lock().unwrap_or_else(|e| e.into_inner()).clone();
                stats.hangs += 1;
                stats.seconds = started.elapsed().as_secs_f64();
                stats.slowest_ms = stats.slowest_ms.max(since.elapsed().as_millis() as u64);
                Channel::new(to_supervisor).send(b'R', current.count, stats.to_line().as_bytes());
                std::process::exit(HANG_EXIT);
            }
        });
    }

    /// Runs one input under `catch_unwind`, watched by the watchdog.
    fn execute(&mut self, input: &[u8]) -> (Ended, Duration) {
        let count = self.stats.lock().map(|s| s.inputs).unwrap_or(0);
        self.channel.send(b'I', count, input);
        {
            let mut current = self.current.lock().unwrap_or_else(|e| e.into_inner());
            current.input.clear();
            current.input.extend_from_slice(input);
            current.count = count;
            current.started = Some(Instant::now());
        }
        *PANIC.lock().unwrap_or_else(|e| e.into_inner()) = None;
        IN_TARGET.store(true, Ordering::SeqCst);
        let start = Instant::now();
        let run = self.target.run;
        let result = catch_unwind(AssertUnwindSafe(|| run(input)));
        let took = start.elapsed();
        IN_TARGET.store(false, Ordering::SeqCst);
        self.current
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .started = None;
        let ended = match result {
            Ok(outcome) => Ended::Returned(outcome),
            Err(_) => {
                let (message, location) = PANIC
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .take()
                    .unwrap_or_else(|| ("a panic without a message".into(), String::new()));
                Ended::Panicked(message, location)
            }
        };
        (ended, took)
    }

    /// Runs one input and counts what it did.
    fn run_one(&mut self, input: &[u8]) {
        let (ended, took) = self.execute(input);
        {
            let mut stats = self.stats.lock().unwrap_or_else(|e| e.into_inner());
            stats.inputs += 1;
            stats.slowest_ms = stats.slowest_ms.max(took.as_millis() as u64);
        }
        // The first input pays for what is made once (word lists,
        // fixtures); the time limit holds from the second on.
        if self.armed.swap(true, Ordering::SeqCst)
            && took >= self.limit / 10
            && self.slowest.as_ref().is_none_or(|(t, _)| took > *t)
        {
            self.slowest = Some((took, input.to_vec()));
        }
        match ended {
            Ended::Panicked(message, location) => {
                self.stats.lock().unwrap_or_else(|e| e.into_inner()).crashes += 1;
                if !self.crash_sites.contains_key(&location) {
                    let small = self.minimise(
                        input,
                        |ended| matches!(ended, Ended::Panicked(_, at) if *at == location),
                    );
                    let path = save(self.target.name, "crash", &small);
                    eprintln!(
                        "fuzz: {}: CRASH: {message}\n    at {location}\n    input of {} bytes (minimised from {}) saved as {}",
                        self.target.name,
                        small.len(),
                        input.len(),
                        path.display()
                    );
                    self.crash_sites.insert(location, path);
                }
            }
            Ended::Returned(outcome) => {
                if outcome.note {
                    self.stats.lock().unwrap_or_else(|e| e.into_inner()).notes += 1;
                }
                if let Some(why) = &outcome.unclear {
                    self.stats.lock().unwrap_or_else(|e| e.into_inner()).unclear += 1;
                    let kind = unclear_kind(why);
                    if self.unclear_kinds.insert(kind.clone()) {
                        let small = self.minimise(input, |ended| {
                            matches!(ended, Ended::Returned(o)
                                if o.unclear.as_deref().map(unclear_kind).as_ref() == Some(&kind))
                        });
                        let small_why = match self.execute(&small).0 {
                            Ended::Returned(o) => o.unclear.unwrap_or_else(|| why.clone()),
                            Ended::Panicked(..) => why.clone(),
                        };
                        let path = save(self.target.name, "unclear", &small);
                        eprintln!(
                            "fuzz: {}: UNCLEAR MESSAGE: {small_why}\n    input of {} bytes (minimised from {}) saved as {}",
                            self.target.name,
                            small.len(),
                            input.len(),
                            path.display()
                        );
                    }
                }
                let mut hasher = DefaultHasher::new();
                outcome.signature.hash(&mut hasher);
                if self.seen.insert(hasher.finish()) {
                    // A few noted inputs of new kinds, to look at.
                    if outcome.note && self.notes_saved < NOTES_SAVED_MAX {
                        self.notes_saved += 1;
                        save(self.target.name, "note", input);
                    }
                    if self.kept.len() < KEPT_MAX && self.kept_bytes + input.len() <= KEPT_BYTES_MAX
                    {
                        self.kept.push(input.to_vec());
                        self.kept_bytes += input.len();
                    } else if !self.kept.is_empty() {
                        let at = self.rng.usize(..self.kept.len());
                        self.kept_bytes = self.kept_bytes + input.len() - self.kept[at].len();
                        self.kept[at] = input.to_vec();
                    }
                }
            }
        }
    }

    /// The smallest input found (by cutting out pieces) that still ends as
    /// `same` says, within a few seconds.
    fn minimise(&mut self, input: &[u8], same: impl Fn(&Ended) -> bool) -> Vec<u8> {
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut best = input.to_vec();
        let mut chunk = best.len().div_ceil(2).max(1);
        loop {
            let mut progressed = false;
            let mut at = 0;
            while at < best.len() && Instant::now() < deadline {
                let end = (at + chunk).min(best.len());
                let candidate = [&best[..at], &best[end..]].concat();
                if same(&self.execute(&candidate).0) {
                    best = candidate;
                    progressed = true;
                } else {
                    at += chunk;
                }
            }
            if Instant::now() >= deadline || (chunk == 1 && !progressed) {
                break;
            }
            if !progressed {
                chunk = chunk.div_ceil(2);
            }
        }
        best
    }

    /// Fuzzes for `budget`: every seed once, then mutated inputs.
    pub fn run(&mut self, seeds: &[Vec<u8>], budget: Duration, started: Instant) -> Stats {
        for seed in seeds {
            let mut seed = seed.clone();
            seed.truncate(self.target.max_len);
            self.run_one(&seed);
        }
        let empty = [Vec::new()];
        let seeds = if seeds.is_empty() { &empty[..] } else { seeds };
        while started.elapsed() < budget {
            let base = self.pick(seeds).to_vec();
            let other = self.pick(seeds).to_vec();
            let mut input = base;
            self.mutate(&mut input, &other);
            self.run_one(&input);
        }
        if let Some((took, input)) = &self.slowest {
            let path = save(self.target.name, "slow", input);
            eprintln!(
                "fuzz: {}: the slowest input took {} ms, a tenth of the limit or more; saved as {}",
                self.target.name,
                took.as_millis(),
                path.display()
            );
        }
        let mut stats = self.stats.lock().unwrap_or_else(|e| e.into_inner()).clone();
        stats.seconds = started.elapsed().as_secs_f64();
        let count = stats.inputs;
        self.channel.send(b'R', count, stats.to_line().as_bytes());
        stats
    }

    /// A seed or a kept input, at random.
    fn pick<'a>(&'a mut self, seeds: &'a [Vec<u8>]) -> &'a [u8] {
        if self.kept.is_empty() || self.rng.bool() {
            &seeds[self.rng.usize(..seeds.len())]
        } else {
            &self.kept[self.rng.usize(..self.kept.len())]
        }
    }

    /// Applies 1, 2, 4 or 8 random mutations.
    fn mutate(&mut self, input: &mut Vec<u8>, other: &[u8]) {
        let rounds = 1 << self.rng.u32(0..4);
        for _ in 0..rounds {
            self.mutate_once(input, other);
        }
        input.truncate(self.target.max_len);
    }

    /// A position in `input`, moved to the start of a character most of
    /// the time (so that text stays text).
    fn position(&mut self, input: &[u8]) -> usize {
        let mut at = self.rng.usize(..=input.len());
        if self.rng.u8(..10) < 8 {
            while at < input.len() && input[at] & 0xC0 == 0x80 {
                at += 1;
            }
        }
        at
    }

    /// A length for a chunk: mostly short, sometimes long.
    fn chunk_len(&mut self, available: usize) -> usize {
        if available == 0 {
            return 0;
        }
        let limit = if self.rng.u8(..4) == 0 {
            available
        } else {
            available.min(16)
        };
        self.rng.usize(1..=limit)
    }

    /// A random dictionary token.
    fn token(&mut self) -> Vec<u8> {
        self.dictionary[self.rng.usize(..self.dictionary.len())].clone()
    }

    fn mutate_once(&mut self, d: &mut Vec<u8>, other: &[u8]) {
        const INTERESTING: &[u8] = &[
            0, 1, 0x7f, 0x80, 0xff, 0xfe, 0xc3, 0xe2, b'\n', b'\r', b'\t', b' ', b'"', b'\'',
            b'\\', b',', b';', b'(', b')', b'[', b']', b'/', b'-', b'~', b'.', b'0', b'9', b'#',
        ];
        const NUMBERS: &[&str] = &[
            "0",
            "-1",
            "1",
            "00",
            "13",
            "29",
            "31",
            "32",
            "99",
            "255",
            "256",
            "1900",
            "9999",
            "10000",
            "65535",
            "2147483648",
            "4294967295",
            "4294967296",
            "9223372036854775808",
            "18446744073709551616",
            "99999999999999999999999999999999999999",
            "1e309",
            "NaN",
            "-0",
        ];
        match self.rng.u8(..15) {
            0 if !d.is_empty() => {
                let at = self.rng.usize(..d.len());
                d[at] ^= 1 << self.rng.u8(..8);
            }
            1 if !d.is_empty() => {
                let at = self.rng.usize(..d.len());
                d[at] = INTERESTING[self.rng.usize(..INTERESTING.len())];
            }
            2 | 3 => {
                let at = self.position(d);
                let token = self.token();
                d.splice(at..at, token);
            }
            4 if !d.is_empty() => {
                let at = self.position(d);
                let token = self.token();
                let end = (at + token.len()).min(d.len());
                d.splice(at..end, token);
            }
            5 => {
                let at = self.position(d);
                let n = self.rng.usize(1..=8);
                let bytes: Vec<u8> = (0..n).map(|_| self.rng.u8(..)).collect();
                d.splice(at..at, bytes);
            }
            6 if !d.is_empty() => {
                let at = self.rng.usize(..d.len());
                let n = self.chunk_len(d.len() - at);
                d.drain(at..at + n);
            }
            7 if !d.is_empty() => {
                let from = self.rng.usize(..d.len());
                let n = self.chunk_len(d.len() - from);
                let chunk = d[from..from + n].to_vec();
                let at = self.position(d);
                d.splice(at..at, chunk);
            }
            8 if !other.is_empty() => {
                let cut = self.position(d);
                let from = self.rng.usize(..other.len());
                d.truncate(cut);
                d.extend_from_slice(&other[from..]);
            }
            9 if !other.is_empty() => {
                let from = self.rng.usize(..other.len());
                let n = self.chunk_len(other.len() - from);
                let at = self.position(d);
                d.splice(at..at, other[from..from + n].iter().copied());
            }
            10 => {
                // A run of digits becomes an interesting number.
                let digits: Vec<usize> = (0..d.len()).filter(|&i| d[i].is_ascii_digit()).collect();
                let number = NUMBERS[self.rng.usize(..NUMBERS.len())].as_bytes().to_vec();
                if digits.is_empty() {
                    let at = self.position(d);
                    d.splice(at..at, number);
                } else {
                    let start = digits[self.rng.usize(..digits.len())];
                    let mut end = start;
                    while end < d.len() && d[end].is_ascii_digit() {
                        end += 1;
                    }
                    d.splice(start..end, number);
                }
            }
            11 => {
                // Many copies of a token or byte: deep nesting, long runs.
                let unit = if self.rng.bool() || d.is_empty() {
                    self.token()
                } else {
                    vec![d[self.rng.usize(..d.len())]]
                };
                let copies = [2, 16, 300, 5000][self.rng.usize(..4)];
                let room = self.target.max_len.saturating_sub(d.len()) / unit.len().max(1);
                let at = self.position(d);
                let run: Vec<u8> = unit.repeat(copies.min(room.max(1)));
                d.splice(at..at, run);
            }
            12 if !d.is_empty() => {
                let at = self.rng.usize(..d.len());
                let n = self.chunk_len(d.len() - at);
                for b in &mut d[at..at + n] {
                    if b.is_ascii_lowercase() {
                        b.make_ascii_uppercase();
                    } else {
                        b.make_ascii_lowercase();
                    }
                }
            }
            13 if d.len() > 1 => {
                let n = self.chunk_len(d.len() / 2);
                let a = self.rng.usize(..=d.len() - 2 * n);
                let b = self.rng.usize(a + n..=d.len() - n);
                let (left, right) = d.split_at_mut(b);
                left[a..a + n].swap_with_slice(&mut right[..n]);
            }
            14 if !d.is_empty() => {
                let at = self.rng.usize(..d.len());
                d.truncate(at);
            }
            _ => {
                let at = self.position(d);
                let token = self.token();
                d.splice(at..at, token);
            }
        }
    }
}

/// What kind of unclear message this is: the reason and the message
/// without the input's words and numbers.
fn unclear_kind(why: &str) -> String {
    crate::targets::skeleton(why)
}
