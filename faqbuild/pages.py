"""Page renderers: a question with its citations and facets, the topic pages,
the home page and the glossary. Pure functions: model -> Markdown.
"""

from __future__ import annotations

from collections.abc import Iterator

from .changelog import render_changed_line
from .cite import answer_citation, cite_element
from .exports import json_lines
from .md import (
    answer_block,
    citation_label,
    first_sentence,
    front_matter,
    joined_lines,
    md_escape,
    plain_text,
    question_link,
)
from .model import Faq, Plan, Question
from .text import fold_key, shorten, title_case, whole_word_in
from .urls import (
    BOOKLET_PDF,
    HOME_PAGE,
    SCHEMA_URL_PATH,
    VIEW_PAGES,
    body_page,
    permalink_page,
    plan_page,
    question_page,
    rel,
    section_href,
    topic_page,
)
from .vocabulary import GENERATED_MARK, NOT_SEARCHED, ROLES, SEARCH_BOOST_ANSWERS, TOPICS, VIEW_TITLES


def render_sources(q: Question, plans: dict[str, Plan], page: str) -> str:
    # Out of the search index (data-search-exclude): the quotes are indexed once,
    # on the plan's own page, and the answer's text is what a search should match.
    lines = ["", '<div class="faq-sources" markdown data-search-exclude>', "", "**Căn cứ:**", ""]
    # One line per section, with all the quotes taken from it.
    quotes: dict[tuple[str, str], list[str]] = {}
    for c in q.citations:
        quotes.setdefault((c.plan, c.section), [])
        if c.quote:
            quotes[(c.plan, c.section)].append(f"“{md_escape(c.quote)}”")
    for (plan_id, section_id), said in quotes.items():
        plan = plans[plan_id]
        section = plan.section(section_id)
        link = f"[{md_escape(citation_label(plan, section))}]({section_href(page, plan, section)})"
        if said:
            # The booklet prints the citation alone, as "Kế hoạch …, mục II.2.4".
            link += f'<span class="faq-quote">: {" … ".join(said)}</span>'
        lines.append(f"- {link}")
    lines += ["", "</div>"]
    return "\n".join(lines)


def render_meta(q: Question, faq: Faq, page: str) -> str:
    parts = []
    names = {b.id: b for b in faq.bodies}
    if q.bodies:
        roles = "; ".join(f"[{md_escape(names[b.body].short)}]({rel(page, body_page(b.body))}) ({ROLES[b.role]})"
                          for b in q.bodies)
        parts.append(f"**Cơ quan:** {roles}")
    if q.deadline:
        parts.append(f"**Thời gian thực hiện:** {md_escape(q.deadline.wording)}")
    if not parts:
        return ""
    return '\n<div class="faq-facets" markdown>\n\n' + "  \n".join(parts) + "\n\n</div>\n"


def checklists_for(q: Question, faq: Faq) -> list[tuple[str, str]]:
    """(page id, name) of every checklist an answer is about: the bodies of its
    facets, and the bodies and reader groups its question names, by the names
    the registry, the readers' names and the groups know."""
    title = q.question.lower()
    named = lambda names: any(whole_word_in(n.lower(), title) for n in names)
    pages = {b.body: None for b in q.bodies}
    for body in faq.bodies:
        if body.named_in(q.question) or named(faq.register.reader_names(body.id)):
            pages[body.id] = None
    for group in faq.register.groups:
        if named((group.name.split(" (")[0], *group.aliases)):
            pages[group.id] = None
    names = {b.id: b.short for b in faq.bodies} | {g.id: g.name.split(" (")[0] for g in faq.register.groups}
    return [(pid, names[pid]) for pid in pages if pid in names]


def render_checklists(q: Question, faq: Faq, page: str) -> str:
    """Links from an answer about what a body must do to that body's checklist."""
    found = checklists_for(q, faq)
    if not found:
        return ""
    links = " · ".join(f"[{md_escape(name)}]({rel(page, body_page(pid))})" for pid, name in found)
    return f'<p class="faq-checklists" markdown data-search-exclude>Danh sách việc phải làm: {links}</p>\n'


def render_views(q: Question, page: str) -> str:
    """Links from an answer to every view that shows it."""
    links = []
    if q.bodies:  # the first body's page is enough: it links the others
        links.append(f"[{VIEW_TITLES['bodies'].lower()}]({rel(page, body_page(q.bodies[0].body))}#{q.id})")
    if q.deadline:
        links.append(f"[{VIEW_TITLES['deadlines'].lower()}]({rel(page, VIEW_PAGES['deadlines'])}#{q.id})")
    if page != VIEW_PAGES["print"]:
        links.append(f"[{VIEW_TITLES['print'].lower()}]({rel(page, VIEW_PAGES['print'])}#{q.id})")
    return '<p class="faq-views" markdown data-search-exclude>Xem câu hỏi này ' + " · ".join(links) + "</p>\n"


