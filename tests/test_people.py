"""Who speaks: names in the nominative, mentions, and the people of a text (summarize.quotes).

Cases use the inline markup of tests/data/quotes.txt: ``{s|...}`` marks the mention the
speaker is named by, ``{m|...}`` a mention :func:`find_mentions` should find.
"""

from __future__ import annotations

import re

import pytest

from summarize import Span, extract_quotes
from summarize.quotes.cues import clause_cues
from summarize.quotes.document import Doc
from summarize.quotes.mentions import find_mentions
from summarize.quotes.names import (
    gender_of,
    guess_nominative,
    nominative_name,
    nominative_phrase,
    same_surname,
)
from summarize.quotes.orgs import organisation_of
from summarize.quotes.people import People
from summarize.quotes.referents import names_holder
from summarize.quotes.speech import speaks
from summarize.text import tokens

MARKUP = re.compile(r"\{([sm])\|([^{}]*)\}")


def unmark(marked: str) -> tuple[str, list[Span]]:
    """The plain text and the spans marked in it, in order."""
    out, spans, pos = [], [], 0
    for m in MARKUP.finditer(marked):
        out.append(marked[pos : m.start()])
        start = sum(len(piece) for piece in out)
        spans.append(Span(m.group(2), start, start + len(m.group(2))))
        out.append(m.group(2))
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


# -- names ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("words", "nominative"),
    [
        (["Андреем", "Белоусовым"], "Андрей Белоусов"),
        (["Сергея", "Лаврова"], "Сергей Лавров"),
        (["Марии", "Захаровой"], "Мария Захарова"),
        (["Дмитрию", "Пескову"], "Дмитрий Песков"),
        (["Даурен", "Косанов"], "Даурен Косанов"),
        (["А.", "Кудрин"], "А. Кудрин"),
        # an indeclinable first name fits any case: the surname's ending tells it
        (["Джо", "Байдена"], "Джо Байден"),
        # the dictionary reads "Илон" only as a plural of "Илона": one person's name is singular
        (["Илон", "Маск"], "Илон Маск"),
        (["Евгений", "Енин"], "Евгений Енин"),
        # a surname the dictionary holds only as a common word follows the first name's case
        (["Дениса", "Мантурова"], "Денис Мантуров"),
        # a woman's surname the dictionary holds only as a man's genitive ("Раков"), with her first name
        (["Анастасия", "Ракова"], "Анастасия Ракова"),
        (["Андрея", "Ракова"], "Андрей Раков"),
    ],
)
def test_a_name_in_any_case_becomes_nominative(words, nominative):
    assert nominative_name(words) == nominative


@pytest.mark.parametrize(
    ("word", "case", "gender", "nominative"),
    [
        ("Косанова", "gent", "masc", "Косанов"),
        ("Косановым", "ablt", "masc", "Косанов"),
        ("Косанову", "datv", "masc", "Косанов"),
        ("Тимченко", "gent", "femn", "Тимченко"),
        ("Ивановой", "gent", "femn", "Иванова"),
        # a soft stem keeps its soft sign: "Эмманюэль", not "Эмманюэл"; "Цзиньпином" is hard
        ("Эмманюэлем", "ablt", "masc", "Эмманюэль"),
        ("Эмманюэля", "gent", "masc", "Эмманюэль"),
        ("Эмманюэлю", "datv", "masc", "Эмманюэль"),
        ("Цзиньпином", "ablt", "masc", "Цзиньпин"),
    ],
)
def test_an_unknown_surname_loses_its_case_ending(word, case, gender, nominative):
    assert guess_nominative(word, case, gender) == nominative


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Косанова", "Косанов", True),
        ("Косановым", "Косанов", True),
        ("Лаврова", "Лавров", True),
        ("Захаровой", "Захарова", True),
        ("Лавров", "Ларин", False),
        ("Песков", "Шойгу", False),
    ],
)
def test_surnames_match_across_cases(a, b, same):
    assert same_surname(a, b) is same


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Мария Захарова", "femn"),
        ("Сергей Лавров", "masc"),
        ("Даурен Косанов", "masc"),
        ("Елена Сябренко", "femn"),
        ("Бхутто", None),
        # a surname both men and women bear, with a first name the dictionary lacks: unknown
        ("Кэрри Линч", None),
        # a first name the dictionary knows only as a woman's (name_genders.txt)
        ("Эммануэль Макрон", "masc"),
        ("Эмманюэль Макрон", "masc"),  # the more common spelling, unknown to the dictionary
    ],
)
def test_gender_of_a_name(name, gender):
    assert gender_of(name) == gender


# -- mentions ---------------------------------------------------------------------------------------
def mentions(text: str):
    return find_mentions(text, tokens(text))


def test_a_widget_caption_run_into_the_text_is_nobody():
    text = "Инфляция составила 7,97%. Video Президент заявил о росте пенсий."
    assert [(text[m.start : m.stop], m.kind) for m in mentions(text)] == [("Президент", "role")]


def test_a_unit_and_initials_alone_are_nobody():
    text = "Температура составит +8°C, сказала Джанет Йеллен на площадке DealBook D.C. в Вашингтоне."
    assert [(text[m.start : m.stop], m.kind) for m in mentions(text)] == [
        ("Джанет Йеллен", "person"),
        ("DealBook", "org"),
    ]


def test_listed_institutions_are_organisations_and_a_name_ends_after_its_place():
    text = "Решение принято после понижения Банком России ключевой ставки, уточнили в Сбербанке."
    assert [(text[m.start : m.stop], m.kind) for m in mentions(text)] == [
        ("Банком России", "org"),
        ("Сбербанке", "org"),  # a common noun to the dictionary
    ]


@pytest.mark.parametrize(
    ("text", "speaking"),
    [
        ("Об этом сказал Соколов на брифинге.", True),
        ("По словам Соколова, работы завершены.", True),
        ("РИА «Новости» приводит заявление Соколова о допинге.", True),  # a noun of speech before him
        ("Журналисты встретили Соколова у входа.", False),
    ],
)
def test_a_person_the_text_makes_speak(text, speaking):
    (m,) = [m for m in mentions(text) if m.kind == "person"]
    assert speaks(text, m) is speaking


def test_a_role_with_a_name_is_one_person_mention():
    text, (marked,) = unmark("{m|Министр обороны России Сергей Шойгу} провел совещание.")
    (m,) = [m for m in mentions(text) if m.start == marked.start]
    assert (m.kind, text[m.start : m.stop], m.name, m.role) == (
        "person",
        marked.text,
        "Сергей Шойгу",
        "министр",
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a surname the dictionary holds as a common noun ("макрон"), after a first name it lacks
        ("Президент Франции Эмманюэль Макрон допустил переговоры.", "Эмманюэль Макрон"),
        # a foreign surname that starts like an agency's name ("Рос…": "Росстат")
        ("— заявил юрист NOYB Стефано Россетти в своем заявлении.", "Стефано Россетти"),
        # a surname of two letters the dictionary reads as an old pronoun ("се")
        ("По словам аналитика Джейн Се, объем поставок вырос.", "Джейн Се"),
    ],
)
def test_a_first_name_takes_the_foreign_surname_after_it(text, name):
    assert name in [m.name for m in mentions(text) if m.kind == "person"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Путин встретился с Си Цзиньпином.", "Си Цзиньпин"),
        ("Путин встретился с президентом Франции Эмманюэлем Макроном.", "Эмманюэль Макрон"),
    ],
)
def test_a_name_after_s_is_in_the_instrumental(text, name):
    assert name in [m.name for m in mentions(text) if m.kind == "person"]


def test_an_acronym_is_never_inflected_into_a_plural():
    assert nominative_phrase(["ВЦИОМ"]) == "ВЦИОМ" and nominative_phrase(["АЦ"]) == "АЦ"


@pytest.mark.parametrize(
    ("words", "nominative"),
    [
        (["Ростеха"], "Ростех"),  # the organisation's reading, not a guessed common noun
        (["Ростех"], "Ростех"),  # a name the dictionary lacks is no guessed plural ("Ростёхи")
        (["Роснефти"], "Роснефть"),
        (["Ведомости"], "Ведомости"),
    ],
)
def test_an_organisation_is_named_in_the_nominative(words, nominative):
    assert nominative_phrase(words) == nominative


def test_a_monarchs_number_and_a_sites_digits_are_no_speakers():
    text = "Дочь короля Харальда V выйдет замуж. «Мы рады», — рассказали V1.RU в пресс-службе двора."
    found = [m.name for m in mentions(text)]
    assert "V" not in found and "V1.RU" in found
    (quote,) = extract_quotes(text)
    assert quote.speaker == "пресс-служба двора"


def test_an_organisation_ends_where_a_persons_name_begins():
    text = "Он говорил о победе кандидата от Демократической партии Джо Байдена."
    found = [(m.kind, m.name) for m in mentions(text)]
    assert ("org", "Демократическая партия") in found and ("person", "Джо Байден") in found


def test_a_name_joined_to_a_number_is_a_model_or_a_disease_not_a_speaker():
    text = "Рост случаев COVID-19 замедлился, F-35 не взлетел."
    assert mentions(text) == []


