//! The side-by-side review report as one self-contained HTML page (inline CSS and script,
//! nothing fetched, works from a `file://` URL): the header of each version, a summary by
//! finding code and by version linking to the rows, filters by code, version and severity, and
//! the aligned table (pivot first, then the UN order), footnotes as their own rows, the rows
//! with findings highlighted by severity and the differing figure, label or footnote marker
//! marked inside the cell.
//!
//! # DOM contract
//!
//! Tests and other tools rely on these, and they appear nowhere else in the page:
//!
//! * each aligned row is one element (`<tr>`) with `data-row="<row number>"` (1-based, as in
//!   JSON and CSV) and `id="row-<row number>"`;
//! * each finding is one element with `data-code="<code>"` (as many as the JSON has findings),
//!   with `data-severity`, `data-langs` (space-separated codes of the deviating versions) and,
//!   when it has a row, `data-in-row`.
//!
//! The page reads its filters from the URL fragment on load and when it changes:
//! `report.html#code=number-mismatch&lang=zh&severity=error` (any of the three). A filtered-out
//! finding and a row with no finding left get the `hidden` attribute, so that `--dump-dom`
//! shows what a reader sees. The page records how long it took in `data-ready-ms` and
//! `data-filter-ms` on `<html>` (for `scripts/html-bench`).
//!
//! All document text goes through [`escape`]: a `<script>` in a document shows as text.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::align::Alignment;
use crate::check::{Code, Finding, Severity};
use crate::export::column_order;
use crate::export::marks::{CellText, Mark, cell_text, marks};
use crate::model::{Document, Language};

const STYLE: &str = include_str!("html.css");
const SCRIPT: &str = include_str!("html.js");

