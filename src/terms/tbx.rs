//! Term pairs as TBX-Basic (the ISO 30042:2008 `martif` form that terminology tools import):
//! one `termEntry` per pair, a `langSet` per language holding the term and its example
//! sentence as context, the counts in a `note`. Text is escaped here; characters XML 1.0
//! forbids are dropped.

use std::io::{self, Write};

use crate::model::Language;

use super::TermPair;

/// Text escaped for XML content and attribute values; characters XML 1.0 forbids are dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// Write term pairs from `source` to `target` as a TBX-Basic file.
pub fn write_tbx<W: Write>(
    pairs: &[TermPair],
    source: Language,
    target: Language,
    mut out: W,
) -> io::Result<()> {
    let (src, tgt) = (source.code(), target.code());
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<martif type="TBX-Basic" xml:lang="{src}">"#)?;
    writeln!(out, "  <martifHeader>")?;
    writeln!(out, "    <fileDesc>")?;
    writeln!(
        out,
        "      <sourceDesc><p>Candidate term pairs {src}-{tgt} found by versalign terms in \
         aligned text; to be checked by a terminologist.</p></sourceDesc>"
    )?;
    writeln!(out, "    </fileDesc>")?;
    writeln!(out, "  </martifHeader>")?;
    writeln!(out, "  <text>")?;
    writeln!(out, "    <body>")?;
    for (k, p) in pairs.iter().enumerate() {
        writeln!(out, r#"      <termEntry id="t{}">"#, k + 1)?;
        writeln!(
            out,
            "        <note>{}</note>",
            escape(&format!(
                "together in {} units ({src} term in {}, {tgt} term in {}); score {:.2}; \
                 example {} row {}",
                p.count, p.src_count, p.tgt_count, p.score, p.example_symbol, p.example_row
            ))
        )?;
        for (lang, term, example) in [
            (src, &p.src_term, &p.example_src),
            (tgt, &p.tgt_term, &p.example_tgt),
        ] {
            writeln!(out, r#"        <langSet xml:lang="{lang}">"#)?;
            writeln!(out, "          <tig>")?;
            writeln!(out, "            <term>{}</term>", escape(term))?;
            writeln!(
                out,
                r#"            <descrip type="context">{}</descrip>"#,
                escape(example)
            )?;
            writeln!(out, "          </tig>")?;
            writeln!(out, "        </langSet>")?;
        }
        writeln!(out, "      </termEntry>")?;
    }
    writeln!(out, "    </body>")?;
    writeln!(out, "  </text>")?;
    writeln!(out, "</martif>")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_are_escaped() {
        assert_eq!(
            escape("R&D <b> \"x\" it's\u{1}"),
            "R&amp;D &lt;b&gt; &quot;x&quot; it&apos;s"
        );
    }

    #[test]
    fn one_entry_per_pair_with_both_languages() {
        let pair = TermPair {
            src_term: "Member States".into(),
            tgt_term: "会员国".into(),
            count: 3,
            score: 12.5,
            src_count: 3,
            tgt_count: 4,
            example_symbol: "A/1".into(),
            example_row: "2".into(),
            example_src: "All Member States & others".into(),
            example_tgt: "所有会员国".into(),
        };
        let mut out = Vec::new();
        write_tbx(&[pair], Language::En, Language::Zh, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.matches("<termEntry").count(), 1);
        assert!(text.contains(r#"<langSet xml:lang="zh">"#));
        assert!(text.contains("<term>会员国</term>"));
        assert!(text.contains("Member States &amp; others"));
    }
}
