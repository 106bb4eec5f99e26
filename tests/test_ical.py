"""ical.py: a duty's window, the plan's issue month, and which duties become
events, recurring events or to-dos."""

from __future__ import annotations

import datetime as dt

import icalendar

from conftest import ROOT
from faqbuild.build import Options, load_inputs
from faqbuild.ical import component, issue_month, render_calendar, window
from faqbuild.model import Deadline, Duty, DutyBody


def duty(time: Deadline | None, plan: str = "002") -> Duty:
    return Duty(plan, "X.1", "II.1.1", "Việc.", (DutyBody("btgdv", "thuc-hien", "Ban"),), time, None, "")


def test_windows_cover_the_printed_period():
    assert window(duty(Deadline("002", "trong tháng 8/2025", "month", month="2025-08"))) == \
        (dt.date(2025, 8, 1), dt.date(2025, 9, 1))
    assert window(duty(Deadline("002", "Quý IV/2025", "quarter", quarter="2025-Q4"))) == \
        (dt.date(2025, 10, 1), dt.date(2026, 1, 1))
    assert window(duty(Deadline("002", "từ năm 2025 đến 2028", "years", start=2025, end=2028))) == \
        (dt.date(2025, 1, 1), dt.date(2029, 1, 1))
    assert window(duty(Deadline("002", "Thường xuyên", "ongoing"))) is None
    assert window(duty(None)) is None


def test_issue_month_only_from_what_the_plan_prints():
    plans = load_inputs(Options(faq=str(ROOT / "faq.yml"), plans=str(ROOT / "plans"))).plans
    assert issue_month(plans["002"]) == dt.date(2025, 8, 1)
    assert issue_month(plans["000"]) is None   # plan 000 prints no date


def test_recurring_needs_a_printed_start_else_it_is_a_todo():
    inputs = load_inputs(Options(faq=str(ROOT / "faq.yml"), plans=str(ROOT / "plans")))
    yearly = Deadline("002", "Theo Kế hoạch hằng năm", "yearly")
    event = component(duty(yearly), inputs.plans, inputs.faq)
    assert event.name == "VEVENT" and event["rrule"].to_ical() == b"FREQ=YEARLY"
    todo = component(duty(Deadline("000", "Định kỳ hằng năm", "yearly"), plan="000"), inputs.plans, inputs.faq)
    assert todo.name == "VTODO" and "dtstart" not in todo
    text = render_calendar([event.to_ical().decode("utf-8")], "t")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and "\r\nDTSTAMP:20250815T000000Z\r\n" in text
    assert icalendar.Calendar.from_ical(text).walk("VEVENT")