def render_question(q: Question, plans: dict[str, Plan], faq: Faq, page: str | None = None,
                    prefix: str = "", level: int = 2) -> str:
    page = page or question_page(q)
    heading = prefix + md_escape(q.question)
    return "\n".join([
        f"{'#' * level} {heading} {{#{q.id} .faq-question data-permalink=\"{rel(page, permalink_page(q.id))}\"}}",
        "",
        cite_element(answer_citation(q, plans), rel(page, permalink_page(q.id))),
        "",
        answer_block(q, page),
        render_meta(q, faq, page),
        render_sources(q, plans, page),
        render_changed_line(q, faq, page),
        render_checklists(q, faq, page),
        render_views(q, page),
        "",
    ])


def render_topic(topic: str, questions: list[Question], plans: dict[str, Plan], faq: Faq,
                 departed: list[tuple[str, Question | None, str | None]] = ()) -> Iterator[str]:
    """A topic page, in pieces (a question each): at 10,000 questions a topic
    page runs to 20 MB, and the build holds one piece at a time."""
    slug, title, blurb = TOPICS[topic]

    def groups() -> Iterator[list[str]]:
        # Search engines show the description: the first answer's first sentence.
        description = shorten(first_sentence(questions[0].answer), 160) if questions else blurb
        yield front_matter(title, description, ["search:", f"  boost: {SEARCH_BOOST_ANSWERS}"]) + [
            f"# {title}", "", blurb, ""]
        if not questions:
            yield ["Chưa có câu hỏi nào trong chủ đề này.\n"]
        for q in questions:
            yield [render_question(q, plans, faq)]
        yield [render_departed(topic_page(topic), list(departed)), render_json_ld(questions)]

    return joined_lines(groups())


def render_json_ld(questions: list[Question]) -> str:
    """schema.org FAQPage for the page, from the same model as the page text."""
    if not questions:
        return ""
    data = {"@context": "https://schema.org", "@type": "FAQPage", "inLanguage": "vi",
            "mainEntity": [{"@type": "Question", "name": q.question,
                            "acceptedAnswer": {"@type": "Answer", "text": plain_text(q.answer)}}
                           for q in questions]}
    # "</" would end the script element early; JSON allows the escaped form.
    payload = "".join(json_lines(data)).replace("</", "<\\/").replace("<!--", "\\u003c!--")
    return f'<script type="application/ld+json">\n{payload}</script>\n'


def render_home(plans: dict[str, Plan], faq: Faq) -> str:
    counts = {t: 0 for t in TOPICS}
    for q in faq.questions:
        counts[q.topic] += 1
    out = front_matter("Hỏi – đáp về kế hoạch thực hiện Chỉ thị 47-CT/TW", "", [*NOT_SEARCHED, "hide:", "  - toc"]) + [
           # The number is one unit: a narrow screen broke the title as "47-" / "CT/TW".
           '# Hỏi – đáp về kế hoạch thực hiện Chỉ thị <span class="nw">47-CT/TW</span> {#gioi-thieu}',
           "",
           "Trang này giải thích hai kế hoạch của Ban Thường vụ Tỉnh ủy triển khai "
           "Chỉ thị số 47-CT/TW ngày 23/5/2025 của Ban Bí thư về tăng cường sự lãnh đạo của Đảng "
           "đối với công tác dư luận xã hội trong tình hình mới: mục đích, yêu cầu, nhiệm vụ, "
           "cơ quan chịu trách nhiệm và thời gian thực hiện. Mỗi câu trả lời dẫn nguyên văn "
           "và liên kết đến đúng mục của kế hoạch.",
           "",
           *render_home_views(),
           "## Hai kế hoạch {#hai-ke-hoach}",
           "",
           # One column per plan, one row per fact: three columns fit a phone,
           # where six (a plan a row) were 600 px wide.
           *render_plans_table(plans, faq)]
    out += ["", "## Chủ đề {#chu-de}", ""]
    for topic, (slug, title, blurb) in TOPICS.items():
        out.append(f"- [{title}]({topic_page(topic)}) ({counts[topic]} câu hỏi): {blurb}")
    out += ["", "## Cách tìm câu trả lời {#cach-tim}", "",
            "Gõ vào ô **Tìm kiếm** ở đầu trang (hoặc nhấn phím `/`), có dấu hay không dấu đều được, "
            "viết tắt (DLXH, MTTQ, BTGDV…) cũng được. Có thể dùng từ thường ngày: “tiền”, “ngân sách” "
            "tìm ra “kinh phí”; “hạn chót”, “khi nào” tìm ra “thời hạn”, “thời gian”.", "",
            "Mỗi kết quả là một câu trả lời, một mục của kế hoạch hoặc trang của một cơ quan, xếp "
            "theo mức độ phù hợp: kết quả đầu tiên là câu trả lời khớp nhất; dòng chữ nhỏ phía trên "
            "cho biết kết quả thuộc trang nào. Bấm vào kết quả để đến thẳng nội dung đó.", "",
            "## Cách trích dẫn một câu trả lời {#cach-trich-dan}", "",
            "Mỗi câu hỏi có liên kết cố định theo mã của câu hỏi. Bấm nút **Sao chép liên kết** "
            "cạnh câu hỏi (hoặc biểu tượng ¶) rồi dán vào văn bản của đơn vị. Liên kết không đổi "
            "khi câu chữ của câu hỏi được sửa.", "",
            "Nút **Sao chép trích dẫn** chép căn cứ theo cách ghi trong văn bản: tên kế hoạch như văn bản "
            "tự ghi (số, ngày tháng, cơ quan ban hành), mục, nguyên văn câu chữ được dẫn, rồi liên kết "
            "cố định. Mỗi mục trên trang toàn văn kế hoạch cũng có nút này.", "",
            "## Dữ liệu {#du-lieu}", "",
            "Toàn bộ hỏi – đáp có ở dạng máy đọc được: [faq.json](faq.json) "
            f"(lược đồ của tệp nguồn: [faq.schema.json]({SCHEMA_URL_PATH})).", ""]
    return "\n".join(out)


