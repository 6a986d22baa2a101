"""Printed pages, continued: a feature with its editor's note and standfirst, pages whose
paragraphs are marked by indents or by ragged line ends, photo captions, hyphenated
words and split numbers, and bylines that name no paper."""

from __future__ import annotations

from generator.clean.lines import parse_line
from generator.clean.page import page_line
from generator.clean.printed import byline_of, is_lead
from generator.clean.reflow import Unit
from generator.model import PartialDate

from .test_clean_pages import PART_ONE, PART_THREE, PART_TWO, page, texts, wrap

NOTE = (
    "编者按：春耕时节，农技人员走进田间地头，帮助农户解决生产中的实际困难。本报今起推出"
    "系列报道，记录他们忙碌的身影。"
)
DECK = "从选种到播种，从测土到配肥，一名农技员的一天从清晨开始，到深夜才结束。"
FIELD = (
    "早上六点，农技员何平已经来到村口的试验田。他蹲在田埂上，仔细查看秧苗的长势，"
    "又拿出手机拍下几张照片，发到村里的种植户群里，提醒大家注意近期的低温天气。"
)


NIGHT = (
    "晚上九点多，何平的手机仍然响个不停。种植户在群里发来病虫害的照片，他一条条回复，"
    "遇到拿不准的，就约好第二天一早到田里去看。"
)


def test_an_editors_note_and_a_standfirst_stay_with_the_feature() -> None:
    """Feature page: the editor's note over the headline and the standfirst between
    headline and byline are the article's text; ``■`` subheadings stay headings."""
    arts = page(
        "江南周末",
        "第8版 深读",
        "2021年3月19日 星期五 责任编辑 秦朗 美术编辑 黄依",
        "",
        wrap(NOTE),
        "",
        "田野里的“守苗人”",
        "",
        wrap(DECK),
        "",
        "■本报记者 卢晓 文/图",
        "",
        "■ 清晨查苗",
        "",
        wrap(FIELD),
        "",
        "■ 深夜答疑",
        "",
        wrap(NIGHT),
    )
    (art,) = arts
    assert (art.title, art.author, art.date) == (
        "田野里的“守苗人”",
        "卢晓",
        PartialDate(2021, 3, 19),
    )
    assert texts(art)[:4] == [NOTE, DECK, "清晨查苗", FIELD]
    assert texts(art)[4:] == ["深夜答疑", NIGHT]


def indented(text: str, width: int = 16) -> str:
    """A paragraph wrapped at a fixed column, its first line opened by a full-width
    indent (which takes two characters of the column), as an e-paper's OCR gives it."""
    first = width - 2
    rest = [text[i : i + width] for i in range(first, len(text), width)]
    return "\n".join(["\u3000\u3000" + text[:first], *rest])


# The first sentence ends right at the column's edge (its 。 closes the second line),
# and the paragraph goes on under it: only the indent tells where paragraphs open.
ORCHARD = (
    "清晨六点，山区果园里的技术人员已开始调试新装的土壤监测设备。"
    "设备每隔十分钟采集一次湿度和气温数据，自动传到果农的手机上。"
)
ALERT = (
    "果农说，以前全凭经验判断什么时候浇水、什么时候打药，常常顾此失彼，"
    "现在手机一响就知道地里缺不缺水，省下了不少往返山上的工夫。"
)
PESTS = (
    "监测设备还能拍下叶片和果实上的虫情照片，由县农技站的专家在线识别，"
    "再把防治建议连同用药的剂量和时间一起发回村里的果农群。"
)
CLASS = (
    "每周二下午，镇中心小学的四年级学生都会准时坐到教室的大屏幕前，跟着城里名校的老师"
    "一起上英语课。课堂上，屏幕两端的学生轮流回答问题，还不时用英语互相打招呼。"
)
TEACHER = (
    "镇上的英语老师负责在教室里组织讨论和批改作业，课后再和城里的老师一起在线备课，"
    "把两边学生的作业情况放在一起比较，商量下一周的教学安排。"
)


