"""What a query asks for, once normalised: tokens, synonym alternatives, document number.

Engine-independent; the database engine turns a `QueryPlan` into FTS5 or
`tsquery` syntax, and the highlighter marks its terms.
"""

from dataclasses import dataclass, replace

from search.text import compact, fold_tokens, looks_like_document_number, tokenize

MAX_QUERY_TOKENS = 12
MIN_PREFIX_WORD_CHARS = 4


@dataclass(frozen=True)
class Alternative:
    """Folded tokens that must all match: next to each other in this order when `phrase`.

    `prefix`: a single token that matches any word starting with it (a typo's stand-in).
    """

    tokens: tuple[str, ...]
    phrase: bool = True
    prefix: bool = False


@dataclass(frozen=True)
class QueryPlan:
    normalized: tuple[str, ...]  # lower-case tokens with their marks
    folded: tuple[str, ...]  # the same tokens, folded
    # Every unit must match; a unit matches when one of its alternatives does.
    # A unit is one typed word, or words typed that form a synonym: then the
    # typed words (anywhere) or any synonym (as a phrase) will do.
    units: tuple[tuple[Alternative, ...], ...]
    document_number: str = ""  # compacted, when the query looks like one: "2935gddtcttt"

    @property
    def is_empty(self):
        return not self.units

    def with_prefixes_for(self, unknown_units):
        """The plan where each unit of `unknown_units` (indexes) also accepts words starting like its word.

        For a word that matches nothing, most often a typo at its end: `cuoj` → `cuo*`, `nuocc` → `nuoc*`.
        """
        units = list(self.units)
        for index in unknown_units:
            tokens = units[index][0].tokens
            if len(units[index]) == 1 and len(tokens) == 1 and len(tokens[0]) >= MIN_PREFIX_WORD_CHARS:
                units[index] = (*units[index], Alternative(tokens=(tokens[0][:-1],), prefix=True))
        return replace(self, units=tuple(units))

    def highlight_terms(self):
        """Folded tokens worth marking in a snippet."""
        return {
            token
            for unit in self.units
            for alternative in unit
            if not alternative.prefix
            for token in alternative.tokens
        }


def build_plan(text, *, synonym_groups=()):
    """The plan for `text`. `synonym_groups`: lists of terms, as `selectors.synonym_groups()` returns."""
    normalized = tuple(tokenize(text)[:MAX_QUERY_TOKENS])
    folded = tuple(fold_tokens(list(normalized)))
    groups = [_folded_group(group) for group in synonym_groups]
    units = _units(folded, [group for group in groups if len(group) > 1])
    number = compact(text) if looks_like_document_number(text) else ""
    return QueryPlan(normalized=normalized, folded=folded, units=units, document_number=number[:100])


def _folded_group(terms):
    phrases = (tuple(fold_tokens(tokenize(term))) for term in terms)
    return tuple(dict.fromkeys(phrase for phrase in phrases if phrase))


def _units(folded, groups):
    """Greedy, longest synonym phrase first, left to right."""
    units = []
    position = 0
    while position < len(folded):
        match = _longest_synonym_at(folded, position, groups)
        if match is None:
            units.append((Alternative(tokens=(folded[position],)),))
            position += 1
        else:
            typed, group = match
            synonyms = (Alternative(tokens=phrase) for phrase in group if phrase != typed)
            units.append((Alternative(tokens=typed, phrase=False), *synonyms))
            position += len(typed)
    return tuple(units)


def _longest_synonym_at(folded, position, groups):
    best = None
    for group in groups:
        for phrase in group:
            longer = best is None or len(phrase) > len(best[0])
            if longer and tuple(folded[position : position + len(phrase)]) == phrase:
                best = (phrase, group)
    return best
