"""The full-text index over `search_searchentrytext`, for the database in use.

SQLite: an FTS5 table (rowid = entry id) kept in step by triggers. Its
tokenizer keeps marks (`remove_diacritics 0`) because the text is folded in
Python (`search.text`), which folds every Vietnamese mark and `đ`, where
SQLite's folding does not. A later migration that alters `SearchEntryText`
makes Django rebuild the table on SQLite, which drops these triggers: such a
migration must create them again.

PostgreSQL: generated `tsvector` columns with the `simple` configuration
(no stemming, no stop words: `an`, `do`, `to`, `me` are Vietnamese words):
`fold_vector` over all the text, GIN-indexed, to match; `rank_vector` over
the title, document number and start of the text, to rank; `title_vector`,
GIN-indexed, for suggestions. They are not
Django fields; the engine queries them with SQL.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE search_entry_fts USING fts5(
        title_folded, text_folded, numbers, title_normalized, text_normalized,
        tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'
    )
    """,
    """
    CREATE TRIGGER search_entry_fts_insert AFTER INSERT ON search_searchentrytext BEGIN
        INSERT INTO search_entry_fts (rowid, title_folded, text_folded, numbers, title_normalized, text_normalized)
        VALUES (new.entry_id, new.title_folded, new.text_folded, new.numbers, new.title_normalized, new.text_normalized);
    END
    """,
    """
    CREATE TRIGGER search_entry_fts_update AFTER UPDATE ON search_searchentrytext BEGIN
        DELETE FROM search_entry_fts WHERE rowid = old.entry_id;
        INSERT INTO search_entry_fts (rowid, title_folded, text_folded, numbers, title_normalized, text_normalized)
        VALUES (new.entry_id, new.title_folded, new.text_folded, new.numbers, new.title_normalized, new.text_normalized);
    END
    """,
    """
    CREATE TRIGGER search_entry_fts_delete AFTER DELETE ON search_searchentrytext BEGIN
        DELETE FROM search_entry_fts WHERE rowid = old.entry_id;
    END
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_entry_fts_delete",
    "DROP TRIGGER IF EXISTS search_entry_fts_update",
    "DROP TRIGGER IF EXISTS search_entry_fts_insert",
    "DROP TABLE IF EXISTS search_entry_fts",
]

POSTGRESQL_FORWARD = [
    """
    ALTER TABLE search_searchentrytext ADD COLUMN fold_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(title_folded, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(numbers, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(text_folded, '')), 'D')
    ) STORED
    """,
    "CREATE INDEX search_entry_fold_vector_gin ON search_searchentrytext USING gin (fold_vector)",
    # Suggestions match titles (and document numbers) only.
    """
    ALTER TABLE search_searchentrytext ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, coalesce(title_folded, '') || ' ' || coalesce(numbers, ''))
    ) STORED
    """,
    "CREATE INDEX search_entry_title_vector_gin ON search_searchentrytext USING gin (title_vector)",
    # Ranking reads a vector per match: this one (title, number, start of the text) is small.
    """
    ALTER TABLE search_searchentrytext ADD COLUMN rank_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(title_folded, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(numbers, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, left(coalesce(text_folded, ''), 2000)), 'D')
    ) STORED
    """,
]
POSTGRESQL_BACKWARD = [
    "ALTER TABLE search_searchentrytext DROP COLUMN IF EXISTS rank_vector",
    "DROP INDEX IF EXISTS search_entry_title_vector_gin",
    "ALTER TABLE search_searchentrytext DROP COLUMN IF EXISTS title_vector",
    "DROP INDEX IF EXISTS search_entry_fold_vector_gin",
    "ALTER TABLE search_searchentrytext DROP COLUMN IF EXISTS fold_vector",
]

STATEMENTS = {
    "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD),
    "postgresql": (POSTGRESQL_FORWARD, POSTGRESQL_BACKWARD),
}


def run(schema_editor, *, forward):
    statements = STATEMENTS.get(schema_editor.connection.vendor)
    if statements is None:
        return  # other databases: the engine falls back to plain lookups
    for statement in statements[0 if forward else 1]:
        schema_editor.execute(statement)


def create_index(apps, schema_editor):
    run(schema_editor, forward=True)


def drop_index(apps, schema_editor):
    run(schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_entries_and_editors_tools"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index),
    ]