def test_a_role_held_by_one_named_person_is_singular_and_sets_the_names_case():
    # "главы" may be a plural nominative, but one person holds the role: the name is genitive
    text = "Итоги встречи главы военного ведомства Паноса Камменоса с коллегой."
    assert ("person", "Панос Камменос") in [(m.kind, m.name) for m in mentions(text)]


def test_an_organisation_after_a_role_is_its_complement():
    text, _ = unmark("Об этом сообщил {m|представитель Philips}.")
    m = next(m for m in mentions(text) if m.kind == "role")
    assert (m.role, m.org) == ("представитель", "Philips")


def test_a_preposition_governs_a_name_so_it_is_no_subject():
    text = "В Минобороны сообщили о завершении учений."
    m = next(m for m in mentions(text) if m.name == "Минобороны")
    assert (m.kind, m.prep) == ("org", True)


def test_pronouns_carry_their_gender():
    text = "Он сказал, что она уехала, а они остались."
    assert [(m.kind, m.name, m.gender) for m in mentions(text)] == [
        ("pron", "он", "masc"),
        ("pron", "она", "femn"),
        ("pron", "они", "plur"),
    ]


# -- the people of one text: who each quote's mention is -------------------------------------------
@pytest.mark.parametrize(
    ("marked", "speaker"),
    [
        # a surname in the genitive, the full name given earlier
        (
            "Министр обороны Казахстана Даурен Косанов провел переговоры в Москве. "
            "«Сотрудничество развивается успешно», — приводит ТАСС слова {s|Косанова}.",
            "Даурен Косанов",
        ),
        # any noun of speech after a verb of quoting: the outlet only relays the comment
        (
            "Машина въехала в толпу у музея. "
            "«Он газанул в толпу», — приводит портал KGD комментарий {s|очевидца}.",
            "очевидец",
        ),
        # a role pointing to the person the text named with it
        (
            "Министр обороны России Сергей Шойгу провел совещание в Москве. "
            "«Армия готова к любым задачам», — сказал {s|министр}.",
            "Сергей Шойгу",
        ),
        # the outlet that quotes is never the speaker
        (
            "Михаил Лесин покинул пост советника президента. "
            "«Я ухожу по собственному желанию», — цитирует РБК {s|Лесина}.",
            "Михаил Лесин",
        ),
        # an unnamed spokesperson speaks for the organisation
        (
            "«Мы изучаем ситуацию и не комментируем слухи», — сообщил {s|представитель Philips}.",
            "Philips",
        ),
        # a bare head of office is a person named before, never a head named only after the quote;
        # one the text makes speak ("заявление Мутко") before one it only names
        (
            "Главный тренер сборной Петер Эрикссон уверен в победе. "
            "РИА «Новости» приводит заявление Мутко о допинге. "
            "«Борьба с допингом будет всегда», — сказал {s|министр}. "
            "Глава лаборатории Григорий Родченков уехал в США.",
            "Мутко",
        ),
        # a spokesperson of an office named in common nouns is the person the text tied to that office
        (
            "Начальник гарнизонной службы милиции ЛНР Александр Никишин прибыл на место. "
            "«Эвакуация сорвана», — сказал {s|представитель гарнизонной службы}.",
            "Александр Никишин",
        ),
        # a spokesperson of an organisation named by its kind is the one of that kind named before
        (
            "Глава Пентагона Марк Эспер не уйдет, заявил представитель министерства обороны Джонатан "
            "Хоффман. «Материал NBC неверен», — написал {s|представитель ведомства} в Twitter.",
            "Джонатан Хоффман",
        ),
        # a head of office by nationality is the head of that country named before, not the last man
        (
            "Президент Франции Николя Саркози прилетел в Берлин. Канцлер Германии Герхард Шредер встретил "
            "его в аэропорту. «Мы едины», — пояснил {s|французский лидер}.",
            "Николя Саркози",
        ),
        # the owner of the page a statement is published on issued it
        (
            "В первом квартале ВВП вырос. «Вакцина безопасна», — говорится в сообщении на "
            "{s|сайте Минздрава}.",
            "Минздрав",
        ),
        # a common noun for an organisation, named before any: the first of its kind named after it
        (
            "«Ставки снизятся», — сообщается на сайте {s|регулятора}. Банк России снизил ставку до 14%.",
            "Банк России",
        ),
        # a foreign name the dictionary lacks, given in the genitive first: its nominative from the text
        (
            "Принцесса выйдет замуж за Дурека Верретта. «Мы счастливы», — сказал {s|Верретт}.",
            "Дурек Верретт",
        ),
        # a pronoun: the person last named
        (
            "Глава Минфина Антон Силуанов выступил в Госдуме. "
            "«Бюджет полностью сбалансирован», — сказал {s|он}.",
            "Антон Силуанов",
        ),
        # a pronoun's gender skips the person of the other gender
        (
            "Официальный представитель МИД Мария Захарова прокомментировала слова Сергея Лаврова. "
            "«Позиция России не изменилась», — отметила {s|она}.",
            "Мария Захарова",
        ),
        # two roles joined by "и" before one name
        (
            "«Церковь здесь ни при чем», — прокомментировал {s|писатель и журналист Виктор Шендерович}.",
            "Виктор Шендерович",
        ),
        # an office and a rank before one name
        (
            "«Удары нанесены по складам», — заявил "
            "{s|представитель Минобороны генерал-майор Игорь Конашенков}.",
            "Игорь Конашенков",
        ),
        # a long role phrase: the holder after a dozen words of the office
        (
            "«Иностранного вмешательства не было», — заявил {s|глава работающего при министерстве "
            "Агентства по кибербезопасности и инфраструктурной безопасности США (CISA) Кристофер Кребс}.",
            "Кристофер Кребс",
        ),
        # an acronym in brackets inside the role
        (
            "«Мост — цель номер один», — заявил "
            "{s|генерал-майор Вооруженных сил Украины (ВСУ) Дмитрий Марченко}.",
            "Дмитрий Марченко",
        ),
        # a bare press service is the one of the organisation named with it before
        (
            "Компания выбрала новое название, сообщили РБК в пресс-службе «Макдоналдса». "
            "«Мы ведем работу по созданию нового бренда», — рассказали в {s|пресс-службе}.",
            "Макдоналдс",
        ),
        # a compound role noun ("врач-инфекционист") is a role like its first part
        (
            "«Антибиотики тут бессильны», — отметила {s|врач-инфекционист Анна Петрова}.",
            "Анна Петрова",
        ),
        # the full name of the person whose spokesman speaks is no part of the speaker's name
        (
            "«Решение пока не принято», — сказал "
            "{s|пресс-секретарь губернатора Игоря Васильева Олег Смирнов}.",
            "Олег Смирнов",
        ),
        (
            "«Решение пока не принято», — приводит ТАСС слова "
            "{s|помощника министра Андрея Ермака Михаила Подоляка}.",
            "Михаил Подоляк",
        ),
        # two people of one family: the pronoun's gender tells which, the surname does not
        (
            "Сергей Петров провел в СИЗО два месяца, рассказала его жена Анна Петрова. "
            "«Он держится», — добавила {s|она}.",
            "Анна Петрова",
        ),
        # a woman's surname after a speech verb is hers, not the genitive of a man's
        ("«Он держится», — рассказала {s|Петрова}.", "Петрова"),
        # two first names in a row are one person's
        (
            "«Решение пока не принято», — сказал {s|премьер Испании Хосе Луис Родригес Сапатеро}.",
            "Хосе Луис Родригес Сапатеро",
        ),
        # initials and a surname after "имени" name the institute, and the holder comes after them
        (
            "«Производство вырастет», — сказал {s|директор центра имени Н. Ф. Гамалеи Александр Гинцбург}.",
            "Александр Гинцбург",
        ),
        (
            "Об этом сказал директор центра имени Н. Ф. Гамалеи Минздрава России Александр Гинцбург. "
            "«Сейчас это главное», — заверил {s|он}.",
            "Александр Гинцбург",
        ),
        (
            "«Мы готовы», — сказал {s|ректор университета имени Ломоносова Виктор Садовничий}.",
            "Виктор Садовничий",
        ),
        # two people with one surname are two speakers: "она" is the wife, not the husband
        (
            "Российский бизнесмен Виктор Бут осужден в США. Его жена Алла Бут впервые сможет увидеть мужа. "
            "«Мы не виделись с ноября и планируем прийти в суд всей семьей», — сказала {s|она}. "
            "Виктор Бут отрицает вину.",
            "Алла Бут",
        ),
        # the spokeswoman of a person the text names in full speaks for her, and is not her
        (
            "Певица Елена Степаненко не верит в эту историю. «Кто отец?» — приводит портал слова "
            "{s|представительницы Степаненко}.",
            "представительница Степаненко",
        ),
        # the holder of a role the cue names, though the sentence was split inside the role phrase
        (
            "Все этапы лечения проходят в одной больнице. «Москва выбрала верный путь», — рассказала "
            "президент ассоциации онкологических пациентов «Здравствуй!» {s|Ирина Боровова}.",
            "Ирина Боровова",
        ),
    ],
)
def test_the_speaker_is_who_the_mention_names(marked, speaker):
    text, (mention,) = unmark(marked)
    (quote,) = extract_quotes(text)
    assert (quote.speaker_mention, quote.speaker) == (mention, speaker)


