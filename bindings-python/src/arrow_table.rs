//! The columnar API's native half: Arrow record batches in (anything exporting the Arrow PyCapsule interface,
//! read zero-copy through pyo3-arrow), core's column engine ([`probation_core::columns`], which declares the
//! columns once) run on each batch with the GIL released, Arrow record batches of the results out.
//!
//! Each input array is read into core's typed slices: borrowed from the Arrow buffer when it already is core's
//! encoding (`date32`, `float64` and `uint8` without nulls), otherwise converted in one pass (nulls to core's
//! missing values, booleans unpacked, dictionaries and strings mapped to core's category codes, timestamps to
//! days); types with no direct reading are cast by arrow-cast first. The Python half (`probation/_columnar.py`)
//! only hands pandas columns over as Arrow arrays (zero-copy for numpy columns) and converts the result table back
//! to the caller's kind.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type,
    TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType, UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{
    Array, ArrayRef, ArrowPrimitiveType, BooleanArray, Date32Array, DictionaryArray,
    PrimitiveArray, RecordBatch, RecordBatchOptions, StringArray, UInt32Array,
};
use arrow_buffer::{ArrowNativeType, BooleanBuffer, NullBuffer, ScalarBuffer};
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3_arrow::PyTable;
use pyo3_arrow::input::AnyRecordBatch;

use probation_core::allocation::AllocationPolicy;
use probation_core::calendar::Calendar;
use probation_core::columns::{
    AssessError, Assessed, Categories, ColumnError, Columns, Data, INPUTS, Input, Kind, NO_CODE,
    NO_DATE, OUTPUTS, TIER_2026_NAMES, Want, providers, tier_names,
};
use probation_core::model::CrcArea;

use crate::calendar::{PyCalendar, calendar_arg};
use crate::columnar::{assess_error, column_error};
use crate::convert::date_arg;
use crate::errors::Error;
use crate::guard::guard;
use crate::policy::allocation_policy;

/// One input column as core reads it: borrowed from the Arrow buffer, or converted.
enum Conv<'a> {
    Date(Cow<'a, [i32]>),
    F64(Cow<'a, [f64]>),
    U8(Cow<'a, [u8]>),
}

impl Conv<'_> {
    fn data(&self) -> Data<'_> {
        match self {
            Conv::Date(v) => Data::Date(v),
            Conv::F64(v) => Data::F64(v),
            Conv::U8(v) => Data::U8(v),
        }
    }

    fn into_owned(self) -> Conv<'static> {
        match self {
            Conv::Date(v) => Conv::Date(Cow::Owned(v.into_owned())),
            Conv::F64(v) => Conv::F64(Cow::Owned(v.into_owned())),
            Conv::U8(v) => Conv::U8(Cow::Owned(v.into_owned())),
        }
    }
}

/// The values of `a` mapped by `f`, `missing` where null; `Err(row)` at the first value `f` refuses in a row that
/// is not null. One preallocated pass with no early exit (so that it compiles to straight-line code), the null
/// rows filled after; the refused row is looked for only when some value was refused.
fn map_values<T: ArrowPrimitiveType, U: Copy>(
    a: &PrimitiveArray<T>,
    missing: U,
    f: impl Fn(T::Native) -> Option<U>,
) -> Result<Vec<U>, usize> {
    let values = a.values();
    let mut out = Vec::with_capacity(values.len());
    let mut refused = false;
    for v in values.iter() {
        let r = f(*v);
        refused |= r.is_none();
        out.push(r.unwrap_or(missing));
    }
    let nulls = a.nulls().filter(|n| n.null_count() > 0);
    if let Some(nulls) = nulls {
        fill_nulls(&mut out, nulls, missing);
    }
    if refused
        && let Some(row) = values
            .iter()
            .enumerate()
            .position(|(i, v)| nulls.is_none_or(|n| n.is_valid(i)) && f(*v).is_none())
    {
        return Err(row);
    }
    Ok(out)
}

