//! Footnotes: each marker on the same unit in every version, every marker with a body and every
//! body with a marker.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Anomalies, Code, Context, Finding, Severity, describe, report_anomalies};

/// The rows of one version whose units carry a footnote's marker, with how often each does.
type Placement = BTreeMap<usize, usize>;

/// Where a version lost a footnote's marker: (version, row of its footnote body) → index of
/// the `footnote-ref-missing` finding in the findings.
pub(super) type LostMarkers = HashMap<(usize, usize), usize>;

/// Footnote markers missing from, or moved away from, the unit that carries them elsewhere.
/// Returns where markers went missing, for [`footnote_bodies`] to fold the bodies they leave
/// unreferenced into.
pub(super) fn footnote_references(cx: &Context, out: &mut Vec<Finding>) -> LostMarkers {
    let mut lost = LostMarkers::new();
    let placed = marker_placements(cx);
    let identities: BTreeSet<String> = placed.iter().flat_map(|m| m.keys().cloned()).collect();
    let rows = &cx.alignment.rows;
    for identity in &identities {
        let rows_of = |v: usize| placed[v].get(identity).cloned().unwrap_or_default();
        let candidates: Vec<usize> = cx.versions().collect();
        let deviating = cx.deviants(&candidates, |a, b| rows_of(a) != rows_of(b));
        let Some(reference) = cx.reference(&candidates, &deviating) else {
            continue;
        };
        let expected = rows_of(reference);
        let note = identity
            .strip_prefix("note row ")
            .and_then(|nr| rows[nr.parse::<usize>().ok()?].label.clone())
            .or_else(|| identity.strip_prefix("marker ").map(str::to_string))
            .unwrap_or_default();
        let note_row = identity
            .strip_prefix("note row ")
            .and_then(|nr| nr.parse::<usize>().ok());
        for &v in &deviating {
            let before = out.len();
            let places = MarkerPlaces {
                cx,
                note: &note,
                reference,
                expected: &expected,
                v,
                got: rows_of(v),
            };
            places.report(out);
            let first_missing =
                (before..out.len()).find(|&i| out[i].code == Code::FootnoteRefMissing);
            if let (Some(nr), Some(i)) = (note_row, first_missing) {
                lost.insert((v, nr), i);
            }
        }
    }
    lost
}

/// For each version: each footnote (by identity) and the rows whose units carry its marker.
///
/// A marker is identified by the footnote row of its body in that version; a marker whose body
/// is missing, by the row of another version's body with the same marker (pivot first), and
/// a marker no version has a body for, by the marker itself.
fn marker_placements(cx: &Context) -> Vec<BTreeMap<String, Placement>> {
    let mut row_of_marker: HashMap<&str, usize> = HashMap::new();
    for v in std::iter::once(cx.pivot()).chain(cx.versions()) {
        for (i, f) in cx.docs[v].footnotes.iter().enumerate() {
            if let Some(&r) = cx.note_row_of[v].get(&i) {
                row_of_marker.entry(f.marker.as_str()).or_insert(r);
            }
        }
    }
    let mut placed: Vec<BTreeMap<String, Placement>> = vec![BTreeMap::new(); cx.docs.len()];
    for v in cx.versions() {
        let doc = &cx.docs[v];
        let own: HashMap<&str, usize> = doc
            .footnotes
            .iter()
            .enumerate()
            .filter_map(|(i, f)| Some((f.marker.as_str(), *cx.note_row_of[v].get(&i)?)))
            .collect();
        for (r, row) in cx.body_rows() {
            for &u in row.cells[v].iter().flat_map(|c| &c.units) {
                for fr in &doc.blocks[u].footnote_refs {
                    let m = fr.marker.as_str();
                    let identity = own
                        .get(m)
                        .or_else(|| row_of_marker.get(m))
                        .map_or_else(|| format!("marker {m}"), |nr| format!("note row {nr}"));
                    *placed[v].entry(identity).or_default().entry(r).or_default() += 1;
                }
            }
        }
    }
    placed
}