def test_people_give_the_fullest_name_of_a_surname():
    text = "Сергей Лавров прибыл в Анкару. Лавров обсудит с коллегой ситуацию в Сирии."
    assert People(text).full_name("Лавров") == "Сергей Лавров"


# -- one person, one name; roles, organisations and outlets (issue 12, item 3) ---------------------
@pytest.mark.parametrize(
    ("marked", "speaker"),
    [
        # a first name alone is the person the text gives the full name of
        (
            "Алла Бут приехала в суд вместе с дочерью. «Мы надеемся на лучшее», — сказала {s|Алла}.",
            "Алла Бут",
        ),
        # a foreign first name the dictionary lacks, and its unknown surname
        (
            "Премьер-министр Португалии Педру Санчиш прибыл в Брюссель. "
            "«Мы поддерживаем это решение», — заявил {s|Педру}.",
            "Педру Санчиш",
        ),
        (
            "Премьер-министр Португалии Педру Санчиш прибыл в Брюссель. "
            "«Мы поддерживаем это решение», — заявил {s|Санчиш}.",
            "Педру Санчиш",
        ),
        # a trade noun points back to the person named before, though named with another noun
        (
            "Политолог Руслан Бортник считает, что выборы пройдут спокойно. "
            "«Власти постараются избежать конфликтов», — уверен {s|эксперт}.",
            "Руслан Бортник",
        ),
        (
            "Синоптик Роман Вильфанд рассказал о погоде на неделе. "
            "«Аномалии будут достигать шести градусов», — отметил {s|специалист}.",
            "Роман Вильфанд",
        ),
        # an acronym the text defines and uses no more often than its full name is the full name
        (
            "Служба безопасности Украины (СБУ) задержала двух человек. "
            "«Задержанные дают показания», — говорится в сообщении {s|СБУ}.",
            "Служба безопасности Украины",
        ),
        # two names of one institution: the full one the text uses
        (
            "Банк России сохранил ключевую ставку. "
            "«Инфляция замедляется быстрее, чем ожидалось», — отмечает {s|ЦБ}.",
            "Банк России",
        ),
        # an outlet after a role is whom the words were said to, never the speaker
        (
            "Депутат Госдумы Борис Менделевич предложил запретить продажу энергетиков. "
            "«Эта мера сохранит здоровье людей», — рассказал {s|депутат} РИА «Новости».",
            "Борис Менделевич",
        ),
        (
            "Иван Ургант попал в больницу. "
            "«Стало плохо, врачи пытаются понять диагноз», — сказал {s|шоумен} ТАСС.",
            "Иван Ургант",
        ),
        # a woman's role points to the woman named with it, though her surname is also a man's
        (
            "Британская актриса Кэрри Линч получила премию. "
            "«Я счастлива и благодарна», — сказала {s|актриса}.",
            "Кэрри Линч",
        ),
        # "помощник президента" is the one named as "помощник главы государства"
        (
            "Президент Владимир Путин посетит Китай, сообщил помощник главы государства Юрий Ушаков. "
            "Путин обсудит торговлю. «Визит будет коротким», — добавил {s|помощник президента}.",
            "Юрий Ушаков",
        ),
        # a role's complement in marks ("журнала «Новая оборона»") leaves the name its holder
        (
            "Агентство приводит комментарий главного редактора журнала «Новая оборона» Олега Иванова. "
            "«Угрозы нет», — детализировал {s|эксперт}.",
            "Олег Иванов",
        ),
        # wire style: "сообщили в ведомстве" is the organisation the text named
        (
            "Министерство здравоохранения Новосибирской области проверило больницу. "
            "«Нарушений не выявлено», — сообщили в {s|ведомстве}.",
            "Министерство здравоохранения Новосибирской области",
        ),
        # a foreign surname the dictionary lacks, named in full only in the genitive: its case
        # ending is undone by the form the text gives it alone
        (
            "Поставки продолжатся, сообщает Nikkei со ссылкой на заявление главы компании Хироюки Огавы. "
            "Огава подчеркнул, что решение временное. "
            "«Мы обязательно вернёмся на этот рынок», — сказал {s|Огава}.",
            "Хироюки Огава",
        ),
        (
            "Депутат потребовал проверить блогера Анатолия Шария. Шарий ответил на это видеороликом. "
            "«Я никуда не уеду», — цитирует издание {s|Анатолия Шария}.",
            "Анатолий Шарий",
        ),
        # a company's or an outlet's common noun before its Latin name is no part of the name,
        # at the start of a sentence as within one
        (
            "{s|Портал The Verge} назвал время работы смартфона «ниже среднего для устройств этого класса».",
            "The Verge",
        ),
        ("«Ошибка была допущена», — сказал {s|представитель юридической фирмы Shillings}.", "Shillings"),
        # wire style: a document's issuer a few lower-case words after the document noun
        (
            "Боевиков вербовали через WhatsApp и Telegram. «Операция завершена», — говорится в "
            "сообщении инфоцентра {s|Национального антитеррористического комитета}.",
            "Национальный антитеррористический комитет",
        ),
        # "в пресс-службе X" before a plural speech verb: X speaks, named in the nominative
        (
            "В {s|пресс-службе Аналитического центра} заявили, что инициатива предусматривает "
            "создание «доверенной технологии диагностики свойств личности».",
            "Аналитический центр",
        ),
        # a role's holder after a genitive name, though the dictionary knows neither of his names
        (
            "«Моя клиентка боится своего отца», — сказал судье {s|адвокат Бритни Спирс Сэмюэл Ингхэм}.",
            "Сэмюэл Ингхэм",
        ),
        # a woman who spoke to the outlet keeps her description; the outlet only listened
        ("«Она провокатор еще тот», — сказала {s|собеседница издания}.", "собеседница издания"),
        # "как заявили в X": where it was said, not the next capitalised word
        (
            "Под блокировку попал весь сайт. Как заявили в {s|РКН}, причина в том, что сайт использует "
            "протокол HTTPS, который «не позволяет блокировать отдельные страницы».",
            "РКН",
        ),
        # "в госкомпании" is the company the text named with that noun, though its name is in marks
        (
            "Госкомпания «Роснано» обсудила с кредиторами сценарии. Торги приостановлены по предписанию "
            "Банка России. РБК направил запрос в ЦБ. «Есть возможность выработать компромиссные "
            "варианты», — подчеркнули в {s|госкомпании}.",
            "Роснано",
        ),
        # a plural common noun as the subject names many bodies, not the one named last
        (
            "Протест прошел у станции метро «Немига». Интернет был отключен «по требованию "
            "госорганов», — указывали местные сотовые {s|компании}.",
            "компании",
        ),
        # a person's spokeswoman speaks for him and is not him; an institution's is the institution
        ("«Мы не комментируем», — сказала {s|пресс-секретарь Навального}.", "пресс-секретарь Навального"),
        (
            "Об этом сообщили в Комитете здравоохранения Волгоградской области. «Скончался, не "
            "приходя в сознание», — приводит ТАСС слова {s|представительницы комитета}.",
            "Комитет здравоохранения Волгоградской области",
        ),
        # "по ее версии" attributes as "по ее словам" does
        (
            "Такие авторы, как блогер Мирослава Бердник, писали, что дед прошел спецподготовку. "
            "По {s|ее} версии, в 1947 году он прорвался в ФРГ и «был завербован американцами».",
            "Мирослава Бердник",
        ),
        # an anonymous source named again without its description keeps the description
        (
            "Поставки истребителей идут по графику, уточнил собеседник ТАСС в оборонной отрасли. "
            "«Контракт будет выполнен в срок», — заверил {s|источник}.",
            "собеседник ТАСС в оборонной отрасли",
        ),
        (
            "По информации {s|источника в экстренных службах}, под завалом остаются двое. "
            "«Поиск продолжается», — уточнил собеседник агентства.",
            "источник в экстренных службах",
        ),
        # the conventions name a person by first name and surname, without the patronymic
        (
            "«Гелий на Луне никому не нужен», — сказал {s|академик Роальд Зиннурович Сагдеев}.",
            "Роальд Сагдеев",
        ),
        # a particle opens the surname: "Ле Пен" is Марин Ле Пен, not a woman whose first name is "Ле"
        (
            "Лидер партии Марин Ле Пен выступила в Париже. «Мы победим на выборах», — заявила {s|Ле Пен}.",
            "Марин Ле Пен",
        ),
        # the Chinese surname "Ван" is no Dutch particle to be dropped, and "И." ends the sentence
        ("«Это внутреннее дело Китая», — сказал {s|глава МИД КНР Ван И}.", "Ван И"),
        (
            "«Критика лишена оснований», — заявил {s|официальный представитель МИД КНР Ван Вэньбинь}.",
            "Ван Вэньбинь",
        ),
        ("«Мы начинаем съемки», — сказал {s|актер Леонардо Ди Каприо}.", "Леонардо Ди Каприо"),
        ("«Мы начинаем съемки», — сказал {s|Ди Каприо}.", "Ди Каприо"),
        # straight quotes around an organisation's name: the mark after it closes, the name runs on
        (
            'С ним согласна {s|главный экономист "Альфа-банка" Наталия Орлова}: "Ставка будет сохранена".',
            "Наталия Орлова",
        ),
        # a particle in small letters opens the surname too, and the full name is the one given before
        (
            "Глава Еврокомиссии Урсула фон дер Ляйен и председатель Евросовета Шарль Мишель провели "
            "встречу. По словам {s|фон дер Ляйен}, «санкции будут продлены».",
            "Урсула фон дер Ляйен",
        ),
        ("«Санкции будут продлены», — заявила {s|фон дер Ляйен}.", "фон дер Ляйен"),
        # a foreign first name the dictionary lacks has its gender from name_genders.txt: "он" is Блинкен
        (
            "Министр иностранных дел Германии Анналена Бербок встретилась с госсекретарем США Энтони "
            "Блинкеном. «Мы едины в поддержке Украины», — сказал {s|он}.",
            "Энтони Блинкен",
        ),
        # a nationality points back to the person named before, as a bare role does
        (
            "Главный тренер «Спартака» Деян Станкович остался доволен игрой команды. "
            "«Мы заслужили эту победу», — сказал {s|серб} на пресс-конференции.",
            "Деян Станкович",
        ),
        # a role held in one country is not the person named as holding office in another
        (
            "Президент Казахстана Касым-Жомарт Токаев принял главу МИД Китая Ван И. "
            "«Отношения развиваются», — отметил {s|китайский министр}.",
            "Ван И",
        ),
        (
            "Президент России Владимир Путин провел переговоры с президентом Франции Эмманюэлем Макроном. "
            "{s|Французский лидер} отметил, что «диалог необходим».",
            "Эмманюэль Макрон",
        ),
        # a deputy is not the head named before
        (
            "Глава Минздрава Михаил Мурашко рассказал о ходе вакцинации. "
            "«Запасов вакцины достаточно», — добавил {s|замминистра}.",
            "замминистра",
        ),
        (
            "Министр здравоохранения Михаил Мурашко рассказал о ходе вакцинации. Его заместитель "
            "Олег Гриднев выступил позже. «Запасов вакцины достаточно», — добавил {s|замминистра}.",
            "Олег Гриднев",
        ),
        # ... and one who holds both ranks ("вице-премьер, министр") is either
        (
            "Об этом сообщил вице-премьер, министр инфраструктуры Молдавии Андрей Спыну. "
            "По словам {s|вице-премьера}, «парламент одобрил выделение средств»",
            "Андрей Спыну",
        ),
        # a particle closes the name: "оглы" ("son of") is part of a Turkic patronymic name
        (
            "«На войне как на войне», — сказал {s|посол Азербайджана в Москве Полад Бюльбюль оглы}.",
            "Полад Бюльбюль оглы",
        ),
        ("По словам {s|Полада Бюльбюль оглы}, «всякое может быть».", "Полад Бюльбюль оглы"),
        # right after a speech verb, a capitalised noun the dictionary knows ("трасс": roads) is a surname
        ("«Мы не признаем результаты референдумов», — заявила {s|Трасс} в интервью Sky News.", "Трасс"),
        # ... but not an adjective that opens an organisation's name, nor an outlet's domain
        ("«Мы проверим все данные», — сообщила {s|Счетная палата}.", "Счетная палата"),
        (
            "«Народы готовы к миру», — цитирует Лента.ру обращение {s|председателя КНР Си Цзиньпина}.",
            "Си Цзиньпин",
        ),
        # after a noun of speech a role is in the genitive, though "главы", "судьи" read as plurals too
        ("По словам {s|главы региона}, «ситуация под контролем».", "глава региона"),
        ("«Вина доказана полностью», — приводит слова {s|судьи} пресс-служба суда.", "судья"),
        # "она" after a woman and a man: the woman, though his first name is foreign
        (
            "Ангела Меркель и Эмманюэль Макрон провели пресс-конференцию. «Мы справимся», — подчеркнула "
            "{s|она}.",
            "Ангела Меркель",
        ),
        # the place of a post is nobody: the channel's owner speaks
        ("{s|Минфин} в своем Telegram-канале написал: «Бюджет будет сбалансирован».", "Минфин"),
        ("«Бюджет будет сбалансирован», — написали в Telegram-канале {s|Минфина}.", "Минфин"),
        # the genitive after a noun of speech is undone at a sentence's start as well
        ("Слова {s|Силуанова} приводит ТАСС: «Бюджет будет сбалансирован».", "Силуанов"),
        # a number of anonymous sources is the subject, not the company they are close to
        ("«Рейсы выполняются по плану», — сообщили РБК {s|два источника}, близких к компании.", "источники"),
        ("«Рейсы выполняются по плану», — сообщили {s|три источника в отрасли}.", "источники в отрасли"),
        # a surname that is also a man's first name does not make her a man
        ("«Президент следит за ситуацией», — отметила {s|Карин Жан-Пьер}.", "Карин Жан-Пьер"),
        # after "на заявление" a nominative is the verb's subject, not the issuer of the statement
        (
            "«Это провокация», — отреагировала на заявление {s|официальный представитель МИД России "
            "Мария Захарова}.",
            "Мария Захарова",
        ),
        ("«Это провокация», — отреагировала на заявление {s|Мария Захарова}.", "Мария Захарова"),
        # the outlet that asked is no speaker
        ("«Мы не комментируем слухи», — ответили в {s|пресс-службе «Газпрома»} на запрос РБК.", "Газпром"),
        # a light verb speaks through the noun of speech before it
        (
            "«Никаких переговоров не будет», — такое заявление сделал {s|министр обороны Алексей Резников}.",
            "Алексей Резников",
        ),
        ("«Мы уходим», — с таким заявлением выступил {s|глава МИД Дмитрий Кулеба}.", "Дмитрий Кулеба"),
        # a relative of somebody is somebody new, and "мужчина", "он" point back to him, not to the
        # man named before
        (
            "Прокурор Игорь Соколов запросил 8 лет.\n\nОтец погибшего не сдержал слез. "
            "«Справедливость восторжествовала», — сказал {s|мужчина}.",
            "отец погибшего",
        ),
        (
            "Прокурор Игорь Соколов запросил 8 лет.\n\nОтец погибшего не сдержал слез. "
            "«Справедливость восторжествовала», — сказал {s|он}.",
            "отец погибшего",
        ),
        (
            "Гособвинитель Марина Кузьмина настаивала на реальном сроке.\n\n{s|Мать блогера} расплакалась "
            "в зале суда: «Я буду ждать сына».",
            "мать блогера",
        ),
        # a minister of another country is not the one named before in his own paragraph, however far
        # back his office was given
        (
            "Глава МИД России Сергей Лавров провел переговоры с министром иностранных дел Индии "
            "Субраманьямом Джайшанкаром.\n\nЛавров сказал, что стороны обсудили торговлю.\n\n"
            "{s|Индийский министр}, в свою очередь, отметил, что Нью-Дели «ценит особые отношения»",
            "Субраманьям Джайшанкар",
        ),
        # "Так X прокомментировал": after "так" the subject may come before the verb
        (
            "«Все задачи будут выполнены». Так {s|министр обороны Сергей Шойгу} прокомментировал ход боев.",
            "Сергей Шойгу",
        ),
        # the head of a kind of body is the one the text named with its head's title
        (
            "Губернатор Подмосковья Андрей Воробьев и мэр Москвы Сергей Собянин открыли новую дорогу. "
            "«Это важный объект», — сказал {s|глава региона}.",
            "Андрей Воробьев",
        ),
        (
            "Премьер-министр Михаил Мишустин и президент Владимир Путин провели совещание. "
            "«Экономика растет», — сказал {s|глава правительства}.",
            "Михаил Мишустин",
        ),
        (
            "Гендиректор «Аэрофлота» Сергей Александровский и министр транспорта Виталий Савельев обсудили "
            "ситуацию. «Мы сохраним все рейсы», — сказал {s|глава авиакомпании}.",
            "Сергей Александровский",
        ),
        # a surname at a sentence's start that the dictionary reads as a common noun which cannot be
        # the verb's subject ("токаев": of wines; "дуда" is feminine)
        ("{s|Токаев} заявил, что «диалог необходим».", "Токаев"),
        ("{s|Дуда} заявил, что «диалог необходим».", "Дуда"),
        (
            "Опасения подтвердил {s|начальник управления Иван Петров}: «Таких звонков стало больше».",
            "Иван Петров",
        ),
        # a brand the dictionary does not know, after a spokesperson: the genitive of a masculine noun
        ("{s|Представитель «Русала»} назвал решение «грубым нарушением».", "Русал"),
        # the outlet the press office told is no speaker; law enforcers speak for the body named before
        (
            "В {s|пресс-службе Банка России} РБК сообщили, что банки «могли бы продолжать деятельность».",
            "Банк России",
        ),
        (
            "Следственное управление регионального СКР проводит проверку. «Водитель перепутал педали», — "
            "говорится в сообщении {s|правоохранителей}. Автомобиль Kia Soul врезался в здание.",
            "Следственное управление регионального СКР",
        ),
        # a deputy is set apart from heads only, and a clause between a name and its verb still makes
        # him speak
        (
            "Представитель застройщика Игорь Кузнецов возразил, что компания учла замечания. Вице-губернатор "
            "Николай Линченко, курирующий строительство, заявил журналистам, что решение примет совет. "
            "«Никакого давления на совет не будет», — подчеркнул {s|чиновник}.",
            "Николай Линченко",
        ),
        # an adjective or a participle used as a role noun
        (
            "Автор двух шайб Кирилл Капризов поблагодарил партнеров. «Без ребят ничего бы не получилось», — "
            "сказал {s|нападающий}.",
            "Кирилл Капризов",
        ),
        (
            "В ДТП пострадали три человека. «Водитель ехал на красный», — рассказала {s|пострадавшая}.",
            "пострадавшая",
        ),
        # an adjective of a title is no part of the name after it
        ("«Мир нуждается в диалоге», — заявил {s|Папа Римский Франциск}.", "Франциск"),
        # an East Asian name of short syllables, surname first, is one name
        ("«Мы готовы к диалогу», — заявил {s|лидер КНДР Ким Чен Ын}.", "Ким Чен Ын"),
        ("«Мы готовы к диалогу», — заявил {s|премьер Вьетнама Фам Минь Тинь}.", "Фам Минь Тинь"),
        # a surname the text gives with a first name is a person wherever it stands alone, though a
        # word opening a sentence before a speech verb is otherwise read as a place that speaks
        (
            "Пастор Джон Харпер погиб на «Титанике». Его письмо продадут на аукционе.\n\n{s|Харпер} "
            "сообщал, что у него «был хороший сезон благословений».",
            "Джон Харпер",
        ),
        # feelings voiced introduce speech too
        ("{s|Захарова} усомнилась: «Это абсолютно неверная позиция».", "Захарова"),
        ("«Мы виноваты», — извинился {s|министр транспорта Виталий Савельев}.", "Виталий Савельев"),
        ("«Мы не получали уведомлений», — цитирует «Интерфакс» {s|представителя «Победы»}.", "Победа"),
        # a name in the genitive whose head reads as a plural nominative too: one ministry, not several
        (
            "«Мы не можем это подтвердить», — заявил {s|представитель Министерства иностранных дел Франции}.",
            "Министерство иностранных дел Франции",
        ),
        (
            "«Мы не можем это подтвердить», — говорится в заявлении {s|министерства обороны США}.",
            "министерство обороны США",
        ),
        # a role held in a place ("в России", "в Африке") keeps its holder, not the head of state
        # or of the organisation named before
        (
            "Президент Франции Эмманюэль Макрон прибыл в Москву. "
            "«Визит важен», — сказал {s|посол Франции в России Пьер Леви}.",
            "Пьер Леви",
        ),
        (
            "Генеральный директор ВОЗ Тедрос Гебрейесус призвал к мерам. «Мы не хотим ждать», — добавил "
            "{s|директор ВОЗ по чрезвычайным ситуациям в Африке Майкл Райан}.",
            "Майкл Райан",
        ),
        (
            "Президент Владимир Путин провел совещание. «Мы готовы к диалогу», — заявил "
            "{s|полпред президента в Северо-Западном федеральном округе Александр Гуцан}.",
            "Александр Гуцан",
        ),
        (
            "«Мы готовы», — сообщил {s|врио губернатора Ивановской области Станислав Воскресенский}.",
            "Станислав Воскресенский",
        ),
        # the people a speaker addresses are no role the name after them holds
        ("«Бюджет будет исполнен», — заверил журналистов {s|Силуанов}.", "Силуанов"),
        # the outlet that quotes is never the speaker, before the colon either
        ("Слова {s|министра Антона Силуанова} приводит ТАСС: «Бюджет будет исполнен».", "Антон Силуанов"),
        # a foreign outlet named in several words relays whom it cites
        (
            "«Ситуация остается напряженной», — пишет The New York Times со ссылкой на "
            "{s|источники в администрации}.",
            "источники в администрации",
        ),
        (
            "«Сделка закрыта», — сообщает The Wall Street Journal со ссылкой на "
            "{s|представителя компании Boeing}.",
            "Boeing",
        ),
        # words quoted before the quoting verb are their author's, not the quoter's
        (
            "Слова {s|Черчилля} процитировал премьер-министр Борис Джонсон: «Никогда не сдавайтесь».",
            "Черчилль",
        ),
        # the content of somebody's statement is theirs, whoever comments on it
        (
            "Глава МИД Сергей Лавров прокомментировал заявление {s|Джо Байдена} о том, что «Россия "
            "должна ответить».",
            "Джо Байден",
        ),
        # who hears the words is not who says them
        ("Зеленский услышал от {s|Шольца}: «Мы вас поддержим».", "Шольц"),
        # the outlet told comes between the verb and where it was said
        ("Как сообщили РБК в {s|пресс-службе ВТБ}, «банк работает в штатном режиме».", "ВТБ"),
        # an outlet's common noun ends its name before the role it quotes
        ("«Мы не можем это подтвердить», — цитирует телеканал {s|представителя Пентагона}.", "Пентагон"),
    ],
)
def test_one_speaker_one_name(marked, speaker):
    text, (mention,) = unmark(marked)
    (quote,) = extract_quotes(text)
    assert (quote.speaker_mention, quote.speaker) == (mention, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "«Мы не допустим эскалации», — сказал он в интервью «Комсомольской правде».",
        "Об этом министр рассказал в эфире «Первого канала».",
    ],
)
def test_the_outlet_of_an_interview_or_a_broadcast_never_speaks(text):
    (outlet,) = [m for m in mentions(text) if m.kind == "org"]
    assert (outlet.outlet, outlet.relays, outlet.subject) == (True, True, False)


