//! `index.html` of a batch output folder: one self-contained page with a row per document of
//! `summary.csv` (symbol, languages, rows, errors, warnings, status, message) linking the
//! document's outputs found in the folder — its report first where one was written, else its
//! table — with totals on top; a click on a column heading sorts by that column.

use std::fmt::Write as _;
use std::path::Path;

use crate::batch::naming::output_name;
use crate::batch::{BatchError, csv_io, write_atomically};
use crate::export::Format;
use crate::export::html::escape;

/// One document of the summary, with the outputs found for it.
struct Entry {
    symbol: String,
    languages: String,
    rows: u64,
    errors: u64,
    warnings: u64,
    status: String,
    message: String,
    /// Its outputs as (extension, file name), the one to open first leading.
    outputs: Vec<(&'static str, String)>,
}

/// The order in which a document's files are offered: the report, the tables, the data files.
/// A format this list does not name (a report format added later) comes first.
const LINK_ORDER: [Format; 6] = [
    Format::Report,
    Format::Xlsx,
    Format::Csv,
    Format::Tsv,
    Format::Json,
    Format::Tmx,
];

fn link_rank(format: Format) -> usize {
    LINK_ORDER
        .iter()
        .position(|&f| f == format)
        .map_or(0, |p| p + 1)
}

/// Write `index<suffix>.html` in `out` from `summary<suffix>.csv` and the outputs in `out`.
pub(crate) fn write_index(out: &Path, scratch: &Path, suffix: &str) -> Result<(), BatchError> {
    let summary = out.join(format!("summary{suffix}.csv"));
    let mut reader = csv::Reader::from_path(&summary).map_err(|e| csv_io(&summary, e))?;
    let mut formats: Vec<Format> = Format::ALL.iter().map(|&(_, f)| f).collect();
    formats.sort_by_key(|&f| link_rank(f));
    let mut entries = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_io(&summary, e))?;
        let field = |k: usize| record.get(k).unwrap_or_default().to_string();
        let count = |k: usize| field(k).parse().unwrap_or(0);
        let name = output_name(&field(0));
        let outputs = formats
            .iter()
            .map(|f| (f.extension(), format!("{name}.{}", f.extension())))
            .filter(|(_, file)| out.join(file).is_file())
            .collect();
        entries.push(Entry {
            symbol: field(0),
            languages: field(1),
            rows: count(4),
            errors: count(5),
            warnings: count(6),
            status: field(7),
            message: field(8),
            outputs,
        });
    }
    let page = render(&entries);
    write_atomically(
        scratch,
        out,
        &format!("index{suffix}.html"),
        page.as_bytes(),
    )
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:1.5em}\
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top}\
th{background:#eee;cursor:pointer;user-select:none}td.n{text-align:right}\
tr.failed td{background:#fde2e1}tr.errors td.e{background:#ffc7ce}tr.warnings td.w{background:#ffeb9c}";

/// Sorts the table by the clicked column (numbers as numbers), again to reverse.
const SCRIPT: &str = "document.querySelectorAll('th').forEach((th,i)=>th.addEventListener('click',()=>{\
const body=th.closest('table').tBodies[0];const rows=[...body.rows];\
const up=th.dataset.up!=='1';th.dataset.up=up?'1':'0';\
const key=r=>{const t=r.cells[i].textContent.trim();const n=Number(t);return t!==''&&!isNaN(n)?n:t;};\
rows.sort((a,b)=>{const x=key(a),y=key(b);const c=typeof x==='number'&&typeof y==='number'?x-y:String(x).localeCompare(String(y));return up?c:-c;});\
rows.forEach(r=>body.appendChild(r));}));";

fn render(entries: &[Entry]) -> String {
    let total = |f: fn(&Entry) -> u64| entries.iter().map(f).sum::<u64>();
    let failed = entries.iter().filter(|e| e.status == "failed").count();
    let mut page = String::new();
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<title>versalign batch</title>\n");
    let _ = writeln!(page, "<style>{STYLE}</style>\n</head>\n<body>");
    let _ = writeln!(
        page,
        "<h1>versalign batch</h1>\n<p id=\"totals\">{} documents, {} rows, {} errors, {} warnings, {failed} failed</p>",
        entries.len(),
        total(|e| e.rows),
        total(|e| e.errors),
        total(|e| e.warnings),
    );
    page.push_str("<table>\n<thead><tr><th>symbol</th><th>languages</th><th>rows</th>");
    page.push_str("<th>errors</th><th>warnings</th><th>status</th><th>message</th>");
    page.push_str("<th>outputs</th></tr></thead>\n<tbody>\n");
    for e in entries {
        let class = if e.status == "failed" {
            "failed"
        } else if e.errors > 0 {
            "errors"
        } else if e.warnings > 0 {
            "warnings"
        } else {
            ""
        };
        let symbol = match e.outputs.first() {
            Some((_, file)) => format!("<a href=\"{}\">{}</a>", href(file), escape(&e.symbol)),
            None => escape(&e.symbol),
        };
        let links: Vec<String> = e
            .outputs
            .iter()
            .map(|(ext, file)| format!("<a href=\"{}\">{ext}</a>", href(file)))
            .collect();
        let _ = writeln!(
            page,
            "<tr class=\"{class}\" data-symbol=\"{}\"><td>{symbol}</td><td>{}</td>\
             <td class=\"n r\">{}</td><td class=\"n e\">{}</td><td class=\"n w\">{}</td>\
             <td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&e.symbol),
            escape(&e.languages),
            e.rows,
            e.errors,
            e.warnings,
            escape(&e.status),
            escape(&e.message),
            links.join(" "),
        );
    }
    let _ = writeln!(
        page,
        "</tbody>\n</table>\n<script>{SCRIPT}</script>\n</body>\n</html>"
    );
    page
}

/// A relative link to a file of the folder: output names are ASCII letters, digits, `.`, `-`,
/// `_`, `~` and `%XX`, of which only `%` needs escaping in a URL.
fn href(file: &str) -> String {
    escape(&file.replace('%', "%25"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_links_are_relative() {
        let page = render(&[Entry {
            symbol: "A/RES/<b>".into(),
            languages: "en;fr".into(),
            rows: 3,
            errors: 1,
            warnings: 0,
            status: "ok".into(),
            message: "\"x\" & y".into(),
            outputs: vec![("csv", "A_RES_%3Cb%3E~1.csv".into())],
        }]);
        assert!(page.contains("A/RES/&lt;b&gt;"));
        assert!(page.contains("&quot;x&quot; &amp; y"));
        assert!(page.contains("href=\"A_RES_%253Cb%253E~1.csv\""));
        assert!(page.contains("1 documents, 3 rows, 1 errors, 0 warnings, 0 failed"));
        assert!(!page.contains("<b>"));
    }
}
