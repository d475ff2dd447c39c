//! Checked access to the pointers C passes in: every one is tested for NULL before use, inputs are
//! copied out before any output is written (so an input and an output may be the same object), and
//! outputs are written only once the whole call has succeeded. Also the check of the `uint8_t` flags
//! inside structs (C's `bool` is not read from caller memory: a byte other than 0 or 1 would be
//! undefined behaviour in Rust).

use std::ffi::c_char;
use std::mem::size_of;

use collections_core::Error;

use crate::error::{
    boundary, coll_status, Failure, FfiResult, COLL_INVALID_ARGUMENT, COLL_INVALID_UTF8,
};

/// A `uint8_t` flag from C: 0 or 1; anything else is `COLL_INVALID_ARGUMENT` naming `field`.
pub(crate) fn flag(value: u8, field: &'static str) -> FfiResult<bool> {
    match value {
        0 => Ok(false),
        1 => Ok(true),
        other => Err(Error::InvalidArgument {
            field,
            value: other.to_string(),
            reason: "a flag must be 0 or 1".into(),
        }
        .into()),
    }
}

/// Copies the value behind an input pointer.
///
/// # Safety
/// `p` is NULL or valid for reading one `T`.
pub(crate) unsafe fn read<T: Copy>(p: *const T, field: &str) -> FfiResult<T> {
    if p.is_null() {
        return Err(Failure::null(field));
    }
    // SAFETY: non-NULL, and valid for reads by the caller's contract.
    Ok(unsafe { p.read() })
}

/// Copies the value behind an optional input pointer: NULL is `None` (the argument's default).
///
/// # Safety
/// `p` is NULL or valid for reading one `T`.
pub(crate) unsafe fn read_optional<T: Copy>(p: *const T) -> Option<T> {
    // SAFETY: NULL or readable, by the caller's contract.
    unsafe { p.as_ref() }.copied()
}

/// Borrows the object behind a handle C passes in; NULL is `COLL_NULL_ARGUMENT` naming `field`.
///
/// # Safety
/// `p` is NULL or a live handle, not changed by anyone else for the rest of the call.
pub(crate) unsafe fn handle<'a, T>(p: *const T, field: &str) -> FfiResult<&'a T> {
    // SAFETY: NULL or a live handle, by the caller's contract.
    unsafe { p.as_ref() }.ok_or_else(|| Failure::null(field))
}

/// Makes a handle for C of an object: the caller owns it and frees it with `free_handle`.
pub(crate) fn into_handle<T>(value: T) -> *mut T {
    Box::into_raw(Box::new(value))
}

/// The body of a `coll_<thing>_free` function: frees a handle made by `into_handle`; NULL is a no-op.
///
/// # Safety
/// `p` is NULL or a handle made by `into_handle` that has not been freed.
pub(crate) unsafe fn free_handle<T>(p: *mut T) {
    if p.is_null() {
        return;
    }
    boundary(|| {
        // SAFETY: made by Box::into_raw in `into_handle`, not freed before.
        drop(unsafe { Box::from_raw(p) });
        Ok(())
    });
}

/// The body of a function that reads one result from a handle into `*out`: the handle is borrowed
/// (NULL is `COLL_NULL_ARGUMENT` naming `field`), `out` is checked, and `read`'s result is written
/// only when it succeeds.
///
/// # Safety
/// `handle` is NULL or a live handle; `out` is NULL or valid for writing one `T`.
pub(crate) unsafe fn read_handle<H, T>(
    handle: *const H,
    field: &str,
    out: *mut T,
    read: impl FnOnce(&H) -> FfiResult<T>,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (h, out) = unsafe { (self::handle(handle, field)?, self::out(out, "out")?) };
        out.write(read(h)?);
        Ok(())
    })
}

/// An output pointer checked for NULL, written at the end of a successful call.
#[derive(Debug)]
pub(crate) struct Out<T>(*mut T);

impl<T> Out<T> {
    /// Stores the result.
    pub(crate) fn write(self, value: T) {
        // SAFETY: non-NULL and valid for writes, as promised to `out` when this was made.
        unsafe { self.0.write(value) }
    }
}

/// Checks an output pointer.
///
/// # Safety
/// `p` is NULL or valid for writing one `T`, and stays so for the rest of the call.
pub(crate) unsafe fn out<T>(p: *mut T, field: &str) -> FfiResult<Out<T>> {
    if p.is_null() {
        Err(Failure::null(field))
    } else {
        Ok(Out(p))
    }
}

/// An output array checked for NULL, with its capacity.
#[derive(Debug)]
pub(crate) struct OutSlice<T> {
    start: *mut T,
    capacity: usize,
    field: &'static str,
}

