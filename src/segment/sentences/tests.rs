//! Sentence splits of UN-style paragraphs in each language, and splits that must not happen.

use super::*;

fn assert_split(lang: Language, text: &str, expected: &[&str]) {
    assert_eq!(split_str(text, lang), expected, "{lang}: {text}");
}

fn assert_whole(lang: Language, text: &str) {
    assert_split(lang, text, &[text]);
}

#[test]
fn english_abbreviations_do_not_end_sentences() {
    for text in [
        "See No. 5 of the list.",
        "See Nos. 5 and 6.",
        "Under art. 5 of the Convention.",
        "Under arts. 5 and 6 of the Convention.",
        "See para. 12 above.",
        "See paras. 12 and 13 above.",
        "Official Records, vol. II, chap. IV, sect. B, p. 5 and pp. 7-9.",
        "Some States, e.g. Norway, agreed.",
        "The others, i.e. France and Spain, did not.",
        "Mr. Smith met Mrs. Jones, Ms. Brown and Dr. Green.",
        "The report (cf. A/66/100) was noted.",
        "As Smith et al. State in their study.",
        "Smith, op. cit. Chapter 2 explains it.",
        "J. Smith and A. B. Jones wrote it.",
        "Staff, vehicles, etc. were moved.",
    ] {
        assert_whole(Language::En, text);
    }
}

#[test]
fn paragraph_numbers_in_other_languages() {
    assert_split(
        Language::Fr,
        "12. Le Comité a pris note du rapport. Il a décidé de le publier.",
        &[
            "12. Le Comité a pris note du rapport.",
            "Il a décidé de le publier.",
        ],
    );
    assert_split(
        Language::Es,
        "12. El Comité tomó nota del informe. Decidió publicarlo.",
        &[
            "12. El Comité tomó nota del informe.",
            "Decidió publicarlo.",
        ],
    );
    assert_whole(Language::Fr, "A. Introduction");
    assert_whole(Language::Ru, "III. Вывод и рекомендация");
}

#[test]
fn brackets_open_sentences() {
    assert_split(
        Language::En,
        "It ended. (The Committee agreed.) Then it closed.",
        &["It ended.", "(The Committee agreed.)", "Then it closed."],
    );
    assert_whole(
        Language::En,
        "It ended (see para. 5) and (in part.) it closed.",
    );
}

#[test]
fn english_closing_abbreviation_before_capital_ends_sentence() {
    assert_split(
        Language::En,
        "They bought food, water, etc. The rest was sent later.",
        &["They bought food, water, etc.", "The rest was sent later."],
    );
    assert_split(
        Language::En,
        "The meeting starts at 10 a.m. Mr. Smith will chair it.",
        &["The meeting starts at 10 a.m.", "Mr. Smith will chair it."],
    );
}

#[test]
fn english_symbols_and_numbers() {
    assert_whole(
        Language::En,
        "See A/CONF.213/18 and E/CN.15/2011/L.3/Rev.1 and job V.11-82153 for details.",
    );
    assert_whole(
        Language::En,
        "The rate rose to 16.3 per cent, or 3.444.250 units.",
    );
    assert_whole(
        Language::En,
        "See document A/66/100/Corr. 1 and Add. 2 for details.",
    );
    assert_whole(
        Language::En,
        "See A/66/100/Rev. 1 and E/2011/L.3/Rev. 2 for details.",
    );
    assert_split(
        Language::En,
        "It is in A/66/100/Rev.1. The Committee noted it.",
        &["It is in A/66/100/Rev.1.", "The Committee noted it."],
    );
}

#[test]
fn english_sub_paragraph_lists_stay_whole() {
    assert_whole(
        Language::En,
        "The scenarios include: (a) a single proceeding; (b) multiple proceedings; and (c) a single proceeding concerning all members.",
    );
    assert_whole(
        Language::En,
        "The Committee decided: a) to meet; b) to report; and c) to close.",
    );
}

#[test]
fn english_paragraph_numbers_and_enumerators_join_what_follows() {
    assert_split(
        Language::En,
        "12. The Committee met twice. It adopted its report.",
        &["12. The Committee met twice.", "It adopted its report."],
    );
    assert_whole(Language::En, "1.2. The Committee met twice.");
    assert_whole(Language::En, "III. Conclusion and recommendation");
    assert_whole(Language::En, "A. Introduction");
    assert_whole(Language::En, "(iv) Measures taken by States");
    assert_split(
        Language::En,
        "It met in 2010. 12. The Committee then adopted its report.",
        &[
            "It met in 2010.",
            "12. The Committee then adopted its report.",
        ],
    );
}

