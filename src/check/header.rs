//! The headers: symbol, date and original language must be the same in every version.

use super::{Code, Context, Finding, Severity};
use crate::model::Document;

/// Symbol, date or original language that differ between the headers.
pub(super) fn header_mismatches(cx: &Context, out: &mut Vec<Finding>) {
    type Getter = fn(&Document) -> Option<String>;
    let fields: [(&str, &str, Getter); 3] = [
        ("symbol", "symbol", |d| d.header.symbol.clone()),
        ("date", "date", |d| d.header.date.clone()),
        ("original_language", "original language", |d| {
            d.header.original_language.map(|l| l.to_string())
        }),
    ];
    for (field, name, get) in fields {
        let values: Vec<(usize, String)> = cx
            .versions()
            .filter_map(|v| Some((v, get(&cx.docs[v])?)))
            .collect();
        let candidates: Vec<usize> = values.iter().map(|(v, _)| *v).collect();
        let value = |v: usize| {
            values
                .iter()
                .find(|(w, _)| *w == v)
                .map(|(_, s)| s.as_str())
        };
        let deviating = cx.deviants(&candidates, |a, b| value(a) != value(b));
        let Some(reference) = cx.reference(&candidates, &deviating) else {
            continue;
        };
        for &v in &deviating {
            let line = |w: usize| cx.docs[w].header.field_lines.get(field).map(|&l| (w, l));
            let lines: Vec<(usize, usize)> =
                [line(v), line(reference)].into_iter().flatten().collect();
            out.push(cx.finding(
                Code::HeaderMismatch,
                Severity::Error,
                &[v],
                None,
                &lines,
                format!(
                    "header {name} is {} in {} but {} in {}",
                    value(v).unwrap_or("-"),
                    cx.lang(v),
                    value(reference).unwrap_or("-"),
                    cx.lang(reference)
                ),
            ));
        }
    }
}
