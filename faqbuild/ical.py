"""The register as calendars (RFC 5545, written with the `icalendar` package):
lich/tat-ca.ics with every duty, and lich/<body>.ics with one body's. Pure:
model -> text; deterministic (fixed DTSTAMP, UIDs from the duty's id).

A dated duty is an all-day event over its window ("trong tháng 8/2025" is all
of August 2025). A recurring one ("hằng tháng", "hằng năm") recurs from the
month its plan was issued, when the plan prints that month; the plan sets no
end, so neither does the rule. Every other duty (no time, "thường xuyên",
"định kỳ" with no cycle, "theo hướng dẫn của …", or recurring in a plan that
prints no date) is a VTODO with no due date: a to-do, never a made-up day.
"""

from __future__ import annotations

import datetime as dt
import re

import icalendar

from .model import Duty, Faq, Plan
from .urls import body_page, duty_anchor, html_url
from .vocabulary import GENERATED_MARK, ROLES


PRODID = f"-//hoi-dap-chi-thi-47//{GENERATED_MARK}//VI"
# Any fixed time would do; builds must be byte-identical. The day plan 002 was signed.
STAMP = dt.datetime(2025, 8, 15, tzinfo=dt.timezone.utc)
RECURRING = {"monthly": "MONTHLY", "yearly": "YEARLY"}


def issue_month(plan: Plan) -> dt.date | None:
    """The first day of the month the plan prints as its date ("tháng 8 năm 2025")."""
    m = re.search(r"tháng (\d{1,2}) năm (\d{4})", plan.place_date or "")
    return dt.date(int(m.group(2)), int(m.group(1)), 1) if m else None


def month_start(year: int, month: int) -> dt.date:
    return dt.date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def window(duty: Duty) -> tuple[dt.date, dt.date] | None:
    """[start, end) of a dated duty, as all-day dates."""
    t = duty.time
    if t is None:
        return None
    if t.kind == "month":
        y, m = map(int, t.month.split("-"))
        return month_start(y, m), month_start(y, m + 1)
    if t.kind == "quarter":
        y, q = t.quarter.split("-Q")
        first = (int(q) - 1) * 3 + 1
        return month_start(int(y), first), month_start(int(y), first + 3)
    if t.kind == "years":
        return dt.date(t.start, 1, 1), dt.date(t.end + 1, 1, 1)
    return None


def component(duty: Duty, plans: dict[str, Plan], faq: Faq) -> icalendar.cal.Component:
    plan = plans[duty.plan]
    names = {b.id: b.name for b in faq.bodies}
    who = "; ".join(f"{names[b.body]} ({ROLES[b.role]})" for b in duty.bodies)
    when = duty.time.wording if duty.time else "Kế hoạch không nêu"
    link = f"{html_url(body_page(duty.bodies[0].body))}#{duty_anchor(duty)}"
    description = (f"{duty.text}\n\nThời gian (nguyên văn): {when}\nCơ quan: {who}\n"
                   f"Căn cứ: {plan.short_name}, mục {duty.section}\nXem trên trang: {link}")
    if duty.note:
        description += f"\nGhi chú: {duty.note}"
    span = window(duty)
    start = issue_month(plan)
    recurring = duty.time is not None and duty.time.kind in RECURRING and start is not None
    item = icalendar.Event() if span or recurring else icalendar.Todo()
    item.add("uid", f"{duty.plan}-{duty.id}@hoi-dap-chi-thi-47")
    item.add("dtstamp", STAMP)
    item.add("summary", f"[{duty.plan} {duty.id}] {duty.text}")
    item.add("description", description)
    item.add("categories", [ROLES[b.role] for b in duty.bodies][:1] + [plan.short_name])
    if span:
        item.add("dtstart", span[0])
        item.add("dtend", span[1])
    elif recurring:
        item.add("dtstart", start)
        item.add("dtend", start + dt.timedelta(days=1))
        item.add("rrule", {"freq": RECURRING[duty.time.kind]})
    else:
        item.add("status", "NEEDS-ACTION")
    return item


def render_calendar(items: list[str], title: str) -> str:
    """A calendar around components already written (each duty is written once,
    then shared by every calendar that lists it: folding lines is the slow part)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", title)
    head, end = cal.to_ical().decode("utf-8").split("END:VCALENDAR")
    return head + "".join(items) + "END:VCALENDAR" + end


def calendars(plans: dict[str, Plan], faq: Faq) -> list[tuple[str | None, str]]:
    """(body id or None for all, calendar text), for every body with a duty."""
    reg = faq.register
    written = {d.key: component(d, plans, faq).to_ical().decode("utf-8") for d in reg.duties}
    out: list[tuple[str | None, str]] = [(None, render_calendar(list(written.values()),
                                                                "Chỉ thị 47-CT/TW: mọi việc"))]
    for body in faq.bodies:
        mine = list(dict.fromkeys(d.key for d, _ in reg.of_body(body.id)))
        if mine:
            out.append((body.id, render_calendar([written[k] for k in mine], f"Chỉ thị 47-CT/TW: {body.name}")))
    return out
