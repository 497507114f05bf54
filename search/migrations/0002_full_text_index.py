"""The full-text index over `search_searchentry`, for the database in use.

SQLite: an FTS5 table kept in step by triggers. Its tokenizer keeps marks
(`remove_diacritics 0`) because the text is folded in Python (`search.text`),
which folds every Vietnamese mark and `đ`, where SQLite's folding does not.

PostgreSQL: two generated `tsvector` columns with the `simple` configuration
(no stemming, no stop words: `an`, `do`, `to`, `me` are Vietnamese words),
and a GIN index. The columns are not Django fields; the engine queries them
with SQL.
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
    CREATE TRIGGER search_entry_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_entry_fts (rowid, title_folded, text_folded, numbers, title_normalized, text_normalized)
        VALUES (new.id, new.title_folded, new.text_folded, new.numbers, new.title_normalized, new.text_normalized);
    END
    """,
    """
    CREATE TRIGGER search_entry_fts_update AFTER UPDATE ON search_searchentry BEGIN
        DELETE FROM search_entry_fts WHERE rowid = old.id;
        INSERT INTO search_entry_fts (rowid, title_folded, text_folded, numbers, title_normalized, text_normalized)
        VALUES (new.id, new.title_folded, new.text_folded, new.numbers, new.title_normalized, new.text_normalized);
    END
    """,
    """
    CREATE TRIGGER search_entry_fts_delete AFTER DELETE ON search_searchentry BEGIN
        DELETE FROM search_entry_fts WHERE rowid = old.id;
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
    ALTER TABLE search_searchentry ADD COLUMN fold_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(title_folded, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(numbers, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(text_folded, '')), 'D')
    ) STORED
    """,
    """
    ALTER TABLE search_searchentry ADD COLUMN norm_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(title_normalized, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(text_normalized, '')), 'D')
    ) STORED
    """,
    "CREATE INDEX search_entry_fold_vector_gin ON search_searchentry USING gin (fold_vector)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_fold_vector_gin",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS norm_vector",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS fold_vector",
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
