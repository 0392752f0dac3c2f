"""Every display string, one table per language; a new language is one more table.

``word(key, lang)`` looks the key up in the language's table and falls back to English,
so a table may be partial while a translation is under way. Templates use
``str.format`` fields; a language that has no use for a field simply leaves it out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from cis_facts.locale_data import PLURAL
from cis_facts.model import Country, Gender, Lang

EN: dict[str, str] = {
    # column headings
    "country": "Country",
    "status": "Status",
    "since": "Since",
    "left": "Left",
    "founding_acts": "Founding act",
    "note": "Note",
    "date": "Date",
    "kind": "Kind",
    "label": "Event",
    "place": "Place",
    "participants": "Participants",
    "mineral": "Mineral",
    "rank": "World rank",
    "standing": "World rank",
    "share": "Share, %",
    "value": "Value",
    "unit": "Unit",
    "unit_text": "Unit in words",
    "position": "#",
    "partners": "Partners",
    "flow": "Flow",
    "growth": "Growth over base, %",
    "growth_base": "Base year",
    "topic": "Topic",
    "period": "Period",
    "fact": "Fact",
    "figure.label": "Figure",
    "section": "Section",
    "id": "ID",
    "score": "Score",
    "matched": "Matched in",
    "quote": "Quote",
    "quote_translation": "Translation ({translator})",
    "source": "Source",
    "sum_check": "Sum check",
    "year": "Year",
    "measure": "Measure",
    "context": "Context",
    "approximate": "Approximate",
    "certain": "Certain",
    "as_of": "As of",
    "top": "Top",
    "text": "Text",
    "sentence": "Sentence",
    "citation": "Citation",
    "style": "Style",
    "source_title": "Source title",
    "note_source": "Correction rests on",
    "changed": "Last changed in",
    "change.added": "added",
    "change.corrected": "corrected",
    "event_kind": "Kind of event",
    "initiator": "Initiator",
    "short": "Short title",
    "label_en": "Label (English)",
    "label_kk": "Label (Kazakh)",
    # statuses, kinds, flows, partners
    "status.member": "member",
    "status.associate": "associate member",
    "status.left": "former member",
    "status.uncertain": "uncertain",
    "status.founder": "founding state",
    "status.signatory": "signed, not ratified",
    "reason": "Why",
    "reason.event": "{event} ({date})",
    "reason.founder_before": (
        "{event} ({date}); the Charter, which defines the member states, was adopted later, "
        "on {charter}"
    ),
    "reason.founder_after": (
        "{event} ({date}); a founding state the Charter does not bind: not a member state"
    ),
    "reason.acceding": "{event} ({date}); not a founding state, not yet bound by the Charter",
    "reason.signatory": "{event} ({date}); signed the founding documents, not ratified",
    "reason.change": "{status} from {date} ({event})",
    "reason.later": "since then: {event} ({date})",
    "status.acceding": "acceding state",
    "status.changed": "changed",
    "from_document": "† not from the text: from the document named as its source",
    "cis": "CIS",
    "other": "other countries",
    "all": "all countries",
    "turnover": "turnover",
    "exports": "exports",
    "imports": "imports",
    "export": "export buyer",
    "import": "import supplier",
    "ranking": "world ranking",
    "reserve": "reserves",
    "event": "event",
    "figure": "figure",
    "names": "names",
    "trade_share": "trade share",
    "trade_total": "trade total",
    "yes": "yes",
    "no": "no",
    "event_kind.founding": "founding",
    "event_kind.meeting": "meeting",
    "event_kind.declaration": "declaration",
    "event_kind.accession": "accession",
    "event_kind.withdrawal": "withdrawal",
    "event_kind.status-change": "change of status",
    "event_kind.charter": "charter",
    "event_kind.decision": "decision",
    "event_kind.theme-year": "theme of the year",
    # units
    "unit.USD million": "USD million",
    "unit.rank": "rank",
    "unit.top": "top",
    # titles and captions
    "title.members": "CIS members — {date}",
    "title.timeline": "CIS timeline",
    "title.resources": "Kazakhstan's world rankings in mineral resources",
    "title.reserves": "Kazakhstan's mineral reserves",
    "title.exports": "Buyers of Kazakhstan's exports in {year}",
    "title.imports": "Suppliers of Kazakhstan's imports in {year}",
    "title.exports.top": "Top {n} buyers of Kazakhstan's exports in {year}",
    "title.imports.top": "First {n} suppliers of Kazakhstan's imports in {year}",
    "title.totals": "Kazakhstan's foreign trade totals in {year}",
    "title.figures": "Economic figures",
    "figures.searched": "No topic is named {topic!r}; these are the figures that match it.",
    "title.statements": "What the text states",
    "statement.label": "Statement",
    "title.search": "Search results: {query}",
    "search.more": "showing {shown} of {total} results; --limit 0 shows them all",
    "ask.translation": "Translation (cis-facts)",
    "ask.more": "More: cis-facts show {id}",
    "error.not_answered": "the fact base does not answer {query!r}; try cis-facts search",
    "title.chart": "CIS membership, {first}–{last}",
    "title.country": "{name} ({code})",
    "caption.source": "Source: {titles}",
    "caption.imports": "The text lists suppliers in order and gives no shares.",
    "notes": "Notes",
    "standing.rank": "{ordinal}",
    "position.n": "#{n}",
    "standing.top": "top {n}",
    "world_share": "{share} % of world",
    "share_note": (
        "The {count} listed shares sum to {total} %; the text attributes the other {rest} % "
        "to no country."
    ),
    "share_note.top": (
        "The {shown} shares shown sum to {total} % ({count} listed in all, {all} %); the "
        "text attributes {rest} % to no country."
    ),
    "sum.ok": "{what} = {total} ✓",
    "sum.mismatch": "MISMATCH: {what} = {total}, stated {stated} (differs by {diff})",
    "sum.turnover": "exports + imports",
    "sum.partners": "CIS + other countries",
    "after_latest": (
        "{date} is after the latest membership event in the fact base ({event}, {latest}); "
        "facts after that date are not in the base, so this answer may be out of date."
    ),
    "note.as_of": (
        "As of {date}, the latest membership event in the fact base ({event}); facts after "
        "that date are not in the fact base."
    ),
    "uncertain.period": (
        "{event} is dated {when} only; the base cannot tell whether it happened before, "
        "during or after {period}"
    ),
    "chart.acceding": "ratified or joined after the Charter, not bound by it",
    "uncertain": (
        "{event} is dated {when} only; the base cannot tell whether it had happened by {day}"
    ),
    "card.codes": "ISO 3166-1: {codes} · Wikidata: {qid}",
    "card.status": "{status} since {date}",
    "card.status.left": "in the CIS: {since} – {left}",
    # chart
    "chart.member": "member",
    "chart.associate": "associate member",
    "chart.joined": "joined or became a member state during the year",
    "chart.became_associate": "became associate during the year",
    "chart.left": "left during the year",
    "chart.none": "not a member",
    "chart.founder": "founding state, not a member state",
    "chart.signatory": "signed, not ratified",
    "chart.on": "--chart draws every year; --on cannot limit it (use --on without --chart)",
    # dates in running text
    "date.day": "on {d} {month} {y}",
    "date.month": "in {month} {y}",
    "date.year": "in {y}",
    "date.span": "in {a}–{b}",
    "date.span_table": "{a}–{b}",
    # citations
    "cite.source": "Source",
    "cite.quote": "quote",
    "cite.translation": "translation by {translator}",
    "cite.correction": "Note",
    "cite.document": "document",
    "cite.accessed": "retrieved from the cis-facts fact base",
    "cite.sentence": "¶ {paragraph}, sentence {sentence}",
    "cite.sentences": "¶ {paragraph}, sentences {sentence}",
    "cite.sources": "Sources",
    "cite.sentence_only": "sentence {sentence}",
    "cite.references": "References",
    "ref.author_unknown": "Author unknown",
    "ref.circa": "c. {date}",
    "ref.no_date": "n.d.",
    "ref.not_before": "not before {date}",
    "ref.accessed": "accessed {date}",
    "ref.undated_genre": "undated, not before {date}",
    "sentence.withdrawal": "{who} left the CIS {when}.",
    "sentence.accession": "{who} joined the CIS {when}.",
    "sentence.rejoining": "{who} joined the CIS again {when}.",
    "sentence.founding": "{who} signed the {short} {when}.",
    "sentence.associate": "{who} became an associate member of the CIS {when}.",
    "sentence.dated": "{label} ({when}).",
    "sentence.export": (
        "In {year} {who} took {share}% of Kazakhstan's exports, {ordinal} in the list of its "
        "main buyers."
    ),
    "sentence.import": (
        "In {year} {who} was {ordinal} in the list of the main suppliers of Kazakhstan's imports."
    ),
    "and": "and",
    "matched.label": "label",
    "matched.names": "names",
    "matched.quote": "quote",
    "matched.note": "note",
    # show
    "show.title": "{kind}: {id}",
    # topics of figures and statements (group labels)
    "topic.history": "History",
    "topic.world-gdp": "World GDP",
    "topic.kazakhstan-gdp": "Kazakhstan's GDP",
    "topic.world-exports": "World exports",
    "topic.export-growth": "Export growth",
    "topic.investment": "Investment",
    "topic.reserves": "Reserves",
    "topic.trade-partners": "Trade partners",
    "topic.export-structure": "Export structure",
    "topic.languages": "Languages",
    "topic.cis-nature": "What the CIS is",
    "topic.kazakhstan-cis-policy": "Kazakhstan's CIS policy",
    "topic.cis-plans": "CIS plans",
    "topic.gdp": "GDP",
    "topic.export-geography": "Export geography",
    "topic.import-structure": "Import structure",
    # the browser
    "browse.search": "Search: a question or words; @1993-12 for members on a date",
    "browse.value": "Value",
    "browse.date": "Date",
    "browse.period": "Period",
    "browse.quote": "Quote",
    "browse.context": "In the source text",
    "browse.note": "Note",
    "browse.document": "Document",
    "browse.source": "Source",
    "browse.related": "Related facts",
    "browse.names": "Names",
    "browse.status": "Status",
    "browse.nothing": "Nothing matches {query!r}",
    "browse.copied.plain": "Copied the citation of {id}",
    "browse.copied.markdown": "Copied the Markdown citation of {id}",
    "browse.copied.json": "Copied the JSON of {id}",
    "browse.copy.none": "Select a fact first: only facts are cited",
    "browse.language": "Language: English",
    "browse.key.copy": "Copy",
    "browse.key.markdown": "Markdown",
    "browse.key.json": "JSON",
    "browse.key.lang": "Language",
    "browse.key.view": "View",
    "browse.key.search": "Search",
    "browse.key.quit": "Quit",
    "browse.key.list": "List",
    "browse.bad_date": "Not a date: {text!r} (YYYY, YYYY-MM or YYYY-MM-DD)",
    "statement": "statement",
    "event_kind.ratification": "ratification",
    "caption.source.many": "Sources: {titles}",
    "measure.share": "share",
    "measure.growth": "growth",
    "measure.change": "change",
    "measure.multiple": "multiple",
    "measure.decrease": "decrease",
    "measure.index": "index",
    "measure.amount": "amount",
    "measure.count": "count",
    "measure.rank": "rank",
    "measure.ambiguous": "two readings (see the note)",
    "section.event": "Events",
    "section.figure": "Figures",
    "section.ranking": "World rank",
    "section.export": "Export buyer",
    "section.import": "Import supplier",
    "section.total": "Foreign trade",
    "section.statement": "Statements",
    "flow.trade_share": "Flow",
    # check
    "check.table.sources": "sources",
    "check.table.countries": "countries",
    "check.table.events": "events",
    "check.table.rankings": "rankings",
    "check.table.trade_shares": "trade_shares",
    "check.table.trade_totals": "trade_totals",
    "check.table.figures": "figures",
    "check.table.statements": "statements",
    "check.quotes": "quotes {found}/{checked} found verbatim in {file} (source {source})",
    "check.unchecked": "quotes {count} not checked: their documents are not shipped ({ids})",
    "check.missing": "{origin}: fact {id}: quote: not found in {file}: {quote}",
    "check.missing.country": "{origin}: country {id}: quote: not found in {file}: {quote}",
    "check.more": "… and {more} more {quotes} not found",
    "check.ok": "ok: fact base is valid",
    "export.wrote": "wrote {where} ({summary})",
    "export.stdout": "standard output",
    "check.ok.checked": "ok: fact base is valid and every quote checked was found",
    "check.ok.every": "ok: fact base is valid and every quote was found",
}

KK: dict[str, str] = {
    "country": "Ел",
    "status": "Мәртебесі",
    "since": "Басталған күні",
    "left": "Шыққан күні",
    "founding_acts": "Құрылтай құжаттары",
    "note": "Ескертпе",
    "date": "Уақыты",
    "kind": "Түрі",
    "label": "Оқиға",
    "place": "Өткен жері",
    "participants": "Қатысушылар",
    "mineral": "Пайдалы қазба",
    "rank": "Әлемдегі орны",
    "standing": "Әлемдегі орны",
    "share": "Үлесі, %",
    "value": "Мәні",
    "unit": "Өлшем бірлігі",
    "unit_text": "Өлшем бірлігі (сөзбен)",
    "position": "№",
    "partners": "Серіктестер",
    "flow": "Көрсеткіш",
    "growth": "Өсімі, %",
    "growth_base": "Базалық жыл",
    "topic": "Тақырып",
    "period": "Кезеңі",
    "fact": "Дерек",
    "figure.label": "Көрсеткіш",
    "section": "Бөлім",
    "id": "ID",
    "score": "Ұпай",
    "matched": "Табылған жері",
    "quote": "Дәйексөз",
    "quote_translation": "Аудармасы ({translator})",
    "source": "Дереккөз",
    "sum_check": "Қосындыны тексеру",
    "year": "Жыл",
    "measure": "Көрсеткіш түрі",
    "context": "Мәтіндегі орны",
    "approximate": "Шамамен",
    "certain": "Анық",
    "as_of": "Сұралған уақыт",
    "top": "Алғашқы",
    "text": "Мәтін",
    "sentence": "Сөйлем",
    "citation": "Сілтеме",
    "style": "Стиль",
    "source_title": "Дереккөз атауы",
    "note_source": "Ескертпе негізі",
    "changed": "Соңғы өзгеріс",
    "change.added": "қосылды",
    "change.corrected": "түзетілді",
    "event_kind": "Оқиға түрі",
    "initiator": "Бастамашы",
    "short": "Қысқа атауы",
    "label_en": "Сипаттама (ағылшынша)",
    "label_kk": "Сипаттама (қазақша)",
    "status.member": "мүше",
    "status.associate": "қауымдастырылған мүше",
    "status.left": "бұрынғы мүше",
    "status.uncertain": "анық емес",
    "status.founder": "құрылтайшы мемлекет",
    "status.signatory": "қол қойған, бекітпеген",
    "reason": "Негізі",
    "reason.event": "{event} ({date})",
    "reason.founder_before": (
        "{event} ({date}); мүше мемлекеттерді айқындайтын Жарғы кейін қабылданды ({charter})"
    ),
    "reason.founder_after": (
        "{event} ({date}); Жарғы міндеттемейтін құрылтайшы мемлекет: мүше мемлекет емес"
    ),
    "reason.acceding": "{event} ({date}); құрылтайшы мемлекет емес, Жарғы оны әлі міндеттемейді",
    "reason.signatory": "{event} ({date}); құрылтай құжаттарына қол қойған, бекітпеген",
    "reason.change": "{status}: {date} ({event})",
    "reason.later": "одан кейін — {event} ({date})",
    "status.acceding": "қосылушы мемлекет",
    "status.changed": "өзгерді",
    "from_document": "† мәтінде жоқ: дереккөзі ретінде аталған құжаттан алынды",
    "cis": "ТМД",
    "other": "басқа елдер",
    "all": "барлық елдер",
    "turnover": "сауда айналымы",
    "exports": "экспорт",
    "imports": "импорт",
    "export": "Қазақстан экспортын сатып алушы",
    "import": "Қазақстанға импорт жеткізуші",
    "ranking": "әлемдегі орны",
    "reserve": "қорлар",
    "event": "оқиға",
    "figure": "көрсеткіш",
    "names": "атаулары",
    "trade_share": "саудадағы үлес",
    "trade_total": "сауда көлемі",
    "yes": "иә",
    "no": "жоқ",
    "event_kind.founding": "құрылу",
    "event_kind.meeting": "кездесу",
    "event_kind.declaration": "декларация",
    "event_kind.accession": "қосылу",
    "event_kind.withdrawal": "шығу",
    "event_kind.status-change": "мәртебенің өзгеруі",
    "event_kind.charter": "жарғы",
    "event_kind.decision": "шешім",
    "event_kind.theme-year": "жыл тақырыбы",
    "unit.USD million": "млн АҚШ доллары",
    "unit.%": "%",
    "unit.types": "түр",
    "unit.sites": "орын",
    "unit.USD billion": "млрд АҚШ доллары",
    "unit.billion (unit not stated)": "млрд (бірлігі көрсетілмеген)",
    "unit.billion t": "млрд т",
    "unit.million t": "млн т",
    "unit.countries": "ел",
    "unit.factors": "фактор",
    "unit.languages": "тіл",
    "unit.place": "орын",
    "unit.times": "есе",
    "unit.trillion m³": "трлн м³",
    "unit.years": "жыл",
    "unit.rank": "орын",
    "unit.top": "алғашқы",
    "title.members": "ТМД мүшелері — {date}",
    "title.timeline": "ТМД хронологиясы",
    "title.resources": "Қазақстанның пайдалы қазбалар бойынша әлемдегі орны",
    "title.reserves": "Қазақстанның пайдалы қазба қорлары",
    "title.exports": "Қазақстан экспортын сатып алушылар, {year} ж.",
    "title.imports": "Қазақстанға импорт жеткізушілер, {year} ж.",
    "title.exports.top": "Қазақстан экспортын сатып алатын алғашқы {n} ел, {year} ж.",
    "title.imports.top": "Қазақстанға импорт жеткізетін алғашқы {n} ел, {year} ж.",
    "title.totals": "Қазақстанның сыртқы сауда көлемі, {year} ж.",
    "title.figures": "Экономикалық көрсеткіштер",
    "figures.searched": (
        "«{topic}» деген тақырып жоқ; осы сөзге сәйкес келетін көрсеткіштер көрсетілді."
    ),
    "title.statements": "Мәтіндегі тұжырымдар",
    "title.country": "{name} ({code})",
    "statement.label": "Тұжырым",
    "title.search": "Іздеу нәтижелері: «{query}»",
    "search.more": "барлығы {total} нәтиже, көрсетілгені {shown}; бәрін --limit 0 көрсетеді",
    "ask.translation": "Аударма (cis-facts)",
    "ask.more": "Толығырақ: cis-facts show {id}",
    "error.not_answered": "деректер қорында «{query}» сұрағына жауап жоқ; cis-facts search көріңіз",
    "title.chart": "ТМД-ға мүшелік кестесі, {first}–{last} жж.",
    "caption.source": "Дереккөз: {titles}",
    "caption.imports": "Мәтін жеткізушілерді ретімен атайды, үлестерін бермейді.",
    "notes": "Ескертпелер",
    "standing.rank": "{n}-орын",
    "position.n": "№ {n}",
    "standing.top": "алғашқы {n}",
    "world_share": "әлемдегі үлесі {share}\u00a0%",
    "share_note": (
        "Көрсетілген {count} елдің үлестерінің қосындысы: {total}\u00a0%; қалған {rest}\u00a0% "
        "мәтінде ешбір елге жатқызылмаған."
    ),
    "share_note.top": (
        "Көрсетілген {shown} елдің үлестерінің қосындысы: {total}\u00a0% (барлығы {count} ел, "
        "{all}\u00a0%); {rest}\u00a0% мәтінде ешбір елге жатқызылмаған."
    ),
    "sum.ok": "{what} = {total} ✓",
    "sum.mismatch": "СӘЙКЕС ЕМЕС: {what} = {total}, мәтінде {stated} (айырмасы {diff})",
    "sum.turnover": "экспорт + импорт",
    "sum.partners": "ТМД + басқа елдер",
    "after_latest": (
        "Сұралған уақыт ({date}) дерекқордағы мүшелікке қатысты соңғы оқиғадан ({event}, "
        "{latest}) кейін; одан кейінгі деректер дерекқорда жоқ, сондықтан жауап ескірген болуы "
        "мүмкін."
    ),
    "note.as_of": (
        "Жағдай күні: {date}, дерекқордағы мүшелікке қатысты соңғы оқиға ({event}); одан "
        "кейінгі деректер дерекқорда жоқ."
    ),
    "uncertain": (
        "{event} ({when}): сұралған уақытқа ({day}) дейін болған-болмағанын дерекқор анықтай "
        "алмайды"
    ),
    "uncertain.period": (
        "{event} ({when}): оның {period} кезеңінен бұрын, сол кезеңде не кейін болғанын "
        "дерекқор анықтай алмайды"
    ),
    "chart.acceding": "Жарғыдан кейін бекіткен не қосылған, Жарғы міндеттемейді",
    "card.codes": "ISO 3166-1: {codes} · Уикидерек: {qid}",
    "card.status": "{status} (басталуы: {date})",
    "card.status.left": "ТМД құрамында: {since} – {left}",
    "chart.member": "мүше",
    "chart.associate": "қауымдастырылған мүше",
    "chart.joined": "осы жылы қосылды не мүше мемлекет болды",
    "chart.became_associate": "осы жылы қауымдастырылған мүше болды",
    "chart.left": "осы жылы шықты",
    "chart.none": "мүше емес",
    "chart.founder": "құрылтайшы мемлекет, мүше емес",
    "chart.signatory": "қол қойған, бекітпеген",
    "chart.on": (
        "--chart барлық жылдарды көрсетеді; --on оны шектей алмайды (--on-ды --chart-сыз "
        "қолданыңыз)"
    ),
    "date.day": "{y} жылғы {d} {month}",
    "date.month": "{y} жылғы {month}",
    "date.year": "{y} жылы",
    "date.span": "{a}–{b} жылдары",
    "date.span_table": "{a}–{b} жж.",
    "cite.source": "Дереккөз",
    "cite.quote": "дәйексөз",
    "cite.translation": "{translator} аудармасы",
    "cite.correction": "Ескертпе",
    "cite.document": "құжат",
    "cite.accessed": "cis-facts дерекқорынан алынды",
    "cite.sentence": "{paragraph}-абзац, {sentence}-сөйлем",
    "cite.sentences": "{paragraph}-абзац, {sentence}-сөйлемдер",
    "cite.sources": "Дереккөздер",
    "cite.sentence_only": "{sentence}-сөйлем",
    "cite.references": "Әдебиеттер",
    "ref.author_unknown": "Авторы белгісіз",
    "ref.circa": "шамамен {date}",
    "ref.no_date": "күні көрсетілмеген",
    "ref.not_before": "ерте дегенде {date}",
    "ref.accessed": "қаралған күні: {date}",
    "ref.undated_genre": "күні көрсетілмеген, ерте дегенде {date}",
    "sentence.withdrawal": "{who} {when} ТМД-дан шықты.",
    "sentence.accession": "{who} {when} ТМД-ға қосылды.",
    "sentence.rejoining": "{who} {when} ТМД-ға қайта қосылды.",
    "sentence.founding": "{who} {when} {short} қол қойды.",
    "sentence.associate": "{who} {when} ТМД-ның қауымдастырылған мүшесі болды.",
    "sentence.dated": "{label} ({when}).",
    "sentence.export": (
        "{year} жылы {who} – Қазақстан өнімін сатып алатын басты елдер тізімінде "
        "{n}-орында, экспорттағы үлесі {share}\u00a0%."
    ),
    "sentence.import": (
        "{year} жылы {who} – Қазақстанға импорттық өнім жеткізетін негізгі елдер тізімінде "
        "{n}-орында."
    ),
    "and": "және",
    "matched.label": "сипаттама",
    "matched.names": "атаулары",
    "matched.quote": "дәйексөз",
    "matched.note": "ескертпе",
    "show.title": "{kind}: {id}",
    # topics of figures and statements (group labels)
    "topic.history": "Тарих",
    "topic.world-gdp": "Әлемдік ЖІӨ",
    "topic.kazakhstan-gdp": "Қазақстанның ЖІӨ-сі",
    "topic.world-exports": "Әлемдік экспорт",
    "topic.export-growth": "Экспорттың өсуі",
    "topic.investment": "Инвестициялар",
    "topic.reserves": "Қорлар",
    "topic.trade-partners": "Сауда серіктестері",
    "topic.export-structure": "Экспорт құрылымы",
    "topic.languages": "Тілдер",
    "topic.cis-nature": "ТМД-ның сипаты",
    "topic.kazakhstan-cis-policy": "Қазақстанның ТМД саясаты",
    "topic.cis-plans": "ТМД жоспарлары",
    "topic.gdp": "ЖІӨ",
    "topic.export-geography": "Экспорт географиясы",
    "topic.import-structure": "Импорт құрылымы",
    # messages that describe data
    "unit.percentage points": "пайыздық тармақ",
    "error.no_fact": "«{id}» идентификаторы бар дерек жоқ",
    "error.unknown_keys": (
        "ешбір деректі атамайтын дәйексөз кілттері: {keys}; "
        "өз библиографияңыздың кілттерін --other-bibliography FILE арқылы беріңіз"
    ),
    "error.draft_encoding": "{file}: UTF-8 мәтіні емес",
    "error.draft_unreadable": "{file}: оқу мүмкін емес ({reason})",
    "error.bad_bibliography": "{file}: CSL-JSON немесе BibTeX библиографиясы емес",
    "error.no_country": "белгісіз ел: «{name}»",
    "error.no_topic_listed": "«{topic}» тақырыбы жоқ; тақырыптар: {topics}",
    "error.choose_from": "Рұқсат етілген мәндер: {choices}.",
    "error.close_choice": "Мүмкін, «{choice}» болар?",
    "error.grouping.eu": (
        "«{name}» – Еуропалық одақ, мемлекет емес: оның деректері – cis-facts search Еуропалық одақ"
    ),
    "error.grouping.cis": (
        "«{name}» – Тәуелсіз Мемлекеттер Достастығы, мемлекет емес: оның мүшелері – "
        "cis-facts members"
    ),
    "error.no_words": "«{query}» сұрауы бойынша ештеңе табылмады: онда сөз де, сан да жоқ",
    "error.no_match": "«{query}» сұрауы бойынша ештеңе табылмады",
    "error.no_topic": "«{topic}» тақырыбы жоқ",
    "error.no_partner.export": "{name} дерекқордағы экспорт сатып алушыларының арасында жоқ",
    "error.no_partner.import": "{name} дерекқордағы импорт жеткізушілерінің арасында жоқ",
    "error.no_mineral": "«{mineral}» бойынша әлемдегі орны да, қоры да жоқ",
    "error.empty_mineral": "пайдалы қазбаның атауы бос",
    "error.no_ranking": "бұл шарттарға сай келетін әлемдегі орын жоқ",
    "error.no_membership_events": "дерекқорда мүшелікке қатысты бірде-бір оқиға жоқ",
    "error.no_partners.export": "дерекқорда экспорт сатып алушылары жоқ",
    "error.no_partners.import": "дерекқорда импорт жеткізушілері жоқ",
    "error.no_totals": "дерекқорда сыртқы сауда көлемі туралы дерек жоқ",
    "error.empty_country": "елдің атауы бос",
    "error.no_items.figures": "дерекқорда экономикалық көрсеткіштер жоқ",
    "error.no_items.statements": "дерекқорда мәтіннің тұжырымдары жоқ",
    "error.no_event": "бұл шарттарға сай келетін оқиға жоқ",
    "error.no_member": "Сұралған уақытта ({date}) ТМД-ның бірде-бір мүшесі болған жоқ",
    "error.did_you_mean": " (мүмкін, мынаны іздеген боларсыз: {names})",
    # the browser
    "browse.search": "Іздеу: сұрақ не сөздер; @1993-12 — сол кездегі мүшелер",
    "browse.value": "Мәні",
    "browse.date": "Уақыты",
    "browse.period": "Кезеңі",
    "browse.quote": "Дәйексөз",
    "browse.context": "Дереккөз мәтінінде",
    "browse.note": "Ескертпе",
    "browse.document": "Құжат",
    "browse.source": "Дереккөз",
    "browse.related": "Байланысты деректер",
    "browse.names": "Атаулары",
    "browse.status": "Мәртебесі",
    "browse.nothing": "«{query}» сұрауы бойынша ештеңе табылмады",
    "browse.copied.plain": "{id}: сілтеме көшірілді",
    "browse.copied.markdown": "{id}: Markdown сілтемесі көшірілді",
    "browse.copied.json": "{id}: JSON көшірілді",
    "browse.copy.none": "Алдымен дерек таңдаңыз: тек деректерге сілтеме беріледі",
    "browse.language": "Тіл: қазақша",
    "browse.key.copy": "Көшіру",
    "browse.key.markdown": "Markdown",
    "browse.key.json": "JSON",
    "browse.key.lang": "Тіл",
    "browse.key.view": "Көрініс",
    "browse.key.search": "Іздеу",
    "browse.key.quit": "Шығу",
    "browse.key.list": "Тізім",
    "browse.bad_date": "«{text}» – күн емес (ЖЖЖЖ, ЖЖЖЖ-АА не ЖЖЖЖ-АА-КК)",
    "statement": "тұжырым",
    "event_kind.ratification": "бекіту",
    "caption.source.many": "Дереккөздер: {titles}",
    "measure.share": "үлес",
    "measure.growth": "өсім",
    "measure.change": "өзгеріс",
    "measure.multiple": "еселік",
    "measure.decrease": "кему",
    "measure.index": "индекс",
    "measure.amount": "көлемі",
    "measure.count": "саны",
    "measure.rank": "орын",
    "measure.ambiguous": "екі түрлі түсіндіру (ескертпені қараңыз)",
    "section.event": "Оқиғалар",
    "section.figure": "Көрсеткіштер",
    "section.ranking": "Әлемдегі орны",
    "section.export": "Қазақстан экспортын сатып алушы",
    "section.import": "Қазақстанға импорт жеткізуші",
    "section.total": "Сыртқы сауда",
    "section.statement": "Мәтіндегі тұжырымдар",
    "flow.trade_share": "Рөлі",
    # check
    "check.table.sources": "дереккөздер",
    "check.table.countries": "елдер",
    "check.table.events": "оқиғалар",
    "check.table.rankings": "әлемдегі орындар",
    "check.table.trade_shares": "саудадағы үлестер",
    "check.table.trade_totals": "сауда көлемдері",
    "check.table.figures": "көрсеткіштер",
    "check.table.statements": "тұжырымдар",
    "check.quotes": (
        "дәйексөздер: {found}/{checked} {file} мәтінінен сөзбе-сөз табылды (дереккөз: {source})"
    ),
    "check.unchecked": (
        "{count} дәйексөз тексерілмеді: олардың құжаттары пакетке кірмеген ({ids})"
    ),
    "check.missing": "{origin}: {id} дерегі: дәйексөз {file} мәтінінде табылмады: {quote}",
    "check.missing.country": "{origin}: {id} елі: дәйексөз {file} мәтінінде табылмады: {quote}",
    "check.more": "… тағы {more} дәйексөз табылмады",
    "check.ok": "дұрыс: дерекқор жарамды",
    "export.wrote": "{where} жазылды ({summary})",
    "export.stdout": "стандартты шығыс",
    "error.exists": "{path} бұрыннан бар; қайта жазу үшін --force беріңіз",
    "error.fact_file": "{path} жазылмайды: бұл экспортталатын деректер файлы",
    "error.no_directory": "{path} жазылмайды: {dir} каталогы жоқ",
    "check.ok.checked": "дұрыс: дерекқор жарамды, тексерілген дәйексөздердің бәрі табылды",
    "check.ok.every": "дұрыс: дерекқор жарамды, барлық дәйексөз табылды",
    "error.no_command": "мұндай команда жоқ: «{name}»",
    "error.empty_query": "іздейтін ештеңе жоқ: сұрау бос",
    "error.fields_too_many": "--fields: {max} атаудан көп",
    "error.fields_none": "--fields: «{fields}» ішінде бірде-бір өріс аталмаған",
    "error.fields_empty": "--fields: «{fields}» ішінде бос өріс атауы бар",
    "error.fields_twice": "--fields: {names} екі рет берілген",
    "error.unknown_field": "белгісіз өріс: {names}; жарамды өрістер: {valid}",
    "error.template_and_fields": "--template пен --fields бірге берілмейді",
    "error.template_brace": (
        "--template: {pos}-орында жалғыз «}}»; жақшаның өзі үшін «}}}}» деп жазыңыз"
    ),
    "error.template_field": (
        "--template: {pos}-орындағы «{shown}» – жақша ішіндегі өріс атауы емес; жақшаның өзі "
        "үшін «{{{{» деп жазыңыз"
    ),
    "error.date_not_a_date": "«{text}» – күн емес (ЖЖЖЖ, ЖЖЖЖ-АА, ЖЖЖЖ-АА-КК не today)",
    "error.date_no_year_0": "0 жыл болмайды: «{text}»",
    "error.date_no_month": "{month} деген ай жоқ: «{text}»",
    "error.date_no_day": "«{text}» деген күн жоқ: айдың соңғы күні – {days}",
    "error.no_fact_ids": "дерек идентификаторлары жоқ: стандартты кірісте бірде-біреуі болмады",
    "error.from_after_to": "{start} --to {end} мәнінен кейін",
    "error.totals_country": "totals үшін емес (exports не imports үшін ғана)",
    "error.browse_terminal": (
        "browse үшін терминал керек (stdin, stdout не stderr терминал емес); скрипттер мен "
        "конвейерлерде `cis-facts search СӨЗДЕР` не `cis-facts show ID` қолданыңыз"
    ),
    "error.no_source_file": "ешбір дереккөз жазбасының file өрісінде «{name}» аталмаған",
    "error.cannot_read": "{path} оқылмады: {reason}",
}

RU: dict[str, str] = {
    "country": "Страна",
    "status": "Статус",
    "since": "Дата начала",
    "left": "Дата выхода",
    "founding_acts": "Учредительные документы",
    "note": "Примечание",
    "date": "Дата",
    "kind": "Вид",
    "label": "Событие",
    "place": "Место",
    "participants": "Участники",
    "mineral": "Полезное ископаемое",
    "rank": "Место в мире",
    "standing": "Место в мире",
    "share": "Доля, %",
    "value": "Значение",
    "unit": "Ед. изм.",
    "unit_text": "Ед. изм. (словами)",
    "position": "№",
    "partners": "Партнёры",
    "flow": "Показатель",
    "growth": "Прирост, %",
    "growth_base": "Базовый год",
    "topic": "Тема",
    "period": "Период",
    "fact": "Факт",
    "figure.label": "Показатель",
    "section": "Раздел",
    "id": "ID",
    "score": "Релевантность",
    "matched": "Где найдено",
    "quote": "Цитата",
    "quote_translation": "Перевод ({translator})",
    "source": "Источник",
    "sum_check": "Проверка суммы",
    "year": "Год",
    "measure": "Вид показателя",
    "context": "Контекст",
    "approximate": "Приблизительно",
    "certain": "Точно",
    "as_of": "По состоянию на",
    "top": "Первые",
    "text": "Текст",
    "sentence": "Предложение",
    "citation": "Ссылка",
    "style": "Стиль",
    "source_title": "Название источника",
    "note_source": "Основание примечания",
    "changed": "Последнее изменение",
    "change.added": "добавлен",
    "change.corrected": "исправлен",
    "event_kind": "Вид события",
    "initiator": "Инициатор",
    "short": "Краткое название",
    "label_en": "Описание (по-английски)",
    "label_kk": "Описание (по-казахски)",
    "status.member": "член",
    "status.associate": "ассоциированный член",
    "status.left": "бывший член",
    "status.uncertain": "не установлен",
    "status.founder": "государство-учредитель",
    "status.signatory": "подписавшее, не ратифицировавшее",
    "reason": "Основание",
    "reason.event": "{event} ({date})",
    "reason.founder_before": (
        "{event} ({date}); государства-члены определены лишь Уставом от {charter}"
    ),
    "reason.founder_after": (
        "{event} ({date}); государство-учредитель, не связанное Уставом: не государство-член"
    ),
    "reason.acceding": "{event} ({date}); не государство-учредитель, Уставом ещё не связано",
    "reason.signatory": "{event} ({date}); учредительные документы подписаны, не ратифицированы",
    "reason.change": "{status}: {date} ({event})",
    "reason.later": "позднее — {event} ({date})",
    "status.acceding": "присоединяющееся государство",
    "status.changed": "изменился",
    "from_document": "† нет в тексте: взято из документа, названного источником",
    "cis": "СНГ",
    "other": "другие страны",
    "all": "все страны",
    "turnover": "товарооборот",
    "exports": "экспорт",
    "imports": "импорт",
    "export": "покупатель казахстанского экспорта",
    "import": "поставщик импорта в Казахстан",
    "ranking": "место в мире",
    "reserve": "запасы",
    "event": "событие",
    "figure": "показатель",
    "names": "названия",
    "trade_share": "доля в торговле",
    "trade_total": "объём торговли",
    "yes": "да",
    "no": "нет",
    "event_kind.founding": "создание",
    "event_kind.meeting": "встреча",
    "event_kind.declaration": "декларация",
    "event_kind.accession": "вступление",
    "event_kind.withdrawal": "выход",
    "event_kind.status-change": "изменение статуса",
    "event_kind.charter": "устав",
    "event_kind.decision": "решение",
    "event_kind.theme-year": "тема года",
    "unit.USD million": "млн долл. США",
    "unit.%": "%",
    "unit.percentage points": "п. п.",
    "unit.USD billion": "млрд долл. США",
    "unit.billion (unit not stated)": "млрд (единица не указана)",
    "unit.billion t": "млрд т",
    "unit.million t": "млн т",
    "unit.place": "место",
    "unit.trillion m³": "трлн м³",
    "unit.rank": "место",
    "unit.top": "первые",
    "title.members": "Состав СНГ на {date}",
    "title.timeline": "Хронология СНГ",
    "title.resources": "Место Казахстана в мире по полезным ископаемым",
    "title.reserves": "Запасы полезных ископаемых Казахстана",
    "title.exports": "Покупатели казахстанского экспорта, {year} г.",
    "title.imports": "Поставщики казахстанского импорта, {year} г.",
    "title.exports.top": "Покупатели казахстанского экспорта, {year} г.: первые {n}",
    "title.imports.top": "Поставщики казахстанского импорта, {year} г.: первые {n}",
    "title.totals": "Внешняя торговля Казахстана, {year} г.",
    "title.figures": "Экономические показатели",
    "figures.searched": "Темы «{topic}» нет; ниже — показатели, найденные по этому слову.",
    "title.statements": "Утверждения текста",
    "statement.label": "Утверждение",
    "title.search": "Результаты поиска: «{query}»",
    "search.more": "показано {shown} из {total}; все результаты: --limit 0",
    "ask.translation": "Перевод (cis-facts)",
    "ask.more": "Подробнее: cis-facts show {id}",
    "error.not_answered": (
        "в базе фактов нет ответа на вопрос «{query}»; попробуйте cis-facts search"
    ),
    "title.chart": "Членство в СНГ, {first}–{last} гг.",
    "title.country": "{name} ({code})",
    "caption.source": "Источник: {titles}",
    "caption.imports": "Текст перечисляет поставщиков по порядку и не приводит их долей.",
    "notes": "Примечания",
    "standing.rank": "{n}-е",
    "position.n": "№ {n}",
    "standing.top": "в числе первых {n}",
    "world_share": "доля в мире {share}\u00a0%",
    "share_note": (
        "Сумма долей названных стран ({count}): {total}\u00a0%; остальные {rest}\u00a0% текст "
        "ни одной стране не относит."
    ),
    "share_note.top": (
        "Сумма показанных долей ({shown}): {total}\u00a0% (всего названо стран: {count}; их "
        "доли в сумме {all}\u00a0%); остальные {rest}\u00a0% текст ни одной стране не относит."
    ),
    "sum.ok": "{what} = {total} ✓",
    "sum.mismatch": "РАСХОЖДЕНИЕ: {what} = {total}, в тексте {stated} (разница {diff})",
    "sum.turnover": "экспорт + импорт",
    "sum.partners": "СНГ + другие страны",
    "after_latest": (
        "Дата {date} позже последнего относящегося к членству события в базе ({event}, "
        "{latest}); более поздних сведений в базе нет, поэтому ответ может быть неактуален."
    ),
    "note.as_of": (
        "По состоянию на {date} — последнее относящееся к членству событие в базе ({event}); "
        "более поздних сведений в базе нет."
    ),
    "uncertain.period": (
        "{event}: дата известна неточно ({when}); по данным базы нельзя установить, произошло "
        "ли это до, в течение или после периода «{period}»"
    ),
    "chart.acceding": "ратифицировало или вступило после принятия Устава, Уставом не связано",
    "uncertain": (
        "{event}: дата известна неточно ({when}); по данным базы нельзя установить, произошло "
        "ли это к {day}"
    ),
    "card.codes": "ISO 3166-1: {codes} · Викиданные: {qid}",
    "card.status": "{status} с {date}",
    "card.status.left": "в составе СНГ: {since} — {left}",
    "chart.member": "член",
    "chart.associate": "ассоциированный член",
    "chart.joined": "в этом году: вступление в СНГ или получение статуса государства-члена",
    "chart.became_associate": "в этом году: получение статуса ассоциированного члена",
    "chart.left": "выход в этом году",
    "chart.none": "не член",
    "chart.founder": "государство-учредитель, не государство-член",
    "chart.signatory": "подписавшее, не ратифицировавшее",
    "chart.on": (
        "--chart показывает все годы; --on не может его ограничить (используйте --on без --chart)"
    ),
    "date.day": "{d}\u00a0{month} {y}\u00a0г.",
    "date.month": "в {month} {y}\u00a0г.",
    "date.year": "в {y}\u00a0г.",
    "date.span": "в {a}–{b}\u00a0гг.",
    "date.span_table": "{a}–{b}\u00a0гг.",
    "cite.source": "Источник",
    "cite.quote": "цитата",
    "cite.translation": "перевод {translator}",
    "cite.correction": "Примечание",
    "cite.document": "документ",
    "cite.accessed": "по данным базы фактов cis-facts",
    "cite.sentence": "абзац {paragraph}, предложение {sentence}",
    "cite.sentences": "абзац {paragraph}, предложения {sentence}",
    "cite.sources": "Источники",
    "cite.sentence_only": "предложение {sentence}",
    "cite.references": "Список литературы",
    "ref.author_unknown": "Автор неизвестен",
    "ref.circa": "ок. {date}",
    "ref.no_date": "б. г.",
    "ref.not_before": "не ранее {date}",
    "ref.accessed": "дата обращения: {date}",
    "ref.undated_genre": "без даты, не ранее {date}",
    "sentence.withdrawal": "{who} вышел из СНГ {when}.",
    "sentence.withdrawal.f": "{who} вышла из СНГ {when}.",
    "sentence.withdrawal.pl": "{who} вышли из СНГ {when}.",
    "sentence.withdrawal.n": "{who} вышло из СНГ {when}.",
    "sentence.accession": "{who} вступил в СНГ {when}.",
    "sentence.accession.f": "{who} вступила в СНГ {when}.",
    "sentence.accession.pl": "{who} вступили в СНГ {when}.",
    "sentence.accession.n": "{who} вступило в СНГ {when}.",
    "sentence.rejoining": "{who} вновь вступил в СНГ {when}.",
    "sentence.rejoining.f": "{who} вновь вступила в СНГ {when}.",
    "sentence.rejoining.pl": "{who} вновь вступили в СНГ {when}.",
    "sentence.rejoining.n": "{who} вновь вступило в СНГ {when}.",
    "sentence.founding": "{who} подписал {short} {when}.",
    "sentence.founding.f": "{who} подписала {short} {when}.",
    "sentence.founding.pl": "{who} подписали {short} {when}.",
    "sentence.founding.n": "{who} подписало {short} {when}.",
    "sentence.associate": "{who} стал ассоциированным членом СНГ {when}.",
    "sentence.associate.f": "{who} стала ассоциированным членом СНГ {when}.",
    "sentence.associate.pl": "{who} стали ассоциированными членами СНГ {when}.",
    "sentence.associate.n": "{who} стало ассоциированным членом СНГ {when}.",
    "sentence.dated": "{label} ({when}).",
    "sentence.export": (
        "{who} — {n}-й в перечне основных покупателей казахстанской продукции в {year}\u00a0г. "
        "({share}\u00a0%)."
    ),
    "sentence.import": (
        "{who} — {n}-й в списке основных поставщиков импорта в Казахстан в {year}\u00a0г."
    ),
    "and": "и",
    "matched.label": "описание",
    "matched.names": "названия",
    "matched.quote": "цитата",
    "matched.note": "примечание",
    "show.title": "{kind}: {id}",
    "topic.history": "История",
    "topic.world-gdp": "Мировой ВВП",
    "topic.kazakhstan-gdp": "ВВП Казахстана",
    "topic.world-exports": "Мировой экспорт",
    "topic.export-growth": "Рост экспорта",
    "topic.investment": "Инвестиции",
    "topic.reserves": "Запасы",
    "topic.trade-partners": "Торговые партнёры",
    "topic.export-structure": "Структура экспорта",
    "topic.languages": "Языки",
    "topic.cis-nature": "Что такое СНГ",
    "topic.kazakhstan-cis-policy": "Политика Казахстана в СНГ",
    "topic.cis-plans": "Планы СНГ",
    "topic.gdp": "ВВП",
    "topic.export-geography": "География экспорта",
    "topic.import-structure": "Структура импорта",
    # what was not found (the English is the query's own message)
    "error.no_fact": "нет факта с id «{id}»",
    "error.unknown_keys": (
        "ключи цитирования, не называющие ни одного факта: {keys}; "
        "ключи собственной библиографии передайте через --other-bibliography FILE"
    ),
    "error.draft_encoding": "{file}: не текст в UTF-8",
    "error.draft_unreadable": "{file}: не удаётся прочитать ({reason})",
    "error.bad_bibliography": "{file}: не библиография CSL-JSON или BibTeX",
    "error.no_country": "неизвестная страна «{name}»",
    "error.no_topic_listed": "нет темы «{topic}»; темы: {topics}",
    "error.choose_from": "Допустимые значения: {choices}.",
    "error.close_choice": "Возможно, имелось в виду «{choice}»?",
    "error.grouping.eu": (
        "«{name}» — Европейский союз, а не государство: его факты — "
        "cis-facts search Европейский союз"
    ),
    "error.grouping.cis": (
        "«{name}» — Содружество Независимых Государств, а не государство: его члены — "
        "cis-facts members"
    ),
    "error.no_words": "по запросу «{query}» ничего не найдено: в нём нет ни слов, ни чисел",
    "error.no_match": "по запросу «{query}» ничего не найдено",
    "error.no_topic": "нет темы «{topic}»",
    "error.no_partner.export": (
        "страны «{name}» нет среди покупателей казахстанского экспорта в базе"
    ),
    "error.no_partner.import": "страны «{name}» нет среди поставщиков импорта в Казахстан в базе",
    "error.no_mineral": (
        "для полезного ископаемого «{mineral}» в базе нет ни места в мире, ни запасов"
    ),
    "error.no_member": "{when} ни одно государство не входило в СНГ",
    "error.empty_mineral": "пустое название полезного ископаемого",
    "error.no_ranking": "под эти условия не подходит ни одно место Казахстана в мире",
    "error.no_membership_events": "в базе нет ни одного события, касающегося членства",
    "error.no_partners.export": "в базе нет покупателей казахстанского экспорта",
    "error.no_partners.import": "в базе нет поставщиков казахстанского импорта",
    "error.no_totals": "в базе нет данных об объёмах внешней торговли",
    "error.empty_country": "пустое название страны",
    "error.no_items.figures": "в базе нет экономических показателей",
    "error.no_items.statements": "в базе нет утверждений текста",
    "error.no_event": "под эти условия не подходит ни одно событие",
    "error.did_you_mean": " (возможно, имелось в виду: {names})",
    # the browser
    "browse.search": "Поиск: вопрос или слова; @1993-12 — члены на эту дату",
    "browse.value": "Значение",
    "browse.date": "Дата",
    "browse.period": "Период",
    "browse.quote": "Цитата",
    "browse.context": "В исходном тексте",
    "browse.note": "Примечание",
    "browse.document": "Документ",
    "browse.source": "Источник",
    "browse.related": "Связанные факты",
    "browse.names": "Названия",
    "browse.status": "Статус",
    "browse.nothing": "По запросу «{query}» ничего не найдено",
    "browse.copied.plain": "Ссылка на {id} скопирована",
    "browse.copied.markdown": "Ссылка на {id} в Markdown скопирована",
    "browse.copied.json": "JSON факта {id} скопирован",
    "browse.copy.none": "Сначала выберите факт: ссылки даются только на факты",
    "browse.language": "Язык: русский",
    "browse.key.copy": "Копировать",
    "browse.key.markdown": "Markdown",
    "browse.key.json": "JSON",
    "browse.key.lang": "Язык",
    "browse.key.view": "Вид",
    "browse.key.search": "Поиск",
    "browse.key.quit": "Выход",
    "browse.key.list": "Список",
    "browse.bad_date": "Неверная дата: «{text}» (формат: ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)",
    "statement": "утверждение",
    "event_kind.ratification": "ратификация",
    "caption.source.many": "Источники: {titles}",
    "measure.share": "доля",
    "measure.growth": "прирост",
    "measure.change": "изменение",
    "measure.multiple": "кратность",
    "measure.decrease": "снижение",
    "measure.index": "индекс",
    "measure.amount": "объём",
    "measure.count": "количество",
    "measure.rank": "место",
    "measure.ambiguous": "два прочтения (см. примечание)",
    "section.event": "События",
    "section.figure": "Показатели",
    "section.ranking": "Место в мире",
    "section.export": "Покупатель казахстанского экспорта",
    "section.import": "Поставщик импорта в Казахстан",
    "section.total": "Внешняя торговля",
    "section.statement": "Утверждения текста",
    "flow.trade_share": "Роль",
    "standing.top.10": "в первой десятке",
    # check
    "check.table.sources": "источники",
    "check.table.countries": "страны",
    "check.table.events": "события",
    "check.table.rankings": "места в мире",
    "check.table.trade_shares": "доли в торговле",
    "check.table.trade_totals": "объёмы торговли",
    "check.table.figures": "показатели",
    "check.table.statements": "утверждения",
    "check.quotes": ("цитаты: {found} из {checked} найдены дословно в {file} (источник {source})"),
    "check.unchecked": ("не проверены цитаты ({count}): их документов нет в пакете ({ids})"),
    "check.missing": "{origin}: факт {id}: цитата не найдена в {file}: {quote}",
    "check.missing.country": "{origin}: страна {id}: цитата не найдена в {file}: {quote}",
    "check.more": "… и ещё не найдены цитаты: {more}",
    "check.ok": "в порядке: база фактов корректна",
    "export.wrote": "записано: {where} ({summary})",
    "export.stdout": "стандартный вывод",
    "error.exists": "{path} уже существует; чтобы перезаписать, укажите --force",
    "error.fact_file": "нельзя записать {path}: это экспортируемый файл фактов",
    "error.no_directory": "нельзя записать {path}: каталога {dir} не существует",
    "check.ok.checked": "в порядке: база фактов корректна, все проверенные цитаты найдены",
    "check.ok.every": "в порядке: база фактов корректна, все цитаты найдены",
    "error.no_command": "нет такой команды: «{name}»",
    "error.empty_query": "искать нечего: запрос пуст",
    "error.fields_too_many": "--fields: больше {max} названий",
    "error.fields_none": "--fields: в «{fields}» не названо ни одного поля",
    "error.fields_empty": "--fields: пустое название поля в «{fields}»",
    "error.fields_twice": "--fields: {names} указаны дважды",
    "error.unknown_field": "неизвестное поле: {names}; допустимые поля: {valid}",
    "error.template_and_fields": "--template и --fields нельзя указывать вместе",
    "error.template_brace": (
        "--template: одиночная «}}» в позиции {pos}; саму скобку пишите как «}}}}»"
    ),
    "error.template_field": (
        "--template: «{shown}» в позиции {pos} — не название поля в фигурных скобках; саму "
        "скобку пишите как «{{{{»"
    ),
    "error.date_not_a_date": "«{text}» — не дата (ГГГГ, ГГГГ-ММ, ГГГГ-ММ-ДД или today)",
    "error.date_no_year_0": "года 0 не существует: «{text}»",
    "error.date_no_month": "месяца {month} не существует: «{text}»",
    "error.date_no_day": "даты «{text}» не существует: последний день этого месяца — {days}-е",
    "error.no_fact_ids": "нет id фактов: во входном потоке их не оказалось",
    "error.from_after_to": "{start} позже, чем --to {end}",
    "error.totals_country": "не для totals (только для exports или imports)",
    "error.browse_terminal": (
        "для browse нужен терминал (stdin, stdout или stderr — не терминал); в скриптах и "
        "конвейерах используйте `cis-facts search СЛОВА` или `cis-facts show ID`"
    ),
    "error.no_source_file": "ни одна запись источника не называет «{name}» в поле file",
    "error.cannot_read": "не удаётся прочитать {path}: {reason}",
}

# Month names in the prepositional case ("в декабре"), for a month in running text; a day
# takes CLDR's format names, which are genitive ("18 августа").
RU_MONTHS_IN = (
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
)

# Month names in the locative case ("in August"), for dates in running text.
KK_MONTHS_IN = (
    "қаңтарда",
    "ақпанда",
    "наурызда",
    "сәуірде",
    "мамырда",
    "маусымда",
    "шілдеде",
    "тамызда",
    "қыркүйекте",
    "қазанда",
    "қарашада",
    "желтоқсанда",
)

TABLES: Mapping[str, Mapping[str, str]] = {"en": EN, "kk": KK, "ru": RU}

# Words whose form depends on the number before them, by CLDR plural category (one, few,
# many, other; see locale_data.PLURAL). Kazakh nouns keep one form after a numeral
# («171 ел»), so its table gives the plain word.
COUNTED: Mapping[str, Mapping[str, Mapping[str, str]]] = {
    "en": {
        "unit.countries": {"one": "country", "other": "countries"},
        "unit.factors": {"one": "factor", "other": "factors"},
        "unit.languages": {"one": "language", "other": "languages"},
        "unit.sites": {"one": "site", "other": "sites"},
        "unit.times": {"one": "time", "other": "times"},
        "unit.types": {"one": "type", "other": "types"},
        "unit.years": {"one": "year", "other": "years"},
        "unit.percentage points": {"one": "percentage point", "other": "percentage points"},
    },
    "ru": {
        "unit.countries": {"one": "страна", "few": "страны", "many": "стран", "other": "страны"},
        "unit.factors": {"one": "фактор", "few": "фактора", "many": "факторов", "other": "фактора"},
        "unit.languages": {"one": "язык", "few": "языка", "many": "языков", "other": "языка"},
        "unit.sites": {"one": "место", "few": "места", "many": "мест", "other": "места"},
        "unit.times": {"one": "раз", "few": "раза", "many": "раз", "other": "раза"},
        "unit.types": {"one": "вид", "few": "вида", "many": "видов", "other": "вида"},
        "unit.years": {"one": "год", "few": "года", "many": "лет", "other": "года"},
    },
}


def _positional(number: str) -> str:
    """``number`` in scientific notation ("1e+308", "2.5e-05") written without an exponent,
    digit for digit; anything else comes back as it was."""
    mantissa, _, exponent = number.lower().partition("e")
    whole, _, fraction = mantissa.partition(".")
    try:
        shift = int(exponent)
    except ValueError:
        return number
    if not (whole + fraction).isdigit() or abs(shift) > 10_000:
        return number
    digits, point = whole + fraction, len(whole) + shift
    if point <= 0:
        return "0." + "0" * -point + digits
    if point >= len(digits):
        return digits + "0" * (point - len(digits))
    return digits[:point] + "." + digits[point:]


def plural_category(number: str, lang: Lang) -> str:
    """CLDR's plural category (one, few, many, other) of ``number`` as written, in ``lang``:
    ``"3.8"`` is not ``"3.80"`` (visible fraction digits count)."""
    digits = number.lstrip("-")
    if "e" in digits.lower():  # repr's "1e+308", "2.5e-05": the digits written out
        digits = _positional(digits)
    if not digits.replace(".", "", 1).isdigit():  # "inf", "nan"
        return "other"
    whole, _, fraction = digits.partition(".")
    i, f = int(whole or 0), int(fraction or 0)
    trimmed = fraction.rstrip("0")
    rule = PLURAL.get(lang, PLURAL["en"])
    return rule(float(digits), i, len(fraction), len(trimmed), f, int(trimmed or 0))


def counted(key: str, number: float | str | None, lang: Lang) -> str:
    """The word for ``key`` in the form it takes after ``number`` («2 фактора», «3,8 раза»,
    «171 страна»); with no number, the form a heading uses (Russian: «стран»). A word with
    one form is :func:`word`'s."""
    forms = COUNTED.get(lang, {}).get(key)
    if forms is None:
        return word(key, lang)
    if number is None:
        return forms.get("many") or forms["other"]
    text = number if isinstance(number, str) else repr(number)
    return forms.get(plural_category(text, lang)) or forms["other"]