#[test]
fn list_labels_after_clause_marks_belong_to_what_follows() {
    assert_whole(
        Language::En,
        "1. Welcomes the report; 2. Emphasizes the need to continue; and 3. Decides to continue.",
    );
    assert_whole(
        Language::Zh,
        "1. 欢迎报告；2. 强调必须继续审议；3. 决定继续审议。",
    );
    assert_whole(Language::Zh, "1. 注意到秘书长的报告；6 2. 欢迎所作的贡献；");
    assert_split(
        Language::En,
        "It was convened, in 2016. The Council agreed.",
        &["It was convened, in 2016.", "The Council agreed."],
    );
    assert_split(
        Language::En,
        "Likes stand at 26,000. The Council agreed.",
        &["Likes stand at 26,000.", "The Council agreed."],
    );
    assert_split(
        Language::En,
        "It amounts to $8,787,700. 1. The Commission agreed.",
        &["It amounts to $8,787,700.", "1. The Commission agreed."],
    );
}

#[test]
fn english_label_letters_end_sentences() {
    assert_split(
        Language::En,
        "The list is in annex I. The Committee noted it.",
        &["The list is in annex I.", "The Committee noted it."],
    );
    assert_split(
        Language::En,
        "It belongs to group B. Others do not.",
        &["It belongs to group B.", "Others do not."],
    );
}

#[test]
fn english_next_piece_must_start_like_a_sentence() {
    assert_whole(Language::En, "What next? he asked.");
    assert_split(
        Language::En,
        "What next? Nobody knew! The meeting ended.",
        &["What next?", "Nobody knew!", "The meeting ended."],
    );
    assert_split(
        Language::En,
        "The programme ended in 2012. 2013 was a year of review.",
        &["The programme ended in 2012.", "2013 was a year of review."],
    );
    assert_split(
        Language::En,
        "Five States signed. 24 States did not.",
        &["Five States signed.", "24 States did not."],
    );
    assert_whole(Language::En, "It grew by 3. 5 per cent is the target.");
    assert_split(
        Language::En,
        "It was adopted. (b) The Committee noted it.",
        &["It was adopted.", "(b) The Committee noted it."],
    );
}

#[test]
fn english_footnote_markers_stay_with_their_sentence() {
    assert_split(
        Language::En,
        "It recalled the Declaration.4 The Committee agreed.",
        &["It recalled the Declaration.4", "The Committee agreed."],
    );
    assert_split(
        Language::En,
        "It recalled the Declaration.¹² The Committee agreed.",
        &["It recalled the Declaration.¹²", "The Committee agreed."],
    );
    assert_split(
        Language::En,
        "It is on the website.3 See also the report.",
        &["It is on the website.3", "See also the report."],
    );
}

#[test]
fn english_quotations() {
    assert_split(
        Language::En,
        "He said: “It is over.” Then he left.",
        &["He said: “It is over.”", "Then he left."],
    );
    assert_split(
        Language::En,
        "He said: \"It is over.\" Then he left.",
        &["He said: \"It is over.\"", "Then he left."],
    );
    assert_whole(Language::En, "'You are hopeless!' he cried.");
    assert_split(
        Language::En,
        "It said. “The end is near.” It was right.",
        &["It said.", "“The end is near.”", "It was right."],
    );
}

#[test]
fn ellipses_end_sentences_only_before_a_closing_quote() {
    assert_whole(Language::En, "'I... I can't remember,' he said.");
    assert_whole(
        Language::En,
        "The court held that [...] The seller was liable.",
    );
    assert_whole(
        Language::En,
        "The court held that […] The seller was liable.",
    );
    assert_split(
        Language::En,
        "'It is just that . . .' Something was wrong.",
        &["'It is just that . . .'", "Something was wrong."],
    );
    assert_split(
        Language::En,
        "\"It happened lately....\" \"Yes.\" He left.",
        &["\"It happened lately....\"", "\"Yes.\"", "He left."],
    );
    assert_split(
        Language::Zh,
        "“不过…… 不过……”海老公道：“不过怎么？”",
        &["“不过…… 不过……”", "海老公道：“不过怎么？”"],
    );
}