def test_an_indented_page_reads_its_paragraphs_by_their_indents() -> None:
    """An e-paper page: paragraphs opened only by an indent, a sentence ending at the
    column's edge inside one; headlines the column broke (``“云”AI``, ``双师课堂``) read
    as one line; a subtitle under the headline; ``■`` subheads; a wrapped photo
    caption over its credit between two paragraphs is furniture."""
    arts = page(
        "江城科技报",
        "2021年6月3日 星期四",
        "第4版 科教新闻",
        "",
        "山区果园管护用上",
        "“云”AI",
        "——多个乡镇推广智能监测设备",
        "本报记者 周立群",
        "",
        indented(ORCHARD),
        indented(ALERT),
        "6月2日，技术人员在果园调试监测",
        "设备。",
        "本报记者 周立群摄",
        "■ 虫情也能在线看",
        indented(PESTS),
        "",
        "",
        "乡村学校的孩子们用上了",
        "双师课堂",
        "本报记者 韩梅 通讯员 林可",
        "",
        indented(CLASS),
        indented(TEACHER),
        "",
        "本版编辑 吴迪",
    )
    got = [(a.title, a.author, a.publication, a.date) for a in arts]
    assert got == [
        ("山区果园管护用上“云”AI", "周立群", "江城科技报", PartialDate(2021, 6, 3)),
        ("乡村学校的孩子们用上了双师课堂", "韩梅、林可", "江城科技报", PartialDate(2021, 6, 3)),
    ]
    assert texts(arts[0]) == ["——多个乡镇推广智能监测设备", ORCHARD, ALERT, "虫情也能在线看", PESTS]
    assert texts(arts[1]) == [CLASS, TEACHER]
    dropped = {d.text: d.reason for d in arts[0].dropped}
    assert dropped["6月2日，技术人员在果园调试监测"] == dropped["设备。"] == "caption"


def test_an_indented_page_keeps_running_text_over_a_lone_credit() -> None:
    """Near miss: a credit on a line of its own right under the text (no caption over
    it) takes nothing with it: the lines above run back to the paragraph's indent."""
    arts = page(
        "江城科技报",
        "2021年6月3日 星期四",
        "",
        "山区果园管护用上",
        "“云”AI",
        "本报记者 周立群",
        "",
        indented(ORCHARD),
        indented(ALERT),
        "本报记者 周立群摄",
        indented(PESTS),
    )
    (art,) = arts
    assert texts(art) == [ORCHARD, ALERT, PESTS]
    assert [d.reason for d in art.dropped if d.text == "本报记者 周立群摄"] == ["caption"]


SCREEN = (
    "早上八点半，石门乡中心小学五年级学生准时坐到木桌前。"
    "桌上放着一部屏幕有裂纹的旧手机，是她的全部装备。"
)
SIGNAL = (
    "受疫情影响，全县中小学延迟开学。对于山区的孩子来说，上网课的第一道难关是信号，"
    "她只好抱着手机跑到屋后的坡上听课。"
)
SURVEY = (
    "县教育局在摸排中发现，全县约有四百名学生家中没有稳定的网络，"
    "还有一百多名学生家里没有可用的手机或电脑。"
)


def test_a_line_narrower_than_every_full_line_ends_its_paragraph() -> None:
    """No indents, no blank lines: a sentence end on a line narrower than every line
    that wraps mid-sentence (``是她的全部装备。``, 11 of a 13-character column) is a
    paragraph's last line; one as wide as those (``…坐到木桌前。``) wraps on."""
    arts = page(
        "东川日报 2021年5月6日 星期四 第2版",
        "",
        "山村孩子的网课",
        "本报记者 江海燕",
        "",
        wrap(SCREEN, 13),
        wrap(SIGNAL, 13),
        wrap(SURVEY, 13),
    )
    (art,) = arts
    assert texts(art) == [SCREEN, SIGNAL, SURVEY]