/// How often `placement` has the marker in row `r`.
fn times(placement: &Placement, r: usize) -> usize {
    placement.get(&r).copied().unwrap_or(0)
}

/// Where a deviating version places one footnote's marker, against the reference version.
struct MarkerPlaces<'a> {
    /// The versions and their alignment.
    cx: &'a Context<'a>,
    /// The footnote as messages name it.
    note: &'a str,
    /// The version that stands for the majority.
    reference: usize,
    /// Where the reference places the marker.
    expected: &'a Placement,
    /// The deviating version.
    v: usize,
    /// Where it places the marker.
    got: Placement,
}

impl MarkerPlaces<'_> {
    /// Report rows where the version has the marker fewer times than the reference (and has a
    /// unit to carry it: a unit missing altogether is reported as such), and rows where it has
    /// it more often. A deficit matched with a surplus is a moved marker.
    fn report(&self, out: &mut Vec<Finding>) {
        let rows = &self.cx.alignment.rows;
        let deficit: Vec<usize> = self
            .expected
            .keys()
            .copied()
            .filter(|&r| {
                times(&self.got, r) < times(self.expected, r) && rows[r].cells[self.v].is_some()
            })
            .collect();
        let surplus: Vec<usize> = self
            .got
            .keys()
            .copied()
            .filter(|&r| times(&self.got, r) > times(self.expected, r))
            .collect();
        let mut targets = surplus.iter().copied();
        for &r in &deficit {
            out.push(match targets.next() {
                Some(to) => self.moved(r, to),
                None => self.missing(r),
            });
        }
        for r in targets {
            out.push(self.extra(r));
        }
    }

    /// The reference's line of row `r`, as a line of the finding (if it has one) and as a
    /// number (0 if not).
    fn reference_line(&self, r: usize) -> (Vec<(usize, usize)>, usize) {
        let line = self.cx.alignment.rows[r].line(self.cx.docs, self.reference);
        (
            line.map(|l| (self.reference, l)).into_iter().collect(),
            line.unwrap_or(0),
        )
    }

    /// The marker of row `r` in the reference is on row `to` in the version.
    fn moved(&self, r: usize, to: usize) -> Finding {
        let (cx, v, note) = (self.cx, self.v, self.note);
        let rows = &cx.alignment.rows;
        let (mut lines, ref_line) = self.reference_line(r);
        let to_line = rows[to].line(cx.docs, v).unwrap_or(0);
        lines.push((v, to_line));
        let message = format!(
            "footnote {note}: the marker is on the {} ({}) in {} but on the {} ({}) in {}",
            describe(&rows[r]),
            cx.at(self.reference, ref_line),
            cx.lang(self.reference),
            describe(&rows[to]),
            cx.at(v, to_line),
            cx.lang(v)
        );
        cx.finding(
            Code::FootnoteRefMoved,
            Severity::Error,
            &[v],
            Some(r),
            &lines,
            message,
        )
    }

    /// The marker of row `r` in the reference is missing from the version.
    fn missing(&self, r: usize) -> Finding {
        let (cx, v, note) = (self.cx, self.v, self.note);
        let rows = &cx.alignment.rows;
        let (mut lines, ref_line) = self.reference_line(r);
        lines.extend(rows[r].line(cx.docs, v).map(|l| (v, l)));
        let message = format!(
            "footnote {note}: the marker of the {} ({} in {}) is missing in {} (markers there: {})",
            describe(&rows[r]),
            cx.at(self.reference, ref_line),
            cx.lang(self.reference),
            cx.lang(v),
            markers_at(cx, v, r)
        );
        cx.finding(
            Code::FootnoteRefMissing,
            Severity::Error,
            &[v],
            Some(r),
            &lines,
            message,
        )
    }

    /// The version has the marker in row `r` more often than the reference.
    fn extra(&self, r: usize) -> Finding {
        let (cx, v, note) = (self.cx, self.v, self.note);
        let rows = &cx.alignment.rows;
        let line = rows[r].line(cx.docs, v).unwrap_or(0);
        let mut lines: Vec<(usize, usize)> = vec![(v, line)];
        let (what, place) = match rows[r].line(cx.docs, self.reference) {
            Some(l) => {
                lines.push((self.reference, l));
                (
                    format!(
                        "the {} ({} in {})",
                        describe(&rows[r]),
                        cx.at(self.reference, l),
                        cx.lang(self.reference)
                    ),
                    format!("{} time(s) there", times(self.expected, r)),
                )
            }
            None => (
                format!(
                    "the {} of {} ({})",
                    describe(&rows[r]),
                    cx.lang(v),
                    cx.at(v, line)
                ),
                "no counterpart".to_string(),
            ),
        };
        cx.finding(
            Code::FootnoteRefExtra,
            Severity::Error,
            &[v],
            Some(r),
            &lines,
            format!(
                "footnote {note}: {} carries the marker {} time(s) in {} ({place} in {})",
                what,
                times(&self.got, r),
                cx.lang(v),
                cx.lang(self.reference)
            ),
        )
    }
}

