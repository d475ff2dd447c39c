//! The one thread-count setting every batch call honours: `set_threads(n)`, `get_threads()` and the
//! environment variable `COLLECTIONS_CORE_THREADS` (read once, when the module is imported), with
//! [`par_map`] and [`par_map_detached`], the split of a batch over a rayon thread pool of that many
//! threads.
//!
//! `assess_many`, `amortize_many`, `score_many`, `forecast_portfolio` and `age_accounts` read the
//! input with the GIL held, then work without it on the pool: [`par_map`] cuts the rows into at most
//! [`threads`] contiguous parts (a small batch, below a per-call number of rows per part, stays one
//! part, run on the calling thread), each part one task of the pool. The pool is built on first use
//! with the count set, kept across calls, and rebuilt when the count changes; a worker's panic is an
//! error of the call, never an abort. Progress is reported from the calling thread while the pool
//! works. The finance functions over arrays and `evaluate_many`/`evaluate_table` honour the same
//! count on scoped threads of their own. Results and errors do not depend on the count: the parts are
//! joined in input order, so the error reported is always the first bad row's.

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use collections_core::Error;
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict};
use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::convert::{describe, int_arg, wrong_type};
use crate::errors::invalid;

/// The environment variable read at import for the initial thread count.
pub const ENV_VAR: &str = "COLLECTIONS_CORE_THREADS";

/// The largest thread count accepted.
pub const MAX_THREADS: usize = 1024;

/// The count set (by `set_threads` or the environment); 0 for the machine's cores.
static THREADS: AtomicUsize = AtomicUsize::new(0);

/// The machine's cores (1 when unknown).
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// The threads a batch call may use: the count set, or else the machine's cores.
pub fn threads() -> usize {
    match THREADS.load(Ordering::Relaxed) {
        0 => cores(),
        n => n,
    }
}

/// The threads for `rows` rows when a thread should have at least `rows_per_thread` of them.
pub fn threads_for(rows: usize, rows_per_thread: usize) -> usize {
    threads().min(rows / rows_per_thread.max(1)).max(1)
}

/// A thread count from text (the environment variable), or why not.
fn parse(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_THREADS).contains(&n) => Ok(n),
        _ => Err(format!("must be a whole number from 1 to {MAX_THREADS}")),
    }
}