/// Calls `visit(i)` for every null row `i` of `nulls`: the validity read 64 rows at a time and only its zero
/// bits visited, so that the cost does not depend on how nulls and values alternate (a select per row
/// mispredicts on mixed columns).
fn for_each_null(nulls: &NullBuffer, mut visit: impl FnMut(usize)) {
    let chunks = nulls.inner().bit_chunks();
    let mut zeros_of = |word: u64, width: usize, base: usize| {
        let mut zeros = !word
            & if width == 64 {
                u64::MAX
            } else {
                (1 << width) - 1
            };
        while zeros != 0 {
            visit(base + zeros.trailing_zeros() as usize);
            zeros &= zeros - 1;
        }
    };
    let mut base = 0;
    for word in chunks.iter() {
        zeros_of(word, 64, base);
        base += 64;
    }
    let rest = chunks.remainder_len();
    if rest > 0 {
        zeros_of(chunks.remainder_bits(), rest, base);
    }
}

/// Sets `missing` in every null row of `out` (`out[i]` is row `i` of `nulls`).
fn fill_nulls<T: Copy>(out: &mut [T], nulls: &NullBuffer, missing: T) {
    for_each_null(nulls, |i| {
        if let Some(slot) = out.get_mut(i) {
            *slot = missing;
        }
    });
}

/// True when `held(values[i])` for every null row `i` of `nulls`.
fn nulls_hold<T: Copy>(values: &[T], nulls: &NullBuffer, held: impl Fn(T) -> bool) -> bool {
    let mut ok = true;
    for_each_null(nulls, |i| ok &= values.get(i).is_some_and(|v| held(*v)));
    ok
}

/// A primitive array whose values are core's encoding: borrowed when it has no nulls or every null row already
/// holds a value core reads as missing (`is_missing`: pyarrow's `from_pandas` keeps NaN under the nulls it makes
/// of NaN), else copied with `missing` in the null rows.
fn borrow_or_fill<T: ArrowPrimitiveType>(
    a: &PrimitiveArray<T>,
    missing: T::Native,
    is_missing: impl Fn(T::Native) -> bool,
) -> Cow<'_, [T::Native]> {
    match a.nulls().filter(|n| n.null_count() > 0) {
        None => Cow::Borrowed(&**a.values()),
        Some(nulls) if nulls_hold(a.values(), nulls, is_missing) => Cow::Borrowed(&**a.values()),
        Some(nulls) => {
            let mut v = a.values().to_vec();
            fill_nulls(&mut v, nulls, missing);
            Cow::Owned(v)
        }
    }
}

/// Eight bits of a byte as eight 0/1 bytes (least significant bit first), for unpacking booleans.
#[allow(clippy::indexing_slicing, reason = "b < 256 in a const loop")]
const UNPACK: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let mut v = 0u64;
        let mut k = 0;
        while k < 8 {
            if b >> k & 1 == 1 {
                v |= 1 << (8 * k);
            }
            k += 1;
        }
        t[b] = v;
        b += 1;
    }
    t
};

/// The 0/1 bytes of `bits`, false where `nulls` has a null.
fn unpack(bits: &BooleanBuffer, nulls: Option<&NullBuffer>) -> Vec<u8> {
    let n = bits.len();
    let valid = nulls.filter(|x| x.null_count() > 0).map(NullBuffer::inner);
    let aligned =
        bits.offset().is_multiple_of(8) && valid.is_none_or(|v| v.offset().is_multiple_of(8));
    if !aligned {
        return match valid {
            None => bits.iter().map(u8::from).collect(),
            Some(v) => bits
                .iter()
                .zip(v.iter())
                .map(|(b, ok)| u8::from(b && ok))
                .collect(),
        };
    }
    let bytes = bits.values().get(bits.offset() / 8..).unwrap_or(&[]);
    let masks = valid.map(|v| v.values().get(v.offset() / 8..).unwrap_or(&[]));
    let mut out = Vec::with_capacity(n + 8);
    for (k, b) in bytes.iter().take(n.div_ceil(8)).enumerate() {
        let m = masks.map_or(0xff, |m| m.get(k).copied().unwrap_or(0));
        let word = UNPACK.get(usize::from(b & m)).copied().unwrap_or(0);
        out.extend_from_slice(&word.to_le_bytes());
    }
    out.truncate(n);
    out
}

