#!/usr/bin/env python3
"""Build the Q&A pages of the site from faq.yml and the plans' own text.

Runs before `mkdocs build`: it checks faq.yml against plans/*.yml and writes
the pages into docs/. The work is done by the `faqbuild` package (see the
README's layout section); this file is the entry point the README names.
"""

import sys

from faqbuild.cli import main

if __name__ == "__main__":
    sys.exit(main())
