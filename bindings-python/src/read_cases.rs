//! `read_cases`: JSON Lines of cases (or of the records real systems hold) streamed into Arrow record batches of
//! the columnar API's input columns, one batch at a time, with the GIL released while decoding.
//!
//! Core reads each line ([`probation_core::flat_lines`]: decode, map the record shape, validate, the flat inputs
//! on the date); this file only appends those inputs to [`InputColumns`] — the same builder as `cases_table` —
//! and turns the columns into arrow-rs arrays of the types `cases_table(..., like="arrow")` gives, exported through
//! pyo3-arrow. Lines that give no row go to a separate errors table (line, kind, path, message).

use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use arrow_array::types::Int8Type;
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, DictionaryArray, Float64Array, Int8Array, RecordBatch,
    RecordBatchReader, StringArray, UInt8Array, UInt64Array,
};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use probation_core::flat_lines::{FlatLines, LineError, LineShape};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyCapsule};
use pyo3_arrow::{PyRecordBatch, PyRecordBatchReader, PySchema, PyTable};

use probation_core::columns::output_categories;

use crate::columnar::{InputColumns, NO_DATE, Values, input_column_list};
use crate::convert::date_arg;

/// How one input column becomes an Arrow array.
enum Kind {
    /// `date32`, null where missing.
    Date,
    /// `float64`, NaN where missing (as `cases_table`).
    F64,
    /// `uint8`.
    U8,
    /// `bool`.
    Bool,
    /// `dictionary<int8, string>` over the named category list, null where missing.
    Cat(ArrayRef),
}

/// The input columns' schema and kinds, in `input_columns()` order.
fn columns() -> (SchemaRef, Arc<Vec<Kind>>) {
    let lists = output_categories();
    let mut fields = Vec::new();
    let mut kinds = Vec::new();
    for (name, encoding) in input_column_list() {
        let (kind, data_type) = match encoding.as_str() {
            "date" => (Kind::Date, DataType::Date32),
            "f64" => (Kind::F64, DataType::Float64),
            "u8" => (Kind::U8, DataType::UInt8),
            "bool" => (Kind::Bool, DataType::Boolean),
            cat => {
                let list = cat
                    .strip_prefix("cat:")
                    .and_then(|c| lists.iter().find(|(n, _)| *n == c).map(|(_, l)| l.clone()));
                let dictionary: ArrayRef = Arc::new(StringArray::from(list.unwrap_or_default()));
                let data_type =
                    DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8));
                (Kind::Cat(dictionary), data_type)
            }
        };
        fields.push(Field::new(name, data_type, true));
        kinds.push(kind);
    }
    (Arc::new(Schema::new(fields)), Arc::new(kinds))
}

fn array(kind: &Kind, values: Values) -> Result<ArrayRef, ArrowError> {
    let wrong = || ArrowError::SchemaError("column built with another encoding".to_owned());
    Ok(match (kind, values) {
        (Kind::Date, Values::I32(v)) => Arc::new(Date32Array::from_iter(
            v.into_iter().map(|d| (d != NO_DATE).then_some(d)),
        )),
        (Kind::F64, Values::F64(v)) => Arc::new(Float64Array::from(v)),
        (Kind::U8, Values::U8(v)) => Arc::new(UInt8Array::from(v)),
        (Kind::Bool, Values::U8(v)) => {
            Arc::new(BooleanArray::from_iter(v.into_iter().map(|b| Some(b != 0))))
        }
        (Kind::Cat(dictionary), Values::I32(v)) => {
            let keys = Int8Array::from_iter(
                v.into_iter()
                    .map(|c| i8::try_from(c).ok().filter(|c| *c >= 0)),
            );
            Arc::new(DictionaryArray::<Int8Type>::try_new(
                keys,
                Arc::clone(dictionary),
            )?)
        }
        _ => return Err(wrong()),
    })
}

/// A progress line on stderr, redrawn at most every quarter second.
struct Progress {
    total: Option<u64>,
    start: Instant,
    last: Instant,
}

impl Progress {
    fn show(&mut self, bytes: u64, rows: usize, errors: usize, end: bool) {
        let now = Instant::now();
        if !end && now.duration_since(self.last) < Duration::from_millis(250) {
            return;
        }
        self.last = now;
        let secs = now.duration_since(self.start).as_secs_f64().max(1e-9);
        #[allow(clippy::cast_precision_loss, reason = "a display figure")]
        let (done, rate) = (
            self.total.filter(|t| *t > 0).map_or(String::new(), |t| {
                format!("{:3.0}% ", 100.0 * bytes as f64 / t as f64)
            }),
            rows as f64 / secs,
        );
        let tail = if end { "\n" } else { "" };
        let line =
            format!("\rread_cases: {done}{rows} cases, {errors} errors, {rate:.0} cases/s{tail}");
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(line.as_bytes());
        let _ = err.flush();
    }
}