/// `a` cast by arrow-cast to `to` (refusing values that do not convert, rather than nulling them).
fn cast(name: &str, a: &dyn Array, to: &DataType, what: &str) -> Result<ArrayRef, Error> {
    let options = arrow_cast::CastOptions {
        safe: false,
        ..Default::default()
    };
    arrow_cast::cast_with_options(a, to, &options).map_err(|_| {
        column_error(
            name,
            format!("cannot be read as {what} ({})", a.data_type()),
        )
    })
}

/// A value of column `name` that cannot be read, at `row` of the input (`base`: the input row of the array's first).
fn bad_at(name: &str, what: &str, base: usize, row: usize) -> Error {
    column_error(
        name,
        format!("cannot be read as {what} at row {}", base + row),
    )
}

/// Days since 1970 of a count of `per_day` units; out of `i32` gives a day core refuses as out of range.
#[inline(always)]
fn floor_days(v: i64, per_day: i64) -> i32 {
    i32::try_from(v.div_euclid(per_day)).unwrap_or(i32::MAX)
}

/// The days since 1970 of an `i64` array counting `PER_DAY` units a day (never an `Err`: every count has a day).
fn days_of<T: ArrowPrimitiveType<Native = i64>, const PER_DAY: i64>(
    a: &dyn Array,
) -> Result<Vec<i32>, usize> {
    map_values(a.as_primitive::<T>(), NO_DATE, |v| {
        Some(floor_days(v, PER_DAY))
    })
}

fn read_date<'a>(name: &str, a: &'a dyn Array, base: usize) -> Result<Conv<'a>, Error> {
    let days = |v: Result<Vec<i32>, usize>| {
        v.map(|v| Conv::Date(Cow::Owned(v)))
            .map_err(|i| bad_at(name, "date", base, i))
    };
    Ok(match a.data_type() {
        DataType::Date32 => Conv::Date(borrow_or_fill(
            a.as_primitive::<Date32Type>(),
            NO_DATE,
            |d| d == NO_DATE,
        )),
        // A constant divisor per unit (a const parameter), so that the division compiles to a multiplication.
        DataType::Date64 => days(days_of::<Date64Type, 86_400_000>(a))?,
        DataType::Timestamp(TimeUnit::Second, None) => {
            days(days_of::<TimestampSecondType, 86_400>(a))?
        }
        DataType::Timestamp(TimeUnit::Millisecond, None) => {
            days(days_of::<TimestampMillisecondType, 86_400_000>(a))?
        }
        DataType::Timestamp(TimeUnit::Microsecond, None) => {
            days(days_of::<TimestampMicrosecondType, 86_400_000_000>(a))?
        }
        DataType::Timestamp(TimeUnit::Nanosecond, None) => {
            days(days_of::<TimestampNanosecondType, 86_400_000_000_000>(a))?
        }
        DataType::Null => Conv::Date(Cow::Owned(vec![NO_DATE; a.len()])),
        _ => read_date(name, &cast(name, a, &DataType::Date32, "date")?, base)?.into_owned(),
    })
}

macro_rules! numeric {
    ($a:expr, $missing:expr, $f:expr, $or:expr) => {
        match $a.data_type() {
            DataType::Int8 => map_values($a.as_primitive::<Int8Type>(), $missing, $f),
            DataType::Int16 => map_values($a.as_primitive::<Int16Type>(), $missing, $f),
            DataType::Int32 => map_values($a.as_primitive::<Int32Type>(), $missing, $f),
            DataType::Int64 => map_values($a.as_primitive::<Int64Type>(), $missing, $f),
            DataType::UInt8 => map_values($a.as_primitive::<UInt8Type>(), $missing, $f),
            DataType::UInt16 => map_values($a.as_primitive::<UInt16Type>(), $missing, $f),
            DataType::UInt32 => map_values($a.as_primitive::<UInt32Type>(), $missing, $f),
            DataType::UInt64 => map_values($a.as_primitive::<UInt64Type>(), $missing, $f),
            DataType::Float32 => map_values($a.as_primitive::<Float32Type>(), $missing, $f),
            DataType::Float64 => map_values($a.as_primitive::<Float64Type>(), $missing, $f),
            _ => $or,
        }
    };
}