#[test]
fn company_abbreviations_before_brackets() {
    assert_whole(
        Language::Fr,
        "Empresa Argentina de Soluciones Satelitales S.A. (ARSAT)",
    );
    assert_whole(
        Language::Es,
        "Empresa Argentina de Soluciones Satelitales S.A. (ARSAT)",
    );
    assert_whole(
        Language::Es,
        "En la causa Fiscal c. Kunarac, la Sala estableció la prueba.",
    );
    assert_whole(
        Language::Ar,
        "في قضية Prosecutor v. Kunarac، رأت دائرة الاستئناف.",
    );
}

#[test]
fn labels_after_a_sentence_open_the_next_one() {
    assert_split(
        Language::En,
        "It was held at 10 a.m. 29. The round table followed.",
        &["It was held at 10 a.m.", "29. The round table followed."],
    );
    assert_split(
        Language::En,
        "It includes drones, radar equipment, etc. 28. The Committee notes it.",
        &[
            "It includes drones, radar equipment, etc.",
            "28. The Committee notes it.",
        ],
    );
    assert_split(
        Language::En,
        "It balances security risks. b. The activity is directed.",
        &[
            "It balances security risks.",
            "b. The activity is directed.",
        ],
    );
    assert_whole(
        Language::En,
        "It balances security risks. b. the activity is directed.",
    );
    assert_split(
        Language::En,
        "It was noted. - The Committee agreed.",
        &["It was noted.", "- The Committee agreed."],
    );
    assert_split(
        Language::Es,
        "Lo decidió el Foro. b) las Partes que fuesen países desarrollados informarán.",
        &[
            "Lo decidió el Foro.",
            "b) las Partes que fuesen países desarrollados informarán.",
        ],
    );
    assert_split(
        Language::Ru,
        "Они признаны необоснованными. с) другие вопросы.",
        &["Они признаны необоснованными.", "с) другие вопросы."],
    );
    assert_split(
        Language::Ru,
        "Это права человека и т.п. 11. Группа неприсоединившихся государств заявила.",
        &[
            "Это права человека и т.п.",
            "11. Группа неприсоединившихся государств заявила.",
        ],
    );
}

#[test]
fn dates_open_sentences() {
    assert_split(
        Language::Ru,
        "Огонь прекращен 12 августа 2008 года. 23 января 2015 года парламент принял закон.",
        &[
            "Огонь прекращен 12 августа 2008 года.",
            "23 января 2015 года парламент принял закон.",
        ],
    );
    assert_split(
        Language::Es,
        "Se aprobó la resolución. 14 de enero: se celebró la sesión.",
        &[
            "Se aprobó la resolución.",
            "14 de enero: se celebró la sesión.",
        ],
    );
    assert_whole(Language::Es, "Se aprobó la resolución núm. 14 de 2010.");
}

#[test]
fn corpus_quotes_and_section_numbers() {
    assert_split(
        Language::Ru,
        "Прочие вопросы. <<Член Организации>> выступил.",
        &["Прочие вопросы.", "<<Член Организации>> выступил."],
    );
    assert_split(
        Language::Ru,
        "Он назвал это <<угрозой.>> Затем он ушел.",
        &["Он назвал это <<угрозой.>>", "Затем он ушел."],
    );
    assert_split(
        Language::Ar,
        "وأدار القوة بفعالية. 2-26 وعلاوة على ذلك، يسع الفريق.",
        &["وأدار القوة بفعالية.", "2-26 وعلاوة على ذلك، يسع الفريق."],
    );
    assert_split(
        Language::Ar,
        "وأدار القوة بفعالية. 6- وسلط المشاركون الضوء.",
        &["وأدار القوة بفعالية.", "6- وسلط المشاركون الضوء."],
    );
}