/// The record batches of one source, built one at a time.
struct Batches {
    lines: FlatLines<Box<dyn BufRead + Send>>,
    schema: SchemaRef,
    kinds: Arc<Vec<Kind>>,
    batch_size: usize,
    errors: Arc<Mutex<Vec<LineError>>>,
    progress: Option<Progress>,
    rows: usize,
    done: bool,
}

impl Batches {
    fn batch(&self, cols: InputColumns) -> Result<RecordBatch, ArrowError> {
        let mut values = cols.into_values();
        let mut arrays = Vec::with_capacity(self.kinds.len());
        for (field, kind) in self.schema.fields().iter().zip(self.kinds.iter()) {
            let i = values.iter().position(|(n, _)| n == field.name());
            let (_, v) = i.map(|i| values.swap_remove(i)).ok_or_else(|| {
                ArrowError::SchemaError(format!("no values for column `{}`", field.name()))
            })?;
            arrays.push(array(kind, v)?);
        }
        RecordBatch::try_new(Arc::clone(&self.schema), arrays)
    }

    fn error_count(&self) -> usize {
        self.errors.lock().map_or(0, |e| e.len())
    }
}

impl Iterator for Batches {
    type Item = Result<RecordBatch, ArrowError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut cols = InputColumns::default();
        let mut n = 0;
        while n < self.batch_size {
            match self.lines.next() {
                None => {
                    self.done = true;
                    break;
                }
                Some(Ok(flat)) => {
                    cols.push(&flat.allocation, &flat.tier, &flat.tier_2026);
                    n += 1;
                }
                Some(Err(e)) => {
                    if let Ok(mut errors) = self.errors.lock() {
                        errors.push(e);
                    }
                }
            }
            if n % 4096 == 0 {
                let (bytes, rows, errors) =
                    (self.lines.bytes_read(), self.rows + n, self.error_count());
                if let Some(p) = &mut self.progress {
                    p.show(bytes, rows, errors, false);
                }
            }
        }
        self.rows += n;
        if self.done {
            let (bytes, rows, errors) = (self.lines.bytes_read(), self.rows, self.error_count());
            if let Some(p) = &mut self.progress {
                p.show(bytes, rows, errors, true);
            }
        }
        if n == 0 && self.done {
            return None;
        }
        Some(self.batch(cols))
    }
}

impl RecordBatchReader for Batches {
    fn schema(&self) -> SchemaRef {
        Arc::clone(&self.schema)
    }
}

/// The errors so far as a record batch: `line` (uint64), `kind`, `path`, `message` (strings).
fn error_batch(errors: &[LineError]) -> Result<RecordBatch, ArrowError> {
    let schema = Schema::new(vec![
        Field::new("line", DataType::UInt64, false),
        Field::new("kind", DataType::Utf8, false),
        Field::new("path", DataType::Utf8, false),
        Field::new("message", DataType::Utf8, false),
    ]);
    let line = UInt64Array::from_iter_values(errors.iter().map(|e| e.line as u64));
    let kind = StringArray::from_iter_values(errors.iter().map(|e| e.kind));
    let path = StringArray::from_iter_values(errors.iter().map(|e| e.path.as_str()));
    let message = StringArray::from_iter_values(errors.iter().map(|e| e.message.as_str()));
    RecordBatch::try_new(
        Arc::new(schema),
        vec![
            Arc::new(line),
            Arc::new(kind),
            Arc::new(path),
            Arc::new(message),
        ],
    )
}

fn arrow_err(e: ArrowError) -> PyErr {
    PyRuntimeError::new_err(format!("arrow: {e}"))
}

/// A stream of record batches of the columnar API's input columns read from JSON Lines (`read_cases`).
#[pyclass(module = "probation._probation", name = "CaseReader")]
pub(crate) struct PyCaseReader {
    batches: Mutex<Option<Batches>>,
    errors: Arc<Mutex<Vec<LineError>>>,
    schema: SchemaRef,
}

impl PyCaseReader {
    /// Runs `f` on the remaining batches with the GIL released; `None` once they have been handed on.
    fn with_batches<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut Batches) -> T + Send,
    ) -> PyResult<Option<T>> {
        let mut guard = self
            .batches
            .try_lock()
            .map_err(|_| PyRuntimeError::new_err("the reader is in use by another thread"))?;
        let Some(batches) = guard.as_mut() else {
            return Ok(None);
        };
        Ok(Some(py.detach(|| f(batches))))
    }
}

