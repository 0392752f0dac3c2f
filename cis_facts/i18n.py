"""User-facing words in English and Kazakh: column headings, titles, statuses, messages."""

from __future__ import annotations

from cis_facts.model import Lang

_WORDS: dict[str, tuple[str, str]] = {
    # column headings
    "country": ("Country", "Ел"),
    "status": ("Status", "Мәртебесі"),
    "since": ("Since", "Қашаннан"),
    "left": ("Left", "Шыққан күні"),
    "founding_acts": ("Founding act", "Құру актісі"),
    "note": ("Note", "Ескерту"),
    "date": ("Date", "Күні"),
    "kind": ("Kind", "Түрі"),
    "label": ("What happened", "Не болды"),
    "place": ("Place", "Орны"),
    "participants": ("Participants", "Қатысушылар"),
    "mineral": ("Mineral", "Минерал"),
    "rank": ("World rank", "Әлемдегі орны"),
    "share": ("Share, %", "Үлесі, %"),
    "value": ("Value", "Мәні"),
    "unit": ("Unit", "Өлшем бірлігі"),
    "position": ("#", "№"),
    "partners": ("Partners", "Серіктестер"),
    "flow": ("Flow", "Ағын"),
    "growth": ("Growth over base, %", "Өсімі, %"),
    "growth_base": ("Base year", "Базалық жыл"),
    "topic": ("Topic", "Тақырып"),
    "period": ("Period", "Кезеңі"),
    "fact": ("Fact", "Дерек"),
    "section": ("Section", "Бөлім"),
    "id": ("Id", "Id"),
    "score": ("Score", "Ұпай"),
    "matched": ("Matched in", "Табылған жері"),
    "quote": ("Quote", "Дәйексөз"),
    "source": ("Source", "Дереккөз"),
    # statuses and kinds
    "status.member": ("member", "мүше"),
    "status.founder": ("founding state", "құрылтайшы мемлекет"),
    "status.signatory": ("signed, not ratified", "қол қойған, бекітпеген"),
    "reason": ("Why", "Негізі"),
    "reason.event": ("{event}", "{event}"),
    "reason.founder_before": (
        "{event}; the Charter, which defines the member states, came on {charter}",
        "{event}; мүше мемлекеттерді айқындайтын Жарғы {charter} қабылданды",
    ),
    "reason.founder_after": (
        "{event}; did not take on the Charter of {charter}: not a member state",
        "{event}; {charter} Жарғыны қабылдамаған: мүше мемлекет емес",
    ),
    "status.associate": ("associate member", "қауымдастырылған мүше"),
    "status.left": ("former member", "бұрынғы мүше"),
    "status.uncertain": ("uncertain", "белгісіз"),
    "cis": ("CIS", "ТМД"),
    "other": ("other countries", "басқа елдер"),
    "all": ("all countries", "барлық елдер"),
    "turnover": ("turnover", "тауар айналымы"),
    "exports": ("exports", "экспорт"),
    "imports": ("imports", "импорт"),
    "export": ("export buyer", "экспорт сатып алушысы"),
    "import": ("import supplier", "импорт жеткізушісі"),
    "ranking": ("world ranking", "әлемдік орны"),
    "reserve": ("reserves", "қорлар"),
    "event": ("event", "оқиға"),
    "figure": ("figure", "көрсеткіш"),
    "names": ("names", "атаулары"),
    "trade_total": ("trade total", "сауда қорытындысы"),
    # titles
    "title.members": ("CIS members", "ТМД мүшелері"),
    "title.timeline": ("CIS timeline", "ТМД хронологиясы"),
    "title.resources": (
        "Kazakhstan's world rankings in mineral resources",
        "Қазақстанның минералдық ресурстар бойынша әлемдегі орны",
    ),
    "title.exports": ("Buyers of Kazakhstan's exports", "Қазақстан экспортын сатып алушылар"),
    "title.imports": ("Suppliers of Kazakhstan's imports", "Қазақстан импортын жеткізушілер"),
    "title.totals": ("Kazakhstan's foreign trade totals", "Қазақстанның сыртқы сауда қорытындысы"),
    "title.figures": ("Economic figures", "Экономикалық көрсеткіштер"),
    "title.statements": ("What the text states", "Мәтіндегі тұжырымдар"),
    "title.search": ("Search results", "Іздеу нәтижелері"),
    "title.chart": ("CIS membership chart", "ТМД мүшелік диаграммасы"),
    "top": ("top {n}", "алғашқы {n}"),
    "figures.searched": (
        "No topic is named {topic!r}; these are the figures that match it.",
        "{topic!r} деген тақырып жоқ; оған сәйкес көрсеткіштер берілді.",
    ),
    "after_latest": (
        (
            "{date} is after the latest membership event in the fact base ({latest}); "
            "facts after that date are not in the base, so this answer may be out of "
            "date."
        ),
        (
            "{date} базадағы соңғы мүшелік оқиғасынан ({latest}) кейін; одан кейінгі "
            "деректер базада жоқ, сондықтан жауап ескірген болуы мүмкін."
        ),
    ),
    "as_of": (
        "As of {date}; facts after that date are not in the fact base.",
        "{date} жағдайы бойынша; одан кейінгі деректер базада жоқ.",
    ),
}


def word(key: str, lang: Lang, **values: object) -> str:
    """The word or phrase for ``key`` in ``lang``; unknown keys come back unchanged."""
    pair = _WORDS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "kk" else pair[0]
    return text.format(**values) if values else text


def headers(fields: tuple[str, ...], lang: Lang) -> dict[str, str]:
    return {f: word(f, lang) for f in fields}


def ordinal(n: int, lang: Lang) -> str:
    """``1st``, ``2nd``, ``13th`` / ``1-ші``, ``2-ші``."""
    if lang == "kk":
        return f"{n}-{_kk_ordinal_suffix(n)}"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _kk_ordinal_suffix(n: int) -> str:
    """Vowel harmony follows the last number word: алты, тоғыз, он, ... take -шы."""
    if n % 100 == 0:
        return "ші"  # жүз, мың
    if n % 10:
        return "шы" if n % 10 in (6, 9) else "ші"
    return "ші" if (n // 10) % 10 in (5, 7, 8) else "шы"
