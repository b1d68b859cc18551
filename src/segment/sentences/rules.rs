//! The rule table of each language: the marks that end its sentences, the abbreviations after
//! which a full stop does not, and the words that decide what a label or initial is.

use crate::model::Language;

/// How one language marks the end of a sentence.
pub(super) struct Rules {
    /// Characters that can end a sentence.
    pub(super) terminals: &'static [char],
    /// Abbreviations after which a full stop never ends a sentence, written with their full stop.
    pub(super) abbreviations: &'static [&'static str],
    /// Abbreviations whose full stop ends a sentence only when a capitalised word follows (`etc.`).
    pub(super) final_abbreviations: &'static [&'static str],
    /// Conjunctions that may stand between a clause mark and a list label (`…; and 3.`).
    pub(super) conjunctions: &'static [&'static str],
    /// Lower-case stems of words labelled with a capital letter (`annex I.`, `группа B.`): a single
    /// capital after them ends a sentence like any word, elsewhere it is an initial (`J. Smith`).
    pub(super) label_words: &'static [&'static str],
    /// Whether the language is written without spaces: its marks end a sentence without a space
    /// after them, and a number right after a mark is a footnote marker unless a counter follows.
    pub(super) ideographic: bool,
}

/// Abbreviations of UN document symbols, found in every language version (`A/66/100/Add. 1`).
pub(super) const SYMBOL_ABBREVIATIONS: &[&str] = &[
    "Corr.", "Rev.", "Add.", "Suppl.", "Amend.", "Ser.", "Distr.", "Misc.",
];

/// English: titles, references (`para.`, `art.`, `p.`), Latin (`e.g.`, `i.e.`, `cf.`, `op. cit.`).
/// `etc.`, `a.m.`, company and country abbreviations can also close a sentence.
static ENGLISH: Rules = Rules {
    terminals: &['.', '!', '?', '…'],
    abbreviations: &[
        "Mr.", "Mrs.", "Ms.", "Messrs.", "Dr.", "Prof.", "St.", "Sr.", "Gen.", "Col.", "Lt.",
        "Capt.", "Amb.", "Hon.", "Rt.", "H.E.", "No.", "Nos.", "para.", "paras.", "art.", "arts.",
        "vol.", "vols.", "chap.", "chaps.", "sect.", "p.", "pp.", "fig.", "e.g.", "i.e.", "cf.",
        "viz.", "al.", "op. cit.", "ibid.", "approx.", "v.", "vs.",
    ],
    final_abbreviations: &[
        "etc.", "a.m.", "p.m.", "A.M.", "P.M.", "Inc.", "Ltd.", "Co.", "Corp.", "Jr.", "U.S.",
        "U.K.", "U.N.",
    ],
    conjunctions: &["and", "or"],
    label_words: &[
        "annex", "appendix", "chapter", "section", "part", "table", "figure", "schedule", "group",
        "category", "class", "column", "option", "type", "list", "phase", "plan", "level", "zone",
    ],
    ideographic: false,
};

/// French: `M.`, `MM.`, `Mme` (no full stop, listed for the rare `Mme.`), references
/// (`par.`, `al.`, `chap.`, `p. ex.`), Latin; `etc.` can close a sentence.
static FRENCH: Rules = Rules {
    terminals: &['.', '!', '?', '…'],
    abbreviations: &[
        "MM.", "Mme.", "Mmes.", "Mlle.", "Me.", "Dr.", "Pr.", "S. E.", "no.", "nos.", "par.",
        "art.", "al.", "vol.", "chap.", "sect.", "p.", "pp.", "fig.", "p. ex.", "c.-à-d.", "cf.",
        "op. cit.", "ibid.", "env.", "av.", "apr.", "J.-C.", "v.", "éd.",
    ],
    final_abbreviations: &["etc.", "S.A.", "Inc.", "Ltd."],
    conjunctions: &["et", "ou"],
    label_words: &[
        "annexe",
        "appendice",
        "chapitre",
        "section",
        "partie",
        "titre",
        "tableau",
        "figure",
        "groupe",
        "catégorie",
        "classe",
        "colonne",
        "option",
        "type",
        "liste",
        "phase",
        "plan",
        "niveau",
        "zone",
    ],
    ideographic: false,
};