#[test]
fn french_rules() {
    assert_whole(Language::Fr, "M. Dupont et MM. Martin et Durand ont parlé.");
    assert_whole(Language::Fr, "Mme Dupont a pris la parole.");
    assert_whole(
        Language::Fr,
        "Voir par. 12, art. 5, al. 2, chap. IV et p. 7.",
    );
    assert_whole(Language::Fr, "Certains États, p. ex. la France, ont voté.");
    assert_whole(Language::Fr, "Le taux était de 16,3 % en 2014.");
    assert_whole(
        Language::Fr,
        "Le Comité a décidé : a) de se réunir; b) de faire rapport; et c) de clore.",
    );
    assert_split(
        Language::Fr,
        "Il a dit : « C’est fini. » Puis il est parti.",
        &["Il a dit : « C’est fini. »", "Puis il est parti."],
    );
    assert_split(
        Language::Fr,
        "Quoi ? Rien ! La séance est levée.",
        &["Quoi ?", "Rien !", "La séance est levée."],
    );
    assert_split(
        Language::Fr,
        "Voir le site de la Conférence3. Le Comité a pris note.",
        &["Voir le site de la Conférence3.", "Le Comité a pris note."],
    );
}

#[test]
fn spanish_rules() {
    assert_whole(
        Language::Es,
        "El Sr. Pérez, la Sra. García y los Sres. López hablaron.",
    );
    assert_whole(
        Language::Es,
        "Véase el párr. 12, núm. 5, cap. IV y art. 3 del informe.",
    );
    assert_whole(
        Language::Es,
        "La cifra fue de 3.444.250, es decir, el 16.3 %.",
    );
    assert_whole(
        Language::Es,
        "Las Partes deben: a) informar; b) cooperar; y c) aplicar las medidas.",
    );
    assert_whole(Language::Es, "Véase Pérez, op. cit. Capítulo 2.");
    assert_split(
        Language::Es,
        "¿Qué pasó? Nada. El Comité se reunió.",
        &["¿Qué pasó?", "Nada.", "El Comité se reunió."],
    );
    assert_split(
        Language::Es,
        "Está en el sitio web3. El Comité tomó nota.",
        &["Está en el sitio web3.", "El Comité tomó nota."],
    );
}

#[test]
fn russian_rules() {
    assert_whole(Language::Ru, "В 2011 г. Комитет провел две сессии.");
    assert_whole(Language::Ru, "В 2010–2011 гг. Комитет провел две сессии.");
    assert_whole(Language::Ru, "См. ст. 5, п. 3 и пп. 4–6 Конвенции.");
    assert_whole(Language::Ru, "Это т.е. главное, т. е. основное.");
    assert_whole(Language::Ru, "Выделено 5 млн. долл. США на проект.");
    assert_whole(Language::Ru, "Стоимость 100 р. Комитет счел приемлемой.");
    assert_whole(Language::Ru, "Г-н Иванов и А. С. Петров выступили.");
    assert_whole(
        Language::Ru,
        "Заседание с 10 ч. 00 м. до 13 ч. 00 м. в зале.",
    );
    assert_whole(
        Language::Ru,
        "Стороны должны: а) сообщать; b) сотрудничать; и с) применять меры.",
    );
    assert_whole(
        Language::Ru,
        "Средний возраст учащихся и т.д. не учитывался.",
    );
    assert_split(
        Language::Ru,
        "Закуплены продукты, вода и т.д. Остальное отправлено позже.",
        &[
            "Закуплены продукты, вода и т.д.",
            "Остальное отправлено позже.",
        ],
    );
    assert_split(
        Language::Ru,
        "1. принимает к сведению доклад. 2. просит Генерального секретаря представить доклад.",
        &[
            "1. принимает к сведению доклад.",
            "2. просит Генерального секретаря представить доклад.",
        ],
    );
    assert_split(
        Language::Ru,
        "Доклад размещен на сайте Конференции3. Комитет принял его к сведению.",
        &[
            "Доклад размещен на сайте Конференции3.",
            "Комитет принял его к сведению.",
        ],
    );
}