/// A number as `f64` (exact for every integer a score column could hold).
trait AsF64: Copy {
    fn f64(self) -> f64;
}
macro_rules! as_f64 {
    ($($t:ty),*) => { $(impl AsF64 for $t {
        #[allow(clippy::cast_precision_loss, clippy::cast_lossless, reason = "a score, not an identifier")]
        fn f64(self) -> f64 { self as f64 }
    })* };
}
as_f64!(i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);

fn read_f64<'a>(name: &str, a: &'a dyn Array, base: usize) -> Result<Conv<'a>, Error> {
    if let DataType::Float64 = a.data_type() {
        return Ok(Conv::F64(borrow_or_fill(
            a.as_primitive::<Float64Type>(),
            f64::NAN,
            f64::is_nan,
        )));
    }
    if let DataType::Null = a.data_type() {
        return Ok(Conv::F64(Cow::Owned(vec![f64::NAN; a.len()])));
    }
    let v = numeric!(a, f64::NAN, |v: _| Some(AsF64::f64(v)), {
        return Ok(read_f64(name, &cast(name, a, &DataType::Float64, "f64")?, base)?.into_owned());
    });
    v.map(|v| Conv::F64(Cow::Owned(v)))
        .map_err(|i| bad_at(name, "f64", base, i))
}

/// A whole number from 0 to 255 as a byte.
fn small(v: f64) -> Option<u8> {
    if v.fract() == 0.0 && (0.0..=255.0).contains(&v) {
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "checked above"
        )]
        Some(v as u8)
    } else {
        None
    }
}

fn read_u8<'a>(name: &str, a: &'a dyn Array, base: usize) -> Result<Conv<'a>, Error> {
    Ok(match a.data_type() {
        DataType::UInt8 => Conv::U8(borrow_or_fill(a.as_primitive::<UInt8Type>(), 0, |v| v == 0)),
        DataType::Boolean => {
            let b: &BooleanArray = a.as_boolean();
            Conv::U8(Cow::Owned(unpack(b.values(), b.nulls())))
        }
        DataType::Null => Conv::U8(Cow::Owned(vec![0; a.len()])),
        _ => {
            let v = numeric!(a, 0u8, |v: _| small(AsF64::f64(v)), {
                return Ok(
                    read_u8(name, &cast(name, a, &DataType::UInt8, "u8")?, base)?.into_owned(),
                );
            });
            Conv::U8(Cow::Owned(v.map_err(|i| bad_at(name, "u8", base, i))?))
        }
    })
}

/// Core's code of a category name, `None` when it is not one.
fn category_code(cats: Categories, s: &str) -> Option<u8> {
    if cats == Categories::HomeArea {
        CrcArea::from_code(s).map(|a| a as u8)
    } else {
        cats.code_of(s)
    }
}

/// Core's codes of `strings` (`None` where missing), each distinct string parsed once.
fn codes_of<'s>(
    name: &str,
    cats: Categories,
    strings: impl Iterator<Item = Option<&'s str>>,
) -> Result<Vec<Option<u8>>, Error> {
    let mut seen: HashMap<&'s str, u8> = HashMap::new();
    strings
        .map(|s| {
            let Some(s) = s else { return Ok(None) };
            if let Some(c) = seen.get(s) {
                return Ok(Some(*c));
            }
            let c = category_code(cats, s).ok_or_else(|| column_error(name, "unknown code"))?;
            seen.insert(s, c);
            Ok(Some(c))
        })
        .collect()
}

/// Core's codes of the strings of `a` (any string type, or anything arrow-cast turns into strings).
fn string_codes(name: &str, cats: Categories, a: &dyn Array) -> Result<Vec<Option<u8>>, Error> {
    match a.data_type() {
        DataType::Utf8 => codes_of(name, cats, a.as_string::<i32>().iter()),
        DataType::LargeUtf8 => codes_of(name, cats, a.as_string::<i64>().iter()),
        DataType::Utf8View => codes_of(name, cats, a.as_string_view().iter()),
        _ => {
            let s = cast(name, a, &DataType::Utf8, "category")?;
            codes_of(name, cats, s.as_string::<i32>().iter())
        }
    }
}

