"""Printed pages (OCR, PDF text) split into their articles, written for these tests.

Each page is hard-wrapped like a narrow newspaper column and carries the page's own
furniture: a header with the paper, date, weekday and page, an editors' footer. The
articles on it are told apart by what marks their edges: a byline under a headline,
a lead opening the text, a credit closing it, or nothing but the headlines of a
column of briefs. Subheadings inside one article must never split it.
"""

from __future__ import annotations

from generator.clean import clean_text
from generator.model import Article, PartialDate, RawText


def wrap(text: str, width: int = 15) -> str:
    """A paragraph hard-wrapped at a fixed column, as OCR gives it."""
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def page(*parts: str) -> list[Article]:
    return clean_text(RawText("page.txt", "page.txt", "page", "\n".join(parts), "utf-8", ""))


def texts(article: Article) -> list[str]:
    return [b.text for b in article.blocks]


PARK = (
    "市园林局昨日发布通知，自本周起全市十二座综合公园晚间开放时间延长至二十二时，"
    "园内照明和安保力量同步增加，市民夜间散步更加方便。"
)
CANTEEN = (
    "城南街道首家社区食堂近日开门营业，每天供应早中晚三餐，"
    "六十岁以上老人凭证就餐可享受八折优惠，周边居民纷纷前来品尝。"
)
BUS = (
    "首批五十辆新能源公交车本月起投入运营，新车全部配备无障碍踏板和充电接口，"
    "覆盖城区八条主要线路，乘客出行更加舒适。"
)
LIFT = (
    "今年以来，全市老旧小区加装电梯工作明显提速，已有一百二十部电梯完成安装，"
    "另有八十部正在施工，预计年底前全部投入使用。"
)


def test_a_column_of_briefs_splits_at_its_headlines() -> None:
    """No bylines anywhere: each short headline set tight over its text opens a brief;
    the ornament (``■``, ``◆``) and the letter-spacing are not part of the title."""
    arts = page(
        "青湖日报 2021年5月6日 星期四",
        "第03版 城市",
        "",
        "快讯",
        "",
        "■ 公园夜间延时开放",
        wrap(PARK),
        "",
        "社 区 食 堂 开 业",
        wrap(CANTEEN),
        "",
        "◆新能源公交上线",
        wrap(BUS),
        "",
        "老旧小区加装电梯提速",
        wrap(LIFT),
        "",
        "本版编辑 周平 美编 吴迪",
    )
    assert [a.title for a in arts] == [
        "公园夜间延时开放",
        "社区食堂开业",
        "新能源公交上线",
        "老旧小区加装电梯提速",
    ]
    assert [texts(a) for a in arts] == [[PARK], [CANTEEN], [BUS], [LIFT]]
    assert {a.publication for a in arts} == {"青湖日报"}
    assert {a.date for a in arts} == {PartialDate(2021, 5, 6)}
    dropped = {d.text: d.reason for a in arts for d in a.dropped}
    assert dropped["快讯"] == "column"
    assert dropped["本版编辑 周平 美编 吴迪"] == "credits"


FERRY = (
    "【本報訊】受強烈季候風影響，來往離島的多條渡輪航線昨日早上暫停服務，大批上班人士需改乘"
    "其他交通工具，碼頭一度出現人龍。運輸署表示，航線已於中午恢復，並會檢討惡劣天氣下的"
    "應變安排，包括提早發出停航通知。"
)
LIBRARY = (
    "【本報訊】公共圖書館的自助借還書機上月起擴展至全港十八區，讀者毋須排隊即可辦理借還"
    "手續。圖書館職員表示，新機器使用率比預期高，部分分館在周末更出現輪候使用的情況，"
    "館方計劃年底前再增設五十部。"
)


def test_headlines_after_their_text_close_the_article_above() -> None:
    """Traditional page read in the wrong order: each text is followed by its credit
    and then by its headline; the page header names the paper and the date."""
    arts = page(
        "港島日報　要聞　A02",
        "2021年6月1日　星期二",
        "",
        wrap(FERRY, 14),
        "（記者 陳大文）",
        "",
        "渡輪停航 乘客改乘巴士",
        "",
        "",
        wrap(LIBRARY, 14),
        "記者 李小明 報導",
        "",
        "自助借書機擴展至十八區",
        "",
        "",
        "責任編輯：王志強",
    )
    got = [(a.title, a.author, a.publication, a.date) for a in arts]
    assert got == [
        ("渡輪停航 乘客改乘巴士", "陳大文", "港島日報", PartialDate(2021, 6, 1)),
        ("自助借書機擴展至十八區", "李小明", "港島日報", PartialDate(2021, 6, 1)),
    ]
    assert [texts(a) for a in arts] == [[FERRY], [LIBRARY]]


SEED = (
    "本报讯（记者 孙浩 通讯员 郑敏）连日来，北山县种子公司的仓库里一派忙碌景象，"
    "三百多吨良种正陆续运往各乡镇的供应点，确保农户春播用种。"
)
MASKS = (
    "新华社北京5月5日电（记者 吴凡）记者从有关部门获悉，今年一季度全国口罩产量保持平稳，"
    "主要企业的产能利用率维持在合理区间，市场供应充足。"
)
BRIDGE = (
    "本报讯 城东跨河大桥主体工程昨日顺利合龙，这座大桥建成后将把两岸的通行时间"
    "从四十分钟缩短到十分钟左右，预计年内通车。"
)


