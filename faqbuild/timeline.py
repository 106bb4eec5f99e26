"""The timeline picture: lich/dong-thoi-gian.svg, the dated and recurring duties
of the register from 2025 to 2028, drawn at build time. Pure: model -> SVG text.

Static, self-contained SVG (no script, no web font, no external reference), so it
reads the same from file://, in an <img>, and in print (black on white, with
grey fills that survive a monochrome printer). Its <title> and <desc> say what
it shows, every row carries its duty's full words in a <title>, and the deadline
page under it lists the same duties as text.
"""

from __future__ import annotations

from html import escape

from .ical import issue_month, window
from .model import Duty, Faq, Plan
from .text import shorten
from .urls import duty_anchor
from .vocabulary import GENERATED_MARK


FIRST_YEAR, LAST_YEAR = 2025, 2028
LABEL_W, MONTH_W, ROW_H, TOP = 330, 14, 24, 46
WIDTH = LABEL_W + MONTH_W * 12 * (LAST_YEAR - FIRST_YEAR + 1) + 10


def x_of(year: int, month: int) -> int:
    return LABEL_W + MONTH_W * ((year - FIRST_YEAR) * 12 + month - 1)


def drawn(plans: dict[str, Plan], faq: Faq) -> list[Duty]:
    """The duties the picture shows: dated ones, and recurring ones whose plan prints a start."""
    out = []
    for d in sorted(faq.register.duties, key=lambda d: (d.sort_key(), d.plan, d.id)):
        if window(d) or (d.time and d.time.kind in ("monthly", "yearly") and issue_month(plans[d.plan])):
            out.append(d)
    return out


def render_timeline(plans: dict[str, Plan], faq: Faq) -> str:
    duties = drawn(plans, faq)
    height = TOP + ROW_H * len(duties) + 30
    names = {b.id: b.short for b in faq.bodies}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
           f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="tl-title tl-desc" '
           'font-family="sans-serif" font-size="11">',
           f"<!-- {GENERATED_MARK} -->",
           '<title id="tl-title">Dòng thời gian các việc có thời hạn và các việc định kỳ, 2025–2028</title>',
           '<desc id="tl-desc">Mỗi hàng là một việc của hai kế hoạch. Thanh xám: khoảng thời gian phải hoàn thành '
           '(tháng, quý, nhiều năm). Vạch đứng: việc hằng tháng. Hình thoi: việc hằng năm (vẽ từ tháng ban hành kế '
           'hoạch, vì kế hoạch không nêu ngày trong năm). Việc thường xuyên, theo hướng dẫn của cấp trên, hoặc không '
           'nêu thời gian không có trong hình; trang Theo thời hạn liệt kê đủ mọi việc bằng chữ.</desc>',
           f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>']
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        x = x_of(year, 1)
        out.append(f'<line x1="{x}" y1="{TOP - 16}" x2="{x}" y2="{height - 24}" stroke="#999999"/>')
        out.append(f'<text x="{x + 4}" y="{TOP - 22}" font-weight="bold">{year}</text>')
        for q in (4, 7, 10):
            xq = x_of(year, q)
            out.append(f'<line x1="{xq}" y1="{TOP - 10}" x2="{xq}" y2="{height - 24}" stroke="#dddddd"/>')
    for row, d in enumerate(duties):
        y = TOP + row * ROW_H
        who = ", ".join(dict.fromkeys(names[b.body] for b in d.bodies))
        label = shorten(f"{d.plan} · {d.id}: {who}", 52)
        full = f"{d.plan} mục {d.section} ({d.id}): {d.text} — Thời gian: {d.time.wording} — {who}"
        out.append(f'<g id="{duty_anchor(d)}"><title>{escape(full)}</title>')
        out.append(f'<text x="4" y="{y + 15}">{escape(label)}</text>')
        span = window(d)
        if span:
            start, end = span
            x1 = x_of(max(start.year, FIRST_YEAR), start.month if start.year >= FIRST_YEAR else 1)
            x2 = x_of(min(end.year, LAST_YEAR + 1), end.month if end.year <= LAST_YEAR else 1)
            out.append(f'<rect x="{x1}" y="{y + 4}" width="{max(x2 - x1, 4)}" height="{ROW_H - 8}" '
                       'fill="#bbbbbb" stroke="#000000"/>')
            out.append(f'<text x="{x2 + 4}" y="{y + 15}">{escape(shorten(d.time.wording, 40))}</text>'
                       if x2 < WIDTH - 200 else "")
        else:
            first = issue_month(plans[d.plan])
            step = 1 if d.time.kind == "monthly" else 12
            month = first.month + (first.year - FIRST_YEAR) * 12
            while month <= (LAST_YEAR - FIRST_YEAR + 1) * 12:
                x = LABEL_W + MONTH_W * (month - 1)
                if step == 1:
                    out.append(f'<line x1="{x + 3}" y1="{y + 5}" x2="{x + 3}" y2="{y + ROW_H - 5}" '
                               'stroke="#000000" stroke-width="2"/>')
                else:
                    cy = y + ROW_H // 2
                    out.append(f'<path d="M{x} {cy} l6 -7 l6 7 l-6 7 z" fill="#666666" stroke="#000000"/>')
                month += step
        out.append("</g>")
    out.append(f'<text x="4" y="{height - 8}" fill="#333333">Nguồn: sổ đăng ký nhiệm vụ lập từ lời văn hai kế '
               'hoạch. Thời gian ghi đúng lời văn kế hoạch.</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