def test_captions_run_from_their_marker_or_back_from_their_credit() -> None:
    """A ``▲`` caption runs on to the credit closing it, over a line as wide as the
    column; a caption set off by a blank line over a credit line is furniture too. Near
    miss: a paragraph too long for a caption over a lone credit stays text."""
    arts = page(
        "西江日报 2020年2月11日 星期二 第3版",
        "",
        "政务服务“不打烊”",
        "本报记者 韩立新",
        "",
        wrap(PART_ONE, 16),
        "▲2月9日，一家政务服务中心的",
        "工作人员在视频核验企业提交的申",
        "请材料。（记者 陈一鸣 摄）",
        wrap(PART_TWO, 16),
        "",
        "2月10日，快递员在北京市朝",
        "阳区的取货点放置包裹。",
        "新华社记者 许海涛 摄",
        "",
        wrap(PART_THREE, 16),
        "新华社记者 许海涛 摄",
    )
    (art,) = arts
    assert texts(art) == [PART_ONE, PART_TWO, PART_THREE]
    captions = [d.text for d in art.dropped if d.reason == "caption"]
    assert "工作人员在视频核验企业提交的申" in captions
    assert "阳区的取货点放置包裹。" in captions


def test_a_hyphenated_word_and_a_split_number_close_up() -> None:
    """Soft hyphens the column added go (``fac-tory``); a prefix's or a name's hyphen
    stays (``e-commerce``, ``COVID-19``); a decimal split at its point joins back."""

    def joined(*lines: str) -> str:
        return Unit("text", [parse_line(k, t) for k, t in enumerate(lines, 1)]).styled().text

    assert joined("whether your fac-", "tory can deliver") == "whether your factory can deliver"
    assert joined("新的e-", "commerce团队") == "新的e-commerce团队"
    assert joined("附注一句“COVID-", "19 safe packaging”") == "附注一句“COVID-19 safe packaging”"
    assert joined("同比增长3.", "5%，增速回落") == "同比增长3.5%，增速回落"
    assert joined("by 30%.", "Please confirm") == "by 30%. Please confirm"


def test_this_papers_byline_names_no_paper() -> None:
    """``本报记者 X 实习生 Y`` credits this paper's reporters; the masthead names the paper."""
    found = byline_of(parse_line(1, "本报记者 邓凯 实习生 林可馨"))
    assert found is not None and (found.names, found.publication) == (("邓凯", "林可馨"), None)
    agency = byline_of(parse_line(1, "新华社记者 许海涛"))
    assert agency is not None and agency.publication == "新华社"


def test_page_lines_are_read_field_by_field() -> None:
    found = page_line("2020年3月12日 星期四 编辑 贾文 版式 郑琳")
    assert found is not None and found.signals == {"date", "weekday", "credit"}
    assert page_line("第06版 综合新闻") is not None
    header = page_line("云州日报 2020年4月2日 星期四")
    assert header is not None and header.names == ["云州日报"]
    for sentence in ("编辑部今天收到了读者来信。", "数字化平台提升保供能力", "網 上 招 聘 月"):
        assert page_line(sentence) is None


def test_printed_bylines_and_leads() -> None:
    def byline(text: str) -> tuple[str, ...] | None:
        found = byline_of(parse_line(1, text))
        return found.names if found else None

    assert byline("■本报记者 卢晓彤 文/图") == ("卢晓彤",)
    assert byline("記者 梁嘉欣 報導") == ("梁嘉欣",)
    assert byline("本报记者 邓凯 实习生 林可馨") == ("邓凯", "林可馨")
    assert byline("本报讯（记者 唐文斌 通讯员 鲁") is None  # a lead, cut by the wrap
    assert byline("新华社记者 许海涛 摄") == ("许海涛",)  # a bare parse: captions go first
    assert is_lead("【本報訊】全港學校") and is_lead("新华社武汉2月10日电（记者 石磊）在")
    assert not is_lead("本报记者近日走访发现")
