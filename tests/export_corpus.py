"""A small validated corpus for the export tests, built by hand.

The article text is taken from the seeds (003 and 000); one article and one event
are hostile on purpose: markup, ``javascript:`` links, template braces and the
characters iCalendar must escape. Events are listed out of order so the exports
have to sort them.
"""

from __future__ import annotations

from generator.model import (
    Article,
    Block,
    Corpus,
    Entity,
    Event,
    PartialDate,
    SourceRef,
    Span,
    Timeline,
)

SITE = "https://example.org/timeline/"

CHUNLEI_P1 = (
    "4月7日上午消息,时隔11年,阿里巴巴再次启动扶助中小企业特别行动——“春雷计划”,"
    "阿里巴巴董事会主席兼首席执行官张勇发出题为《春天的战役》的全员信。"
)
CHUNLEI_P2 = "信中提到,新冠肺炎疫情是一场全球范围内的战争,我们面临着未来的高度不确定性。"
WINTER_P1 = (
    "“10年以后，因为今天的变革，我们将会看到一个不同的世界！”2008年国际金融危机期间，"
    "马云在给阿里巴巴的全员信《冬天的使命》中写下了这句话。"
)
LONG_SUMMARY = (
    "阿里巴巴时隔11年再次启动“春雷计划”，张勇在题为《春天的战役》的全员信中宣布："
    "通过速卖通、Lazada、天猫海外等平台助力中小外贸企业出海，激活产业带，"
    "用数字化的方式兴农助农，并把“0账期”服务延至6月30日。"
)
HOSTILE_TITLE = "<script>alert(1)</script>, a; b\\c"
HOSTILE_SUMMARY = (
    "见 [官网](javascript:alert(1)) 与 [镜像](&#106;avascript:alert(2))；\n"
    "模板 {{ site.url }} 不展开；<img src=x onerror=alert(3)>\n\n"
    "[正常链接](https://example.com/a?b=1&c=2)"
)
HOSTILE_QUOTE = '<script>alert("q")</script>, 逗号; 分号'

CHUNLEI = Article(
    id="chunlei-2020",
    title="阿里巴巴再次启动“春雷计划”",
    file="003_e3d7a3b44c33fc91.txt",
    blocks=(
        Block("heading", "春雷计划", ""),
        Block("paragraph", CHUNLEI_P1, "p1"),
        Block("paragraph", CHUNLEI_P2, "p2"),
    ),
    author="何畅",
    publication="充电吧",
    date=PartialDate(2020, 4, 7),
    url="https://example.com/news/chunlei?id=1&lang=zh",
)
WINTER = Article(
    id="winter-letter",
    title="冬天的使命",
    file="000_b4a20cc34cdd8f9a.txt",
    blocks=(Block("paragraph", WINTER_P1, "p1"),),
)
HOSTILE_ARTICLE = Article(
    id="hostile",
    title='<script>alert("t")</script> & “标题”',
    file="004_c720e78d169b1672.txt",
    blocks=(Block("paragraph", HOSTILE_QUOTE, "p1"),),
)

SPRING_2008 = Event(
    id="2008-spring-thunder",
    date=PartialDate(2008, approximate=True),
    title="阿里巴巴首次启动“春雷计划”",
    sources=(SourceRef("winter-letter", "2008年国际金融危机期间", spans=(Span("p1", 30, 43),)),),
    summary="帮助国内中小企业走出寒冬。",
    tags=("春雷计划",),
    entities=(Entity("organization", "阿里巴巴"), Entity("person", "马云")),
)
COVID = Event(
    id="2020-01-covid",
    date=PartialDate(2020, 1),
    end=PartialDate(2020, 3),
    title="新冠肺炎疫情来袭",
    sources=(
        SourceRef("chunlei-2020", "新冠肺炎疫情是一场全球范围内的战争", spans=(Span("p2", 5, 22),)),
    ),
    tags=("疫情", "数字化"),
    entities=(Entity("place", "全球"),),
)
CHUNLEI_EVENT = Event(
    id="2020-04-07-chunlei",
    date=PartialDate(2020, 4, 7),
    title="“春雷计划2020”启动",
    sources=(
        SourceRef("chunlei-2020", "时隔11年", spans=(Span("p1", 9, 14),)),
        SourceRef("chunlei-2020", "春天的战役"),  # not located: no anchor
    ),
    summary=LONG_SUMMARY,
    tags=("春雷计划", "中小企业"),
    entities=(
        Entity("person", "张勇"),
        Entity("organization", "阿里巴巴"),
        Entity("organization", "网商银行"),
        Entity("place", "浙江"),
    ),
)
HOSTILE_EVENT = Event(
    id="hostile",
    date=PartialDate(2020, 4, 7),
    end=PartialDate(2020, 4, 30),
    title=HOSTILE_TITLE,
    sources=(SourceRef("hostile", HOSTILE_QUOTE, spans=(Span("p1", 0, 35),)),),
    summary=HOSTILE_SUMMARY,
    tags=("<i>x</i>", "a,b", "c;d"),
    entities=(Entity("place", "<b>地</b>"),),
)

# Timeline order is 2008, 2020-01, then the two 2020-04-07 events by id.
ORDER = ["2008-spring-thunder", "2020-01-covid", "2020-04-07-chunlei", "hostile"]


def corpus() -> Corpus:
    events = (HOSTILE_EVENT, CHUNLEI_EVENT, SPRING_2008, COVID)
    return Corpus(
        articles=(CHUNLEI, WINTER, HOSTILE_ARTICLE),
        timeline=Timeline("timeline.yaml", events),
    )
