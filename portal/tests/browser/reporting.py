"""Say loudly, at the top and the bottom of every pytest run, when the browser tests cannot run.

Loaded from the root conftest.py (`pytest_plugins`), so that the xdist
controller, which prints the report, has these hooks too.
"""

from portal.tests.browser import tools


def pytest_report_header(config):
    missing = tools.missing_tools()
    if not missing:
        return f"browser tests: {tools.CHROMIUM} with axe-core"
    outcome = "FAIL" if tools.browser_required() else "be SKIPPED"
    return f"browser tests: WILL {outcome}: {tools.missing_message(missing)}"


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    missing = tools.missing_tools()
    if not missing:
        return
    if tools.browser_required():
        title = f"BROWSER TESTS FAILED ({tools.REQUIRE_VARIABLE}=1)"
    else:
        title = f"BROWSER TESTS SKIPPED (set {tools.REQUIRE_VARIABLE}=1 to make this a failure)"
    terminalreporter.write_sep("!", title, yellow=True, bold=True)
    terminalreporter.write_line(tools.missing_message(missing), yellow=True, bold=True)