/// A dictionary key with no entry in the lookup table (never a category code: the longest list has 21).
const OUT_OF_RANGE: u8 = NO_CODE - 1;
/// A dictionary entry that is no category (an error only in a row that uses it: a dictionary may hold entries no
/// row uses, as a Polars categorical's global category list does).
const UNKNOWN: u8 = NO_CODE - 2;

/// The codes of a dictionary's keys through `lut` (core's code of each dictionary entry), [`NO_CODE`] where null:
/// one branch-free pass over the keys (a key with no entry gives [`OUT_OF_RANGE`]), the null rows cleared with
/// the unpacked validity, and the first out-of-range key in a valid row looked for only when there is one.
fn dictionary_codes<K: arrow_array::types::ArrowDictionaryKeyType>(
    name: &str,
    a: &dyn Array,
    lut: &[u8],
    base: usize,
) -> Result<Vec<u8>, Error> {
    let d: &DictionaryArray<K> = a.as_dictionary();
    let keys = d.keys();
    let code = |k: K::Native| lut.get(k.as_usize()).copied().unwrap_or(OUT_OF_RANGE);
    let mut out: Vec<u8> = match K::DATA_TYPE {
        // Byte keys: one load from a 256-entry table per row.
        DataType::Int8 | DataType::UInt8 => {
            let mut table = [OUT_OF_RANGE; 256];
            for (byte, slot) in table.iter_mut().enumerate() {
                // An i8 key's byte is its two's complement: bytes 128..255 are negative keys, never valid
                // (`from_usize` refuses them).
                if let Some(k) = K::Native::from_usize(byte) {
                    *slot = code(k);
                }
            }
            keys.values()
                .iter()
                .map(|k| {
                    let b = k.as_usize() & 0xff;
                    table.get(b).copied().unwrap_or(OUT_OF_RANGE)
                })
                .collect()
        }
        _ => keys.values().iter().map(|k| code(*k)).collect(),
    };
    if let Some(nulls) = keys.nulls().filter(|n| n.null_count() > 0) {
        fill_nulls(&mut out, nulls, NO_CODE);
    }
    let bad = |c: &u8| *c == OUT_OF_RANGE || *c == UNKNOWN;
    if out.iter().fold(false, |b, c| b | bad(c)) {
        // A key with no dictionary entry, or whose entry is no category, in a row that is not null: an error
        // naming the first.
        if let Some(i) = out.iter().position(bad) {
            return Err(column_error(
                name,
                if out.get(i) == Some(&UNKNOWN) {
                    "unknown code".to_owned()
                } else {
                    format!("category code out of range at row {}", base + i)
                },
            ));
        }
    }
    Ok(out)
}

/// Core's code of each entry of a dictionary's values: [`NO_CODE`] for a null entry, [`UNKNOWN`] for a string
/// that is no category.
fn dictionary_lut(name: &str, cats: Categories, values: &dyn Array) -> Result<Vec<u8>, Error> {
    let code = |s: Option<&str>| s.map_or(NO_CODE, |s| category_code(cats, s).unwrap_or(UNKNOWN));
    Ok(match values.data_type() {
        DataType::Utf8 => values.as_string::<i32>().iter().map(code).collect(),
        DataType::LargeUtf8 => values.as_string::<i64>().iter().map(code).collect(),
        DataType::Utf8View => values.as_string_view().iter().map(code).collect(),
        _ => {
            let s = cast(name, values, &DataType::Utf8, "category")?;
            s.as_string::<i32>().iter().map(code).collect()
        }
    })
}