# The month word a date in running text uses, per language and precision (a day, a
# month); where none is given, CLDR's wide format name.
MONTHS_IN: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "kk": {"day": KK_MONTHS_IN, "month": KK_MONTHS_IN},
    "ru": {"month": RU_MONTHS_IN},
}


def _russian_agreement(genders: Sequence[Gender | None]) -> str:
    """The form a Russian past-tense verb takes after names of these genders, as each
    country stores it (``ru_gender``): plural for several names or a plural name
    («Нидерланды», «США»), feminine, neuter, or masculine (the plain key, also for a name
    whose gender is not given)."""
    if len(genders) > 1 or (genders and genders[0] == "pl"):
        return ".pl"
    gender = genders[0] if genders else None
    return {"f": ".f", "n": ".n"}.get(gender or "m", "")


# Languages whose verbs agree with their subject: the key suffix for the subjects' genders.
AGREEMENT: Mapping[str, Callable[[Sequence[Gender | None]], str]] = {"ru": _russian_agreement}


def agreeing(key: str, countries: Sequence[Country], lang: Lang) -> str:
    """``key`` with the suffix of the form its verb takes after ``countries`` in ``lang``."""
    agree = AGREEMENT.get(lang)
    return key + agree([c.ru_gender for c in countries]) if agree is not None else key


def word(key: str, lang: Lang, **values: object) -> str:
    """The text for ``key`` in ``lang`` (English if that table lacks it); unknown keys unchanged."""
    text = TABLES.get(lang, EN).get(key) or EN.get(key)
    if text is None:
        return key
    return text.format(**values) if values else text


def maybe_word(key: str, lang: Lang) -> str | None:
    """The text for ``key`` in ``lang`` or English, or None when no table has it."""
    return TABLES.get(lang, EN).get(key) or EN.get(key)


def headers(fields: tuple[str, ...], lang: Lang) -> dict[str, str]:
    return {f: word(f, lang) for f in fields}
