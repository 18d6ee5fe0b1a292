"""What a question names that the quoted sentence must name too: a district, not its city;
a date's month; a figure the question states as its premise; a role or a name the corpus
never writes. Each refusal is paired with a near question the documents do answer, so a
test fails if the rule refuses too much as well as too little.

Real model, real Chroma (session fixture ``service`` over a copy of the bundled corpus).
The questions are written for these tests, not taken from the eval sets.
"""

from __future__ import annotations

import pytest

from assistant.service import AssistantService


def _answers(service: AssistantService, question: str, *figures: str) -> None:
    record = service.ask(question)
    assert record.found, question
    assert all(f in record.answer for f in figures), record.answer


def _refuses(service: AssistantService, question: str) -> None:
    record = service.ask(question)
    assert not record.found, record.answer
    assert record.citations == []


def test_a_citys_figure_is_no_answer_for_one_of_its_districts(
    service: AssistantService,
) -> None:
    # the passage names 宝安 before "深圳…合计122家": the figure is the city's
    _refuses(service, "深圳宝安区单独有几家小巨人？")
    _answers(service, "深圳南山区和宝安区一共有多少家小巨人？", "712")


def test_a_figure_of_another_month_is_no_answer(service: AssistantService) -> None:
    _refuses(service, "截至2024年6月末，國家級製造業單項冠軍有多少家？")
    _answers(service, "截至2024年底，國家級製造業單項冠軍有多少家？", "1557")


def test_the_figure_a_question_states_is_not_its_answer(service: AssistantService) -> None:
    _refuses(service, "1780多家中小企业公共服务机构中，县级的有多少家？")
    _answers(service, "全国中小企业公共服务机构有多少家？", "1780")


@pytest.mark.parametrize(
    "question",
    [
        "國家中小企業發展基金的總經理是誰？",  # a role no document names
        "工信部部长张三丰在发布会上说了什么？",  # a person no document names
        "Who founded Unitree Robotics?",  # a company no document names
    ],
)
def test_a_role_or_name_the_corpus_never_writes_is_refused(
    service: AssistantService, question: str
) -> None:
    _refuses(service, question)


def test_an_author_question_is_still_answered_by_the_byline(
    service: AssistantService,
) -> None:
    _answers(service, "北京那篇小巨人研究的作者是谁？", "任媛")


def test_how_much_money_is_answered_by_a_sum(service: AssistantService) -> None:
    _answers(service, "中央财政为第二批数字化转型试点城市拿出了多少钱？", "2.7 billion")


def test_another_citys_sentence_in_the_passage_is_no_answer(
    service: AssistantService,
) -> None:
    # the passage is about Beijing; "深圳…深交所创业板…42家" is Shenzhen's own figure
    _refuses(service, "北京在深交所主板上市的小巨人有几家？")
    _answers(service, "深圳有多少家小巨人在深交所创业板上市？", "42")
    record = service.ask("北京有多少家小巨人在深交所创业板上市？")
    assert record.found and "23家" in record.answer and "42" not in record.answer


def test_one_item_of_a_list_is_not_given_the_lists_figure(service: AssistantService) -> None:
    # "电子信息、半导体、智能硬件等领域占比超40%": the share is the three fields'
    _refuses(service, "深圳已上市的小巨人里，光是半导体领域的占比是多少？")
    _answers(service, "深圳上市小巨人中，电子信息、半导体、智能硬件等领域合起来占多大比例？", "40%")


def test_the_number_asked_for_is_no_word_the_answer_must_say(
    service: AssistantService,
) -> None:
    _answers(service, "北京小巨人企业的总数是多少？", "1214")


@pytest.mark.parametrize(
    "question",
    [
        "北京的小巨人企业一共雇用了多少名员工？",  # people asked, firms stated
        "How many employees do Shenzhen's little giants have in total?",
        "深圳已上市的小巨人企业中有多少人从事研发？",
    ],
)
def test_a_count_of_other_things_is_no_answer(service: AssistantService, question: str) -> None:
    _refuses(service, question)
    _answers(service, "北京累计培育了多少家小巨人企业？", "1214")


def test_a_citys_figure_is_no_answer_for_a_zone_in_it(service: AssistantService) -> None:
    # 经开区 is no division of the table; the sentence names 北京 only
    _refuses(service, "北京经开区累计培育了多少家国家级小巨人企业？")
    _answers(service, "北京市累计培育了多少家国家级小巨人企业？", "1214")