#[test]
fn arabic_rules() {
    assert_split(
        Language::Ar,
        "هل انتهى الاجتماع؟ نعم. وقد اعتمدت اللجنة تقريرها.",
        &["هل انتهى الاجتماع؟", "نعم.", "وقد اعتمدت اللجنة تقريرها."],
    );
    assert_split(
        Language::Ar,
        "يا له من إنجاز! وقد اعتمدت اللجنة تقريرها.",
        &["يا له من إنجاز!", "وقد اعتمدت اللجنة تقريرها."],
    );
    assert_whole(
        Language::Ar,
        "ولدى حزب الله القدرات العسكرية؛ وقد أفصح عن نواياه؛ وها نحن قد شاهدنا النتائج هذا الصباح.",
    );
    assert_whole(
        Language::Ar,
        "وتشمل هذه السيناريوهات (أ) إجراءً وحيداً؛ (ب) إجراءات متعدِّدة؛ (ج) إجراءً آخر.",
    );
    assert_whole(
        Language::Ar,
        "٢٤ - الأسلحة الصغيرة (24 أيلول/سبتمبر 1999؛ ٢٦ أيلول/سبتمبر ٢٠١٣).",
    );
    assert_whole(
        Language::Ar,
        "بلغت النسبة ١٦٫٣ في المائة و16.3 في المائة (ص. 34).",
    );
    assert_split(
        Language::Ar,
        "وهو متاح على موقعه الشبكي(3). وأحاطت اللجنة علما به.",
        &["وهو متاح على موقعه الشبكي(3).", "وأحاطت اللجنة علما به."],
    );
    assert_split(
        Language::Ar,
        "انتهى الاجتماع. 37 - تحيط علما بالتقرير.",
        &["انتهى الاجتماع.", "37 - تحيط علما بالتقرير."],
    );
}

#[test]
fn chinese_full_width_marks() {
    assert_split(
        Language::Zh,
        "人人生而自由。他们赋有理性！这是真的吗？是的。",
        &["人人生而自由。", "他们赋有理性！", "这是真的吗？", "是的。"],
    );
    assert_split(
        Language::Zh,
        "大会要求“加以传播、展示、阅读和阐述。”《宣言》全文如下：",
        &[
            "大会要求“加以传播、展示、阅读和阐述。”",
            "《宣言》全文如下：",
        ],
    );
    assert_split(
        Language::Zh,
        "他说：“我们走吧！”她没有回答。（见附件。）委员会同意。",
        &[
            "他说：“我们走吧！”",
            "她没有回答。",
            "（见附件。）",
            "委员会同意。",
        ],
    );
    assert_split(
        Language::Zh,
        "见「第一部分。」『注释。』下文。",
        &["见「第一部分。」", "『注释。』", "下文。"],
    );
}

#[test]
fn chinese_closing_quotes_and_title_marks_stay() {
    assert_split(
        Language::Zh,
        "他说：‘好。’然后离开。见《报告。》下文。",
        &["他说：‘好。’", "然后离开。", "见《报告。》", "下文。"],
    );
}

#[test]
fn chinese_ascii_marks_and_decimals() {
    assert_split(
        Language::Zh,
        "人人生而自由,在尊严和权利上一律平等.他们赋有理性?是的!",
        &[
            "人人生而自由,在尊严和权利上一律平等.",
            "他们赋有理性?",
            "是的!",
        ],
    );
    assert_split(
        Language::Zh,
        "他们赋有理性?是的。",
        &["他们赋有理性?", "是的。"],
    );
    assert_whole(Language::Zh, "每人每日生活费不足1.25美元,比例为3.5%。");
    assert_whole(Language::Zh, "见A/CONF.213/18和E/CN.15/2011/L.3/Rev.1。");
}

#[test]
fn chinese_full_stops_between_han_in_full_width_text_and_latin_initials() {
    assert_whole(
        Language::Zh,
        "《宪章》提出的首要目标是\"免后世再遭.战祸\"。",
    );
    assert_whole(
        Language::Zh,
        "法院将这一承诺称为\"正式的许诺.而不是劝告性的\"。",
    );
    assert_whole(Language::Zh, "第五节．资源使用情况：战略部署储存物资");
    assert_whole(Language::Zh, "第二十一条.资源使用情况");
    assert_whole(Language::Zh, "与独立专家A. de Zayas先生进行的互动辩论。");
    assert_split(
        Language::Zh,
        "孩子道：“呸，你不会摔交。 ”韦小宝道：“谁说不会？”",
        &["孩子道：“呸，你不会摔交。 ”", "韦小宝道：“谁说不会？”"],
    );
}

#[test]
fn chinese_semicolon_lists_stay_whole() {
    assert_whole(
        Language::Zh,
        "在以下方面存在挑战：建立专门机构；收集统计数据；(c) 与全球环境基金共同评价小额赠款方案；及",
    );
    assert_whole(
        Language::Zh,
        "会员国应：(a) 提交报告；(b) 开展合作；(c) 采取措施。",
    );
}