def test_a_name_in_the_genitive_after_a_role_is_not_its_holder():
    text = "Советник Дональда Трампа заявил журналистам, что переговоры продолжатся."
    m = next(m for m in mentions(text) if m.start == 0)
    assert (m.kind, m.role, m.org) == ("role", "советник", "Дональда Трампа")


def test_antecedents_of_a_pronoun_follow_the_verb_gender():
    text = (
        "Глава МИД России Сергей Лавров провел переговоры с Анналеной Бербок. "
        "Министр иностранных дел Германии Анналена Бербок выступила после встречи. "
        "«Мы готовы к диалогу», — заявила она."
    )
    people = People(text)
    pron = next(m for m in people.mentions_between(0, len(text)) if m.kind == "pron")
    found = people.antecedents(pron, pron.start)
    assert found[0] == "Анналена Бербок" and "Сергей Лавров" not in found


def test_a_place_is_never_an_organisation_that_speaks():
    text = "Форум прошел в Давосе. «Мы обсудили главные риски года», — сообщили в компании."
    people = People(text)
    m = next(m for m in people.mentions_between(0, len(text)) if m.kind == "org" and m.name == "компания")
    assert people.antecedents(m, m.start) == []


def test_a_company_spelt_in_latin_and_cyrillic_is_one_speaker():
    text = "Yandex объявил о реструктуризации. По словам представителей Яндекса, решение принято."
    assert People(text).org_name("Yandex") == "Яндекс"


