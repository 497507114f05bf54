"""Errors of the content exchange; `str()` of each is the message shown to the user."""


class ExchangeError(Exception):
    """A problem that stops an import or an export before anything is written."""


class FieldError(ExchangeError):
    """A problem with one key of a bundle line; the line number is added by the caller."""

    def __init__(self, key, reason):
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason


class LineError(ExchangeError):
    """`line N: key: reason`, N being the physical 1-based line of content.jsonl."""

    def __init__(self, *, line, key, reason):
        super().__init__(f"line {line}: {key}: {reason}")
        self.line = line
        self.key = key
        self.reason = reason


class MarkdownError(ExchangeError):
    """A body that the Markdown subset cannot represent safely."""