#[pymethods]
impl PyCaseReader {
    /// The input columns' schema (a `pyarrow.Schema`).
    #[getter]
    fn schema<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        PySchema::new(Arc::clone(&self.schema)).into_pyarrow(py)
    }

    /// The lines read so far that gave no row, as a `pyarrow.Table` of `line`, `kind`, `path`, `message`.
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let errors = self
            .errors
            .lock()
            .map_err(|_| PyRuntimeError::new_err("errors unavailable"))?;
        let batch = error_batch(&errors).map_err(arrow_err)?;
        let schema = batch.schema();
        PyTable::try_new(vec![batch], schema)?.into_pyarrow(py)
    }

    /// The remaining batches as one `pyarrow.Table` (empty once the batches have been read or handed on).
    fn read_all<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let batches = self
            .with_batches(py, |b| b.collect::<Result<Vec<_>, _>>())?
            .unwrap_or_else(|| Ok(Vec::new()))
            .map_err(arrow_err)?;
        PyTable::try_new(batches, Arc::clone(&self.schema))?.into_pyarrow(py)
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self.with_batches(py, Iterator::next)?.flatten() {
            None => Ok(None),
            Some(batch) => PyRecordBatch::new(batch.map_err(arrow_err)?)
                .into_pyarrow(py)
                .map(Some),
        }
    }

    /// Hands the remaining batches on as an Arrow C stream (the Arrow PyCapsule interface), once.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut guard = self
            .batches
            .try_lock()
            .map_err(|_| PyRuntimeError::new_err("the reader is in use by another thread"))?;
        let batches = guard.take().ok_or_else(|| {
            PyRuntimeError::new_err("the reader's batches have already been handed on")
        })?;
        let reader = PyRecordBatchReader::new(Box::new(batches)).into_pyobject(py)?;
        reader.call_method1("__arrow_c_stream__", (requested_schema,))
    }
}

/// Where the lines come from, and how many bytes there are (for the progress line).
fn open(source: &Bound<'_, PyAny>) -> PyResult<(Box<dyn BufRead + Send>, Option<u64>)> {
    if let Ok(bytes) = source.cast::<PyBytes>() {
        let data = bytes.as_bytes().to_vec();
        let len = data.len() as u64;
        return Ok((Box::new(Cursor::new(data)), Some(len)));
    }
    let path: PathBuf = source
        .extract()
        .map_err(|_| PyTypeError::new_err("source must be a path (str or os.PathLike) or bytes"))?;
    let file = File::open(&path)?;
    let len = file.metadata().ok().map(|m| m.len());
    Ok((Box::new(BufReader::with_capacity(1 << 16, file)), len))
}

/// Streams JSON Lines of cases (or of `from_`'s record shape) into record batches of the columnar API's input
/// columns on `on`: a [`PyCaseReader`].
#[pyfunction]
#[pyo3(signature = (source, on, *, batch_size = 65_536, from_ = None, progress = None))]
pub(crate) fn read_cases(
    source: &Bound<'_, PyAny>,
    on: &Bound<'_, PyAny>,
    batch_size: usize,
    from_: Option<&str>,
    progress: Option<bool>,
) -> PyResult<PyCaseReader> {
    let on = date_arg(on, "on")?;
    let shape = match from_ {
        None => LineShape::Case,
        Some(name) => LineShape::from_name(name).ok_or_else(|| {
            PyValueError::new_err(
                "from_ must be one of `case`, `tier-details`, `community-api`, `integration-api`",
            )
        })?,
    };
    if batch_size == 0 {
        return Err(PyValueError::new_err("batch_size must be at least 1"));
    }
    let (reader, total) = open(source)?;
    let (schema, kinds) = columns();
    let errors = Arc::new(Mutex::new(Vec::new()));
    let now = Instant::now();
    let progress = progress
        .unwrap_or_else(|| std::io::stderr().is_terminal())
        .then_some(Progress {
            total,
            start: now,
            last: now,
        });
    let batches = Batches {
        lines: FlatLines::new(reader, shape, on),
        schema: Arc::clone(&schema),
        kinds,
        batch_size,
        errors: Arc::clone(&errors),
        progress,
        rows: 0,
        done: false,
    };
    Ok(PyCaseReader {
        batches: Mutex::new(Some(batches)),
        errors,
        schema,
    })
}