fn read_cat<'a>(
    name: &str,
    cats: Categories,
    a: &'a dyn Array,
    base: usize,
) -> Result<Conv<'a>, Error> {
    let codes = match a.data_type() {
        DataType::Dictionary(key, _) => {
            let values = a.as_any_dictionary().values();
            let lut = dictionary_lut(name, cats, values.as_ref())?;
            match key.as_ref() {
                DataType::Int8 => dictionary_codes::<Int8Type>(name, a, &lut, base)?,
                DataType::Int16 => dictionary_codes::<Int16Type>(name, a, &lut, base)?,
                DataType::Int32 => dictionary_codes::<Int32Type>(name, a, &lut, base)?,
                DataType::Int64 => dictionary_codes::<Int64Type>(name, a, &lut, base)?,
                DataType::UInt8 => dictionary_codes::<UInt8Type>(name, a, &lut, base)?,
                DataType::UInt16 => dictionary_codes::<UInt16Type>(name, a, &lut, base)?,
                DataType::UInt32 => dictionary_codes::<UInt32Type>(name, a, &lut, base)?,
                DataType::UInt64 => dictionary_codes::<UInt64Type>(name, a, &lut, base)?,
                _ => {
                    return Err(column_error(
                        name,
                        "cannot be read as category (dictionary key)",
                    ));
                }
            }
        }
        DataType::Null => vec![NO_CODE; a.len()],
        _ => string_codes(name, cats, a)?
            .into_iter()
            .map(|c| c.unwrap_or(NO_CODE))
            .collect(),
    };
    Ok(Conv::U8(Cow::Owned(codes)))
}

/// True when reading a column of `kind` from an array of type `t` and setting it in [`Columns`] can never fail
/// (so that leaving a column the engine does not read unread changes no error).
fn never_refused(kind: Kind, t: &DataType) -> bool {
    matches!(
        (kind, t),
        (_, DataType::Null) | (Kind::Bool, DataType::Boolean) | (Kind::F64, DataType::Float64)
    )
}

/// Column `input` of a batch as core reads it (`base`: the input row of the batch's first, for errors).
fn read<'a>(input: Input, a: &'a dyn Array, base: usize) -> Result<Conv<'a>, Error> {
    let name = input.name();
    match input.kind() {
        Kind::Date => read_date(name, a, base),
        Kind::F64 => read_f64(name, a, base),
        Kind::Bool | Kind::U8 { .. } => read_u8(name, a, base),
        Kind::Cat(cats) => read_cat(name, cats, a, base),
    }
}

/// What to compute and return.
#[derive(Clone, Copy)]
struct Asked {
    want: Want,
    explain: bool,
}

impl Asked {
    /// The output columns, `(name, encoding)`, in [`OUTPUTS`] order then `policy`.
    fn columns(self) -> Vec<(&'static str, &'static str)> {
        let alloc = ["provider", "allocation_deadline", "allocation_rules"];
        let t2026 = ["tier_2026", "provisional", "tier_2026_rules"];
        let mut out: Vec<_> = OUTPUTS
            .iter()
            .copied()
            .filter(|(n, e)| {
                let on = if alloc.contains(n) {
                    self.want.allocation
                } else if t2026.contains(n) {
                    self.want.tier_2026
                } else {
                    self.want.tier
                };
                on && (self.explain || !e.starts_with("rules:"))
            })
            .collect();
        if self.explain && self.want.allocation {
            out.push(("policy", "str"));
        }
        out
    }
}

/// The output schema of `asked` (categories as dictionaries, `int8` codes; rule lists and policy `int32`).
fn output_schema(asked: Asked) -> SchemaRef {
    let dict = |k: DataType| DataType::Dictionary(Box::new(k), Box::new(DataType::Utf8));
    let fields: Vec<Field> = asked
        .columns()
        .into_iter()
        .map(|(name, enc)| {
            let t = match enc {
                "date" => DataType::Date32,
                "u32" => DataType::UInt32,
                "bool" => DataType::Boolean,
                e if e.starts_with("cat:") => dict(DataType::Int8),
                _ => dict(DataType::Int32),
            };
            Field::new(name, t, true)
        })
        .collect();
    Arc::new(Schema::new(fields))
}

/// The category lists of the `cat:` outputs, as Arrow string arrays.
struct Lists {
    provider: ArrayRef,
    tier: ArrayRef,
    tier_2026: ArrayRef,
}

impl Lists {
    fn new() -> Self {
        let strings = |v: Vec<String>| -> ArrayRef { Arc::new(StringArray::from(v)) };
        Lists {
            provider: strings(providers().iter().map(ToString::to_string).collect()),
            tier: strings(tier_names()),
            tier_2026: strings(TIER_2026_NAMES.iter().map(|s| (*s).to_owned()).collect()),
        }
    }
}

