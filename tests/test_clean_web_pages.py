"""The cleaner on whole web pages written for the test: a portal, a letter, a related
block inside the text, numbered items, a page of flashes, an official notice, a reader
view and a masthead; each with the near miss it must leave alone."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import mdwrite
from generator.clean import clean_text, publication
from generator.model import RawText

from .test_clean_rules import clean, reasons


def test_a_masthead_names_the_site_when_nothing_else_does() -> None:
    page = "香港01\n新聞\n港聞\n社會\n\n疫苗預約首日系統擠塞\n\n"
    page += "市民今早起可於網上預約接種疫苗，系統一度擠塞，政府呼籲市民耐心等候。\n"
    art = clean(page)
    assert (art.title, art.publication) == ("疫苗預約首日系統擠塞", "香港01")
    # A page that opens with its headline names no site by it.
    assert clean("疫苗預約首日系統擠塞\n\n市民今早起可於網上預約接種疫苗。\n").publication is None


def test_a_long_web_address_atop_a_page_is_read_at_once() -> None:
    # Letters and dots without a space, then a Chinese character: the Latin name at the
    # end of a line was once looked for in every split of the run (2**n ways).
    address = "www." + "longwebaddressofanewsportal" * 3 + ".com"
    page = f"{address}。\n江城新闻网\n\n多地上线一码通行\n\n记者从省大数据局获悉，健康码已互认。\n"
    assert any("健康码已互认" in block.text for block in clean(page).blocks)
    assert publication.site_name([f"{address}。", f"江城新闻网 {address}"]) == "江城新闻网"


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from([*"aZ. \t中網", "\u3000", "\n"]), max_size=14))
def test_the_latin_words_closing_a_name_are_the_ones_each_split_finds(text: str) -> None:
    # As words split any way a run allows: the pattern before it was made linear.
    every_split = re.compile(r"(?:\s*[A-Za-z][A-Za-z.]*)+$")
    assert publication._without_latin(text) == every_split.sub("", text.strip())


PORTAL = """\
江城新闻网
首页
要闻
社会
财经
多地上线“一码通行” 跨省出行不再重复申报
2020-03-05 08:47:12　来源：江城日报
微博
微信

原标题：跨省出行“一码通行” 健康码实现全国互认

记者从省大数据局获悉，本省健康码已与周边五省实现互认，旅客跨省出行只需出示一次。

这一变化让经常往返两地的商务人士感到方便。一位企业负责人说，过去每到一个城市都要重新填报，现在省了不少时间。

相关阅读
健康码申领指南
多地恢复跨省游

致各位旅客的一封信
责任编辑：王青
"""


def test_a_portal_page_loses_its_menus_and_takes_its_original_title() -> None:
    art = clean(PORTAL)
    assert art.title == "跨省出行“一码通行” 健康码实现全国互认"
    assert (art.publication, art.date and art.date.iso()) == ("江城日报", "2020-03-05")
    assert [b.text for b in art.blocks] == [
        "记者从省大数据局获悉，本省健康码已与周边五省实现互认，旅客跨省出行只需出示一次。",
        "这一变化让经常往返两地的商务人士感到方便。一位企业负责人说，过去每到一个城市都要重新填报，"
        "现在省了不少时间。",
    ]
    got = reasons(art)
    assert {got[w] for w in ("首页", "要闻", "社会", "财经")} <= {"navigation", "widget"}
    assert got["多地上线“一码通行” 跨省出行不再重复申报"] == "headline"  # the display headline
    assert got["健康码申领指南"] == got["致各位旅客的一封信"] == "related-links"


LETTER = """\
致全市商户的一封公开信

各位商户朋友：

疫情发生以来，大家克服困难坚持营业，为市民的日常生活提供了保障。我们决定减免三个月的平台服务费。

希望大家继续做好门店消毒和员工健康监测。困难是暂时的，我们会一直和大家站在一起。

此致
敬礼！
速达外卖
邻家生鲜
好味到家
2020年3月12日

责任编辑：陈一鸣
"""


def test_a_letters_signatures_and_date_stay_though_they_look_like_a_menu() -> None:
    texts = [b.text for b in clean(LETTER).blocks]
    assert texts[0] == "各位商户朋友："
    assert texts[-6:] == ["此致", "敬礼！", "速达外卖", "邻家生鲜", "好味到家", "2020年3月12日"]


RELATED_INSIDE = """\
大学延后开学首日 线上教学平台一早塞车

教育部门宣布高校延后两周开学，今天起各校陆续开放线上课程预习，不少学生一早登入平台却遇到卡顿。

