"""The dashboard: server-rendered pages on the same edge as the API (issue 15).

An entry-point-level package: it reads the contexts' views and the rules' summaries, as the
API's routes do, and adds no rule of its own. ``accord.dashboard.web.install`` mounts it on the
API's app; nothing is imported at package import, so the CLI never loads Jinja2 or Babel.
"""