#[test]
fn chinese_straight_quotes_close_or_open_by_parity() {
    assert_split(
        Language::Zh,
        "须任命五人以填补空缺。\"因此，年度报告是管理工具。\"委员会同意。",
        &[
            "须任命五人以填补空缺。",
            "\"因此，年度报告是管理工具。\"",
            "委员会同意。",
        ],
    );
    assert_split(
        Language::Zh,
        "以英语发布。15至64岁妇女从事非农工作。",
        &["以英语发布。", "15至64岁妇女从事非农工作。"],
    );
}

#[test]
fn chinese_paragraph_numbers_and_headings() {
    assert_whole(Language::Zh, "37. 所有世界大会文件均可在网站上查阅。");
    assert_whole(Language::Zh, "三. 结论和建议");
    assert_split(
        Language::Zh,
        "1. 表示注意到秘书长的报告。2. 请秘书长提交报告。",
        &["1. 表示注意到秘书长的报告。", "2. 请秘书长提交报告。"],
    );
}

#[test]
fn chinese_footnote_markers_stay_with_their_sentence() {
    assert_split(
        Language::Zh,
        "大会回顾《宣言》。8 委员会同意。",
        &["大会回顾《宣言》。8", "委员会同意。"],
    );
    assert_split(
        Language::Zh,
        "大会回顾《宣言》。8委员会同意。",
        &["大会回顾《宣言》。8", "委员会同意。"],
    );
    assert_split(
        Language::Zh,
        "注意到秘书长的报告。¹ 委员会同意。",
        &["注意到秘书长的报告。¹", "委员会同意。"],
    );
    assert_split(
        Language::Zh,
        "会议已结束。2011年大会又举行会议。3个国家投了弃权票。",
        &[
            "会议已结束。",
            "2011年大会又举行会议。",
            "3个国家投了弃权票。",
        ],
    );
    assert_split(
        Language::Zh,
        "会议已结束。2006 年 11 月 21 日大会又举行会议。",
        &["会议已结束。", "2006 年 11 月 21 日大会又举行会议。"],
    );
}

#[test]
fn ranges_cover_all_non_space_text() {
    let texts = [
        (
            Language::En,
            "  12. The Committee met.4  It adopted (a) its report; and (b) its agenda.  What next?  ",
        ),
        (Language::Zh, " 会议已结束。8 委员会同意。“好。” 是的 "),
        (Language::Ar, "هل انتهى؟  نعم .  وقد اعتمدت."),
        (Language::Fr, "« Fini. »  Puis  . . .  rien."),
    ];
    for (lang, text) in texts {
        let ranges = split(text, lang);
        let mut covered = String::new();
        let mut last_end = 0;
        for range in &ranges {
            assert!(range.start >= last_end && range.start < range.end);
            assert!(text[last_end..range.start].chars().all(char::is_whitespace));
            let sentence = &text[range.clone()];
            assert_eq!(sentence, sentence.trim());
            covered.push_str(sentence);
            last_end = range.end;
        }
        assert!(text[last_end..].chars().all(char::is_whitespace));
        let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let got: String = covered.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(got, expected);
    }
}

#[test]
fn never_panics_on_odd_input() {
    let long = "word ".repeat(200_000);
    let inputs = [
        "",
        "   ",
        ".",
        " . ",
        "...",
        "?!",
        "。",
        "。。。",
        "“",
        "”",
        "He said “It is over. Then",
        "» « ) ( ”“ ’‘",
        "Mixed 中文。English. عربي؟ Русский. ",
        "1.",
        ".4",
        "。8",
        "(a)",
        "a)",
        long.as_str(),
    ];
    for lang in Language::ALL {
        for text in inputs {
            let ranges = split(text, lang);
            for range in ranges {
                assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            }
        }
    }
    assert_eq!(split(&long, Language::En), vec![0..long.len() - 1]);
    assert!(split("", Language::Zh).is_empty());
    assert!(split("   ", Language::Ar).is_empty());
    assert_eq!(split_str(".", Language::En), ["."]);
}

#[test]
fn mixed_scripts() {
    assert_split(
        Language::En,
        "It was signed in Beijing (北京). Россия agreed. عربي followed.",
        &[
            "It was signed in Beijing (北京).",
            "Россия agreed.",
            "عربي followed.",
        ],
    );
}
