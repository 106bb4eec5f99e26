"""faqbuild: builds the Q&A site's pages (docs/) from faq.yml and plans/.

The pipeline, one module per stage (see build.py for the order):
vocabulary and shapes (what may be written) -> loader (YAML with positions)
-> plans, faqfile, questions, ids, rules (validation into model objects)
-> urls, md, pages, plan_pages, views, redirects, exports, schema, site
(pure renderers) -> write (the one writer) ; cli is the command line.
"""