/// Spanish: `Sr.`, `Sra.`, `Sres.`, references (`párr.`, `núm.`, `cap.`, `pág.`, `p. ej.`),
/// Latin; `etc.`, `EE.UU.` and company abbreviations can close a sentence.
static SPANISH: Rules = Rules {
    terminals: &['.', '!', '?', '…'],
    abbreviations: &[
        "Sr.", "Sra.", "Sres.", "Sras.", "Srta.", "Dr.", "Dra.", "Excmo.", "Excma.", "Ud.", "Uds.",
        "D.", "Da.", "párr.", "párrs.", "núm.", "núms.", "No.", "art.", "arts.", "cap.", "caps.",
        "vol.", "pág.", "págs.", "p.", "pp.", "p. ej.", "cf.", "op. cit.", "ibid.", "aprox.",
        "al.", "v.", "c.", "ed.",
    ],
    final_abbreviations: &["etc.", "EE.UU.", "S.A.", "Inc.", "Ltd."],
    conjunctions: &["y", "e", "o", "u"],
    label_words: &[
        "anexo",
        "apéndice",
        "capítulo",
        "sección",
        "parte",
        "título",
        "cuadro",
        "figura",
        "grupo",
        "categoría",
        "clase",
        "columna",
        "opción",
        "tipo",
        "lista",
        "fase",
        "plan",
        "nivel",
        "zona",
    ],
    ideographic: false,
};

/// Russian: dates (`г.`, `гг.`), references (`ст.`, `п.`, `пп.`, `см.`, `стр.`), `т.е.`, units
/// (`млн.`, `долл.`, `ч.`); `и т.д.`, `и т.п.`, `и др.` can close a sentence. `Г-н` has no full
/// stop.
static RUSSIAN: Rules = Rules {
    terminals: &['.', '!', '?', '…'],
    abbreviations: &[
        "г.",
        "гг.",
        "ст.",
        "п.",
        "пп.",
        "ч.",
        "см.",
        "стр.",
        "с.",
        "т.е.",
        "т. е.",
        "т.к.",
        "т. к.",
        "т.н.",
        "т. н.",
        "т.ч.",
        "т. ч.",
        "напр.",
        "р.",
        "руб.",
        "долл.",
        "тыс.",
        "млн.",
        "млрд.",
        "час.",
        "мин.",
        "гл.",
        "разд.",
        "прил.",
        "рис.",
        "табл.",
        "им.",
        "проф.",
        "акад.",
        "г-н.",
        "г-жа.",
        "No.",
    ],
    final_abbreviations: &["и т.д.", "и т. д.", "и т.п.", "и т. п.", "и др."],
    conjunctions: &["и", "или"],
    label_words: &[
        "приложени",
        "глав",
        "раздел",
        "част",
        "таблиц",
        "рисун",
        "групп",
        "категори",
        "класс",
        "вариант",
        "тип",
        "спис",
        "этап",
        "уровн",
        "зон",
    ],
    ideographic: false,
};

/// Arabic: `.` `!` `?` and `؟`, never `؛` (see the module notes); `ص.` (page); a single Arabic
/// letter before a full stop is an abbreviation. Enumerators are bracketed (`(أ)`) and never split.
static ARABIC: Rules = Rules {
    terminals: &['.', '!', '?', '؟', '…'],
    abbreviations: &["ص.", "ص ص.", "No.", "v."],
    final_abbreviations: &["S.A."],
    conjunctions: &[],
    label_words: &[],
    ideographic: false,
};

/// Chinese: `。！？` and `｡`, and after a Han character ASCII `!` `?` always and `.` `．` in
/// paragraphs written with ASCII punctuation (see [`Paragraph::han_full_stops`]); after Latin
/// text they follow the Latin rules. Never `；` (see the module notes). Closing quotes and brackets
/// `”’」』）》` stay with their sentence; an ellipsis ends one only before a closing quote (`……”`).
static CHINESE: Rules = Rules {
    terminals: &['。', '！', '？', '｡', '.', '．', '!', '?', '…'],
    abbreviations: &["No.", "para.", "p.", "pp.", "e.g.", "i.e.", "Mr.", "Ms."],
    final_abbreviations: &["etc."],
    conjunctions: &["及", "和", "或"],
    label_words: &[],
    ideographic: true,
};

/// The rule table of `lang`.
pub(super) fn rules(lang: Language) -> &'static Rules {
    match lang {
        Language::Ar => &ARABIC,
        Language::Zh => &CHINESE,
        Language::En => &ENGLISH,
        Language::Fr => &FRENCH,
        Language::Ru => &RUSSIAN,
        Language::Es => &SPANISH,
    }
}