/// A dictionary array of `u8` codes into `names`, null where [`NO_CODE`].
/// A validity bitmap of `values`: valid where `ok`, packed 64 rows at a time.
fn valid_where<T>(values: &[T], ok: impl Fn(&T) -> bool) -> NullBuffer {
    NullBuffer::new(BooleanBuffer::collect_bool(values.len(), |i| {
        values.get(i).is_some_and(&ok)
    }))
}

fn coded(codes: &[u8], names: &ArrayRef) -> Result<ArrayRef, Error> {
    let keys: Vec<i8> = codes
        .iter()
        .map(|c| i8::try_from(*c).unwrap_or(0))
        .collect();
    let nulls = codes
        .contains(&NO_CODE)
        .then(|| valid_where(codes, |c| *c != NO_CODE));
    let keys = PrimitiveArray::<Int8Type>::new(ScalarBuffer::from(keys), nulls);
    DictionaryArray::try_new(keys, Arc::clone(names))
        .map(|d| Arc::new(d) as ArrayRef)
        .map_err(|_| Error::Internal)
}

/// The rules that fired (a `u32` bitset a row) dictionary-encoded as the `;`-joined ids of `table`.
fn rules(bits: &[u32], table: &[&probation_core::rules::Rule]) -> Result<ArrayRef, Error> {
    let mut index: HashMap<u32, i32> = HashMap::new();
    let mut labels: Vec<String> = Vec::new();
    let mut keys = Vec::with_capacity(bits.len());
    for b in bits {
        let k = match index.get(b) {
            Some(k) => *k,
            None => {
                let k = i32::try_from(labels.len()).map_err(|_| Error::Internal)?;
                let ids: Vec<&str> = table
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| b >> i & 1 == 1)
                    .map(|(_, r)| r.id)
                    .collect();
                labels.push(ids.join(";"));
                index.insert(*b, k);
                k
            }
        };
        keys.push(k);
    }
    let keys = PrimitiveArray::<Int32Type>::from(keys);
    DictionaryArray::try_new(keys, Arc::new(StringArray::from(labels)))
        .map(|d| Arc::new(d) as ArrayRef)
        .map_err(|_| Error::Internal)
}

/// The output batch of one input batch's results.
fn output_batch(
    mut out: Assessed,
    n: usize,
    asked: Asked,
    schema: &SchemaRef,
    lists: &Lists,
    policy: &AllocationPolicy,
) -> Result<RecordBatch, Error> {
    let mut arrays: Vec<ArrayRef> = Vec::new();
    for (name, _) in asked.columns() {
        let a: ArrayRef = match name {
            "provider" => coded(&out.provider, &lists.provider)?,
            "allocation_deadline" => {
                let nulls = out
                    .deadline
                    .contains(&NO_DATE)
                    .then(|| valid_where(&out.deadline, |d| *d != NO_DATE));
                Arc::new(Date32Array::new(
                    ScalarBuffer::from(std::mem::take(&mut out.deadline)),
                    nulls,
                ))
            }
            "allocation_rules" => rules(
                &out.allocation_rules,
                probation_core::allocation::rules::TABLE,
            )?,
            "tier" => coded(&out.tier, &lists.tier)?,
            "protect_points" => {
                Arc::new(UInt32Array::from(std::mem::take(&mut out.protect_points)))
            }
            "change_points" => Arc::new(UInt32Array::from(std::mem::take(&mut out.change_points))),
            "tier_rules" => rules(&out.tier_rules, probation_core::tier::rules::TABLE)?,
            "tier_2026" => coded(&out.tier_2026, &lists.tier_2026)?,
            "provisional" => Arc::new(BooleanArray::new(
                BooleanBuffer::collect_bool(out.provisional.len(), |i| {
                    out.provisional.get(i).is_some_and(|p| *p != 0)
                }),
                None,
            )),
            "tier_2026_rules" => {
                rules(&out.tier_2026_rules, probation_core::tier2026::rules::TABLE)?
            }
            _ => {
                let keys = PrimitiveArray::<Int32Type>::from(vec![0; n]);
                let label = StringArray::from(vec![format!("{}@{}", policy.id, policy.version)]);
                Arc::new(
                    DictionaryArray::try_new(keys, Arc::new(label)).map_err(|_| Error::Internal)?,
                )
            }
        };
        arrays.push(a);
    }
    RecordBatch::try_new_with_options(
        Arc::clone(schema),
        arrays,
        &RecordBatchOptions::new().with_row_count(Some(n)),
    )
    .map_err(|_| Error::Internal)
}