def test_the_definition_in_parentheses_links_an_acronym():
    text = "Об этом сообщили в Министерстве цифрового развития, связи и массовых коммуникаций (Минцифры)."
    assert (
        People(text).org_name("Минцифры") == "Министерство цифрового развития, связи и массовых коммуникаций"
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("«Сервис снова доступен», — сообщили разработчики приложения.", "разработчики приложения"),
        ("«Это лучший выпуск за год», — написал один из подписчиков канала.", "подписчик канала"),
        ("«Компания нарушила наши права», — утверждают истцы.", "истцы"),
    ],
)
def test_people_described_by_what_they_do_are_speakers(text, speaker):
    (quote,) = extract_quotes(text)
    assert quote.speaker == speaker


def test_an_acronym_the_text_uses_more_often_than_its_full_name_is_the_name():
    text = (
        "Обвинение предъявила Служба безопасности Украины (СБУ). В СБУ уверены в доказательствах. "
        "«Следствие завершено», — сообщили в СБУ."
    )
    people = People(text)
    assert people.org_name("СБУ") == people.org_name("Службы безопасности Украины") == "СБУ"
    (quote,) = extract_quotes(text)
    assert quote.speaker == "СБУ"


# -- possessives, plural pronouns and plural roles --------------------------------------------------
def _antecedents_of(text: str, word: str) -> list[str]:
    people = People(text)
    m = next(m for m in people.mentions_between(0, len(text)) if text[m.start : m.stop] == word)
    return people.antecedents(m, m.start)


def test_a_possessive_is_a_mention_that_is_never_a_subject():
    text = "По его словам, переговоры продолжатся."
    (m,) = [m for m in mentions(text) if m.kind == "pron"]
    assert (text[m.start : m.stop], m.gender, m.subject) == ("его", "masc", False)


@pytest.mark.parametrize(
    ("text", "word", "first"),
    [
        (
            "Глава Минфина Антон Силуанов выступил в Госдуме. "
            "По его словам, «бюджет полностью сбалансирован».",
            "его",
            "Антон Силуанов",
        ),
        # the possessive's own gender, whatever verb stands beside it
        (
            "Официальный представитель МИД Мария Захарова прокомментировала слова Сергея Лаврова. "
            "«Позиция России не изменилась», — приводит ее слова ТАСС.",
            "ее",
            "Мария Захарова",
        ),
        (
            "Канцлер Австрии Карл Нехаммер выступил с обращением. "
            "«Четвертый погибший — преступник», — цитирует его ТАСС.",
            "его",
            "Карл Нехаммер",
        ),
    ],
)
def test_a_possessive_points_back_to_the_person_named_before(text, word, first):
    assert _antecedents_of(text, word)[0] == first