/// Reads `COLLECTIONS_CORE_THREADS` (unset or empty: the machine's cores); a bad value fails the
/// import with an `InvalidArgumentError` naming it.
pub fn init_from_env() -> PyResult<()> {
    match std::env::var(ENV_VAR) {
        Ok(text) if !text.trim().is_empty() => {
            let n = parse(&text).map_err(|reason| invalid(ENV_VAR, text.clone(), reason))?;
            THREADS.store(n, Ordering::Relaxed);
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Sets how many threads every batch call of the package may use (the finance functions over arrays,
/// ``assess_many``, ``evaluate_many`` and ``evaluate_table``, ``score_many``, ``forecast_portfolio``,
/// ``age_accounts``, ``amortize_many``): a whole number from 1 to 1024, or ``None`` for the
/// machine's cores (the default, unless the environment variable ``COLLECTIONS_CORE_THREADS`` held a
/// count when the package was imported). Process-wide; a batch already running keeps its count.
/// Results never depend on the count. A bad count is an ``InvalidArgumentError`` naming ``threads``.
///
/// >>> set_threads(1); get_threads()
/// 1
/// >>> set_threads(None); get_threads() >= 1
/// True
#[pyfunction]
#[pyo3(signature = (threads))]
pub fn set_threads(threads: &Bound<'_, PyAny>) -> PyResult<()> {
    if threads.is_none() {
        THREADS.store(0, Ordering::Relaxed);
        return Ok(());
    }
    let n: i64 = int_arg(threads, "threads")?;
    let n = usize::try_from(n).unwrap_or(0);
    if !(1..=MAX_THREADS).contains(&n) {
        return Err(invalid(
            "threads",
            describe(threads),
            format!("must be a whole number from 1 to {MAX_THREADS}"),
        ));
    }
    THREADS.store(n, Ordering::Relaxed);
    Ok(())
}

/// The number of threads a batch call may use now: the count given to ``set_threads`` (or by
/// ``COLLECTIONS_CORE_THREADS`` at import), or else the machine's cores.
///
/// >>> get_threads() >= 1
/// True
#[pyfunction]
pub fn get_threads() -> usize {
    threads()
}

/// The thread pool of the batch calls, built for a count, with the id of the process that built it:
/// rebuilt when the count set changes (a batch already running keeps the pool it started on, which ends
/// when that batch does), and in a forked child, which has none of its parent's threads.
static POOL: Mutex<Option<(u32, Arc<ThreadPool>)>> = Mutex::new(None);

/// The rayon pool of [`threads`] threads named `collections-0`, `collections-1`, ... (built on first
/// use, rebuilt when the count has changed since or the process was forked), or `None` when the
/// system refused to start its threads.
fn pool() -> Option<Arc<ThreadPool>> {
    let n = threads();
    let pid = std::process::id();
    let mut held = POOL.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, pool)) = held
        .as_ref()
        .filter(|(owner, p)| *owner == pid && p.current_num_threads() == n)
    {
        return Some(Arc::clone(pool));
    }
    let pool = ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("collections-{i}"))
        .build()
        .ok()?;
    let pool = Arc::new(pool);
    if let Some((owner, old)) = held.replace((pid, Arc::clone(&pool))) {
        if owner != pid {
            // The parent's pool: its threads are not in this process, so it is never dropped here.
            std::mem::forget(old);
        }
    }
    Some(pool)
}

/// The error of a part whose worker panicked (a bug, reported as an error rather than an abort).
fn worker_failed() -> Error {
    Error::InvalidArgument {
        field: "threads",
        value: String::from("<worker thread>"),
        reason: String::from("a worker thread failed"),
    }
}

/// A part's result: its values, or its first error (`None` when stopped by `stop`).
type Part<R> = Result<Vec<R>, Option<(usize, Error)>>;

/// `f` of every item, in contiguous parts (at least `per_thread` items each, at most [`threads`] parts)
/// run on the pool; the parts in input order. Each item done is counted in `done`; a part stops at its
/// next item once `stop` is set. `poll`, when given, is called on this thread about every 20 ms until
/// every part is done (then every part runs on the pool, even a single one). One part without `poll`
/// runs on this thread, as does everything when the pool cannot be built.
fn run_parts<T: Sync, R: Send>(
    items: &[T],
    per_thread: usize,
    f: &(impl Fn(&T) -> Result<R, Error> + Sync),
    stop: &AtomicBool,
    done: &AtomicUsize,
    poll: Option<&mut dyn FnMut()>,
) -> Vec<Part<R>> {
    let threads = threads_for(items.len(), per_thread);
    let chunk = items.len().div_ceil(threads).max(1);
    let run = |start: usize, part: &[T]| -> Part<R> {
        let mut out = Vec::with_capacity(part.len());
        for (i, x) in part.iter().enumerate() {
            if stop.load(Ordering::Relaxed) {
                return Err(None);
            }
            out.push(f(x).map_err(|e| Some((start + i, e)))?);
            done.fetch_add(1, Ordering::Relaxed);
        }
        Ok(out)
    };
    let pool = if threads > 1 || poll.is_some() {
        pool()
    } else {
        None
    };
    let Some(pool) = pool else {
        return vec![run(0, items)];
    };
    let count = items.len().div_ceil(chunk);
    let mut slots: Vec<Option<Part<R>>> = (0..count).map(|_| None).collect();
    // Parts done: counted before each wakes this thread, so that it waits no longer than needed.
    let finished = AtomicUsize::new(0);
    let caller = std::thread::current();
    pool.in_place_scope(|s| {
        for (k, (part, slot)) in items.chunks(chunk).zip(slots.iter_mut()).enumerate() {
            let (run, finished, caller) = (&run, &finished, caller.clone());
            s.spawn(move |_| {
                let start = k * chunk;
                let result = std::panic::catch_unwind(AssertUnwindSafe(|| run(start, part)));
                *slot = Some(result.unwrap_or_else(|_| Err(Some((start, worker_failed())))));
                finished.fetch_add(1, Ordering::Release);
                caller.unpark();
            });
        }
        if let Some(poll) = poll {
            while finished.load(Ordering::Acquire) < count {
                std::thread::park_timeout(Duration::from_millis(20));
                poll();
            }
        }
    });
    slots
        .into_iter()
        .map(|slot| slot.unwrap_or_else(|| Err(Some((0, worker_failed())))))
        .collect()
}

/// `f` of every item, split over [`threads_for`] threads of the pool (at least `per_thread` items
/// each); the first error in input order wins, with its item's index.
pub fn par_map<T: Sync, R: Send>(
    items: &[T],
    per_thread: usize,
    f: impl Fn(&T) -> Result<R, Error> + Sync,
) -> Result<Vec<R>, (usize, Error)> {
    let (stop, done) = (AtomicBool::new(false), AtomicUsize::new(0));
    let mut out = Vec::with_capacity(items.len());
    for part in run_parts(items, per_thread, &f, &stop, &done, None) {
        match part {
            Ok(values) => out.extend(values),
            Err(Some(e)) => return Err(e),
            // Nothing sets `stop` here.
            Err(None) => {}
        }
    }
    Ok(out)
}

/// The result of [`par_map`]: the values in input order, or the first bad item's index and error.
pub type Mapped<R> = Result<Vec<R>, (usize, Error)>;

/// Where a long batch call reports its progress: a callable called with `(done, total)`, or a tqdm bar
/// (`progress=True`), made at the first report.
#[derive(Debug)]
pub enum Progress {
    /// `callback(done, total)`.
    Callback(Py<PyAny>),
    /// `tqdm.tqdm`, and the bar once made with its total.
    Bar(Py<PyAny>, Option<Py<PyAny>>),
}

/// The `progress` argument of a long batch call (`call` names it for a missing tqdm): `None` or
/// `False` for none, `True` for a tqdm bar, or a callable; anything else names `progress`.
pub fn progress_arg(obj: Option<&Bound<'_, PyAny>>, call: &str) -> PyResult<Option<Progress>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if let Ok(flag) = obj.cast::<PyBool>() {
        if !flag.is_true() {
            return Ok(None);
        }
        let py = obj.py();
        let tqdm = py.import("tqdm").map_err(|err| {
            if err.is_instance_of::<PyImportError>(py) {
                let missing = PyImportError::new_err(format!(
                    "{call}(progress=True) needs tqdm, which is not installed: pip install tqdm \
                     (or pass a callable, progress=lambda done, total: ...)"
                ));
                missing.set_cause(py, Some(err));
                missing
            } else {
                err
            }
        })?;
        return Ok(Some(Progress::Bar(tqdm.getattr("tqdm")?.unbind(), None)));
    }
    if obj.is_callable() {
        return Ok(Some(Progress::Callback(obj.clone().unbind())));
    }
    Err(wrong_type(
        obj,
        "progress",
        "None, True (a tqdm bar) or a callable taking (done, total)",
    ))
}