impl<T: Copy> OutSlice<T> {
    /// Fails with `COLL_BUFFER_TOO_SMALL` when `needed` elements do not fit.
    pub(crate) fn check_capacity(&self, needed: usize) -> FfiResult {
        if needed > self.capacity {
            Err(Failure::buffer_too_small(self.field, self.capacity, needed))
        } else {
            Ok(())
        }
    }

    /// Stores the values and their count in `out_len`; when they do not fit, stores only the count needed
    /// in `out_len` and fails with `COLL_BUFFER_TOO_SMALL` (the header's one exception to "outputs only on
    /// success", so the caller can retry with a larger array).
    pub(crate) fn write_counted(&self, values: &[T], out_len: Out<usize>) -> FfiResult {
        if let Err(failure) = self.check_capacity(values.len()) {
            out_len.write(values.len());
            return Err(failure);
        }
        self.write_all(values)?;
        out_len.write(values.len());
        Ok(())
    }

    /// Stores the values at the start of the array; they must fit (see `check_capacity`).
    pub(crate) fn write_all(&self, values: &[T]) -> FfiResult {
        self.check_capacity(values.len())?;
        for (i, v) in values.iter().enumerate() {
            // SAFETY: i < capacity, and the array is valid for `capacity` writes by the caller's contract.
            unsafe { self.start.add(i).write(*v) }
        }
        Ok(())
    }
}

/// Checks an output array of `capacity` elements.
///
/// # Safety
/// `p` is NULL or valid for writing `capacity` elements of `T`.
pub(crate) unsafe fn out_slice<T>(
    p: *mut T,
    capacity: usize,
    field: &'static str,
) -> FfiResult<OutSlice<T>> {
    if p.is_null() {
        return Err(Failure::null(field));
    }
    Ok(OutSlice {
        start: p,
        capacity,
        field,
    })
}

fn check_array_len<T>(len: usize, field: &str) -> FfiResult {
    if len > isize::MAX as usize / size_of::<T>().max(1) {
        return Err(Failure::new(
            COLL_INVALID_ARGUMENT,
            format!("{field}: length {len} is larger than any array"),
        ));
    }
    Ok(())
}

/// Checks an output array that may be NULL when `capacity` is 0: the caller is asking for the size
/// needed (the function then fails with `COLL_BUFFER_TOO_SMALL` and reports it, unless nothing is
/// needed). A NULL array with a non-zero capacity is refused.
///
/// # Safety
/// `p` is NULL or valid for writing `capacity` elements of `T`.
pub(crate) unsafe fn out_slice_or_size_query<T>(
    p: *mut T,
    capacity: usize,
    field: &'static str,
) -> FfiResult<OutSlice<T>> {
    if p.is_null() && capacity == 0 {
        // Nothing is ever written through it: every write is checked against the capacity 0 first.
        return Ok(OutSlice {
            start: p,
            capacity,
            field,
        });
    }
    // SAFETY: forwarded contract.
    unsafe { out_slice(p, capacity, field) }
}

/// Copies an input array; NULL is refused even when `len` is 0.
///
/// # Safety
/// `p` is NULL or valid for reading `len` elements of `T`.
pub(crate) unsafe fn read_slice<T: Copy>(
    p: *const T,
    len: usize,
    field: &str,
) -> FfiResult<Vec<T>> {
    if p.is_null() {
        return Err(Failure::null(field));
    }
    check_array_len::<T>(len, field)?;
    // SAFETY: non-NULL, `len` elements readable by the caller's contract, and len * size <= isize::MAX.
    Ok(unsafe { std::slice::from_raw_parts(p, len) }.to_vec())
}

/// Copies an input array that may be NULL when `len` is 0 (an empty list).
///
/// # Safety
/// As for [`read_slice`].
pub(crate) unsafe fn read_slice_or_empty<T: Copy>(
    p: *const T,
    len: usize,
    field: &str,
) -> FfiResult<Vec<T>> {
    if p.is_null() && len == 0 {
        return Ok(Vec::new());
    }
    // SAFETY: forwarded contract.
    unsafe { read_slice(p, len, field) }
}

/// Borrows input text of `len` bytes (no NUL terminator needed) as UTF-8.
///
/// # Safety
/// `p` is NULL or valid for reading `len` bytes, which stay unchanged for the rest of the call.
pub(crate) unsafe fn text<'a>(p: *const c_char, len: usize, field: &str) -> FfiResult<&'a str> {
    if p.is_null() {
        return Err(Failure::null(field));
    }
    check_array_len::<u8>(len, field)?;
    // SAFETY: non-NULL and `len` bytes readable by the caller's contract.
    let bytes = unsafe { std::slice::from_raw_parts(p.cast::<u8>(), len) };
    std::str::from_utf8(bytes).map_err(|e| {
        Failure::new(
            COLL_INVALID_UTF8,
            format!(
                "{field}: not valid UTF-8 (bad byte at offset {})",
                e.valid_up_to()
            ),
        )
    })
}
