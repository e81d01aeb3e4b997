"""What each record is — written once. Each class below is the one definition of a record kind:
its typed fields, how each field is checked, whether it is required, what it means in Chinese and
English, and an example. The checker and the typed record (``specs.Record``), the JSON Schema,
the field reference on the site, the scaffold's comments (``scripts/new_plan.py``), the columns
of the downloaded tables (``outputs/export.py``) and the release note (``outputs/changes.py``) are
all derived from these definitions. Adding a field here is all the data side needs.

References to other records are kept as ids; ``build.resolve`` turns them into an object graph.
Every located record carries ``loc`` and ``locs``, where it and each field were written.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, fields
from typing import Iterable, Iterator, Optional, Union

from .errors import Loc
from .specs import (F, RECORDS, Bool, DateOrYear, DateSpec, Enum, FileName, ListOf, Nested, Number,
                    PeriodSpec, PrintedText, Record, Ref, RegexSpec, Slug, Str, TargetRefSpec, TargetValue,
                    TextSpec, Url, YearSpec)
from .values import LANGS, MILESTONE, NOT_PRINTED, NOT_STATED, Text, Value, Year, period_end_year

__all__ = ["LANGS", "MILESTONE", "NOT_PRINTED", "NOT_STATED", "Text", "Value", "Year", "period_end_year"]

LANG = Enum("zh", "en")
COMPARATORS = (">=", ">", "<=", "<", "=", "~", "range")
BASES = ("by_year", "annual", "cumulative", "recurring")
AGENCY_KINDS = ("government", "government_office", "commission", "bureau", "office",
                "party_department", "leading_group", "management_committee", "regulator",
                "bank_branch", "association", "state_company", "media_group", "collective")
PLAN_KINDS = ("plan", "work_report", "news", "statistical_communique", "implementation_report")
RELIABILITY = ("official", "aggregator", "mirror", "unknown")
RELATION_TYPES = ("supersedes", "revises", "implements", "reports_on", "cites")
TITLE_MAX = 300


def need(spec, zh: str, en: str, *, example: Optional[str] = None, export: bool = True,
         column: Optional[str] = None):
    """A required field: ``spec`` checks it; ``zh``/``en`` say what it means."""
    return field(metadata={"atlas": F(spec, True, Text(zh, en), example, export, column)})


def may(spec, zh: str, en: str, default=None, *, example: Optional[str] = None, export: bool = True,
        column: Optional[str] = None):
    """An optional field, ``default`` when left out."""
    return field(default=default, metadata={"atlas": F(spec, False, Text(zh, en), example, export, column)})


def record(name: str, title: tuple[str, str], zh: str, en: str, extra=None):
    """Make the class a frozen record and register its checker under ``name`` (the word that
    messages, the field reference and ``Nested`` use); ``title`` is its name for readers in
    Chinese and English, ``zh``/``en`` what it is."""
    def define(cls):
        cls = dataclass(frozen=True, kw_only=True)(cls)
        specs = {f.name: f.metadata["atlas"] for f in fields(cls) if "atlas" in f.metadata}
        cls.SPEC = RECORDS[name] = Record(cls, specs, name, extra=extra, doc=Text(zh, en), title=Text(*title))
        return cls
    return define


@dataclass(frozen=True, kw_only=True)
class Located:
    """Where a record (``loc``) and each of its fields (``locs``) were written."""

    loc: Loc = field(default=Loc(""), compare=False)
    locs: dict = field(default_factory=dict, compare=False, repr=False)


ID_ZH, ID_EN = "编号：小写字母、数字和单个连字符，发布后不再改变", "id: lowercase letters, digits and single hyphens; never changes once published"
ANCHOR_ZH = "编号，在本文件内唯一；也是页面锚点（/plans/<文件编号>/#<编号>）"
ANCHOR_EN = "id, unique in its file; also the page anchor (/plans/<plan-id>/#<id>)"


# -- registries: data/regions.yaml, agencies.yaml, sectors.yaml, units.yaml, indicators.yaml --

@record("region", ("地区", "Region"), "地区：市、县（市、区）或省。", "A region: a province, city, district or county.")
class Region(Located):
    id: str = need(Slug(), ID_ZH + "，如 `jiaxing`", ID_EN + ", e.g. `jiaxing`", example="jiaxing")
    name: Text = need(TextSpec(TITLE_MAX), "名称", "name", example="{zh: 嘉兴市, en: Jiaxing}")
    level: str = need(Enum("province", "city", "district", "county"), "行政级别", "administrative level",
                      example="city")
    parent: Optional[str] = may(Ref("region"), "上级地区的编号", "the id of the region it belongs to",
                                example="zhejiang")
    code: str = need(Str(6, numbers_ok=True), "GB/T 2260 行政区划代码，六位数字，写成带引号的字符串，如 `\"330400\"`",
                     "GB/T 2260 administrative division code: six digits as a quoted string, e.g. `\"330400\"`",
                     example='"330400"')
    id_prefix: Optional[str] = may(Slug(), "本地区文件、机构、指标编号的前缀，如嘉兴为 `jx`（`jx-drc`、`jx-2019-…`）；"
                                   "区县没有前缀时用所属市的；编号缺少前缀会给出警告",
                                   "the prefix of the ids of its plans, agencies and indicators, e.g. `jx` for "
                                   "Jiaxing (`jx-drc`, `jx-2019-…`); a district without one uses its city's. "
                                   "An id without it is a warning", example="jx")


@record("agency", ("机构", "Agency"), "机构：文件中作为发文、牵头或参与单位出现的机构。",
        "An agency: a body named as issuer, lead or participant.")
class Agency(Located):
    id: str = need(Slug(), ID_ZH + "，以所属地区的前缀开头（`jx-`、`ha-`）",
                   ID_EN + ", starting with its region's prefix (`jx-`, `ha-`)", example="jx-drc")
    name: Text = need(TextSpec(TITLE_MAX), "正式全称", "official full name",
                      example="{zh: 嘉兴市发展和改革委员会, en: Jiaxing Municipal Development and Reform Commission}")
    short: Optional[Text] = may(TextSpec(TITLE_MAX), "文件中印出的简称，如 `市发展改革委`",
                                "short form as printed in plans (e.g. `市发展改革委`)",
                                example="{zh: 市发展改革委, en: Municipal DRC}")
    aliases: tuple = may(ListOf(Str(TITLE_MAX), unique=True), "来源中印出的名称的其他写法",
                         "every other form of the name printed in a source", (), example="[市发改委]")
    search_terms: tuple = may(ListOf(Str(TITLE_MAX), unique=True), "任何来源都未印出、仅供搜索的常用说法（如 `市发改委`）",
                              "other common forms not printed in any source, used only by search (e.g. `市发改委`)", ())
    region: str = need(Ref("region"), "所属地区的编号", "the id of its region", example="jiaxing")
    parent: Optional[str] = may(Ref("agency"), "所属上级机构的编号", "the id of the body it belongs to")
    kind: str = need(Enum(*AGENCY_KINDS), "机构类型", "kind of body", example="commission")
    note: Optional[Text] = may(TextSpec(), "读者应当知道的情况（如机构合并或更名）",
                               "what a reader should know (e.g. a merged or renamed body)")


@record("sector", ("行业", "Sector"), "行业：服务业的一个门类；页面按行业汇总任务和目标。",
        "A sector of the service industry; pages gather tasks and targets by sector.")
class Sector(Located):
    id: str = need(Slug(), ID_ZH, ID_EN, example="logistics")
    name: Text = need(TextSpec(TITLE_MAX), "名称", "name", example="{zh: 现代物流, en: Modern logistics}")
    description: Text = need(TextSpec(), "这个行业包括什么", "what the sector covers")
    parent: Optional[str] = may(Ref("sector"), "上级行业的编号；顶层分组为 `producer-services`、`consumer-services`、`cross-cutting`",
                                "the parent sector's id; the top-level groups are `producer-services`, "
                                "`consumer-services`, `cross-cutting`", example="producer-services")
    industry_codes: tuple = may(ListOf(Enum(*"ABCDEFGHIJKLMNOPQRST"), unique=True),
                                "对应的 GB/T 4754-2017 门类字母（有对应时），如 `[G]`",
                                "GB/T 4754-2017 section letters the sector maps to, where one fits (e.g. `[G]`)", (),
                                example="[G]")


@record("unit", ("计量单位", "Unit"), "计量单位，及其换算到基本单位的系数。", "A unit of measure, and how it converts to its base unit.")
class Unit(Located):
    id: str = need(Slug(), ID_ZH, ID_EN, example="yuan-100m")
    name: Text = need(TextSpec(TITLE_MAX), "显示名称，如 `{zh: 亿元, en: 100 million yuan}`",
                      "display name, e.g. `{zh: 亿元, en: 100 million yuan}`", example="{zh: 亿元, en: 100 million yuan}")
    base: str = need(Ref("unit"), "换算到的基本单位的编号（基本单位写它自己）",
                     "the id of the base unit it converts to (a base unit names itself)", example="yuan")
    factor: float = need(Number(positive=True), "一个本单位等于多少个基本单位（亿元 → 100000000 元）",
                         "how many base units one of this unit is (亿元 → 100000000 yuan)", example="100000000")
    scale: bool = may(Bool(), "用于基本单位：大数按各语言习惯读（2,460,000 标箱 → 246万标箱 / 2.46 million TEU）时为 `true`",
                      "on a base unit: `true` when large values should read naturally in each language "
                      "(2,460,000 TEU → 246万标箱 / 2.46 million TEU)", False)


@record("definition", ("定义", "Definition"), "定义：来源对指标衡量什么的说明，附原文。没有来源说明的指标不写定义，页面会注明“来源未给出定义”。",
        "A definition: what a source says an indicator measures, with its words. An indicator no source defines "
        "has none, and its page says so.")
class Definition(Located):
    plan: str = need(Ref("plan"), "给出定义的文件编号；其原文须包含 `quote`", "id of the document that says it; its source text "
                     "must contain `quote`", example="jx-2022-statistical-communique")
    quote: str = need(Str(), "来源原文中的确切文字", "the exact words of the source", example="按可比价格计算")
    text: Text = need(TextSpec(), "按来源写出的定义，两种语言；不得超出来源所说", "the definition as the source gives it, in both "
                      "languages; never more than the source says",
                      example="{zh: 按可比价格计算的比上年增长率。, en: Year-on-year growth at comparable prices.}")


@record("indicator", ("指标", "Indicator"), "指标：目标和实际数字所衡量的东西。", "An indicator: what targets and figures measure.")
class Indicator(Located):
    id: str = need(Slug(), ID_ZH + "，以所属地区的前缀开头", ID_EN + ", starting with its region's prefix",
                   example="jx-tourism-revenue")
    name: Text = need(TextSpec(TITLE_MAX), "名称", "name", example="{zh: 旅游总收入, en: Total tourism revenue}")
    unit: str = need(Ref("unit"), "单位的编号；本指标的目标和实际数字所用单位须与它同一基本单位",
                     "unit id; targets and figures of this indicator use units with the same base", example="yuan-100m")
    region: str = need(Ref("region"), "地区的编号", "region id", example="jiaxing")
    sectors: tuple = may(ListOf(Ref("sector"), unique=True), "行业编号", "sector ids", (), example="[tourism]")
    description: Optional[Text] = may(TextSpec(), "说明（编者的话）", "description (the editors' words)")
    definition: Optional[Definition] = may(Nested("definition"), "来源给出的定义；没有来源说明就不写",
                                           "the definition a source gives; left out when no source says")
    measure: Optional[str] = may(Slug(), "不同地区衡量同一事物的指标共用的编号（如嘉兴和淮安的 `tourism-revenue`），以便比较",
                                 "a slug shared by indicators of different regions that measure the same thing "
                                 "(e.g. `tourism-revenue` for Jiaxing's and Huai'an's), so that they can be compared",
                                 example="tourism-revenue")


# -- a plan file: data/plans/<plan-id>.yaml and what nests in it --

@record("target", ("目标", "Target"), "目标：任务设定的一个量化目标。里程碑式目标（“2022年建成投用”）写作 `comparator: \"=\"`、"
        "`value: 1`、`unit: milestone`，所属指标的单位为 `milestone`。",
        "A target: a quantitative goal a task sets. A milestone (\"put into operation in 2022\") is written "
        "`comparator: \"=\"`, `value: 1`, `unit: milestone`, for an indicator whose unit is `milestone`.")
class Target(Located):
    id: str = need(Slug(), ANCHOR_ZH, ANCHOR_EN, example="t1-1-projects")
    indicator: str = need(Ref("indicator"), "指标的编号（data/indicators.yaml；新指标先在那里添加）",
                          "an indicator id (data/indicators.yaml; add a new one there first)", example="jx-projects")
    comparator: str = need(Enum(*COMPARATORS), "比较方式：`>=` 不少于，`>` 超过，`<=` 不超过，`<` 低于，`=` 达到，`~` 约，`range` 区间",
                           "how the value binds: `>=` at least, `>` over, `<=` at most, `<` under, `=` exactly, "
                           "`~` about, `range` between", example='">="')
    value: Value = need(TargetValue(), "原文印出的数值；`range` 写作 `[下限, 上限]`",
                        "the number as printed; for `range` a list `[low, high]`", example="127")
    unit: str = need(Ref("unit"), "单位的编号（data/units.yaml）", "a unit id (data/units.yaml)", example="project")
    year: Year = need(YearSpec(), "期限年份；原文未写时写 `not stated`", "the deadline year, or `not stated`",
                      example="2020")
    basis: str = need(Enum(*BASES), "口径：`by_year` 到期限时达到；`annual` 每年；`cumulative` 期内累计；"
                      "`recurring` 期内保持的频次（如每季度一次）",
                      "`by_year`: reach by the deadline; `annual`: each year; `cumulative`: total over the "
                      "period; `recurring`: a frequency kept throughout (e.g. once a quarter)", example="by_year")
    text: Text = need(TextSpec(), "目标的表述，两种语言；数字须与 `value` 一致",
                      "the target in words, in both languages; its number must agree with `value`",
                      example="{zh: 到2020年不少于127个。, en: At least 127 by 2020.}")
    quote: str = need(Str(), "来源原文中的确切文字（用于链接到原文段落）",
                      "the exact words of the source (they link the target to its paragraph)", example="确保127个项目")
    replaced_by: Optional[str] = may(TargetRefSpec(), "后来的文件为同一指标（或同一 `measure`）设定了新值时：`<文件编号>#<目标编号>`",
                                     "where a later plan sets a new value for the same indicator (or the same "
                                     "`measure`): `<plan-id>#<target-id>`")


def _one_kind_of_value(values: dict, path: tuple, ck) -> object:
    """A reported figure is a number with its unit, or a milestone (``achieved``), not both."""
    if ("value" in values) == ("achieved" in values):
        return ck.error(path, "an observation needs exactly one of 'value' (a number) and 'achieved' (a milestone)",
                        "write value: and unit: for a figure, achieved: true for a milestone reached")
    if ("value" in values) != ("unit" in values):
        return ck.error(path, "'unit' goes with 'value' (a number), and only with it",
                        "a milestone (achieved:) has no unit; a number needs one")
    if "date" in values and "achieved" not in values:
        return ck.error(path + ("date",), "'date' is the day a milestone was reached",
                        "use it with achieved: true; a number's time is its period")
    return None


@record("observation", ("实际数字", "Reported figure"), "实际数字：来源报告已达到的数字（带单位），或已实现的里程碑（`achieved`）。",
        "A reported figure: a number with its unit that a source reports as reached, or a milestone "
        "(`achieved`).", extra=_one_kind_of_value)
class Observation(Located):
    id: str = need(Slug(), ANCHOR_ZH, ANCHOR_EN, example="o-2018-port-teu")
    indicator: str = need(Ref("indicator"), "指标的编号", "indicator id", example="jx-port-container-throughput")
    period: str = need(PeriodSpec(), "数字所衡量的时期（不是发布年份）：`2018`、`2019-H1`、`2019-Q3`、`2019-06`，"
                       "来源不给更细日期时写跨度 `2018..2019`",
                       "the period the figure measures, not the year it was published: `2018`, `2019-H1`, "
                       "`2019-Q3`, `2019-06`, or a span `2018..2019` when the source gives no closer dates",
                       example="2018")
    value: Optional[Value] = may(Number(), "数值（与 `unit` 一起）；里程碑不写", "the number (with `unit`); not for a milestone",
                                 example="1.72")
    unit: Optional[str] = may(Ref("unit"), "单位的编号", "unit id", example="teu-million")
    achieved: Optional[bool] = may(Bool(), "里程碑：已实现为 `true`，未实现为 `false`（代替 `value` 和 `unit`）",
                                   "a milestone: `true` reached, `false` not (instead of `value` and `unit`)")
    date: Union[_dt.date, int, None] = may(DateOrYear(), "里程碑实现的日期（或仅年份）", "when the milestone was reached (a date, or a year)")
    items: tuple = may(ListOf(TextSpec(TITLE_MAX)), "来源点名的被计数事物（`{zh, en}` 列表）",
                       "the counted things the source names (a list of `{zh, en}`)", ())
    text: Optional[Text] = may(TextSpec(), "数字的表述，两种语言", "the figure in words, in both languages")
    quote: str = need(Str(), "来源原文中的确切文字", "the exact words of the source",
                      example="The TEUs handled by Jiaxing Port reached 1.72 million")
    estimated: bool = may(Bool(), "来源称其为估计数时为 `true`（“预计增长7.6%”）",
                          "`true` when the source calls the figure an estimate (\"is estimated to grow by 7.6%\")", False)
    preliminary: bool = may(Bool(), "初步核算数为 `true`；同一时期的最终核实数另记一条，进度以它为准",
                            "`true` for a preliminary figure (初步核算); a final figure for the same period is its "
                            "own observation and is the one progress uses", False)
    comparator: str = may(Enum(">=", ">", "<=", "<", "=", "~"), "数字以界限报告时（“300多个城市” → `>`）；默认 `=`",
                          "when the figure is reported as a bound (\"over 300 cities\" → `>`); default `=`", "=")


@record("task", ("任务", "Task"), "任务：文件布置的一项工作，带牵头和参与机构及其目标。",
        "A task: one piece of work a document assigns, with its lead and participating agencies and its targets.")
class Task(Located):
    id: str = need(Slug(), ANCHOR_ZH, ANCHOR_EN, example="t1-1")
    number: Optional[str] = may(Str(20, numbers_ok=True), "原文编号", "number as printed", example='"1"')
    title: Text = need(TextSpec(TITLE_MAX), "短标题", "short title", example="{zh: 短标题, en: Short title}")
    summary: Text = need(TextSpec(), "该项的全文，原文语言照录，另一语言为我们的翻译",
                         "the item's full text, verbatim in the original language, ours in the other",
                         example="{zh: 原文全文。, en: Our translation.}")
    sectors: tuple = may(ListOf(Ref("sector"), unique=True), "行业编号（data/sectors.yaml）",
                         "sector ids (data/sectors.yaml)", (), example="[logistics]")
    lead: tuple = may(ListOf(Ref("agency"), unique=True), "牵头机构的编号", "ids of the lead agencies (牵头)", (),
                      example="[jx-drc]")
    participants: tuple = may(ListOf(Ref("agency"), unique=True), "参与机构的编号", "ids of the participating agencies (参与)",
                              (), example="[jx-finance]")
    keywords: tuple = may(ListOf(Str(100), unique=True), "值得搜索的项目名称和术语，照原文",
                          "programme names and terms worth finding by search, as printed", (), example="[百项百亿]")
    quote: Optional[str] = may(Str(), "来源原文中的确切文字", "the exact words of the source")
    targets: tuple = may(ListOf(Nested("target")), "该任务的量化目标", "the task's quantitative targets", ())


@record("section", ("章节", "Section"), "章节：有编号和标题，包含任务和（或）下级章节。",
        "A section: numbered and titled, holding tasks and/or nested sections.")
class Section(Located):
    id: str = need(Slug(), ANCHOR_ZH, ANCHOR_EN, example="s1")
    number: Optional[str] = may(Str(20, numbers_ok=True), "原文编号，如 `（一）`", "number as printed, e.g. `（一）`",
                                example="一")
    title: Text = need(TextSpec(TITLE_MAX), "标题", "title", example="{zh: 工作重点, en: Key tasks}")
    summary: Optional[Text] = may(TextSpec(), "本节自己的段落", "the section's own paragraph")
    tasks: tuple = may(ListOf(Nested("task")), "本节的任务", "the section's tasks", ())
    sections: tuple = may(ListOf(Nested("section")), "下级章节", "nested sections", ())


@record("editor's note", ("编者注", "Editor's note"), "编者注：说明来源的缺陷（垃圾信息、日期错误、转换失误、错字）及我们的更正，显示在页面上。",
        "An editor's note on a source defect (spam, a wrong date, a conversion slip, a typo) and our correction, "
        "shown on the page.")
class Note(Located):
    id: str = need(Slug(), ANCHOR_ZH, ANCHOR_EN, example="note-typo")
    text: Text = need(TextSpec(), "说明", "the note",
                      example="{zh: 原文“着名”为繁简转换失误，已改为“著名”。, en: The source prints 着名, a conversion slip for 著名; corrected.}")
    about: tuple = may(ListOf(Slug(), unique=True), "所涉章节、任务、目标的编号，或文件编号",
                       "ids of the sections, tasks or targets concerned, or the plan id", (), example="[t1-1]")


@record("dates", ("日期", "Dates"), "文件的日期，均可选。", "The document's dates, each optional.")
class Dates:
    signed: Optional[_dt.date] = may(DateSpec(), "签发日期（通知落款）", "signed: the date on the notice (签发)",
                                     example="2016-04-12", column="signed")
    printed: Optional[_dt.date] = may(DateSpec(), "印发日期", "printed (印发)", example="2016-04-18", column="printed")
    published: Optional[_dt.date] = may(DateSpec(), "网上发布日期", "when it appeared on the web", example="2016-04-29",
                                        column="published")


@record("period", ("时期", "Period"), "文件涵盖的年份。", "The years the document covers.")
class Period:
    start: Year = need(YearSpec(), "起始年份，或 `not stated`", "first year, or `not stated`", example="2016")
    end: Year = need(YearSpec(), "结束年份，或 `not stated`", "last year, or `not stated`", example="2020")


@record("correction", ("更正", "Correction"), "来源原文页上的一处更正：正则 `find` → `replace`，由编者注 `note` 说明。",
        "A fix applied to the source text on its page: regex `find` → `replace`, explained by the editor's note `note`.")
class Correction(Located):
    find: str = need(RegexSpec(), "要找的文字（正则表达式）", "the text to find (a regular expression)", example="着名")
    replace: str = need(Str(200), "替换成的文字", "what replaces it", example="著名")
    note: str = need(Slug(), "说明这处更正的编者注编号", "the id of the editor's note that explains it", example="note-typo")


@record("relation", ("关系", "Relation"), "与另一文件的关系，两边页面都会显示。", "A relation to another document, shown on both pages.")
class Relation(Located):
    type: str = need(Enum(*RELATION_TYPES), "关系：取代、修订、实施、报告、引用", "supersedes, revises, implements, reports on, cites",
                     example="supersedes")
    target: str = need(Str(100), "`plans/` 中的文件编号，或我们没有收录的文件的文号（如 `嘉政发〔2009〕61号`）",
                       "a plan id in `plans/`, or the document number of a document we do not hold "
                       "(e.g. `嘉政发〔2009〕61号`)", example="jx-2016-service-industry-action-plan")


@record("source", ("来源", "Source"), "来源：`data/sources/` 中的原文副本（`../shared/sources/` 的拷贝，从不编辑）及其出处。",
        "The source: the copy of the text in `data/sources/` (a copy of `../shared/sources/`, never edited) and "
        "where it came from.")
class Source(Located):
    file: str = need(FileName(), "`data/sources/` 中的文件名", "the file name in `data/sources/`", example="000_7bf17a918e0637eb.txt",
                     column="source")
    title: Union[Text, str] = need(PrintedText(TITLE_MAX), "来源的标题：原文语言照录，另一语言为我们的翻译；或 `not printed`",
                                   "the source's title: as printed in its language, ours in the other; or `not printed`",
                                   example="{zh: 标题, en: Title}", column="source_title")
    publisher: Union[Text, str] = need(PrintedText(TITLE_MAX), "发布者，写法同上；来源未印出时写 `not printed`",
                                       "the publisher, written the same way; `not printed` when the source prints none",
                                       example="not printed", column="publisher")
    url: Optional[str] = may(Url(), "找到副本的网址（http/https）", "the address the copy was found at (http/https)",
                             column="source_url")
    retrieved: Optional[_dt.date] = may(DateSpec(), "获取日期", "the date it was retrieved", column="source_retrieved")
    reliability: str = need(Enum(*RELIABILITY), "`official` 政府网站或官方媒体；`aggregator` 转载官方文本的网站；"
                            "`mirror` 仅存副本的无关网站（须写编者注）；`unknown`",
                            "`official` (a government site or official media), `aggregator` (a site reproducing the "
                            "official text), `mirror` (an unrelated site holding the only copy found: say so in an "
                            "editor's note) or `unknown`", example="official", column="reliability")
    split: str = may(Enum("lines", "spaces"), "原文页如何分段：按行（默认），或网页副本连成一行时按空格",
                     "how the source page divides the text into paragraphs: `lines` (default), or `spaces` when the "
                     "web copy runs everything into one line", "lines", example="spaces", export=False)
    begin: Optional[str] = may(Str(200), "正文第一段的开头文字（之前的网页杂项舍去）",
                               "text the first paragraph starts with (web debris before it is dropped)",
                               example="各县(市、区)人民政府", export=False)
    end: Optional[str] = may(Str(200), "正文最后一段中的文字", "text in the last paragraph of the document",
                             example="推动服务业加快发展。", export=False)
    drop: tuple = may(ListOf(Str()), "要舍去的网页杂项段落（确切文字）", "paragraphs of web debris to leave out (exact text)",
                      (), example='["浏览次数:"]', export=False)
    corrections: tuple = may(ListOf(Nested("correction")), "在原文页上应用并标出的更正",
                             "fixes applied on the source page and marked there", (), export=False)


@record("plan", ("文件", "Document"), "一个来源文件：规划、工作报告、新闻、统计公报或实施情况报告。每个文件一份 `data/plans/<编号>.yaml`。",
        "One source document: a plan, work report, news article, statistical communiqué or implementation "
        "report. One file per document: `data/plans/<plan-id>.yaml`.")
class Plan(Located):
    id: str = need(Slug(), ID_ZH + "；须与文件名（不含 `.yaml`）相同，用于网址 /plans/<编号>/",
                   ID_EN + "; must equal the file name without `.yaml`; used in its URL /plans/<id>/")
    kind: str = need(Enum(*PLAN_KINDS), "文件类型（`implementation_report`：规划实施情况报告，如计划与实际对照表）",
                     "kind of document (`implementation_report`: a plan-implementation report, e.g. a "
                     "plan-versus-actual table)")
    region: str = need(Ref("region"), "地区的编号（data/regions.yaml）", "a region id (data/regions.yaml)")
    issuer: Optional[str] = may(Ref("agency"), "发文机构的编号；来源未说明时不写",
                                "the issuing agency's id; leave it out when the source does not say who issued it",
                                example="jx-gov-office")
    title: Text = need(TextSpec(TITLE_MAX), "标题", "title")
    short: Optional[Text] = may(TextSpec(60), "用于表格和列表的简称（页面标题仍用全称）",
                                "a short name for tables and lists (the full title stays the page title)",
                                example="{zh: 简称, en: Short name}")
    doc_number: Optional[str] = may(Str(100), "原文印出的文号；有文号的都要记录", "the document number (文号) as printed; "
                                    "record it wherever the source prints one", example="嘉政办发〔2016〕1号")
    dates: Dates = may(Nested("dates"), "签发、印发、发布日期", "signed, printed and published dates", Dates())
    period: Period = need(Nested("period"), "涵盖的年份 `{start, end}`", "the years it covers `{start, end}`")
    original_language: str = need(LANG, "原文的语言", "the language of the source text")
    prevailing_language: Optional[str] = may(LANG, "仅在来源说明以哪种语言为准时填写",
                                             "set only when the source says which language prevails", example="zh")
    translated: tuple = need(ListOf(LANG, unique=True), "由我们翻译的语言（页面标为我们的翻译；可为空列表）",
                             "languages whose text we translated (marked as ours on the page; may be empty)")
    source: Source = need(Nested("source"), "来源（见下文）", "the source (below)")
    relations: tuple = may(ListOf(Nested("relation")), "沿革：与其他文件的关系，两边页面都会显示",
                           "lineage: relations to other documents, shown on both pages", ())
    notes: tuple = may(ListOf(Nested("editor's note")), "关于来源缺陷的编者注", "editor's notes on source defects", (),
                       export=False)
    sections: tuple = need(ListOf(Nested("section")), "章节列表", "list of sections", export=False)
    observations: tuple = may(ListOf(Nested("observation")), "来源报告的实际数字", "reported actual figures", (),
                              export=False)


@dataclass(frozen=True)
class Dataset:
    """Everything validated, in file order."""

    regions: tuple = ()
    agencies: tuple = ()
    sectors: tuple = ()
    units: tuple = ()
    indicators: tuple = ()
    plans: tuple = ()


# -- walking a plan's tree (the model's own shape; the validator, resolver and reports use it) --
def iter_sections(sections: Iterable[Section]) -> Iterator[Section]:
    """Every section, depth first, in document order."""
    for section in sections:
        yield section
        yield from iter_sections(section.sections)


def plan_items(plan: Plan) -> Iterator[tuple[str, object]]:
    """Every anchored item of a plan: sections, tasks, targets, observations, notes."""
    for section in iter_sections(plan.sections):
        yield "section", section
        for task in section.tasks:
            yield "task", task
            for target in task.targets:
                yield "target", target
    for obs in plan.observations:
        yield "observation", obs
    for note in plan.notes:
        yield "note", note