def test_leads_open_articles_under_headlines_with_kicker_and_subtitle() -> None:
    """Headline first: the lead under a headline starts its article; a kicker and a
    subtitle printed with the headline stay in the text; a lead with no headline over
    it is an article of its own; a jump line is furniture."""
    arts = page(
        "北山日报·综合 A05",
        "2021年5月6日 星期四",
        "",
        "春播时节备种忙",
        "三百吨良种运抵各乡镇供应点",
        "农技人员上门指导选种",
        "",
        wrap(SEED),
        "（下转第6版）",
        "",
        "",
        "一季度口罩产量保持平稳",
        "",
        wrap(MASKS),
        "",
        "",
        wrap(BRIDGE),
    )
    assert len(arts) == 3
    first, second, third = arts
    assert (first.title, first.author, first.publication) == (
        "三百吨良种运抵各乡镇供应点",
        "孙浩、郑敏",
        "北山日报",
    )
    assert texts(first) == ["春播时节备种忙", "农技人员上门指导选种", SEED]
    assert (second.title, second.author, second.publication) == (
        "一季度口罩产量保持平稳",
        "吴凡",
        "新华社",
    )
    assert texts(second) == [MASKS]
    assert texts(third) == [BRIDGE]
    assert ("（下转第6版）", "navigation") in [(d.text, d.reason) for d in first.dropped]


SCHOOL = (
    "早上八点，山区小学的学生们准时打开手机上网课。学校老师说，网课开始时不少孩子家里信号不好，"
    "只能到屋后的坡上听课。县教育局随后在信号薄弱的村组加装了临时基站，并为困难家庭的学生"
    "免费提供流量卡。老师们还分成几个小组，每周两次把学习资料送到学生家中。"
)
OFFICE = (
    "不少企业节后选择让员工居家办公。记者采访发现，经过一个月的磨合，远程办公已经从手忙脚乱"
    "变得井井有条，但也带来了一些新的烦恼。有员工说，家里和单位的界限变得模糊了，晚上十一点"
    "还在回复工作群里的消息。有关部门提醒，用人单位应当合理安排工作时间。"
)


def test_bylines_under_headlines_behind_ornaments_and_the_edition_code() -> None:
    """``■本报记者 X 实习生 Y``: a byline all the same, naming both writers. The edition
    code repeated mid-text (``A04``) is furniture and does not break the paragraph."""
    arts = page(
        "民生",
        "A04",
        "",
        "山村孩子的网课",
        "■本报记者 韩梅",
        "",
        wrap(SCHOOL[:40]),
        "",
        "A04",
        "",
        wrap(SCHOOL[40:]),
        "",
        "",
        "远程办公一个月：效率与烦恼并存",
        "■本报记者 邓宁 实习生 林可",
        "",
        wrap(OFFICE),
    )
    got = [(a.title, a.author, texts(a)) for a in arts]
    assert got == [
        ("山村孩子的网课", "韩梅", [SCHOOL]),
        ("远程办公一个月：效率与烦恼并存", "邓宁、林可", [OFFICE]),
    ]
    assert ("A04", "column") in [(d.text, d.reason) for d in arts[0].dropped]


PART_ONE = (
    "今年春天，河谷村的二百多户茶农第一次把新茶搬进了直播间。村支书说，过去茶叶要等收购商上门，"
    "价格说了不算，现在每天晚上开播两个小时，订单从全国各地涌来。"
)
PART_TWO = (
    "直播带来了订单，也带来了新的难题。茶叶的分拣和包装跟不上，头几天就收到不少退货，"
    "村里于是请来省里的专家，手把手教大家按标准分级。"
)
PART_THREE = (
    "如今，村里建起了自己的包装车间，每包茶叶都印上了可以追溯的二维码。"
    "茶农们说，卖得好不好，最终还是要看茶叶本身。"
)


def test_subheadings_inside_one_article_do_not_split_it() -> None:
    """Subheadings set tight over their text look like brief headlines; with the
    article's byline under its headline they stay headings of that one article."""
    arts = page(
        "茶农走进直播间",
        "本报记者 许言",
        "",
        wrap(PART_ONE),
        "",
        "订单多了难题来了",
        wrap(PART_TWO),
        "",
        "品质才是硬道理",
        "",
        wrap(PART_THREE),
    )
    assert len(arts) == 1
    (art,) = arts
    assert (art.title, art.author) == ("茶农走进直播间", "许言")
    assert texts(art) == [PART_ONE, "订单多了难题来了", PART_TWO, "品质才是硬道理", PART_THREE]
    assert [b.kind for b in art.blocks if b.text.endswith(("来了", "道理"))] == ["heading"] * 2


def test_a_long_article_without_byline_is_not_a_column_of_briefs() -> None:
    """No byline, no lead: short headings set tight over long parts are subheadings."""
    long_one, long_two = PART_ONE * 10, PART_TWO * 10
    arts = page("茶农走进直播间", wrap(long_one), "", "订单多了难题来了", wrap(long_two))
    assert len(arts) == 1
    assert arts[0].title == "茶农走进直播间"
    assert "订单多了难题来了" in texts(arts[0])


def test_wide_columns_marked_by_indents_join_their_lines() -> None:
    """A page too wide to count as wrapped, its paragraphs opened by an indent: the
    unindented lines run on, a word split across lines joins with no space."""
    text = PART_ONE + PART_TWO
    arts = page(
        "东岭日报　2020年4月9日　星期四　第07版　经济观察",
        "",
        "茶农走进直播间",
        "",
        "本报记者　欧阳明　实习生　沈璐",
        "",
        "\u3000\u3000" + text[:50],
        text[50:100],
        text[100:],
        "\u3000\u3000" + PART_THREE[:50],
        PART_THREE[50:],
    )
    (art,) = arts
    assert texts(art) == [text, PART_THREE]
    assert art.author == "欧阳明、沈璐"
