//! Versions of different documents: a version whose header symbol differs from the others', that
//! shares almost no row with them, or that differs from them in most of its rows, is one `document-mismatch` error naming it, and the
//! findings about it are folded into that error instead of filling the report.

use super::{Code, Context, Finding, Severity};

/// Below this share of rows shared with another version (of the rows either has), two versions
/// are not taken for the same document.
const MIN_SHARED: f64 = 0.5;

/// Above this share of its rows with findings, a version is taken for another document.
const MAX_FAULTED: f64 = 0.5;

/// Fewest rows with findings for that test: short texts (a few sentences) are left alone.
const MIN_FAULTED_ROWS: usize = 10;

/// Fewest body rows for the shared-rows test: a short text aligns poorly for other reasons.
const MIN_ROWS: usize = 4;

/// The `document-mismatch` error for each version that belongs to another document, with the
/// findings about that version (already in `findings`) folded into it.
pub(super) fn document_mismatches(cx: &Context, findings: &mut Vec<Finding>) {
    let mut odd = odd_versions(cx);
    for (v, share) in mostly_faulted(cx, findings) {
        if !odd.iter().any(|(w, _)| *w == v) {
            odd.push((
                v,
                format!("{:.0} % of its rows differ from the others", share * 100.0),
            ));
        }
    }
    if odd.is_empty() {
        return;
    }
    let mut folded: Vec<Vec<Finding>> = vec![Vec::new(); odd.len()];
    let mut kept = Vec::with_capacity(findings.len());
    for f in findings.drain(..) {
        let about = odd
            .iter()
            .position(|(v, _)| f.languages.contains(&cx.lang(*v)));
        match about {
            Some(i) => folded[i].push(f),
            None => kept.push(f),
        }
    }
    for ((v, why), related) in odd.into_iter().zip(folded) {
        let lines: Vec<(usize, usize)> = [v, cx.pivot()]
            .iter()
            .filter_map(|&w| {
                let line = cx.docs[w].header.field_lines.get("symbol").copied();
                line.or_else(|| cx.docs[w].blocks.first().map(|b| b.line))
                    .map(|l| (w, l))
            })
            .collect();
        let mut finding = cx.finding(
            Code::DocumentMismatch,
            Severity::Error,
            &[v],
            None,
            &lines,
            format!(
                "{} ({}) is not a version of the same document: {why}; {} other finding{} about it left out of the report",
                cx.lang(v),
                cx.docs[v].file,
                related.len(),
                if related.len() == 1 { "" } else { "s" }
            ),
        );
        finding.related = related;
        kept.push(finding);
    }
    *findings = kept;
}

/// The versions that belong to another document, each with the reason in words.
fn odd_versions(cx: &Context) -> Vec<(usize, String)> {
    let symbol = |v: usize| {
        cx.docs[v]
            .header
            .symbol
            .as_deref()
            .map(|s| s.replace(' ', "").to_uppercase())
    };
    let with_symbol: Vec<usize> = cx.versions().filter(|&v| symbol(v).is_some()).collect();
    let by_symbol = cx.deviants(&with_symbol, |a, b| symbol(a) != symbol(b));
    let reference = cx.reference(&with_symbol, &by_symbol);
    let mut odd: Vec<(usize, String)> = by_symbol
        .iter()
        .map(|&v| {
            let theirs = reference.and_then(|r| cx.docs[r].header.symbol.clone());
            (
                v,
                format!(
                    "its symbol is {} where {} has {}",
                    cx.docs[v].header.symbol.as_deref().unwrap_or("-"),
                    reference.map_or("the pivot", |r| cx.lang(r).code()),
                    theirs.as_deref().unwrap_or("-")
                ),
            )
        })
        .collect();
    let candidates: Vec<usize> = cx.versions().collect();
    let apart = cx.deviants(&candidates, |a, b| shared_share(cx, a, b) < MIN_SHARED);
    let reference = cx.reference(&candidates, &apart);
    for v in apart {
        if odd.iter().any(|(w, _)| *w == v) {
            continue;
        }
        let share = reference.map_or(0.0, |r| shared_share(cx, v, r));
        odd.push((
            v,
            format!(
                "only {:.0} % of its rows align with {}",
                share * 100.0,
                reference.map_or("the others", |r| cx.lang(r).code())
            ),
        ));
    }
    odd
}

/// The versions with findings in more than half of the body rows they have a unit in (and at
/// least [`MIN_FAULTED_ROWS`] such rows) while no other version has a third as many, with that
/// share: one translation with that many faults where the others agree is another text, as when
/// the folder holds a version of another document. With two versions
/// neither is singled out this way: which one is the other document cannot be told.
fn mostly_faulted(cx: &Context, findings: &[Finding]) -> Vec<(usize, f64)> {
    if cx.docs.len() < 3 {
        return Vec::new();
    }
    let shares: Vec<(usize, usize, f64)> = cx
        .versions()
        .map(|v| {
            let lang = cx.lang(v);
            let rows: Vec<usize> = cx
                .body_rows()
                .filter(|(_, row)| row.cells[v].is_some())
                .map(|(r, _)| r + 1)
                .collect();
            let faulted = rows
                .iter()
                .filter(|&&r| {
                    findings
                        .iter()
                        .any(|f| f.row == Some(r) && f.languages.contains(&lang))
                })
                .count();
            (v, faulted, faulted as f64 / rows.len().max(1) as f64)
        })
        .collect();
    shares
        .iter()
        .filter(|&&(v, faulted, share)| {
            // The others must agree among themselves: where every version is as faulted, the
            // text is hard to align (fragments, tables), not a version of another document.
            let others_worst = shares
                .iter()
                .filter(|&&(w, _, _)| w != v)
                .map(|&(_, _, s)| s)
                .fold(0.0, f64::max);
            faulted >= MIN_FAULTED_ROWS && share > MAX_FAULTED && others_worst * 3.0 < share
        })
        .map(|&(v, _, share)| (v, share))
        .collect()
}

/// Of the body rows where version `a` or `b` has a unit, the share where both have one (1 when
/// there are too few rows to tell).
fn shared_share(cx: &Context, a: usize, b: usize) -> f64 {
    let (mut either, mut both) = (0usize, 0usize);
    for (_, row) in cx.body_rows() {
        let (x, y) = (row.cells[a].is_some(), row.cells[b].is_some());
        either += usize::from(x || y);
        both += usize::from(x && y);
    }
    if either < MIN_ROWS {
        1.0
    } else {
        both as f64 / either as f64
    }
}