def test_plural_staff_speak_for_the_institution_of_their_kind():
    text = (
        "МИД России выразил протест в связи с заявлением посла Азербайджана. "
        "«Мы ждем объяснений», — подчеркнули дипломаты."
    )
    assert _antecedents_of(text, "дипломаты") == ["МИД России"]


def test_plural_staff_with_no_institution_of_their_kind_keep_their_description():
    text = "Компания «Роснано» объявила о дефолте. «Это недопустимо», — заявили дипломаты."
    people = People(text)
    m = next(m for m in people.mentions_between(0, len(text)) if m.kind == "role")
    assert (people.antecedents(m, m.start), people.resolve(m, m.start)) == ([], "дипломаты")


def test_a_plural_pronoun_points_back_to_the_group_named_before():
    text = (
        "Адвокаты Романа Абрамовича обратились в суд. "
        "«Наш клиент был одним из крупнейших налогоплательщиков», — утверждают они."
    )
    assert _antecedents_of(text, "они")[0] == "адвокаты Романа Абрамовича"


def test_a_role_in_the_instrumental_is_named_in_the_nominative_plural():
    text = "Среди требований, выдвигаемых организаторами акции, — отставка мэра."
    people = People(text)
    m = next(m for m in people.mentions_between(0, len(text)) if m.kind == "role")
    assert people.resolve(m, m.start) == "организаторы акции"


# -- names in the nominative: governing words, verbs, adjectival surnames ---------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a surname the dictionary reads as an adjective, in the genitive after a long role phrase
        (
            "По словам директора по инвестициям «Локо Инвеста» Дмитрия Полевого, это решение — "
            "«своеобразная капитуляция».",
            "Дмитрий Полевой",
        ),
        # a woman's name the dictionary lacks, in the instrumental after a role
        (
            "Сергей Лавров встретился с министром иностранных дел Германии Анналеной Бербок.",
            "Анналена Бербок",
        ),
        # the verb's gender: a woman, not "Ян Лантратов" in the genitive
        (
            "Зампред комитета Госдумы по просвещению Яна Лантратова направила письмо вице-премьеру.",
            "Яна Лантратова",
        ),
        # the object of "цитирует" is in the accusative
        (
            "«Нужно рассказывать о нарушениях прав человека», — цитирует Хвана Чжан Епа Lenta.ru.",
            "Хван Чжан Еп",
        ),
        # a name in the nominative after a role is its holder, whatever follows the name
        (
            "«Это важно», — заявил официальный представитель президента Павел Крашенинников при "
            "рассмотрении законопроекта.",
            "Павел Крашенинников",
        ),
        # an acronym before a role: the role of its second part, the acronym kept as written
        ("«Мы растем», — сказал IT-директор компании Иван Петров.", "Иван Петров"),
        # a preposition of one case: the name that declines, not the indeclinable "Марку"
        ("Согласно Марку, рабочие сами захватили завод.", "Марк"),
        # "Анне" is an indeclinable name too, but here the dative of "Анна"
        ("Письмо направили руководителю Роспотребнадзора Анне Поповой.", "Анна Попова"),
        # an animate role's accusative looks like its genitive: the name tells which it is
        (
            "«У нас есть еще сутки», — цитирует «Лента.ру» пресс-секретаря министерства Людмилу Зенькович.",
            "Людмила Зенькович",
        ),
        ("Полиция задержала муниципального депутата Юлию Щербакову.", "Юлия Щербакова"),
        ("«Мы готовы», — цитирует РБК директора завода Ивана Петрова.", "Иван Петров"),
        # a name in the nominative after a role it does not agree with is no complement of the role
        ("Кандидат в мэры Москвы Алексей Навальный собрал 35 млн рублей.", "Алексей Навальный"),
        ("Встречу при президенте РФ Александр Молохов назвал полезной.", "Александр Молохов"),
        # a first name that is also a city's ("Владимир") starts the name, it does not end the "СМИ"
        (
            "Глава отдела по связям с обществом и СМИ Владимир Легойда назвал санкции ошибкой.",
            "Владимир Легойда",
        ),
    ],
)
def test_a_person_is_named_in_the_nominative(text, name):
    assert name in [m.name for m in mentions(text) if m.kind == "person"]


@pytest.mark.parametrize(
    ("words", "nominative"),
    [
        (["Дмитрия", "Полевого"], "Дмитрий Полевой"),
        (["Анны", "Толстой"], "Анна Толстая"),
        (["Валерией", "Касамарой"], "Валерия Касамара"),
        (["Анналеной", "Бербок"], "Анналена Бербок"),
    ],
)
def test_names_the_dictionary_reads_otherwise_become_nominative(words, nominative):
    assert nominative_name(words) == nominative


def test_a_role_phrase_takes_its_complements_after_po_and_pri():
    text = "Помощник президента по внешнеполитическим делам заявил, что встреча состоится."
    m = next(m for m in mentions(text) if m.kind == "role")
    assert m.name == "помощник президента по внешнеполитическим делам"


def test_the_spokesperson_of_an_office_is_the_one_the_text_names():
    text = (
        "Решение принято по просьбе самой Поклонской, заявил пресс-секретарь президента Дмитрий Песков. "
        "«Это предложение соответствовало ее пожеланию», — сказал представитель Кремля."
    )
    assert _antecedents_of(text, "представитель Кремля")[:2] == ["Дмитрий Песков", "Кремль"]


def test_the_spokesperson_of_an_office_nobody_holds_is_the_organisation():
    text = "«Эта тема не обсуждалась», — заявил представитель Кремля."
    assert _antecedents_of(text, "представитель Кремля") == ["Кремль"]


# -- outlets that relay and outlets that write ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "relays", "subject"),
    [
        ("«В 19:00 пожар ликвидирован», — сказали ТАСС в пресс-службе МЧС России.", "ТАСС", True, False),
        ("В пресс-службе Банка России РБК сообщили, что речь идет о другом.", "РБК", True, False),
        ("«Мы готовы к диалогу», — передает ТАСС.", "ТАСС", True, True),
        ("В сообщении, по данным Reuters, говорится о другом.", "Reuters", True, False),
        ("— пояснил Трутнев (цитата по «РИА Новости»).", "РИА Новости", True, False),
        ("— рассказал изданию депутат.", "издание", True, False),
        # an outlet that writes is a speaker
        ("Это станет новым вызовом для Пекина, отметило издание.", "издание", False, True),
        (
            "Армия находилась в плохом состоянии, пишет британское издание The Economist.",
            "The Economist",
            False,
            True,
        ),
    ],
)
def test_an_outlet_that_passes_words_on_relays(text, name, relays, subject):
    (m,) = [m for m in mentions(text) if m.name == name]
    assert (m.relays, m.subject) == (relays, subject)


def test_a_market_widget_names_nobody():
    text = (
        "Число клиентов банка выросло. Тинькофф Банк TCS $31,22 +3,28% Купить "
        "В первом квартале 2022 года, по словам Оливера Хьюза, спрос на кредиты упал."
    )
    widget = text.index("Тинькофф"), text.index("Купить") + len("Купить")
    assert not [m for m in mentions(text) if widget[0] <= m.start < widget[1]]
    assert "Оливер Хьюз" in [m.name for m in mentions(text)]


# -- surnames the dictionary reads as other words ----------------------------------------------------
@pytest.mark.parametrize(
    ("marked", "speaker"),
    [
        # a surname that is also a place ("Печатники"), after a first name, and alone later
        (
            "Об этом рассказал РБК зампред правления ВТБ Анатолий Печатников. "
            "«Банки не могут себе позволить роста просроченной задолженности», — говорит {s|Печатников}.",
            "Анатолий Печатников",
        ),
        # a first name the dictionary lacks, before a word with a surname's ending
        (
            "Об этом заявил директор департамента МИД России Замир Кабулов. "
            "«Первый урожай будет показательным», — пояснил {s|Кабулов}.",
            "Замир Кабулов",
        ),
        # the first name right after a place: pairs of capitalised words overlap
        (
            "Премьер-министр Молдавии Ион Кику поздравил избранного президента. "
            "«Выборы прошли хорошо», — подчеркнул {s|Кику}.",
            "Ион Кику",
        ),
    ],
)
def test_a_surname_read_otherwise_is_the_person_named_before(marked, speaker):
    text, (mention,) = unmark(marked)
    people = People(text)
    m = next(m for m in people.mentions_between(0, len(text)) if m.start == mention.start)
    assert (text[m.start : m.stop], people.resolve(m, m.start)) == (mention.text, speaker)


# -- places that stand for a power ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "subject"),
    [
        ("16 декабря в Кремле заявили, что инфляция стала темой для обеспокоенности.", "Кремль", False),
        ("Белый дом пояснял, что предложение нефти не поспевает за спросом.", "Белый дом", True),
        ("7 июня Токио сообщил о введении новых санкций против России.", "Токио", True),
        ("Киев считает Роккелли жертвой военного конфликта.", "Киев", True),
    ],
)
def test_a_place_that_speaks_is_an_organisation(text, name, subject):
    (m,) = [m for m in mentions(text) if m.name == name]
    assert (m.kind, m.subject) == ("org", subject)


def test_a_place_that_does_not_speak_is_no_mention():
    assert not [m for m in mentions("Делегация прибыла в Токио. Москва ждет ответа.") if m.kind == "org"]