def render_plans_table(plans: dict[str, Plan], faq: Faq) -> list[str]:
    ordered = sorted(plans.items())
    rows: list[tuple[str, list[str]]] = [("Kế hoạch", [f"[{md_escape(p.short_name)}]({plan_page(p.id)})" for _, p in ordered])]
    rows.append(("Cơ quan ban hành", [md_escape(p.issuer or "Ban Thường vụ Tỉnh ủy (không nêu tên tỉnh)")
                                      for _, p in ordered]))
    rows.append(("Ngày tháng (như in)", [md_escape(p.place_date or "không ghi") for _, p in ordered]))
    rows.append(("Người ký", [f"{md_escape(p.signer.name)} ({md_escape(title_case(p.signer.title))})"
                              for _, p in ordered]))
    rows.append(("Số mục", [str(len(p.leaves())) for _, p in ordered]))
    rows.append(("Câu hỏi", [str(sum(1 for q in faq.questions if any(c.plan == pid for c in q.citations)))
                             for pid, _ in ordered]))
    head, *body = rows
    out = [f"| {head[0]} | " + " | ".join(head[1]) + " |", "|---|" + "---|" * len(ordered)]
    out += [f"| **{label}** | " + " | ".join(cells) + " |" for label, cells in body]
    return out


def render_home_views() -> list[str]:
    """The views, in the page body: phone readers see no sidebar menu."""
    page = HOME_PAGE
    return ["## Tra cứu {#tra-cuu}", "",
            f"- [{VIEW_TITLES['bodies']}]({rel(page, VIEW_PAGES['bodies'])}): cơ quan, đơn vị của tôi phải làm gì, "
            "với vai trò nào, khi nào.",
            f"- [{VIEW_TITLES['deadlines']}]({rel(page, VIEW_PAGES['deadlines'])}): mọi thời hạn của hai kế hoạch, "
            "theo thứ tự thời gian.",
            f"- [{VIEW_TITLES['compare']}]({rel(page, VIEW_PAGES['compare'])}): hai kế hoạch đặt cạnh nhau, "
            "phần theo phần.",
            f"- [{VIEW_TITLES['print']}]({rel(page, VIEW_PAGES['print'])}): mọi câu hỏi trên một trang; "
            f'<a href="{rel(page, BOOKLET_PDF)}" download>tải bản in PDF (khổ A4)</a> có mục lục, số trang '
            "và toàn văn hai kế hoạch.", ""]


def render_glossary_snippet(faq: Faq) -> str:
    lines = [f"<!-- {GENERATED_MARK} -->"]
    for abbr, meaning in faq.glossary:
        lines.append(f"*[{abbr}]: {meaning}")
    return "\n".join(lines) + "\n"


def render_glossary_page(faq: Faq) -> str:
    out = front_matter("Chữ viết tắt") + ["# Chữ viết tắt", "",
           "Các chữ viết tắt dùng trong hai kế hoạch và trong trang này. Di chuột hoặc chạm vào "
           "chữ viết tắt ở bất kỳ trang nào để xem nghĩa đầy đủ.", "",
           "| Viết tắt | Nghĩa đầy đủ |", "|---|---|"]
    for abbr, meaning in sorted(faq.glossary, key=lambda x: fold_key(x[0])):
        out.append(f"| {md_escape(abbr)} | {md_escape(meaning)} |")
    return "\n".join(out) + "\n"


def render_departed(page: str, notes: list[tuple[str, Question | None, str | None]]) -> str:
    if not notes:
        return ""
    out = ["## Câu hỏi đã chuyển {#da-chuyen}", ""]
    for qid, target, reason in notes:
        if target is not None:
            out += [f"Câu hỏi mã `{qid}` nay ở đây: {question_link(target, page)}", f"{{: #{qid} }}", ""]
        else:
            out += [f"Câu hỏi mã `{qid}` đã được bỏ: {md_escape(reason or '')}", f"{{: #{qid} }}", ""]
    return "\n".join(out)
