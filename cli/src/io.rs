//! Opening inputs and outputs (`-` is stdin/stdout) and streaming cases from JSON Lines.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::Path;

use chrono::NaiveDate;
use probation_core::interchange::{DecodeError, read_jsonl};
use probation_core::model::Case;

/// An error of the command itself (not of a case): unreadable file, broken pipe, bad argument.
#[derive(Debug)]
pub struct CliError(pub String);

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        CliError(format!("i/o error: {}", e.kind()))
    }
}

/// Opens `path` for buffered reading; `-` is standard input.
pub fn open_input(path: &Path) -> Result<Box<dyn BufRead>, CliError> {
    if path == Path::new("-") {
        return Ok(Box::new(BufReader::new(io::stdin().lock())));
    }
    let f = File::open(path)
        .map_err(|e| CliError(format!("cannot open {}: {}", path.display(), e.kind())))?;
    Ok(Box::new(BufReader::with_capacity(1 << 16, f)))
}

/// Opens `path` for buffered writing; `-` is standard output.
pub fn open_output(path: &Path) -> Result<Box<dyn Write>, CliError> {
    if path == Path::new("-") {
        return Ok(Box::new(BufWriter::new(io::stdout().lock())));
    }
    let f = File::create(path)
        .map_err(|e| CliError(format!("cannot create {}: {}", path.display(), e.kind())))?;
    Ok(Box::new(BufWriter::new(f)))
}

/// Writes one JSON value as a line.
pub fn write_json_line<T: serde::Serialize>(
    out: &mut dyn Write,
    value: &T,
) -> Result<(), CliError> {
    serde_json::to_writer(&mut *out, value).map_err(|e| CliError(format!("write failed: {e}")))?;
    out.write_all(b"\n")?;
    Ok(())
}

pub use probation_core::lines::error_line;

/// The (path, kind, message) of an [`error_line`].
pub fn error_parts(line: &serde_json::Value) -> (String, String, String) {
    let field = |k: &str| {
        line.get("error")
            .and_then(|e| e.get(k))
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    (field("path"), field("kind"), field("message"))
}

/// Decodes and validates one line, or says why not (core's [`probation_core::lines::checked`]); a read error
/// stops the command.
pub fn checked_case(
    number: usize,
    case: Result<Case, DecodeError>,
) -> Result<Result<Case, serde_json::Value>, CliError> {
    match case {
        Err(DecodeError::Io(e)) => Err(CliError(format!("read failed: {e}"))),
        case => Ok(probation_core::lines::checked(number, case)),
    }
}

/// The shape of an input file: the case format, or one of the records real systems hold (one document a line).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, clap::ValueEnum)]
pub enum InputShape {
    /// The library's case format (the default).
    #[default]
    Case,
    /// tier-to-delius `tier-details` documents, each carrying a `crn` member; needs `--on`. The cases hold
    /// placeholders for what the document lacks, so they are tiered without the case format's validation.
    TierDetails,
    /// community-api bundles `{"offender", "convictions", "registrations", "contacts", "nsis"}`.
    CommunityApi,
    /// HMPPS Integration API bundles `{"crn", "caseDetails", "supervisions", "registrations"}`. The shape holds no
    /// requirements, so these cases are not put through the case format's validation either.
    IntegrationApi,
}

/// Streams the cases of `file` read as `from`: each line's case (decoded, mapped and — except for tier-details —
/// validated) or its error line. `on` is the calculation date tier-details needs.
pub fn each_case(
    file: &Path,
    from: InputShape,
    on: Option<NaiveDate>,
    mut f: impl FnMut(usize, Result<Case, serde_json::Value>) -> Result<(), CliError>,
) -> Result<(), CliError> {
    if from == InputShape::Case {
        for line in read_jsonl(open_input(file)?) {
            f(line.number, checked_case(line.number, line.case)?)?;
        }
        return Ok(());
    }
    each_record(file, from, on, |number, mapped| {
        let result = match mapped {
            Err(v) => Err(v),
            // tier-details and the Integration API hold no requirements (and tier-details no dates or lengths):
            // their cases are partial, so the case format's validation is not applied; the mapping's own
            // checks are.
            Ok(case) if matches!(from, InputShape::TierDetails | InputShape::IntegrationApi) => {
                Ok(case)
            }
            Ok(case) => checked_case(number, Ok(case))?,
        };
        f(number, result)
    })
}

/// Streams the records of `file` read as `from` (a record shape, not the case format): each line's mapped case,
/// not validated, or its error line (the mapping's kind, field path and message). `on` is the calculation date
/// tier-details needs. `validate --from` and `dates --from` validate the mapped cases themselves.
pub fn each_record(
    file: &Path,
    from: InputShape,
    on: Option<NaiveDate>,
    mut f: impl FnMut(usize, Result<Case, serde_json::Value>) -> Result<(), CliError>,
) -> Result<(), CliError> {
    use probation_core::records;
    let input = open_input(file)?;
    let mut number = 0usize;
    for line in input.split(b'\n') {
        let line = line?;
        number += 1;
        let Ok(text) = std::str::from_utf8(&line).map(str::trim) else {
            f(
                number,
                Err(error_line(number, "decode", "", "input is not valid utf-8")),
            )?;
            continue;
        };
        if text.is_empty() {
            continue;
        }
        let mapped = match (from, on) {
            (InputShape::Case, _) => {
                return Err(CliError("the case format is not a record shape".to_owned()));
            }
            (InputShape::TierDetails, None) => {
                f(
                    number,
                    Err(error_line(number, "no_date", "", "tier-details needs --on")),
                )?;
                continue;
            }
            (InputShape::TierDetails, Some(on)) => records::tier_details_line_to_case(text, on),
            (InputShape::CommunityApi, _) => records::community_api_to_case(text),
            (InputShape::IntegrationApi, _) => records::integration_api_to_case(text),
        };
        f(
            number,
            mapped.map_err(|e| error_line(number, e.kind(), e.path(), &e.to_string())),
        )?;
    }
    Ok(())
}

/// What one case came to in a per-case subcommand: its output line, or an error line.
pub type CaseLine = Result<serde_json::Value, serde_json::Value>;

/// The loop `allocate` and `tier` share: stream the cases of `file`, decode and validate each (an invalid case is
/// an error line), take the decision date (`on`, else the case's newest sentence date; a case with neither is an
/// error line), and write what `f` makes of the case on that date. Returns the cases read and the error lines.
pub fn each_dated_case(
    file: &Path,
    from: InputShape,
    on: Option<NaiveDate>,
    mut f: impl FnMut(usize, &Case, NaiveDate) -> CaseLine,
) -> Result<(usize, usize), CliError> {
    let mut out = open_output(Path::new("-"))?;
    let (mut total, mut errors) = (0usize, 0usize);
    each_case(file, from, on, |number, case| {
        total += 1;
        let result = case.and_then(|case| probation_core::lines::dated(number, &case, on, &mut f));
        let value = result.unwrap_or_else(|v| {
            errors += 1;
            v
        });
        write_json_line(&mut *out, &value)
    })?;
    out.flush()?;
    Ok((total, errors))
}