# -- descriptions: spokespeople of a generic organisation, anonymous sources of an outlet -------------
def _last(people: People, kind: str):
    """The last mention of ``kind`` in the text ``people`` reads."""
    return [m for m in people.mentions_between(0, len(people.text)) if m.kind == kind][-1]


def _resolved(text: str, kind: str) -> str | None:
    people = People(text)
    m = next(m for m in people.mentions_between(0, len(text)) if m.kind == kind)
    return people.resolve(m, m.start)


def test_a_spokesperson_of_a_generic_organisation_speaks_for_the_one_named_before():
    text = (
        "Министерство здравоохранения Новосибирской области проверило больницу. "
        "«Нарушений не выявлено», — заявили в пресс-службе ведомства."
    )
    assert _resolved(text, "role") == "Министерство здравоохранения Новосибирской области"


def test_an_anonymous_source_of_an_outlet_is_named_with_the_outlet():
    text = "Об этом сообщает ТАСС. «Контракт будет выполнен в срок», — заверил собеседник агентства."
    assert _resolved(text, "role") == "собеседник ТАСС"


def test_one_of_several_sources_is_one_source():
    text = "«Он в боевом режиме», — заявил один из собеседников телеканала."
    (m,) = [m for m in mentions(text) if m.kind == "role"]
    assert (text[m.start : m.stop], m.name, m.subject) == (
        "один из собеседников телеканала",
        "собеседник телеканала",
        True,
    )


def test_a_role_phrase_ends_before_an_adverbial_po():
    text = "Тем временем Генпрокурор России по итогам проверки торговых сетей назвал ситуацию удручающей."
    (m,) = [m for m in mentions(text) if m.kind == "role"]
    assert m.name == "генпрокурор России"


def test_a_name_takes_no_capitalised_function_word():
    text = "Об этом рассказал Евгений Шляхто При этом он добавил, что риски велики."
    assert [m.name for m in mentions(text) if m.kind == "person"] == ["Евгений Шляхто"]


def test_a_dateline_names_nobody():
    text = "АЛМА-АТА, 31 октября. /ТАСС/. Министр обороны Казахстана Даурен Косанов провел переговоры."
    assert "АЛМА-АТА" not in [m.name for m in mentions(text)]


# -- anonymous sources and pronouns that point back to them, or to organisations --------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "«Это приведет к новым ограничениям», — заявил ТАСС источник во внешнеполитическом ведомстве.",
            "источник во внешнеполитическом ведомстве",
        ),
        ("«Решение еще не принято», — сообщил источник в Кремле.", "источник в Кремле"),
        ("«Мест не хватает», — сказал источник в беседе с ТАСС.", "источник"),
    ],
)
def test_an_anonymous_source_keeps_where_it_is(text, name):
    assert [m.name for m in mentions(text) if m.kind == "role"] == [name]


def test_a_pronoun_points_back_to_an_anonymous_source():
    text = (
        "«Число таких операций растет», — сказал источник на финансовом рынке. "
        "«Банки это видят», — добавил он."
    )
    assert _antecedents_of(text, "он")[0] == "источник на финансовом рынке"


def test_a_possessive_points_back_to_an_organisation_when_no_person_is_named():
    text = "Банк России ухудшил прогноз по инфляции. По его оценке, она составит 18–23%."
    assert _antecedents_of(text, "его") == ["Банк России"]


def test_an_outlet_noun_names_an_outlet_of_its_kind():
    text = (
        "Об этом пишет «Коммерсантъ», ссылаясь на данные ТАСС. "
        "«Контракт будет выполнен», — заверил собеседник агентства."
    )
    assert _resolved(text, "role") == "собеседник ТАСС"


def test_there_after_a_plural_speech_verb_is_the_organisation_named_before():
    text = (
        "«Мы изучаем вопрос», — сообщили РБК в пресс-службе Минпромторга. "
        "«Решение будет принято в мае», — добавили там. Там было холодно."
    )
    people = People(text)
    found = [m for m in people.mentions_between(0, len(text)) if m.name == "там"]
    assert [(text[m.start : m.stop], people.resolve(m, m.start)) for m in found] == [("там", "Минпромторг")]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a man's name the dictionary reads as a woman's and as a common noun, after a role in the genitive
        ("Twitter выполнит требование миллиардера Илона Маска, пишет издание.", ["Илон Маск"]),
        # a surname and a first name that share no case are two people
        ("В романе Ильфа и Петрова Остап распределяет должности.", ["Ильф", "Остап"]),
        # a first name after a full name in the genitive, though "Анастасия" is "Анастасий" in the genitive
        ("Сестра актера Михаила Ефремова Анастасия рассказала о брате.", ["Анастасия"]),
        # a place that is also a woman's name ("Юты": Utah) does not start the name after it
        ("Врач из госпиталя Университета Юты Натан Хаттон пожаловался журналистам.", ["Натан Хаттон"]),
        # a name typed with a Latin letter that looks Cyrillic is named in Cyrillic
        ("Cтив Балмер, нынешний президент Microsoft, написал письмо.", ["Стив Балмер"]),
        # a compound of an acronym or a common noun and a common noun is no name; "Цой-младший" is one
        ("Говоря о качестве ПЦР-тестов, пульмонолог Цой-младший подчеркнул их точность.", ["Цой-младший"]),
        ("Компания-производитель намерена продолжить поставки.", []),
        # the office sought is no role the name holds
        ("Сторонники кандидата в президенты Джо Байдена протестуют.", ["Джо Байден"]),
        # particles run on to the surname after them; a place's name is no person
        ("Председатель Еврокомиссии Урсула фон дер Ляйен заявила о санкциях.", ["Урсула фон дер Ляйен"]),
        ("В сенате Соединенных Штатов разрабатывают законопроект.", []),
        # a common noun opening a title in marks is no first name: "Путина" is named alone
        (
            "Книгу Кэтрин Белтон «Люди Путина. Как КГБ вернул себе Россию» исправили.",
            ["Кэтрин Белтон", "Путин"],
        ),
    ],
)
def test_which_capitalised_words_name_a_person_and_how(text, names):
    assert [m.name for m in mentions(text) if m.kind == "person"] == names


def test_a_generic_organisation_opening_a_sentence_is_the_one_named_before():
    text = "Банк России снизил ключевую ставку. Регулятор в релизе отметил, что допускает снижение."
    people = People(text)
    m = next(m for m in people.mentions_between(0, len(text)) if text[m.start : m.stop] == "Регулятор")
    assert people.resolve(m, m.start) == "Банк России"


def test_a_generic_organisation_is_rather_one_of_its_kind_than_the_nearest_name():
    text = (
        "В Минтруде рассказали о новом порядке расчета МРОТ. "
        "«Это позволит учитывать прошлые периоды», — пояснили в ведомстве."
    )
    people = People(text)
    m = next(m for m in people.mentions_between(0, len(text)) if m.name == "ведомство")
    assert people.resolve(m, m.start) == "Минтруд"


@pytest.mark.parametrize(
    "text",
    [
        "В российской Счетной палате указывали, что страну ждет сложная ситуация.",
        "«Сведения не опубликованы», — говорится в отчете Счетной палаты.",
    ],
)
def test_an_organisation_named_by_an_adjective_and_a_common_noun_is_in_the_nominative(text):
    assert "Счетная палата" in [m.name for m in mentions(text) if m.kind == "org"]


def test_a_name_after_a_noun_of_speech_is_its_owner_in_the_genitive():
    text = "В заявлении Гелетея, размещенном на сайте министерства обороны, говорится об угрозе."
    assert [m.name for m in mentions(text) if m.kind == "person"] == ["Гелетей"]


@pytest.mark.parametrize(
    "marked",
    [
        # the addressee of the words is not the one who speaks them
        "Об этом сказал {m|журналистам} {m|помощник Путина Юрий Ушаков}.",
        # two offices joined by "и" and no name: two people
        "На место прибыли {m|агент секретной службы} и {m|полицейский}.",
        "Письмо подписали {m|министр обороны} и {m|министр финансов}.",
        # the name of an award, a street, an institute is no mention of a person who speaks
        "{m|Путин} наградил орденом Жукова танковый полк.",
        "Митинг прошел на улице Ленина.",
        "Институт имени Лавочкина и медаль Суворова.",
        "Лечение идет в больнице им. С. П. Боткина.",
        # a place after its common noun, though the dictionary does not know its name
        "Протестующие собрались в районе Гринвич-Виллидж.",
        "Самолет сел в аэропорту Толмачево.",
        "Об этом сказал {m|губернатор штата Луизиана Джон Бел Эдвардс}.",
        # a university is no such noun: the name after it is of someone who works there
        "По словам {m|вирусолога Колумбийского университета Анджелы Расмуссен}, вирус опасен.",
        # an institution named by two adjectives and its common noun, and not a participle before one
        "Об этом сообщила {m|Федеральная антимонопольная служба России}.",
        "Представленный британским {m|правительством} закон принят.",
        # an acronym before a role noun: the role ("ИБ-специалистов"), no person
        "Растет число вакансий для {m|ИБ-специалистов}.",
        # "союз", "бюро" head a name only after a capitalised adjective
        "Об этом говорится в заявлении {m|Европейского союза}.",
        "В поправках брак назван союзом {m|мужчины} и {m|женщины}.",
    ],
)
def test_each_mention_is_one_person_and_only_a_person_who_may_speak(marked):
    text, spans = unmark(marked)
    assert [Span(text[m.start : m.stop], m.start, m.stop) for m in find_mentions(text, tokens(text))] == spans


