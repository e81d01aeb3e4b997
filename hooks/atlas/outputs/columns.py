"""What every column of the downloaded tables means, in both languages, and a JSON Schema of
each table: the data dictionary page and ``downloads/schema/<table>.schema.json``.

Columns that come from a record's fields take the field's own meaning and schema from its
definition (``model/records.py``, walked by ``export.columns_of`` exactly as the tables are
made); the columns the site works out (where a row sits, base values, status, links) are
described here. ``dictionary`` lists a table's columns in the order of its rows; a column no one
described is listed with an empty meaning, which a test refuses.
"""

from __future__ import annotations

from ..model.records import Agency, Indicator, Observation, Plan, Sector, Target, Task, Text
from ..model.specs import record_of
from .export import columns_of

SPECS = {"plans": Plan.SPEC, "tasks": Task.SPEC, "targets": Target.SPEC, "observations": Observation.SPEC,
         "agencies": Agency.SPEC, "sectors": Sector.SPEC, "indicators": Indicator.SPEC}
_ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
_NUM = {"type": ["number", "null"]}
_COUNT = {"type": "integer", "minimum": 0}
_STR = {"type": ["string", "null"]}

# columns the site works out: (zh, en, JSON Schema)
COMPUTED = {
    "id": ("记录的编号（在所属文件或登记表内唯一，用于网址和锚点）",
           "the record's id (unique within its document or registry; used in addresses and anchors)", _ID),
    "plan": ("所属文件的编号", "id of the document it belongs to", _ID),
    "section": ("所在章节的编号", "id of the section it is in", _ID),
    "task": ("所属任务的编号", "id of the task that sets it", _ID),
    "base_value": ("换算为基本单位的数值（便于比较以不同单位印出的数字）；区间为 [下限, 上限]",
                   "the value in the unit's base unit (so that figures printed in different units compare); "
                   "a range is [low, high]", {"anyOf": [_NUM, {"type": "array", "items": {"type": "number"}}]}),
    "base_unit": ("基本单位的编号", "id of the base unit", _STR),
    "status": ("进展状态：met 已达成、on_track 进展符合、behind 未达成或落后、not_comparable 不可比、"
               "not_reported 无报告数据、not_due 未到期（本站按“进展判定方法”得出，不是原文的说法）",
               "progress: met, on_track, behind, not_comparable, not_reported or not_due (worked out by "
               "the site's method on the About page, not a claim of the source)", {"type": "string"}),
    "status_rule": ("得出状态所用的规则", "the rule that decided the status", _STR),
    "status_figure": ("状态所依据的已报告数据的编号", "id of the reported figure the status rests on", _STR),
    "status_figure_plan": ("该数据所属文件的编号", "id of the document that figure comes from", _STR),
    "required_growth": ("按轨迹判断时，达到目标所需的年均增长（小数，0.05 即 5%）",
                        "by trajectory: the yearly growth the target needs (a fraction: 0.05 is 5%)", _NUM),
    "achieved_growth": ("按轨迹判断时，已实现的年均增长（小数）",
                        "by trajectory: the yearly growth achieved (a fraction)", _NUM),
    "url": ("本站上显示该记录的页面地址（相对于网站根目录）",
            "the address of the page that shows the record (relative to the site's root)", {"type": "string"}),
    "tasks": ("任务数", "number of tasks", _COUNT),
    "targets": ("量化目标数", "number of quantitative targets", _COUNT),
    "observations": ("已报告数据项数", "number of reported figures", _COUNT),
    "leads": ("牵头的任务数", "number of tasks it leads", _COUNT),
    "participates": ("参与的任务数", "number of tasks it takes part in", _COUNT),
}


def _field_columns(spec, prefix: str = "", skip: tuple = ("id",), parent: Text | None = None) -> dict:
    """``{column: (meaning Text, schema)}`` of the columns a record's fields give."""
    out: dict = {}
    for name, f, column, how in columns_of(spec, prefix, skip):
        doc = f.doc if parent is None else Text(zh=f"{parent.zh}：{f.doc.zh}", en=f"{parent.en}: {f.doc.en}")
        if how == "nested":
            out.update(_field_columns(record_of(f.spec), column, (), doc))
        elif how in ("text", "texts"):
            schema = _STR if how == "text" else {"type": "array", "items": _STR}
            out[f"{column}_zh"] = (Text(zh=f"{doc.zh}（中文）", en=f"{doc.en} (Chinese)"), schema)
            out[f"{column}_en"] = (Text(zh=f"{doc.zh}（英文）", en=f"{doc.en} (English)"), schema)
        elif how == "relations":
            out[column] = (Text(zh=f"{doc.zh}（每项写作 类型:编号）", en=f"{doc.en} (each as type:id)"),
                           {"type": "array", "items": {"type": "string"}})
        else:
            schema = dict(f.spec.json_schema())
            schema = schema if f.required else {"anyOf": [schema, {"type": "null"}]}
            out[column] = (doc, schema)
    return out


def dictionary(table: str, row: dict) -> list[tuple[str, Text, dict]]:
    """``(column, meaning, schema)`` for each column of ``row`` (a row of ``table``), in order."""
    known = _field_columns(SPECS[table])
    out = []
    for column in row:
        if column in known:
            out.append((column, *known[column]))
        elif column in COMPUTED:
            zh, en, schema = COMPUTED[column]
            out.append((column, Text(zh=zh, en=en), schema))
        else:
            out.append((column, Text(zh="", en=""), {}))
    return out


def table_schema(table: str, row: dict) -> dict:
    """A JSON Schema of a downloaded JSON table (a list of rows) whose rows look like ``row``."""
    columns = dictionary(table, row)
    item = {"type": "object", "additionalProperties": False, "required": [c for c, _, _ in columns],
            "properties": {c: {**schema, "description": meaning.en, "x-description-zh": meaning.zh}
                           for c, meaning, schema in columns}}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"{table} (downloaded table)",
            "description": f"Rows of downloads/{table}.json and of every page's {table}.json; "
                           f"the CSV files have the same columns.",
            "type": "array", "items": item}


def values(schema: dict) -> str:
    """A column's values in a few words, from its schema: ``integer``, ``met | on_track | …``,
    ``string or null`` (a pattern or length is left to the schema file)."""
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    if "const" in schema:
        return str(schema["const"])
    if "anyOf" in schema:
        return " or ".join(dict.fromkeys(values(s) for s in schema["anyOf"]))
    kind = schema.get("type", "")
    if isinstance(kind, list):
        return " or ".join(kind)
    if kind == "array":
        return f"array of {values(schema.get('items', {})) or 'values'}"
    return kind
