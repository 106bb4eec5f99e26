"""The register as a spreadsheet: lich/nhiem-vu.csv, one row per duty and body.
Pure: model -> text. UTF-8 with a byte-order mark, which is how Excel knows
the file is UTF-8 (LibreOffice and Python's csv read it either way)."""

from __future__ import annotations

import csv
import io

from .model import Faq, Plan
from .urls import body_page, duty_anchor, html_url, section_url
from .vocabulary import ROLES


COLUMNS = ("ke_hoach", "ma_viec", "muc", "viec", "co_quan", "ten_co_quan", "vai_tro", "ten_vai_tro",
           "ke_hoach_ghi", "phoi_hop_voi", "thoi_gian_nguyen_van", "loai_thoi_gian", "thang", "quy",
           "tu_nam", "den_nam", "bao_cao_gui", "bao_cao_qua", "ky_bao_cao", "ghi_chu", "lien_ket", "can_cu")


def render_csv(plans: dict[str, Plan], faq: Faq) -> str:
    names = {b.id: b.name for b in faq.bodies}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for d in faq.register.duties:
        t, r = d.time, d.report
        plan = plans[d.plan]
        for b in d.bodies:
            writer.writerow([
                d.plan, d.id, d.section, d.text, b.body, names[b.body], b.role, ROLES[b.role], b.as_printed,
                "; ".join(b.with_bodies), t.wording if t else "", t.kind if t else "", (t.month or "") if t else "",
                (t.quarter or "") if t else "", (t.start or "") if t else "", (t.end or "") if t else "",
                "; ".join(r.to) if r else "", (r.via or "") if r else "", (r.frequency or "") if r else "",
                d.note, f"{html_url(body_page(b.body))}#{duty_anchor(d)}",
                section_url(plan, plan.section(d.section))])
    return "\ufeff" + out.getvalue()