def test_a_place_after_its_noun_in_a_role_phrase_is_no_holder_of_the_role():
    text = "Мэр города Немуро, в свою очередь, отметил, что шанс был."
    (m,) = find_mentions(text, tokens(text))
    assert (m.kind, m.role, m.name) == ("role", "мэр", "мэр города Немуро")


def test_a_compound_role_in_the_genitive_is_no_subject():
    text = "По мнению терапевта-пульмонолога Марины Казаковой, антибиотики бессильны."
    (m,) = find_mentions(text, tokens(text))
    assert (m.kind, m.name, m.role, m.subject) == ("person", "Марина Казакова", "терапевт", False)


def test_a_role_after_an_acronym_keeps_the_acronym_in_its_nominative():
    text = "Растет число вакансий для ИБ-специалистов."
    (m,) = find_mentions(text, tokens(text))
    assert (m.kind, m.role, m.name) == ("role", "специалист", "ИБ-специалисты")


@pytest.mark.parametrize(
    ("complement", "organisation"),
    [
        ("Аналитического центра", "Аналитический центр"),
        ("Московской городской думы", "Московская городская дума"),
        ("Верховного суда США", "Верховный суд США"),
        ("компании Роснано", "Роснано"),
    ],
)
def test_a_spokespersons_organisation_is_named_in_the_nominative(complement, organisation):
    assert organisation_of(complement) == organisation


def test_the_object_after_a_gerund_is_never_the_speaker():
    text = (
        "Прежде Владимир Легойда уже называл санкции «нонсенсом» и «отказом от здравого смысла», "
        "отмечая необходимость сохранять каналы коммуникации."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Владимир Легойда"] * 2


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        (
            "Сенатор Джон Маккейн встретился с президентом Украины Петром Порошенко. «Мы поддерживаем "
            "Украину», — сказал сенатор. «Спасибо за поддержку», — ответил президент.",
            "Петр Порошенко",
        ),
        (
            "Глава МИД России Сергей Лавров встретился с госсекретарем США Энтони Блинкеном. «Разговор "
            "был откровенным», — сказал Лавров. «Мы услышали друг друга», — добавил госсекретарь.",
            "Энтони Блинкен",
        ),
        # a former office names a former holder, not the holder now
        (
            "Бывший президент США Дональд Трамп раскритиковал Джо Байдена. «Он разрушает страну», — "
            "написал экс-президент.",
            "Дональд Трамп",
        ),
        # a head may be the last actor's other title: "министр" after "глава МИД" yields to him
        (
            "Глава МИД России Сергей Лавров провел переговоры с министром иностранных дел Индии "
            "Субраманьямом Джайшанкаром. «Переговоры были полезными», — сказал министр.",
            "Сергей Лавров",
        ),
    ],
)
def test_a_bare_role_names_whom_the_text_lets_it_name(text, holder):
    people = People(text)
    m = _last(people, "role")
    assert people.holder_name(m, m.start) == holder


_VERDICT = (
    "Суд приговорил бывшего замминистра культуры Григория Пирумова к 5 годам колонии.\n\n"
    "Адвокат Пирумова Анна Ставицкая заявила, что защита обжалует приговор. «Мы считаем решение "
    "незаконным», — подчеркнула юрист.\n\n"
    "Сам осужденный в последнем слове назвал обвинения «абсурдными»."
)


def test_a_role_said_by_an_adjective_names_the_sex_of_its_holder():
    people = People(_VERDICT)
    (convict,) = [m for m in people.mentions_between(0, len(_VERDICT)) if m.role == "осужденный"]
    assert (convict.gender, people.antecedents(convict, convict.start)) == ("masc", ["Григорий Пирумов"])


def test_a_masculine_verb_does_not_give_the_quote_to_the_woman_who_spoke_before():
    quotes = extract_quotes(_VERDICT)
    assert [q.text for q in quotes] == ["Мы считаем решение незаконным", "абсурдными"]
    assert quotes[0].speaker == "Анна Ставицкая" and quotes[1].speaker != "Анна Ставицкая"


def test_a_role_of_one_country_is_not_the_head_of_another():
    text = (
        "Президент Турции Реджеп Тайип Эрдоган провел телефонный разговор с Владимиром Путиным. "
        "Российский президент подчеркнул, что «Россия готова продолжить экспорт»."
    )
    people = People(text)
    role = _last(people, "role")
    assert people.antecedents(role, role.start) == ["Владимир Путин"]


def test_a_source_beside_a_speech_verb_with_its_own_subject_only_relays():
    for text, said in [
        ("Министр, по данным Минфина, заявил, что «бюджет будет исполнен».", [("министр", "заявил")]),
        ("По данным Минфина, «бюджет будет исполнен».", [("Минфина", "По данным")]),
    ]:
        doc = Doc(text)
        lo, hi = doc.tok_range(0, text.index("«"))
        cues = clause_cues(doc, lo, hi, after=False)
        assert [(c.mention.name if c.mention else None, c.cue.text if c.cue else None) for c in cues] == said


def test_the_name_of_a_part_played_is_no_holder_of_the_role():
    text = "Исполнитель роли Чендлера Бинга опроверг эти догадки в Twitter."
    (m,) = mentions(text)
    assert (m.kind, m.role, m.org) == ("role", "исполнитель", "роли Чендлера Бинга")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the name after a nominative role is its principal's when it is a genitive
        ("Президент США Джо Байден прибыл в Женеву. Советник Джо Байдена заявил об этом.", "role"),
        ("Советник Зеленского заявил об этом.", "role"),
        # and the holder when it reads as a nominative
        ("Глава японского МИДа Сэйдзи Маэхара заявил об этом.", "person"),
        ("Министр Петрова заявила об этом.", "person"),
    ],
)
def test_a_name_after_a_role_holds_it_or_is_whom_it_serves(text, kind):
    m = [m for m in mentions(text) if m.start == text.index(text.split(". ")[-1])][0]
    assert m.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "Бизнесмен Иван Петров арестован. «Обвинения абсурдны», — сказал его адвокат.",
        "Бизнесмен Иван Петров арестован. «Обвинения абсурдны», — сказал адвокат бизнесмена.",
        "Президент Иван Петров провел совещание. «Мы договорились», — сказал советник Петрова.",
        "Президент Эмманюэль Макрон посетил Киев. «Визит был важным», — сказал представитель Макрона.",
        "Теннисист Даниил Медведев выиграл турнир. «Он играл блестяще», — сказал тренер теннисиста.",
    ],
)
def test_whom_a_role_serves_is_never_its_speaker(text):
    (quote,) = extract_quotes(text)
    served = next(name for name in ("Макрон", "Медведев", "Петров") if name in text)
    assert quote.speaker is not None and served not in quote.speaker.split()


def test_a_person_after_a_role_and_a_verb_is_no_holder_of_the_role():
    for text, holder in [
        ("Журналист спросил Пескова, будет ли встреча.", False),
        ("Об этом сообщил президент ассоциации «Здравствуй!» Ирина Боровова.", True),
    ]:
        role, person = mentions(text)
        assert (role.kind, person.kind, names_holder(text, role, person)) == ("role", "person", holder)


def test_a_pronoun_points_back_to_its_own_paragraph_first():
    text = (
        "Его слова подтвердил официальный представитель МИД Турции Танжу Бильгич. «Предложение "
        "остается в силе», — написал дипломат.\n\n"
        "Пресс-секретарь президента России Дмитрий Песков отказался комментировать детали. "
        "«Это прерогатива МИДа», — сказал он журналистам."
    )
    people = Doc(text).people  # read by paragraphs, as extraction reads it
    he = _last(people, "pron")
    assert people.antecedents(he, he.start, 2) == ["Дмитрий Песков", "Танжу Бильгич"]


def test_a_womans_surname_before_a_plural_verb_stays_hers():
    text = (
        "Мурашко и Попова провели брифинг. «Ситуация стабилизировалась», — сказала Попова. "
        "«Коечный фонд достаточен», — добавил глава Минздрава."
    )
    names = [m.name for m in Doc(text).people.mentions_between(0, len(text)) if m.kind == "person"]
    assert names == ["Мурашко", "Попова", "Попова"]
    assert "Попов" not in [q.speaker for q in extract_quotes(text)]


def test_a_relative_of_an_office_holder_does_not_hold_the_office():
    text = "Сын президента Иван Петров заявил, что «отец ни при чем». «Это провокация», — сказал президент."
    people = Doc(text).people
    president = _last(people, "role")
    assert (people.antecedents(president, president.start), people.last_actor(president)) == ([], None)


def test_an_agent_noun_the_dictionary_lacks_is_no_surname():
    text = (
        "«Батарея держится весь день», — отмечает Джон Смит. Тестировщик добавил, что «не может доверять» ей."
    )
    assert [m.name for m in mentions(text) if m.kind == "person"] == ["Джон Смит"]
    assert [q.speaker for q in extract_quotes(text)] == ["Джон Смит", "Джон Смит"]
