"""The cleaner's rules one by one, on small pages written for the test.

Each test names the page shape a rule is for and a near miss it must leave alone:
a header line and a sentence about a date, a menu and a letter's signatures, a
"related" block inside the text and one that closes the page.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.clean import clean_text
from generator.clean.header import parse
from generator.clean.meta import dateline_credit, parse_byline
from generator.clean.phrases import RULES, phrase_reason
from generator.clean.publication import site_name
from generator.clean.reasons import REASONS
from generator.model import Article, RawText


def clean(text: str, stem: str = "page") -> Article:
    (art,) = clean_text(RawText(f"{stem}.txt", f"{stem}.txt", stem, text, "utf-8", ""))
    return art


def reasons(art: Article) -> dict[str, str]:
    return {d.text: d.reason for d in art.dropped}


@pytest.mark.parametrize(
    ("line", "date", "publication", "author"),
    [
        ("2020年02月19日 15:31　来源：中国新闻网", (2020, 2, 19), "中国新闻网", None),
        (
            "来源：人民网-四川频道　　作者：王思远　　2020-03-16 09:42",
            (2020, 3, 16),
            "人民网-四川频道",
            "王思远",
        ),
        ("人民日报 2020-04-08 05:16:22", (2020, 4, 8), "人民日报", None),
        ("2020年02月19日 15:31 新浪财经", (2020, 2, 19), "新浪财经", None),
        ("云州日报 2020年4月2日 星期四 第06版 综合新闻", (2020, 4, 2), "云州日报", None),
        (
            "来源：市卫健委 发布时间：2020-02-15 10:00 浏览次数：1024",
            (2020, 2, 15),
            "市卫健委",
            None,
        ),
        ("（2020/3/23）", (2020, 3, 23), None, None),
        ("更新時間：22/03/2020 06:00", (2020, 3, 22), None, None),
        ("原创 林书瑶 云州教育发布 2020-02-06", (2020, 2, 6), "云州教育发布", "林书瑶"),
        ("编辑 贾文 版式 郑琳 2020年3月12日 星期四", (2020, 3, 12), None, None),
        ("北江日报 2021年3月8日 星期一 第2版 本地新闻", (2021, 3, 8), "北江日报", None),
        ("2021年3月8日 星期一 第2版 本地新闻", (2021, 3, 8), None, None),  # a section
        ("发布于 2020-02-28 21:10", (2020, 2, 28), None, None),
        ("周启航 编辑于 2020-03-02", (2020, 3, 2), None, None),  # a person, not a paper
    ],
)
def test_header_lines_in_the_shapes_sites_print(
    line: str, date: tuple[int, int, int], publication: str | None, author: str | None
) -> None:
    found = parse(line)
    assert found is not None
    assert (found.date, found.publication, found.author) == (date, publication, author)


@pytest.mark.parametrize(
    "line",
    [
        "数据截至 2020年3月31日",  # a note about a date
        "2020年3月5日，全市新增32个临时接种点。",  # a sentence
        "截至2020年3月5日24时，累计报告确诊病例12例，其中境外输入3例",
        "市民可于2020年4月1日起登录政务服务网申领健康码并出示",
    ],
)
def test_sentences_and_notes_about_dates_are_not_header_lines(line: str) -> None:
    assert parse(line) is None


@pytest.mark.parametrize(
    ("line", "names", "publication"),
    [
        ("文｜财新记者 黄梓萌 邓一凡", ("黄梓萌", "邓一凡"), None),
        ("作者：罗嘉言 编辑：孟子川", ("罗嘉言",), None),
        ("文 | 许清越 编辑 | 马骁 审核 | 蒋一舟", ("许清越",), None),
        ("界面新闻记者 | 孔令玥", ("孔令玥",), "界面新闻"),
        ("文/新浪财经 周嘉怡", ("周嘉怡",), "新浪财经"),
        ("21世纪经济报道记者 郑若溪 孙立航 上海、北京报道", ("郑若溪", "孙立航"), "21世纪经济报道"),
        ("钱塘财经 · 韩思远", ("韩思远",), "钱塘财经"),
    ],
)
def test_credit_lines_name_their_writers(
    line: str, names: tuple[str, ...], publication: str | None
) -> None:
    found = parse_byline(line)
    assert found is not None
    assert (found.names, found.publication) == (names, publication)


@pytest.mark.parametrize(
    "line",
    ["编辑｜马骁", "摄影｜蒋一舟", "文｜本报讯 某某事件持续发酵", "本报讯（记者 唐文斌 通讯员 鲁"],
)
def test_credits_without_a_writer_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_lead_credits_glued_to_the_first_paragraph_name_the_author() -> None:
    assert dateline_credit("〔記者林佳蓉／台北報導〕武漢肺炎疫情延燒，國內業者啟動分流。") == (
        "林佳蓉",
    )
    assert dateline_credit("（中央社記者黃志豪、吳怡君台北12日電）口罩實名制2.0今天上線。") == (
        "黃志豪",
        "吳怡君",
    )
    assert dateline_credit("新华社北京2月10日电（记者 周文涛、林雨桐）记者获悉") == (
        "周文涛",
        "林雨桐",
    )


@pytest.mark.parametrize(
    ("top", "site"),
    [
        (["民生快訊網", "首頁 | 即時 | 政治"], "民生快訊網"),
        (["企業分流上班成常態 - 生活 - 自由時報電子報"], "自由時報"),
        (["無接觸外送上路 | 生活 | 三立新聞網 SETN.COM"], "三立新聞網"),
        (["首页", "登录 | 注册"], None),
        (["2020年3月5日，全市新增32个接种点。"], None),
    ],
)
def test_the_site_a_page_comes_from(top: list[str], site: str | None) -> None:
    assert site_name(top) == site


def test_every_rule_gives_a_reason_from_the_closed_set() -> None:
    assert {rule.reason for rule in RULES} <= set(REASONS)
    assert all(REASONS[reason] for reason in REASONS)  # every reason has its Chinese label


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("新浪首页 | 新闻 | 体育 | 财经 | 娱乐", "navigation"),
        ("人民网 >> 四川频道 >> 四川要闻", "navigation"),
        ("上一篇：一季度重点项目集中开工 总投资逾百亿元", "navigation"),
        ("微博", "widget"),
        ("评论(1,326)", "widget"),
        ("顶(326) 踩 回复 分享", "widget"),
        ("收听本文00:00 / 04:36", "widget"),
        ("文章图片", "placeholder"),
        ("视频加载中...", "placeholder"),
        ("广告", "ad"),
        ("原标题：网课开学第一周", "headline"),
        ("生活中心／綜合報導", "byline"),
        ("互联网违法和不良信息举报电话：12377", "disclaimer"),
        ("本網站使用Cookie以提供更佳的瀏覽體驗，繼續瀏覽即表示您同意", "disclaimer"),
        ("熱門跟帖", "related-links"),
        ("请协助添加可靠来源以改进本条目。", "wiki"),
        ("类型\t防疫电子凭证", "wiki"),
        ("阿里健康 +8.35%", "widget"),
        ("網訊 6231 ▲ 48.60 +4.40 (+9.95%)", "widget"),
        ("本文为财新周刊付费内容，订阅后可阅读全文", "promo"),
        ("更多猛料！欢迎扫描左方二维码关注本网官方微信（abc-news）", "promo"),
        ("界面新闻编辑 | 苏迪", "credits"),
        ("（实习生 温雨桐 对本文亦有贡献）", "credits"),
        ("封面来源：IC photo", "caption"),
        ("风险提示：文中信息仅供参考，市场有风险，投资需谨慎", "disclaimer"),
        ("居家隔离期间，如何保持规律作息？\u30002020-02-06", "related-links"),
        ("全部评论（23）", "related-links"),
        ("完", "empty-marker"),
        ("請繼續往下閱讀...", "navigation"),
        ("上一則：雙北公車乘客量腰斬 業者盼延長補助", "navigation"),
        ("回上頁　│　友善列印　│　轉寄好友", "navigation"),
        ("附件：健康码申领操作指南（图文版）.pdf", "navigation"),
        ("123 人赞同了该文章", "widget"),
        ("0/2000", "widget"),
        ("☆生活新聞不漏接，快來按讚追蹤粉絲專頁", "promo"),
        ("更多三立新聞網報導", "related-links"),
        ("（信息公开形式：主动公开）", "source"),
        ("3月2日上午，一名小学生在家中收看“空中课堂”。 澎湃新闻记者 顾晓岚 图", "caption"),
        ("大學生在家登入學校的線上教學平台預習課程。記者陳思妤／攝影", "caption"),
    ],
)
def test_furniture_by_its_wording(line: str, reason: str) -> None:
    assert phrase_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "券商｜1月新开户｜2月新开户｜3月新开户",  # a table's head row, numbers in its cells
        "合计｜17.0｜33.9｜45.1",
        "2020/03/23",
        "学校提前把课程表和直播间二维码发到了家长群，方便家长扫码进入课堂。",
        "图书馆新增自助借还设备十台，开放时间延长到晚上九点。",
        "社区 图书馆 今天 重新 开放",  # text spaced around every word is not a menu
        "求职者可扫描本报刊登的二维码进入招聘平台，也可关注本地就业公众号。",
        "沪指全天上涨1.2%，成交额连续第三日超过一万亿元。",
        "人民日报 2020-04-08 05:16:22",  # a header line, read for its date, not a sidebar
        "他说：“谢谢记者帮忙拍照。”",
    ],
)
def test_text_that_looks_a_little_like_furniture_stays(line: str) -> None:
    assert phrase_reason(line) is None


def test_a_line_met_before_is_judged_again_in_another_column() -> None:
    """Short lines are remembered with their reason, for each column width: a prompt
    that is furniture on its own line is wrapped body text in a narrow newspaper
    column, whichever of the two is met first."""
    line = "扫码关注本报公众号"
    assert phrase_reason(line, 10) is None
    assert phrase_reason(line) == "promo"
    assert phrase_reason(line, 10) is None


def test_the_quick_filter_never_keeps_a_rule_from_firing() -> None:
    """The filter before the table is built from the table's own patterns: on every
    line of every fixture and seed, filtered or not, the rules decide the same."""
    from generator.clean.phrases import rule_reason
    from generator.read import read_dir

    from .conftest import ROOT

    folders = ("seeds", "tests/fixtures/gold", "tests/fixtures/articles")
    texts = [r.text for f in folders for r in read_dir(ROOT / f, ROOT)]
    lines = {ln.strip() for t in texts for ln in t.split("\n") if ln.strip()}
    lines |= {"COPYRIGHT © 2020 本网", "copyright 2020", "tags: 健康码"}  # flags kept
    assert len(lines) > 2000
    for line in lines:
        for column in (0, 15):
            expected = rule_reason(line, column)
            if expected is not None:
                assert phrase_reason(line, column) == expected, line


_ARROW_TOKEN = r"[^\s|｜/\d，。；！？：:,;!?]{1,10}"
# The breadcrumb rule as first written: the same language, tried in every split of an
# arrow run.
_EVERY_SPLIT = re.compile(
    rf"^{_ARROW_TOKEN}(?:\s*[>›»]+\s*{_ARROW_TOKEN})+(?:\s*[>›»]+\s*[\d年月日/.\-]+)?$"
)
_BREADCRUMB = next(r.pattern for r in RULES if r.pattern.pattern.startswith("^(?=[^|"))


@settings(max_examples=1500, deadline=None)
@given(st.text(st.sampled_from([*"首页新>›» 12/-.年月日，。x"]), max_size=10))
def test_the_breadcrumb_rule_reads_the_lines_it_read_before_its_look_ahead(text: str) -> None:
    assert bool(_BREADCRUMB.match(text)) == bool(_EVERY_SPLIT.match(text))


@pytest.mark.parametrize("tail", ["，", "。", "1x", " 12 点"])
def test_a_long_row_of_arrows_is_judged_at_once(tail: str) -> None:
    # Each of these took the breadcrumb rule 2**n tries (seconds at 12 arrows, hours at 30).
    line = "阅读全文" + ">>" * 30 + tail
    assert _BREADCRUMB.match(line) is None
    assert phrase_reason(line) is None