impl Progress {
    /// Reports `done` of `total`.
    fn report(&mut self, py: Python<'_>, done: usize, total: usize) -> PyResult<()> {
        match self {
            Progress::Callback(f) => f.call1(py, (done, total)).map(drop),
            Progress::Bar(class, bar) => {
                let bar = match bar {
                    Some(b) => b,
                    None => {
                        let kwargs = PyDict::new(py);
                        kwargs.set_item("total", total)?;
                        bar.insert(class.bind(py).call((), Some(&kwargs))?.unbind())
                    }
                };
                let bar = bar.bind(py);
                bar.setattr("n", done)?;
                bar.call_method0("refresh").map(drop)
            }
        }
    }

    /// Closes a bar.
    fn finish(&mut self, py: Python<'_>) -> PyResult<()> {
        if let Progress::Bar(_, Some(bar)) = self {
            bar.call_method0(py, "close")?;
        }
        Ok(())
    }
}

/// [`par_map`] detached from the interpreter, with `progress` told `(done, total)` from this thread
/// (the GIL taken back for each report) each time another hundredth of the items is done, and at the
/// end: at most 100 reports. An exception from the callback stops the work and is raised.
pub fn par_map_detached<T: Sync, R: Send>(
    py: Python<'_>,
    items: &[T],
    per_thread: usize,
    f: impl Fn(&T) -> Result<R, Error> + Sync,
    progress: Option<&mut Progress>,
) -> PyResult<Mapped<R>> {
    let Some(progress) = progress else {
        let f = &f;
        return Ok(py.detach(|| par_map(items, per_thread, f)));
    };
    let total = items.len();
    let done = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (parts, failure) = py.detach(|| {
        let mut shown = 0;
        let mut failure = None;
        let mut poll = || {
            let d = done.load(Ordering::Relaxed);
            let hundredths = d * 100 / total.max(1);
            if failure.is_none() && hundredths > shown && d < total {
                shown = hundredths;
                if let Err(e) = Python::attach(|py| progress.report(py, d, total)) {
                    failure = Some(e);
                    stop.store(true, Ordering::Relaxed);
                }
            }
        };
        let parts = run_parts(items, per_thread, &f, &stop, &done, Some(&mut poll));
        (parts, failure)
    });
    if let Some(e) = failure {
        let _ = progress.finish(py);
        return Err(e);
    }
    let mut out = Vec::with_capacity(total);
    for part in parts {
        match part {
            Ok(values) => out.extend(values),
            Err(Some(e)) => {
                progress.finish(py)?;
                return Ok(Err(e));
            }
            // Only the callback stops a worker, and its exception was raised above.
            Err(None) => {}
        }
    }
    progress.report(py, total, total)?;
    progress.finish(py)?;
    Ok(Ok(out))
}

/// Registers the functions on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    init_from_env()?;
    m.add("THREADS_ENV_VAR", ENV_VAR)?;
    m.add_function(wrap_pyfunction!(set_threads, m)?)?;
    m.add_function(wrap_pyfunction!(get_threads, m)?)?;
    Ok(())
}