/// The footnote markers of version `v` in row `r`, comma-separated (`none` if there are none).
fn markers_at(cx: &Context, v: usize, r: usize) -> String {
    let doc = &cx.docs[v];
    let list: Vec<&str> = cx.alignment.rows[r].cells[v]
        .iter()
        .flat_map(|c| &c.units)
        .flat_map(|&u| {
            doc.blocks[u]
                .footnote_refs
                .iter()
                .map(|f| f.marker.as_str())
        })
        .collect();
    if list.is_empty() {
        "none".to_string()
    } else {
        list.join(", ")
    }
}

/// Markers without bodies and bodies without markers. Shared by most versions, they are in the
/// original too and only warnings. A body left unreferenced because its marker went missing
/// (`lost`) is folded into that `footnote-ref-missing` finding: one lost marker, one finding.
pub(super) fn footnote_bodies(cx: &Context, lost: &LostMarkers, out: &mut Vec<Finding>) {
    let mut anomalies = Anomalies::new();
    for v in cx.versions() {
        let doc = &cx.docs[v];
        let bodies: BTreeSet<&str> = doc.footnotes.iter().map(|f| f.marker.as_str()).collect();
        let mut seen = BTreeSet::new();
        for (i, b) in doc.blocks.iter().enumerate() {
            for fr in &b.footnote_refs {
                if !bodies.contains(fr.marker.as_str()) && seen.insert(fr.marker.clone()) {
                    let row = cx.block_row_of[v].get(&i).copied();
                    anomalies
                        .entry((Code::FootnoteOrphan, None, fr.marker.clone()))
                        .or_default()
                        .push((
                            v,
                            row,
                            b.line,
                            format!(
                                "footnote marker {} at {} of {} has no footnote body",
                                fr.marker,
                                cx.at(v, b.line),
                                cx.lang(v)
                            ),
                        ));
                }
            }
        }
        for (i, f) in doc.footnotes.iter().enumerate() {
            if f.referenced_from.is_empty() {
                let row = cx.note_row_of[v].get(&i).copied();
                anomalies
                    .entry((Code::FootnoteUnreferenced, None, f.marker.clone()))
                    .or_default()
                    .push((
                        v,
                        row,
                        f.line,
                        format!(
                            "footnote {} at {} of {} is not referenced in the text",
                            f.marker,
                            cx.at(v, f.line),
                            cx.lang(v)
                        ),
                    ));
            }
        }
    }
    let mut reported = Vec::new();
    report_anomalies(cx, anomalies, |_| cx.docs.len(), &mut reported);
    for f in reported {
        let version = cx.versions().find(|&v| f.languages == [cx.lang(v)]);
        let cause = match (f.code, version, f.row) {
            (Code::FootnoteUnreferenced, Some(v), Some(row)) => lost.get(&(v, row - 1)).copied(),
            _ => None,
        };
        match cause {
            Some(i) => out[i].related.push(f),
            None => out.push(f),
        }
    }
}
