"""The checks themselves must catch what they are for: a page with known faults fails each one."""

from urllib.parse import quote

BROKEN_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"></head>
<body><p><div>stray</div></p><input type="text"><img src="x.png">
<script>throw new Error("harness self-test");</script></body></html>"""


def test_the_page_checks_catch_known_faults(driver, page_checker):
    driver.get("data:text/html;charset=utf-8," + quote(BROKEN_PAGE))
    report = page_checker.check(driver, "harness self-test", record=False)
    problems = "\n".join(report.problems)
    assert "Nu error" in problems and "title" in problems, problems          # no <title>
    assert "axe critical: label" in problems, problems                       # unlabelled input
    assert "axe serious: html-has-lang" in problems, problems                # no lang
    assert "console SEVERE" in problems and "harness self-test" in problems, problems