/// Row `row` of the batch starting at `offset` as a row of the whole input.
fn shift(e: AssessError, offset: usize) -> AssessError {
    match e {
        AssessError::Column(c) => AssessError::Column(ColumnError {
            row: c.row.map(|r| r + offset),
            ..c
        }),
        AssessError::Allocation { row, error } => AssessError::Allocation {
            row: row + offset,
            error,
        },
        AssessError::Tier {
            row,
            tier2026,
            error,
        } => AssessError::Tier {
            row: row + offset,
            tier2026,
            error,
        },
    }
}

/// Settings of one call.
struct Call<'a> {
    on: Option<NaiveDate>,
    policy: &'a AllocationPolicy,
    cal: &'a Calendar,
    asked: Asked,
    schema: SchemaRef,
    lists: Lists,
}

/// Core's column engine over one batch (rows `offset ..` of the input).
fn assess_batch(batch: &RecordBatch, offset: usize, call: &Call<'_>) -> Result<RecordBatch, Error> {
    let n = batch.num_rows();
    let mut read_columns = Vec::new();
    for (input, name, kind) in INPUTS {
        if let Some(a) = batch.column_by_name(name) {
            if !call.asked.want.reads(*input) && never_refused(*kind, a.data_type()) {
                // A column the engine will not look at, whose reading could not fail: left unread.
                continue;
            }
            read_columns.push((*input, read(*input, a.as_ref(), offset)?));
        }
    }
    let mut cols = Columns::new(n, call.on);
    for (input, conv) in &read_columns {
        cols.set(*input, conv.data())
            .map_err(|e| assess_error(shift(e.into(), offset)))?;
    }
    let out = probation_core::columns::assess(cols, call.asked.want, call.policy, call.cal)
        .map_err(|e| assess_error(shift(e, offset)))?;
    output_batch(out, n, call.asked, &call.schema, &call.lists, call.policy)
}

/// Allocation and the tiers of every row of `data` (anything exporting the Arrow PyCapsule interface), batch by
/// batch with the GIL released; a pyarrow Table of the results, one output batch per input batch. Private: called
/// by `probation._columnar`.
#[pyfunction]
#[pyo3(signature = (data, on = None, policy = None, allocation = true, tier = true, tier_2026 = true, calendar = None, explain = false))]
#[allow(
    clippy::too_many_arguments,
    reason = "mirrors the Python call; private"
)]
pub(crate) fn assess_arrow<'py>(
    py: Python<'py>,
    data: AnyRecordBatch,
    on: Option<&Bound<'_, PyAny>>,
    policy: Option<&Bound<'py, PyAny>>,
    allocation: bool,
    tier: bool,
    tier_2026: bool,
    calendar: Option<&Bound<'py, PyCalendar>>,
    explain: bool,
) -> PyResult<Bound<'py, PyAny>> {
    guard(|| {
        let policy = allocation_policy(policy)?;
        let cal = calendar_arg(calendar);
        let on = on
            .filter(|o| !o.is_none())
            .map(|o| date_arg(o, "on"))
            .transpose()?;
        let asked = Asked {
            want: Want {
                allocation,
                tier,
                tier_2026,
            },
            explain,
        };
        let schema = output_schema(asked);
        // Read the batches with the GIL held (a stream may be produced by Python code).
        let batches = data
            .into_reader()?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| column_error("table", format!("cannot be read ({e})")))?;
        let call = Call {
            on,
            policy: &policy,
            cal: &cal,
            asked,
            schema: Arc::clone(&schema),
            lists: Lists::new(),
        };
        let out = py.detach(|| -> Result<Vec<RecordBatch>, Error> {
            let mut offset = 0;
            let mut out = Vec::with_capacity(batches.len());
            for b in &batches {
                out.push(assess_batch(b, offset, &call)?);
                offset += b.num_rows();
            }
            Ok(out)
        })?;
        drop(batches);
        PyTable::try_new(out, schema)?.into_pyarrow(py)
    })
}