延伸阅读
多所高校启用线上考试系统
线上教学如何减轻学生负担

私立学校也各自应变。
一所科技大学今天寄出校长给全校学生的公开信，全文如下：
各位同学：
因应疫情，本校本学期前两周全面改为远程上课，请大家依课表准时登入。

相关新闻
高校毕业生就业指导转到线上
"""


def test_a_related_block_inside_the_text_ends_where_the_paragraphs_resume() -> None:
    art = clean(RELATED_INSIDE)
    texts = [b.text for b in art.blocks]
    assert "私立学校也各自应变。" in texts and "各位同学：" in texts
    got = reasons(art)
    assert got["多所高校启用线上考试系统"] == got["高校毕业生就业指导转到线上"] == "related-links"


def test_numbered_items_are_written_as_printed_never_under_a_bullet() -> None:
    page = "措施公布\n\n市政府公布三项措施。\n\n1. 延长申报期限。\n2. 减免部分费用。\n\n"
    art = clean(page + "3、开通线上窗口。\n")
    markdown = mdwrite.article(art)
    assert "- 1" not in markdown and "- 3" not in markdown
    assert "1\\. 延长申报期限。\n\n2\\. 减免部分费用。\n\n3、开通线上窗口。" in markdown
    again = clean(markdown, "again")
    assert [(b.kind, b.text) for b in again.blocks] == [(b.kind, b.text) for b in art.blocks]


FLASHES = """\
快讯网
首页 | 电报 | 深度
2020年2月18日 星期二

17:05:42
【多家券商线上开户量较节前明显增长】财联社2月18日电，记者从多家券商了解到，线上开户数明显增长。
阅读 6.2W

16:40:10
【云州市出台十条措施支持中小企业】财联社2月18日电，云州市今日出台十条措施，对线上经营给予补贴。
阅读 4.1W
"""


def test_a_page_of_flashes_gives_one_article_a_flash() -> None:
    raw = RawText("f.txt", "f.txt", "f", FLASHES, "utf-8", "")
    arts = clean_text(raw)
    assert [a.title for a in arts] == [
        "多家券商线上开户量较节前明显增长",
        "云州市出台十条措施支持中小企业",
    ]
    assert {(a.publication, a.date and a.date.iso()) for a in arts} == {("财联社", "2020-02-18")}
    assert all(not b.text.startswith(("阅读", "17:", "16:")) for a in arts for b in a.blocks)


NOTICE = """\
国家某某委员会办公厅关于做好疫情期间线上复诊和药品配送工作的通知
发布时间：2020-02-28　　来源：医政医管局

各省、自治区、直辖市卫生健康委：

为减少患者往返医疗机构带来的交叉感染风险，现就做好线上复诊和药品配送工作通知如下。

各地要加强对线上复诊和药品配送工作的指导和监督，及时协调解决工作中遇到的困难。

　　　　　　　　　　　　　　　　国家某某委员会办公厅
　　　　　　　　　　　　　　　　　　2020年2月26日
"""


def test_a_notice_keeps_its_long_title_salutation_and_signature() -> None:
    art = clean(NOTICE)
    assert art.title == "国家某某委员会办公厅关于做好疫情期间线上复诊和药品配送工作的通知"
    assert (art.publication, art.date and art.date.iso()) == ("医政医管局", "2020-02-28")
    texts = [b.text for b in art.blocks]
    assert texts[0] == "各省、自治区、直辖市卫生健康委："
    assert texts[-2:] == ["国家某某委员会办公厅", "2020年2月26日"]


READER_VIEW = """\
线上消费券撬动街边小店

但也有商户反映，想参加活动并不容易。部分小店此前只用现金收款，需要重新开通扫码收款和
核销系统；还有一些老年店主不熟悉操作，只能请附近的年轻人帮忙。对此，商务部门组织工作人
员上门指导，并承诺核销资金在三个工作日内到账，不少店主对此表
示支持。

图为店主在手机上核销消费券，一旁的顾客正在付款，店里人来人往
截至3月26日，首轮消费券的核销率已经超过七成。
"""


def test_a_paragraph_wrapped_by_a_reader_view_is_joined_even_at_its_short_last_line() -> None:
    texts = [b.text for b in clean(READER_VIEW).blocks]
    assert texts[0].endswith("不少店主对此表示支持。")
    # A one-line caption with commas, right above the text, is not joined to it.
    assert "截至3月26日，首轮消费券的核销率已经超过七成。" in texts