/// `text` with `&`, `<`, `>`, `"` and `'` written as character references, safe inside an
/// element and inside a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Append `text` to `out`, escaped as [`escape`] does.
fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// The attributes of a cell or header in `lang`: `lang`, and `dir="rtl"` for Arabic.
fn lang_attributes(lang: Language) -> String {
    if lang == Language::Ar {
        r#" lang="ar" dir="rtl""#.to_string()
    } else {
        format!(r#" lang="{}""#, lang.code())
    }
}

fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Write the page.
pub(crate) fn write_html<W: Write>(
    out: &mut W,
    docs: &[Document],
    alignment: &Alignment,
    findings: &[Finding],
) -> io::Result<()> {
    let order = column_order(alignment);
    let mut page = String::with_capacity(4096 + alignment.rows.len() * 2048);
    let pivot = &docs[alignment.pivot];
    let title = pivot.header.symbol.as_deref().unwrap_or(&pivot.file);
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(page, "<title>versalign check: {}</title>", escape(title));
    let _ = writeln!(page, "<style>\n{STYLE}</style>\n</head>\n<body>");
    let _ = writeln!(
        page,
        "<header>\n<h1>versalign check: {}</h1>\n<p class=\"totals\">{} rows, {}</p>",
        escape(title),
        alignment.rows.len(),
        escape(&crate::export::report::summary_line(findings))
    );
    write_versions(&mut page, docs, alignment, &order);
    page.push_str("</header>\n");
    write_summary(&mut page, docs, &order, findings);
    write_filters(&mut page, docs, &order, findings);
    write_document_findings(&mut page, findings);
    write_table(&mut page, docs, alignment, &order, findings);
    let _ = write!(page, "<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
    out.write_all(page.as_bytes())
}

/// The table of versions: language, file and header fields.
fn write_versions(page: &mut String, docs: &[Document], alignment: &Alignment, order: &[usize]) {
    page.push_str("<table class=\"versions\">\n<thead><tr><th>version</th><th>file</th><th>symbol</th><th>original</th><th>job number</th><th>date</th></tr></thead>\n<tbody>\n");
    for &v in order {
        let d = &docs[v];
        let h = &d.header;
        let field = |s: Option<&str>| s.map_or_else(|| "—".to_string(), escape);
        let role = if v == alignment.pivot { " (pivot)" } else { "" };
        let _ = writeln!(
            page,
            "<tr><td>{} {}{role}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            d.language.code(),
            d.language.name(),
            escape(&d.file),
            field(h.symbol.as_deref()),
            field(h.original_language.map(Language::code)),
            field(h.job_number.as_deref()),
            field(h.date.as_deref()),
        );
    }
    page.push_str("</tbody>\n</table>\n");
}

/// Links to the rows of findings: `#row-12`.
fn row_links(rows: impl Iterator<Item = usize>) -> String {
    let mut rows: Vec<usize> = rows.collect();
    rows.sort_unstable();
    rows.dedup();
    rows.iter()
        .map(|r| format!("<a href=\"#row-{r}\">{r}</a>"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The summary: findings by code and by version, each linking to a filter and to its rows.
fn write_summary(page: &mut String, docs: &[Document], order: &[usize], findings: &[Finding]) {
    page.push_str("<section class=\"summary\">\n<div>\n<h2>By finding</h2>\n<table>\n");
    for code in Code::ALL {
        let group: Vec<&Finding> = findings.iter().filter(|f| f.code == code).collect();
        if group.is_empty() {
            continue;
        }
        let severity = if group.iter().any(|f| f.severity == Severity::Error) {
            "error"
        } else {
            "warning"
        };
        let _ = writeln!(
            page,
            "<tr class=\"{severity}\"><td><a href=\"#code={c}\">{c}</a></td><td class=\"count\">{}</td><td>{}</td></tr>",
            group.len(),
            row_links(group.iter().filter_map(|f| f.row)),
            c = code.as_str(),
        );
    }
    page.push_str("</table>\n</div>\n<div>\n<h2>By version</h2>\n<table>\n");
    for &v in order {
        let lang = docs[v].language;
        let group: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.languages.contains(&lang))
            .collect();
        let _ = writeln!(
            page,
            "<tr><td><a href=\"#lang={l}\">{l} {}</a></td><td class=\"count\">{}</td><td>{}</td></tr>",
            lang.name(),
            group.len(),
            row_links(group.iter().filter_map(|f| f.row)),
            l = lang.code(),
        );
    }
    page.push_str("</table>\n</div>\n</section>\n");
}

/// The filter controls (the script keeps them and the URL fragment in step).
fn write_filters(page: &mut String, docs: &[Document], order: &[usize], findings: &[Finding]) {
    page.push_str("<form class=\"filters\" id=\"filters\">\n<label>finding <select name=\"code\"><option value=\"\">all</option>");
    for code in Code::ALL {
        let n = findings.iter().filter(|f| f.code == code).count();
        if n > 0 {
            let _ = write!(
                page,
                "<option value=\"{c}\">{c} ({n})</option>",
                c = code.as_str()
            );
        }
    }
    page.push_str(
        "</select></label>\n<label>version <select name=\"lang\"><option value=\"\">all</option>",
    );
    for &v in order {
        let lang = docs[v].language;
        let _ = write!(
            page,
            "<option value=\"{}\">{}</option>",
            lang.code(),
            lang.name()
        );
    }
    page.push_str("</select></label>\n<label>severity <select name=\"severity\"><option value=\"\">all</option><option value=\"error\">error</option><option value=\"warning\">warning</option></select></label>\n");
    page.push_str("<button type=\"reset\">show all rows</button> <span class=\"shown\" aria-live=\"polite\"></span>\n</form>\n");
}

/// One finding element (the only elements with `data-code`).
fn push_finding(page: &mut String, f: &Finding, tag: &str) {
    let langs: Vec<&str> = f.languages.iter().map(|l| l.code()).collect();
    let in_row = f
        .row
        .map(|r| format!(" data-in-row=\"{r}\""))
        .unwrap_or_default();
    let sev = severity_name(f.severity);
    let _ = write!(
        page,
        "<{tag} class=\"finding {sev}\" data-code=\"{code}\" data-severity=\"{sev}\" data-langs=\"{langs}\"{in_row}><b>{code}</b> <span class=\"who\">{langs}</span> ",
        code = f.code.as_str(),
        langs = langs.join(" "),
    );
    push_escaped(page, &f.message);
    let _ = write!(page, "</{tag}>");
}

/// Findings about the documents as a whole (no row): the headers.
fn write_document_findings(page: &mut String, findings: &[Finding]) {
    let general: Vec<&Finding> = findings.iter().filter(|f| f.row.is_none()).collect();
    if general.is_empty() {
        return;
    }
    page.push_str("<section class=\"general\">\n<h2>Whole document</h2>\n<ul>\n");
    for f in general {
        push_finding(page, f, "li");
        page.push('\n');
    }
    page.push_str("</ul>\n</section>\n");
}

/// The aligned table.
fn write_table(
    page: &mut String,
    docs: &[Document],
    alignment: &Alignment,
    order: &[usize],
    findings: &[Finding],
) {
    let mut by_row: BTreeMap<usize, Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        if let Some(r) = f.row {
            by_row.entry(r).or_default().push(f);
        }
    }
    page.push_str("<table class=\"aligned\" id=\"aligned\">\n<thead><tr><th class=\"n\">row</th>");
    for &v in order {
        let lang = docs[v].language;
        let role = if v == alignment.pivot { " (pivot)" } else { "" };
        let _ = write!(
            page,
            "<th{}>{} {}{role}</th>",
            lang_attributes(lang),
            lang.code(),
            lang.name()
        );
    }
    page.push_str("<th class=\"findings\">findings</th></tr></thead>\n<tbody>\n");
    for number in 1..=alignment.rows.len() {
        let row_findings = by_row.get(&number).map(Vec::as_slice).unwrap_or_default();
        write_row(page, docs, alignment, order, number, row_findings);
    }
    page.push_str("</tbody>\n</table>\n");
}

/// The severity of the worst of `findings`.
fn worst(findings: &[&Finding]) -> Option<Severity> {
    findings.iter().map(|f| f.severity).min()
}

/// One aligned row: its number and kind, a cell per version, its findings.
fn write_row(
    page: &mut String,
    docs: &[Document],
    alignment: &Alignment,
    order: &[usize],
    number: usize,
    findings: &[&Finding],
) {
    let row = &alignment.rows[number - 1];
    let mut classes = vec![if row.is_footnote() { "note" } else { "body" }];
    if let Some(s) = worst(findings) {
        classes.push(severity_name(s));
    }
    let _ = write!(
        page,
        "<tr id=\"row-{number}\" data-row=\"{number}\" class=\"{}\"><td class=\"n\">{number}<small>{}",
        classes.join(" "),
        row.kind.as_str()
    );
    if let Some(label) = &row.label {
        page.push(' ');
        push_escaped(page, label);
    }
    page.push_str("</small></td>");
    let placed: Vec<(usize, Mark, Severity, Code)> = findings
        .iter()
        .flat_map(|f| {
            marks(docs, alignment, f)
                .into_iter()
                .map(move |(v, m)| (v, m, f.severity, f.code))
        })
        .collect();
    for &v in order {
        let lang = docs[v].language;
        let concerned: Vec<&&Finding> = findings
            .iter()
            .filter(|f| f.languages.contains(&lang))
            .collect();
        let mut class = String::new();
        if let Some(s) = concerned.iter().map(|f| f.severity).min() {
            let _ = write!(class, " class=\"dev {}\"", severity_name(s));
        }
        let _ = write!(page, "<td{}{class}>", lang_attributes(lang));
        match cell_text(docs, alignment, row, v) {
            Some(cell) => {
                let cell_marks: Vec<(&Mark, Severity, Code)> = placed
                    .iter()
                    .filter(|(w, ..)| *w == v)
                    .map(|(_, m, s, c)| (m, *s, *c))
                    .collect();
                push_cell(page, &cell, &cell_marks);
            }
            None => page.push_str("<span class=\"none\">—</span>"),
        }
        page.push_str("</td>");
    }
    page.push_str("<td class=\"findings\">");
    for f in findings {
        push_finding(page, f, "p");
    }
    page.push_str("</td></tr>\n");
}

/// A cell's text, escaped, with its line breaks, its footnote markers as superscripts and the
/// places findings are about marked (`<mark>` for text, a marked superscript for a marker).
fn push_cell(page: &mut String, cell: &CellText, cell_marks: &[(&Mark, Severity, Code)]) {
    let mut spans: Vec<(usize, usize, Severity, Code)> = cell_marks
        .iter()
        .filter_map(|(m, s, c)| match m {
            Mark::Span(r) => Some((r.start, r.end, *s, *c)),
            Mark::Marker(_) => None,
        })
        .filter(|(a, b, ..)| {
            a < b && cell.text.is_char_boundary(*a) && cell.text.is_char_boundary(*b)
        })
        .collect();
    spans.sort_by_key(|&(a, b, s, _)| (a, s, std::cmp::Reverse(b)));
    let mut kept: Vec<(usize, usize, Severity, Code)> = Vec::new();
    for s in spans {
        if kept.last().is_none_or(|k| s.0 >= k.1) {
            kept.push(s);
        }
    }
    let marked_marker = |i: usize| {
        cell_marks
            .iter()
            .filter(|(m, ..)| **m == Mark::Marker(i))
            .map(|(_, s, c)| (*s, *c))
            .min()
    };
    // Events in text order; at one offset a span closes, then a marker stands, then a span opens.
    enum Event {
        Close,
        Marker(usize),
        Open(Severity, Code),
    }
    let mut events: Vec<(usize, u8, Event)> = Vec::new();
    for (a, b, s, c) in kept {
        events.push((a, 2, Event::Open(s, c)));
        events.push((b, 0, Event::Close));
    }
    for (i, (offset, _)) in cell.markers.iter().enumerate() {
        if *offset <= cell.text.len() && cell.text.is_char_boundary(*offset) {
            events.push((*offset, 1, Event::Marker(i)));
        }
    }
    events.sort_by_key(|(at, rank, _)| (*at, *rank));
    let mut at = 0;
    for (cut, _, event) in events {
        push_text(page, &cell.text[at..cut]);
        at = cut;
        match event {
            Event::Close => page.push_str("</mark>"),
            Event::Open(s, c) => {
                let _ = write!(
                    page,
                    "<mark class=\"hl {}\" title=\"{}\">",
                    severity_name(s),
                    c.as_str()
                );
            }
            Event::Marker(i) => {
                match marked_marker(i) {
                    Some((s, c)) => {
                        let _ = write!(
                            page,
                            "<sup class=\"fn hl {}\" title=\"{}\">",
                            severity_name(s),
                            c.as_str()
                        );
                    }
                    None => page.push_str("<sup class=\"fn\">"),
                }
                push_escaped(page, &cell.markers[i].1);
                page.push_str("</sup>");
            }
        }
    }
    push_text(page, &cell.text[at..]);
}

/// Escaped text with line breaks as `<br>`.
fn push_text(page: &mut String, text: &str) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            page.push_str("<br>");
        }
        push_escaped(page, line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Comparison, Options, Source};

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape(r#"a & "b" 'c'"#),
            "a &amp; &quot;b&quot; &#39;c&#39;"
        );
        assert_eq!(escape("大会 ٢٠١١"), "大会 ٢٠١١");
    }

    fn cell(text: &str, markers: &[(usize, &str)]) -> CellText {
        CellText {
            text: text.to_string(),
            markers: markers.iter().map(|(o, m)| (*o, m.to_string())).collect(),
            anchors: Vec::new(),
            label: None,
        }
    }

    #[test]
    fn cells_mark_spans_and_markers_and_escape_the_rest() {
        let mut page = String::new();
        let span = Mark::Span(3..5);
        let marker = Mark::Marker(0);
        push_cell(
            &mut page,
            &cell("<a>12 b\nc", &[(7, "2")]),
            &[
                (&span, Severity::Error, Code::NumberMismatch),
                (&marker, Severity::Warning, Code::FootnoteOrphan),
            ],
        );
        assert_eq!(
            page,
            "&lt;a&gt;<mark class=\"hl error\" title=\"number-mismatch\">12</mark> b\
             <sup class=\"fn hl warning\" title=\"footnote-orphan\">2</sup><br>c"
        );
    }

    #[test]
    fn a_marker_at_the_end_of_a_span_follows_it() {
        let mut page = String::new();
        let span = Mark::Span(0..2);
        push_cell(
            &mut page,
            &cell("ab", &[(2, "1")]),
            &[(&span, Severity::Error, Code::NumberMismatch)],
        );
        assert_eq!(
            page,
            "<mark class=\"hl error\" title=\"number-mismatch\">ab</mark><sup class=\"fn\">1</sup>"
        );
    }

    #[test]
    fn the_page_has_one_element_per_row_and_finding() {
        let en = "1. The Assembly met on 3 May 2011 <script>alert(1)</script>.\n\n2. It adopted 12 resolutions.\n";
        let fr = "1. L'Assemblée s'est réunie le 3 mai 2011.\n\n2. Elle a adopté 13 résolutions.\n";
        let c = Comparison::run(
            vec![Source::text("en.txt", en), Source::text("fr.txt", fr)],
            &Options::default(),
        )
        .unwrap();
        let mut out = Vec::new();
        write_html(&mut out, &c.documents, &c.alignment, &c.findings).unwrap();
        let page = String::from_utf8(out).unwrap();
        assert_eq!(page.matches("data-row=").count(), c.alignment.rows.len());
        assert_eq!(page.matches("data-code=").count(), c.findings.len());
        assert!(
            page.contains("&lt;script&gt;alert("),
            "document markup shows as text"
        );
        assert!(page.contains("&lt;/script&gt;"));
        assert_eq!(
            page.matches("<script>").count(),
            1,
            "only the page's own script"
        );
        assert!(page.contains("<mark class=\"hl error\" title=\"number-mismatch\">13</mark>"));
    }
}
